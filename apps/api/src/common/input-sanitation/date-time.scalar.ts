import { GraphQLScalarType, Kind } from 'graphql';

/**
 * A DateTime input the scalar could not take, carried to the validation pipe instead of thrown. graphql-js reports a
 * scalar's own error only as "Variable $x got invalid value ..." (no field name; a literal's even as a validation
 * failure), whereas the pipe refuses it as BAD_USER_INPUT naming the field (`consent.obtainedAt`), like every other bad
 * input, and the audit log records the refusal. Every resolver argument passes the pipe, so no refused value reaches a
 * resolver.
 */
export class RefusedInstant {
  constructor(readonly message: string) {}
}

// ISO 8601 / RFC 3339 with a four-digit year and a time zone: 2026-11-20T10:00:00+09:00, 2026-11-20T01:00:00.000Z.
// Seconds and fractions are optional; fractions beyond milliseconds are cut (JavaScript's precision).
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

// Years 0001 to 9999: what both PostgreSQL's timestamptz and JavaScript's Date hold, and what Date.toISOString()
// writes without a sign (node-postgres sends dates that way; PostgreSQL cannot read "+275760-..." or "-000001-...").
export const EARLIEST_INSTANT = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('9999-12-31T23:59:59.999Z');

const FORMAT = 'must be a date and time with a time zone, such as 2026-11-20T10:00:00+09:00 or 2026-11-20T01:00:00Z';

/** The instant an input names, or why it is refused: only an ISO 8601 string with a time zone, years 0001 to 9999. */
export function parseInstant(value: unknown): Date | RefusedInstant {
  if (typeof value !== 'string') {
    return new RefusedInstant(`${FORMAT}, given as a string, not as ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}`);
  }
  const parts = ISO_INSTANT.exec(value);
  if (!parts) return new RefusedInstant(FORMAT);
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes] = parts;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  const local = new Date(0);
  local.setUTCFullYear(y, mo - 1, d); // setUTCFullYear, unlike Date.UTC, does not read years 0..99 as 1900..1999
  local.setUTCHours(h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  const exists = local.getUTCFullYear() === y && local.getUTCMonth() === mo - 1 && local.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  if (!exists || y === 0 || (!zulu && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59))) {
    return new RefusedInstant(`${FORMAT}; the date, time or zone given does not exist`);
  }
  const instant = new Date(local.getTime() - offset * 60_000);
  if (instant < EARLIEST_INSTANT || instant > LATEST_INSTANT) {
    return new RefusedInstant('must be between the years 0001 and 9999 (UTC)');
  }
  return instant;
}

/**
 * The `DateTime` scalar of the schema, replacing @nestjs/graphql's GraphQLISODateTime (same name and description, so
 * the schema is unchanged; output is the same toISOString()), which took anything `new Date()` reads: numbers, dates
 * without a zone (read in the server's zone), years -1 and +275760 that PostgreSQL cannot store.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize(value: unknown) {
    return value instanceof Date ? value.toISOString() : null;
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    // A literal in the document: only a string can be an instant; the others say what was given instead.
    if (ast.kind === Kind.STRING) return parseInstant(ast.value);
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseInstant(Number(ast.value));
    if (ast.kind === Kind.BOOLEAN) return parseInstant(ast.value);
    return parseInstant(ast.kind === Kind.LIST ? [] : {});
  },
});
