// What reaches the api's log and the audit log, against real api processes of this file's own (production and
// development mode) whose whole log files it reads: one JSON object per line with the request's id, which also goes
// back to the caller and into the request's audit events; client errors one line at info without a stack, internal
// errors at error with it; no request body, token, cookie, free text typed into an id or code argument, in the log or
// the audit log; a document with two operations and no operationName is a 400, not a 500; and no answer, in any mode,
// names a server path or SQL.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { freePort } from '@tsunagu/testing/servers/free-port';
import { startApiProcess } from '@tsunagu/testing/stack/app-processes';
import { ACCEPT, NOTE, personNeed, SUBMIT } from './support/documents';

jest.setTimeout(180_000);

const state = readE2eState();
const logDir = mkdtempSync(join(tmpdir(), 'tsunagu-logs-e2e-'));

type Api = Awaited<ReturnType<typeof startApiProcess>>;
interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  [key: string]: unknown;
}

/** An api process of our own whose log file we can read whole. */
async function ownApi(env: NodeJS.ProcessEnv, name: string): Promise<{ api: Api; url: string; logFile: string }> {
  const port = await freePort('127.0.0.1');
  const logFile = join(logDir, `${name}.log`);
  const api = await startApiProcess(env, port, logFile);
  return { api, url: `http://127.0.0.1:${port}/graphql`, logFile };
}

const logText = (file: string) => readFileSync(file, 'utf8');
/** Every line of the log, parsed: a line that is no JSON object fails the test. */
function logLines(file: string): LogLine[] {
  return logText(file)
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
      expect(parsed).toEqual(expect.objectContaining({ level: expect.any(Number) }));
      return parsed as LogLine;
    });
}

/** The log has been written a moment after the answer: wait for a line of the request to appear. */
async function linesOf(file: string, requestId: string, until: (lines: LogLine[]) => boolean = (lines) => lines.length > 0): Promise<LogLine[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = logLines(file).filter((line) => line.requestId === requestId);
    if (until(lines) || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, requestId: response.headers.get('x-request-id'), text, json: () => JSON.parse(text) };
}

