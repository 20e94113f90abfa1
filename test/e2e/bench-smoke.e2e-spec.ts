// The benchmark (scripts/bench, `npm run bench`) is a script that prints figures, not a timed test; this runs its
// smallest version from the build so that it cannot rot: it must start its own stack, run all six scenarios, the
// per-hop breakdown and a small memory-and-restart scenario, print the table and exit 0. No timing is asserted. When
// the suite runs on the cluster (TSUNAGU_TEST_TEMPORAL=cluster, npm run test:cluster), so does the benchmark (--cluster).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Minutes on a busy machine: it starts a whole stack of its own and opens, restarts and answers 200 referrals.
jest.setTimeout(600_000);

const SCRIPT = join(__dirname, '..', '..', 'dist', 'scripts', 'bench', 'main.js');
const ON_CLUSTER = process.env.TSUNAGU_TEST_TEMPORAL === 'cluster';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe(`npm run bench -- --smoke${ON_CLUSTER ? ' --cluster' : ''}`, () => {
  it('runs every scenario and prints the report', async () => {
    expect(existsSync(SCRIPT)).toBe(true);
    const { code, stdout, stderr } = await run(ON_CLUSTER ? ['--smoke', '--cluster'] : ['--smoke']);
    if (code !== 0) throw new Error(`bench exited with ${code}:\n${stderr.slice(-4000)}`);
    expect(stdout.split('\n')[0]).toMatch(
      ON_CLUSTER ? /^# Tsunagu benchmark \(smoke\) on the cluster,/ : /^# Tsunagu benchmark \(smoke\) on the dev server,/,
    );

    const summary = stdout.slice(stdout.indexOf('## Summary'));
    for (const id of ['A0', 'A1', 'A2', 'A3', 'A4', 'A5']) expect(summary).toMatch(new RegExp(`^\\| ${id} \\| `, 'm'));
    expect(stdout).toContain('## Where the time goes');
    expect(stdout).toContain('## Memory and restart');
    // Every target is checked (PASS or MISS: figures are not asserted), and the restart lost nothing.
    expect(stdout).toMatch(/^(PASS|MISS) {2}A3 p50/m);
    expect(stdout).toMatch(/^PASS {2}none lost after a worker restart/m);
  });
});
