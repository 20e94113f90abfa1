// Starts one embedded PostgreSQL for the db tier (repositories against a real database, no api, worker or Temporal).
// Each spec file makes a fresh database of its own in it and migrates it (@tsunagu/testing/db), so files can run in
// parallel. Imports the server code relatively and from source: a global setup gets no module mapping, and this tier
// needs no build.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../libs/testing/src/servers/embedded-postgres';
import { DB_TIER_URL_VARIABLE } from '../../libs/testing/src/db/db-tier-url';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const postgres = await startPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'tsunagu-db-')), persistent: false, database: 'postgres' });
  (globalThis as Record<string, unknown>).__TSUNAGU_DB__ = postgres;
  // The test workers are started after this and inherit the environment.
  process.env[DB_TIER_URL_VARIABLE] = postgres.url;
  console.log(`\ndb tier: PostgreSQL up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
