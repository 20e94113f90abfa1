// The table of faults survived in docs/RELIABILITY.md, between `<!-- faults-table:start -->` and `<!-- faults-table:end -->`:
// written by the fault suite (test/faults), read back by its shape check (reliability-table.spec.ts). Pure.

export const FAULTS_TABLE = 'faults-table';

/** Every scenario the suite runs, in the table's order (docs/RELIABILITY.md, "Scenarios"). */
export const FAULT_SCENARIOS = [
  'kill -9 api',
  'kill -9 worker',
  'kill -9 Temporal history',
  'kill -9 Temporal matching',
  'kill -9 Temporal frontend',
  'PostgreSQL killed and restarted',
  'api restarted, clients retrying',
] as const;
export type FaultScenario = (typeof FAULT_SCENARIOS)[number];

export interface FaultRow {
  scenario: FaultScenario;
  repetitions: number;
  requests: number;
  retryableErrors: number;
  referrals: number;
  violations: number;
}

export const FAULTS_TABLE_HEADER = ['scenario', 'repetitions', 'requests sent', 'retryable errors seen', 'referrals checked', 'invariant violations'];

export function renderFaultsTable(rows: readonly FaultRow[]): string {
  const lines = [
    `| ${FAULTS_TABLE_HEADER.join(' | ')} |`,
    `|${FAULTS_TABLE_HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.scenario} | ${r.repetitions} | ${r.requests} | ${r.retryableErrors} | ${r.referrals} | ${r.violations} |`),
  ];
  return lines.join('\n');
}

/** The document with the table between its markers replaced, and a line saying when and how the suite made it. */
export function replaceFaultsTable(markdown: string, rows: readonly FaultRow[], note: string): string {
  const start = `<!-- ${FAULTS_TABLE}:start -->`;
  const end = `<!-- ${FAULTS_TABLE}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} ... ${end} in the document`);
  return `${markdown.slice(0, from + start.length)}\n${note}\n\n${renderFaultsTable(rows)}\n${markdown.slice(to)}`;
}
