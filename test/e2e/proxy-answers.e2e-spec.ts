// Proxy answers (docs/DOMAIN.md, "Proxy answers"): a tier-2 coordinator answers for any partner without an active user,
// whatever the partner declared in hasSystemUsers; a partner with one answers for itself.
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, COMPLETE, personNeed, REFERRAL, START, SUBMIT } from './support/documents';

jest.setTimeout(120_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let first: GraphQLSession;
let admin: GraphQLSession;

const DEACTIVATE = `mutation D($id: ID!) { deactivateUser(id: $id) { id active } }`;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'proxy');
  [tier2, first, admin] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.admin, city.password),
  ]);
});

async function submit(overrides: Record<string, unknown> = {}) {
  return (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, overrides) })).submitReferral;
}

describe('proxy answers for partners without an active user', () => {
  it('answers for a centre that declares system users but has none', async () => {
    // Like the demo data's centres: hasSystemUsers true (the default), no user at all.
    const [centre] = await queryRows<{ id: string }>(
      state.databaseUrl,
      `INSERT INTO organization (name, kind, categories, has_system_users) VALUES ($1, 'COMMUNITY_SUPPORT_CENTER', '{WATCH_OVER}', true) RETURNING id`,
      [`${city.areaCode} 包括`],
    );
    await queryRows(state.databaseUrl, `INSERT INTO organization_area (organization_id, area_id) VALUES ($1, $2)`, [centre.id, city.areaId]);

    const need = await submit({ category: 'WATCH_OVER' });
    expect(need.currentOrganization.id).toBe(centre.id);
    const accepted = (await tier2.data(ACCEPT, { id: need.id, note: '電話で承諾' })).acceptReferral;
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.handoffs.at(-1)).toMatchObject({ kind: 'ACCEPTED', proxy: true, actor: { email: city.emails.tier2 } });
  });

  it('refuses a proxy answer for a partner with an active user, and allows it once that user is deactivated', async () => {
    const need = await submit();
    expect(need.currentOrganization.id).toBe(city.first.id);
    const refused = (await tier2.send(ACCEPT, { id: need.id })).errors?.[0].extensions;
    expect(refused).toMatchObject({ code: 'FORBIDDEN', messageJa: 'この連携先には利用者がいるため、代理入力はできません（連携先が自ら回答します）' });

    const [user] = await queryRows<{ id: string }>(state.databaseUrl, `SELECT id FROM app_user WHERE email = $1`, [city.emails.first]);
    expect((await admin.data(DEACTIVATE, { id: user.id })).deactivateUser.active).toBe(false);
    const accepted = (await tier2.data(ACCEPT, { id: need.id })).acceptReferral;
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.handoffs.at(-1)).toMatchObject({ kind: 'ACCEPTED', proxy: true, actor: { email: city.emails.tier2 } });
    // The deactivated user's session no longer works at all.
    expect((await first.send(ACCEPT, { id: need.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // A refusal by the workflow reads in Japanese for people.
    expect((await tier2.send(COMPLETE, { id: need.id, outcome: 'RESOLVED' })).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      messageJa: 'この依頼は「受諾」のため、完了の記録はできません',
    });
    expect((await tier2.data(START, { id: need.id })).startReferral.handoffs.at(-1)).toMatchObject({ kind: 'STARTED', proxy: true });
    const completed = await tier2.data(COMPLETE, { id: need.id, outcome: 'RESOLVED' });
    expect(completed.completeReferral.status).toBe('COMPLETED');
    expect((await tier2.send(ACCEPT, { id: need.id, note: '再度' })).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      messageJa: 'この依頼は終了しているため、これ以上の操作はできません',
    });
  });
});

describe('Organization.answeredByProxy', () => {
  const ORGS = `query O($areaCode: String) { organizations(areaCode: $areaCode) { id hasSystemUsers answeredByProxy } }`;

  it('tells coordinators which partners they answer for, and nobody else', async () => {
    const tier1 = await signIn(state.graphqlUrl, city.emails.tier1, city.password);
    const other = await createTestCity(state.databaseUrl, 'proxy-flag');
    const otherTier2 = await signIn(state.graphqlUrl, other.emails.tier2, other.password);
    const byId = new Map<string, { answeredByProxy: boolean | null }>(
      (await otherTier2.data(ORGS, { areaCode: other.areaCode })).organizations.map((o: { id: string }) => [o.id, o]),
    );
    expect(byId.get(other.first.id)?.answeredByProxy).toBe(false);
    expect(byId.get(other.shop.id)?.answeredByProxy).toBe(true);
    expect(
      (await tier1.data(ORGS, { areaCode: other.areaCode })).organizations.every((o: { answeredByProxy: unknown }) => o.answeredByProxy !== null),
    ).toBe(true);
    const partner = await signIn(state.graphqlUrl, other.emails.second, other.password);
    expect(
      (await partner.data(ORGS, { areaCode: other.areaCode })).organizations.every((o: { answeredByProxy: unknown }) => o.answeredByProxy === null),
    ).toBe(true);
  });
});

describe('Japanese error messages (extensions.messageJa)', () => {
  it('are on real errors: not found, bad input with each field problem, unauthenticated', async () => {
    const missing = await tier2.send(REFERRAL, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', messageJa: '見つかりません' });

    const bad = await tier2.send(SUBMIT, { input: personNeed(city.areaCode, { subject: null }) });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['subject'],
      problems: [{ field: 'subject', messageJa: '入力してください' }],
      messageJa: '入力してください',
    });

    const anonymous = await fetch(state.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const body = (await anonymous.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageJa: expect.stringMatching(/ログイン/) });
  });
});
