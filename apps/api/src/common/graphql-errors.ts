import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';

// Every error a client sees carries extensions.code (API.md); bad input also names its fields.

export interface FieldProblem {
  field: string;
  message: string;
}

export function badUserInput(problems: FieldProblem[]): GraphQLError {
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new GraphQLError(`Invalid input: ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [...new Set(problems.map((p) => p.field))], problems },
  });
}

export function notFound(what = 'Referral'): GraphQLError {
  return new GraphQLError(`${what} not found`, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/** `extra` adds to the extensions, e.g. a `reason` a client can act on (PASSWORD_CHANGE_REQUIRED). */
export function forbidden(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extra, code: ErrorCode.FORBIDDEN } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}

export function unauthenticated(message = 'Sign in first: send Authorization: Bearer <token>', extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extra, code: ErrorCode.UNAUTHENTICATED } });
}

/**
 * Sign-in refused by the rate limit (API.md has no code of its own for it): UNAUTHENTICATED like any failed sign-in,
 * with the seconds to wait in extensions.retryAfterSeconds and a Retry-After header. The HTTP status stays 200, as for
 * every error raised while executing: @nestjs/apollo resets it so that clients parse the { data, errors } body.
 */
export function tooManyAttempts(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('Too many attempts, try again later', {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      retryAfterSeconds,
      http: { headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
