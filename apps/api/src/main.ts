import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { readDataKeys } from '@tsunagu/crypto';
import { readDatabaseConfig, setLogSink } from '@tsunagu/persistence';
import { readTemporalConfig } from '@tsunagu/temporal';
import { AppModule } from './app.module';
import { jsonBodyOptions } from './common/graphql-hardening';
import { readApiConfig } from './config/api-config';
import { serveGraphqlIdeAssets } from './graphql-ide/graphql-ide';
import { applySecurityHeaders } from './http/security-headers';
import { assignRequestId } from './logging/request-id';
import { serveWebConsole } from './web-console/web-console';

async function main(): Promise<void> {
  // Validate every setting before starting anything, so a bad value stops the process with its name.
  const config = readApiConfig(process.env);
  readDatabaseConfig(process.env);
  readTemporalConfig(process.env);
  readDataKeys(process.env);

  // Nest's own lines go through pino as JSON too (logging/), buffered until the logger is ready.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  // TypeORM's failed queries (without parameters) as JSON lines too.
  setLogSink({ error: (message) => logger.error(message, 'typeorm'), warn: (message) => logger.warn(message, 'typeorm') });
  // Every response carries its request's id (logging/request-id.ts), a refusal by the body parser too.
  app.use(assignRequestId);
  // Before the body parser, so that every response carries them, errors, 413s and 404s too (docs/SECURITY.md "HTTP surface").
  applySecurityHeaders(app);
  serveGraphqlIdeAssets(app, config.environment);
  // The web console at / (apps/web, built into dist/web), when built.
  const webConsole = serveWebConsole(app);
  // A larger body is refused with 413 before any of it is parsed (TSUNAGU_HTTP_MAX_BODY_BYTES).
  app.useBodyParser('json', jsonBodyOptions(config.graphqlLimits));
  // Which proxies may name the client's address (rate limiting counts failed sign-ins per address).
  app.set('trust proxy', config.trustProxy);
  app.enableShutdownHooks();
  // Idle connections stay open longer than a client or proxy keeps them (Node's 5 s is shorter than most): otherwise a
  // request sent on a pooled connection just as the server closes it fails with "other side closed" before it arrives.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.port, '0.0.0.0');
  const url = await app.getUrl();
  const base = url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  if (webConsole) logger.log(`api: web console at ${base}/`, 'main');
  logger.log(`api: GraphQL at ${base}/graphql`, 'main');
}

main().catch((error) => {
  // Before the logger exists (a bad setting): one JSON line like the rest, with the message only.
  process.stderr.write(
    `${JSON.stringify({ level: 60, time: new Date().toISOString(), service: 'api', msg: `api: ${error instanceof Error ? error.message : error}` })}\n`,
  );
  process.exit(1);
});
