import type { FieldProblem } from '../common/graphql-errors';

// The period of a report: JST calendar days or months, both ends inclusive (docs/REPORTS.md, "Arguments"). Pure.

export const MAX_REPORT_DAYS = 366;
const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

export interface ReportPeriod {
  /** First day, YYYY-MM-DD (JST). */
  from: string;
  /** Last day, YYYY-MM-DD (JST), inclusive. */
  to: string;
  /** 00:00 JST of the first day. */
  start: Date;
  /** 00:00 JST of the day after the last (exclusive). */
  end: Date;
  /** Every month the period touches, YYYY-MM. */
  months: string[];
}

/** Midnight JST of a YYYY-MM-DD day as an instant, or null when that day does not exist (2026-02-30). */
function jstMidnight(day: string): Date | null {
  const [y, m, d] = day.split('-').map(Number);
  const utc = Date.UTC(y, m - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d || y < 2000 || y > 2100) return null;
  return new Date(utc - JST_OFFSET_MS);
}

const dayOf = (instant: Date) => new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);

/** The first day of a day or month; the last day when `last` (a month's last day). Null when malformed. */
function boundary(value: string, last: boolean): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = jstMidnight(value);
    return start && (last ? new Date(start.getTime() + DAY_MS) : start);
  }
  if (/^\d{4}-\d{2}$/.test(value)) {
    const start = jstMidnight(`${value}-01`);
    if (!start || !last) return start;
    const [y, m] = value.split('-').map(Number);
    return new Date(Date.UTC(y, m, 1) - JST_OFFSET_MS);
  }
  return null;
}

/** The period of `from`..`to` (days or months, inclusive), or the problems naming the field. */
export function reportPeriod(from: string, to: string): ReportPeriod | FieldProblem[] {
  const start = boundary(from, false);
  const end = boundary(to, true);
  const problems: FieldProblem[] = [];
  if (!start) problems.push({ field: 'from', message: 'must be an existing day YYYY-MM-DD or month YYYY-MM (2000 to 2100)' });
  if (!end) problems.push({ field: 'to', message: 'must be an existing day YYYY-MM-DD or month YYYY-MM (2000 to 2100)' });
  if (!start || !end) return problems;
  if (end.getTime() <= start.getTime()) return [{ field: 'to', message: 'must not be before from' }];
  if (end.getTime() - start.getTime() > MAX_REPORT_DAYS * DAY_MS)
    return [{ field: 'to', message: `the period may be at most ${MAX_REPORT_DAYS} days` }];
  const months: string[] = [];
  for (let month = dayOf(start).slice(0, 7); month <= dayOf(new Date(end.getTime() - 1)).slice(0, 7); month = nextMonth(month)) months.push(month);
  return { from: dayOf(start), to: dayOf(new Date(end.getTime() - 1)), start, end, months };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const eraYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'Asia/Tokyo', era: 'long', year: 'numeric' });

/** 「令和8年12月分」: the month's title in the Japanese era (元年 for an era's first year). */
export function monthlyReportTitle(month: string): string {
  const [y, m] = month.split('-').map(Number);
  // Mid-month, so that an era changing within a month (2019-05-01) still names the era of most of it.
  const era = eraYear.format(new Date(Date.UTC(y, m - 1, 15))).replace(/^(\D+)1年$/, '$1元年');
  return `${era}${m}月分`;
}
