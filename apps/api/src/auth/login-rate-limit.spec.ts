import { clientAddressKey, decideLoginAttempt } from './login-rate-limit';

const now = new Date('2026-12-01T10:00:00.000Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const WINDOW = 900;

describe('decideLoginAttempt', () => {
  it('allows an attempt below every limit', () => {
    expect(decideLoginAttempt(now, WINDOW, [])).toEqual({ allowed: true });
    expect(decideLoginAttempt(now, WINDOW, [{ limit: 5, failures: [10, 20, 30, 40].map(secondsAgo) }])).toEqual({ allowed: true });
  });

  it('refuses the attempt after `limit` failures in the window, until the oldest one that counts leaves it', () => {
    const failures = [10, 20, 30, 40, 50].map(secondsAgo);
    // The 5th newest failure was 50 s ago: in 850 s it is out of the window and only 4 remain.
    expect(decideLoginAttempt(now, WINDOW, [{ limit: 5, failures }])).toEqual({ allowed: false, retryAfterSeconds: 850 });
  });

  it('counts only failures within the window (a sliding window, not fixed buckets)', () => {
    const failures = [10, 20, 30, 40, 900, 1000].map(secondsAgo);
    expect(decideLoginAttempt(now, WINDOW, [{ limit: 5, failures }])).toEqual({ allowed: true });
    expect(decideLoginAttempt(now, WINDOW, [{ limit: 5, failures: [10, 20, 30, 40, 899].map(secondsAgo) }])).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('waits for the limit-th newest failure when more than `limit` are in the window, whatever their order', () => {
    const failures = [300, 5, 100, 200, 400, 500, 600].map(secondsAgo);
    // Newest first: 5, 100, 200, 300, 400 (the 5th), 500, 600. With 400 gone, 4 remain.
    expect(decideLoginAttempt(now, WINDOW, [{ limit: 5, failures }])).toEqual({ allowed: false, retryAfterSeconds: 500 });
  });

  it('refuses when any count is over its limit, and waits for the longest', () => {
    const account = { limit: 5, failures: [1, 2, 3, 4, 5].map(secondsAgo) };
    const address = { limit: 3, failures: [100, 200, 300].map(secondsAgo) };
    const fresh = { limit: 20, failures: [] };
    expect(decideLoginAttempt(now, WINDOW, [fresh, address])).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(decideLoginAttempt(now, WINDOW, [account, address, fresh])).toEqual({ allowed: false, retryAfterSeconds: 895 });
  });

  it('never tells a blocked caller to retry in 0 seconds', () => {
    const failures = [new Date(now.getTime() - WINDOW * 1000 + 1)];
    expect(decideLoginAttempt(now, WINDOW, [{ limit: 1, failures }])).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('ignores failures stamped after now (clock skew between servers)', () => {
    expect(decideLoginAttempt(now, WINDOW, [{ limit: 1, failures: [new Date(now.getTime() + 5000)] }])).toEqual({ allowed: true });
  });
});

describe('clientAddressKey', () => {
  it('keeps an IPv4 address, also written IPv4-mapped', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('groups IPv6 addresses by their /64 network', () => {
    expect(clientAddressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:DB8:0001:0002:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddressKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('counts an unknown address under one key', () => {
    expect(clientAddressKey(undefined)).toBe('unknown');
    expect(clientAddressKey('')).toBe('unknown');
    expect(clientAddressKey('not-an-ip')).toBe('not-an-ip');
  });
});
