import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';

const CLIENT_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
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
 * Outside development no stack trace leaves the server.
 */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (CLIENT_CODES.has(code)) {
      formatted = withVariableFields(formatted);
      if (development) return formatted;
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    console.error('api: internal error', (error as { originalError?: unknown })?.originalError ?? error);
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
