// The cursor of the lists ordered newest first by (created_at, id): referrals and regional issues.
import { decodeKeyCursor, encodeKeyCursor, isoInstantPart, uuidPart } from './key-cursor';

/** [createdAt as an ISO instant, id]. */
export function encodeCreatedAtCursor(row: { createdAt: Date; id: string }): string {
  return encodeKeyCursor([row.createdAt.toISOString(), row.id]);
}

/** Exactly what encodeCreatedAtCursor writes: an ISO instant that round-trips, and a UUID. */
export function decodeCreatedAtCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = decodeKeyCursor(cursor, [isoInstantPart, uuidPart]);
  return { createdAt, id };
}
