// The audit log against the real stack: every mutation (refused ones with their code) and every read of personal data
// is an audit_event row with actor, operation, object, time and result; nothing in it is personal data, a password or
// a token; only an administrator can query it; the table refuses updates and deletes; and a request whose events cannot
// be written is answered INTERNAL_SERVER_ERROR, logged loudly, with no personal data in the answer.
import { randomUUID } from 'node:crypto';
import { createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { freePort } from '@tsunagu/testing/servers/free-port';
import { startApiProcess } from '@tsunagu/testing/stack/app-processes';
import { ACCEPT, areaNeed, DECLINE, LOGIN, NOTE, personNeed, SUBMIT } from './support/documents';

// Documents of this file's own, so that the reads each one records are fixed here (the shared ones may grow).
const SUBMIT_READING = `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id status subject { displayName } } }`;
const READ = `query ($id: ID!) { referral(id: $id) { id status subject { displayName ageBand contact } } }`;
const NOTE_READING = `mutation ($id: ID!, $note: String!) { addReferralNote(id: $id, note: $note) { id subject { displayName } } }`;
const NOTE_ONLY = `mutation ($id: ID!, $note: String!) { addReferralNote(id: $id, note: $note) { id } }`;

jest.setTimeout(180_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let tier1: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;
let admin: GraphQLSession;
let anonymous: GraphQLSession;

interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_role: string;
  operation: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  client_address: string | null;
  details: Record<string, any>;
}

/** The person in this file's referrals: unique, so that a leak into the log is easy to find. */
const NAME = `監査 ${randomUUID().slice(0, 8)}`;
const CONTACT = `072-${Math.floor(Math.random() * 9000 + 1000)}-0000`;
const SUMMARY = `通院の送迎 ${randomUUID()}`;
const NOTE_TEXT = `メモ ${randomUUID()}`;

const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

/** The events matching `where` (SQL over audit_event), oldest first. */
function events(where: string, params: unknown[]): Promise<AuditRow[]> {
  return queryRows<AuditRow>(state.databaseUrl, `SELECT * FROM audit_event WHERE ${where} ORDER BY id`, params);
}

const lastId = async () => (await queryRows<{ id: string }>(state.databaseUrl, 'SELECT coalesce(max(id), 0)::text AS id FROM audit_event'))[0].id;
/** Events written after `since` (an id from lastId), oldest first. */
const eventsSince = (since: string) => events('id > $1', [since]);

async function submit(overrides: Record<string, unknown> = {}) {
  const input = personNeed(city.areaCode, { summary: SUMMARY, subject: { displayName: NAME, ageBand: '80代', contact: CONTACT }, ...overrides });
  return (await tier2.data(SUBMIT_READING, { input })).submitReferral as { id: string; status: string };
}

/** Nothing of the person, the summary, a note, a password or a token appears anywhere in these rows. */
function expectNoSecrets(rows: AuditRow[], extra: string[] = []): void {
  const text = JSON.stringify(rows);
  for (const secret of [NAME, CONTACT, SUMMARY, NOTE_TEXT, city.password, ...extra]) expect(text).not.toContain(secret);
}

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'audit');
  [tier2, tier1, first, second, admin] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.second, city.password),
    signIn(state.graphqlUrl, city.emails.admin, city.password),
  ]);
  anonymous = new GraphQLSession(state.graphqlUrl, null);
});

