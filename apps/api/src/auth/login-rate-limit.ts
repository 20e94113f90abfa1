// Login rate limiting, the pure part: whether an attempt may go ahead given the recent failures, and how client
// addresses are grouped. The failures themselves are stored in PostgreSQL (LoginThrottle), shared by every api process.
import { isIP } from 'node:net';

export interface FailureCount {
  limit: number;
  /** Times of the failures that count, newest first (at least the newest `limit` of them). */
  failures: readonly Date[];
}

export type LoginDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * An attempt is refused while any count has `limit` failures or more within the window ending `now`. It may go ahead
 * again when enough of them have left the window: the `limit`-th newest failure's time plus the window.
 */
export function decideLoginAttempt(now: Date, windowSeconds: number, counts: readonly FailureCount[]): LoginDecision {
  const windowStart = now.getTime() - windowSeconds * 1000;
  let retryAt = 0;
  for (const { limit, failures } of counts) {
    const recent = failures
      .map((at) => at.getTime())
      .filter((at) => at > windowStart && at <= now.getTime())
      .sort((a, b) => b - a);
    if (recent.length >= limit) retryAt = Math.max(retryAt, recent[limit - 1] + windowSeconds * 1000);
  }
  if (retryAt === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

/**
 * The key failures are counted under for a client address: an IPv4 address as is (also when written IPv4-mapped,
 * ::ffff:192.0.2.1), an IPv6 address as its /64 network, since one subscriber usually holds a whole /64 and could
 * otherwise take a fresh address for every attempt. Anything else (no address known) is counted as itself.
 */
export function clientAddressKey(address: string | undefined | null): string {
  const raw = (address ?? '').trim().replace(/%.*$/, '');
  if (!raw) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(raw) === 4) return raw;
  if (isIP(raw) !== 6) return raw.slice(0, 100);
  const groups = expandIpv6(raw);
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with :: and a trailing dotted quad allowed). */
function expandIpv6(address: string): number[] {
  let text = address.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  const zeros = tail === undefined ? [] : new Array(8 - front.length - back.length).fill(0);
  return [...front, ...zeros, ...back];
}
