import { MigrationInterface, QueryRunner } from 'typeorm';

// The reports (docs/REPORTS.md) read a period's needs and, per need, a few kinds of handoff. Both indexes hold what the
// reports read, so PostgreSQL answers from the index alone instead of visiting a year's rows scattered over the table
// (docs/BENCHMARKS.md, "Reports").
export class ReportIndexes1765756800000 implements MigrationInterface {
  name = 'ReportIndexes1765756800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX referral_report_idx ON referral (created_at)
         INCLUDE (area_id, category, subject_kind, destination, status, outcome, current_organization_id)`,
    );
    await db.query(
      `CREATE INDEX referral_handoff_report_idx ON referral_handoff (referral_id, kind, seq)
         INCLUDE (at, from_organization_id, to_organization_id, reason)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX referral_handoff_report_idx`);
    await db.query(`DROP INDEX referral_report_idx`);
  }
}
