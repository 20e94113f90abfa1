// The CSV export of provision records, written for Excel as city staff open it (docs/SECURITY.md, "Provision records").
// UTF-8 with a byte-order mark (Excel reads BOM-less UTF-8 as Shift_JIS), a header row, CRLF line ends, and RFC 4180
// quoting: a field with a comma, a double quote or a line break goes in double quotes, its quotes doubled. A field that
// Excel would take for a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe, so a name or consent
// method typed into a form cannot run as a formula on an auditor's machine. Headers in Japanese by default (docs/API.md,
// "CSV exports"); `headers: CODES` gives the machine-readable ones. Pure: unit-tested.

import { PERSONAL_DATA_ITEM_LABELS, PersonalDataItem } from '@tsunagu/domain';

export const BOM = '\uFEFF';

export interface ProvisionCsvRow {
  id: string;
  at: Date;
  referralId: string;
  recipientOrganizationId: string;
  recipientOrganizationName: string;
  items: readonly string[];
  consentObtained: boolean | null;
  consentMethod: string | null;
  consentObtainedAt: Date | null;
  consentGivenBy: string | null;
  handoffSeq: number;
}

/** Which header row (and cell wording) a CSV export has: Japanese for people opening it in Excel, or the codes scripts read. */
export enum CsvHeaders {
  /** Japanese headers (the glossary's words), Japanese labels beside the codes of enum cells. The default. */
  JAPANESE = 'JAPANESE',
  /** The machine-readable headers and cells, exactly as before the Japanese ones existed. */
  CODES = 'CODES',
}

export const PROVISION_CSV_HEADER = [
  'atJst',
  'recipientOrganizationName',
  'recipientOrganizationId',
  'referralId',
  'items',
  'consentObtained',
  'consentMethod',
  'consentObtainedAtJst',
  'consentGivenBy',
  'handoffSeq',
  'recordId',
] as const;

/** The Japanese header: the code columns' headers in Japanese, and the items' labels in a column of their own before their codes. */
export const PROVISION_CSV_HEADER_JA = [
  '提供日時',
  '提供先',
  '提供先ID',
  '依頼ID',
  '提供した項目',
  '提供した項目（コード）',
  '同意',
  '同意の方法',
  '同意取得日時',
  '同意した人',
  '履歴番号',
  '記録ID',
] as const;

const CONSENT_JA = { true: 'あり', false: 'なし' } as const;

export function provisionRecordsCsv(rows: readonly ProvisionCsvRow[], headers: CsvHeaders = CsvHeaders.JAPANESE): string {
  const japanese = headers === CsvHeaders.JAPANESE;
  const lines = [(japanese ? PROVISION_CSV_HEADER_JA : PROVISION_CSV_HEADER).map(csvField).join(',')];
  for (const row of rows) {
    const consent = row.consentObtained === null ? '' : japanese ? CONSENT_JA[`${row.consentObtained}`] : String(row.consentObtained);
    lines.push(
      [
        jst(row.at),
        row.recipientOrganizationName,
        row.recipientOrganizationId,
        row.referralId,
        ...(japanese ? [row.items.map((item) => PERSONAL_DATA_ITEM_LABELS[item as PersonalDataItem] ?? item).join('・')] : []),
        row.items.join(';'),
        consent,
        row.consentMethod ?? '',
        row.consentObtainedAt ? jst(row.consentObtainedAt) : '',
        row.consentGivenBy ?? '',
        String(row.handoffSeq),
        row.id,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return BOM + lines.map((line) => `${line}\r\n`).join('');
}

/** One field: quoted when RFC 4180 needs it, defused when Excel would read it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "2026-11-20 10:00:00" in Japan time (+09:00, no daylight saving): a form Excel reads as a date and time. */
export function jst(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
