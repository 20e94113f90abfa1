// Tier-1 owns escalated needs (DOMAIN.md, "Every need reaches an end: tier-1 and hand-backs"): take, close with an
// outcome, re-refer, hand back; through GraphQL against the real api, worker, PostgreSQL and Temporal.
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { COMPLETE, personNeed, REASSIGN, REFERRAL, REFERRAL_FIELDS, SUBMIT } from './support/documents';

jest.setTimeout(120_000);

const TAKE = `mutation Take($id: ID!, $note: String) { takeReferral(id: $id, note: $note) { ${REFERRAL_FIELDS} } }`;
const RETURN = `mutation Return($id: ID!, $reason: ReturnReason!, $note: String) { returnReferral(id: $id, reason: $reason, note: $note) { ${REFERRAL_FIELDS} } }`;

const state = readE2eState();
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let first: GraphQLSession;
let cityHallId: string;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'tier1-owns');
  [tier1, tier2, first] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
  ]);
  cityHallId = (await tier1.data(`query { me { organization { id } } }`)).me.organization.id;
});

/** A PERSON need the tier-2 coordinator sends straight to tier-1 (ESCALATED, nobody holds it). */
async function escalated(overrides: Record<string, unknown> = {}) {
  const referral = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, { destination: 'TIER1', ...overrides }) })).submitReferral;
  expect(referral.status).toBe('ESCALATED');
  return referral;
}

const kinds = (referral: { handoffs: Array<{ kind: string }> }) => referral.handoffs.map((h) => h.kind);
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const row = async (id: string) =>
  (
    await queryRows<{ status: string; last_seq: number; current_organization_id: string | null }>(
      state.databaseUrl,
      'SELECT status, last_seq, current_organization_id FROM referral WHERE id = $1',
      [id],
    )
  )[0];

