import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarkdownTable } from '../e2e/markdown-table';
import { FAULT_SCENARIOS, FAULTS_TABLE, FAULTS_TABLE_HEADER, renderFaultsTable, replaceFaultsTable } from './reliability-table';

// The committed table is the fault suite's output (npm run test:faults writes it): the shape the suite writes, every
// scenario once, counts that are whole numbers, and no violation.
describe('docs/RELIABILITY.md, the table of faults survived', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'RELIABILITY.md'), 'utf8');
  const table = readMarkdownTable(doc, FAULTS_TABLE);

  it('has the suite header and one row per scenario, in the suite order', () => {
    expect(table.header).toEqual(FAULTS_TABLE_HEADER);
    expect(table.rows.map((row) => row[0])).toEqual([...FAULT_SCENARIOS]);
  });

  it('holds counts from a run: repetitions, requests and referrals above zero, no invariant violated', () => {
    for (const [scenario, repetitions, requests, retryable, referrals, violations] of table.rows) {
      for (const count of [repetitions, requests, retryable, referrals, violations]) expect(count).toMatch(/^\d+$/);
      expect({ scenario, repetitions: Number(repetitions) > 0, requests: Number(requests) > 0, referrals: Number(referrals) > 0 }).toEqual({
        scenario,
        repetitions: true,
        requests: true,
        referrals: true,
      });
      expect({ scenario, violations }).toEqual({ scenario, violations: '0' });
    }
  });

  it('names the run that wrote it', () => {
    expect(doc).toMatch(/<!-- faults-table:start -->\nWritten by `npm run test:faults` on \d{4}-\d{2}-\d{2}: seed \d+/);
  });
});

describe('replaceFaultsTable', () => {
  const row = { scenario: FAULT_SCENARIOS[0], repetitions: 3, requests: 120, retryableErrors: 7, referrals: 60, violations: 0 };

  it('replaces what is between the markers and keeps the rest', () => {
    const before = 'intro\n<!-- faults-table:start -->\nold\n<!-- faults-table:end -->\noutro\n';
    const after = replaceFaultsTable(before, [row], 'note');
    expect(after).toBe(`intro\n<!-- faults-table:start -->\nnote\n\n${renderFaultsTable([row])}\n<!-- faults-table:end -->\noutro\n`);
    expect(readMarkdownTable(after, FAULTS_TABLE).rows).toEqual([['kill -9 api', '3', '120', '7', '60', '0']]);
  });

  it('refuses a document without the markers', () => {
    expect(() => replaceFaultsTable('no table here', [row], 'note')).toThrow(/faults-table:start/);
  });
});
