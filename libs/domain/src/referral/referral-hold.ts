import { isBusinessDay, JST_OFFSET_MS, nextBusinessDay } from '../calendar';
import { ReferralStatus } from '../enums';
import { formatJstDate } from '../text/jst-text';
import type { Deadline } from './referral-deadlines';

// A referral ON_HOLD (DOMAIN.md, "On hold"): the resume date, when its reminder goes out, and the notes people read.
// Pure: the workflow calls it with its own clock.

/** The statuses a coordinator may put on hold. Not OFFERED: an offer waits for a partner's answer (DOMAIN.md). */
export const HOLDABLE_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.ACCEPTED,
  ReferralStatus.IN_PROGRESS,
  ReferralStatus.UNMATCHED,
  ReferralStatus.ESCALATED,
];

/** The furthest ahead a resume date may lie, in calendar days from today (JST). */
export const MAX_HOLD_DAYS = 365;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight JST starting the calendar date `resumeOn` (YYYY-MM-DD), or null when it is not a real date. */
function jstDayStart(resumeOn: string): number | null {
  const match = ISO_DATE.exec(resumeOn);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const utcMidnight = Date.UTC(year, month - 1, day);
  const check = new Date(utcMidnight);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return utcMidnight - JST_OFFSET_MS;
}

/**
 * Why `resumeOn` cannot be a resume date now, or null when it can: a JST calendar date `YYYY-MM-DD`, from tomorrow to
 * MAX_HOLD_DAYS ahead (a hold that ends today is no hold).
 */
export function resumeOnProblem(resumeOn: string, now: Date): string | null {
  const start = jstDayStart(resumeOn);
  if (start === null) return 'must be a date in the form YYYY-MM-DD';
  const today = Math.floor((now.getTime() + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS;
  if (start <= today) return 'must be after today (JST)';
  if (start > today + MAX_HOLD_DAYS * DAY_MS) return `must be at most ${MAX_HOLD_DAYS} days ahead`;
  return null;
}

/**
 * When the coordinator is reminded that a hold was to end: 09:00 JST of `resumeOn`, or of the next business day when
 * the city hall is closed that day (nobody would read it). Throws RangeError for a date resumeOnProblem refuses.
 */
export function resumeReminderAt(resumeOn: string): Date {
  const start = jstDayStart(resumeOn);
  if (start === null) throw new RangeError(`Not a date: ${resumeOn}`);
  const day = isBusinessDay(new Date(start)) ? start : nextBusinessDay(new Date(start)).getTime();
  return new Date(day + 9 * 60 * 60_000);
}

/** The timer of a referral on hold: the resume date's reminder, no reminder before it. */
export function resumeDateDeadline(resumeOn: string): Deadline {
  return { kind: 'RESUME_DATE', dueAt: resumeReminderAt(resumeOn).toISOString(), reminderAt: null };
}

/** The PUT_ON_HOLD note (people read it). */
export function holdNote(resumeOn: string): string {
  return `${formatJstDate(resumeOnInstant(resumeOn))}まで保留にしました（期限は再開まで止まります）`;
}

/** The REMINDED note on the resume date. */
export function resumeDateNote(resumeOn: string): string {
  return `保留の再開予定日（${formatJstDate(resumeOnInstant(resumeOn))}）になりました。再開するか、保留を続けるか確認してください`;
}

function resumeOnInstant(resumeOn: string): Date {
  const start = jstDayStart(resumeOn);
  if (start === null) throw new RangeError(`Not a date: ${resumeOn}`);
  return new Date(start);
}
