// docs/schema.graphql is the printed schema the web console's typed operations are generated from: it must match what
// the code builds. Runs the compiled script as `npm run schema:check` does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const PRINT_SCHEMA = join(root, 'dist/scripts/print-schema.js');
const COMMITTED = join(root, 'docs/schema.graphql');

function check(file: string): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [PRINT_SCHEMA, '--check', '--file', file], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

it('docs/schema.graphql matches the schema the code builds', () => {
  expect(check(COMMITTED)).toEqual({ code: 0, output: expect.stringContaining('matches the code') });
});

it('the check fails on a schema file that drifted', () => {
  const drifted = join(mkdtempSync(join(tmpdir(), 'tsunagu-schema-')), 'schema.graphql');
  writeFileSync(drifted, readFileSync(COMMITTED, 'utf8').replace('type Area {', 'type Area {\n  population: Int'));
  expect(check(drifted)).toEqual({ code: 1, output: expect.stringContaining('differs from the schema the code builds') });
});
