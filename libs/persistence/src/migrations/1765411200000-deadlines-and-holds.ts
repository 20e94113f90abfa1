import { MigrationInterface, QueryRunner } from 'typeorm';

// Deadlines and holds (DOMAIN.md, "Deadlines and escalation" and "On hold"): an escalated need's deadline per category
// (deadline_rule.tier1_response_days, existing rows get the default 5), and a referral ON_HOLD shows its resume date and
// the status it returns to. Values written out: a migration is a frozen record.
const HOLDABLE = "'ACCEPTED', 'IN_PROGRESS', 'UNMATCHED', 'ESCALATED'";

export class DeadlinesAndHolds1765411200000 implements MigrationInterface {
  name = 'DeadlinesAndHolds1765411200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE deadline_rule ADD COLUMN tier1_response_days integer NOT NULL DEFAULT 5 CHECK (tier1_response_days BETWEEN 1 AND 120)`,
    );
    await db.query(`ALTER TABLE referral ADD COLUMN resume_on date, ADD COLUMN resumes_to_status text CHECK (resumes_to_status IN (${HOLDABLE}))`);
    // Both or neither, and only while on hold.
    await db.query(
      `ALTER TABLE referral ADD CONSTRAINT referral_hold_check CHECK ((status = 'ON_HOLD') = (resume_on IS NOT NULL AND resumes_to_status IS NOT NULL)
         AND (resume_on IS NULL) = (resumes_to_status IS NULL))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE referral DROP CONSTRAINT referral_hold_check`);
    await db.query(`ALTER TABLE referral DROP COLUMN resumes_to_status, DROP COLUMN resume_on`);
    await db.query(`ALTER TABLE deadline_rule DROP COLUMN tier1_response_days`);
  }
}
