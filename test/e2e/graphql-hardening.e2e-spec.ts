// GraphQL hardening against the real api in production mode: each limit (depth, aliases, tokens, cost, batching, body
// size) refuses what is over it with BAD_USER_INPUT naming the limit (413 for the body) and runs nothing of it; no
// "Did you mean" suggestions, no introspection, no stack traces; an unexpected error is masked. The defaults are tested
// on the shared api; exact boundaries on a second api started here with small limits.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { freePort } from '@tsunagu/testing/servers/free-port';
import { startApiProcess } from '@tsunagu/testing/stack/app-processes';
import { DECLINE, personNeed, REFERRAL_FIELDS, SUBMIT } from './support/documents';

jest.setTimeout(180_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let admin: GraphQLSession;
let referral: { id: string };

/** Every error any call in this file received, checked at the end for stack traces. */
const seen: GraphQLResponse<unknown>[] = [];
const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

async function send(session: GraphQLSession, query: string, variables: Record<string, unknown> = {}) {
  const response = await session.send(query, variables);
  seen.push(response);
  return response;
}

/** POSTs a raw body and returns the status and the text of the answer. */
async function post(url: string, body: string, token: string | null = tier2.token): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

async function handoffCount(id: string): Promise<number> {
  return (await queryRows<{ n: number }>(state.databaseUrl, 'SELECT count(*)::int AS n FROM referral_handoff WHERE referral_id = $1', [id]))[0].n;
}

async function auditCount(): Promise<number> {
  return (await queryRows<{ n: number }>(state.databaseUrl, 'SELECT count(*)::int AS n FROM audit_event'))[0].n;
}

/** The limit error the api answers: one error, BAD_USER_INPUT naming the limit and the `query` field, HTTP 400. */
function expectLimit(response: GraphQLResponse<unknown>, limit: string, max: number, message: RegExp): void {
  expect(response.status).toBe(400);
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0].extensions).toEqual({
    code: 'BAD_USER_INPUT',
    fields: ['query'],
    limit,
    max,
    messageJa: 'リクエストが大きすぎます。検索条件や取得する項目を減らしてください',
  });
  expect(response.errors![0].message).toMatch(message);
  expect(response.data ?? null).toBeNull();
}

const aliases = (n: number, field = 'me { id }') => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'hardening');
  [tier2, admin] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.admin, city.password),
  ]);
  referral = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
});

