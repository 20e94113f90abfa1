import { ErrorCode } from '@tsunagu/domain';
import { codeForClient, formatError } from './format-error';

const production = formatError({ hideSuggestions: true });
const development = formatError();

describe('formatError', () => {
  it.each([
    ['production', production],
    ['development', development],
  ])('masks an unexpected error to INTERNAL_SERVER_ERROR and a safe message in %s: no SQL, no stack', (_mode, format) => {
    const original = new Error('relation "audit_event" does not exist');
    const formatted = format(
      {
        message: 'relation "audit_event" does not exist',
        path: ['auditEvents'],
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          messageJa: 'システムエラーが発生しました。システム管理者にお問い合わせください',
          stacktrace: ['QueryFailedError: x', '    at /work/node_modules/typeorm/driver.js:1:1'],
          query: 'SELECT * FROM audit_event',
        },
      },
      { originalError: original },
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['auditEvents'],
      locations: undefined,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageJa: expect.any(String) },
    });
  });

  it('masks an error with a code the API does not give out', () => {
    expect(production({ message: 'secret detail', extensions: { code: 'SOMETHING_ELSE' } }, {}).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      messageJa: expect.any(String),
    });
  });

  it('keeps client errors and drops their stack traces in every mode', () => {
    for (const format of [production, development]) {
      expect(format({ message: 'Referral not found', extensions: { code: 'NOT_FOUND', stacktrace: ['at /work/apps/api/x.js:1:1'] } }, {})).toEqual({
        message: 'Referral not found',
        extensions: { code: 'NOT_FOUND', messageJa: '見つかりません' },
      });
    }
  });

  it('tells which code the client gets, for logging', () => {
    expect(codeForClient({ extensions: { code: 'NOT_FOUND' } })).toBe('NOT_FOUND');
    expect(codeForClient({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } })).toBe('BAD_USER_INPUT');
    expect(codeForClient({ extensions: { code: 'SOMETHING_ELSE' } })).toBe('INTERNAL_SERVER_ERROR');
    expect(codeForClient({ extensions: {} })).toBe('INTERNAL_SERVER_ERROR');
    expect(codeForClient({})).toBe('INTERNAL_SERVER_ERROR');
  });

  it('passes a move not recorded on to the client with its reason', () => {
    const error = { message: 'The move was not recorded', extensions: { code: 'MOVE_NOT_RECORDED', reason: 'WRITE_REFUSED', stacktrace: ['at x'] } };
    expect(production(error, {})).toEqual({
      message: 'The move was not recorded',
      extensions: { code: 'MOVE_NOT_RECORDED', reason: 'WRITE_REFUSED', messageJa: expect.any(String) },
    });
    expect(codeForClient(error)).toBe('MOVE_NOT_RECORDED'); // so it is logged as a client error, one line
  });

  it('strips field suggestions in production only', () => {
    const error = {
      message: 'Cannot query field "subjet" on type "Referral". Did you mean "subject"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(production(error, {}).message).toBe('Cannot query field "subjet" on type "Referral".');
    expect(development(error, {}).message).toContain('Did you mean');
  });

  it('answers the token limit as BAD_USER_INPUT naming it', () => {
    const formatted = production(
      {
        message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
        locations: [{ line: 1, column: 9000 }],
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
      {},
    );
    expect(formatted).toEqual({
      message: 'The document has more than 2000 tokens, the most this server reads: send a smaller query',
      extensions: { code: 'BAD_USER_INPUT', fields: ['query'], limit: 'tokens', max: 2000, messageJa: expect.any(String) },
    });
  });

  it('leaves other syntax errors as GRAPHQL_PARSE_FAILED', () => {
    expect(
      production({ message: 'Syntax Error: Expected Name, found "}".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, {}).extensions?.code,
    ).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers the depth and alias rules (filed by Apollo as validation errors) as BAD_USER_INPUT', () => {
    const formatted = production(
      {
        message: 'The operation nests fields 11 levels deep; the limit is 10',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', max: 10, fields: ['query'] },
      },
      {},
    );
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'depth', max: 10, fields: ['query'], messageJa: expect.any(String) });
  });
});
