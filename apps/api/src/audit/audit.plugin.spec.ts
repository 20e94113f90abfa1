import { buildSchema, GraphQLError } from 'graphql';
import { createAuditPlugin } from './audit.plugin';
import type { AuditService } from './audit.service';

// The real @tsunagu/persistence loads Nest, which jest cannot require.
jest.mock('@tsunagu/persistence', () => ({ errorForLog: (error: Error) => `${error.name}: ${error.message}` }));

const secret = 's'.repeat(40);
const schema = buildSchema(`type Referral { id: ID! } type Query { x: Int } type Mutation { addReferralNote(id: ID!, note: String!): Referral }`);

function setup(write: AuditService['write'] = async () => undefined) {
  const lines: Array<[Record<string, unknown>, string]> = [];
  const log = { error: (fields: Record<string, unknown>, message: string) => void lines.push([fields, message]) };
  const plugin = createAuditPlugin({ write } as AuditService, secret, log);
  return { plugin, lines };
}

async function start(plugin: ReturnType<typeof setup>['plugin'], requestId = 'req-1') {
  const contextValue = { req: { id: requestId, ip: '127.0.0.1' } };
  return { hooks: (await plugin.requestDidStart!({ contextValue } as never))!, contextValue };
}

/** Runs one root mutation field through the plugin's hooks, as Apollo would. */
async function mutate(hooks: Awaited<ReturnType<typeof start>>['hooks'], contextValue: object, args: Record<string, unknown>, error: Error | null) {
  const execution = await hooks.executionDidStart!({ operation: { operation: 'mutation' } } as never);
  const field = schema.getMutationType()!.getFields().addReferralNote;
  const end = (execution as any).willResolveField({
    args,
    contextValue,
    info: {
      path: { prev: undefined, key: 'addReferralNote' },
      parentType: schema.getMutationType(),
      fieldName: 'addReferralNote',
      returnType: field.type,
    },
  });
  end(error, null);
}

describe('the audit plugin', () => {
  it('has nothing to do for a document whose operation Apollo could not pick (several, no operationName): no throw', async () => {
    const { plugin } = setup();
    const { hooks } = await start(plugin);
    await expect(hooks.executionDidStart!({ operation: undefined } as never)).resolves.toBeUndefined();
  });

  it('records the request id on each event, and a malformed id only as a hash', async () => {
    const written: unknown[] = [];
    const { plugin } = setup(async (events) => void written.push(...events));
    const { hooks, contextValue } = await start(plugin, 'req-42');
    await mutate(hooks, contextValue, { id: '山田 090-1234-5678', note: 'x' }, new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } }));
    await hooks.willSendResponse!({ response: { body: {}, http: { status: 200 } } } as never);
    expect(written).toEqual([
      expect.objectContaining({
        operation: 'addReferralNote',
        objectId: null,
        result: 'BAD_USER_INPUT',
        requestId: 'req-42',
        details: { malformed: { id: expect.stringMatching(/^[0-9a-f]{64}$/) } },
      }),
    ]);
    expect(JSON.stringify(written)).not.toContain('山田');
  });

  it('a failure inside a hook is logged, never thrown', async () => {
    const { plugin, lines } = setup();
    const { hooks, contextValue } = await start(plugin);
    const execution = await hooks.executionDidStart!({ operation: { operation: 'mutation' } } as never);
    // An info without a parent type: recording the event fails.
    const end = (execution as any).willResolveField({
      args: {},
      contextValue,
      info: { path: { prev: undefined }, fieldName: 'x', parentType: null, returnType: null },
    });
    expect(() => end(null, null)).not.toThrow();
    expect(lines.map(([fields, message]) => [fields.hook, fields.operation, message])).toEqual([
      ['willResolveField', 'x', 'api: audit plugin failed'],
    ]);
  });

  it('withholds the answer when the events cannot be written, with one loud line holding the events', async () => {
    const { plugin, lines } = setup(async () => {
      throw new Error('relation "audit_event" does not exist');
    });
    const { hooks, contextValue } = await start(plugin);
    await mutate(hooks, contextValue, { id: '0b6f3f7e-2a52-4c1e-9d55-6f1f2b9a0001', note: 'メモ' }, null);
    const response = { body: { kind: 'single', singleResult: { data: { addReferralNote: { id: 'x' } } } }, http: { status: 200 } };
    await hooks.willSendResponse!({ response } as never);
    expect(response.http.status).toBe(500);
    expect(response.body).toEqual({
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: 'Internal server error',
            extensions: { code: 'INTERNAL_SERVER_ERROR', messageJa: 'システムエラーが発生しました。システム管理者にお問い合わせください' },
          },
        ],
      },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0][1]).toBe('api: AUDIT WRITE FAILED; the response was withheld');
    expect(lines[0][0]).toMatchObject({
      cause: 'relation "audit_event" does not exist',
      events: [expect.objectContaining({ operation: 'addReferralNote' })],
    });
    expect(JSON.stringify(lines)).not.toContain('メモ');
  });

  it('withholds it as UNAVAILABLE (retryable, HTTP 503) when PostgreSQL is unreachable: the client sends the same request again', async () => {
    const { plugin, lines } = setup(async () => {
      throw new Error('Connection terminated unexpectedly');
    });
    const { hooks, contextValue } = await start(plugin);
    await mutate(hooks, contextValue, { id: '0b6f3f7e-2a52-4c1e-9d55-6f1f2b9a0001', note: 'メモ' }, null);
    const response = { body: { kind: 'single', singleResult: { data: { addReferralNote: { id: 'x' } } } }, http: { status: 200 } };
    await hooks.willSendResponse!({ response } as never);
    expect(response.http.status).toBe(503);
    expect(response.body).toEqual({
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: expect.stringContaining('sending the same request again'),
            extensions: { code: 'UNAVAILABLE', retryable: true, messageJa: 'ただいま処理できません。しばらくしてからもう一度お試しください' },
          },
        ],
      },
    });
    expect(lines[0][1]).toBe('api: AUDIT WRITE FAILED; the response was withheld');
  });
});