describe('the default limits', () => {
  it('let the heaviest documents the clients and tests send through', async () => {
    // A page of 100 referrals with every field the tests ask for, handoffs included (cost about 28 500).
    const heavy = await send(
      tier2,
      `query ($area: String!) { referrals(first: 100, filter: { areaCode: [$area] }) { totalCount edges { cursor node { ${REFERRAL_FIELDS} } } } }`,
      { area: city.areaCode },
    );
    expect(heavy.errors).toBeUndefined();
    expect(heavy.data!.referrals.totalCount).toBe(1);
    // The deepest path in the schema: 8 levels.
    const deepest = await send(tier2, '{ referrals(first: 5) { edges { node { handoffs { actor { organization { areas { code } } } } } } } }');
    expect(deepest.errors).toBeUndefined();
  });

  it('refuses a document nested deeper than 10 levels', async () => {
    // The schema has no path that deep today (8 at most), so the fields below are made up; the limit is reported anyway.
    const deep = await send(tier2, '{ me { a { b { c { d { e { f { g { h { i { j } } } } } } } } } } }');
    const limit = deep.errors?.find((e) => e.extensions?.limit === 'depth');
    expect(limit).toMatchObject({
      message: 'The operation nests fields 11 levels deep; the limit is 10',
      extensions: { code: 'BAD_USER_INPUT', max: 10 },
    });
    expect(deep.status).toBe(400);
  });

  it('accepts 20 aliases and refuses 21', async () => {
    expect((await send(tier2, aliases(20))).errors).toBeUndefined();
    expectLimit(await send(tier2, aliases(21)), 'aliases', 20, /uses 21 aliases; the limit is 20/);
  });

  it('refuses 21 aliased mutations without running any of them', async () => {
    const before = { handoffs: await handoffCount(referral.id), audit: await auditCount() };
    const doc = `mutation ($id: ID!) { ${Array.from({ length: 21 }, (_, i) => `n${i}: addReferralNote(id: $id, note: "${i}") { id }`).join(' ')} }`;
    expectLimit(await send(tier2, doc, { id: referral.id }), 'aliases', 20, /21 aliases/);
    expect({ handoffs: await handoffCount(referral.id), audit: await auditCount() }).toEqual(before);
  });

  it('accepts a document of 1 980 tokens and refuses one of more than 2 000', async () => {
    // 220 operations of 9 tokens each (`query Qn { me { id email } }`), one of them chosen by name.
    const many = Array.from({ length: 220 }, (_, i) => `query Q${i} { me { id email } }`).join('\n');
    const answer = await post(state.graphqlUrl, JSON.stringify({ query: many, operationName: 'Q219' }));
    expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({
      status: 200,
      body: { data: { me: { id: tier2.userId, email: city.emails.tier2 } } },
    });
    const response = await send(tier2, `{ me { ${'id '.repeat(2100)} } }`);
    expectLimit(response, 'tokens', 2000, /^The document has more than 2000 tokens, the most this server reads/);
  });

  it('refuses an operation costing more than 50 000, and counts first from variables', async () => {
    const nested = `query ($n: Int) { referrals(first: $n) { edges { node { handoffs {
      toOrganization { areas { code name } } fromOrganization { areas { code name } } } } } } }`;
    // referrals 1 + edges (1 + n × node (1 + handoffs (1 + 20 × 2 × organization (1 + areas (1 + 20 × 2))))): 2 + 1682 n
    expectLimit(await send(tier2, nested, { n: 100 }), 'cost', 50_000, /^The operation would cost 168202, above the limit of 50000/);
    // n = 2: 3 366
    expect((await send(tier2, nested, { n: 2 })).errors).toBeUndefined();
  });

  it('refuses a batched request (a JSON array of operations) with 400 and runs none of it', async () => {
    const before = { handoffs: await handoffCount(referral.id), audit: await auditCount() };
    const note = { query: 'mutation ($id: ID!) { addReferralNote(id: $id, note: "batched") { id } }', variables: { id: referral.id } };
    const answer = await post(state.graphqlUrl, JSON.stringify([note, note]));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Operation batching disabled');
    expect({ handoffs: await handoffCount(referral.id), audit: await auditCount() }).toEqual(before);
    // A single operation in the same shape (not an array) works.
    expect((await post(state.graphqlUrl, JSON.stringify(note))).status).toBe(200);
  });

  it('refuses a body over 1 MiB with 413 before anything runs, and takes one just under it', async () => {
    const before = await auditCount();
    const input = personNeed(city.areaCode, { summary: 'あ'.repeat(400_000) }); // 1.2 MB in UTF-8
    const big = await post(state.graphqlUrl, JSON.stringify({ query: SUBMIT, variables: { input } }));
    expect(big.status).toBe(413);
    expect(big.type).toContain('application/json');
    expect(big.text).not.toMatch(/at \w+ \(|node_modules|stack/i);
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM referral WHERE client_request_id = $1', [input.clientRequestId])).toEqual([]);
    expect(await auditCount()).toBe(before);

    const padding = 'x'.repeat(1024 * 1024 - 200);
    const fits = await post(state.graphqlUrl, JSON.stringify({ query: '{ me { id } }', variables: { padding } }));
    expect(fits.status).toBe(200);
    expect(JSON.parse(fits.text)).toEqual({ data: { me: { id: tier2.userId } } });
  });
});

describe('what errors tell', () => {
  it('no field, argument, input field or enum suggestions', async () => {
    const responses = [
      await send(tier2, '{ me { emial } }'),
      await send(tier2, '{ referrals(frist: 1) { totalCount } }'),
      await send(tier2, `{ referral(id: "${referral.id}") { subjet { displayName } } }`),
      await send(tier2, DECLINE, { id: referral.id, reason: 'NO_CAPACIT' }),
      await send(tier2, SUBMIT, { input: { ...personNeed(city.areaCode), summry: 'x' } }),
    ];
    for (const response of responses) {
      expect(response.errors?.length).toBeGreaterThan(0);
      for (const error of response.errors!) expect(error.message).not.toMatch(/Did you mean|summary"|email"|"first"|"subject"|NO_CAPACITY/);
    }
    expect(responses[0].errors![0].message).toBe('Cannot query field "emial" on type "User".');
  });

  it('introspection is refused; __typename still works', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Referral") { fields { name } } }',
      'query { me { id } __schema { queryType { name } } }',
    ]) {
      const response = await send(tier2, query);
      expect(codes(response)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(response.data ?? null).toBeNull();
      expect(JSON.stringify(response)).not.toContain('ReferralSubject');
    }
    expect((await send(tier2, '{ __typename me { __typename } }')).data).toEqual({ __typename: 'Query', me: { __typename: 'User' } });
  });

  it('an unexpected error is INTERNAL_SERVER_ERROR with a safe message, and nothing of its cause', async () => {
    // Make the audit log's table disappear for a moment: the admin query then fails inside the database driver.
    await queryRows(state.databaseUrl, 'ALTER TABLE audit_event RENAME TO audit_event_hidden');
    let response: GraphQLResponse<any>;
    try {
      response = await send(admin, '{ auditEvents(first: 1) { totalCount } }');
    } finally {
      await queryRows(state.databaseUrl, 'ALTER TABLE audit_event_hidden RENAME TO audit_event');
    }
    expect(response.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['auditEvents'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR', messageJa: 'システムエラーが発生しました。システム管理者にお問い合わせください' },
      },
    ]);
    expect(JSON.stringify(response)).not.toMatch(/audit_event|relation|does not exist|QueryFailedError|typeorm/i);
  });

  it('no error of any call in this file carried a stack trace or exception details', () => {
    expect(seen.length).toBeGreaterThan(15);
    for (const response of seen) {
      for (const error of response.errors ?? []) {
        expect(Object.keys(error.extensions ?? {})).not.toEqual(expect.arrayContaining(['stacktrace']));
        expect(error.extensions).not.toHaveProperty('exception');
        expect(error.extensions).not.toHaveProperty('originalError');
      }
    }
  });
});

