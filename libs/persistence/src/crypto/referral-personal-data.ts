// Which columns of `referral` hold personal data, and how they are sealed: each value is encrypted on its own, with
// associated data naming the column and the row (`referral.subject_contact:<referral id>`), so a value copied to another
// row or column does not decrypt. The worker seals them when it inserts the row; the api opens them when it reads it.
import { isSealedText, openText, sealText, type DataKeyring } from '@tsunagu/crypto';

/** Column → ReferralEntity property of every encrypted column. */
export const REFERRAL_SEALED_COLUMNS = {
  subject_display_name: 'subjectDisplayName',
  subject_age_band: 'subjectAgeBand',
  subject_contact: 'subjectContact',
  subject_name_kana: 'subjectNameKana',
  consent_method: 'consentMethod',
  consent_given_by: 'consentGivenBy',
} as const;

/**
 * The purpose the ふりがな's blind index terms are keyed for (libs/crypto/src/blind-index.ts): written with the
 * referral, recomputed when rotation re-seals the ふりがな, searched with the same (docs/SECURITY.md).
 */
export const NAME_KANA_INDEX_PURPOSE = 'referral.subject_name_kana';

export type ReferralSealedColumn = keyof typeof REFERRAL_SEALED_COLUMNS;
export type ReferralSealedProperty = (typeof REFERRAL_SEALED_COLUMNS)[ReferralSealedColumn];
export const REFERRAL_SEALED_COLUMN_NAMES = Object.keys(REFERRAL_SEALED_COLUMNS) as ReferralSealedColumn[];

export function referralColumnAad(column: ReferralSealedColumn, referralId: string): string {
  return `referral.${column}:${referralId}`;
}

/** The value to store: sealed with the active key; null stays null. */
export function sealReferralColumn(
  ring: DataKeyring,
  column: ReferralSealedColumn,
  referralId: string,
  value: string | null | undefined,
): string | null {
  return value === null || value === undefined ? null : sealText(ring, value, referralColumnAad(column, referralId));
}

/**
 * The stored value in clear. A value not in the sealed format is one written before encryption existed (it is passed
 * through until `npm run rotate-data-keys` seals it); a sealed one must authenticate for this row and column.
 */
export function openReferralColumn(ring: DataKeyring, column: ReferralSealedColumn, referralId: string, value: string | null): string | null {
  if (value === null || !isSealedText(value)) return value;
  return openText(ring, value, referralColumnAad(column, referralId));
}

type SealedFields = { id: string } & { [P in ReferralSealedProperty]?: string | null };

/** Opens every encrypted property of a loaded referral row, in place, and returns it. */
export function openReferralPersonalData<T extends SealedFields>(ring: DataKeyring, row: T): T {
  for (const column of REFERRAL_SEALED_COLUMN_NAMES) {
    const property = REFERRAL_SEALED_COLUMNS[column];
    const value = row[property];
    if (typeof value === 'string') (row as SealedFields)[property] = openReferralColumn(ring, column, row.id, value);
  }
  return row;
}
