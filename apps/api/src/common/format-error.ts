import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';
import { withoutSuggestions } from './graphql-hardening/field-suggestions';
import { tokenLimitMessage, tokenLimitOf } from './graphql-hardening/max-tokens';
import { withMessageJa } from './error-messages-ja';
import { databaseUnavailable, isDatabaseUnavailable } from './database-unavailable';

const CLIENT_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
  ErrorCode.UNAVAILABLE, // with extensions.retryable (common/temporal-calls.ts)
  ErrorCode.MOVE_NOT_RECORDED, // with extensions.reason (common/workflow-errors.ts)
  // Apollo's own codes for malformed documents
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Whether the client is told this code (a client error), or the error is masked as INTERNAL_SERVER_ERROR. */
export function isClientCode(code: unknown): boolean {
  return typeof code === 'string' && CLIENT_CODES.has(code);
}

/**
 * Client errors pass through with their code; PostgreSQL unreachable is UNAVAILABLE (retryable); anything else is an internal error, masked to INTERNAL_SERVER_ERROR and
 * a fixed message. In every mode: no stack trace leaves the server (server paths), nor an internal error's message or
 * extensions (SQL, payloads); the GraphQL error plugin (logging/graphql-error-log.plugin.ts) logs them. With
 * `hideSuggestions` (production) no message ends with graphql-js's "Did you mean ...?" guesses at schema names. A
 * document over a limit is BAD_USER_INPUT naming it. Every error gets its Japanese message, extensions.messageJa
 * (error-messages-ja.ts).
 */
export function formatError({ hideSuggestions = false }: { hideSuggestions?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    formatted = asLimitError(formatted);
    if (hideSuggestions) formatted = { ...formatted, message: withoutSuggestions(formatted.message) };
    if (isClientCode(formatted.extensions?.code)) {
      formatted = withVariableFields(formatted);
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return withMessageJa({ ...formatted, extensions });
    }
    // PostgreSQL unreachable is not a bug: the client is told to retry (database-unavailable.ts).
    if (isDatabaseUnavailable(error)) {
      const unavailable = databaseUnavailable();
      return withMessageJa({
        message: unavailable.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: unavailable.extensions,
      });
    }
    return withMessageJa({
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  };
}

/**
 * The code the client gets for an error (after formatError): its own client code, a limit's BAD_USER_INPUT, or
 * INTERNAL_SERVER_ERROR. For logging each error at the level it deserves.
 */
export function codeForClient(error: { extensions?: Record<string, unknown> | null }): string {
  const formatted = asLimitError({ message: '', extensions: error.extensions ?? undefined });
  return isClientCode(formatted.extensions?.code) ? String(formatted.extensions!.code) : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Apollo reports a variable that does not fit its type (an unknown enum value, say) as BAD_USER_INPUT without naming
 * the field; name it from the message, as our own BAD_USER_INPUT errors do: `Variable "$input" ... at "input.category"`.
 */
function withVariableFields(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== ErrorCode.BAD_USER_INPUT || formatted.extensions.fields) return formatted;
  const at = /at "([^"]+)"/.exec(formatted.message)?.[1];
  const variable = /^Variable "\$([^"]+)"/.exec(formatted.message)?.[1];
  const field = at ?? variable;
  return field ? { ...formatted, extensions: { ...formatted.extensions, fields: [field] } } : formatted;
}

/**
 * The limits' errors as API.md's BAD_USER_INPUT: graphql-js's token limit arrives as a syntax error
 * (GRAPHQL_PARSE_FAILED), and Apollo files the depth and alias rules' errors under GRAPHQL_VALIDATION_FAILED; both
 * keep the limit in `extensions.limit` (graphql-hardening/limit-error.ts).
 */
function asLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED') {
    const max = tokenLimitOf(formatted.message);
    if (max === null) return formatted;
    return {
      message: tokenLimitMessage(max),
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields: ['query'], limit: 'tokens', max },
    };
  }
  if (formatted.extensions?.limit && code !== ErrorCode.BAD_USER_INPUT) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  return formatted;
}
