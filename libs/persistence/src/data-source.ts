import { DataSource } from 'typeorm';
import { DatabaseConfig } from './database-config';
import { ENTITIES } from './entities';
import { ParameterFreeLogger } from './log-safe';
import { MIGRATIONS } from './migrations';

/** The one way to build a DataSource, so every process sees the same entities and migrations. synchronize stays off. */
export function createDataSource(config: DatabaseConfig, applicationName: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries are logged without their parameters, which may hold personal data (log-safe.ts).
    logging: ['error'],
    logger: new ParameterFreeLogger(),
    extra: { max: config.poolSize, application_name: applicationName },
  });
}

export async function runMigrations(config: DatabaseConfig): Promise<string[]> {
  const dataSource = createDataSource(config, 'tsunagu-migrate');
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
