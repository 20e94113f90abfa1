import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { createApiLogger, httpLogOptions } from './log-options';

/**
 * The api's logging: pino through nestjs-pino (log-options.ts). Nest's own lines, the GraphQL error plugin and the
 * audit plugin all log through it, each line with the request's id while a request runs.
 */
@Module({
  imports: [LoggerModule.forRoot({ pinoHttp: httpLogOptions(createApiLogger()) })],
})
export class LoggingModule {}