describe('mutations', () => {
  it('a submission is recorded with actor, operation, object, time and result, and safe details only', async () => {
    const since = await lastId();
    const before = new Date();
    const referral = await submit();
    const rows = await eventsSince(since);
    const submitted = rows.filter((row) => row.operation === 'submitReferral');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({
      actor_user_id: tier2.userId,
      actor_role: 'TIER2_COORDINATOR',
      object_type: 'Referral',
      object_id: referral.id,
      result: 'OK',
    });
    expect(submitted[0].at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(submitted[0].at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(submitted[0].client_address).toMatch(/127\.0\.0\.1|::1/);
    // Enum, id and boolean arguments, and the area code; never the subject, the summary or the consent's wording.
    expect(submitted[0].details).toEqual({
      input: {
        clientRequestId: expect.any(String),
        category: 'TRANSPORT',
        areaCode: city.areaCode,
        subjectKind: 'PERSON',
        destination: 'PARTNER',
        consent: { obtained: true },
      },
    });
    expectNoSecrets(rows);
  });

  it('moves are recorded under the partner who made them, with enum arguments but never notes', async () => {
    const referral = await submit();
    const since = await lastId();
    await first.data(DECLINE, { id: referral.id, reason: 'NO_CAPACITY', note: NOTE_TEXT });
    await second.data(ACCEPT, { id: referral.id, note: NOTE_TEXT });
    const rows = (await eventsSince(since)).filter((row) => !row.operation.startsWith('read:'));
    expect(rows.map((row) => [row.operation, row.actor_user_id, row.actor_role, row.object_id, row.result])).toEqual([
      ['declineReferral', first.userId, 'PARTNER', referral.id, 'OK'],
      ['acceptReferral', second.userId, 'PARTNER', referral.id, 'OK'],
    ]);
    expect(rows[0].details).toEqual({ id: referral.id, reason: 'NO_CAPACITY' });
    expect(rows[1].details).toEqual({ id: referral.id });
    expectNoSecrets(rows);
  });

  it('a refused mutation is recorded with the code the caller got, and changes nothing else', async () => {
    const referral = await submit();
    const since = await lastId();
    const attempts: Array<[GraphQLSession, string, Record<string, unknown>, string]> = [
      [second, ACCEPT, { id: referral.id }, 'NOT_FOUND'], // a partner never offered it
      [tier1, ACCEPT, { id: referral.id }, 'FORBIDDEN'], // tier-1 never answers for a partner
      [admin, SUBMIT, { input: personNeed(city.areaCode) }, 'FORBIDDEN'],
      [tier2, NOTE, { id: referral.id, note: '   ' }, 'BAD_USER_INPUT'], // argument validation
      [anonymous, NOTE, { id: referral.id, note: NOTE_TEXT }, 'UNAUTHENTICATED'],
    ];
    for (const [session, document, variables, code] of attempts) {
      expect(codes(await session.send(document, variables))).toEqual([code]);
    }
    const rows = await eventsSince(since);
    expect(rows.map((row) => [row.operation, row.actor_user_id, row.actor_role, row.result])).toEqual([
      ['acceptReferral', second.userId, 'PARTNER', 'NOT_FOUND'],
      ['acceptReferral', tier1.userId, 'TIER1_COORDINATOR', 'FORBIDDEN'],
      ['submitReferral', admin.userId, 'ADMIN', 'FORBIDDEN'],
      ['addReferralNote', tier2.userId, 'TIER2_COORDINATOR', 'BAD_USER_INPUT'],
      ['addReferralNote', null, 'ANONYMOUS', 'UNAUTHENTICATED'],
    ]);
    expect(rows.filter((row) => row.operation === 'acceptReferral').map((row) => row.object_id)).toEqual([referral.id, referral.id]);
    expectNoSecrets(rows);
  });

  it('records each root field of a mutation operation', async () => {
    const referral = await submit();
    const since = await lastId();
    const response = await tier2.send(
      `mutation Two($id: ID!, $a: String!, $b: String!) { a: addReferralNote(id: $id, note: $a) { id } b: addReferralNote(id: $id, note: $b) { id } }`,
      { id: referral.id, a: NOTE_TEXT, b: NOTE_TEXT },
    );
    expect(response.errors).toBeUndefined();
    const rows = await eventsSince(since);
    expect(rows.map((row) => [row.operation, row.object_id, row.result])).toEqual([
      ['addReferralNote', referral.id, 'OK'],
      ['addReferralNote', referral.id, 'OK'],
    ]);
  });
});

describe('reads of personal data', () => {
  let referral: { id: string };

  beforeAll(async () => {
    referral = await submit();
  });

  it('reading a referral with its subject records one read per referral and request', async () => {
    const since = await lastId();
    const response = await tier2.send(
      `query Twice($id: ID!) { a: referral(id: $id) { subject { displayName } } b: referral(id: $id) { id subject { contact } } }`,
      { id: referral.id },
    );
    expect(response.data).toEqual({ a: { subject: { displayName: NAME } }, b: { id: referral.id, subject: { contact: CONTACT } } });
    const rows = await eventsSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      operation: 'read:Referral.subject',
      actor_user_id: tier2.userId,
      actor_role: 'TIER2_COORDINATOR',
      object_type: 'Referral',
      object_id: referral.id,
      result: 'OK',
      details: { status: 'OFFERED' },
    });
    expectNoSecrets(rows);
  });

  it('each request that reads it again is recorded again', async () => {
    const since = await lastId();
    await tier1.data(READ, { id: referral.id });
    await tier1.data(READ, { id: referral.id });
    const rows = await eventsSince(since);
    expect(rows.map((row) => [row.operation, row.actor_user_id])).toEqual([
      ['read:Referral.subject', tier1.userId],
      ['read:Referral.subject', tier1.userId],
    ]);
  });

  it('a caller not entitled to the subject gets null and no read is recorded', async () => {
    const since = await lastId();
    // The administrator sees the referral but never the person; the partner it is offered to does not see the subject yet.
    expect((await admin.data(READ, { id: referral.id })).referral.subject).toBeNull();
    expect((await first.data(READ, { id: referral.id })).referral.subject).toBeNull();
    expect(await eventsSince(since)).toEqual([]);
  });

  it('no read is recorded when the subject is not asked for, or there is none', async () => {
    const place = (await tier2.data(SUBMIT_READING, { input: areaNeed(city.areaCode, { category: 'TRANSPORT' }) })).submitReferral;
    const since = await lastId();
    await tier2.data(`query ($id: ID!) { referral(id: $id) { id status summary } }`, { id: referral.id });
    expect((await tier2.data(READ, { id: place.id })).referral.subject).toBeNull();
    expect(await eventsSince(since)).toEqual([]);
  });

  it('the partner holding the referral is recorded when it reads the person', async () => {
    const mine = await submit();
    await first.data(ACCEPT, { id: mine.id });
    const since = await lastId();
    expect((await first.data(READ, { id: mine.id })).referral.subject.displayName).toBe(NAME);
    const rows = await eventsSince(since);
    expect(rows.map((row) => [row.operation, row.actor_user_id, row.actor_role, row.object_id, row.details.status])).toEqual([
      ['read:Referral.subject', first.userId, 'PARTNER', mine.id, 'ACCEPTED'],
    ]);
  });

  it('reading how and who consented is recorded; whether and when alone (the partner on offer) is not', async () => {
    const since = await lastId();
    const CONSENT = `query ($id: ID!) { referral(id: $id) { consent { obtained method } } }`;
    expect((await tier2.data(CONSENT, { id: referral.id })).referral.consent).toEqual({ obtained: true, method: '書面' });
    expect((await first.data(CONSENT, { id: referral.id })).referral.consent).toEqual({ obtained: true, method: null });
    const rows = await eventsSince(since);
    expect(rows.map((row) => [row.operation, row.actor_user_id, row.object_id])).toEqual([['read:Referral.consent', tier2.userId, referral.id]]);
    expectNoSecrets(rows);
  });

  it('a mutation that returns the subject records the mutation and the read', async () => {
    const since = await lastId();
    await tier2.data(NOTE_READING, { id: referral.id, note: NOTE_TEXT });
    const rows = await eventsSince(since);
    expect(rows.map((row) => row.operation).sort()).toEqual(['addReferralNote', 'read:Referral.subject']);
    expectNoSecrets(rows);
  });
});

