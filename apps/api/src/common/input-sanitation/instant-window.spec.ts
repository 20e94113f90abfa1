import { validateSync } from 'class-validator';
import { BUSINESS_WINDOW, CONSENT_WINDOW, DayWithin, dayWindowProblem, InstantWithin, instantWindowProblem } from './instant-window';

const at = (iso: string) => new Date(iso);

describe('instant windows', () => {
  it('business dates: days 2000-01-01 to 2100-12-31, Japan time', () => {
    expect(instantWindowProblem(at('2000-01-01T00:00:00+09:00'), BUSINESS_WINDOW)).toBeNull();
    expect(instantWindowProblem(at('1999-12-31T23:59:59+09:00'), BUSINESS_WINDOW)).toMatch(/before 2000-01-01/);
    expect(instantWindowProblem(at('2100-12-31T23:59:59.999+09:00'), BUSINESS_WINDOW)).toBeNull();
    expect(instantWindowProblem(at('2101-01-01T00:00:00+09:00'), BUSINESS_WINDOW)).toMatch(/after 2100-12-31/);
    expect(dayWindowProblem('2100-12-31', BUSINESS_WINDOW)).toBeNull();
    expect(dayWindowProblem('2101-01-01', BUSINESS_WINDOW)).toMatch(/after 2100-12-31/);
    expect(dayWindowProblem('1999-12-31', BUSINESS_WINDOW)).toMatch(/before 2000-01-01/);
  });

  it('consent: from 1900, never in the future (5 minutes of clock skew allowed)', () => {
    expect(instantWindowProblem(at('1900-01-01T00:00:00+09:00'), CONSENT_WINDOW)).toBeNull();
    expect(instantWindowProblem(at('1899-12-31T23:00:00+09:00'), CONSENT_WINDOW)).toMatch(/before 1900-01-01/);
    expect(instantWindowProblem(new Date(Date.now() + 60_000), CONSENT_WINDOW)).toBeNull();
    expect(instantWindowProblem(new Date(Date.now() + 10 * 60_000), CONSENT_WINDOW)).toBe('must not be in the future');
  });

  it('as class-validator rules, named after the field; other values are left to the format rules', () => {
    class Example {
      @InstantWithin(BUSINESS_WINDOW)
      heldAt?: unknown;

      @DayWithin(BUSINESS_WINDOW)
      dueOn?: unknown;
    }
    const problems = (values: Partial<Example>) =>
      validateSync(Object.assign(new Example(), values)).flatMap((e) => Object.values(e.constraints ?? {}));
    expect(problems({ heldAt: at('2027-01-20T05:00:00Z'), dueOn: '2027-03-31' })).toEqual([]);
    expect(problems({ heldAt: at('1970-01-01T00:00:00Z'), dueOn: '2200-01-01' })).toEqual([
      'heldAt must not be before 2000-01-01 (Japan time)',
      'dueOn must not be after 2100-12-31 (Japan time)',
    ]);
    expect(problems({ heldAt: 'x', dueOn: '2027/03/31' })).toEqual([]);
  });
});
