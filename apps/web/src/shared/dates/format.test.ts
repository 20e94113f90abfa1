import { describe, expect, it } from 'vitest';
import { formatJstDate, formatJstDateTime, jstDateInputValue } from './format';

describe('dates in Japan time, in the Japanese era, with the weekday', () => {
  it('formats the brief’s example: 令和8年12月10日(木) 17:15', () => {
    expect(formatJstDateTime('2026-12-10T08:15:00Z')).toBe('令和8年12月10日(木) 17:15');
  });

  it('uses JST, not the device’s zone: 23:30 UTC is already the next day in Japan', () => {
    expect(formatJstDate('2026-12-09T23:30:00Z')).toBe('令和8年12月10日(木)');
    expect(jstDateInputValue('2026-12-09T23:30:00Z')).toBe('2026-12-10');
    expect(jstDateInputValue('2026-12-09T14:59:00Z')).toBe('2026-12-09');
  });

  it('writes the first year of an era as 元年, and the day before it in the old era', () => {
    expect(formatJstDate('2019-05-01T03:00:00+09:00')).toBe('令和元年5月1日(水)');
    expect(formatJstDate('2019-04-30T12:00:00+09:00')).toBe('平成31年4月30日(火)');
  });

  it('shows midnight as 00:00, not 24:00', () => {
    expect(formatJstDateTime('2026-01-04T15:00:00Z')).toBe('令和8年1月5日(月) 00:00');
  });

  it('refuses what is not a date rather than showing “Invalid Date”', () => {
    expect(() => formatJstDate('not a date')).toThrow(RangeError);
  });
});
