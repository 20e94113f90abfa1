import { MigrationInterface, QueryRunner } from 'typeorm';

// The policy track (DOMAIN.md, "The policy track"): regional issues, their proposals, subcommittee meetings and
// decisions, follow-up actions, each issue's own history, and the policy entries in linked referrals' histories.
// Everything but subcommittee_meeting is the read model of the regional issue workflow (written by the worker).
// Values written out: a migration is a frozen record of the schema it made.
const CATEGORIES = "'TRANSPORT', 'SHOPPING', 'VOLUNTEER_INTEREST', 'HOME_HELP', 'GATHERING_PLACE', 'WATCH_OVER', 'OTHER'";
const HANDOFF_KINDS_BEFORE =
  "'SUBMITTED', 'OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'REMINDED', 'REASSIGNED', 'STARTED', 'COMPLETED', 'UNMATCHED', 'ESCALATED', 'WITHDRAWN', 'NOTE', 'DEADLINE_EXTENDED'";
const POLICY_HANDOFF_KINDS =
  "'LINKED_TO_ISSUE', 'UNLINKED_FROM_ISSUE', 'PROPOSAL_SUBMITTED', 'SUBCOMMITTEE_DECISION', 'POLICY_IMPLEMENTED', 'ISSUE_CLOSED'";
const ISSUE_STATUSES = "'OPEN', 'IN_DELIBERATION', 'IN_IMPLEMENTATION', 'IMPLEMENTED', 'CLOSED'";
const PROPOSAL_STATUSES = "'DRAFT', 'SUBMITTED', 'ON_AGENDA', 'CONTINUED', 'ADOPTED', 'REJECTED', 'IMPLEMENTED'";
const DECISIONS = "'ADOPTED', 'REJECTED', 'CONTINUED'";
const ISSUE_EVENT_KINDS =
  "'CREATED', 'UPDATED', 'REFERRAL_LINKED', 'REFERRAL_UNLINKED', 'PROPOSAL_DRAFTED', 'PROPOSAL_REVISED', 'PROPOSAL_SUBMITTED', 'PUT_ON_AGENDA', 'DECISION_RECORDED', 'ACTION_ADDED', 'ACTION_DUE', 'ACTION_DONE', 'IMPLEMENTED', 'CLOSED'";

