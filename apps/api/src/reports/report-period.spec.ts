import { monthlyReportTitle, reportPeriod } from './report-period';

describe('reportPeriod', () => {
  it('reads months as their first and last day, in Japan time', () => {
    expect(reportPeriod('2026-11', '2026-12')).toEqual({
      from: '2026-11-01',
      to: '2026-12-31',
      start: new Date('2026-10-31T15:00:00Z'),
      end: new Date('2026-12-31T15:00:00Z'),
      months: ['2026-11', '2026-12'],
    });
  });

  it('reads days inclusive and mixes days and months', () => {
    const period = reportPeriod('2026-11-30', '2026-12');
    expect(period).toMatchObject({ from: '2026-11-30', to: '2026-12-31', start: new Date('2026-11-29T15:00:00Z'), months: ['2026-11', '2026-12'] });
    expect(reportPeriod('2026-12-01', '2026-12-01')).toMatchObject({
      start: new Date('2026-11-30T15:00:00Z'),
      end: new Date('2026-12-01T15:00:00Z'),
    });
  });

  it('takes a fiscal year and leap February, refuses more than 366 days', () => {
    expect(reportPeriod('2026-04', '2027-03')).toMatchObject({ from: '2026-04-01', to: '2027-03-31' });
    expect(reportPeriod('2028-02', '2028-02')).toMatchObject({ to: '2028-02-29' });
    expect(reportPeriod('2026-04', '2027-04')).toEqual([{ field: 'to', message: 'the period may be at most 366 days' }]);
  });

  it('names the field of a day that does not exist, a malformed value or a reversed period', () => {
    expect(reportPeriod('2026-02-30', '2026-03')).toEqual([expect.objectContaining({ field: 'from' })]);
    expect(reportPeriod('2026-01', '2026-13')).toEqual([expect.objectContaining({ field: 'to' })]);
    expect(reportPeriod('2026-12', '2026-11')).toEqual([{ field: 'to', message: 'must not be before from' }]);
  });
});

describe('monthlyReportTitle', () => {
  it('titles the month in the Japanese era', () => {
    expect(monthlyReportTitle('2026-12')).toBe('令和8年12月分');
    expect(monthlyReportTitle('2019-12')).toBe('令和元年12月分');
    expect(monthlyReportTitle('2019-04')).toBe('平成31年4月分');
  });
});
