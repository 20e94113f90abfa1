// The city hall's business-day calendar (DOMAIN.md "Deadlines and escalation"): weekends, Japanese public holidays
// and the year-end closure (Dec 29 to Jan 3) are closed days. Dates are calendar dates in Japan time (UTC+9, no DST),
// computed with a fixed offset so that this runs unchanged in Temporal's workflow sandbox: no Intl, no argument-less
// Date, no I/O. The holiday data is the plain map of @holiday-jp/holiday_jp (not its main entry, which also pulls in
// its package.json and helper functions).
import holidayData from '@holiday-jp/holiday_jp/lib/holidays';

/** Japan Standard Time is UTC+9 all year round. */
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** A business day ends at 17:15 JST: a deadline "within N business days" is this time on the N-th business day. */
export const CLOSING_TIME = Object.freeze({ hour: 17, minute: 15 });

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSING_MS = (CLOSING_TIME.hour * 60 + CLOSING_TIME.minute) * 60 * 1000;

/** 'YYYY-MM-DD' → holiday. Widened from the package's literal types, which tsc would otherwise drag along. */
const HOLIDAYS: Readonly<Record<string, { readonly name: string; readonly name_en: string }>> = holidayData;

/**
 * The years the holiday data covers. Outside them only weekends and the year-end closure are closed days (there is
 * no holiday data to consult): a deadline that far out would come early, so watch the last year when updating.
 */
export const HOLIDAY_DATA_YEARS: Readonly<{ first: number; last: number }> = Object.freeze(holidayYears());

// A "day" below is a JST calendar date as a whole number of days since 1970-01-01 (JST); day d runs over the instants
// [d * DAY_MS - JST_OFFSET_MS, (d + 1) * DAY_MS - JST_OFFSET_MS).

function jstDay(date: Date): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('Invalid Date');
  return Math.floor((time + JST_OFFSET_MS) / DAY_MS);
}

/** The instant at which JST day d begins (its midnight). */
function dayStart(day: number): number {
  return day * DAY_MS - JST_OFFSET_MS;
}

/** 'YYYY-MM-DD' of JST day d: the UTC fields of its midnight shifted by the offset are the JST fields. */
function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isOpen(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday, 6 = Saturday
  if (weekday === 0 || weekday === 6) return false;
  const iso = isoDate(day);
  const monthDay = iso.slice(5);
  if (monthDay >= '12-29' || monthDay <= '01-03') return false; // year-end closure, Dec 29 to Jan 3 inclusive
  return !Object.prototype.hasOwnProperty.call(HOLIDAYS, iso);
}

/** The first open day strictly after (step 1) or before (step -1) day d. Weekdays always come, so this ends. */
function nextOpen(day: number, step: 1 | -1): number {
  let d = day + step;
  while (!isOpen(d)) d += step;
  return d;
}

function holidayYears(): { first: number; last: number } {
  const years = Object.keys(HOLIDAYS).map((iso) => Number(iso.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** The JST calendar date of an instant, 'YYYY-MM-DD'. */
export function toJstDateString(date: Date): string {
  return isoDate(jstDay(date));
}

/** Whether the city hall is open on the JST calendar date of this instant. */
export function isBusinessDay(date: Date): boolean {
  return isOpen(jstDay(date));
}

/** The name of the Japanese public holiday on the JST date of this instant (e.g. '振替休日' days), if any. */
export function holidayName(date: Date): string | undefined {
  const iso = toJstDateString(date);
  return Object.prototype.hasOwnProperty.call(HOLIDAYS, iso) ? HOLIDAYS[iso].name : undefined;
}

/** Midnight JST starting the first business day after the JST date of `date` (never that date itself). */
export function nextBusinessDay(date: Date): Date {
  return new Date(dayStart(nextOpen(jstDay(date), 1)));
}

/** Midnight JST starting the last business day before the JST date of `date` (never that date itself). */
export function previousBusinessDay(date: Date): Date {
  return new Date(dayStart(nextOpen(jstDay(date), -1)));
}

/**
 * The deadline "within `days` business days" of `from`: 17:15 JST on the `days`-th business day after the JST date of
 * `from`. The day of `from` itself never counts, whatever the time (offered Fri 10:00, 3 days: Wed 17:15).
 */
export function addBusinessDays(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number of at least 1, got ${days}`);
  let day = jstDay(from);
  for (let n = 0; n < days; n++) day = nextOpen(day, 1);
  return new Date(dayStart(day) + CLOSING_MS);
}

/**
 * The number of business days after the JST date of `from` up to and including the JST date of `to`, so that
 * businessDaysBetween(from, addBusinessDays(from, n)) === n. Same-day is 0; negative when `to` is before `from`.
 */
export function businessDaysBetween(from: Date, to: Date): number {
  const a = jstDay(from);
  const b = jstDay(to);
  if (b < a) return -businessDaysBetween(to, from);
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (isOpen(d)) count++;
  return count;
}

/**
 * The time from `from` to `to` that falls on business days (whole 24-hour JST calendar days, not office hours).
 * Negative when `to` is before `from`.
 */
export function businessMillisecondsBetween(from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end < start) return -businessMillisecondsBetween(to, from);
  const last = jstDay(to);
  let total = 0;
  for (let d = jstDay(from); d <= last; d++) {
    if (isOpen(d)) total += Math.min(end, dayStart(d + 1)) - Math.max(start, dayStart(d));
  }
  return total;
}

/**
 * The instant `ms` of business time after `from` (before it when negative), skipping closed days: the inverse of
 * businessMillisecondsBetween. Ending exactly where a business day ends gives that day's end (the next midnight);
 * 0 gives `from` itself, even on a closed day.
 */
export function addBusinessMilliseconds(from: Date, ms: number): Date {
  if (!Number.isFinite(ms)) throw new RangeError(`ms must be a finite number, got ${ms}`);
  let time = from.getTime();
  let day = jstDay(from);
  let left = Math.abs(ms);
  if (ms >= 0) {
    while (left > 0) {
      if (isOpen(day)) {
        const part = Math.min(left, dayStart(day + 1) - time);
        time += part;
        left -= part;
      }
      if (left > 0) time = dayStart(++day);
    }
  } else {
    while (left > 0) {
      if (isOpen(day)) {
        const part = Math.min(left, time - dayStart(day));
        time -= part;
        left -= part;
      }
      if (left > 0) time = dayStart(day--);
    }
  }
  return new Date(time);
}

/**
 * When to remind: halfway in business time from `from` to `deadline` (rounded down to the millisecond). As business
 * time counts whole days, this can fall outside office hours.
 */
export function reminderTime(from: Date, deadline: Date): Date {
  const total = businessMillisecondsBetween(from, deadline);
  if (total < 0) throw new RangeError('deadline is before from');
  return addBusinessMilliseconds(from, Math.floor(total / 2));
}
