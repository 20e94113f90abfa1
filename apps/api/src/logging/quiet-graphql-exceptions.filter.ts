import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Without this, Nest's default handler for resolvers (ExternalExceptionFilter) logs every error a resolver, guard or
 * pipe throws at ERROR with its stack: every NOT_FOUND, FORBIDDEN, UNAUTHENTICATED and BAD_USER_INPUT, about 1 MB of
 * api.log in 15 minutes of probing. For GraphQL this filter rethrows the error unlogged: Apollo answers it and the
 * GraphQL error plugin (graphql-error-log.plugin.ts) logs it once, at info for a client error and at error with the
 * stack for an internal one. Anything else (the health endpoint) keeps Nest's own handling.
 */
@Catch()
export class QuietGraphqlExceptionsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() === 'graphql') throw exception;
    super.catch(exception, host);
  }
}
