// Re-encrypts the referral rows whose personal data is not sealed with the active key (an older key, or clear text
// written before encryption existed) with the active key. Safe while api and worker run: each batch is one short
// transaction over rows locked FOR UPDATE SKIP LOCKED (a row the worker is writing is skipped and taken in a later
// pass), and a value is only ever replaced by the same value under another key, which every process can read as long
// as both keys are in its ring.
import type { DataSource } from 'typeorm';
import { blindIndexTerms, SEALED_TEXT_PREFIX, type DataKeyring } from '@tsunagu/crypto';
import { kanaSearchTerms } from '@tsunagu/domain';
import {
  NAME_KANA_INDEX_PURPOSE,
  openReferralColumn,
  REFERRAL_SEALED_COLUMN_NAMES,
  ReferralSealedColumn,
  sealReferralColumn,
} from './referral-personal-data';

export interface RotationOptions {
  batchSize?: number;
  /** Passes over the table; a pass after the first picks up rows that were locked by a writer the pass before. */
  maxPasses?: number;
  log?: (line: string) => void;
}

export interface RotationResult {
  /** Rows rewritten, and values (columns) re-encrypted in them. */
  rows: number;
  values: number;
  /** Rows still not on the active key at the end (locked by writers throughout): run the command again. */
  remaining: number;
  /** Values per key id (`clear` for values written before encryption) left in rows this command does not rewrite. */
  elsewhere: Record<string, number>;
}

const COLUMNS = REFERRAL_SEALED_COLUMN_NAMES;

/** SQL: true when some personal-data column of `referral` holds a value not sealed with the key of prefix $1. */
const NOT_ON_ACTIVE = COLUMNS.map((c) => `(${c} IS NOT NULL AND NOT starts_with(${c}, $1))`).join(' OR ');

export async function rotateDataKeys(db: DataSource, ring: DataKeyring, options: RotationOptions = {}): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 200;
  const maxPasses = options.maxPasses ?? 5;
  const log = options.log ?? (() => undefined);
  const activePrefix = `${SEALED_TEXT_PREFIX}${ring.active.id}:`;
  const result: RotationResult = { rows: 0, values: 0, remaining: 0, elsewhere: {} };

  for (let pass = 1; pass <= maxPasses; pass += 1) {
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const rows: Array<{ id: string } & Record<ReferralSealedColumn, string | null>> = await tx.query(
          `SELECT id, ${COLUMNS.join(', ')} FROM referral WHERE ${NOT_ON_ACTIVE} ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [activePrefix, batchSize],
        );
        let values = 0;
        for (const row of rows) {
          const changed = COLUMNS.filter((c) => row[c] !== null && !row[c]!.startsWith(activePrefix));
          // Opening first: a value on a key missing from the ring stops the command here, naming the key, with nothing written.
          const opened = new Map(changed.map((c) => [c, openReferralColumn(ring, c, row.id, row[c])]));
          const sealed = changed.map((c) => sealReferralColumn(ring, c, row.id, opened.get(c)));
          const assignments = changed.map((c, i) => `${c} = $${i + 2}`);
          const parameters: unknown[] = [row.id, ...sealed];
          // The ふりがな's blind index follows its key: recomputed under the active key, so the old one can be retired.
          const kana = opened.get('subject_name_kana');
          if (kana) {
            assignments.push(`subject_name_kana_index = $${parameters.length + 1}`);
            parameters.push(blindIndexTerms(ring, NAME_KANA_INDEX_PURPOSE, kanaSearchTerms(kana)));
          }
          await tx.query(`UPDATE referral SET ${assignments.join(', ')} WHERE id = $1`, parameters);
          values += changed.length;
        }
        return { rows: rows.length, values };
      });
      result.rows += batch.rows;
      result.values += batch.values;
      if (batch.rows > 0) log(`rotate-data-keys: re-encrypted ${result.values} values in ${result.rows} rows so far`);
      if (batch.rows < batchSize) break;
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM referral WHERE ${NOT_ON_ACTIVE}`, [activePrefix]);
    result.remaining = n;
    if (n === 0 || pass === maxPasses) break;
    log(`rotate-data-keys: ${n} rows were busy; another pass in a second`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  result.elsewhere = await copiesElsewhere(db, ring.active.id);
  return result;
}

/**
 * Provision records copy the consent fields of their referral as they stood (sealed or not) and are never rewritten, so
 * they keep the key they were written with until retention deletes them: a key they use must stay in the ring.
 */
async function copiesElsewhere(db: DataSource, activeId: string): Promise<Record<string, number>> {
  const [{ exists }] = await db.query(`SELECT to_regclass('provision_record') IS NOT NULL AS exists`);
  if (!exists) return {};
  const rows: Array<{ key: string; n: number }> = await db.query(
    `SELECT CASE WHEN starts_with(value, $1) THEN split_part(value, ':', 3) ELSE 'clear' END AS key, count(*)::int AS n
       FROM (SELECT consent_method AS value FROM provision_record UNION ALL SELECT consent_given_by FROM provision_record) v
      WHERE value IS NOT NULL GROUP BY 1`,
    [SEALED_TEXT_PREFIX],
  );
  const counts: Record<string, number> = {};
  for (const { key, n } of rows) if (key !== activeId) counts[key] = n;
  return counts;
}