describe('limits set by configuration', () => {
  // A second api on the same database and Temporal, with small limits, to check each boundary exactly.
  let api: Awaited<ReturnType<typeof startApiProcess>>;
  let session: GraphQLSession;
  let url: string;

  beforeAll(async () => {
    const port = await freePort('127.0.0.1');
    api = await startApiProcess(
      {
        ...state.appEnv,
        TSUNAGU_GRAPHQL_MAX_DEPTH: '4',
        TSUNAGU_GRAPHQL_MAX_ALIASES: '2',
        TSUNAGU_GRAPHQL_MAX_TOKENS: '60',
        TSUNAGU_GRAPHQL_MAX_COST: '100',
        TSUNAGU_GRAPHQL_DEFAULT_LIST_SIZE: '5',
        TSUNAGU_HTTP_MAX_BODY_BYTES: '4096',
      },
      port,
    );
    url = `http://127.0.0.1:${port}/graphql`;
    session = await signIn(url, city.emails.tier2, city.password);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('depth: 4 levels pass, 5 do not', async () => {
    expect((await session.send(`{ referral(id: "${referral.id}") { handoffs { actor { id } } } }`)).errors).toBeUndefined();
    expectLimit(
      await session.send(`query Deep { referral(id: "${referral.id}") { handoffs { actor { organization { id } } } } }`),
      'depth',
      4,
      /^The operation "Deep" nests fields 5 levels deep; the limit is 4$/,
    );
  });

  it('depth counts through fragments', async () => {
    const doc = `{ referral(id: "${referral.id}") { ...H } } fragment H on Referral { handoffs { actor { organization { id } } } }`;
    expectLimit(await session.send(doc), 'depth', 4, /5 levels deep/);
  });

  it('aliases: 2 pass, 3 do not, counting a fragment once per spread', async () => {
    expect((await session.send(aliases(2))).errors).toBeUndefined();
    expectLimit(await session.send(aliases(3)), 'aliases', 2, /uses 3 aliases; the limit is 2/);
    expectLimit(await session.send('{ me { ...F } again: me { ...F } } fragment F on User { x: id }'), 'aliases', 2, /uses 3 aliases/);
  });

  it('tokens: 60 pass, 61 do not', async () => {
    // `{ me { ` + n × `id ` + `} }` is n + 5 tokens as graphql-js counts them
    expect((await session.send(`{ me { ${'id '.repeat(55)}} }`)).errors).toBeUndefined();
    expectLimit(await session.send(`{ me { ${'id '.repeat(56)}} }`), 'tokens', 60, /more than 60 tokens/);
  });

  it('cost: a list counts its first, the first of its connection, or the default list size', async () => {
    // referrals(first: n) { edges { node { id status } } }: 1 + 1 + 3 n
    expect((await session.send('{ referrals(first: 32) { edges { node { id status } } } }')).errors).toBeUndefined();
    expectLimit(
      await session.send('{ referrals(first: 33) { edges { node { id status } } } }'),
      'cost',
      100,
      /^The operation would cost 101, above the limit of 100/,
    );
    // No first: the schema's default for referrals, 20: 1 + 1 + 20 × (cursor 1 + node 4) = 102
    expectLimit(await session.send('{ referrals { edges { cursor node { id status category } } } }'), 'cost', 100, /would cost 102/);
    // Lists without first count the default list size (5 here): organizations { areas { code name } } = 1 + 5 × (1 + 5 × 2) = 56
    expect((await session.send('{ organizations { areas { code name } } }')).errors).toBeUndefined();
    expectLimit(
      await session.send('{ organizations { areas { code name } } again: organizations { areas { code name } } }'),
      'cost',
      100,
      /would cost 112/,
    );
  });

  it('body: 4096 bytes pass, more is 413', async () => {
    const body = (n: number) => {
      const shell = JSON.stringify({ query: '{ me { id } }', variables: { padding: '' } });
      return JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(n - shell.length) } });
    };
    expect(Buffer.byteLength(body(4096))).toBe(4096);
    expect((await post(url, body(4096), session.token)).status).toBe(200);
    expect((await post(url, body(4097), session.token)).status).toBe(413);
  });
});

