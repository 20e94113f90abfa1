// Field rules shared by the policy track's inputs (docs/API-TOUR.md, "The policy track"): text lengths and the due-day format.
import { IsString, Length, Matches, ValidateBy, ValidationOptions } from 'class-validator';

export const TITLE_MAX = 200;
export const TEXT_MAX = 10_000;
export const REASON_MAX = 2_000;

/** A required text of min..max characters that is not only spaces. */
export function RequiredText(max: number, name: string): PropertyDecorator {
  const rules = [IsString(), Length(1, max), Matches(/\S/, { message: `${name} must not be blank` })];
  return (target, property) => rules.forEach((rule) => rule(target, property));
}

/** YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: isCalendarDate, defaultMessage: (args) => `${args?.property ?? 'value'} must be a day written YYYY-MM-DD` },
    },
    options,
  );
}
