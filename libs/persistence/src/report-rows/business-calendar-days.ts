import { isBusinessDay } from '@tsunagu/domain';

// The city's calendar as a table (business_calendar_day), so that PostgreSQL can count business days the way
// libs/domain's businessDaysBetween does: the business days after day a up to and including day b are
// through(b) − through(a). Filled from libs/domain's calendar by the migration and by `npm run rebuild-report-rows`.

/** The days the table covers: spans with an end outside them get no business-day figure (null). */
export const BUSINESS_CALENDAR_YEARS = { first: 2000, last: 2099 } as const;

export interface BusinessCalendarDay {
  /** JST calendar date, 'YYYY-MM-DD'. */
  day: string;
  /** Business days from the first day of the table up to and including this one. */
  businessDaysThrough: number;
}

export function businessCalendarDays(
  first: number = BUSINESS_CALENDAR_YEARS.first,
  last: number = BUSINESS_CALENDAR_YEARS.last,
): BusinessCalendarDay[] {
  const days: BusinessCalendarDay[] = [];
  let through = 0;
  for (let t = Date.UTC(first, 0, 1); t < Date.UTC(last + 1, 0, 1); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (isBusinessDay(new Date(`${day}T12:00:00+09:00`))) through++;
    days.push({ day, businessDaysThrough: through });
  }
  return days;
}

/** Replaces the table's content with libs/domain's calendar (in the caller's transaction). */
export async function fillBusinessCalendar(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<number> {
  const days = businessCalendarDays();
  await query(`DELETE FROM business_calendar_day`);
  await query(`INSERT INTO business_calendar_day (day, business_days_through) SELECT * FROM unnest($1::date[], $2::int[])`, [
    days.map((d) => d.day),
    days.map((d) => d.businessDaysThrough),
  ]);
  return days.length;
}
