import './common/register-enums';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { PersistenceModule } from '@tsunagu/persistence';
import { TemporalClientModule } from '@tsunagu/temporal';
import { createAuditPlugin } from './audit/audit.plugin';
import { AuditModule } from './audit/audit.module';
import { AuditService } from './audit/audit.service';
import { AuthModule } from './auth/auth.module';
import { createLoaders } from './common/loaders/loaders';
import { formatError } from './common/format-error';
import { graphqlHardeningOptions } from './common/graphql-hardening';
import type { RequestContext } from './common/request-context';
import { SCHEMA_BUILD_OPTIONS } from './common/schema-build-options';
import { createValidationPipe } from './common/validation.pipe';
import { TemporalCallsModule } from './common/temporal-calls';
import { API_CONFIG, ApiConfig } from './config/api-config';
import { ConfigModule } from './config/config.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DirectoryModule } from './directory/directory.module';
import { graphqlIdeLandingPage } from './graphql-ide/graphql-ide';
import { HealthController } from './health/health.controller';
import { KeptMailModule } from './kept-mail/kept-mail.module';
import { createGraphqlErrorLogPlugin } from './logging/graphql-error-log.plugin';
import { apolloLogger } from './logging/log-options';
import { LoggingModule } from './logging/logging.module';
import { ApiMetrics } from './common/api-metrics';
import { createGraphqlMetricsPlugin } from './metrics/graphql-metrics.plugin';
import { MetricsModule } from './metrics/metrics.module';
import { QuietGraphqlExceptionsFilter } from './logging/quiet-graphql-exceptions.filter';
import { ExportsModule } from './exports/exports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PolicyModule } from './policy/policy.module';
import { ProvisionModule } from './provision/provision.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ReportsModule } from './reports/reports.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    MetricsModule,
    PersistenceModule.forRoot('tsunagu-api'),
    TemporalClientModule,
    TemporalCallsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AuditModule],
      inject: [API_CONFIG, DataSource, AuditService, PinoLogger, ApiMetrics],
      useFactory: (config: ApiConfig, db: DataSource, audit: AuditService, log: PinoLogger, metrics: ApiMetrics) => {
        const production = config.environment === 'production';
        // Depth, alias, token and cost limits, no batching, no suggestions in production (docs/ARCHITECTURE.md).
        const hardening = graphqlHardeningOptions(config.graphqlLimits, config.environment);
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: SCHEMA_BUILD_OPTIONS,
          introspection: !production,
          // No stack trace (server paths) and no internal error's text (SQL) leaves in any mode: they are logged.
          includeStacktraceInErrorResponses: false,
          logger: apolloLogger(log),
          formatError: formatError({ hideSuggestions: production }),
          ...hardening,
          // Every mutation and every read of personal data goes to the audit log (apps/api/src/audit/).
          // Each GraphQL error is logged once, at the level it deserves (apps/api/src/logging/).
          plugins: [
            ...hardening.plugins,
            createAuditPlugin(audit, config.jwtSecret, log),
            createGraphqlErrorLogPlugin(log),
            // Latency by root field and errors by code, for /metrics (apps/api/src/metrics/).
            createGraphqlMetricsPlugin(metrics),
            graphqlIdeLandingPage(config.environment, '/graphql'),
          ],
          // Not Nest's GraphiQL (from unpkg.com) nor Apollo's default page (from a CDN): ours, bundled (graphql-ide/).
          graphiql: false,
          context: ({ req, res }: Pick<RequestContext, 'req' | 'res'>): RequestContext => ({ req, res, loaders: createLoaders(db) }),
        };
      },
    }),
    AuthModule,
    AuditModule,
    DirectoryModule,
    DeadlinesModule,
    ReferralsModule,
    UsersModule,
    ProvisionModule,
    PolicyModule,
    ReportsModule,
    ExportsModule,
    KeptMailModule,
    NotificationsModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    // Resolvers' errors are logged by the GraphQL error plugin, not by Nest at ERROR with a stack.
    { provide: APP_FILTER, useClass: QuietGraphqlExceptionsFilter },
  ],
})
export class AppModule {}
