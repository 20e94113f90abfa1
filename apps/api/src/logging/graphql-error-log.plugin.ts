import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { errorForLog } from '@tsunagu/persistence';
import { errorCodeOf } from '../audit/audit-details';
import { codeForClient } from '../common/format-error';
import type { RequestContext } from '../common/request-context';

/** The part of a pino logger this plugin needs (PinoLogger from nestjs-pino in the api). */
export interface ErrorLogger {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * Logs each GraphQL error once, at the level the code the client gets deserves: a client error (any code but
 * INTERNAL_SERVER_ERROR: a refusal, bad input, a document that does not parse) is one `info` line with the code, the
 * operation, the field path and the named input fields, never its message (it may quote what the caller typed) and no
 * stack; an internal error is an `error` line with class, message and stack (errorForLog: never the error object,
 * which may carry a query's parameters). Every line carries the request id (`requestId`), bound by the logger.
 *
 * This is the only place GraphQL errors are logged: the exception filter (quiet-graphql-exceptions.filter.ts) keeps
 * Nest from logging every thrown client error as an ERROR with a stack, and formatError no longer logs.
 */
export function createGraphqlErrorLogPlugin(log: ErrorLogger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, operation }) {
          try {
            // The request id is on the line already: the logger is the request's (nestjs-pino binds it while it runs).
            for (const error of errors) logError(log, error, { operationName: operationName ?? null, operationType: operation?.operation ?? null });
          } catch {
            // A log line must never turn an answer into a failure.
          }
        },
      };
    },
  };
}

function logError(log: ErrorLogger, error: GraphQLError, request: { operationName: string | null; operationType: string | null }): void {
  const code = clientCodeOf(error);
  const fields = {
    ...request,
    operationName: request.operationName?.slice(0, 100) ?? null,
    code,
    path: error.path?.join('.') ?? null,
  };
  if (code !== 'INTERNAL_SERVER_ERROR') {
    const named = error.extensions?.fields;
    log.info(Array.isArray(named) ? { ...fields, fields: named.slice(0, 20) } : fields, 'client error');
    return;
  }
  log.error({ ...fields, error: errorForLog(error.originalError ?? error) }, 'internal error');
}

/** The code the client gets: the error's own (after formatError's rules), or a Nest HTTP exception's, else internal. */
export function clientCodeOf(error: GraphQLError): string {
  if (error.extensions?.code) return codeForClient(error);
  return codeForClient({ extensions: { code: errorCodeOf(error.originalError) } });
}