describe('login', () => {
  /** Sends login from a client address of our choosing (the api trusts X-Forwarded-For from loopback in e2e). */
  async function login(email: string, password: string, address: string) {
    const response = await fetch(state.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
    });
    return (await response.json()) as { data?: { login: { token: string; user: { id: string } } }; errors?: Array<{ extensions: { code: string } }> };
  }

  it('a successful login is recorded under the user who signed in, never with the token or password', async () => {
    const since = await lastId();
    const answer = await login(city.emails.first, city.password, '203.0.113.7');
    const rows = await eventsSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      operation: 'login',
      actor_user_id: first.userId,
      actor_role: 'PARTNER',
      object_type: 'User',
      object_id: first.userId,
      result: 'OK',
      client_address: '203.0.113.7',
      details: {},
    });
    expectNoSecrets(rows, [answer.data!.login.token, city.emails.first]);
  });

  it('a failed login is recorded as UNAUTHENTICATED, anonymous, with a fingerprint of the email and not the email', async () => {
    const since = await lastId();
    const answer = await login(city.emails.second, 'wrong-password', '203.0.113.8');
    expect(answer.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const unknown = await login(`nobody-${randomUUID().slice(0, 8)}@test.example`, 'wrong-password', '203.0.113.8');
    expect(unknown.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const again = await login(city.emails.second.toUpperCase(), 'another-wrong-one', '203.0.113.8');
    expect(again.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);

    const rows = await eventsSince(since);
    expect(rows.map((row) => [row.operation, row.actor_user_id, row.actor_role, row.object_id, row.result, row.client_address])).toEqual([
      ['login', null, 'ANONYMOUS', null, 'UNAUTHENTICATED', '203.0.113.8'],
      ['login', null, 'ANONYMOUS', null, 'UNAUTHENTICATED', '203.0.113.8'],
      ['login', null, 'ANONYMOUS', null, 'UNAUTHENTICATED', '203.0.113.8'],
    ]);
    const [one, other, same] = rows.map((row) => row.details.emailHash);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(other).not.toBe(one);
    expect(same).toBe(one); // the same address, however it was typed
    // Derived as the rate limiter's login_attempt.email_hash, so an administrator can match the two.
    expect(await queryRows(state.databaseUrl, 'SELECT 1 FROM login_attempt WHERE email_hash = $1', [one])).not.toHaveLength(0);
    expectNoSecrets(rows, [city.emails.second, city.emails.second.split('@')[0], 'wrong-password', 'another-wrong-one']);
  });
});