describe('start-up configuration of the limits', () => {
  const entry = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
  const good = {
    DATABASE_URL: 'postgres://tsunagu:secret-password@127.0.0.1:1/tsunagu',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    TSUNAGU_JWT_SECRET: 'x'.repeat(40),
  };

  it.each([
    ['TSUNAGU_GRAPHQL_MAX_DEPTH', 'deep', 'whole number'],
    ['TSUNAGU_GRAPHQL_MAX_ALIASES', '-1', 'at least 0'],
    ['TSUNAGU_GRAPHQL_MAX_TOKENS', '10', 'at least 50'],
    ['TSUNAGU_GRAPHQL_MAX_COST', '1e6', 'whole number'],
    ['TSUNAGU_GRAPHQL_DEFAULT_LIST_SIZE', '0', 'at least 1'],
    ['TSUNAGU_HTTP_MAX_BODY_BYTES', '1mb', 'whole number'],
  ])('the api stops when %s is %s', (variable, value, problem) => {
    const { PATH, HOME } = process.env;
    const result = spawnSync(process.execPath, [entry], { env: { PATH, HOME, ...good, [variable]: value }, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toContain(`Configuration error: ${variable}`);
    expect(`${result.stdout}${result.stderr}`).toContain(problem);
  });
});

describe('afterwards', () => {
  it('no refused request of this file submitted a referral', async () => {
    const rows = await queryRows<{ n: number }>(state.databaseUrl, 'SELECT count(*)::int AS n FROM referral WHERE area_id = $1', [city.areaId]);
    expect(rows[0].n).toBe(1);
  });
});
