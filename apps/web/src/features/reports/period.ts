// The 見える化 page's filters, kept in the address (search params) so a reload, a bookmark or a link in a meeting's
// minutes opens the same figures, and turned into the api's ReportFilter; months in 和暦 with 西暦 beside them, as
// staff write them. Pure.
import type { NeedCategory, ReportFilter, SubjectKind } from '../../shared/graphql/generated/graphql';

export interface ReportsFilters {
  /** First month, YYYY-MM (JST), inclusive. */
  from: string;
  /** Last month, YYYY-MM (JST), inclusive. */
  to: string;
  area: string;
  category: NeedCategory | '';
  subjectKind: SubjectKind | '';
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The api takes at most 366 days: twelve months always fit, thirteen never do. */
export const MAX_MONTHS = 12;

const japanMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' });
const eraYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'UTC', era: 'long', year: 'numeric' });

/** The month it is now in Japan, YYYY-MM. */
export function currentJstMonth(now: Date = new Date()): string {
  return japanMonth.format(now).slice(0, 7);
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** YYYY-MM plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months from `from` to `to`, both counted (0 or less when `to` is before `from`). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return ty * 12 + tm - (fy * 12 + fm) + 1;
}

/** 令和8年: the era and year of a month's first day (令和元年 for the first year). */
function eraYearOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return eraYear.format(new Date(Date.UTC(year, m - 1, 1))).replace(/^(\D+)1年$/, '$1元年');
}

/** 令和8年12月 (2026年12月): the month as staff write it, the 西暦 beside for those who count in it. */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${eraYearOf(month)}${m}月 (${year}年${m}月)`;
}

/** 令和8年12月分: the monthly report's title. */
export function monthlyTitle(month: string): string {
  return `${eraYearOf(month)}${Number(month.slice(5))}月分`;
}

/** The first and last JST day of a month, YYYY-MM-DD. */
export function monthDays(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The default period: this fiscal year (from April) up to this month, as the liaison meeting reads it. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const [year, m] = today.split('-').map(Number);
  return { from: `${m >= 4 ? year : year - 1}-04`, to: today };
}

/** Months a person may choose: the last five years up to this month, newest first. */
export function monthChoices(today: string, years = 5): string[] {
  return Array.from({ length: years * 12 }, (_, i) => addMonths(today, -i));
}

const PARAMS = { from: 'from', to: 'to', area: 'area', category: 'category', subjectKind: 'subject' } as const satisfies Record<
  keyof ReportsFilters,
  string
>;

export function filtersFromParams(params: URLSearchParams, today: string): ReportsFilters {
  const period = defaultPeriod(today);
  const month = (key: 'from' | 'to') => {
    const value = params.get(PARAMS[key]) ?? '';
    return isMonth(value) ? value : period[key];
  };
  return {
    from: month('from'),
    to: month('to'),
    area: params.get(PARAMS.area) ?? '',
    category: (params.get(PARAMS.category) ?? '') as ReportsFilters['category'],
    subjectKind: (params.get(PARAMS.subjectKind) ?? '') as ReportsFilters['subjectKind'],
  };
}

/** Only what differs from the default, so the page's own address stays short. */
export function paramsFromFilters(filters: ReportsFilters, today: string): URLSearchParams {
  const period = defaultPeriod(today);
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as Array<keyof ReportsFilters>) {
    const value = filters[key];
    if (!value || ((key === 'from' || key === 'to') && value === period[key])) continue;
    params.set(PARAMS[key], value);
  }
  return params;
}

export type PeriodProblem = 'toBeforeFrom' | 'tooLong';

/** Why the api would refuse the period, said before asking it; null when it is fine. */
export function periodProblem(filters: Pick<ReportsFilters, 'from' | 'to'>): PeriodProblem | null {
  const months = monthsBetween(filters.from, filters.to);
  if (months < 1) return 'toBeforeFrom';
  if (months > MAX_MONTHS) return 'tooLong';
  return null;
}

export function reportFilter(filters: ReportsFilters): ReportFilter {
  return {
    from: filters.from,
    to: filters.to,
    ...(filters.area ? { areaCodes: [filters.area] } : {}),
    ...(filters.category ? { categories: [filters.category] } : {}),
    ...(filters.subjectKind ? { subjectKind: filters.subjectKind } : {}),
  };
}