describe('tier-1 owns escalated needs', () => {
  it('takes one (its department holds it, the progress deadline runs) and closes it as taken into a regional issue', async () => {
    const r = await escalated();
    const taken = (await tier1.data(TAKE, { id: r.id, note: '市で対応します' })).takeReferral;
    expect(taken).toMatchObject({ status: 'IN_PROGRESS', currentOrganization: { id: cityHallId } });
    expect(taken.responseDueAt).not.toBeNull();
    expect(taken.handoffs.at(-1)).toMatchObject({
      kind: 'TAKEN',
      fromOrganization: null,
      toOrganization: { id: cityHallId },
      actor: { email: city.emails.tier1 },
      note: '市で対応します',
      proxy: false,
    });
    // The same request again is answered as the first, not refused.
    const again = (await tier1.data(TAKE, { id: r.id, note: '市で対応します' })).takeReferral;
    expect(kinds(again)).toEqual(['SUBMITTED', 'ESCALATED', 'TAKEN']);
    // The coordinator who found it sees who has it.
    expect((await tier2.data(REFERRAL, { id: r.id })).referral).toMatchObject({ status: 'IN_PROGRESS', currentOrganization: { id: cityHallId } });
    // Nobody sends it to tier-1 again while tier-1 holds it.
    const escalate = await tier2.send(`mutation ($id: ID!) { escalateReferral(id: $id, note: "再度") { id } }`, { id: r.id });
    expect(codeOf(escalate)).toBe('CONFLICT');

    const done = (await tier1.data(COMPLETE, { id: r.id, outcome: 'TAKEN_INTO_REGIONAL_ISSUE', note: '北部の移動手段の地域課題へ' }))
      .completeReferral;
    expect(done).toMatchObject({ status: 'COMPLETED', outcome: 'TAKEN_INTO_REGIONAL_ISSUE', responseDueAt: null });
    expect(kinds(done)).toEqual(['SUBMITTED', 'ESCALATED', 'TAKEN', 'COMPLETED']);
    expect(done.handoffs.at(-1)).toMatchObject({ reason: 'TAKEN_INTO_REGIONAL_ISSUE', actor: { email: city.emails.tier1 } });
    expect(await row(r.id)).toMatchObject({ status: 'COMPLETED', last_seq: 4 });
  });

  it('closes one straight from ESCALATED, without taking it first', async () => {
    const r = await escalated();
    const done = (await tier1.data(COMPLETE, { id: r.id, outcome: 'NO_LONGER_NEEDED' })).completeReferral;
    expect(done).toMatchObject({ status: 'COMPLETED', outcome: 'NO_LONGER_NEEDED', currentOrganization: { id: cityHallId } });
    expect(kinds(done)).toEqual(['SUBMITTED', 'ESCALATED', 'COMPLETED']);
  });

  it('re-refers one it took to a partner, which is then offered it like any other', async () => {
    const r = await escalated();
    await tier1.data(TAKE, { id: r.id });
    const offered = (await tier1.data(REASSIGN, { id: r.id, organizationId: city.first.id, note: '送迎の空きが出た' })).reassignReferral;
    expect(offered).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.first.id } });
    expect(kinds(offered)).toEqual(['SUBMITTED', 'ESCALATED', 'TAKEN', 'REASSIGNED', 'OFFERED']);
    expect(offered.handoffs[3]).toMatchObject({ fromOrganization: { id: cityHallId }, toOrganization: { id: city.first.id } });
    const accepted = (await first.data(`mutation ($id: ID!) { acceptReferral(id: $id) { status subject { displayName } } }`, { id: r.id }))
      .acceptReferral;
    expect(accepted).toEqual({ status: 'ACCEPTED', subject: { displayName: '山田 H.' } });
  });

  it('cannot re-refer a resident who did not consent to sharing with partners (CONFLICT), before or after taking', async () => {
    const r = await escalated({ consent: { obtained: false, method: '口頭', obtainedAt: '2026-11-20T01:00:00.000Z' } });
    const before = await row(r.id);
    const refused = await tier1.send(REASSIGN, { id: r.id, organizationId: city.first.id });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toMatch(/consent/);
    expect(await row(r.id)).toEqual(before);
    await tier1.data(TAKE, { id: r.id });
    expect(codeOf(await tier1.send(REASSIGN, { id: r.id, organizationId: city.first.id }))).toBe('CONFLICT');
    expect((await row(r.id)).status).toBe('IN_PROGRESS');
  });

  it.each([
    ['straight from ESCALATED', false],
    ['after taking it', true],
  ])('hands one back to the tier-2 coordinator %s: UNMATCHED, nobody holds it, no deadline', async (_label, take) => {
    const r = await escalated();
    if (take) await tier1.data(TAKE, { id: r.id });
    const back = (await tier1.data(RETURN, { id: r.id, reason: 'LOCAL_RESOURCE_AVAILABLE', note: '地域のサロンで対応可能' })).returnReferral;
    expect(back).toMatchObject({ status: 'UNMATCHED', currentOrganization: null, responseDueAt: null });
    expect(back.handoffs.at(-1)).toMatchObject({
      kind: 'RETURNED',
      reason: 'LOCAL_RESOURCE_AVAILABLE',
      note: '地域のサロンで対応可能',
      fromOrganization: { id: cityHallId },
      toOrganization: null,
      actor: { email: city.emails.tier1 },
    });
    // The tier-2 coordinator carries on with it.
    const offered = (await tier2.data(REASSIGN, { id: r.id, organizationId: city.first.id })).reassignReferral;
    expect(offered).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.first.id } });
    expect(offered.responseDueAt).not.toBeNull();
  });

  describe('refused', () => {
    it('take by anyone but tier-1 is FORBIDDEN; take of a referral that is not escalated is a CONFLICT', async () => {
      const r = await escalated();
      for (const session of [tier2, first]) expect(codeOf(await session.send(TAKE, { id: r.id }))).toBe('FORBIDDEN');
      const offered = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
      const refused = await tier1.send(TAKE, { id: offered.id });
      expect(codeOf(refused)).toBe('CONFLICT');
      expect((await row(offered.id)).status).toBe('OFFERED');
    });

    it('a tier-2 coordinator cannot close or hand back what is escalated to tier-1 (FORBIDDEN)', async () => {
      const r = await escalated();
      expect(codeOf(await tier2.send(COMPLETE, { id: r.id, outcome: 'RESOLVED' }))).toBe('FORBIDDEN');
      expect(codeOf(await tier2.send(RETURN, { id: r.id, reason: 'OTHER' }))).toBe('FORBIDDEN');
      expect((await row(r.id)).status).toBe('ESCALATED');
    });

    it('tier-1 cannot close or hand back what a partner holds (FORBIDDEN); a partner cannot close as TAKEN_INTO_REGIONAL_ISSUE (BAD_USER_INPUT)', async () => {
      const r = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
      await first.data(`mutation ($id: ID!) { acceptReferral(id: $id) { id } }`, { id: r.id });
      await first.data(`mutation ($id: ID!) { startReferral(id: $id) { id } }`, { id: r.id });
      const before = await row(r.id);
      expect(codeOf(await tier1.send(COMPLETE, { id: r.id, outcome: 'RESOLVED' }))).toBe('FORBIDDEN');
      expect(codeOf(await tier1.send(RETURN, { id: r.id, reason: 'OTHER' }))).toBe('FORBIDDEN');
      const bad = await first.send(COMPLETE, { id: r.id, outcome: 'TAKEN_INTO_REGIONAL_ISSUE' });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['outcome'] });
      expect(await row(r.id)).toEqual(before);
    });
  });
});
