import {
  addBusinessDays,
  addBusinessMilliseconds,
  businessDaysBetween,
  businessMillisecondsBetween,
  CLOSING_TIME,
  HOLIDAY_DATA_YEARS,
  holidayName,
  isBusinessDay,
  JST_OFFSET_MS,
  nextBusinessDay,
  previousBusinessDay,
  reminderTime,
  toJstDateString,
} from './business-calendar';

// Every expected value is written out by hand (weekdays checked against a printed calendar); none is computed by the
// code under test. Instants are ISO strings with an explicit offset, so the tests pass in any process time zone.
const at = (iso: string): Date => new Date(iso);
const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** The open/closed state of whole JST days, at noon JST, as 'YYYY-MM-DD' → boolean. */
function openOn(...dates: string[]): Record<string, boolean> {
  return Object.fromEntries(dates.map((d) => [d, isBusinessDay(at(`${d}T12:00:00+09:00`))]));
}

describe('constants', () => {
  it('closes at 17:15 JST, nine hours ahead of UTC', () => {
    expect(CLOSING_TIME).toEqual({ hour: 17, minute: 15 });
    expect(JST_OFFSET_MS).toBe(32_400_000);
  });

  it('the holiday data covers 1970 to at least 2050', () => {
    expect(HOLIDAY_DATA_YEARS.first).toBe(1970);
    expect(HOLIDAY_DATA_YEARS.last).toBeGreaterThanOrEqual(2050);
    // Labour Thanksgiving Day 2050 is a Wednesday: the last year's holidays are really there.
    expect(isBusinessDay(at('2050-11-23T12:00:00+09:00'))).toBe(false);
    expect(isBusinessDay(at('2050-11-22T12:00:00+09:00'))).toBe(true);
  });
});

