// The suggestion rule of suggestedRegionalIssues, against the real stack: escalated or unmatched referrals of one
// category from at least two areas within the window, linked to no issue, unless tier-1 dismissed them all. The category OTHER is this file's own:
// whatever earlier files left of it is first put on an issue, so only the referrals made here are candidates.
import { randomUUID } from 'node:crypto';
import { createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { areaNeed, SUBMIT } from './support/documents';
import { CLOSE_ISSUE, CREATE_ISSUE, issueInput, SUGGESTIONS } from './support/policy';

jest.setTimeout(120_000);

const state = readE2eState();
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let otherTier2: GraphQLSession;

const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'suggest');
  [tier1, tier2, otherTier2] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.otherTier2, city.password),
  ]);
  // A clean slate for OTHER: every candidate left by other files goes on an open issue of its own.
  const leftovers = await queryRows<{ id: string }>(
    state.databaseUrl,
    `SELECT r.id FROM referral r
      WHERE r.category = 'OTHER' AND r.status IN ('ESCALATED', 'UNMATCHED')
        AND NOT EXISTS (SELECT 1 FROM regional_issue_referral l WHERE l.referral_id = r.id)`,
  );
  for (let i = 0; i < leftovers.length; i += 200) {
    const referralIds = leftovers.slice(i, i + 200).map((row) => row.id);
    await tier1.data(CREATE_ISSUE, {
      input: issueInput([city.areaCode], referralIds, { category: 'OTHER', title: 'earlier files’ OTHER referrals' }),
    });
  }
});

/** A need of category OTHER sent to tier-1 (ESCALATED at once) in the coordinator's area. */
async function escalated(session: GraphQLSession, areaCode: string): Promise<string> {
  return (await session.data(SUBMIT, { input: areaNeed(areaCode, { category: 'OTHER', destination: 'TIER1' }) })).submitReferral.id;
}

const DISMISS = `mutation D($category: NeedCategory!, $referralIds: [ID!]!, $reason: String!) {
  dismissRegionalIssueSuggestion(category: $category, referralIds: $referralIds, reason: $reason) { id category referralIds reason dismissedAt }
}`;

async function dismissalsOf(referralId: string): Promise<unknown[]> {
  return queryRows(state.databaseUrl, 'SELECT id, dismissed_by_id, reason FROM regional_issue_suggestion_dismissal WHERE $1 = ANY (referral_ids)', [
    referralId,
  ]);
}

