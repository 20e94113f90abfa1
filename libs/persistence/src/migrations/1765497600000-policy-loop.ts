import { MigrationInterface, QueryRunner } from 'typeorm';

// The loop through the policy track (DOMAIN.md, "Policy statuses and rules (as built)"): a meeting not yet held may be
// cancelled (who, when, why); a proposal taken off an agenda is an issue event (REMOVED_FROM_AGENDA); tier-1's
// dismissals of suggested regional issues (a category and the referrals it grouped, with who, when and why).
// Values written out: a migration is a frozen record.
const ISSUE_EVENT_KINDS_BEFORE =
  "'CREATED', 'UPDATED', 'REFERRAL_LINKED', 'REFERRAL_UNLINKED', 'PROPOSAL_DRAFTED', 'PROPOSAL_REVISED', 'PROPOSAL_SUBMITTED', 'PUT_ON_AGENDA', 'DECISION_RECORDED', 'ACTION_ADDED', 'ACTION_DUE', 'ACTION_DONE', 'IMPLEMENTED', 'CLOSED'";
const CATEGORIES = "'TRANSPORT', 'SHOPPING', 'VOLUNTEER_INTEREST', 'HOME_HELP', 'GATHERING_PLACE', 'WATCH_OVER', 'OTHER'";

export class PolicyLoop1765497600000 implements MigrationInterface {
  name = 'PolicyLoop1765497600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE subcommittee_meeting ADD COLUMN cancelled_at timestamptz`);
    await db.query(`ALTER TABLE subcommittee_meeting ADD COLUMN cancelled_by_id uuid REFERENCES app_user(id)`);
    await db.query(`ALTER TABLE subcommittee_meeting ADD COLUMN cancel_reason text`);
    await db.query(
      `ALTER TABLE subcommittee_meeting ADD CONSTRAINT subcommittee_meeting_cancel_check
         CHECK ((cancelled_at IS NULL) = (cancelled_by_id IS NULL) AND (cancelled_at IS NULL) = (cancel_reason IS NULL))`,
    );
    await db.query(`ALTER TABLE regional_issue_event DROP CONSTRAINT regional_issue_event_kind_check`);
    await db.query(
      `ALTER TABLE regional_issue_event ADD CONSTRAINT regional_issue_event_kind_check CHECK (kind IN (${ISSUE_EVENT_KINDS_BEFORE}, 'REMOVED_FROM_AGENDA'))`,
    );
    await db.query(`
      CREATE TABLE regional_issue_suggestion_dismissal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        referral_ids uuid[] NOT NULL CHECK (cardinality(referral_ids) > 0),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        dismissed_by_id uuid NOT NULL REFERENCES app_user(id),
        dismissed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX regional_issue_suggestion_dismissal_category_idx ON regional_issue_suggestion_dismissal (category)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE regional_issue_suggestion_dismissal`);
    await db.query(`ALTER TABLE regional_issue_event DROP CONSTRAINT regional_issue_event_kind_check`);
    await db.query(`ALTER TABLE regional_issue_event ADD CONSTRAINT regional_issue_event_kind_check CHECK (kind IN (${ISSUE_EVENT_KINDS_BEFORE}))`);
    await db.query(`ALTER TABLE subcommittee_meeting DROP CONSTRAINT subcommittee_meeting_cancel_check`);
    await db.query(`ALTER TABLE subcommittee_meeting DROP COLUMN cancel_reason`);
    await db.query(`ALTER TABLE subcommittee_meeting DROP COLUMN cancelled_by_id`);
    await db.query(`ALTER TABLE subcommittee_meeting DROP COLUMN cancelled_at`);
  }
}
