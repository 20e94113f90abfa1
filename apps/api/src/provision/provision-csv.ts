// The CSV export of provision records, written for Excel as city staff open it (docs/SECURITY.md, "Provision records").
// UTF-8 with a byte-order mark (Excel reads BOM-less UTF-8 as Shift_JIS), a header row, CRLF line ends, and RFC 4180
// quoting: a field with a comma, a double quote or a line break goes in double quotes, its quotes doubled. A field that
// Excel would take for a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe, so a name or consent
// method typed into a form cannot run as a formula on an auditor's machine. Pure: unit-tested.

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

export function provisionRecordsCsv(rows: readonly ProvisionCsvRow[]): string {
  const lines = [PROVISION_CSV_HEADER.map(csvField).join(',')];
  for (const row of rows) {
    lines.push(
      [
        jst(row.at),
        row.recipientOrganizationName,
        row.recipientOrganizationId,
        row.referralId,
        row.items.join(';'),
        row.consentObtained === null ? '' : String(row.consentObtained),
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
