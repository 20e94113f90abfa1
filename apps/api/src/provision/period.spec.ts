import { MAX_PERIOD_DAYS, periodProblems } from './period';

const at = (iso: string) => new Date(iso);

describe('periodProblems', () => {
  it('accepts a fiscal year in Japan time, leap year included', () => {
    expect(periodProblems(at('2027-04-01T00:00:00+09:00'), at('2028-04-01T00:00:00+09:00'))).toEqual([]);
    expect(periodProblems(at('2026-04-01T00:00:00+09:00'), at('2027-04-01T00:00:00+09:00'))).toEqual([]);
  });

  it('accepts a single millisecond', () => {
    expect(periodProblems(at('2026-04-01T00:00:00.000Z'), at('2026-04-01T00:00:00.001Z'))).toEqual([]);
  });

  it('refuses an empty or reversed period, naming to', () => {
    expect(periodProblems(at('2026-04-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))).toEqual([{ field: 'to', message: 'must be later than from' }]);
    expect(periodProblems(at('2026-05-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))).toEqual([{ field: 'to', message: 'must be later than from' }]);
  });

  it(`refuses more than ${MAX_PERIOD_DAYS} days`, () => {
    const from = at('2026-04-01T00:00:00Z');
    expect(periodProblems(from, new Date(from.getTime() + MAX_PERIOD_DAYS * 86_400_000))).toEqual([]);
    expect(periodProblems(from, new Date(from.getTime() + MAX_PERIOD_DAYS * 86_400_000 + 1))).toEqual([
      { field: 'to', message: `must be at most ${MAX_PERIOD_DAYS} days after from` },
    ]);
  });
});
