import './common/register-enums';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { PersistenceModule } from '@tsunagu/persistence';
import { TemporalClientModule } from '@tsunagu/temporal';
import { AuthModule } from './auth/auth.module';
import { createLoaders } from './common/loaders/loaders';
import { formatError } from './common/format-error';
import type { RequestContext } from './common/request-context';
import { createValidationPipe } from './common/validation.pipe';
import { API_CONFIG, ApiConfig } from './config/api-config';
import { ConfigModule } from './config/config.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthController } from './health/health.controller';
import { ReferralsModule } from './referrals/referrals.module';

@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot('tsunagu-api'),
    TemporalClientModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [API_CONFIG, DataSource],
      useFactory: (config: ApiConfig, db: DataSource) => {
        const development = config.environment === 'development';
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: config.environment !== 'production',
          includeStacktraceInErrorResponses: development,
          formatError: formatError(development),
          context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req, loaders: createLoaders(db) }),
        };
      },
    }),
    AuthModule,
    DirectoryModule,
    DeadlinesModule,
    ReferralsModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
})
export class AppModule {}

