// `npm run rotate-data-keys`: re-encrypts personal data in PostgreSQL with the active data key, in batches, while the
// application runs (docs/OPERATIONS.md, "Data keys"). Needs DATABASE_URL and the same TSUNAGU_DATA_KEYS /
// TSUNAGU_DATA_KEY_ACTIVE as api and worker after the switch. Exits 0 when every row is on the active key, 2 when some
// rows stayed busy (run it again), 1 on an error.
import { readDatabaseConfig } from './database-config';
import { createDataSource } from './data-source';
import { readDataKeys } from '@tsunagu/crypto';
import { rotateDataKeys } from './crypto/rotation';

async function main(): Promise<number> {
  const database = readDatabaseConfig(process.env);
  const ring = readDataKeys(process.env);
  const db = await createDataSource(database, 'tsunagu-rotate-data-keys').initialize();
  try {
    console.log(`rotate-data-keys: re-encrypting with "${ring.active.id}" (ring: ${ring.ids.join(', ')})`);
    const result = await rotateDataKeys(db, ring, { log: (line) => console.log(line) });
    console.log(
      `rotate-data-keys: done: ${result.values} values re-encrypted in ${result.rows} rows; ${result.remaining} rows not on "${ring.active.id}"`,
    );
    const elsewhere = Object.entries(result.elsewhere);
    if (elsewhere.length) {
      console.log(
        `rotate-data-keys: provision records keep the values they copied, never rewritten: ${elsewhere
          .map(([key, n]) => (key === 'clear' ? `${n} in clear (from before encryption)` : `${n} on key "${key}"`))
          .join(', ')}; keep those keys in TSUNAGU_DATA_KEYS until retention has deleted the records`,
      );
    }
    return result.remaining === 0 ? 0 : 2;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`rotate-data-keys: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
