// Holds and the escalated need's deadline through GraphQL (DOMAIN.md, "On hold" and "Deadlines and escalation"):
// holdReferral and resumeReferral, the refusal of other moves while on hold, bad resume dates, what the holding
// partner sees, and the tier1ResponseDays field of the deadline rules. The timers themselves (the resume date's
// reminder, the tier-1 reminders) are tested on Temporal's time-skipping server (referral-hold.workflow-spec.ts).
import { addBusinessDays, toJstDateString } from '@tsunagu/domain';
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, areaNeed, ESCALATE, NOTE, personNeed, REFERRAL_FIELDS, START, SUBMIT, WITHDRAW } from './support/documents';

const state = readE2eState();
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;
let admin: GraphQLSession;

const FIELDS = `${REFERRAL_FIELDS} resumeOn resumesToStatus`;
const HOLD = `mutation Hold($id: ID!, $resumeOn: String!, $reason: String!) { holdReferral(id: $id, resumeOn: $resumeOn, reason: $reason) { ${FIELDS} } }`;
const RESUME = `mutation Resume($id: ID!, $note: String) { resumeReferral(id: $id, note: $note) { ${FIELDS} } }`;
const READ = `query R($id: ID!) { referral(id: $id) { ${FIELDS} } }`;
const RULES = `query { deadlineRules { category offerResponseDays progressReminderDays unmatchedEscalationDays tier1ResponseDays customized } }`;
const SET_RULE = `mutation SetRule($input: DeadlineRuleInput!) {
  setDeadlineRule(input: $input) { category offerResponseDays progressReminderDays unmatchedEscalationDays tier1ResponseDays customized }
}`;

/** The JST calendar date `days` from today. */
const jstDay = (days: number) => toJstDateString(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'holds');
  [tier1, tier2, first, second, admin] = await Promise.all(
    [city.emails.tier1, city.emails.tier2, city.emails.first, city.emails.second, city.emails.admin].map((email) =>
      signIn(state.graphqlUrl, email, city.password),
    ),
  );
});

const submit = async (overrides: Record<string, unknown> = {}) =>
  (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, overrides) })).submitReferral;

const submitArea = async (overrides: Record<string, unknown> = {}) =>
  (await tier2.data(SUBMIT, { input: areaNeed(city.areaCode, overrides) })).submitReferral;

/** Submitted and accepted by whoever routing offered it to; returns the referral and that partner's session. */
async function accepted() {
  const submitted = await submit();
  const holder = submitted.currentOrganization.id === city.first.id ? first : second;
  await holder.data(ACCEPT, { id: submitted.id });
  return { id: submitted.id as string, holder, holderId: submitted.currentOrganization.id as string };
}

