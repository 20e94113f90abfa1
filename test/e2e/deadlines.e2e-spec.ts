// Deadlines through GraphQL: the current deadline on the referral, extension, per-category rules, and proxy answers.
// The timers themselves (reminders, expiry, escalation) are tested on Temporal's time-skipping server in the workflow tier.
import { addBusinessDays, formatJstDateTime } from '@tsunagu/domain';
import { createTestCity, GraphQLSession, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import {
  ACCEPT,
  COMPLETE,
  DEADLINE_RULES,
  DECLINE,
  ESCALATE,
  EXTEND_DEADLINE,
  personNeed,
  REFERRAL,
  SET_DEADLINE_RULE,
  START,
  SUBMIT,
} from './support/documents';

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;
let admin: GraphQLSession;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'deadlines');
  [tier2, first, second, admin] = await Promise.all(
    [city.emails.tier2, city.emails.first, city.emails.second, city.emails.admin].map((email) => signIn(state.graphqlUrl, email, city.password)),
  );
});

const submit = async (overrides: Record<string, unknown> = {}) =>
  (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, overrides) })).submitReferral;

/** 17:15 in Japan, the close of a business day. */
const isClosingTime = (iso: string) => new Date(iso).toISOString().endsWith('T08:15:00.000Z');

describe('deadlines', () => {
  it('shows the offer deadline and lets the partner and the coordinator move it later', async () => {
    const before = Date.now();
    const submitted = await submit();
    expect(submitted.responseDueAt).not.toBeNull();
    expect(isClosingTime(submitted.responseDueAt)).toBe(true);
    expect(submitted.responseDueAt).toBe(addBusinessDays(new Date(before), 3).toISOString());

    const extended = (await first.data(EXTEND_DEADLINE, { id: submitted.id, businessDays: 2, reason: '運転手の手配に2日ほしい' }))
      .extendReferralDeadline;
    expect(extended.status).toBe('OFFERED');
    expect(extended.responseDueAt).toBe(addBusinessDays(new Date(submitted.responseDueAt), 2).toISOString());
    expect(extended.handoffs.at(-1)).toMatchObject({
      kind: 'DEADLINE_EXTENDED',
      reason: '運転手の手配に2日ほしい',
      actor: { email: city.emails.first },
    });
    // Written for people: Japanese, the new deadline in JST (the machine-readable one is responseDueAt).
    expect(extended.handoffs.at(-1).note).toBe(`期限を2営業日延長しました（${formatJstDateTime(extended.responseDueAt)}まで）`);
    expect(extended.handoffs.at(-1).note).toMatch(/（\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\) 17:15まで）$/);

    const byCoordinator = (await tier2.data(EXTEND_DEADLINE, { id: submitted.id, businessDays: 1, reason: '電話で依頼あり' })).extendReferralDeadline;
    expect(byCoordinator.responseDueAt).toBe(addBusinessDays(new Date(extended.responseDueAt), 1).toISOString());

    // Another partner cannot, and bad input is refused without a trace.
    expect((await second.send(EXTEND_DEADLINE, { id: submitted.id, businessDays: 1, reason: 'x' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await first.send(EXTEND_DEADLINE, { id: submitted.id, businessDays: 0, reason: ' ' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: expect.arrayContaining(['businessDays', 'reason']) });
    expect((await tier2.data(REFERRAL, { id: submitted.id })).referral.handoffs).toHaveLength(byCoordinator.handoffs.length);
  });

  it('starts a progress deadline on acceptance, and tier-1’s once escalated', async () => {
    const submitted = await submit();
    // Routing prefers the least-loaded partner, so ask whoever was offered it.
    const holder = submitted.currentOrganization.id === city.first.id ? first : second;
    const accepted = (await holder.data(ACCEPT, { id: submitted.id })).acceptReferral;
    expect(isClosingTime(accepted.responseDueAt)).toBe(true);
    expect(new Date(accepted.responseDueAt).getTime()).toBeGreaterThan(new Date(submitted.responseDueAt).getTime());

    const before = Date.now();
    const escalated = (await tier2.data(ESCALATE, { id: submitted.id, note: '地域に担い手がいない' })).escalateReferral;
    // The escalated need waits for tier-1: 5 business days by default (DOMAIN.md, "Deadlines and escalation").
    expect(escalated.responseDueAt).toBe(addBusinessDays(new Date(before), 5).toISOString());
    const refused = await tier2.send(EXTEND_DEADLINE, { id: submitted.id, businessDays: 1, reason: 'x' });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('lets an administrator set a category’s deadlines, which new referrals use', async () => {
    const rules = (await tier2.data(DEADLINE_RULES)).deadlineRules;
    expect(rules).toHaveLength(7);
    expect(rules.find((r: { category: string }) => r.category === 'HOME_HELP')).toMatchObject({
      offerResponseDays: 3,
      progressReminderDays: 10,
      unmatchedEscalationDays: 5,
    });
    expect(
      (
        await tier2.send(SET_DEADLINE_RULE, {
          input: { category: 'HOME_HELP', offerResponseDays: 1, progressReminderDays: 5, unmatchedEscalationDays: 2 },
        })
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const bad = await admin.send(SET_DEADLINE_RULE, {
      input: { category: 'HOME_HELP', offerResponseDays: 0, progressReminderDays: 500, unmatchedEscalationDays: 2 },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining(['offerResponseDays', 'progressReminderDays']),
    });

    const set = (
      await admin.data(SET_DEADLINE_RULE, {
        input: { category: 'HOME_HELP', offerResponseDays: 1, progressReminderDays: 5, unmatchedEscalationDays: 2 },
      })
    ).setDeadlineRule;
    expect(set).toMatchObject({ category: 'HOME_HELP', offerResponseDays: 1, customized: true });
    try {
      const before = Date.now();
      const homeHelp = await submit({ category: 'HOME_HELP' });
      expect(homeHelp.responseDueAt).toBe(addBusinessDays(new Date(before), 1).toISOString());
    } finally {
      await admin.data(SET_DEADLINE_RULE, {
        input: { category: 'HOME_HELP', offerResponseDays: 3, progressReminderDays: 10, unmatchedEscalationDays: 5 },
      });
    }
  });
});

describe('proxy answers for a partner without users', () => {
  it('records accept, start and complete by the coordinator, marked as proxy', async () => {
    const shopping = await submit({ category: 'SHOPPING' });
    expect(shopping.currentOrganization.id).toBe(city.shop.id);
    await tier2.data(ACCEPT, { id: shopping.id, note: '電話で承諾' });
    await tier2.data(START, { id: shopping.id });
    const completed = (await tier2.data(COMPLETE, { id: shopping.id, outcome: 'RESOLVED', note: '配達開始' })).completeReferral;
    const answers = completed.handoffs.filter((h: { kind: string }) => ['ACCEPTED', 'STARTED', 'COMPLETED'].includes(h.kind));
    expect(answers).toHaveLength(3);
    for (const answer of answers) {
      expect(answer).toMatchObject({ proxy: true, actor: { email: city.emails.tier2 }, fromOrganization: { id: city.shop.id } });
    }
  });

  it('records a decline by the coordinator on the shop’s behalf', async () => {
    const shopping = await submit({ category: 'SHOPPING' });
    const declined = (await tier2.data(DECLINE, { id: shopping.id, reason: 'OUT_OF_AREA', note: '配達範囲外と回答' })).declineReferral;
    expect(declined.status).toBe('UNMATCHED');
    expect(declined.handoffs.find((h: { kind: string }) => h.kind === 'DECLINED')).toMatchObject({
      proxy: true,
      reason: 'OUT_OF_AREA',
      actor: { email: city.emails.tier2 },
    });
    expect(declined.responseDueAt).not.toBeNull(); // the UNMATCHED escalation deadline
  });
});
