// Retention of personal data (docs/OPERATIONS.md, "Retention"): a set period after a referral closed (COMPLETED or
// WITHDRAWN, counted from its last transition, `updated_at`), its personal data is erased and the anonymised record
// stays for statistics. Run daily by the worker's retentionSweepWorkflow; idempotent and safe to run at any time.
import type { DataSource } from 'typeorm';
import { Env, readInteger } from '@tsunagu/domain';

export const RETENTION_DAYS_VARIABLE = 'TSUNAGU_RETENTION_DAYS';
/** Five years. */
export const DEFAULT_RETENTION_DAYS = 1825;

export function readRetentionDays(env: Env): number {
  return readInteger(env, RETENTION_DAYS_VARIABLE, DEFAULT_RETENTION_DAYS, { min: 1, max: 36500 });
}

/**
 * Erases one batch of referrals due for it, in one transaction, and returns how many. For each one:
 * - the subject (name, age band, contact) and the consent's free text (method, who gave it) become NULL and
 *   `personal_data_erased_at` is set; status, category, area, dates, outcome, organisations stay;
 * - its handoffs lose their free text written by people (notes, and the reasons of WITHDRAWN and DEADLINE_EXTENDED,
 *   which are free text); kinds, organisations, actors, times and coded reasons (decline reasons, outcomes) stay;
 * - its provision records are deleted: they say what was given about a person who is no longer in the record.
 * Rows another transaction holds are skipped (SKIP LOCKED) and erased by a later batch or run.
 */
export async function erasePersonalDataBatch(db: DataSource, options: { retentionDays: number; batchSize: number }): Promise<number> {
  return db.transaction(async (tx) => {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, rowCount].
    const [erased]: [Array<{ id: string }>, number] = await tx.query(
      `WITH due AS (
         SELECT id FROM referral
          WHERE status IN ('COMPLETED', 'WITHDRAWN') AND personal_data_erased_at IS NULL
            AND updated_at < now() - make_interval(days => $1)
          ORDER BY updated_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE referral r
          SET subject_display_name = NULL, subject_age_band = NULL, subject_contact = NULL,
              subject_name_kana = NULL, subject_name_kana_index = NULL,
              consent_method = NULL, consent_given_by = NULL, personal_data_erased_at = now()
         FROM due WHERE r.id = due.id
       RETURNING r.id`,
      [options.retentionDays, options.batchSize],
    );
    if (erased.length === 0) return 0;
    const ids = erased.map((row) => row.id);
    // The history's trigger lets exactly this through: free text becoming NULL on an erased referral's handoffs.
    await tx.query(
      `UPDATE referral_handoff
          SET note = NULL, reason = CASE WHEN kind IN ('WITHDRAWN', 'DEADLINE_EXTENDED') THEN NULL ELSE reason END
        WHERE referral_id = ANY($1::uuid[])
          AND (note IS NOT NULL OR (kind IN ('WITHDRAWN', 'DEADLINE_EXTENDED') AND reason IS NOT NULL))`,
      [ids],
    );
    await tx.query(`DELETE FROM provision_record WHERE referral_id = ANY($1::uuid[])`, [ids]);
    return ids.length;
  });
}