const auth = (session: GraphQLSession) => ({ authorization: `Bearer ${session.token}` });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let city: TestCity;
let prod: { api: Api; url: string; logFile: string };
let tier2: GraphQLSession;
let partner: GraphQLSession;
let admin: GraphQLSession;
let referral: { id: string };

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'logs');
  prod = await ownApi(state.appEnv, 'production');
  [tier2, partner, admin] = await Promise.all([
    signIn(prod.url, city.emails.tier2, city.password),
    signIn(prod.url, city.emails.second, city.password),
    signIn(prod.url, city.emails.admin, city.password),
  ]);
  referral = (
    await tier2.data(`mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, { input: personNeed(city.areaCode) })
  ).submitReferral;
});

afterAll(async () => {
  await prod?.api.stop();
});

describe('free text typed into an id or code argument', () => {
  it('reaches neither the audit log nor the api log: only the field and a keyed hash are recorded', async () => {
    const typedId = `山田 太郎 ${randomUUID().slice(0, 8)} 090-1234-5678`;
    const typedArea = `田中 花子 ${randomUUID().slice(0, 8)} 072-111-2222`;
    const note = await post(prod.url, { query: NOTE, variables: { id: typedId, note: 'メモ' } }, auth(tier2));
    expect(note.json().errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    const submit = await post(
      prod.url,
      { query: `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, variables: { input: personNeed(typedArea) } },
      auth(tier2),
    );
    expect(submit.json().errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);

    const rows = await queryRows<{ operation: string; object_id: string | null; result: string; request_id: string; details: any }>(
      state.databaseUrl,
      'SELECT operation, object_id, result, request_id, details FROM audit_event WHERE request_id = ANY($1) ORDER BY id',
      [[note.requestId, submit.requestId]],
    );
    expect(rows.map((row) => [row.operation, row.result, row.object_id])).toEqual([
      ['addReferralNote', 'BAD_USER_INPUT', null],
      ['submitReferral', 'BAD_USER_INPUT', null],
    ]);
    expect(rows[0].details).toEqual({ malformed: { id: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(rows[1].details.malformed).toEqual({ 'input.areaCode': expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(rows[1].details.input).toEqual(expect.objectContaining({ category: 'TRANSPORT' }));
    expect(rows[1].details.input.areaCode).toBeUndefined();

    await linesOf(prod.logFile, submit.requestId!);
    const everything = JSON.stringify(
      await queryRows(state.databaseUrl, 'SELECT * FROM audit_event WHERE id > (SELECT max(id) - 200 FROM audit_event)'),
    );
    const log = logText(prod.logFile);
    for (const text of [typedId, typedArea, '090-1234-5678', '072-111-2222', '山田 太郎', '田中 花子']) {
      expect(everything).not.toContain(text);
      expect(log).not.toContain(text);
    }
  });
});

describe('request ids', () => {
  it('a sane incoming X-Request-Id is kept: sent back, on every log line of the request and on its audit events', async () => {
    const id = `e2e-${randomUUID()}`;
    const response = await post(
      prod.url,
      { query: `mutation ($id: ID!, $note: String!) { addReferralNote(id: $id, note: $note) { id } }`, variables: { id: referral.id, note: 'メモ' } },
      {
        ...auth(tier2),
        'x-request-id': id,
      },
    );
    expect(response.status).toBe(200);
    expect(response.requestId).toBe(id);
    const lines = await linesOf(prod.logFile, id, (found) => found.some((line) => line.msg === 'request completed'));
    expect(lines.map((line) => line.msg)).toContain('request completed');
    const rows = await queryRows<{ operation: string; request_id: string }>(
      state.databaseUrl,
      'SELECT operation, request_id FROM audit_event WHERE request_id = $1',
      [id],
    );
    expect(rows.map((row) => row.operation)).toEqual(['addReferralNote']);

    const page = await admin.data(
      `query ($filter: AuditEventFilter) { auditEvents(filter: $filter) { totalCount edges { node { operation requestId } } } }`,
      {
        filter: { requestId: id },
      },
    );
    expect(page.auditEvents.edges.map((edge: any) => edge.node)).toEqual([{ operation: 'addReferralNote', requestId: id }]);
  });

  it.each([
    ['none', undefined],
    ['one with spaces and text', 'yamada taro 090-1234-5678'],
    ['a too long one', 'x'.repeat(200)],
  ])('%s is replaced by a generated UUID', async (_name, incoming) => {
    const response = await post(prod.url, { query: '{ __typename }' }, incoming === undefined ? {} : { 'x-request-id': incoming });
    expect(response.status).toBe(200);
    expect(response.requestId).toMatch(UUID);
    await linesOf(prod.logFile, response.requestId!);
    if (incoming) expect(logText(prod.logFile)).not.toContain(incoming);
  });
});

describe('what the log holds', () => {
  it('every line is one JSON object, and no request body, token, cookie or variable is in it', async () => {
    const secret = `cookie-secret-${randomUUID()}`;
    const variable = `変数 ${randomUUID()}`;
    const response = await post(
      prod.url,
      {
        query: `mutation ($id: ID!, $note: String!) { addReferralNote(id: $id, note: $note) { id } }`,
        variables: { id: referral.id, note: variable },
      },
      {
        ...auth(tier2),
        cookie: `session=${secret}`,
      },
    );
    expect(response.status).toBe(200);
    await linesOf(prod.logFile, response.requestId!, (found) => found.some((line) => line.msg === 'request completed'));
    logLines(prod.logFile); // each line parses
    const log = logText(prod.logFile);
    for (const text of [secret, variable, tier2.token!, city.password, 'addReferralNote(id:']) expect(log).not.toContain(text);
  });

  it.each([
    ['UNAUTHENTICATED', () => ({}), NOTE, () => ({ id: referral.id, note: 'x' })],
    ['FORBIDDEN', () => auth(admin), SUBMIT, () => ({ input: personNeed(city.areaCode) })],
    ['NOT_FOUND', () => auth(partner), ACCEPT, () => ({ id: referral.id })],
    ['BAD_USER_INPUT', () => auth(tier2), NOTE, () => ({ id: referral.id, note: '   ' })],
  ])('a client error (%s) is one line at info with code, operation and request id, no stack', async (code, headers, query, variables) => {
    const response = await post(prod.url, { query, variables: variables() }, headers());
    expect(response.json().errors.map((e: any) => e.extensions.code)).toEqual([code]);
    const lines = await linesOf(prod.logFile, response.requestId!, (found) => found.some((line) => line.msg === 'request completed'));
    const errors = lines.filter((line) => line.code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 30, code, operationName: expect.any(String), requestId: response.requestId });
    for (const line of lines) {
      expect(line.level).toBeLessThan(40);
      expect(JSON.stringify(line)).not.toMatch(/\bat .*\(|stack/);
    }
  });

  it('a document with two operations and no operationName is a 400 with a clear message, logged at info', async () => {
    const twoQueries = await post(prod.url, { query: 'query A { __typename } query B { __typename }' }, auth(tier2));
    expect(twoQueries.status).toBe(400);
    expect(twoQueries.json().errors[0].message).toMatch(/operation name/i);
    const twoMutations = await post(
      prod.url,
      {
        query: `mutation A($id: ID!) { addReferralNote(id: $id, note: "a") { id } } mutation B($id: ID!) { addReferralNote(id: $id, note: "b") { id } }`,
        variables: { id: referral.id },
      },
      auth(tier2),
    );
    expect(twoMutations.status).toBe(400);
    expect(twoMutations.json().errors[0].message).toMatch(/operation name/i);
    const lines = await linesOf(prod.logFile, twoMutations.requestId!, (found) => found.some((line) => line.msg === 'request completed'));
    for (const line of lines) expect(line.level).toBeLessThan(40);
    // Naming one of them runs it.
    const named = await post(prod.url, { query: `query A { __typename } query B { me { id } }`, operationName: 'B' }, auth(tier2));
    expect(named.status).toBe(200);
    expect(named.json().data.me.id).toBe(tier2.userId);
  });
});

// Things that leave the server that must not: a path (`/work/...`, `node_modules`) or SQL text.
function expectNoServerInternals(text: string): void {
  expect(text).not.toMatch(/(^|[^A-Za-z0-9.])\/[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+/);
  expect(text).not.toContain('node_modules');
  expect(text).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|relation)\b/);
  expect(text).not.toContain('stacktrace');
}

