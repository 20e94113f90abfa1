import { ReferralStatus } from '../enums';
import { completeDeadlineRule, DEFAULT_DEADLINE_RULE, deadlineFor, DeadlineRule, tier1OverdueNote, tier1ReminderNote } from './referral-deadlines';
import { holdNote, MAX_HOLD_DAYS, resumeDateDeadline, resumeDateNote, resumeOnProblem, resumeReminderAt } from './referral-hold';

// The escalated need's deadline and the resume date (DOMAIN.md, "Deadlines and escalation" and "On hold"). Instants
// written in JST; 2026-12-07 is a Monday.

const at = (jst: string) => new Date(jst);
const iso = (jst: string) => new Date(jst).toISOString();

describe('deadlineFor ESCALATED (TIER1_RESPONSE)', () => {
  it('is tier1ResponseDays business days later at 17:15, with an office-hours reminder halfway', () => {
    // Mon 2026-12-07 10:00 + 5 business days: Tue 8 .. Mon 14 -> Mon 14 17:15; half of 127 h 15 -> Thu 10 01:37:30 -> 09:00.
    expect(deadlineFor(ReferralStatus.ESCALATED, at('2026-12-07T10:00:00+09:00'), DEFAULT_DEADLINE_RULE)).toEqual({
      kind: 'TIER1_RESPONSE',
      dueAt: iso('2026-12-14T17:15:00+09:00'),
      reminderAt: iso('2026-12-10T09:00:00+09:00'),
    });
  });

  it('follows the rule of the category, across the year-end closure', () => {
    // Fri 2026-12-25 10:00 + 2 business days: Mon 28 (1), Dec 29 - Jan 3 closed, Mon Jan 4 (2) -> Jan 4 17:15.
    const rule: DeadlineRule = { ...DEFAULT_DEADLINE_RULE, tier1ResponseDays: 2 };
    expect(deadlineFor(ReferralStatus.ESCALATED, at('2026-12-25T10:00:00+09:00'), rule)?.dueAt).toBe(iso('2027-01-04T17:15:00+09:00'));
  });

  it('no other status gets a TIER1_RESPONSE deadline, and ON_HOLD gets none at all', () => {
    for (const status of Object.values(ReferralStatus)) {
      const deadline = deadlineFor(status, at('2026-12-07T10:00:00+09:00'), DEFAULT_DEADLINE_RULE);
      if (status !== ReferralStatus.ESCALATED) expect(deadline?.kind).not.toBe('TIER1_RESPONSE');
    }
    expect(deadlineFor(ReferralStatus.ON_HOLD, at('2026-12-07T10:00:00+09:00'), DEFAULT_DEADLINE_RULE)).toBeNull();
  });

  it('a rule stored before tier1ResponseDays is completed with the default (5)', () => {
    const old = { offerResponseDays: 1, progressReminderDays: 2, unmatchedEscalationDays: 3 } as DeadlineRule;
    expect(completeDeadlineRule(old)).toEqual({ offerResponseDays: 1, progressReminderDays: 2, unmatchedEscalationDays: 3, tier1ResponseDays: 5 });
    expect(completeDeadlineRule(undefined)).toEqual(DEFAULT_DEADLINE_RULE);
  });

  it('writes its notes in Japanese with the time in JST', () => {
    expect(tier1ReminderNote(iso('2026-12-14T17:15:00+09:00'))).toBe('第1層SCへの引継ぎへの対応をお願いします（期限 2026年12月14日(月) 17:15）');
    expect(tier1OverdueNote(5, iso('2026-12-21T17:15:00+09:00'))).toBe(
      '第1層SCへの引継ぎから5営業日、対応がありません。対応をお願いします（次の期限 2026年12月21日(月) 17:15）',
    );
  });
});

describe('resumeOnProblem', () => {
  const now = at('2026-12-07T23:30:00+09:00'); // late Monday evening in Japan (14:30 UTC)

  it.each(['2026-12-08', '2027-01-01', '2027-12-07'])('accepts %s (tomorrow in JST up to 365 days ahead)', (resumeOn) => {
    expect(resumeOnProblem(resumeOn, now)).toBeNull();
  });

  it.each([
    ['2026-12-07', 'after today'],
    ['2026-12-01', 'after today'],
    ['2027-12-08', `at most ${MAX_HOLD_DAYS} days`],
    ['2027-02-29', 'YYYY-MM-DD'],
    ['2026-13-01', 'YYYY-MM-DD'],
    ['2026-12-8', 'YYYY-MM-DD'],
    ['2026-12-08T09:00:00+09:00', 'YYYY-MM-DD'],
    ['', 'YYYY-MM-DD'],
  ])('refuses %s (%s)', (resumeOn, why) => {
    expect(resumeOnProblem(resumeOn, now)).toContain(why);
  });

  it('counts today in JST, not UTC: at 08:00 JST on the 8th (23:00 UTC on the 7th) the 8th is today', () => {
    expect(resumeOnProblem('2026-12-08', at('2026-12-08T08:00:00+09:00'))).toContain('after today');
  });
});

describe('the resume date reminder', () => {
  it('is 09:00 JST of the date when the city hall is open', () => {
    expect(resumeReminderAt('2026-12-14').toISOString()).toBe(iso('2026-12-14T09:00:00+09:00'));
    expect(resumeDateDeadline('2026-12-14')).toEqual({ kind: 'RESUME_DATE', dueAt: iso('2026-12-14T09:00:00+09:00'), reminderAt: null });
  });

  it.each([
    ['2026-12-12', '2026-12-14', 'a Saturday: the Monday'],
    ['2026-12-30', '2027-01-04', 'in the year-end closure: its first open day'],
    ['2027-01-11', '2027-01-12', 'Coming of Age Day: the Tuesday'],
  ])('on %s is at 09:00 of %s (%s)', (resumeOn, day) => {
    expect(resumeReminderAt(resumeOn).toISOString()).toBe(iso(`${day}T09:00:00+09:00`));
  });

  it('writes Japanese notes with the date and weekday', () => {
    expect(holdNote('2027-01-15')).toBe('2027年1月15日(金)まで保留にしました（期限は再開まで止まります）');
    expect(resumeDateNote('2026-12-12')).toContain('2026年12月12日(土)');
  });
});
