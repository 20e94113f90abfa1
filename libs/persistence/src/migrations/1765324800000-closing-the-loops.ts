import { MigrationInterface, QueryRunner } from 'typeorm';

// Closing the loops (DOMAIN.md, "Every need reaches an end"): the words the new moves write. A referral can be on hold
// (ON_HOLD), taken by tier-1 (TAKEN), handed back by its holder (RETURNED), put on hold and resumed; a need answered
// by policy is closed with the outcome TAKEN_INTO_REGIONAL_ISSUE. Values written out: a migration is a frozen record.
const STATUSES_BEFORE = "'SUBMITTED', 'OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'UNMATCHED', 'ESCALATED', 'WITHDRAWN'";
const OUTCOMES_BEFORE = "'RESOLVED', 'PARTIALLY_RESOLVED', 'NOT_RESOLVED', 'NO_LONGER_NEEDED'";
const HANDOFF_KINDS_BEFORE =
  "'SUBMITTED', 'OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'REMINDED', 'REASSIGNED', 'STARTED', 'COMPLETED', 'UNMATCHED', 'ESCALATED', 'WITHDRAWN', 'NOTE', 'DEADLINE_EXTENDED', " +
  "'LINKED_TO_ISSUE', 'UNLINKED_FROM_ISSUE', 'PROPOSAL_SUBMITTED', 'SUBCOMMITTEE_DECISION', 'POLICY_IMPLEMENTED', 'ISSUE_CLOSED'";
const NEW_HANDOFF_KINDS = "'TAKEN', 'RETURNED', 'PUT_ON_HOLD', 'RESUMED'";

export class ClosingTheLoops1765324800000 implements MigrationInterface {
  name = 'ClosingTheLoops1765324800000';

  async up(db: QueryRunner): Promise<void> {
    await replaceCheck(db, 'referral', 'referral_status_check', `status IN (${STATUSES_BEFORE}, 'ON_HOLD')`);
    await replaceCheck(db, 'referral', 'referral_outcome_check', `outcome IN (${OUTCOMES_BEFORE}, 'TAKEN_INTO_REGIONAL_ISSUE')`);
    await replaceCheck(db, 'referral_handoff', 'referral_handoff_kind_check', `kind IN (${HANDOFF_KINDS_BEFORE}, ${NEW_HANDOFF_KINDS})`);
  }

  async down(db: QueryRunner): Promise<void> {
    await replaceCheck(db, 'referral_handoff', 'referral_handoff_kind_check', `kind IN (${HANDOFF_KINDS_BEFORE})`);
    await replaceCheck(db, 'referral', 'referral_outcome_check', `outcome IN (${OUTCOMES_BEFORE})`);
    await replaceCheck(db, 'referral', 'referral_status_check', `status IN (${STATUSES_BEFORE})`);
  }
}

async function replaceCheck(db: QueryRunner, table: string, constraint: string, check: string): Promise<void> {
  await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`);
  await db.query(`ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (${check})`);
}
