// The db tier (jest project "db", *.db-spec.ts): repositories of libs/persistence against a real PostgreSQL, started
// once by test/db/global-setup.ts. Kept free of Nest: jest cannot require Nest 12's ES modules on Node 20.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { DataKeyring, generateDataKeyEntry, readDataKeys } from '@tsunagu/crypto';
// A narrow entry, not @tsunagu/persistence: its index loads the Nest module, which jest cannot require.
import { createDataSource, runMigrations } from '@tsunagu/persistence/data-source';
import { DB_TIER_URL_VARIABLE } from './db-tier-url';

export { DB_TIER_URL_VARIABLE };

export interface TestDatabase {
  db: DataSource;
  /** A fresh data key ring, as the worker has, for sealing personal data. */
  dataKeys: DataKeyring;
  /** A city with one area, two partner organisations and a tier-2 coordinator, to satisfy the foreign keys. */
  city: { areaId: string; secondAreaId: string; firstPartnerId: string; secondPartnerId: string; homeOrganizationId: string; userId: string };
  close(): Promise<void>;
}

/** A new database with every migration applied, on the db tier's server. */
export async function openTestDatabase(poolSize = 4): Promise<TestDatabase> {
  const serverUrl = process.env[DB_TIER_URL_VARIABLE];
  if (!serverUrl) throw new Error(`${DB_TIER_URL_VARIABLE} is not set: run this spec in the db tier (npx jest --selectProjects db ...)`);
  const name = `tsunagu_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config = { url: url.toString(), poolSize };
  await runMigrations(config);
  const db = await createDataSource(config, 'tsunagu-db-tier').initialize();
  const dataKeys = readDataKeys({ TSUNAGU_DATA_KEYS: generateDataKeyEntry('db-tier') });
  return { db, dataKeys, city: await createCity(db), close: () => db.destroy() };
}

async function createCity(db: DataSource): Promise<TestDatabase['city']> {
  const [[area], [secondArea]]: Array<Array<{ id: string }>> = await Promise.all([
    db.query(`INSERT INTO area (code, name) VALUES ('KAWANISHI', '川西') RETURNING id`),
    db.query(`INSERT INTO area (code, name) VALUES ('MEIHO', '明峰') RETURNING id`),
  ]);
  const organization = async (name: string, kind: string): Promise<string> => {
    const [row]: Array<{ id: string }> = await db.query(
      `INSERT INTO organization (name, kind, categories) VALUES ($1, $2, ARRAY['TRANSPORT']::text[]) RETURNING id`,
      [name, kind],
    );
    return row.id;
  };
  const homeOrganizationId = await organization('川西市社会福祉協議会', 'SOCIAL_WELFARE_COUNCIL');
  const firstPartnerId = await organization('NPO法人 つながり移動支援', 'NPO');
  const secondPartnerId = await organization('川西市シルバー人材センター', 'SILVER_HR_CENTER');
  const [user]: Array<{ id: string }> = await db.query(
    `INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash)
     VALUES ('tier2@tsunagu.test', '地域 二層', 'TIER2_COORDINATOR', $1, $2, 'not-a-hash') RETURNING id`,
    [homeOrganizationId, area.id],
  );
  return { areaId: area.id, secondAreaId: secondArea.id, firstPartnerId, secondPartnerId, homeOrganizationId, userId: user.id };
}
