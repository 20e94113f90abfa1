import { MigrationInterface, QueryRunner } from 'typeorm';
import { fillBusinessCalendar } from '../report-rows/business-calendar-days';
import { REFRESH_REPORT_ROWS_FUNCTION, rebuildReportRows } from '../report-rows/report-rows';

// The reports' summary table (docs/ARCHITECTURE.md, "Reports read a summary row per referral"): one row per referral
// with what the reports group and count by, kept by triggers in the transaction that writes the referral or its
// handoffs, so that no writer (ReferralWriter, the policy handoff, the bench generator, a test) can leave it behind.
// Recomputed from the referral row and all its handoffs each time: idempotent on an activity's retry.
export class ReferralReportRows1765843200000 implements MigrationInterface {
  name = 'ReferralReportRows1765843200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE business_calendar_day (day date PRIMARY KEY, business_days_through int NOT NULL)`);
    await fillBusinessCalendar((sql, params) => db.query(sql, params));
    await db.query(`
      CREATE TABLE referral_report_row (
        id uuid PRIMARY KEY REFERENCES referral (id) ON DELETE CASCADE,
        area_id uuid, category text, subject_kind text, destination text, submitted_by_id uuid,
        current_organization_id uuid, status text, outcome text,
        created_at timestamptz NOT NULL,
        month char(7) NOT NULL,
        first_answer_at timestamptz, accepted_at timestamptz, completed_at timestamptz,
        first_answer_business_days int, acceptance_business_days int, completion_business_days int,
        first_answer_hours float8, acceptance_hours float8, completion_hours float8,
        ever_unmatched boolean NOT NULL, ever_escalated boolean NOT NULL,
        offers int NOT NULL, offers_accepted int NOT NULL, offers_declined int NOT NULL, offers_expired int NOT NULL,
        offers_other int NOT NULL, offers_open int NOT NULL,
        declined_reasons text[] NOT NULL,
        tried_before_acceptance int
      ) WITH (fillfactor = 85)`);
    await db.query(
      `CREATE INDEX referral_report_row_created_idx ON referral_report_row (created_at)
         INCLUDE (area_id, category, subject_kind, destination, submitted_by_id, month)`,
    );
    await db.query(REFRESH_REPORT_ROWS_FUNCTION);
    await db.query(`
      CREATE FUNCTION referral_report_row_after_referral() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_referral_report_rows(ARRAY(SELECT n.id FROM new_rows n));
        ELSE
          -- Only what the row copies from the referral: updates of personal data or deadlines leave it alone.
          PERFORM refresh_referral_report_rows(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.area_id, n.category, n.subject_kind, n.destination, n.submitted_by_id, n.current_organization_id,
                    n.status, n.outcome, n.created_at)
                   IS DISTINCT FROM (o.area_id, o.category, o.subject_kind, o.destination, o.submitted_by_id,
                    o.current_organization_id, o.status, o.outcome, o.created_at)));
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION referral_report_row_after_handoff() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_referral_report_rows(ARRAY(SELECT DISTINCT n.referral_id FROM new_rows n));
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER referral_report_row_on_insert AFTER INSERT ON referral
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_row_after_referral()`);
    await db.query(`CREATE TRIGGER referral_report_row_on_update AFTER UPDATE ON referral
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_row_after_referral()`);
    await db.query(`CREATE TRIGGER referral_report_row_on_handoff AFTER INSERT ON referral_handoff
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_row_after_handoff()`);
    // The referrals already there, in submission order (a year's rows then lie together on disk).
    await rebuildReportRows((sql, params) => db.query(sql, params));
    await db.query(`ANALYZE referral_report_row`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER referral_report_row_on_handoff ON referral_handoff`);
    await db.query(`DROP TRIGGER referral_report_row_on_update ON referral`);
    await db.query(`DROP TRIGGER referral_report_row_on_insert ON referral`);
    await db.query(`DROP FUNCTION referral_report_row_after_handoff()`);
    await db.query(`DROP FUNCTION referral_report_row_after_referral()`);
    await db.query(`DROP FUNCTION refresh_referral_report_rows(uuid[])`);
    await db.query(`DROP TABLE referral_report_row`);
    await db.query(`DROP TABLE business_calendar_day`);
  }
}
