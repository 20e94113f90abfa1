// The browser console's session: the same signed token as the bearer one, in an httpOnly cookie that page scripts
// cannot read (docs/SECURITY.md "The console's session cookie"). Pure functions over Express's request and response.
import type { CookieOptions, Request, Response } from 'express';
import type { ApiConfig } from '../config/api-config';

export const SESSION_COOKIE = 'tsunagu_session';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** The token in the session cookie, or null. Only our cookie is read; a malformed header is no cookie. */
export function sessionTokenFromCookies(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}

/**
 * Secure on every request except plain HTTP to this machine during development or on loopback (browsers drop a Secure
 * cookie set over plain HTTP elsewhere, and a session must never travel unencrypted across a network: production
 * serves the console over HTTPS, directly or behind a proxy named in TSUNAGU_TRUST_PROXY).
 */
export function sessionCookieOptions(
  req: Pick<Request, 'secure' | 'hostname'>,
  config: Pick<ApiConfig, 'environment' | 'tokenTtlSeconds'>,
): CookieOptions {
  const plainHttpAllowed = !req.secure && (config.environment !== 'production' || LOOPBACK_HOSTS.has(req.hostname));
  return {
    httpOnly: true,
    secure: !plainHttpAllowed,
    // Never sent with a request another site starts (a form post, a link, an image): the first lock against CSRF.
    sameSite: 'strict',
    path: '/',
    maxAge: config.tokenTtlSeconds * 1000,
  };
}

export function setSessionCookie(req: Request, res: Response, token: string, config: Pick<ApiConfig, 'environment' | 'tokenTtlSeconds'>): void {
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, config));
}

export function clearSessionCookie(req: Request, res: Response, config: Pick<ApiConfig, 'environment' | 'tokenTtlSeconds'>): void {
  const { maxAge: _maxAge, ...options } = sessionCookieOptions(req, config);
  res.clearCookie(SESSION_COOKIE, options);
}
