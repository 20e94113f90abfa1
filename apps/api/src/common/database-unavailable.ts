import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';

// PostgreSQL down or restarting answers as UNAVAILABLE (retryable), not as a masked INTERNAL_SERVER_ERROR: a client must
// be able to tell "send it again" from "report it" (docs/RELIABILITY.md). Found by the fault suite (test/faults).

/** SQLSTATEs of a server that is shutting down, crashed or still starting, and of a connection that failed (class 08). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** Node's socket errors on the way to PostgreSQL. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** node-postgres says these without a code. */
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /Client has encountered a connection error/, /^timeout exceeded when trying to connect/];

/**
 * Whether an error, or one it wraps (GraphQLError.originalError, TypeORM's driverError, `cause`, an AggregateError's
 * errors), says that PostgreSQL could not be reached or dropped the connection, as opposed to refusing a statement.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e) || depth > 8) return false;
    seen.add(e);
    const { code, message, originalError, driverError, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      originalError?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    const inner = [originalError, driverError, cause, ...(Array.isArray(errors) ? errors : [])];
    return inner.some((i) => visit(i, depth + 1));
  };
  return visit(error, 0);
}

/** UNAVAILABLE for the caller, as for Temporal (temporal-unavailable.ts): retryable, and what a retry does. */
export function databaseUnavailable(): GraphQLError {
  return new GraphQLError(
    'The database is unavailable. The change may still happen: sending the same request again (the same clientRequestId, ' +
      'the same answer) is safe and answers with the result.',
    { extensions: { code: ErrorCode.UNAVAILABLE, retryable: true } },
  );
}
