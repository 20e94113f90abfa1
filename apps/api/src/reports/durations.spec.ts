import { durationFigures, percentileCont } from './durations';

describe('percentileCont', () => {
  it('interpolates as PostgreSQL does', () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
  });
});

describe('durationFigures', () => {
  it('counts hours on the clock and business days of the city calendar', () => {
    // Fri 2026-12-25 10:00 JST to Mon 12-28 10:00 JST (1 business day, 72 h); to Mon 2027-01-04 (closure Dec 29 to Jan 3: 2).
    const from = new Date('2026-12-25T01:00:00Z');
    const figures = durationFigures([
      { from, to: new Date('2026-12-28T01:00:00Z') },
      { from, to: new Date('2027-01-04T01:00:00Z') },
    ]);
    expect(figures).toEqual({ medianHours: 156, p90Hours: 223.2, medianBusinessDays: 1.5, p90BusinessDays: 1.9 });
  });
});
