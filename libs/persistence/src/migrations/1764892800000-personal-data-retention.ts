import { MigrationInterface, QueryRunner } from 'typeorm';

// Retention of personal data (docs/OPERATIONS.md, "Retention"): when a referral's personal data was erased, an index
// for the daily sweep, and the one change the append-only handoff history allows: erasing its free text.
// Written out in full: a migration is a frozen record of the schema it made.
export class PersonalDataRetention1764892800000 implements MigrationInterface {
  name = 'PersonalDataRetention1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE referral ADD COLUMN personal_data_erased_at timestamptz`);
    // The sweep's question: closed referrals not yet erased, oldest last transition first.
    await db.query(`
      CREATE INDEX referral_retention_due_idx ON referral (updated_at, id)
       WHERE personal_data_erased_at IS NULL AND status IN ('COMPLETED', 'WITHDRAWN')`);
    // Still append-only, except that on a referral whose personal data was erased, a note or reason may become NULL
    // (and nothing else may change in that update).
    await db.query(`
      CREATE OR REPLACE FUNCTION referral_handoff_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND (to_jsonb(NEW) - 'note' - 'reason') = (to_jsonb(OLD) - 'note' - 'reason')
           AND (NEW.note IS NULL OR NEW.note IS NOT DISTINCT FROM OLD.note)
           AND (NEW.reason IS NULL OR NEW.reason IS NOT DISTINCT FROM OLD.reason)
           AND EXISTS (SELECT 1 FROM referral r WHERE r.id = NEW.referral_id AND r.personal_data_erased_at IS NOT NULL) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'referral_handoff is append-only';
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION referral_handoff_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'referral_handoff is append-only';
      END $$`);
    await db.query(`DROP INDEX referral_retention_due_idx`);
    await db.query(`ALTER TABLE referral DROP COLUMN personal_data_erased_at`);
  }
}