describe('isBusinessDay', () => {
  it('weekdays are open, Saturdays and Sundays closed', () => {
    // June 2026 has no public holiday: Mon 8 to Fri 12 open, Sat 13 and Sun 14 closed.
    expect(openOn('2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14')).toEqual({
      '2026-06-08': true,
      '2026-06-09': true,
      '2026-06-10': true,
      '2026-06-11': true,
      '2026-06-12': true,
      '2026-06-13': false,
      '2026-06-14': false,
    });
  });

  it('Golden Week 2026: Showa Day Wed 29 Apr; Sun 3 May Constitution Day moves to Wed 6 May', () => {
    // Apr 28 Tue open; 29 Wed Showa Day; 30 Thu, May 1 Fri open; 2 Sat, 3 Sun (Constitution Day), 4 Mon (Greenery Day),
    // 5 Tue (Children's Day), 6 Wed (substitute holiday for the 3rd, which fell on a Sunday) closed; 7 Thu open.
    expect(
      openOn(
        '2026-04-28',
        '2026-04-29',
        '2026-04-30',
        '2026-05-01',
        '2026-05-02',
        '2026-05-03',
        '2026-05-04',
        '2026-05-05',
        '2026-05-06',
        '2026-05-07',
      ),
    ).toEqual({
      '2026-04-28': true,
      '2026-04-29': false,
      '2026-04-30': true,
      '2026-05-01': true,
      '2026-05-02': false,
      '2026-05-03': false,
      '2026-05-04': false,
      '2026-05-05': false,
      '2026-05-06': false,
      '2026-05-07': true,
    });
    expect(holidayName(at('2026-04-29T12:00:00+09:00'))).toBe('昭和の日');
    expect(holidayName(at('2026-05-06T12:00:00+09:00'))).toBe('こどもの日 振替休日');
    expect(holidayName(at('2026-05-07T12:00:00+09:00'))).toBeUndefined();
  });

  it('a substitute holiday: Vernal Equinox Day 2027 is Sun 21 Mar, so Mon 22 Mar is closed', () => {
    expect(openOn('2027-03-19', '2027-03-21', '2027-03-22', '2027-03-23')).toEqual({
      '2027-03-19': true,
      '2027-03-21': false,
      '2027-03-22': false,
      '2027-03-23': true,
    });
    expect(holidayName(at('2027-03-22T12:00:00+09:00'))).toBe('春分の日 振替休日');
  });

  it("Silver Week 2026: Respect for the Aged Day Mon 21 Sep, citizens' holiday Tue 22, Autumnal Equinox Wed 23", () => {
    // Tue 22 Sep is sandwiched between two holidays, so it is a citizens' holiday (国民の休日).
    expect(openOn('2026-09-18', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24')).toEqual({
      '2026-09-18': true,
      '2026-09-21': false,
      '2026-09-22': false,
      '2026-09-23': false,
      '2026-09-24': true,
    });
    expect(holidayName(at('2026-09-22T12:00:00+09:00'))).toBe('休日');
  });

  it('the year-end closure runs Dec 29 to Jan 3 inclusive, weekdays included', () => {
    // Mon 28 Dec 2026 open; Tue 29, Wed 30, Thu 31 Dec closed though not holidays; Fri 1 Jan 2027 New Year's Day;
    // Sat 2, Sun 3 closed; Mon 4 Jan open.
    expect(openOn('2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04')).toEqual({
      '2026-12-28': true,
      '2026-12-29': false,
      '2026-12-30': false,
      '2026-12-31': false,
      '2027-01-01': false,
      '2027-01-02': false,
      '2027-01-03': false,
      '2027-01-04': true,
    });
    expect(holidayName(at('2026-12-30T12:00:00+09:00'))).toBeUndefined();
    // The closure's last day on a weekday: Mon 3 Jan 2028 is closed (no holiday: New Year's Day was a Saturday and
    // does not move), Tue 4 Jan 2028 open.
    expect(openOn('2028-01-03', '2028-01-04')).toEqual({ '2028-01-03': false, '2028-01-04': true });
    expect(holidayName(at('2028-01-03T12:00:00+09:00'))).toBeUndefined();
  });

  it("New Year's Day 2026 is a Thursday; Fri 2 Jan is closed by the year-end closure, Mon 5 Jan open", () => {
    expect(openOn('2026-01-01', '2026-01-02', '2026-01-05')).toEqual({ '2026-01-01': false, '2026-01-02': false, '2026-01-05': true });
    expect(holidayName(at('2026-01-01T12:00:00+09:00'))).toBe('元日');
  });

  it('Coming of Age Day is the second Monday of January: 12 Jan 2026, 11 Jan 2027', () => {
    // Jan 2026: Mondays are 5 and 12. Jan 2027: Mondays are 4 and 11.
    expect(openOn('2026-01-05', '2026-01-12', '2026-01-13', '2027-01-04', '2027-01-11', '2027-01-12')).toEqual({
      '2026-01-05': true,
      '2026-01-12': false,
      '2026-01-13': true,
      '2027-01-04': true,
      '2027-01-11': false,
      '2027-01-12': true,
    });
    expect(holidayName(at('2027-01-11T12:00:00+09:00'))).toBe('成人の日');
  });

  it("leap year 2028: Emperor's Birthday Wed 23 Feb is closed, Tue 29 Feb is a business day", () => {
    expect(openOn('2028-02-22', '2028-02-23', '2028-02-24', '2028-02-28', '2028-02-29', '2028-03-01')).toEqual({
      '2028-02-22': true,
      '2028-02-23': false,
      '2028-02-24': true,
      '2028-02-28': true,
      '2028-02-29': true,
      '2028-03-01': true,
    });
  });

  it('uses the JST date: 15:00Z is midnight in Tokyo', () => {
    // Fri 5 Jun 2026 23:59:59.999 JST = 14:59:59.999Z is Friday; one millisecond later it is Saturday in Tokyo.
    expect(isBusinessDay(at('2026-06-05T14:59:59.999Z'))).toBe(true);
    expect(isBusinessDay(at('2026-06-05T15:00:00.000Z'))).toBe(false);
    // Sun 7 Jun 2026 15:00Z is still Sunday in UTC but already Monday 00:00 in Tokyo.
    expect(isBusinessDay(at('2026-06-07T14:59:59.999Z'))).toBe(false);
    expect(isBusinessDay(at('2026-06-07T15:00:00.000Z'))).toBe(true);
    expect(toJstDateString(at('2026-06-07T15:00:00.000Z'))).toBe('2026-06-08');
    expect(toJstDateString(at('2026-06-07T14:59:59.999Z'))).toBe('2026-06-07');
  });

  it('beyond the holiday data, weekends and the year-end closure still close the office', () => {
    // Mon 2 Jan 2051 is in the closure; Wed 4 Jan 2051 is an ordinary weekday; Sat 7 Jan 2051 a Saturday.
    expect(openOn('2051-01-02', '2051-01-04', '2051-01-07')).toEqual({ '2051-01-02': false, '2051-01-04': true, '2051-01-07': false });
  });

  it('rejects an invalid Date', () => {
    expect(() => isBusinessDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('nextBusinessDay / previousBusinessDay', () => {
  it('skip Golden Week and return midnight JST', () => {
    // From Fri 1 May 2026 noon the next open day is Thu 7 May (2 to 6 May closed); from Thu 7 May back, Fri 1 May.
    expect(nextBusinessDay(at('2026-05-01T12:00:00+09:00')).toISOString()).toBe(at('2026-05-07T00:00:00+09:00').toISOString());
    expect(previousBusinessDay(at('2026-05-07T09:00:00+09:00')).toISOString()).toBe(at('2026-05-01T00:00:00+09:00').toISOString());
  });

  it('never return the day itself, even on a business day', () => {
    // Mon 8 Jun 2026 00:00 JST → Tue 9 Jun; back → Fri 5 Jun.
    expect(nextBusinessDay(at('2026-06-08T00:00:00+09:00')).toISOString()).toBe(at('2026-06-09T00:00:00+09:00').toISOString());
    expect(previousBusinessDay(at('2026-06-08T00:00:00+09:00')).toISOString()).toBe(at('2026-06-05T00:00:00+09:00').toISOString());
  });

  it('jump the year-end closure', () => {
    // Mon 28 Dec 2026 → Mon 4 Jan 2027 (29 Dec to 3 Jan closed); and back.
    expect(nextBusinessDay(at('2026-12-28T12:00:00+09:00')).toISOString()).toBe(at('2027-01-04T00:00:00+09:00').toISOString());
    expect(previousBusinessDay(at('2027-01-04T12:00:00+09:00')).toISOString()).toBe(at('2026-12-28T00:00:00+09:00').toISOString());
  });

  it('work from the JST date at the 15:00Z boundary', () => {
    // 2026-06-04T15:00Z = Fri 5 Jun 00:00 JST → next is Mon 8 Jun. One ms earlier it is Thu 4 Jun → next is Fri 5 Jun.
    expect(nextBusinessDay(at('2026-06-04T15:00:00Z')).toISOString()).toBe(at('2026-06-08T00:00:00+09:00').toISOString());
    expect(nextBusinessDay(at('2026-06-04T14:59:59.999Z')).toISOString()).toBe(at('2026-06-05T00:00:00+09:00').toISOString());
  });
});

describe('addBusinessDays', () => {
  const deadline = (from: string, days: number): string => addBusinessDays(at(from), days).toISOString();
  const expected = (iso: string): string => at(iso).toISOString();

  it('offered Fri 10:00 with 3 days → Wed 17:15', () => {
    // Fri 5 Jun 2026 does not count; Mon 8 (1), Tue 9 (2), Wed 10 (3).
    expect(deadline('2026-06-05T10:00:00+09:00', 3)).toBe(expected('2026-06-10T17:15:00+09:00'));
  });

  it('offered on a Saturday with 1 day → Monday 17:15', () => {
    // Sat 6 Jun 2026 → Mon 8 Jun (1).
    expect(deadline('2026-06-06T10:00:00+09:00', 1)).toBe(expected('2026-06-08T17:15:00+09:00'));
  });

  it('offered on a Saturday with 1 day, Monday a holiday → Tuesday 17:15', () => {
    // Sat 18 Jul 2026; Sun 19; Mon 20 Jul is Marine Day; Tue 21 (1).
    expect(deadline('2026-07-18T10:00:00+09:00', 1)).toBe(expected('2026-07-21T17:15:00+09:00'));
  });

  it('the day of the offer never counts, however early', () => {
    // Mon 8 Jun 2026 08:00 → Tue 9 Jun (1).
    expect(deadline('2026-06-08T08:00:00+09:00', 1)).toBe(expected('2026-06-09T17:15:00+09:00'));
  });

  it('Golden Week 2026', () => {
    // Thu 30 Apr 10:00, 3 days: Fri 1 May (1); 2 to 6 May closed; Thu 7 May (2), Fri 8 May (3).
    expect(deadline('2026-04-30T10:00:00+09:00', 3)).toBe(expected('2026-05-08T17:15:00+09:00'));
    // Fri 1 May 10:00, 1 day: Thu 7 May (1).
    expect(deadline('2026-05-01T10:00:00+09:00', 1)).toBe(expected('2026-05-07T17:15:00+09:00'));
    // Offered on the substitute holiday Wed 6 May, 1 day: Thu 7 May (1).
    expect(deadline('2026-05-06T10:00:00+09:00', 1)).toBe(expected('2026-05-07T17:15:00+09:00'));
  });

  it('a substitute holiday: Fri 19 Mar 2027 with 1 day → Tue 23 Mar', () => {
    // Sat 20, Sun 21 (Vernal Equinox), Mon 22 (substitute) closed; Tue 23 (1).
    expect(deadline('2027-03-19T15:00:00+09:00', 1)).toBe(expected('2027-03-23T17:15:00+09:00'));
  });

  it('Silver Week 2026', () => {
    // Fri 18 Sep, 1 day: Sat 19 to Wed 23 closed; Thu 24 (1).
    expect(deadline('2026-09-18T10:00:00+09:00', 1)).toBe(expected('2026-09-24T17:15:00+09:00'));
    // Fri 18 Sep, 3 days: Thu 24 (1), Fri 25 (2), Mon 28 (3).
    expect(deadline('2026-09-18T10:00:00+09:00', 3)).toBe(expected('2026-09-28T17:15:00+09:00'));
  });

  it('year-end: offered Sat 26 Dec 2026 with 3 days → Tue 5 Jan 2027 17:15', () => {
    // Sun 27 Dec closed; Mon 28 Dec (1); 29 Dec to 3 Jan closed; Mon 4 Jan (2), Tue 5 Jan (3).
    expect(deadline('2026-12-26T10:00:00+09:00', 3)).toBe(expected('2027-01-05T17:15:00+09:00'));
  });

  it('year-end: offered Fri 24 Dec 2027 with 3 days → Tue 4 Jan 2028 17:15', () => {
    // Mon 27 Dec (1), Tue 28 Dec (2); Wed 29 Dec to Mon 3 Jan closed (three weekdays of them); Tue 4 Jan (3).
    expect(deadline('2027-12-24T10:00:00+09:00', 3)).toBe(expected('2028-01-04T17:15:00+09:00'));
  });

  it("leap day 2028: Fri 25 Feb with 2 days → Tue 29 Feb; around the Emperor's Birthday", () => {
    // Sat 26, Sun 27 closed; Mon 28 (1), Tue 29 Feb (2).
    expect(deadline('2028-02-25T16:00:00+09:00', 2)).toBe(expected('2028-02-29T17:15:00+09:00'));
    // Mon 28 Feb, 2 days: Tue 29 Feb (1), Wed 1 Mar (2).
    expect(deadline('2028-02-28T10:00:00+09:00', 2)).toBe(expected('2028-03-01T17:15:00+09:00'));
    // Tue 22 Feb, 1 day: Wed 23 Feb is the Emperor's Birthday; Thu 24 (1).
    expect(deadline('2028-02-22T09:00:00+09:00', 1)).toBe(expected('2028-02-24T17:15:00+09:00'));
  });

  it("New Year's Day and Coming of Age Day", () => {
    // Wed 31 Dec 2025 (in the closure), 1 day: Thu 1 Jan (New Year's Day), Fri 2 (closure), Sat 3, Sun 4; Mon 5 Jan (1).
    expect(deadline('2025-12-31T10:00:00+09:00', 1)).toBe(expected('2026-01-05T17:15:00+09:00'));
    // Fri 8 Jan 2027, 2 days: Mon 11 Jan is Coming of Age Day; Tue 12 (1), Wed 13 (2).
    expect(deadline('2027-01-08T10:00:00+09:00', 2)).toBe(expected('2027-01-13T17:15:00+09:00'));
    // Fri 9 Jan 2026, 1 day: Mon 12 Jan is Coming of Age Day; Tue 13 (1).
    expect(deadline('2026-01-09T10:00:00+09:00', 1)).toBe(expected('2026-01-13T17:15:00+09:00'));
  });

  it('offers at 23:59 and 00:00 JST count from their JST date', () => {
    // Thu 4 Jun 2026 23:59 JST (14:59Z): Fri 5 Jun (1).
    expect(deadline('2026-06-04T14:59:00Z', 1)).toBe(expected('2026-06-05T17:15:00+09:00'));
    // Fri 5 Jun 2026 00:00 JST (still 4 Jun 15:00Z in UTC): Fri does not count; Mon 8 Jun (1).
    expect(deadline('2026-06-04T15:00:00Z', 1)).toBe(expected('2026-06-08T17:15:00+09:00'));
    // Sun 7 Jun 23:59 JST: Mon 8 (1). Mon 8 Jun 00:00 JST (Sun 7 Jun 15:00Z): Tue 9 (1).
    expect(deadline('2026-06-07T23:59:00+09:00', 1)).toBe(expected('2026-06-08T17:15:00+09:00'));
    expect(deadline('2026-06-07T15:00:00Z', 1)).toBe(expected('2026-06-09T17:15:00+09:00'));
  });

  it('the deadline is 08:15Z, whatever the time zone of the process', () => {
    expect(deadline('2026-06-05T10:00:00+09:00', 3)).toBe('2026-06-10T08:15:00.000Z');
  });

  it('takes only whole numbers of at least 1', () => {
    for (const days of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessDays(at('2026-06-05T10:00:00+09:00'), days)).toThrow(RangeError);
    }
    expect(() => addBusinessDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it('counts business days after the first date up to and including the second', () => {
    // Same day: 0. Fri 5 Jun → Mon 8 Jun 2026: Mon (1). Fri 5 → Wed 10: Mon, Tue, Wed (3).
    expect(businessDaysBetween(at('2026-06-05T09:00:00+09:00'), at('2026-06-05T18:00:00+09:00'))).toBe(0);
    expect(businessDaysBetween(at('2026-06-05T09:00:00+09:00'), at('2026-06-08T09:00:00+09:00'))).toBe(1);
    expect(businessDaysBetween(at('2026-06-05T10:00:00+09:00'), at('2026-06-10T17:15:00+09:00'))).toBe(3);
  });

  it('skips Golden Week and the year-end closure', () => {
    // Tue 28 Apr → Fri 8 May 2026: Thu 30 Apr, Fri 1 May, Thu 7, Fri 8 May (4).
    expect(businessDaysBetween(at('2026-04-28T12:00:00+09:00'), at('2026-05-08T12:00:00+09:00'))).toBe(4);
    // Fri 25 Dec 2026 → Tue 5 Jan 2027: Mon 28 Dec, Mon 4 Jan, Tue 5 Jan (3).
    expect(businessDaysBetween(at('2026-12-25T12:00:00+09:00'), at('2027-01-05T12:00:00+09:00'))).toBe(3);
  });

  it('is negative when the second date is earlier', () => {
    expect(businessDaysBetween(at('2026-06-08T09:00:00+09:00'), at('2026-06-05T09:00:00+09:00'))).toBe(-1);
  });
});

describe('businessMillisecondsBetween', () => {
  const between = (from: string, to: string): number => businessMillisecondsBetween(at(from), at(to));

  it('counts only the parts of whole business days', () => {
    // Within Tue 9 Jun 2026, 09:00 to 17:15: 8 h 15 min.
    expect(between('2026-06-09T09:00:00+09:00', '2026-06-09T17:15:00+09:00')).toBe(29_700_000);
    // Fri 5 Jun 10:00 → Mon 8 Jun 10:00: Fri 14 h + Mon 10 h = 24 h (the weekend does not count).
    expect(between('2026-06-05T10:00:00+09:00', '2026-06-08T10:00:00+09:00')).toBe(86_400_000);
    // Fri 5 Jun 10:00 → Wed 10 Jun 17:15: Fri 14 h + Mon 24 h + Tue 24 h + Wed 17 h 15 min = 79 h 15 min.
    expect(between('2026-06-05T10:00:00+09:00', '2026-06-10T17:15:00+09:00')).toBe(285_300_000);
  });

  it('is zero within a weekend', () => {
    // Sat 6 Jun 10:00 → Sun 7 Jun 20:00.
    expect(between('2026-06-06T10:00:00+09:00', '2026-06-07T20:00:00+09:00')).toBe(0);
  });

  it('skips Golden Week', () => {
    // Thu 30 Apr 12:00 → Thu 7 May 2026 12:00: Apr 30 12 h + May 1 24 h + May 7 12 h = 48 h.
    expect(between('2026-04-30T12:00:00+09:00', '2026-05-07T12:00:00+09:00')).toBe(172_800_000);
  });

  it('splits days at midnight JST (15:00Z), not UTC midnight', () => {
    // Fri 5 Jun 2026 20:00 JST → Sat 6 Jun 02:00 JST: only the 4 h up to Friday's end count.
    expect(between('2026-06-05T11:00:00Z', '2026-06-05T17:00:00Z')).toBe(4 * HOUR);
  });

  it('is negative when the second instant is earlier', () => {
    expect(between('2026-06-08T10:00:00+09:00', '2026-06-05T10:00:00+09:00')).toBe(-86_400_000);
  });
});

describe('addBusinessMilliseconds', () => {
  const add = (from: string, ms: number): string => addBusinessMilliseconds(at(from), ms).toISOString();
  const expected = (iso: string): string => at(iso).toISOString();

  it('skips the weekend', () => {
    // Fri 5 Jun 2026 22:00 + 3 h: 2 h on Friday, then Mon 8 Jun 00:00 + 1 h.
    expect(add('2026-06-05T22:00:00+09:00', 3 * HOUR)).toBe(expected('2026-06-08T01:00:00+09:00'));
    // From Sat 6 Jun 12:00 + 1 h: nothing counts until Mon 00:00.
    expect(add('2026-06-06T12:00:00+09:00', HOUR)).toBe(expected('2026-06-08T01:00:00+09:00'));
  });

  it('ending exactly at the end of a business day gives that midnight', () => {
    // Fri 5 Jun 22:00 + 2 h → Sat 6 Jun 00:00 (the earliest instant with 2 h of business time behind it).
    expect(add('2026-06-05T22:00:00+09:00', 2 * HOUR)).toBe(expected('2026-06-06T00:00:00+09:00'));
  });

  it('adding 0 gives the same instant, even on a closed day', () => {
    expect(add('2026-06-06T12:00:00+09:00', 0)).toBe(expected('2026-06-06T12:00:00+09:00'));
  });

  it('skips the year-end closure', () => {
    // Mon 28 Dec 2026 12:00 + 24 h: 12 h on the 28th, 29 Dec to 3 Jan closed, Mon 4 Jan 2027 00:00 + 12 h.
    expect(add('2026-12-28T12:00:00+09:00', 24 * HOUR)).toBe(expected('2027-01-04T12:00:00+09:00'));
  });

  it('goes back with a negative amount', () => {
    // Mon 8 Jun 01:00 − 3 h: 1 h of Monday, then back from Fri 5 Jun 24:00 by 2 h → Fri 22:00.
    expect(add('2026-06-08T01:00:00+09:00', -3 * HOUR)).toBe(expected('2026-06-05T22:00:00+09:00'));
    // Mon 4 Jan 2027 12:00 − 24 h → Mon 28 Dec 2026 12:00.
    expect(add('2027-01-04T12:00:00+09:00', -24 * HOUR)).toBe(expected('2026-12-28T12:00:00+09:00'));
  });

  it('is the inverse of businessMillisecondsBetween', () => {
    const cases: Array<[string, number]> = [
      ['2026-04-30T10:00:00+09:00', 39 * HOUR + 37 * MINUTE],
      ['2026-12-26T10:00:00+09:00', 5 * 24 * HOUR + 1],
      ['2026-09-18T23:59:59+09:00', 1000],
      ['2028-02-28T00:00:00+09:00', 48 * HOUR],
    ];
    for (const [from, ms] of cases) {
      expect(businessMillisecondsBetween(at(from), addBusinessMilliseconds(at(from), ms))).toBe(ms);
      expect(businessMillisecondsBetween(addBusinessMilliseconds(at(from), -ms), at(from))).toBe(ms);
    }
  });

  it('rejects a non-finite amount', () => {
    expect(() => addBusinessMilliseconds(at('2026-06-05T10:00:00+09:00'), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMilliseconds(at('2026-06-05T10:00:00+09:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('reminderTime', () => {
  const remind = (from: string, deadline: string): string => reminderTime(at(from), at(deadline)).toISOString();
  const expected = (iso: string): string => at(iso).toISOString();

  it('halves the business time across a weekend', () => {
    // Offered Fri 5 Jun 2026 17:00, 1 business day → deadline Mon 8 Jun 17:15. Business time: Fri 7 h + Mon 17 h 15 min
    // = 24 h 15 min; half = 12 h 7 min 30 s: 7 h on Friday, then Mon 00:00 + 5 h 7 min 30 s = Mon 05:07:30.
    // (Half of the wall-clock time would be Sun 05:07:30.)
    expect(remind('2026-06-05T17:00:00+09:00', '2026-06-08T17:15:00+09:00')).toBe(expected('2026-06-08T05:07:30+09:00'));
  });

  it('for 3 business days from a Friday', () => {
    // Fri 5 Jun 10:00 → Wed 10 Jun 17:15: 79 h 15 min; half = 39 h 37 min 30 s: Fri 14 h (25 h 37 min 30 s left),
    // Mon 24 h (1 h 37 min 30 s left) → Tue 9 Jun 01:37:30.
    expect(remind('2026-06-05T10:00:00+09:00', '2026-06-10T17:15:00+09:00')).toBe(expected('2026-06-09T01:37:30+09:00'));
  });

  it('across Golden Week', () => {
    // Thu 30 Apr 2026 10:00 → Fri 8 May 17:15: Apr 30 14 h + May 1 24 h + May 7 24 h + May 8 17 h 15 min = 79 h 15 min;
    // half 39 h 37 min 30 s: Apr 30 14 h, May 1 24 h, then Thu 7 May 01:37:30.
    expect(remind('2026-04-30T10:00:00+09:00', '2026-05-08T17:15:00+09:00')).toBe(expected('2026-05-07T01:37:30+09:00'));
  });

  it('within one day it is the plain midpoint, rounded down to the millisecond', () => {
    // Tue 9 Jun 09:00 → 17:00: 13:00. 3 ms → 1 ms.
    expect(remind('2026-06-09T09:00:00+09:00', '2026-06-09T17:00:00+09:00')).toBe(expected('2026-06-09T13:00:00+09:00'));
    expect(remind('2026-06-09T09:00:00.000+09:00', '2026-06-09T09:00:00.003+09:00')).toBe(expected('2026-06-09T09:00:00.001+09:00'));
  });

  it('rejects a deadline before the offer', () => {
    expect(() => reminderTime(at('2026-06-09T09:00:00+09:00'), at('2026-06-08T09:00:00+09:00'))).toThrow(RangeError);
  });
});

describe('purity', () => {
  it('no function mutates its Date arguments or returns one of them', () => {
    const from = at('2026-06-05T10:00:00+09:00');
    const to = at('2026-06-10T17:15:00+09:00');
    const fromTime = from.getTime();
    const toTime = to.getTime();
    const results: unknown[] = [
      isBusinessDay(from),
      holidayName(from),
      toJstDateString(from),
      nextBusinessDay(from),
      previousBusinessDay(from),
      addBusinessDays(from, 3),
      businessDaysBetween(from, to),
      businessMillisecondsBetween(from, to),
      addBusinessMilliseconds(from, 0),
      addBusinessMilliseconds(from, HOUR),
      addBusinessMilliseconds(from, -HOUR),
      reminderTime(from, to),
      reminderTime(from, from),
    ];
    expect(from.getTime()).toBe(fromTime);
    expect(to.getTime()).toBe(toTime);
    for (const result of results) {
      expect(result).not.toBe(from);
      expect(result).not.toBe(to);
    }
  });

  it('the same input gives the same output', () => {
    const a = addBusinessDays(at('2026-12-26T10:00:00+09:00'), 3).toISOString();
    const b = addBusinessDays(at('2026-12-26T10:00:00+09:00'), 3).toISOString();
    expect(a).toBe(b);
  });
});
