// The whole lifecycle through GraphQL against the real api, worker, PostgreSQL and Temporal.
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, COMPLETE, DECLINE, NOTE, personNeed, REASSIGN, REFERRAL, REFERRALS, START, SUBMIT, WITHDRAW, ESCALATE } from './support/documents';

jest.setTimeout(120_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'lifecycle');
  [tier2, first, second] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.second, city.password),
  ]);
});

async function submit(overrides: Record<string, unknown> = {}) {
  return (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, overrides) })).submitReferral;
}

const kinds = (referral: { handoffs: Array<{ kind: string }> }) => referral.handoffs.map((h) => h.kind);

describe('referral lifecycle', () => {
  it('runs from submission to a completed outcome, and each answer is readable at once', async () => {
    const submitted = await submit();
    expect(submitted.status).toBe('OFFERED');
    expect(submitted.currentOrganization.id).toBe(city.first.id);
    expect(kinds(submitted)).toEqual(['SUBMITTED', 'OFFERED']);
    expect(submitted.subject).toEqual({ displayName: '山田 H.', ageBand: '80代', contact: '072-000-1111' });

    // The offered partner sees the need but not the person until it accepts.
    const offered = (await first.data(REFERRAL, { id: submitted.id })).referral;
    expect(offered.status).toBe('OFFERED');
    expect(offered.subject).toBeNull();

    const accepted = (await first.data(ACCEPT, { id: submitted.id, note: '担当: 佐藤' })).acceptReferral;
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.subject.contact).toBe('072-000-1111');
    expect((await tier2.data(REFERRAL, { id: submitted.id })).referral.status).toBe('ACCEPTED');

    expect((await first.data(START, { id: submitted.id })).startReferral.status).toBe('IN_PROGRESS');
    const noted = (await tier2.data(NOTE, { id: submitted.id, note: '本人から感謝の連絡あり' })).addReferralNote;
    expect(kinds(noted).at(-1)).toBe('NOTE');

    const completed = (await first.data(COMPLETE, { id: submitted.id, outcome: 'RESOLVED', note: '送迎開始' })).completeReferral;
    expect(completed.status).toBe('COMPLETED');
    expect(completed.outcome).toBe('RESOLVED');
    expect(kinds(completed)).toEqual(['SUBMITTED', 'OFFERED', 'ACCEPTED', 'STARTED', 'NOTE', 'COMPLETED']);
    expect(completed.handoffs.map((h: { seq: number }) => h.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(completed.handoffs[2]).toMatchObject({ note: '担当: 佐藤', actor: { email: city.emails.first }, proxy: false });

    // Read-your-write in lists too: the coordinator's list shows the new status straight away.
    const list = (await tier2.data(REFERRALS, { filter: { status: ['COMPLETED'], areaCode: [city.areaCode] } })).referrals;
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(submitted.id);

    const rows = await queryRows<{ status: string; last_seq: number }>(state.databaseUrl, 'SELECT status, last_seq FROM referral WHERE id = $1', [
      submitted.id,
    ]);
    expect(rows).toEqual([{ status: 'COMPLETED', last_seq: 6 }]);
  });

  it('offers a declined referral to the next candidate, then leaves it UNMATCHED', async () => {
    const submitted = await submit();
    // The partner's own answer is its part only (docs/SECURITY.md, "A partner the referral has left"): offered on, to
    // someone it does not see; the coordinator sees where it went.
    const declinedForFirst = (await first.data(DECLINE, { id: submitted.id, reason: 'NO_CAPACITY', note: '今月は満員' })).declineReferral;
    expect(declinedForFirst).toMatchObject({ status: 'OFFERED', currentOrganization: null });
    expect(kinds(declinedForFirst)).toEqual(['OFFERED', 'DECLINED']);
    const declined = (await tier2.data(REFERRAL, { id: submitted.id })).referral;
    expect(declined.status).toBe('OFFERED');
    expect(declined.currentOrganization.id).toBe(city.second.id);
    expect(declined.handoffs[2]).toMatchObject({
      kind: 'DECLINED',
      reason: 'NO_CAPACITY',
      note: '今月は満員',
      fromOrganization: { id: city.first.id },
    });

    // The first partner still sees what it was offered, but can no longer act on it.
    expect((await first.send(ACCEPT, { id: submitted.id })).errors?.[0].extensions?.code).toBe('CONFLICT');

    const unmatchedForSecond = (await second.data(DECLINE, { id: submitted.id, reason: 'OUT_OF_AREA' })).declineReferral;
    expect(unmatchedForSecond).toMatchObject({ status: 'UNMATCHED', currentOrganization: null });
    expect(kinds(unmatchedForSecond)).toEqual(['OFFERED', 'DECLINED']);
    const unmatched = (await tier2.data(REFERRAL, { id: submitted.id })).referral;
    expect(unmatched.status).toBe('UNMATCHED');
    expect(unmatched.currentOrganization).toBeNull();
    expect(kinds(unmatched)).toEqual(['SUBMITTED', 'OFFERED', 'DECLINED', 'OFFERED', 'DECLINED', 'UNMATCHED']);
  });

  it('lets the coordinator reassign an unmatched referral, escalate one, and withdraw one', async () => {
    const submitted = await submit();
    await first.data(DECLINE, { id: submitted.id, reason: 'NOT_ELIGIBLE' });
    await second.data(DECLINE, { id: submitted.id, reason: 'NO_CAPACITY' });
    const reassigned = (await tier2.data(REASSIGN, { id: submitted.id, organizationId: city.first.id, note: '再度ご検討を' })).reassignReferral;
    expect(reassigned.status).toBe('OFFERED');
    expect(reassigned.currentOrganization.id).toBe(city.first.id);
    expect(kinds(reassigned).slice(-2)).toEqual(['REASSIGNED', 'OFFERED']);
    expect((await first.data(ACCEPT, { id: submitted.id })).acceptReferral.status).toBe('ACCEPTED');

    const toEscalate = await submit();
    const escalated = (await tier2.data(ESCALATE, { id: toEscalate.id, note: '地域に移動支援の担い手がいない' })).escalateReferral;
    expect(escalated.status).toBe('ESCALATED');
    expect(escalated.currentOrganization).toBeNull();

    const toWithdraw = await submit();
    const withdrawn = (await tier2.data(WITHDRAW, { id: toWithdraw.id, reason: '家族が対応することになった' })).withdrawReferral;
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(withdrawn.handoffs.at(-1)).toMatchObject({ kind: 'WITHDRAWN', reason: '家族が対応することになった' });
    expect((await tier2.send(NOTE, { id: toWithdraw.id, note: 'late' })).errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('sends a TIER1 need straight to tier-1, and records proxy answers for partners without users', async () => {
    const tier1Need = await submit({ destination: 'TIER1' });
    expect(tier1Need.status).toBe('ESCALATED');
    expect(kinds(tier1Need)).toEqual(['SUBMITTED', 'ESCALATED']);

    const shopping = await submit({ category: 'SHOPPING' });
    expect(shopping.currentOrganization.id).toBe(city.shop.id);
    const proxied = (await tier2.data(ACCEPT, { id: shopping.id, note: '電話で承諾' })).acceptReferral;
    expect(proxied.status).toBe('ACCEPTED');
    expect(proxied.handoffs.at(-1)).toMatchObject({ kind: 'ACCEPTED', proxy: true, actor: { email: city.emails.tier2 } });
    // A partner with users answers for itself.
    const transport = await submit();
    expect((await tier2.send(ACCEPT, { id: transport.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
