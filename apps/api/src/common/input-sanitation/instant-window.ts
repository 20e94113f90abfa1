// The sane window of each date-like input field (docs/API.md, "Bad input"): one rule for every field, a window per kind
// of field. The DateTime scalar already keeps instants to what PostgreSQL stores (years 0001 to 9999); a window is what
// the domain can mean. Pure: unit-tested.
import { ValidateBy, ValidationOptions } from 'class-validator';

export interface InstantWindow {
  /** Earliest allowed instant (inclusive). */
  from: Date;
  /** Latest allowed instant (inclusive), read when checking (so "now" is now). */
  until: () => Date;
  /** How a field names the window in a problem: "must be from ... until ...". */
  tooEarly: string;
  tooLate: string;
}

const JST_DAY_START = (day: string) => new Date(`${day}T00:00:00+09:00`);

/**
 * Dates in the city's business: meetings, follow-up due days, periods and filters. Days 2000-01-01 to 2100-12-31,
 * Japan time (the system went live in 2026; a century covers any plan).
 */
export const BUSINESS_WINDOW: InstantWindow = {
  from: JST_DAY_START('2000-01-01'),
  until: () => new Date(JST_DAY_START('2101-01-01').getTime() - 1),
  tooEarly: 'must not be before 2000-01-01 (Japan time)',
  tooLate: 'must not be after 2100-12-31 (Japan time)',
};

/** Clocks of the forms that send it may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** When a consent was obtained: a paper consent may be decades old, never from the future. */
export const CONSENT_WINDOW: InstantWindow = {
  from: JST_DAY_START('1900-01-01'),
  until: () => new Date(Date.now() + CLOCK_SKEW_MS),
  tooEarly: 'must not be before 1900-01-01',
  tooLate: 'must not be in the future',
};

/** Why an instant is outside the window, or null. */
export function instantWindowProblem(instant: Date, window: InstantWindow): string | null {
  if (instant.getTime() < window.from.getTime()) return window.tooEarly;
  if (instant.getTime() > window.until().getTime()) return window.tooLate;
  return null;
}

/** A day written YYYY-MM-DD (a real day; see isCalendarDate) is within the window, taken as that day in Japan time. */
export function dayWindowProblem(day: string, window: InstantWindow): string | null {
  return instantWindowProblem(JST_DAY_START(day), window);
}

/** On a DateTime field: within the window (absent and null are left to @IsOptional). */
export function InstantWithin(window: InstantWindow, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'instantWithin',
      validator: {
        validate: (value) => !(value instanceof Date) || Number.isNaN(value.getTime()) || instantWindowProblem(value, window) === null,
        defaultMessage: (args) => {
          const value = args?.value;
          return `${args?.property ?? 'value'} ${value instanceof Date ? instantWindowProblem(value, window) : 'is outside its window'}`;
        },
      },
    },
    options,
  );
}

/** On a YYYY-MM-DD field: within the window (its format is @IsCalendarDate's to check). */
export function DayWithin(window: InstantWindow, options?: ValidationOptions): PropertyDecorator {
  const wellFormed = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return ValidateBy(
    {
      name: 'dayWithin',
      validator: {
        validate: (value) => !wellFormed(value) || Number.isNaN(JST_DAY_START(value).getTime()) || dayWindowProblem(value, window) === null,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} ${wellFormed(args?.value) ? dayWindowProblem(args.value, window) : 'is outside its window'}`,
      },
    },
    options,
  );
}
