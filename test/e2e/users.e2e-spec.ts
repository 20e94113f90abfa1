// User accounts through GraphQL against the real stack: administrators create, deactivate, reactivate and reset users;
// users change their own password; tokens die at once when the password changes or the user is deactivated; and
// sign-ins are rate-limited per account and per client address (the api trusts X-Forwarded-For from loopback in the
// e2e stack, so each test names client addresses of its own and never blocks 127.0.0.1 for the other test files).
import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { createTestCity, queryRows, readE2eState, TestCity } from '@tsunagu/testing/e2e';
import { personNeed, SUBMIT } from './support/documents';

jest.setTimeout(120_000);

const state = readE2eState();
const WINDOW_SECONDS = Number(state.appEnv.TSUNAGU_LOGIN_WINDOW_SECONDS);
const PER_ACCOUNT = Number(state.appEnv.TSUNAGU_LOGIN_MAX_FAILURES_PER_ACCOUNT);
const PER_ADDRESS = Number(state.appEnv.TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS);

const USER_FIELDS = 'id email displayName role active mustChangePassword organization { id } area { code }';
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token mustChangePassword user { id email role } }
}`;
const ME = `query { me { ${USER_FIELDS} } }`;
const USERS = `query Users($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${USER_FIELDS} } } }
}`;
const USER = `query User($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`;
const CREATE = `mutation Create($input: CreateUserInput!) { createUser(input: $input) { temporaryPassword user { ${USER_FIELDS} } } }`;
const DEACTIVATE = `mutation Deactivate($id: ID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`;
const REACTIVATE = `mutation Reactivate($id: ID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`;
const RESET = `mutation Reset($id: ID!) { resetUserPassword(id: $id) { temporaryPassword user { ${USER_FIELDS} } } }`;
const CHANGE = `mutation Change($currentPassword: String!, $newPassword: String!) {
  changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;

interface Answer {
  status: number;
  retryAfter: string | null;
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/** A client at a given address (sent as X-Forwarded-For), signed in or not. */
class Client {
  constructor(
    readonly address: string,
    readonly token: string | null = null,
  ) {}

  async send(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const response = await fetch(state.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': this.address,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...((await response.json()) as object) };
  }

  async data(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const answer = await this.send(query, variables);
    if (answer.errors?.length || !answer.data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors ?? answer)}`);
    return answer.data;
  }

  login(email: string, password: string): Promise<Answer> {
    return this.send(LOGIN, { email, password });
  }

  /** Signs in and returns a client with the token, at the same address. */
  async signIn(email: string, password: string): Promise<Client> {
    const answer = await this.login(email, password);
    if (!answer.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(answer.errors)}`);
    return new Client(this.address, answer.data.login.token);
  }
}

const codes = (answer: Answer) => (answer.errors ?? []).map((e) => e.extensions?.code);
const fields = (answer: Answer) => answer.errors?.[0]?.extensions?.fields;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TEMPORARY_PASSWORD = /^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/;

let city: TestCity;
let admin: Client;
let tier1: Client;
let tier2: Client;
let partner: Client;
let sequence = 0;
const ADMIN_ADDRESS = '192.0.2.1';

/** A fresh email in this file's test city. */
function newEmail(label: string): string {
  sequence += 1;
  return `${label}-${sequence}-${randomUUID().slice(0, 8)}@users.test.example`;
}

/** A partner user created by the administrator: id, email and temporary password. */
async function createPartnerUser(label: string): Promise<{ id: string; email: string; password: string }> {
  const email = newEmail(label);
  const { createUser } = await admin.data(CREATE, { input: { email, displayName: label, role: 'PARTNER', organizationId: city.first.id } });
  return { id: createUser.user.id, email, password: createUser.temporaryPassword };
}

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'users');
  admin = await new Client(ADMIN_ADDRESS).signIn(city.emails.admin, city.password);
  tier1 = await new Client('192.0.2.2').signIn(city.emails.tier1, city.password);
  tier2 = await new Client('192.0.2.3').signIn(city.emails.tier2, city.password);
  partner = await new Client('192.0.2.4').signIn(city.emails.first, city.password);
});

describe('an administrator creates a user', () => {
  it('who signs in with the temporary password, changes it, and signs in again with the new one', async () => {
    const email = newEmail('Hanako.Yamada');
    const created = await admin.send(CREATE, {
      input: { email: `  ${email.toUpperCase()} `, displayName: ' 山田 花子 ', role: 'PARTNER', organizationId: city.first.id },
    });
    expect(created.errors).toBeUndefined();
    const { user, temporaryPassword } = created.data!.createUser;
    expect(user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      displayName: '山田 花子',
      role: 'PARTNER',
      active: true,
      mustChangePassword: true,
      organization: { id: city.first.id },
      area: null,
    });
    expect(temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    // Stored only as an argon2id hash.
    const [row] = await queryRows<{ password_hash: string }>(state.databaseUrl, 'SELECT password_hash FROM app_user WHERE id = $1', [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(temporaryPassword);

    const client = new Client('198.51.100.1');
    const login = await client.login(email, temporaryPassword);
    expect(login.errors).toBeUndefined();
    expect(login.data!.login).toMatchObject({ mustChangePassword: true, user: { id: user.id, role: 'PARTNER' } });
    const session = new Client(client.address, login.data!.login.token);
    expect((await session.data(ME)).me).toMatchObject({ id: user.id, active: true, mustChangePassword: true, organization: { id: city.first.id } });

    // The policy, and a wrong current password: BAD_USER_INPUT naming the field, password unchanged.
    const wrongCurrent = await session.send(CHANGE, { currentPassword: 'not-the-password', newPassword: 'a brand new passphrase' });
    expect(codes(wrongCurrent)).toEqual(['BAD_USER_INPUT']);
    expect(fields(wrongCurrent)).toEqual(['currentPassword']);
    for (const newPassword of ['too-short', email, temporaryPassword]) {
      const answer = await session.send(CHANGE, { currentPassword: temporaryPassword, newPassword });
      expect({ newPassword, codes: codes(answer), fields: fields(answer) }).toEqual({
        newPassword,
        codes: ['BAD_USER_INPUT'],
        fields: ['newPassword'],
      });
    }
    expect((await session.data(ME)).me.id).toBe(user.id);

    const changed = await session.send(CHANGE, { currentPassword: temporaryPassword, newPassword: '川西の協力団体 2026 春' });
    expect(changed).toMatchObject({ status: 200, data: { changeMyPassword: true } });
    expect(changed.errors).toBeUndefined();

    // Every token from before the change, this one too, stops working; the old password too.
    expect(codes(await session.send(ME))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await client.login(email, temporaryPassword))).toEqual(['UNAUTHENTICATED']);
    const again = await client.login(email, '川西の協力団体 2026 春');
    expect(again.data!.login).toMatchObject({ mustChangePassword: false, user: { id: user.id } });
    expect((await new Client(client.address, again.data!.login.token).data(ME)).me).toMatchObject({ id: user.id, mustChangePassword: false });
  });

  it('only where the role belongs: BAD_USER_INPUT naming the field, and nothing written', async () => {
    const council = (
      await queryRows<{ id: string }>(state.databaseUrl, `SELECT id FROM organization WHERE name = $1`, [
        `${city.first.name.split(' ')[0]} 0 Council`,
      ])
    )[0].id;
    const bad: Array<[string, Record<string, unknown>, string[]]> = [
      ['partner without organisation', { role: 'PARTNER' }, ['organizationId']],
      ['partner of the council', { role: 'PARTNER', organizationId: council }, ['organizationId']],
      ['partner of a shop without system users', { role: 'PARTNER', organizationId: city.shop.id }, ['organizationId']],
      ['partner of an unknown organisation', { role: 'PARTNER', organizationId: randomUUID() }, ['organizationId']],
      ['partner with an area', { role: 'PARTNER', organizationId: city.first.id, areaCode: city.areaCode }, ['areaCode']],
      ['tier-2 without area', { role: 'TIER2_COORDINATOR', organizationId: council }, ['areaCode']],
      ['tier-2 in an unknown area', { role: 'TIER2_COORDINATOR', organizationId: council, areaCode: 'NOWHERE' }, ['areaCode']],
      ['tier-2 at an NPO', { role: 'TIER2_COORDINATOR', organizationId: city.first.id, areaCode: city.areaCode }, ['organizationId']],
      ['tier-1 without organisation', { role: 'TIER1_COORDINATOR' }, ['organizationId']],
      ['a taken email, in other case', { email: city.emails.first.toUpperCase(), role: 'ADMIN' }, ['email']],
      ['not an email', { email: 'not-an-email', role: 'ADMIN' }, ['email']],
      ['no display name', { displayName: '   ', role: 'ADMIN' }, ['displayName']],
    ];
    for (const [name, input, expected] of bad) {
      const email = (input.email as string | undefined) ?? newEmail('bad');
      const answer = await admin.send(CREATE, { input: { email, displayName: 'someone', ...input } });
      expect({ name, codes: codes(answer), fields: fields(answer) }).toEqual({ name, codes: ['BAD_USER_INPUT'], fields: expected });
      if (!input.email) expect(await queryRows(state.databaseUrl, 'SELECT 1 FROM app_user WHERE email = $1', [email])).toEqual([]);
    }

    const tier2User = await admin.data(CREATE, {
      input: { email: newEmail('tier2'), displayName: '第2層SC', role: 'TIER2_COORDINATOR', organizationId: council, areaCode: city.areaCode },
    });
    expect(tier2User.createUser.user).toMatchObject({ role: 'TIER2_COORDINATOR', organization: { id: council }, area: { code: city.areaCode } });
    const adminUser = await admin.data(CREATE, { input: { email: newEmail('admin'), displayName: '管理者', role: 'ADMIN', areaCode: '' } });
    expect(adminUser.createUser.user).toMatchObject({ role: 'ADMIN', organization: null, area: null });
  });

  it('lists users by role, organisation and state, a page at a time', async () => {
    const created = [await createPartnerUser('list-a'), await createPartnerUser('list-b'), await createPartnerUser('list-c')];
    await admin.data(DEACTIVATE, { id: created[1].id });

    const all = (await admin.data(USERS, { filter: { organizationId: city.first.id }, first: 100 })).users;
    const emails = all.edges.map((e: { node: { email: string } }) => e.node.email);
    expect(emails).toEqual(expect.arrayContaining([city.emails.first, ...created.map((u) => u.email)]));
    expect(emails).toEqual([...emails].sort());
    expect(all.totalCount).toBe(emails.length);
    expect(
      all.edges.every(
        (e: { node: { role: string; organization: { id: string } } }) => e.node.role === 'PARTNER' && e.node.organization.id === city.first.id,
      ),
    ).toBe(true);

    const active = (await admin.data(USERS, { filter: { organizationId: city.first.id, active: true }, first: 100 })).users;
    const inactive = (await admin.data(USERS, { filter: { organizationId: city.first.id, active: false }, first: 100 })).users;
    expect(inactive.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(created[1].id);
    expect(active.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(created[1].id);
    expect(active.totalCount + inactive.totalCount).toBe(all.totalCount);

    const admins = (await admin.data(USERS, { filter: { role: 'ADMIN' }, first: 100 })).users;
    expect(admins.edges.map((e: { node: { email: string } }) => e.node.email)).toEqual(
      expect.arrayContaining([city.emails.admin, 'admin@tsunagu.test']),
    );
    expect(admins.edges.every((e: { node: { role: string } }) => e.node.role === 'ADMIN')).toBe(true);

    // Page by page, the same users in the same order.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: { edges: Array<{ node: { email: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } = (
        await admin.data(USERS, { filter: { organizationId: city.first.id }, first: 2, after })
      ).users;
      expect(page.totalCount).toBe(all.totalCount);
      paged.push(...page.edges.map((e) => e.node.email));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(emails);

    const badCursor = await admin.send(USERS, { after: 'not-a-cursor' });
    expect(codes(badCursor)).toEqual(['BAD_USER_INPUT']);
    expect(fields(badCursor)).toEqual(['after']);

    expect((await admin.data(USER, { id: created[0].id })).user).toMatchObject({ id: created[0].id, email: created[0].email, active: true });
    expect(codes(await admin.send(USER, { id: randomUUID() }))).toEqual(['NOT_FOUND']);
  });
});

describe('deactivating a user', () => {
  it('ends their sessions at once and stops them signing in; reactivating lets them sign in again', async () => {
    const user = await createPartnerUser('deactivate');
    const client = new Client('198.51.100.2');
    const session = await client.signIn(user.email, user.password);
    expect((await session.data(ME)).me.id).toBe(user.id);

    const deactivated = await admin.send(DEACTIVATE, { id: user.id });
    expect(deactivated.data!.deactivateUser).toMatchObject({ id: user.id, active: false });
    expect(codes(await session.send(ME))).toEqual(['UNAUTHENTICATED']);
    const refused = await client.login(user.email, user.password);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    // The same answer as a wrong password: nothing tells that the account exists.
    const wrong = await client.login(city.emails.second, 'not-the-password');
    expect(refused.errors![0].message).toBe(wrong.errors![0].message);
    // Deactivating again changes nothing.
    expect((await admin.data(DEACTIVATE, { id: user.id })).deactivateUser.active).toBe(false);

    expect((await admin.data(REACTIVATE, { id: user.id })).reactivateUser).toMatchObject({ id: user.id, active: true });
    // The token from before stays void; signing in works again, with the same password.
    expect(codes(await session.send(ME))).toEqual(['UNAUTHENTICATED']);
    const back = await client.signIn(user.email, user.password);
    expect((await back.data(ME)).me).toMatchObject({ id: user.id, active: true });
  });

  it('is not for oneself, nor for an unknown id', async () => {
    const me = (await admin.data(ME)).me;
    const self = await admin.send(DEACTIVATE, { id: me.id });
    expect(codes(self)).toEqual(['BAD_USER_INPUT']);
    expect(fields(self)).toEqual(['id']);
    expect((await admin.data(ME)).me.active).toBe(true);
    expect(codes(await admin.send(DEACTIVATE, { id: randomUUID() }))).toEqual(['NOT_FOUND']);
    expect(codes(await admin.send(REACTIVATE, { id: randomUUID() }))).toEqual(['NOT_FOUND']);
    expect(codes(await admin.send(RESET, { id: randomUUID() }))).toEqual(['NOT_FOUND']);
  });
});

describe('resetting a password', () => {
  it('voids the old password and every token; the new temporary password works and must be changed', async () => {
    const user = await createPartnerUser('reset');
    const client = new Client('198.51.100.3');
    const firstPassword = 'my own first password';
    await (await client.signIn(user.email, user.password)).data(CHANGE, { currentPassword: user.password, newPassword: firstPassword });
    const session = await client.signIn(user.email, firstPassword);

    const reset = (await admin.data(RESET, { id: user.id })).resetUserPassword;
    expect(reset.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    expect(reset.user).toMatchObject({ id: user.id, mustChangePassword: true, active: true });

    expect(codes(await session.send(ME))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await client.login(user.email, firstPassword))).toEqual(['UNAUTHENTICATED']);
    const login = await client.login(user.email, reset.temporaryPassword);
    expect(login.data!.login).toMatchObject({ mustChangePassword: true, user: { id: user.id } });
  });

  it('lifts a lock-out: failures before the reset no longer count against the account', async () => {
    const user = await createPartnerUser('reset-lock');
    const attacker = new Client('203.0.113.30');
    for (let i = 0; i < PER_ACCOUNT; i += 1) expect(codes(await attacker.login(user.email, `guess-${i}`))).toEqual(['UNAUTHENTICATED']);
    const owner = new Client('198.51.100.30');
    expect((await owner.login(user.email, user.password)).errors![0].message).toBe('Too many attempts, try again later');

    const { temporaryPassword } = (await admin.data(RESET, { id: user.id })).resetUserPassword;
    expect((await owner.login(user.email, temporaryPassword)).data!.login.user.id).toBe(user.id);
  });
});

describe('administration', () => {
  it('is FORBIDDEN to every other role, and changes nothing', async () => {
    const target = await createPartnerUser('forbidden');
    const forbiddenEmail = newEmail('forbidden');
    const [before] = await queryRows(state.databaseUrl, 'SELECT * FROM app_user WHERE id = $1', [target.id]);
    const calls: Array<[string, string, Record<string, unknown>]> = [
      ['users', USERS, {}],
      ['user', USER, { id: target.id }],
      ['createUser', CREATE, { input: { email: forbiddenEmail, displayName: 'x', role: 'ADMIN' } }],
      ['deactivateUser', DEACTIVATE, { id: target.id }],
      ['reactivateUser', REACTIVATE, { id: target.id }],
      ['resetUserPassword', RESET, { id: target.id }],
    ];
    for (const [role, client] of [
      ['TIER1', tier1],
      ['TIER2', tier2],
      ['PARTNER', partner],
    ] as const) {
      for (const [field, document, variables] of calls) {
        const answer = await client.send(document, variables);
        expect({ role, field, codes: codes(answer), data: answer.data?.[field] ?? null }).toEqual({ role, field, codes: ['FORBIDDEN'], data: null });
        expect(JSON.stringify(answer)).not.toContain('temporaryPassword');
      }
    }
    for (const [field, document, variables] of [
      ...calls,
      ['changeMyPassword', CHANGE, { currentPassword: 'x', newPassword: 'y'.repeat(20) }] as const,
    ]) {
      const answer = await new Client('192.0.2.99').send(document, variables);
      expect({ field, codes: codes(answer) }).toEqual({ field, codes: ['UNAUTHENTICATED'] });
    }
    expect((await queryRows(state.databaseUrl, 'SELECT * FROM app_user WHERE id = $1', [target.id]))[0]).toEqual(before);
    expect(await queryRows(state.databaseUrl, 'SELECT 1 FROM app_user WHERE email = $1', [forbiddenEmail])).toEqual([]);
  });

  it('shows whether an account is active only to administrators and to its user', async () => {
    const referral = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
    const document = `query R($id: ID!) { referral(id: $id) { submittedBy { id active mustChangePassword } } }`;
    expect((await partner.data(document, { id: referral.id })).referral.submittedBy).toEqual({
      id: referral.submittedBy.id,
      active: null,
      mustChangePassword: null,
    });
    expect((await tier2.data(document, { id: referral.id })).referral.submittedBy).toEqual({
      id: referral.submittedBy.id,
      active: true,
      mustChangePassword: false,
    });
    expect((await admin.data(document, { id: referral.id })).referral.submittedBy).toEqual({
      id: referral.submittedBy.id,
      active: true,
      mustChangePassword: false,
    });
  });
});

describe('tokens', () => {
  const secret = state.appEnv.TSUNAGU_JWT_SECRET;
  const now = () => Math.floor(Date.now() / 1000);
  const token = (userId: string, claims: Record<string, unknown>) =>
    jwt.sign({ iat: now(), ...claims }, secret, { algorithm: 'HS256', subject: userId, issuer: 'tsunagu' });

  it('are refused once expired, or without an expiry', async () => {
    const userId = (await partner.data(ME)).me.id;
    const valid = new Client('192.0.2.50', token(userId, { ver: 0, exp: now() + 60 }));
    expect((await valid.data(ME)).me.id).toBe(userId);
    for (const claims of [{ ver: 0, iat: now() - 3600, exp: now() - 1 }, { ver: 0 }]) {
      const answer = await new Client('192.0.2.50', token(userId, claims)).send(ME);
      expect({ claims, codes: codes(answer) }).toEqual({ claims, codes: ['UNAUTHENTICATED'] });
    }
  });

  it('are refused when issued under an earlier token version, even if signed right and unexpired', async () => {
    const user = await createPartnerUser('version');
    await admin.data(RESET, { id: user.id });
    const [{ token_version: version }] = await queryRows<{ token_version: number }>(
      state.databaseUrl,
      'SELECT token_version FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(version).toBe(1);
    expect((await new Client('192.0.2.51', token(user.id, { ver: 1, exp: now() + 60 })).data(ME)).me.id).toBe(user.id);
    for (const ver of [0, 2, -1, '1']) {
      const answer = await new Client('192.0.2.51', token(user.id, { ver, exp: now() + 60 })).send(ME);
      expect({ ver, codes: codes(answer) }).toEqual({ ver, codes: ['UNAUTHENTICATED'] });
    }
  });
});

describe('sign-in rate limiting', () => {
  function expectBlocked(answer: Answer): number {
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.errors![0].message).toBe('Too many attempts, try again later');
    expect(answer.data ?? null).toBeNull();
    // Execution errors keep HTTP 200 (@nestjs/apollo resets any other status), so clients read the body as usual.
    expect(answer.status).toBe(200);
    const retryAfterSeconds = answer.errors![0].extensions!.retryAfterSeconds;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(answer.retryAfter).toBe(String(retryAfterSeconds));
    return retryAfterSeconds;
  }

  it(`refuses an account after ${PER_ACCOUNT} failures, even with the right password and from anywhere, until the window has passed`, async () => {
    const user = await createPartnerUser('locked');
    const client = new Client('198.51.100.40');
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      const answer = await client.login(user.email, `wrong-${i}`);
      expect(answer.errors![0].message).toBe('Email or password is wrong');
      expect(answer.status).toBe(200);
    }
    expectBlocked(await client.login(user.email, user.password));
    const wait = expectBlocked(await new Client('198.51.100.41').login(user.email.toUpperCase(), user.password));
    // An unknown email is limited the same way: the lock tells nothing about which accounts exist.
    const unknown = newEmail('nobody');
    for (let i = 0; i < PER_ACCOUNT; i += 1) expect(codes(await client.login(unknown, `wrong-${i}`))).toEqual(['UNAUTHENTICATED']);
    expectBlocked(await client.login(unknown, 'wrong-again'));
    // Refused attempts check no password and are not counted: the lock ends when the window has passed the failures.
    await sleep((wait + 1) * 1000);
    const login = await client.login(user.email, user.password);
    expect(login.errors).toBeUndefined();
    expect(login.data!.login.user.id).toBe(user.id);
  });

  it("clears an address's own failures on success there, never another address's", async () => {
    const user = await createPartnerUser('typos');
    const owner = new Client('198.51.100.50');
    const attacker = new Client('203.0.113.50');
    // The owner mistypes twice, then gets it right: those two no longer count.
    for (const guess of ['typo-1', 'typo-2']) expect(codes(await owner.login(user.email, guess))).toEqual(['UNAUTHENTICATED']);
    expect((await owner.login(user.email, user.password)).errors).toBeUndefined();
    // An attacker fails PER_ACCOUNT - 1 times: the owner still signs in, but that success does not clear them...
    for (let i = 1; i < PER_ACCOUNT; i += 1) expect(codes(await attacker.login(user.email, `guess-${i}`))).toEqual(['UNAUTHENTICATED']);
    expect((await owner.login(user.email, user.password)).errors).toBeUndefined();
    // ...so one more failure locks the account.
    expect(codes(await attacker.login(user.email, 'guess-last'))).toEqual(['UNAUTHENTICATED']);
    expectBlocked(await owner.login(user.email, user.password));
  });

  it(`refuses an address after ${PER_ADDRESS} failures on any accounts, counting an IPv6 /64 as one address`, async () => {
    const user = await createPartnerUser('sprayed');
    const network = '2001:db8:77:1';
    // All at once, as a sprayer would (and so that they all fall within the window even on a slow machine): every
    // attempt was counted before its password was checked, so none of them slipped past the others.
    const answers = await Promise.all(
      Array.from({ length: PER_ADDRESS }, (_, i) => new Client(`${network}::${(i + 1).toString(16)}`).login(newEmail('spray'), 'password-spraying')),
    );
    expect(answers.map((answer) => answer.errors![0].message)).toEqual(Array(PER_ADDRESS).fill('Email or password is wrong'));
    expectBlocked(await new Client(`${network}:ffff::1`).login(user.email, user.password));
    // Another address signs in as usual.
    expect((await new Client('2001:db8:77:2::1').login(user.email, user.password)).errors).toBeUndefined();
    expect((await new Client('198.51.100.60').login(user.email, user.password)).errors).toBeUndefined();
  });

  it('limits guesses at the current password when changing it, like sign-ins', async () => {
    const user = await createPartnerUser('change-guess');
    const session = await new Client('198.51.100.70').signIn(user.email, user.password);
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      const answer = await session.send(CHANGE, { currentPassword: `guess-${i}`, newPassword: 'a long enough new password' });
      expect(fields(answer)).toEqual(['currentPassword']);
    }
    expectBlocked(await session.send(CHANGE, { currentPassword: user.password, newPassword: 'a long enough new password' }));
    expectBlocked(await new Client('198.51.100.71').login(user.email, user.password));
    // The session itself still works: only password checks are limited.
    expect((await session.data(ME)).me.id).toBe(user.id);
  });
});

describe('a temporary password', () => {
  const AREAS = `query { areas { code } }`;
  const SIGN_OUT = `mutation { signOut }`;

  /** The audit events of one account (actor or object), oldest first. */
  const auditOf = (userId: string) =>
    queryRows<{ actor_user_id: string | null; operation: string; object_id: string | null; result: string; client_address: string; details: any }>(
      state.databaseUrl,
      `SELECT actor_user_id, operation, object_id, result, client_address, details FROM audit_event
        WHERE actor_user_id::text = $1 OR object_id = $1 ORDER BY at, id`,
      [userId],
    );

  it('allows only me, changeMyPassword and signOut until it is changed: everything else is FORBIDDEN, saying why', async () => {
    const council = (
      await queryRows<{ id: string }>(state.databaseUrl, `SELECT organization_id AS id FROM app_user WHERE email = $1`, [city.emails.tier2])
    )[0].id;
    const email = newEmail('first-day');
    const { createUser } = await admin.data(CREATE, {
      input: { email, displayName: '新任SC', role: 'TIER2_COORDINATOR', organizationId: council, areaCode: city.areaCode },
    });
    const client = new Client('198.51.100.80');
    const session = await client.signIn(email, createUser.temporaryPassword);
    expect((await session.data(ME)).me).toMatchObject({ id: createUser.user.id, mustChangePassword: true });

    const calls: Array<[string, string, Record<string, unknown>]> = [
      ['areas', AREAS, {}],
      ['referrals', `query { referrals { totalCount } }`, {}],
      ['submitReferral', SUBMIT, { input: personNeed(city.areaCode) }],
      // Bad arguments too: refused for the password before they are looked at.
      ['submitReferral', SUBMIT, { input: { ...personNeed(city.areaCode), summary: '' } }],
    ];
    for (const [field, document, variables] of calls) {
      const answer = await session.send(document, variables);
      expect({ field, data: answer.data?.[field] ?? null, errors: answer.errors?.map((e) => e.extensions) }).toEqual({
        field,
        data: null,
        errors: [{ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED', messageJa: '仮パスワードを変更してから操作してください' }],
      });
    }
    expect(await queryRows(state.databaseUrl, `SELECT 1 FROM referral WHERE submitted_by_id = $1`, [createUser.user.id])).toEqual([]);
    const refusals = (await auditOf(createUser.user.id)).filter((event) => event.operation === 'submitReferral');
    expect(refusals.map((event) => event.result)).toEqual(['FORBIDDEN', 'FORBIDDEN']);

    // New password rules: not blank, not a very common one (whatever its case or width).
    for (const newPassword of [' '.repeat(14), 'password1234', 'ＱＷＥＲＴＹＵＩＯＰ１２', 'aaaaaaaaaaaaaaa']) {
      const answer = await session.send(CHANGE, { currentPassword: createUser.temporaryPassword, newPassword });
      expect({ newPassword, codes: codes(answer), fields: fields(answer) }).toEqual({
        newPassword,
        codes: ['BAD_USER_INPUT'],
        fields: ['newPassword'],
      });
    }
    await session.data(CHANGE, { currentPassword: createUser.temporaryPassword, newPassword: '多田の見守り 2026 冬' });
    const own = await client.signIn(email, '多田の見守り 2026 冬');
    expect((await own.data(AREAS)).areas.map((a: { code: string }) => a.code)).toContain(city.areaCode);
    expect((await own.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral.status).toBe('OFFERED');
  });

  it('keeps an administrator with a temporary password from administering', async () => {
    const email = newEmail('new-admin');
    const { createUser } = await admin.data(CREATE, { input: { email, displayName: '新任管理者', role: 'ADMIN' } });
    const session = await new Client('198.51.100.81').signIn(email, createUser.temporaryPassword);
    const answer = await session.send(CREATE, { input: { email: newEmail('by-new-admin'), displayName: 'x', role: 'ADMIN' } });
    expect(answer.errors?.map((e) => e.extensions)).toEqual([
      { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED', messageJa: '仮パスワードを変更してから操作してください' },
    ]);
    expect(codes(await session.send(USERS, {}))).toEqual(['FORBIDDEN']);
  });

  it('expires: the right one is then refused with its own reason (a wrong one is just wrong), until an administrator resets it', async () => {
    const user = await createPartnerUser('expired');
    const client = new Client('198.51.100.82');
    const early = await client.signIn(user.email, user.password);
    // Issued 72 hours and a minute ago (the e2e stack runs with the default TSUNAGU_TEMPORARY_PASSWORD_HOURS, 72).
    await queryRows(state.databaseUrl, `UPDATE app_user SET temporary_password_issued_at = now() - interval '72 hours 1 minute' WHERE id = $1`, [
      user.id,
    ]);

    const refused = await client.login(user.email, user.password);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.map((e) => [e.message, e.extensions])).toEqual([
      [
        'The temporary password has expired: ask an administrator to reset it',
        { code: 'UNAUTHENTICATED', reason: 'TEMPORARY_PASSWORD_EXPIRED', messageJa: expect.stringMatching(/仮パスワード/) },
      ],
    ]);
    const wrong = await client.login(user.email, 'not-the-password');
    expect(wrong.errors?.map((e) => e.extensions)).toEqual([{ code: 'UNAUTHENTICATED', messageJa: 'メールアドレスまたはパスワードが違います' }]);
    // A session opened in time cannot replace it any more either.
    const late = await early.send(CHANGE, { currentPassword: user.password, newPassword: '遅すぎた変更 2026 冬' });
    expect(late.errors?.map((e) => e.extensions)).toEqual([
      {
        code: 'UNAUTHENTICATED',
        reason: 'TEMPORARY_PASSWORD_EXPIRED',
        messageJa: '仮パスワードの有効期限が切れています。システム管理者に再発行を依頼してください',
      },
    ]);

    const reset = (await admin.data(RESET, { id: user.id })).resetUserPassword;
    const [row] = await queryRows<{ issued_by: string; fresh: boolean }>(
      state.databaseUrl,
      `SELECT temporary_password_issued_by AS issued_by, temporary_password_issued_at > now() - interval '1 minute' AS fresh FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(row).toEqual({ issued_by: (await admin.data(ME)).me.id, fresh: true });
    const login = await client.login(user.email, reset.temporaryPassword);
    expect(login.data!.login).toMatchObject({ mustChangePassword: true, user: { id: user.id } });
  });

  it('and any password: signOut ends every session of the user at once, and is audited', async () => {
    const user = await createPartnerUser('sign-out');
    const client = new Client('198.51.100.83');
    const [one, two] = [await client.signIn(user.email, user.password), await client.signIn(user.email, user.password)];
    expect(await one.data(SIGN_OUT)).toEqual({ signOut: true });
    expect(codes(await one.send(ME))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await two.send(ME))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await new Client('198.51.100.84').send(SIGN_OUT))).toEqual(['UNAUTHENTICATED']);
    // The password still works: signing out ends sessions, not the account.
    const again = await client.signIn(user.email, user.password);
    expect((await again.data(ME)).me.id).toBe(user.id);
    expect((await auditOf(user.id)).filter((event) => event.operation === 'signOut')).toEqual([
      { actor_user_id: user.id, operation: 'signOut', object_id: null, result: 'OK', client_address: '198.51.100.83', details: {} },
    ]);
  });
});

describe('administrators and residents (docs/SECURITY.md)', () => {
  it('an administrator who signs in as an account they created leaves events naming them: first sign-in, password change', async () => {
    const adminId = (await admin.data(ME)).me.id;
    const cityHall = (
      await queryRows<{ id: string }>(state.databaseUrl, `SELECT organization_id AS id FROM app_user WHERE email = $1`, [city.emails.tier1])
    )[0].id;
    const email = newEmail('tier1');
    const { createUser } = await admin.data(CREATE, {
      input: { email, displayName: '第1層SC', role: 'TIER1_COORDINATOR', organizationId: cityHall },
    });
    const userId = createUser.user.id;

    // The administrator, from their own address, signs in with the temporary password and makes it their own.
    const asAdmin = new Client(ADMIN_ADDRESS);
    const temporary = await asAdmin.signIn(email, createUser.temporaryPassword);
    await temporary.data(CHANGE, { currentPassword: createUser.temporaryPassword, newPassword: '管理者が決めた 2026 冬' });
    const tier1Session = await asAdmin.signIn(email, '管理者が決めた 2026 冬');
    const referral = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
    expect(
      (await tier1Session.data(`query R($id: ID!) { referral(id: $id) { subject { displayName } } }`, { id: referral.id })).referral.subject,
    ).not.toBeNull();

    // The owner finds their temporary password no longer works.
    expect(codes(await new Client('198.51.100.90').login(email, createUser.temporaryPassword))).toEqual(['UNAUTHENTICATED']);

    const events = await queryRows<{
      actor_user_id: string;
      actor_role: string;
      operation: string;
      object_id: string;
      client_address: string;
      details: any;
    }>(
      state.databaseUrl,
      `SELECT actor_user_id, actor_role, operation, object_id, client_address, details FROM audit_event
        WHERE object_id = $1 AND operation IN ('createUser', 'account:temporaryPasswordSignIn', 'account:temporaryPasswordReplaced') ORDER BY at, id`,
      [userId],
    );
    const issued = { issuedBy: adminId, issuedAt: expect.any(String) };
    expect(events).toEqual([
      {
        actor_user_id: adminId,
        actor_role: 'ADMIN',
        operation: 'createUser',
        object_id: userId,
        client_address: ADMIN_ADDRESS,
        details: expect.any(Object),
      },
      {
        actor_user_id: userId,
        actor_role: 'TIER1_COORDINATOR',
        operation: 'account:temporaryPasswordSignIn',
        object_id: userId,
        client_address: ADMIN_ADDRESS,
        details: issued,
      },
      {
        actor_user_id: userId,
        actor_role: 'TIER1_COORDINATOR',
        operation: 'account:temporaryPasswordReplaced',
        object_id: userId,
        client_address: ADMIN_ADDRESS,
        details: issued,
      },
    ]);
    // And the administrator can read these events through the api, by operation.
    const listed = await admin.data(
      `query A($filter: AuditEventFilter) { auditEvents(filter: $filter) { edges { node { operation objectId details } } } }`,
      {
        filter: { objectId: userId, operation: ['account:temporaryPasswordSignIn'] },
      },
    );
    expect(listed.auditEvents.edges.map((e: { node: { details: string } }) => JSON.parse(e.node.details).issuedBy)).toEqual([adminId]);
  });

  it('a reset names the administrator who reset it, at the first sign-in with the new temporary password', async () => {
    const adminId = (await admin.data(ME)).me.id;
    const user = await createPartnerUser('reset-audit');
    const reset = (await admin.data(RESET, { id: user.id })).resetUserPassword;
    await new Client('198.51.100.91').signIn(user.email, reset.temporaryPassword);
    const [event] = await queryRows<{ details: any }>(
      state.databaseUrl,
      `SELECT details FROM audit_event WHERE object_id = $1 AND operation = 'account:temporaryPasswordSignIn' ORDER BY at DESC, id DESC LIMIT 1`,
      [user.id],
    );
    expect(event.details).toEqual({ issuedBy: adminId, issuedAt: expect.any(String) });
  });
});
