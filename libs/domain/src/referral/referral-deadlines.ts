import { addBusinessDays, businessDaysBetween, isBusinessDay, JST_OFFSET_MS, nextBusinessDay, reminderTime } from '../calendar';
import { NeedCategory, ReferralStatus } from '../enums';
import { formatJstDateTime } from '../text/jst-text';

// The deadlines of DOMAIN.md, "Deadlines and escalation", in business days of the city hall. Pure: the workflow calls
// it with its own clock, so timers are deterministic.

export interface DeadlineRule {
  /** A partner answers an offer within this many business days; a reminder goes out halfway. */
  offerResponseDays: number;
  /** An accepted or in-progress referral with no update for this long reminds its holder and the coordinator. */
  progressReminderDays: number;
  /** An UNMATCHED referral escalates to tier-1 after this long. */
  unmatchedEscalationDays: number;
  /** An ESCALATED referral waits this long for tier-1 (reminder halfway), then reminds again every period. */
  tier1ResponseDays: number;
}

export const DEFAULT_DEADLINE_RULE: Readonly<DeadlineRule> = Object.freeze({
  offerResponseDays: 3,
  progressReminderDays: 10,
  unmatchedEscalationDays: 5,
  tier1ResponseDays: 5,
});

/**
 * The rule a workflow runs on: its input's, completed by the defaults for fields added since it was stored (a workflow
 * started before tier1ResponseDays existed has none in its input).
 */
export function completeDeadlineRule(rule: Partial<DeadlineRule> | undefined): DeadlineRule {
  return { ...DEFAULT_DEADLINE_RULE, ...rule };
}

export type DeadlineRules = Partial<Record<NeedCategory, DeadlineRule>>;

/**
 * TIER1_RESPONSE: an escalated need waiting for tier-1. RESUME_DATE: not a deadline of the referral but the day a
 * referral ON_HOLD was to resume (referral-hold.ts): the workflow's timer reminds the coordinator then, once.
 */
export type DeadlineKind = 'OFFER_RESPONSE' | 'PROGRESS' | 'UNMATCHED_ESCALATION' | 'TIER1_RESPONSE' | 'RESUME_DATE';

export interface Deadline {
  kind: DeadlineKind;
  /** ISO instant when the deadline passes. */
  dueAt: string;
  /** ISO instant of the reminder before it, or null when none is due (or it has gone out). */
  reminderAt: string | null;
}

/** Office hours of the city hall, used to keep reminders out of the night. */
export const OPENING_TIME = { hour: 9, minute: 0 } as const;

/** The deadline a referral entering `status` at `since` gets, or null for statuses without one. */
export function deadlineFor(status: ReferralStatus, since: Date, rule: DeadlineRule): Deadline | null {
  switch (status) {
    case ReferralStatus.OFFERED: {
      const due = addBusinessDays(since, rule.offerResponseDays);
      return { kind: 'OFFER_RESPONSE', dueAt: due.toISOString(), reminderAt: officeHoursReminder(since, due)?.toISOString() ?? null };
    }
    case ReferralStatus.ACCEPTED:
    case ReferralStatus.IN_PROGRESS:
      return { kind: 'PROGRESS', dueAt: addBusinessDays(since, rule.progressReminderDays).toISOString(), reminderAt: null };
    case ReferralStatus.UNMATCHED:
      return { kind: 'UNMATCHED_ESCALATION', dueAt: addBusinessDays(since, rule.unmatchedEscalationDays).toISOString(), reminderAt: null };
    case ReferralStatus.ESCALATED: {
      const due = addBusinessDays(since, rule.tier1ResponseDays);
      return { kind: 'TIER1_RESPONSE', dueAt: due.toISOString(), reminderAt: officeHoursReminder(since, due)?.toISOString() ?? null };
    }
    default:
      return null;
  }
}

/** The REMINDED note halfway to a tier-1 deadline (people read it: Japanese, JST). */
export function tier1ReminderNote(dueAt: string): string {
  return `第1層SCへの引継ぎへの対応をお願いします（期限 ${formatJstDateTime(dueAt)}）`;
}

/** The REMINDED note when a tier-1 deadline passed; the next period runs to `nextDueAt`. */
export function tier1OverdueNote(businessDays: number, nextDueAt: string): string {
  return `第1層SCへの引継ぎから${businessDays}営業日、対応がありません。対応をお願いします（次の期限 ${formatJstDateTime(nextDueAt)}）`;
}

/** The deadline moved `businessDays` later, keeping a reminder that has not gone out yet. */
export function extendDeadline(deadline: Deadline, businessDays: number): Deadline {
  return { ...deadline, dueAt: addBusinessDays(new Date(deadline.dueAt), businessDays).toISOString() };
}

/**
 * The business days left until a running deadline, as a coordinator counts them on the city's calendar: 0 when it
 * falls today (even if already past), 2 on Monday for Wednesday's; negative when a past business day's deadline is
 * overdue. What a console shows beside the due time, so no browser reimplements the holiday calendar.
 */
export function businessDaysLeft(now: Date, dueAt: Date): number {
  return businessDaysBetween(now, dueAt);
}

/** When the workflow must next wake for this deadline: its reminder, else the deadline itself. */
export function nextWakeUp(deadline: Deadline): { at: string; reminder: boolean } {
  return deadline.reminderAt && deadline.reminderAt < deadline.dueAt
    ? { at: deadline.reminderAt, reminder: true }
    : { at: deadline.dueAt, reminder: false };
}

/**
 * Halfway in business time between offer and deadline, moved into office hours: a reminder that would fall before
 * opening goes out at opening, one after closing at the next business day's opening; none if that is past the deadline.
 */
export function officeHoursReminder(since: Date, due: Date): Date | null {
  const midpoint = reminderTime(since, due);
  let day = jstMidnight(midpoint);
  if (!isBusinessDay(midpoint) || minutesIntoJstDay(midpoint) >= 17 * 60 + 15) day = nextBusinessDay(midpoint);
  const opening = new Date(day.getTime() + (OPENING_TIME.hour * 60 + OPENING_TIME.minute) * 60_000);
  const reminder = opening.getTime() > midpoint.getTime() ? opening : midpoint;
  return reminder.getTime() < due.getTime() ? reminder : null;
}

function jstMidnight(date: Date): Date {
  const local = date.getTime() + JST_OFFSET_MS;
  return new Date(local - (((local % 86_400_000) + 86_400_000) % 86_400_000) - JST_OFFSET_MS);
}

function minutesIntoJstDay(date: Date): number {
  return Math.floor((date.getTime() - jstMidnight(date).getTime()) / 60_000);
}
