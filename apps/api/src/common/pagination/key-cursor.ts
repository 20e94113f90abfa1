import type { GraphQLError } from 'graphql';
import { badUserInput } from '../graphql-errors';
import { EARLIEST_INSTANT, LATEST_INSTANT } from '../input-sanitation/date-time.scalar';
import { textFault } from '../input-sanitation/text-rules';

/**
 * Opaque keyset cursors: the sort key of a row (a tuple of strings) as base64url JSON, e.g. ["2025-01-02T03:04:05.678Z",
 * "<uuid>"]. Clients hold cursors between requests, so what encodeKeyCursor writes for a key must never change.
 */

/** Says whether one decoded part is a value the API writes in that place. */
export type CursorPart = (value: string) => boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A row id. */
export const uuidPart: CursorPart = (value) => UUID.test(value);

/**
 * An instant exactly as Date.toISOString() writes it: it must round-trip, so nothing JavaScript reads loosely passes;
 * and within years 0001 to 9999, which PostgreSQL reads ("+275760-..." round-trips but is no timestamp there).
 */
export const isoInstantPart: CursorPart = (value) => {
  const instant = new Date(value);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === value && instant >= EARLIEST_INSTANT && instant <= LATEST_INSTANT;
};

/** Any text of at most maxLength characters that PostgreSQL can store (no U+0000, no lone surrogate). */
export const textPart =
  (maxLength: number): CursorPart =>
  (value) =>
    value.length <= maxLength && (value === '' || textFault(value) === null);

export function encodeKeyCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key in a cursor, one string per part, each passing its check; anything else is BAD_USER_INPUT on `after`. Only the
 * first parts.length items are read (as the decoders before this one did).
 */
export function decodeKeyCursor<const P extends readonly CursorPart[]>(cursor: string, parts: P): { -readonly [I in keyof P]: string } {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && parts.every((isPart, i) => typeof key[i] === 'string' && isPart(key[i]))) {
      return key.slice(0, parts.length) as { -readonly [I in keyof P]: string };
    }
  } catch {
    // not base64url JSON: fall through
  }
  throw notACursor();
}

/** The answer to an `after` this API did not write, whatever the cursor's format. */
export function notACursor(): GraphQLError {
  return badUserInput([{ field: 'after', message: 'is not a cursor this API gave out' }]);
}
