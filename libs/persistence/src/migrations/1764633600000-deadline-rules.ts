import { MigrationInterface, QueryRunner } from 'typeorm';

// Per-category deadline rules, and the DEADLINE_EXTENDED handoff kind. Values written out: a migration is frozen.
const CATEGORIES = "'TRANSPORT', 'SHOPPING', 'VOLUNTEER_INTEREST', 'HOME_HELP', 'GATHERING_PLACE', 'WATCH_OVER', 'OTHER'";
const KINDS_BEFORE =
  "'SUBMITTED', 'OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'REMINDED', 'REASSIGNED', 'STARTED', 'COMPLETED', 'UNMATCHED', 'ESCALATED', 'WITHDRAWN', 'NOTE'";

export class DeadlineRules1764633600000 implements MigrationInterface {
  name = 'DeadlineRules1764633600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE deadline_rule (
        category text PRIMARY KEY CHECK (category IN (${CATEGORIES})),
        offer_response_days integer NOT NULL CHECK (offer_response_days BETWEEN 1 AND 60),
        progress_reminder_days integer NOT NULL CHECK (progress_reminder_days BETWEEN 1 AND 120),
        unmatched_escalation_days integer NOT NULL CHECK (unmatched_escalation_days BETWEEN 1 AND 120),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE referral_handoff DROP CONSTRAINT referral_handoff_kind_check`);
    await db.query(`ALTER TABLE referral_handoff ADD CONSTRAINT referral_handoff_kind_check CHECK (kind IN (${KINDS_BEFORE}, 'DEADLINE_EXTENDED'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE referral_handoff DROP CONSTRAINT referral_handoff_kind_check`);
    await db.query(`ALTER TABLE referral_handoff ADD CONSTRAINT referral_handoff_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
    await db.query(`DROP TABLE deadline_rule`);
  }
}
