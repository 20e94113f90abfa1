import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { readDataKeys, readDatabaseConfig } from '@tsunagu/persistence';
import { readTemporalConfig } from '@tsunagu/temporal';
import { AppModule } from './app.module';
import { jsonBodyOptions } from './common/graphql-hardening';
import { readApiConfig } from './config/api-config';
import { serveGraphqlIdeAssets } from './graphql-ide/graphql-ide';
import { applySecurityHeaders } from './http/security-headers';

async function main(): Promise<void> {
  // Validate every setting before starting anything, so a bad value stops the process with its name.
  const config = readApiConfig(process.env);
  readDatabaseConfig(process.env);
  readTemporalConfig(process.env);
  readDataKeys(process.env);

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error', 'warn'], bodyParser: false });
  // First, so that every response carries them, errors and 404s too (docs/SECURITY.md "HTTP surface").
  applySecurityHeaders(app);
  serveGraphqlIdeAssets(app, config.environment);
  // A larger body is refused with 413 before any of it is parsed (TSUNAGU_HTTP_MAX_BODY_BYTES).
  app.useBodyParser('json', jsonBodyOptions(config.graphqlLimits));
  // Which proxies may name the client's address (rate limiting counts failed sign-ins per address).
  app.set('trust proxy', config.trustProxy);
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  const url = await app.getUrl();
  console.log(`api: GraphQL at ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')}/graphql`);
}

main().catch((error) => {
  console.error(`api: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