describe('holdReferral and resumeReferral', () => {
  it('holds an accepted referral until a date: deadlines pause, the holder keeps the case, resume starts a fresh deadline', async () => {
    const { id, holder, holderId } = await accepted();
    const resumeOn = jstDay(14);
    const held = (await tier2.data(HOLD, { id, resumeOn, reason: '本人が入院中' })).holdReferral;
    expect(held).toMatchObject({
      status: 'ON_HOLD',
      resumeOn,
      resumesToStatus: 'ACCEPTED',
      responseDueAt: null,
      currentOrganization: { id: holderId },
    });
    const [y, m, d] = resumeOn.split('-').map(Number);
    expect(held.handoffs.at(-1)).toMatchObject({
      kind: 'PUT_ON_HOLD',
      reason: '本人が入院中',
      actor: { email: city.emails.tier2 },
      fromOrganization: { id: holderId },
      toOrganization: { id: holderId },
    });
    expect(held.handoffs.at(-1).note).toContain(`${y}年${m}月${d}日`);
    const [row] = await queryRows(state.databaseUrl, 'SELECT status, resume_on::text AS resume_on, resumes_to_status FROM referral WHERE id = $1', [
      id,
    ]);
    expect(row).toEqual({ status: 'ON_HOLD', resume_on: resumeOn, resumes_to_status: 'ACCEPTED' });

    // The partner holding it keeps the case and what it saw of the person.
    const seen = (await holder.data(READ, { id })).referral;
    expect(seen).toMatchObject({ status: 'ON_HOLD', resumeOn, subject: { displayName: expect.any(String) } });

    // The same hold sent again (its answer lost, say) is answered with the referral as it is: no second handoff.
    const repeated = (await tier2.data(HOLD, { id, resumeOn, reason: '本人が入院中' })).holdReferral;
    expect(repeated.handoffs.filter((h: { kind: string }) => h.kind === 'PUT_ON_HOLD')).toHaveLength(1);

    // While on hold: start, escalate, hold by the partner are refused; a note is fine.
    const start = await holder.send(START, { id });
    expect(start.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(start.errors?.[0].message).toMatch(/ON_HOLD/);
    expect((await tier2.send(ESCALATE, { id, note: '市へ' })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await holder.send(HOLD, { id, resumeOn, reason: 'x' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await holder.data(NOTE, { id, note: '退院は来月の予定' });

    // Resumed: ACCEPTED with the same holder, a progress deadline of 10 business days from now.
    const before = Date.now();
    const resumed = (await tier2.data(RESUME, { id, note: '退院されました' })).resumeReferral;
    expect(resumed).toMatchObject({ status: 'ACCEPTED', resumeOn: null, resumesToStatus: null, currentOrganization: { id: holderId } });
    expect(resumed.responseDueAt).toBe(addBusinessDays(new Date(before), 10).toISOString());
    expect(resumed.handoffs.at(-1)).toMatchObject({ kind: 'RESUMED', note: '退院されました', actor: { email: city.emails.tier2 } });
    expect((await holder.data(START, { id })).startReferral.status).toBe('IN_PROGRESS');
  });

  it('refuses to hold an offer (CONFLICT), and resume of a referral that is not on hold', async () => {
    const submitted = await submit();
    const hold = await tier2.send(HOLD, { id: submitted.id, resumeOn: jstDay(7), reason: '家族が検討中' });
    expect(hold.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(hold.errors?.[0].message).toMatch(/OFFERED/);
    expect((await tier2.send(RESUME, { id: submitted.id })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await tier2.data(READ, { id: submitted.id })).referral.handoffs.map((h: { kind: string }) => h.kind)).toEqual(['SUBMITTED', 'OFFERED']);
  });

  it.each([
    ['not a date', '来月'],
    ['not a real day', '2027-02-30'],
    ['today', jstDay(0)],
    ['in the past', jstDay(-3)],
    ['more than 365 days ahead', jstDay(400)],
  ])('refuses a resume date %s with BAD_USER_INPUT on resumeOn, changing nothing', async (_label, resumeOn) => {
    const { id } = await accepted();
    const response = await tier2.send(HOLD, { id, resumeOn, reason: '入院' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['resumeOn'] });
    expect((await tier2.data(READ, { id })).referral).toMatchObject({ status: 'ACCEPTED', resumeOn: null });
  });

  it('lets tier-1 hold an escalated need and withdraw it while on hold', async () => {
    const submitted = await submitArea({ destination: 'TIER1' });
    expect(submitted.status).toBe('ESCALATED');
    const held = (await tier1.data(HOLD, { id: submitted.id, resumeOn: jstDay(30), reason: '庁内で調整中' })).holdReferral;
    expect(held).toMatchObject({ status: 'ON_HOLD', resumesToStatus: 'ESCALATED', responseDueAt: null });
    await tier1.data(WITHDRAW, { id: submitted.id, reason: '転居' });
    expect((await tier1.data(READ, { id: submitted.id })).referral).toMatchObject({ status: 'WITHDRAWN', resumeOn: null, resumesToStatus: null });
  });
});

describe('the escalated need’s deadline', () => {
  it('an ESCALATED referral has a deadline of tier1ResponseDays business days', async () => {
    const before = Date.now();
    const submitted = await submitArea({ destination: 'TIER1' });
    expect(submitted.responseDueAt).toBe(addBusinessDays(new Date(before), 5).toISOString());
  });

  it('deadlineRules shows tier1ResponseDays (default 5); an administrator sets it, leaving it out keeps it', async () => {
    const rules = (await tier2.data(RULES)).deadlineRules;
    expect(rules.find((r: { category: string }) => r.category === 'WATCH_OVER')).toMatchObject({ tier1ResponseDays: 5, customized: false });
    const input = { category: 'WATCH_OVER', offerResponseDays: 3, progressReminderDays: 10, unmatchedEscalationDays: 5 };
    try {
      expect((await admin.data(SET_RULE, { input: { ...input, tier1ResponseDays: 2 } })).setDeadlineRule).toMatchObject({ tier1ResponseDays: 2 });
      // Left out: kept.
      expect((await admin.data(SET_RULE, { input: { ...input, offerResponseDays: 4 } })).setDeadlineRule).toMatchObject({
        offerResponseDays: 4,
        tier1ResponseDays: 2,
      });
      const bad = await admin.send(SET_RULE, { input: { ...input, tier1ResponseDays: 0 } });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['tier1ResponseDays'] });
      const before = Date.now();
      const escalated = await submitArea({ category: 'WATCH_OVER', destination: 'TIER1' });
      expect(escalated.responseDueAt).toBe(addBusinessDays(new Date(before), 2).toISOString());
    } finally {
      await queryRows(state.databaseUrl, `DELETE FROM deadline_rule WHERE category = 'WATCH_OVER'`);
    }
  });
});
