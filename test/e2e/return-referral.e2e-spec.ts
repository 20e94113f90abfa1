// A partner hands a referral back (returnReferral; DOMAIN.md, "Every need reaches an end: tier-1 and hand-backs"):
// routed on as after a decline, the resident's data out of the partner's sight at once, provision records as for any
// offer; through GraphQL against the real api, worker, PostgreSQL and Temporal.
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, personNeed, REFERRAL, REFERRAL_FIELDS, START, SUBMIT } from './support/documents';

jest.setTimeout(120_000);

const RETURN = `mutation Return($id: ID!, $reason: ReturnReason!, $note: String) { returnReferral(id: $id, reason: $reason, note: $note) { ${REFERRAL_FIELDS} } }`;

const state = readE2eState();
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'return');
  [tier1, tier2, first, second] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.second, city.password),
  ]);
});

const kinds = (referral: { handoffs: Array<{ kind: string }> }) => referral.handoffs.map((h) => h.kind);
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const provisions = (id: string) =>
  queryRows<{ recipient_organization_id: string; items: string[]; handoff_seq: number }>(
    state.databaseUrl,
    'SELECT recipient_organization_id, items, handoff_seq FROM provision_record WHERE referral_id = $1 ORDER BY handoff_seq',
    [id],
  );
const row = async (id: string) =>
  (await queryRows<{ status: string; last_seq: number }>(state.databaseUrl, 'SELECT status, last_seq FROM referral WHERE id = $1', [id]))[0];

async function submitted(overrides: Record<string, unknown> = {}) {
  return (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, overrides) })).submitReferral;
}

describe('returnReferral by a partner', () => {
  it('after accepting: offered to the next candidate; the returning partner no longer sees the resident; provision records as for any offer', async () => {
    const r = await submitted();
    expect((await first.data(ACCEPT, { id: r.id })).acceptReferral.subject).toEqual({
      displayName: '山田 H.',
      ageBand: '80代',
      contact: '072-000-1111',
    });

    const returned = (await first.data(RETURN, { id: r.id, reason: 'NO_CAPACITY', note: '担当者が退職' })).returnReferral;
    // The partner's answer is its part only: offered on, to someone it does not see, and no person any more.
    expect(returned).toMatchObject({ status: 'OFFERED', currentOrganization: null, subject: null, responseDueAt: null });
    expect(kinds(returned)).toEqual(['OFFERED', 'ACCEPTED', 'RETURNED']);
    expect(returned.handoffs.at(-1)).toMatchObject({
      reason: 'NO_CAPACITY',
      note: '担当者が退職',
      actor: { email: city.emails.first },
      proxy: false,
    });
    const seen = (await first.data(REFERRAL, { id: r.id })).referral;
    expect(seen.subject).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/山田|072-000-1111|80代/);
    expect(JSON.stringify(seen)).not.toContain(city.second.id);

    // The coordinator sees where it went; the next partner has the offer (the age band, not the name).
    const coordinatorView = (await tier2.data(REFERRAL, { id: r.id })).referral;
    expect(coordinatorView).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.second.id } });
    expect(kinds(coordinatorView)).toEqual(['SUBMITTED', 'OFFERED', 'ACCEPTED', 'RETURNED', 'OFFERED']);
    const offer = (await second.data(`query ($id: ID!) { referral(id: $id) { status subjectAgeBand subject { displayName } } }`, { id: r.id }))
      .referral;
    expect(offer).toEqual({ status: 'OFFERED', subjectAgeBand: '80代', subject: null });

    expect(await provisions(r.id)).toEqual([
      { recipient_organization_id: city.first.id, items: ['ageBand'], handoff_seq: 2 },
      { recipient_organization_id: city.first.id, items: ['displayName', 'contact'], handoff_seq: 3 },
      { recipient_organization_id: city.second.id, items: ['ageBand'], handoff_seq: 5 },
    ]);

    // The same return again is answered with the referral as it is; any other move by the partner is refused.
    const again = await first.send(RETURN, { id: r.id, reason: 'NO_CAPACITY', note: '担当者が退職' });
    expect(again.errors).toBeUndefined();
    expect((await row(r.id)).last_seq).toBe(5);
    expect(codeOf(await first.send(RETURN, { id: r.id, reason: 'OTHER' }))).toBe('CONFLICT');
  });

  it('after starting, with no candidate left: UNMATCHED, and the partner no longer sees the resident', async () => {
    const r = await submitted();
    await first.data(`mutation ($id: ID!) { declineReferral(id: $id, reason: NO_CAPACITY) { id } }`, { id: r.id });
    await second.data(ACCEPT, { id: r.id });
    await second.data(START, { id: r.id });
    const returned = (await second.data(RETURN, { id: r.id, reason: 'CANNOT_CONTINUE' })).returnReferral;
    expect(returned).toMatchObject({ status: 'UNMATCHED', subject: null, currentOrganization: null });
    const coordinatorView = (await tier2.data(REFERRAL, { id: r.id })).referral;
    expect(coordinatorView).toMatchObject({ status: 'UNMATCHED', currentOrganization: null });
    expect(kinds(coordinatorView).slice(-3)).toEqual(['STARTED', 'RETURNED', 'UNMATCHED']);
    // A partner's return leaves the usual UNMATCHED escalation deadline running.
    expect(coordinatorView.responseDueAt).not.toBeNull();
    // Nothing new was given to anybody by the return.
    expect((await provisions(r.id)).map((p) => p.handoff_seq)).toEqual([2, 4, 5]);
  });

  it('a tier-2 coordinator returns as proxy for a partner without users', async () => {
    const r = await submitted({ category: 'SHOPPING', organizationId: city.shop.id });
    await tier2.data(ACCEPT, { id: r.id });
    const returned = (await tier2.data(RETURN, { id: r.id, reason: 'COULD_NOT_CONTACT', note: '店舗と連絡がつかない' })).returnReferral;
    expect(returned.status).toBe('UNMATCHED'); // the shop is the area's only one for SHOPPING
    expect(returned.handoffs.find((h: { kind: string }) => h.kind === 'RETURNED')).toMatchObject({
      proxy: true,
      actor: { email: city.emails.tier2 },
      fromOrganization: { id: city.shop.id },
      reason: 'COULD_NOT_CONTACT',
    });
  });

  describe('refused', () => {
    it('while only offered (CONFLICT: decline instead), by another partner (NOT_FOUND), by a coordinator for a partner with users or by tier-1 (FORBIDDEN)', async () => {
      const r = await submitted();
      expect(codeOf(await first.send(RETURN, { id: r.id, reason: 'OTHER' }))).toBe('CONFLICT');
      await first.data(ACCEPT, { id: r.id });
      const before = await row(r.id);
      expect(codeOf(await second.send(RETURN, { id: r.id, reason: 'OTHER' }))).toBe('NOT_FOUND');
      expect(codeOf(await tier2.send(RETURN, { id: r.id, reason: 'OTHER' }))).toBe('FORBIDDEN');
      expect(codeOf(await tier1.send(RETURN, { id: r.id, reason: 'OTHER' }))).toBe('FORBIDDEN');
      expect(await row(r.id)).toEqual(before);
    });

    it('an unknown reason is a GraphQL validation error; the referral is unchanged', async () => {
      const r = await submitted();
      await first.data(ACCEPT, { id: r.id });
      const before = await row(r.id);
      const bad = await first.send(RETURN, { id: r.id, reason: 'BORED' });
      expect(bad.errors?.length).toBeGreaterThan(0);
      expect(await row(r.id)).toEqual(before);
    });
  });
});
