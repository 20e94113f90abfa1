// The security headers of every response of the api (GraphQL, /health, errors and 404s, the GraphQL IDE and its
// assets, and the web console to come), in one place; docs/SECURITY.md "HTTP surface" explains each choice.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * Nothing loads from another origin (closed city networks, LGWAN), nothing runs that is not a file of ours: no inline
 * script, no eval, no plugins, no framing. `data:` only for images and fonts (GraphiQL's fonts are inlined in its CSS).
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/** One year; sent only on HTTPS requests (see strictTransportSecurityWhenSecure). */
export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Installs the headers first, so every later middleware, route and error handler answers with them. */
export function applySecurityHeaders(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(strictTransportSecurityWhenSecure);
}

export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    // No Referer leaves a page of ours: its URL may name a referral, and no other origin needs to know it.
    referrerPolicy: { policy: 'no-referrer' },
    // For browsers that predate frame-ancestors.
    xFrameOptions: { action: 'deny' },
    // Decided per request below, not by helmet.
    strictTransportSecurity: false,
    // helmet's defaults for the rest: nosniff, Cross-Origin-Opener-Policy and -Resource-Policy same-origin,
    // Origin-Agent-Cluster, X-DNS-Prefetch-Control off, X-Permitted-Cross-Domain-Policies none, X-XSS-Protection 0,
    // and no X-Powered-By.
  });
}

/**
 * HSTS only on a request that came over HTTPS (directly, or through a trusted proxy saying so: TSUNAGU_TRUST_PROXY):
 * browsers ignore it over plain HTTP anyway, and plain-HTTP installations (a closed network, localhost in development)
 * must not be told otherwise. No includeSubDomains: the city's other hosts are not ours to pin.
 */
export function strictTransportSecurityWhenSecure(req: Request, res: Response, next: NextFunction): void {
  if (req.secure) res.setHeader('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
  next();
}
