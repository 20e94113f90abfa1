import { formatJstDate, formatJstDateTime } from './jst-text';

describe('JST text for people', () => {
  it('gives the JST date and weekday of an instant', () => {
    expect(formatJstDate('2026-12-14T08:15:00.000Z')).toBe('2026年12月14日(月)');
    // 15:30 UTC on Sunday the 13th is already Monday in Japan.
    expect(formatJstDate('2026-12-13T15:30:00.000Z')).toBe('2026年12月14日(月)');
    expect(formatJstDate(new Date('2027-01-01T00:00:00+09:00'))).toBe('2027年1月1日(金)');
  });

  it('gives the time on a 24-hour clock in JST', () => {
    expect(formatJstDateTime('2026-12-14T08:15:00.000Z')).toBe('2026年12月14日(月) 17:15');
    expect(formatJstDateTime('2026-12-14T00:05:00.000Z')).toBe('2026年12月14日(月) 9:05');
    expect(formatJstDateTime('2026-12-14T15:00:00.000Z')).toBe('2026年12月15日(火) 0:00');
  });

  it('refuses what is not a time', () => {
    expect(() => formatJstDateTime('not a date')).toThrow(RangeError);
  });
});
