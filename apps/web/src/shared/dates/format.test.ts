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

  it('writes the time of day as Intl does in Asia/Tokyo (hours padded, seconds cut, not rounded), across years', () => {
    const time = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const date = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      timeZone: 'Asia/Tokyo',
      era: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    const weekday = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', weekday: 'short' });
    // Every 97 minutes and 59 seconds from 2018 to 2028: every hour of the day, era change and leap days included.
    for (let at = Date.UTC(2018, 0, 1); at < Date.UTC(2028, 0, 1); at += 97 * 60_000 + 59_000) {
      const instant = new Date(at);
      expect(formatJstDateTime(instant.toISOString())).toBe(`${date.format(instant)}(${weekday.format(instant)}) ${time.format(instant)}`);
    }
    expect(formatJstDateTime('2026-12-10T00:05:59.999Z')).toBe('令和8年12月10日(木) 09:05');
  });

  it('refuses what is not a date rather than showing “Invalid Date”', () => {
    expect(() => formatJstDate('not a date')).toThrow(RangeError);
  });
});