/** Waits until the referrals' workflows have written `status` (a closed issue's entries arrive just after it answers). */
async function waitForStatus(ids: string[], status: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await queryRows<{ status: string }>(state.databaseUrl, 'SELECT status FROM referral WHERE id = ANY ($1)', [ids]);
    if (rows.every((row) => row.status === status) || Date.now() > deadline) {
      expect(rows.map((row) => row.status)).toEqual(ids.map(() => status));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function otherSuggestion(windowDays?: number): Promise<any> {
  const suggestions = (await tier1.data(SUGGESTIONS, windowDays === undefined ? {} : { windowDays })).suggestedRegionalIssues;
  return suggestions.find((s: any) => s.category === 'OTHER') ?? null;
}

/** A referral escalated `daysAgo` days ago, written straight into the read model (the api cannot date one back). */
async function escalatedLongAgo(areaId: string, submittedByEmail: string, daysAgo: number): Promise<string> {
  const id = randomUUID();
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  const [user] = await queryRows<{ id: string }>(state.databaseUrl, 'SELECT id FROM app_user WHERE email = $1', [submittedByEmail]);
  await queryRows(
    state.databaseUrl,
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination, submitted_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, $3, 'ESCALATED', 'OTHER', $4, '昔の相談', 'AREA', 'TIER1', $5, 2, $6, $6)`,
    [id, `referral:old:${id}`, `old-${id}`, areaId, user.id, at],
  );
  await queryRows(
    state.databaseUrl,
    `INSERT INTO referral_handoff (referral_id, seq, kind, actor_id, at) VALUES ($1, 1, 'SUBMITTED', $2, $3), ($1, 2, 'ESCALATED', $2, $3)`,
    [id, user.id, at],
  );
  return id;
}

describe('suggestedRegionalIssues', () => {
  it('suggests a category once its escalated referrals come from two areas, and not while they are on an open issue', async () => {
    expect(await otherSuggestion()).toBeNull();

    // One area only, however many: no suggestion.
    const a1 = await escalated(tier2, city.areaCode);
    const a2 = await escalated(tier2, city.areaCode);
    expect(await otherSuggestion()).toBeNull();

    // A second area: suggested, with exactly these referrals, oldest first, and both areas.
    const b1 = await escalated(otherTier2, city.otherAreaCode);
    const suggestion = await otherSuggestion();
    expect(suggestion).toMatchObject({ category: 'OTHER', windowDays: 90 });
    expect(suggestion.referrals.map((r: any) => r.id)).toEqual([a1, a2, b1]);
    expect(suggestion.areas.map((a: any) => a.code).sort()).toEqual([city.areaCode, city.otherAreaCode].sort());
    expect(new Date(suggestion.firstAt).getTime()).toBeLessThanOrEqual(new Date(suggestion.lastAt).getTime());

    // Taken up as an issue: no longer suggested.
    const issue = (
      await tier1.data(CREATE_ISSUE, {
        input: issueInput([city.areaCode, city.otherAreaCode], [a1, a2, b1], { category: 'OTHER' }),
      })
    ).createRegionalIssue;
    expect(await otherSuggestion()).toBeNull();

    // Outside the window: a referral escalated 100 days ago in the other area does not count at 90 days, does at 120.
    const old = await escalatedLongAgo(
      (await queryRows<{ id: string }>(state.databaseUrl, 'SELECT id FROM area WHERE code = $1', [city.otherAreaCode]))[0].id,
      city.emails.otherTier2,
      100,
    );
    const a3 = await escalated(tier2, city.areaCode);
    expect(await otherSuggestion()).toBeNull();
    expect(await otherSuggestion(90)).toBeNull();
    const wider = await otherSuggestion(120);
    expect(wider).toMatchObject({ windowDays: 120 });
    expect(wider.referrals.map((r: any) => r.id)).toEqual([old, a3]);

    // The issue closed (final): its needs end with it (TAKEN_INTO_REGIONAL_ISSUE) and, linked, are never suggested again.
    expect((await tier1.data(CLOSE_ISSUE, { id: issue.id, reason: '既存事業で対応できた' })).closeRegionalIssue.status).toBe('CLOSED');
    await waitForStatus([a1, a2, b1], 'COMPLETED');
    expect(await otherSuggestion()).toBeNull();
    expect((await otherSuggestion(120)).referrals.map((r: any) => r.id)).toEqual([old, a3]);
  });

  it('leaves out a dismissed suggestion until a new need joins it, and records the dismissal', async () => {
    const b2 = await escalated(otherTier2, city.otherAreaCode);
    const suggestion = await otherSuggestion();
    const ids = suggestion.referrals.map((r: any) => r.id);
    expect(ids).toContain(b2);

    // Refused: a referral of another category, or none at all; nothing is stored.
    const transport = (await tier2.data(SUBMIT, { input: areaNeed(city.areaCode, { category: 'SHOPPING', destination: 'TIER1' }) })).submitReferral
      .id;
    const wrong = await tier1.send(DISMISS, { category: 'OTHER', referralIds: [...ids, transport], reason: '個別対応で足りる' });
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors![0].extensions!.fields).toEqual(['referralIds']);
    expect(codes(await tier1.send(DISMISS, { category: 'OTHER', referralIds: [], reason: '個別対応で足りる' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await tier2.send(DISMISS, { category: 'OTHER', referralIds: ids, reason: '個別対応で足りる' }))).toEqual(['FORBIDDEN']);
    expect(await dismissalsOf(b2)).toEqual([]);

    const dismissed = (await tier1.data(DISMISS, { category: 'OTHER', referralIds: ids, reason: '個別対応で足りる' })).dismissRegionalIssueSuggestion;
    expect(dismissed).toMatchObject({ id: expect.any(String), category: 'OTHER', reason: '個別対応で足りる', dismissedAt: expect.any(String) });
    expect([...dismissed.referralIds].sort()).toEqual([...ids].sort());
    expect(await otherSuggestion()).toBeNull();
    expect(await dismissalsOf(b2)).toEqual([{ id: dismissed.id, dismissed_by_id: tier1.userId, reason: '個別対応で足りる' }]);
    // Audited like every mutation: who, what, the dismissal's id.
    const audit = await queryRows(
      state.databaseUrl,
      `SELECT actor_user_id, result, object_type FROM audit_event WHERE operation = 'dismissRegionalIssueSuggestion' AND object_id = $1`,
      [dismissed.id],
    );
    expect(audit).toEqual([{ actor_user_id: tier1.userId, result: 'OK', object_type: 'RegionalIssueSuggestionDismissal' }]);

    // A new need joins the group: the whole group is suggested again.
    const a4 = await escalated(tier2, city.areaCode);
    const back = await otherSuggestion();
    expect(back.referrals.map((r: any) => r.id)).toEqual([...ids, a4]);
  });

  it('takes windowDays from 1 to 730 only', async () => {
    for (const windowDays of [0, -1, 731]) {
      const response = await tier1.send(SUGGESTIONS, { windowDays });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.fields).toEqual(['windowDays']);
    }
    for (const windowDays of [1, 730]) {
      const response = await tier1.send(SUGGESTIONS, { windowDays });
      expect(response.errors).toBeUndefined();
      for (const s of response.data!.suggestedRegionalIssues) expect(s.windowDays).toBe(windowDays);
    }
    // A window of one day still holds what was escalated just now.
    expect((await otherSuggestion(1))?.referrals.length).toBeGreaterThanOrEqual(3);
  });
});
