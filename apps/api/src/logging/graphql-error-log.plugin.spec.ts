import { GraphQLError } from 'graphql';
import { clientCodeOf, createGraphqlErrorLogPlugin } from './graphql-error-log.plugin';

// The real @tsunagu/persistence loads Nest, which jest cannot require; errorForLog's own spec is in libs/persistence.
jest.mock('@tsunagu/persistence', () => ({ errorForLog: (error: Error) => `${error.name}: ${error.message}\n    at somewhere` }));

function logger() {
  const lines: Array<[string, Record<string, unknown>, string]> = [];
  return {
    lines,
    info: (fields: Record<string, unknown>, message: string) => lines.push(['info', fields, message]),
    error: (fields: Record<string, unknown>, message: string) => lines.push(['error', fields, message]),
  };
}

async function encounter(log: ReturnType<typeof logger>, errors: GraphQLError[], operationName: string | null = 'Note') {
  const plugin = createGraphqlErrorLogPlugin(log);
  const hooks = await plugin.requestDidStart!({} as never);
  const contextValue = { req: { id: 'req-1' } };
  await hooks!.didEncounterErrors!({ errors, operationName, operation: { operation: 'mutation' }, contextValue } as never);
}

describe('the GraphQL error log', () => {
  it.each(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED'])(
    'logs a client error (%s) as one info line with code, operation and request id: no message, no stack',
    async (code) => {
      const log = logger();
      const error = new GraphQLError('no area has the code "山田 090-1234-5678"', {
        path: ['submitReferral'],
        extensions: { code, fields: ['input.areaCode'] },
      });
      await encounter(log, [error]);
      expect(log.lines).toEqual([
        ['info', { operationName: 'Note', operationType: 'mutation', code, path: 'submitReferral', fields: ['input.areaCode'] }, 'client error'],
      ]);
      expect(JSON.stringify(log.lines)).not.toContain('山田');
    },
  );

  it('logs an internal error at error with its stack', async () => {
    const log = logger();
    const original = new Error('relation "deadline_rule" does not exist');
    await encounter(log, [new GraphQLError(original.message, { path: ['deadlineRules'], originalError: original })], null);
    expect(log.lines).toEqual([
      [
        'error',
        {
          operationName: null,
          operationType: 'mutation',
          code: 'INTERNAL_SERVER_ERROR',
          path: 'deadlineRules',
          error: 'Error: relation "deadline_rule" does not exist\n    at somewhere',
        },
        'internal error',
      ],
    ]);
  });

  it('treats a code the client is not told as internal, and a Nest HTTP exception by its status', () => {
    expect(clientCodeOf(new GraphQLError('x', { extensions: { code: 'SOMETHING_ELSE' } }))).toBe('INTERNAL_SERVER_ERROR');
    const forbidden = Object.assign(new Error('Forbidden resource'), { getStatus: () => 403 });
    expect(clientCodeOf(new GraphQLError('x', { originalError: forbidden }))).toBe('FORBIDDEN');
  });

  it('never throws, whatever the logger does', async () => {
    const failing = {
      info: () => {
        throw new Error('disk full');
      },
      error: () => {
        throw new Error('disk full');
      },
    };
    const plugin = createGraphqlErrorLogPlugin(failing);
    const hooks = await plugin.requestDidStart!({} as never);
    await expect(
      hooks!.didEncounterErrors!({ errors: [new GraphQLError('x')], operationName: null, contextValue: undefined } as never),
    ).resolves.toBeUndefined();
  });
});
