import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { runWithRequestId } from '@tsunagu/observability';
import { LoggerModule } from 'nestjs-pino';
import { createApiLogger, httpLogOptions } from './log-options';

/**
 * The api's logging: pino through nestjs-pino (log-options.ts). Nest's own lines, the GraphQL error plugin and the
 * audit plugin all log through it, each line with the request's id while a request runs.
 */
@Module({
  imports: [LoggerModule.forRoot({ pinoHttp: httpLogOptions(createApiLogger()) })],
})
export class LoggingModule implements NestModule {
  /**
   * The rest of the request runs with its id in scope (currentRequestId), so the Temporal client puts it into the
   * headers of what the request starts (libs/temporal/src/request-id-client-interceptor.ts). Nest mounts this after
   * the body parser, like nestjs-pino's own middleware: a scope entered before it would not survive the parsing.
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestScope).forRoutes('*');
  }
}

function requestScope(req: { id?: unknown }, _res: unknown, next: () => void): void {
  if (typeof req.id === 'string') runWithRequestId(req.id, next);
  else next();
}
