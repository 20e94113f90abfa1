import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';
import { errorForLog } from '@tsunagu/persistence';
import { withoutSuggestions } from './graphql-hardening/field-suggestions';
import { tokenLimitMessage, tokenLimitOf } from './graphql-hardening/max-tokens';

const CLIENT_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
  ErrorCode.MOVE_NOT_RECORDED,
  // Apollo's own codes for malformed documents
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Client errors pass through with their code; anything else is an internal error whose details stay in the log.
 * Outside development no stack trace leaves the server. With `hideSuggestions` (production) no message ends with
 * graphql-js's "Did you mean ...?" guesses at schema names. A document over a limit is BAD_USER_INPUT naming it.
 */
export function formatError(development: boolean, { hideSuggestions = false }: { hideSuggestions?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    formatted = asLimitError(formatted);
    if (hideSuggestions) formatted = { ...formatted, message: withoutSuggestions(formatted.message) };
    const code = String(formatted.extensions?.code ?? '');
    if (CLIENT_CODES.has(code)) {
      formatted = withVariableFields(formatted);
      if (development) return formatted;
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Class, message and stack only (errorForLog): never the error object, which may carry a query's parameters or a
    // workflow's payloads. GraphQL variables are not part of a GraphQLError, so they never reach this line.
    console.error(`api: internal error: ${errorForLog((error as { originalError?: unknown })?.originalError ?? error)}`);
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: development ? { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } : { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
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
