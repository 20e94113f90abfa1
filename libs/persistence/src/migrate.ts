// The `migrate` process: applies pending migrations, then exits.
import { readDatabaseConfig } from './database-config';
import { runMigrations } from './data-source';

async function main(): Promise<void> {
  const applied = await runMigrations(readDatabaseConfig(process.env));
  console.log(applied.length ? `migrate: applied ${applied.join(', ')}` : 'migrate: schema is up to date');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