export class PolicyTrack1765065600000 implements MigrationInterface {
  name = 'PolicyTrack1765065600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE regional_issue (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL UNIQUE,
        title text NOT NULL,
        description text NOT NULL,
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        status text NOT NULL CHECK (status IN (${ISSUE_STATUSES})),
        closed_reason text,
        created_by_id uuid NOT NULL REFERENCES app_user(id),
        last_seq integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX regional_issue_created_idx ON regional_issue (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE regional_issue_area (
        issue_id uuid NOT NULL REFERENCES regional_issue(id),
        area_id uuid NOT NULL REFERENCES area(id),
        PRIMARY KEY (issue_id, area_id)
      )`);
    // The current evidence; links and unlinks are kept in regional_issue_event.
    await db.query(`
      CREATE TABLE regional_issue_referral (
        issue_id uuid NOT NULL REFERENCES regional_issue(id),
        referral_id uuid NOT NULL REFERENCES referral(id),
        linked_at timestamptz NOT NULL,
        linked_by_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (issue_id, referral_id)
      )`);
    await db.query(`CREATE INDEX regional_issue_referral_referral_idx ON regional_issue_referral (referral_id)`);
    await db.query(`
      CREATE TABLE policy_proposal (
        id uuid PRIMARY KEY,
        issue_id uuid NOT NULL REFERENCES regional_issue(id),
        title text NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN (${PROPOSAL_STATUSES})),
        revision integer NOT NULL CHECK (revision > 0),
        created_by_id uuid NOT NULL REFERENCES app_user(id),
        submitted_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX policy_proposal_issue_idx ON policy_proposal (issue_id, created_at)`);
    // Meetings are plain records the subcommittee's secretary keeps (no workflow): date, title, place.
    await db.query(`
      CREATE TABLE subcommittee_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        held_at timestamptz NOT NULL,
        location text,
        created_by_id uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX subcommittee_meeting_held_idx ON subcommittee_meeting (held_at, id)`);
    await db.query(`
      CREATE TABLE agenda_item (
        meeting_id uuid NOT NULL REFERENCES subcommittee_meeting(id),
        proposal_id uuid NOT NULL REFERENCES policy_proposal(id),
        added_at timestamptz NOT NULL,
        decision text CHECK (decision IN (${DECISIONS})),
        minutes text,
        decided_at timestamptz,
        decided_by_id uuid REFERENCES app_user(id),
        PRIMARY KEY (meeting_id, proposal_id),
        CHECK ((decision IS NULL) = (decided_at IS NULL))
      )`);
    await db.query(`CREATE INDEX agenda_item_proposal_idx ON agenda_item (proposal_id)`);
    await db.query(`
      CREATE TABLE follow_up_action (
        id uuid PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES policy_proposal(id),
        description text NOT NULL,
        owner text NOT NULL,
        due_on date NOT NULL,
        created_at timestamptz NOT NULL,
        reminded_at timestamptz,
        done_at timestamptz,
        done_by_id uuid REFERENCES app_user(id),
        done_note text
      )`);
    await db.query(`CREATE INDEX follow_up_action_proposal_idx ON follow_up_action (proposal_id, due_on)`);
    await db.query(`CREATE INDEX follow_up_action_open_due_idx ON follow_up_action (due_on) WHERE done_at IS NULL`);
    // The issue's own tracked history, like referral_handoff: numbered by the workflow, append-only.
    await db.query(`
      CREATE TABLE regional_issue_event (
        issue_id uuid NOT NULL REFERENCES regional_issue(id),
        seq integer NOT NULL CHECK (seq > 0),
        kind text NOT NULL CHECK (kind IN (${ISSUE_EVENT_KINDS})),
        actor_id uuid REFERENCES app_user(id),
        proposal_id uuid REFERENCES policy_proposal(id),
        meeting_id uuid REFERENCES subcommittee_meeting(id),
        action_id uuid REFERENCES follow_up_action(id),
        referral_id uuid REFERENCES referral(id),
        decision text CHECK (decision IN (${DECISIONS})),
        note text,
        at timestamptz NOT NULL,
        PRIMARY KEY (issue_id, seq)
      )`);
    await db.query(`
      CREATE FUNCTION regional_issue_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'regional_issue_event is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER regional_issue_event_append_only BEFORE UPDATE OR DELETE ON regional_issue_event
      FOR EACH ROW EXECUTE FUNCTION regional_issue_event_append_only()`);

    // A linked referral's history shows the policy track (the loop closes at the policy level too): the issue event
    // each entry mirrors makes its write idempotent, whichever path wrote it (the referral's workflow, or the worker
    // directly once that workflow has ended).
    await db.query(`ALTER TABLE referral_handoff DROP CONSTRAINT referral_handoff_kind_check`);
    await db.query(
      `ALTER TABLE referral_handoff ADD CONSTRAINT referral_handoff_kind_check CHECK (kind IN (${HANDOFF_KINDS_BEFORE}, ${POLICY_HANDOFF_KINDS}))`,
    );
    await db.query(`ALTER TABLE referral_handoff ADD COLUMN regional_issue_id uuid REFERENCES regional_issue(id)`);
    await db.query(`ALTER TABLE referral_handoff ADD COLUMN regional_issue_seq integer`);
    await db.query(`ALTER TABLE referral_handoff ADD COLUMN policy_proposal_id uuid REFERENCES policy_proposal(id)`);
    await db.query(`
      CREATE UNIQUE INDEX referral_handoff_issue_event_idx ON referral_handoff (referral_id, regional_issue_id, regional_issue_seq)
      WHERE regional_issue_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX referral_handoff_issue_event_idx`);
    await db.query(`ALTER TABLE referral_handoff DROP COLUMN policy_proposal_id`);
    await db.query(`ALTER TABLE referral_handoff DROP COLUMN regional_issue_seq`);
    await db.query(`ALTER TABLE referral_handoff DROP COLUMN regional_issue_id`);
    await db.query(`ALTER TABLE referral_handoff DROP CONSTRAINT referral_handoff_kind_check`);
    await db.query(`ALTER TABLE referral_handoff ADD CONSTRAINT referral_handoff_kind_check CHECK (kind IN (${HANDOFF_KINDS_BEFORE}))`);
    await db.query(`DROP TABLE regional_issue_event`);
    await db.query(`DROP FUNCTION regional_issue_event_append_only`);
    await db.query(`DROP TABLE follow_up_action`);
    await db.query(`DROP TABLE agenda_item`);
    await db.query(`DROP TABLE subcommittee_meeting`);
    await db.query(`DROP TABLE policy_proposal`);
    await db.query(`DROP TABLE regional_issue_referral`);
    await db.query(`DROP TABLE regional_issue_area`);
    await db.query(`DROP TABLE regional_issue`);
  }
}
