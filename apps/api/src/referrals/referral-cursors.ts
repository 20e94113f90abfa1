// The cursor of `referrals(orderBy: URGENCY)`: the row's place in (urgency, deadline, created, id). The NEWEST order
// keeps the created-at cursor shared with regional issues (common/pagination/created-at-cursor.ts).
import { decodeKeyCursor, encodeKeyCursor, isoInstantPart, uuidPart } from '../common/pagination/key-cursor';

const urgencyPart = (value: string) => /^[1-9]$/.test(value);
const dueAtPart = (value: string) => value === '' || isoInstantPart(value);

export interface UrgencyKey {
  urgency: number;
  /** The running deadline; null when none runs (sorted last). */
  dueAt: string | null;
  createdAt: string;
  id: string;
}

export function encodeUrgencyCursor(row: { urgency: number; responseDueAt: Date | null; createdAt: Date; id: string }): string {
  return encodeKeyCursor([String(row.urgency), row.responseDueAt?.toISOString() ?? '', row.createdAt.toISOString(), row.id]);
}

export function decodeUrgencyCursor(cursor: string): UrgencyKey {
  const [urgency, dueAt, createdAt, id] = decodeKeyCursor(cursor, [urgencyPart, dueAtPart, isoInstantPart, uuidPart]);
  return { urgency: Number(urgency), dueAt: dueAt || null, createdAt, id };
}
