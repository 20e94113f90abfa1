import { businessDaysLeft } from './referral-deadlines';

// Referral.businessDaysLeft (docs/API.md): business days of the city hall from today (JST) to the deadline's day.
// 2026-12-07 is a Monday; 2026-12-29 .. 2027-01-03 the city hall is closed for the new year.

const at = (jst: string) => new Date(jst);

describe('businessDaysLeft', () => {
  it('counts the business days after today up to the deadline day', () => {
    expect(businessDaysLeft(at('2026-12-07T10:00:00+09:00'), at('2026-12-09T17:15:00+09:00'))).toBe(2);
  });

  it('skips the weekend', () => {
    expect(businessDaysLeft(at('2026-12-11T16:00:00+09:00'), at('2026-12-14T17:15:00+09:00'))).toBe(1);
  });

  it('skips the new-year closing', () => {
    expect(businessDaysLeft(at('2026-12-28T09:00:00+09:00'), at('2027-01-04T17:15:00+09:00'))).toBe(1);
  });

  it('is 0 on the deadline day, before and after the time', () => {
    expect(businessDaysLeft(at('2026-12-09T09:00:00+09:00'), at('2026-12-09T17:15:00+09:00'))).toBe(0);
    expect(businessDaysLeft(at('2026-12-09T18:00:00+09:00'), at('2026-12-09T17:15:00+09:00'))).toBe(0);
  });

  it('is negative once an earlier business day has passed', () => {
    expect(businessDaysLeft(at('2026-12-10T09:00:00+09:00'), at('2026-12-08T17:15:00+09:00'))).toBe(-2);
  });
});