describe('auditEvents (the admin query)', () => {
  const AUDIT_EVENTS = `query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id at actor { id email role } actorUserId actorRole operation objectType objectId result clientAddress details } }
    }
  }`;
  let referral: { id: string };
  let started: Date;

  beforeAll(async () => {
    started = new Date(Date.now() - 1000);
    referral = await submit();
    for (let i = 0; i < 3; i++) await tier2.data(NOTE_ONLY, { id: referral.id, note: NOTE_TEXT });
    await second.send(ACCEPT, { id: referral.id }); // NOT_FOUND
  });

  it.each([
    ['TIER1_COORDINATOR', () => tier1, 'FORBIDDEN'],
    ['TIER2_COORDINATOR', () => tier2, 'FORBIDDEN'],
    ['PARTNER', () => first, 'FORBIDDEN'],
    ['nobody signed in', () => anonymous, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, session, code) => {
    const response = await session().send(AUDIT_EVENTS, {});
    expect(codes(response)).toEqual([code]);
    expect(response.data ?? null).toBeNull();
  });

  it('gives an administrator the events of an object, newest first, with the actor', async () => {
    const page = (await admin.data(AUDIT_EVENTS, { filter: { objectId: referral.id } })).auditEvents;
    const operations = page.edges.map((edge: any) => edge.node.operation);
    expect(operations).toEqual([
      'acceptReferral',
      'addReferralNote',
      'addReferralNote',
      'addReferralNote',
      'read:Referral.subject',
      'submitReferral',
    ]);
    expect(page.totalCount).toBe(6);
    const refused = page.edges[0].node;
    expect(refused).toMatchObject({
      actorUserId: second.userId,
      actor: { id: second.userId, email: city.emails.second, role: 'PARTNER' },
      actorRole: 'PARTNER',
      objectType: 'Referral',
      objectId: referral.id,
      result: 'NOT_FOUND',
    });
    expect(JSON.parse(refused.details)).toEqual({ id: referral.id });
    const ids = page.edges.map((edge: any) => BigInt(edge.node.id));
    expect([...ids].sort((a, b) => (a < b ? 1 : -1))).toEqual(ids);
  });

  it('filters by actor, operation, result and time', async () => {
    const byActor = (await admin.data(AUDIT_EVENTS, { filter: { actorUserId: second.userId, objectId: referral.id } })).auditEvents;
    expect(byActor.edges.map((edge: any) => edge.node.operation)).toEqual(['acceptReferral']);
    const notes = (await admin.data(AUDIT_EVENTS, { filter: { operation: ['addReferralNote'], objectId: referral.id } })).auditEvents;
    expect(notes.totalCount).toBe(3);
    const refused = (await admin.data(AUDIT_EVENTS, { filter: { result: ['NOT_FOUND'], objectId: referral.id } })).auditEvents;
    expect(refused.totalCount).toBe(1);
    const during = (
      await admin.data(AUDIT_EVENTS, {
        filter: { objectId: referral.id, from: started.toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
      })
    ).auditEvents;
    expect(during.totalCount).toBe(6);
    const before = (await admin.data(AUDIT_EVENTS, { filter: { objectId: referral.id, to: started.toISOString() } })).auditEvents;
    expect(before.totalCount).toBe(0);
    const later = (await admin.data(AUDIT_EVENTS, { filter: { objectId: referral.id, from: new Date(Date.now() + 60_000).toISOString() } }))
      .auditEvents;
    expect(later.totalCount).toBe(0);
  });

  it('pages with cursors, each event exactly once', async () => {
    const all = (await admin.data(AUDIT_EVENTS, { filter: { objectId: referral.id } })).auditEvents.edges.map((edge: any) => edge.node.id);
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = (await admin.data(AUDIT_EVENTS, { filter: { objectId: referral.id }, first: 4, after })).auditEvents;
      walked.push(...page.edges.map((edge: any) => edge.node.id));
      expect(page.totalCount).toBe(6);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all);
  });

  it.each([
    ['a bogus cursor', { after: 'bogus' }, 'after'],
    ['a cursor of another list', { after: Buffer.from(JSON.stringify([new Date().toISOString(), randomUUID()])).toString('base64url') }, 'after'],
    ['first: 0', { first: 0 }, 'first'],
    ['first: 201', { first: 201 }, 'first'],
    ['a malformed actor id', { filter: { actorUserId: 'someone' } }, 'filter.actorUserId'],
  ])('refuses %s with BAD_USER_INPUT naming it', async (_name, variables, field) => {
    const response = await admin.send(AUDIT_EVENTS, variables);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].extensions?.fields).toEqual([field]);
  });
});

