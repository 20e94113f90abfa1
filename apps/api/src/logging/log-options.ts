// How the api logs (pino through nestjs-pino): one JSON object per line on stdout, which the dev stack and the e2e
// suite capture into api.log. Pure options, so they are unit-tested without Nest.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Options } from 'pino-http';
import { requestIdFor } from './request-id';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Never logged, whoever logs a request or a response: credentials and cookies. The serializers below already keep
 * headers out; this is the second lock for a line that logs `req` or `headers` some other way.
 */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  'authorization',
  'cookie',
];

/** The api's root logger. */
export function createApiLogger(destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    base: { service: 'api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The path without its query string: a GET /graphql carries the document and its variables there. */
export function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0].slice(0, 200);
}

/**
 * pino-http's options: a request id per request (requestIdFor), sent back as X-Request-Id and bound to every line
 * logged while the request runs (`requestId`); one `request completed` line per request with method, path, status
 * and time, never headers, query strings or bodies. Errors are logged by the GraphQL error plugin, not here.
 */
export function httpLogOptions(logger: Logger): Options<IncomingMessage, ServerResponse> {
  return {
    logger,
    genReqId: (req, res) => {
      const id = requestIdFor(req.headers[REQUEST_ID_HEADER]);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Lines logged during a request carry only the id, not the whole request.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: { type?: string; message?: string }) => ({ type: err?.type, message: err?.message }),
    },
    // A health probe every few seconds is not worth a line each.
    autoLogging: { ignore: (req) => pathOf(req.url).startsWith('/health') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // The error of a failed response is logged where it is understood (the GraphQL error plugin, the HTTP error
    // handler): here only the status.
    customErrorMessage: () => 'request completed',
    customErrorObject: (_req, _res, _error, value) => ({ ...value, err: undefined }),
  };
}

interface LevelLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Apollo Server's own messages (a failure it caught in a plugin, a cache warning) through the api's logger, so they are
 * JSON lines with the request id too instead of console text.
 */
export function apolloLogger(log: LevelLogger): LevelLogger {
  const text = (message: unknown) => (message instanceof Error ? (message.stack ?? `${message.name}: ${message.message}`) : String(message));
  return {
    debug: (message) => log.debug(`apollo: ${text(message)}`),
    info: (message) => log.info(`apollo: ${text(message)}`),
    warn: (message) => log.warn(`apollo: ${text(message)}`),
    error: (message) => log.error(`apollo: ${text(message)}`),
  };
}
