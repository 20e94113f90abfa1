// Who may see and do what, through GraphQL against the real stack (api in production mode). A referral a caller may not
// see does not exist for them: the same NOT_FOUND as an id that was never used, in every query and mutation.
import { createHmac, randomUUID } from 'node:crypto';
import { createTestCity, GraphQLErrorShape, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import {
  ACCEPT,
  COMPLETE,
  DECLINE,
  ESCALATE,
  LOGIN,
  ME,
  NOTE,
  personNeed,
  REASSIGN,
  REFERRAL,
  REFERRALS,
  START,
  SUBMIT,
  WITHDRAW,
} from './support/documents';

jest.setTimeout(120_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let otherTier2: GraphQLSession;
let tier1: GraphQLSession;
let first: GraphQLSession;
let elsewhere: GraphQLSession;
let anonymous: GraphQLSession;

/** Every error any call in this file received, checked at the end for stack traces. */
const seenErrors: GraphQLErrorShape[] = [];

async function send(session: GraphQLSession, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<any>> {
  const response = await session.send(query, variables);
  seenErrors.push(...(response.errors ?? []));
  return response;
}

/** An error as a client compares it: everything but where in the document it happened. */
function withoutPosition(errors: GraphQLErrorShape[] | undefined): unknown[] {
  return (errors ?? []).map(({ path: _path, locations: _locations, ...rest }: GraphQLErrorShape & { locations?: unknown }) => rest);
}

const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

/** A referral offered to city.first, with a summary and a person unique to this file so that leaks are easy to spot. */
let referral: { id: string; summary: string; subject: { displayName: string } };
const SECRET_SUMMARY = `極秘の相談 ${randomUUID()}`;
const SECRET_NAME = `秘密 ${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'access');
  [tier2, otherTier2, tier1, first, elsewhere] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.otherTier2, city.password),
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.elsewhere, city.password),
  ]);
  anonymous = new GraphQLSession(state.graphqlUrl, null);
  const input = personNeed(city.areaCode, {
    summary: SECRET_SUMMARY,
    subject: { displayName: SECRET_NAME, ageBand: '70代', contact: '072-999-0000' },
  });
  referral = (await tier2.data(SUBMIT, { input })).submitReferral;
  expect(referral).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.first.id } });
});

async function stateOf(id: string) {
  const [row] = await queryRows<{ status: string; last_seq: number; handoffs: number }>(
    state.databaseUrl,
    `SELECT r.status, r.last_seq, (SELECT count(*)::int FROM referral_handoff h WHERE h.referral_id = r.id) AS handoffs FROM referral r WHERE r.id = $1`,
    [id],
  );
  return row;
}

/** Every mutation on an existing referral, with arguments that are valid apart from who calls them. */
const MOVES: Array<[string, string, (id: string) => Record<string, unknown>]> = [
  ['acceptReferral', ACCEPT, (id) => ({ id, note: '受けます' })],
  ['declineReferral', DECLINE, (id) => ({ id, reason: 'NO_CAPACITY', note: '満員' })],
  ['startReferral', START, (id) => ({ id })],
  ['completeReferral', COMPLETE, (id) => ({ id, outcome: 'RESOLVED' })],
  ['reassignReferral', REASSIGN, (id) => ({ id, organizationId: city.elsewhere.id, note: 'こちらで' })],
  ['escalateReferral', ESCALATE, (id) => ({ id, note: '市へ' })],
  ['withdrawReferral', WITHDRAW, (id) => ({ id, reason: '取り下げ' })],
  ['addReferralNote', NOTE, (id) => ({ id, note: 'メモ' })],
];

describe('a partner of another organisation', () => {
  it('gets NOT_FOUND for the referral, exactly as for an id that was never used', async () => {
    const hidden = await send(elsewhere, REFERRAL, { id: referral.id });
    const unknown = await send(elsewhere, REFERRAL, { id: randomUUID() });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(hidden.data).toEqual({ referral: null });
    expect(withoutPosition(hidden.errors)).toEqual(withoutPosition(unknown.errors));
    expect(hidden.status).toBe(unknown.status);
    expect(JSON.stringify(hidden)).not.toContain(SECRET_SUMMARY);
  });

  // A move no partner may ever make (reassign, escalate, withdraw) is FORBIDDEN by role before the referral is looked
  // up, so it tells nothing either: the same answer for the hidden referral and an unknown id.
  const PARTNERS_NEVER = ['reassignReferral', 'escalateReferral', 'withdrawReferral'];
  it.each(MOVES)(
    'gets NOT_FOUND for %s (FORBIDDEN if no partner may ever), exactly as for an id that was never used, and changes nothing',
    async (field, document, variables) => {
      const before = await stateOf(referral.id);
      const hidden = await send(elsewhere, document, variables(referral.id));
      const unknown = await send(elsewhere, document, variables(randomUUID()));
      expect(codes(hidden)).toEqual([PARTNERS_NEVER.includes(field) ? 'FORBIDDEN' : 'NOT_FOUND']);
      expect(hidden.errors?.[0].path).toEqual([field]);
      expect(hidden.data ?? null).toBeNull();
      expect(withoutPosition(hidden.errors)).toEqual(withoutPosition(unknown.errors));
      expect(hidden.status).toBe(unknown.status);
      expect(JSON.stringify(hidden)).not.toContain(SECRET_SUMMARY);
      expect(await stateOf(referral.id)).toEqual(before);
    },
  );

  it('does not find the referral in its list, whatever it filters by', async () => {
    const filters: Array<Record<string, unknown> | undefined> = [
      undefined,
      {},
      { organizationId: city.first.id },
      { areaCode: [city.areaCode] },
      { areaCode: [city.areaCode, city.otherAreaCode] },
      { organizationId: city.first.id, areaCode: [city.areaCode], status: ['OFFERED'], category: ['TRANSPORT'] },
      { status: ['OFFERED', 'SUBMITTED', 'ACCEPTED'] },
    ];
    for (const filter of filters) {
      const response = await send(elsewhere, REFERRALS, { filter, first: 100 });
      expect(response.errors).toBeUndefined();
      const ids = response.data!.referrals.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).not.toContain(referral.id);
      if (filter && ('organizationId' in filter || 'areaCode' in filter)) {
        // Nothing in this test city was ever offered to city.elsewhere: not even the count may give the referral away.
        expect(response.data!.referrals).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
      }
    }
    // The same filters do find it for the partner it is offered to: the filters themselves work.
    const own = await first.data(REFERRALS, { filter: { organizationId: city.first.id, areaCode: [city.areaCode] }, first: 100 });
    expect(own.referrals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(referral.id);
  });

  it('learns nothing from aliases or a document with several root fields', async () => {
    const probe = `query Probe($id: ID!, $unknown: ID!, $org: ID!, $area: String!) {
      me { role }
      direct: referral(id: $id) { id summary subject { displayName } handoffs { kind } }
      again: referral(id: $id) { id }
      never: referral(id: $unknown) { id }
      byOrg: referrals(filter: { organizationId: $org }) { totalCount edges { node { id summary } } }
      byArea: referrals(filter: { areaCode: [$area] }, first: 100) { totalCount edges { node { id summary } } }
    }`;
    const response = await send(elsewhere, probe, { id: referral.id, unknown: randomUUID(), org: city.first.id, area: city.areaCode });
    expect(response.data).toEqual({
      me: { role: 'PARTNER' },
      direct: null,
      again: null,
      never: null,
      byOrg: { totalCount: 0, edges: [] },
      byArea: { totalCount: 0, edges: [] },
    });
    expect(response.errors?.map((e) => e.path)).toEqual(expect.arrayContaining([['direct'], ['again'], ['never']]));
    expect(codes(response)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    // The hidden referral's errors are indistinguishable from the never-used id's.
    const [direct, again, never] = ['direct', 'again', 'never'].map((alias) =>
      withoutPosition(response.errors?.filter((e) => e.path?.[0] === alias)),
    );
    expect(direct).toEqual(never);
    expect(again).toEqual(never);
    const body = JSON.stringify(response);
    for (const secret of [SECRET_SUMMARY, SECRET_NAME, referral.id]) expect(body).not.toContain(secret);

    const before = await stateOf(referral.id);
    const mutations = `mutation Probe($id: ID!) {
      note: addReferralNote(id: $id, note: "こんにちは") { id summary }
      accept: acceptReferral(id: $id) { id summary }
      withdraw: withdrawReferral(id: $id, reason: "x") { id }
    }`;
    const moved = await send(elsewhere, mutations, { id: referral.id });
    expect(moved.data ?? null).toBeNull();
    expect(moved.errors?.length).toBeGreaterThanOrEqual(1);
    expect(new Set(codes(moved))).toEqual(new Set(['NOT_FOUND']));
    const movedBody = JSON.stringify(moved);
    for (const secret of [SECRET_SUMMARY, SECRET_NAME, referral.id]) expect(movedBody).not.toContain(secret);
    expect(await stateOf(referral.id)).toEqual(before);
  });
});

describe('sign-in', () => {
  const protectedCalls: Array<[string, string, () => Record<string, unknown>]> = [
    ['me', ME, () => ({})],
    ['referral', REFERRAL, () => ({ id: referral.id })],
    ['referrals', REFERRALS, () => ({})],
    ['submitReferral', SUBMIT, () => ({ input: personNeed(city.areaCode) })],
    ['acceptReferral', ACCEPT, () => ({ id: referral.id })],
    ['addReferralNote', NOTE, () => ({ id: referral.id, note: 'anonymous' })],
  ];

  it.each(protectedCalls)('is required for %s: UNAUTHENTICATED without a token', async (field, document, variables) => {
    const before = await stateOf(referral.id);
    const response = await send(anonymous, document, variables());
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0].path).toEqual([field]);
    expect(response.data?.[field] ?? null).toBeNull();
    expect(JSON.stringify(response)).not.toContain(SECRET_SUMMARY);
    expect(await stateOf(referral.id)).toEqual(before);
  });

  it('rejects garbage, forged, expired and foreign tokens with UNAUTHENTICATED', async () => {
    const secret = state.appEnv.TSUNAGU_JWT_SECRET;
    expect(secret).toBeTruthy();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: tier2.userId, iss: 'tsunagu', iat: now, exp: now + 3600 };
    const hs256 = { alg: 'HS256', typ: 'JWT' };

    // Control: a token made the way the api makes them is accepted, so the rejections below are about what was changed.
    const genuine = new GraphQLSession(state.graphqlUrl, jwt(hs256, claims, secret));
    expect((await genuine.data(ME)).me.email).toBe(city.emails.tier2);

    const bad: Record<string, string> = {
      garbage: 'garbage',
      jwtShapedGarbage: 'aaaa.bbbb.cccc',
      otherSecret: jwt(hs256, claims, 'x'.repeat(64)),
      algNone: jwt({ alg: 'none', typ: 'JWT' }, claims, null),
      tamperedSubject: retarget(tier2.token!, tier1.userId!),
      expired: jwt(hs256, { ...claims, iat: now - 7200, exp: now - 3600 }, secret),
      otherIssuer: jwt(hs256, { ...claims, iss: 'someone-else' }, secret),
      unknownUser: jwt(hs256, { ...claims, sub: randomUUID() }, secret),
      noSubject: jwt(hs256, { iss: 'tsunagu', iat: now, exp: now + 3600 }, secret),
    };
    for (const [name, token] of Object.entries(bad)) {
      const session = new GraphQLSession(state.graphqlUrl, token);
      for (const [document, variables] of [
        [ME, {}],
        [REFERRAL, { id: referral.id }],
        [NOTE, { id: referral.id, note: name }],
      ] as const) {
        const response = await send(session, document, variables);
        expect({ name, codes: codes(response) }).toEqual({ name, codes: ['UNAUTHENTICATED'] });
        expect(JSON.stringify(response)).not.toContain(SECRET_SUMMARY);
      }
    }

    // Other ways of sending credentials are no credentials at all.
    for (const authorization of ['Basic ' + Buffer.from(`${city.emails.tier2}:${city.password}`).toString('base64'), 'Bearer', tier2.token!]) {
      const response = await rawPost({ query: ME }, { authorization });
      expect({ authorization, codes: codes(response) }).toEqual({ authorization, codes: ['UNAUTHENTICATED'] });
    }
    // A public root field in the same document does not sign the caller in for the others.
    const mixed = await send(
      anonymous,
      `mutation M($email: String!, $password: String!, $id: ID!) {
      login(email: $email, password: $password) { token }
      addReferralNote(id: $id, note: "ride along") { id summary }
    }`,
      { email: city.emails.tier2, password: city.password, id: referral.id },
    );
    expect(codes(mixed)).toEqual(['UNAUTHENTICATED']);
    expect(mixed.errors?.[0].path).toEqual(['addReferralNote']);
    expect(JSON.stringify(mixed)).not.toContain(SECRET_SUMMARY);
  });

  it('refuses a wrong password or an unknown email with the same UNAUTHENTICATED and no token', async () => {
    const wrong = await send(anonymous, LOGIN, { email: city.emails.tier2, password: 'not-the-password' });
    const unknown = await send(anonymous, LOGIN, { email: `nobody-${randomUUID().slice(0, 8)}@test.example`, password: 'not-the-password' });
    for (const response of [wrong, unknown]) {
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.data ?? null).toBeNull();
      expect(JSON.stringify(response)).not.toMatch(/token"\s*:\s*"/);
    }
    // No probing for accounts: an unknown email looks exactly like a wrong password.
    expect(withoutPosition(wrong.errors)).toEqual(withoutPosition(unknown.errors));

    const right = await send(anonymous, LOGIN, { email: city.emails.tier2.toUpperCase(), password: city.password });
    expect(right.errors).toBeUndefined();
    expect(right.data!.login.token).toEqual(expect.any(String));
    expect(right.data!.login.user).toMatchObject({ email: city.emails.tier2, role: 'TIER2_COORDINATOR' });
  });

  it('stops honouring the token of a user who is deactivated, at once', async () => {
    const admin = await signIn(state.graphqlUrl, city.emails.admin, city.password);
    expect((await admin.data(ME)).me.role).toBe('ADMIN');
    await queryRows(state.databaseUrl, 'UPDATE app_user SET active = false WHERE email = $1', [city.emails.admin]);
    expect(codes(await send(admin, ME))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await send(admin, REFERRAL, { id: referral.id }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await send(anonymous, LOGIN, { email: city.emails.admin, password: city.password }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('roles', () => {
  it('hides the referral from the tier-2 coordinator of another area', async () => {
    const hidden = await send(otherTier2, REFERRAL, { id: referral.id });
    const unknown = await send(otherTier2, REFERRAL, { id: randomUUID() });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(withoutPosition(hidden.errors)).toEqual(withoutPosition(unknown.errors));

    const before = await stateOf(referral.id);
    for (const [field, document, variables] of MOVES.filter(([name]) =>
      ['reassignReferral', 'escalateReferral', 'withdrawReferral', 'addReferralNote'].includes(name),
    )) {
      const response = await send(otherTier2, document, variables(referral.id));
      expect({ field, codes: codes(response) }).toEqual({ field, codes: ['NOT_FOUND'] });
    }
    expect(await stateOf(referral.id)).toEqual(before);

    const list = await send(otherTier2, REFERRALS, { filter: { areaCode: [city.areaCode] }, first: 100 });
    expect(list.data!.referrals.totalCount).toBe(0);
  });

  it('forbids a partner to submit referrals, and writes nothing', async () => {
    const input = personNeed(city.areaCode);
    const before = await countReferrals();
    const response = await send(first, SUBMIT, { input });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(response.data ?? null).toBeNull();
    expect(await countReferrals()).toEqual(before);
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM referral WHERE client_request_id = $1', [input.clientRequestId])).toEqual([]);
  });

  it('forbids a tier-2 coordinator to submit for another area, and writes nothing', async () => {
    const input = personNeed(city.otherAreaCode);
    const before = await countReferrals();
    const response = await send(tier2, SUBMIT, { input });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(await countReferrals()).toEqual(before);
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM referral WHERE client_request_id = $1', [input.clientRequestId])).toEqual([]);
    // The coordinator of that area may.
    expect((await otherTier2.data(SUBMIT, { input: personNeed(city.otherAreaCode) })).submitReferral.area.code).toBe(city.otherAreaCode);
  });

  it('shows the tier-1 coordinator every referral of every area, with the person', async () => {
    const other = (await otherTier2.data(SUBMIT, { input: personNeed(city.otherAreaCode) })).submitReferral;
    const seen = (await tier1.data(REFERRAL, { id: referral.id })).referral;
    expect(seen).toMatchObject({ id: referral.id, summary: SECRET_SUMMARY, subject: { displayName: SECRET_NAME } });
    expect((await tier1.data(REFERRAL, { id: other.id })).referral.id).toBe(other.id);

    const list = (await tier1.data(REFERRALS, { filter: { areaCode: [city.areaCode, city.otherAreaCode] }, first: 100 })).referrals;
    const ids = list.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining([referral.id, other.id]));
    const [{ count }] = await queryRows<{ count: number }>(
      state.databaseUrl,
      'SELECT count(*)::int AS count FROM referral WHERE area_id IN (SELECT id FROM area WHERE code = ANY($1))',
      [[city.areaCode, city.otherAreaCode]],
    );
    expect(list.totalCount).toBe(count);
    expect(ids).toHaveLength(count);
    // ...and the offered partner sees the need but not the person.
    expect((await first.data(REFERRAL, { id: referral.id })).referral).toMatchObject({ summary: SECRET_SUMMARY, subject: null });
  });

  it('tells each user who they are: role, organisation and area', async () => {
    expect((await tier2.data(ME)).me).toMatchObject({ email: city.emails.tier2, role: 'TIER2_COORDINATOR', area: { code: city.areaCode } });
    expect((await otherTier2.data(ME)).me).toMatchObject({ role: 'TIER2_COORDINATOR', area: { code: city.otherAreaCode } });
    expect((await tier1.data(ME)).me).toMatchObject({ email: city.emails.tier1, role: 'TIER1_COORDINATOR', area: null });
    expect((await first.data(ME)).me).toMatchObject({ email: city.emails.first, role: 'PARTNER', organization: { id: city.first.id }, area: null });
    expect((await elsewhere.data(ME)).me).toMatchObject({ role: 'PARTNER', organization: { id: city.elsewhere.id } });
  });
});

describe('production hygiene', () => {
  it('answers GET /health with 200', async () => {
    const response = await fetch(state.graphqlUrl.replace(/\/graphql$/, '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('puts no stack trace in any error', async () => {
    // Malformed documents too.
    await send(first, 'query { referral(id: ');
    await send(first, 'query { nosuchfield }');
    await send(first, REFERRAL, { id: 'not-a-uuid' });
    await rawPost('this is not json', {}, 'application/json');

    expect(seenErrors.length).toBeGreaterThan(40);
    for (const error of seenErrors) {
      expect(error.extensions ?? {}).not.toHaveProperty('stacktrace');
      expect(error.extensions ?? {}).not.toHaveProperty('exception');
      expect(error.message).not.toMatch(/\n\s+at |\.js:\d+|node_modules/);
    }
  });
});

function jwt(header: object, payload: object, secret: string | null): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signed = `${encode(header)}.${encode(payload)}`;
  return `${signed}.${secret === null ? '' : createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** A genuine token with its subject swapped for another user's, keeping the original signature. */
function retarget(token: string, userId: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: userId })).toString('base64url')}.${signature}`;
}

async function rawPost(body: unknown, headers: Record<string, string>, contentType = 'application/json'): Promise<GraphQLResponse<any>> {
  const response = await fetch(state.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Omit<GraphQLResponse<any>, 'status'>;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  seenErrors.push(...(parsed.errors ?? []));
  return { status: response.status, ...parsed };
}

async function countReferrals(): Promise<{ referrals: number; handoffs: number }> {
  const [row] = await queryRows<{ referrals: number; handoffs: number }>(
    state.databaseUrl,
    'SELECT (SELECT count(*)::int FROM referral) AS referrals, (SELECT count(*)::int FROM referral_handoff) AS handoffs',
  );
  return row;
}