describe('the audit_event table', () => {
  it.each([
    ['UPDATE', `UPDATE audit_event SET result = 'OK' WHERE id = (SELECT max(id) FROM audit_event)`],
    ['DELETE', `DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)`],
    ['DELETE of everything', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('refuses %s', async (_name, sql) => {
    const before = await queryRows(
      state.databaseUrl,
      "SELECT count(*)::int AS n, max(id)::text AS last, md5(string_agg(result, ',' ORDER BY id)) AS digest FROM audit_event",
    );
    await expect(queryRows(state.databaseUrl, sql)).rejects.toThrow(/audit_event is append-only/);
    expect(
      await queryRows(
        state.databaseUrl,
        "SELECT count(*)::int AS n, max(id)::text AS last, md5(string_agg(result, ',' ORDER BY id)) AS digest FROM audit_event",
      ),
    ).toEqual(before);
  });
});

describe('when the audit log cannot be written', () => {
  // A second api process of our own, so its log can be read; the table is renamed away for the duration of each test.
  let api: Awaited<ReturnType<typeof startApiProcess>>;
  let url: string;
  let tier2Here: GraphQLSession;
  let referral: { id: string };

  beforeAll(async () => {
    const port = await freePort('127.0.0.1');
    api = await startApiProcess(state.appEnv, port);
    url = `http://127.0.0.1:${port}/graphql`;
    tier2Here = await signIn(url, city.emails.tier2, city.password);
    referral = await submit();
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function withAuditTableGone<T>(run: () => Promise<T>): Promise<T> {
    await queryRows(state.databaseUrl, 'ALTER TABLE audit_event RENAME TO audit_event_away');
    try {
      return await run();
    } finally {
      await queryRows(state.databaseUrl, 'ALTER TABLE audit_event_away RENAME TO audit_event');
    }
  }

  it('a read of personal data is withheld: INTERNAL_SERVER_ERROR, HTTP 500, no person in the answer, a loud log line', async () => {
    const response = await withAuditTableGone(() =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tier2Here.token}` },
        body: JSON.stringify({ query: READ, variables: { id: referral.id } }),
      }),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', messageJa: 'システムエラーが発生しました。システム管理者にお問い合わせください' },
        },
      ],
    });
    for (const secret of [NAME, CONTACT, SUMMARY, 'audit_event']) expect(text).not.toContain(secret);
    expect(api.outputTail()).toContain('api: AUDIT WRITE FAILED');
    expect(api.outputTail()).toContain(`"objectId":"${referral.id}"`);
  });

  it('a mutation that took effect answers INTERNAL_SERVER_ERROR, and its event is in the log line', async () => {
    const note = `記録なし ${randomUUID()}`;
    const response = await withAuditTableGone(() => tier2Here.send(NOTE_ONLY, { id: referral.id, note }));
    expect(response.status).toBe(500);
    expect(codes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(response.data ?? null).toBeNull();
    // The workflow recorded the note before the answer was withheld: the caller reads the state again to learn it.
    const handoffs = await queryRows(state.databaseUrl, 'SELECT 1 FROM referral_handoff WHERE referral_id = $1 AND note = $2', [referral.id, note]);
    expect(handoffs).toHaveLength(1);
    const line = api
      .outputTail()
      .split('\n')
      .filter((l) => l.includes('AUDIT WRITE FAILED'))
      .at(-1)!;
    expect(line).toContain('"operation":"addReferralNote"');
    expect(line).not.toContain(note);
  });

  it('answers normally again once the table is back', async () => {
    const since = await lastId();
    expect((await tier2Here.data(READ, { id: referral.id })).referral.subject.displayName).toBe(NAME);
    expect((await eventsSince(since)).map((row) => row.operation)).toEqual(['read:Referral.subject']);
  });
});
