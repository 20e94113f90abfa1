import './common/register-enums';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
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
import { DateTimeScalar } from './common/input-sanitation/date-time.scalar';
import { createValidationPipe } from './common/validation.pipe';
import { API_CONFIG, ApiConfig } from './config/api-config';
import { ConfigModule } from './config/config.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthController } from './health/health.controller';
import { PolicyModule } from './policy/policy.module';
import { ProvisionModule } from './provision/provision.module';
import { ReferralsModule } from './referrals/referrals.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot('tsunagu-api'),
    TemporalClientModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AuditModule],
      inject: [API_CONFIG, DataSource, AuditService],
      useFactory: (config: ApiConfig, db: DataSource, audit: AuditService) => {
        const development = config.environment === 'development';
        const production = config.environment === 'production';
        // Depth, alias, token and cost limits, no batching, no suggestions in production (docs/ARCHITECTURE.md).
        const hardening = graphqlHardeningOptions(config.graphqlLimits, config.environment);
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // The strict DateTime (README.md, "Bad input"): same name and description as Nest's, so the schema is unchanged.
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          introspection: !production,
          includeStacktraceInErrorResponses: development,
          formatError: formatError(development, { hideSuggestions: production }),
          ...hardening,
          // Every mutation and every read of personal data goes to the audit log (apps/api/src/audit/).
          plugins: [...hardening.plugins, createAuditPlugin(audit, config.jwtSecret)],
          context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req, loaders: createLoaders(db) }),
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
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
})
export class AppModule {}

