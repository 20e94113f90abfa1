import { businessDaysBetween } from '@tsunagu/domain';
import { businessCalendarDays } from './business-calendar-days';

describe('businessCalendarDays', () => {
  it('counts business days as businessDaysBetween does: through(b) − through(a)', () => {
    const days = businessCalendarDays(2025, 2027);
    const through = new Map(days.map((d) => [d.day, d.businessDaysThrough]));
    const at = (day: string) => new Date(`${day}T09:00:00+09:00`);
    // Every pair a week apart and a few long spans, year-end closures and holidays included.
    for (let i = 0; i + 7 < days.length; i += 3) {
      const [a, b] = [days[i].day, days[i + 7].day];
      expect(through.get(b)! - through.get(a)!).toBe(businessDaysBetween(at(a), at(b)));
    }
    expect(through.get('2027-01-04')! - through.get('2026-12-28')!).toBe(businessDaysBetween(at('2026-12-28'), at('2027-01-04')));
    expect(through.get('2027-12-31')! - through.get('2025-01-01')!).toBe(businessDaysBetween(at('2025-01-01'), at('2027-12-31')));
    expect(days[0].day).toBe('2025-01-01');
    expect(days.at(-1)!.day).toBe('2027-12-31');
  });
});
