// The 見える化 page's period and filters: in the address and back, the api's filter, 和暦 months and titles.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  currentJstMonth,
  defaultPeriod,
  filtersFromParams,
  formatMonth,
  monthChoices,
  monthDays,
  monthlyTitle,
  paramsFromFilters,
  periodProblem,
  reportFilter,
} from './period';

describe('the reports’ period', () => {
  it('is this fiscal year (from April) up to this month unless the address says otherwise', () => {
    expect(defaultPeriod('2026-12')).toEqual({ from: '2026-04', to: '2026-12' });
    expect(defaultPeriod('2027-03')).toEqual({ from: '2026-04', to: '2027-03' });
    expect(defaultPeriod('2026-04')).toEqual({ from: '2026-04', to: '2026-04' });
    expect(filtersFromParams(new URLSearchParams(), '2027-01')).toEqual({ from: '2026-04', to: '2027-01', area: '', category: '', subjectKind: '' });
  });

  it('goes into the address and comes back, the default period and empty filters left out', () => {
    const filters = { from: '2026-10', to: '2026-12', area: 'A-01', category: 'TRANSPORT', subjectKind: 'PERSON' } as const;
    const params = paramsFromFilters(filters, '2026-12');
    expect(params.toString()).toBe('from=2026-10&area=A-01&category=TRANSPORT&subject=PERSON');
    expect(filtersFromParams(params, '2026-12')).toEqual(filters);
    expect(paramsFromFilters(filtersFromParams(new URLSearchParams(), '2026-12'), '2026-12').toString()).toBe('');
  });

  it('ignores a month that is not one (the default stands)', () => {
    expect(filtersFromParams(new URLSearchParams('from=2026-13&to=26-12'), '2026-12')).toMatchObject({ from: '2026-04', to: '2026-12' });
  });

  it('becomes the api’s ReportFilter: months as they are, one area and category as lists', () => {
    expect(reportFilter({ from: '2026-04', to: '2027-03', area: 'A-01', category: 'SHOPPING', subjectKind: 'AREA' })).toEqual({
      from: '2026-04',
      to: '2027-03',
      areaCodes: ['A-01'],
      categories: ['SHOPPING'],
      subjectKind: 'AREA',
    });
    expect(reportFilter({ from: '2026-12', to: '2026-12', area: '', category: '', subjectKind: '' })).toEqual({ from: '2026-12', to: '2026-12' });
  });

  it('says what the api would refuse: an end before the start, more than twelve months', () => {
    expect(periodProblem({ from: '2026-04', to: '2027-03' })).toBeNull();
    expect(periodProblem({ from: '2026-12', to: '2026-12' })).toBeNull();
    expect(periodProblem({ from: '2026-12', to: '2026-11' })).toBe('toBeforeFrom');
    expect(periodProblem({ from: '2026-04', to: '2027-04' })).toBe('tooLong');
  });

  it('counts months across years and lists five years of choices, newest first', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-04', -16)).toBe('2024-12');
    const choices = monthChoices('2026-12');
    expect(choices).toHaveLength(60);
    expect(choices[0]).toBe('2026-12');
    expect(choices.at(-1)).toBe('2022-01');
  });

  it('knows the month in Japan, whatever the device’s zone (JST is 9 hours ahead of UTC)', () => {
    expect(currentJstMonth(new Date('2026-11-30T14:59:59Z'))).toBe('2026-11');
    expect(currentJstMonth(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12');
  });

  it('gives a month’s first and last day, leap years included', () => {
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});

describe('months in 和暦', () => {
  it('titles the monthly report as the handout does: 令和8年12月分', () => {
    expect(monthlyTitle('2026-12')).toBe('令和8年12月分');
    expect(monthlyTitle('2027-01')).toBe('令和9年1月分');
  });

  it('calls an era’s first year 元年, and a month before the era began by the era it was in', () => {
    expect(monthlyTitle('2019-05')).toBe('令和元年5月分');
    expect(monthlyTitle('2019-04')).toBe('平成31年4月分');
  });

  it('shows a month with its 西暦 beside it', () => {
    expect(formatMonth('2026-12')).toBe('令和8年12月 (2026年12月)');
    expect(formatMonth('2019-05')).toBe('令和元年5月 (2019年5月)');
  });
});
