import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseConfig, readDatabaseConfig } from './database-config';
import { createDataSource } from './data-source';
import { DataKeyring, readDataKeys } from '@tsunagu/crypto';

export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides an initialised TypeORM DataSource and the data keyring to a Nest process (api or worker). */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: DATABASE_CONFIG, useFactory: (): DatabaseConfig => readDatabaseConfig(process.env) },
        {
          provide: DataSource,
          inject: [DATABASE_CONFIG],
          useFactory: async (config: DatabaseConfig) => createDataSource(config, applicationName).initialize(),
        },
        DataSourceCloser,
        // The keys of the personal data the process writes (worker) or reads (api): libs/crypto/src/data-keys.ts.
        { provide: DataKeyring, useFactory: (): DataKeyring => readDataKeys(process.env) },
      ],
      exports: [DataSource, DATABASE_CONFIG, DataKeyring],
    };
  }
}