describe('errors in development mode', () => {
  let dev: { api: Api; url: string; logFile: string };
  let devAdmin: GraphQLSession;

  beforeAll(async () => {
    dev = await ownApi({ ...state.appEnv, NODE_ENV: 'development' }, 'development');
    devAdmin = await signIn(dev.url, city.emails.admin, city.password);
  });

  afterAll(async () => {
    await dev?.api.stop();
  });

  it('keeps introspection', async () => {
    const response = await post(dev.url, { query: '{ __schema { queryType { name } } }' });
    expect(response.json().data.__schema.queryType.name).toBe('Query');
  });

  it('an internal error answers no path, no SQL and no stack; the stack is in the log at error with the request id', async () => {
    await queryRows(state.databaseUrl, 'ALTER TABLE deadline_rule RENAME TO deadline_rule_away');
    let response: Awaited<ReturnType<typeof post>>;
    try {
      response = await post(dev.url, { query: '{ deadlineRules { category } }' }, auth(devAdmin));
    } finally {
      await queryRows(state.databaseUrl, 'ALTER TABLE deadline_rule_away RENAME TO deadline_rule');
    }
    const body = response.json();
    expect(body.errors.map((e: any) => e.extensions)).toEqual([
      { code: 'INTERNAL_SERVER_ERROR', messageJa: 'システムエラーが発生しました。システム管理者にお問い合わせください' },
    ]);
    expect(body.errors[0].message).toBe('Internal server error');
    expectNoServerInternals(response.text);
    const lines = await linesOf(dev.logFile, response.requestId!, (found) => found.some((line) => line.msg === 'internal error'));
    const failure = lines.find((line) => line.msg === 'internal error');
    expect(failure).toMatchObject({ level: 50, code: 'INTERNAL_SERVER_ERROR', path: 'deadlineRules' });
    expect(JSON.stringify(failure)).toContain('deadline_rule');
    expect(JSON.stringify(failure)).toMatch(/\bat /);
  });

  it.each([
    ['a validation error', { query: '{ referralz { id } }' }],
    ['a syntax error', { query: '{ referral(id: ' }],
    ['argument validation', { query: 'mutation ($id: ID!) { addReferralNote(id: $id, note: " ") { id } }', variables: { id: 'not-a-uuid' } }],
    ['a bad variable', { query: 'query ($first: Int) { referrals(first: $first) { totalCount } }', variables: { first: 'many' } }],
  ])('a client error (%s) answers no path, no SQL and no stack', async (_name, body) => {
    const response = await post(dev.url, body, auth(devAdmin));
    expect(response.json().errors.length).toBeGreaterThan(0);
    expectNoServerInternals(response.text);
  });

  it('a body that is no JSON answers 400 with no path and no stack', async () => {
    const response = await post(dev.url, '{"query": "{ __typename }"', { ...auth(devAdmin), 'x-request-id': 'bad-json-1' });
    expect(response.status).toBe(400);
    expect(response.requestId).toBe('bad-json-1');
    expectNoServerInternals(response.text);
  });
});
