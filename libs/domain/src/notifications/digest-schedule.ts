import { isBusinessDay, JST_OFFSET_MS, nextBusinessDay } from '../calendar';

/** The daily digest goes out at 08:30 JST on business days of the city calendar. */
export const DIGEST_TIME = Object.freeze({ hour: 8, minute: 30 });

const DAY_MS = 24 * 60 * 60 * 1000;
const DIGEST_MS = (DIGEST_TIME.hour * 60 + DIGEST_TIME.minute) * 60 * 1000;

/**
 * The digest a notification written at `at` goes into: 08:30 JST of the same day when that is a business day and it
 * is not yet 08:30, otherwise 08:30 JST of the next business day.
 */
export function nextDigestAt(at: Date): Date {
  const midnight = Math.floor((at.getTime() + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS;
  const today = midnight + DIGEST_MS;
  if (isBusinessDay(at) && at.getTime() < today) return new Date(today);
  return new Date(nextBusinessDay(at).getTime() + DIGEST_MS);
}
