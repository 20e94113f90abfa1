import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';

/** What an incoming X-Request-Id may look like to be kept: a proxy's or a client's id, never free text. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id of a request: the caller's `X-Request-Id` when it is sane (so a proxy's id joins its log to ours), otherwise a
 * new UUID. It goes back in the response's X-Request-Id, on every log line of the request and on its audit events.
 */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === 'string' && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** The id pino-http gave the request (`req.id`), for its audit events; null outside an HTTP request. */
export function requestIdOf(context: RequestContext | undefined): string | null {
  const id = (context?.req as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/**
 * Express middleware, mounted before the body parser: every response names its request in X-Request-Id, even one
 * refused before the request logger runs (a body that is no JSON, or too large). pino-http keeps the id it finds.
 */
export function assignRequestId(
  req: { id?: unknown; headers: Record<string, string | string[] | undefined> },
  res: { setHeader(name: string, value: string): unknown },
  next: () => void,
): void {
  if (typeof req.id !== 'string') req.id = requestIdFor(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', req.id as string);
  next();
}
