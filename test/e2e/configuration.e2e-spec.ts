// Configuration is validated at start-up: a missing or malformed value stops each process with a message naming it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const entries = {
  api: join(root, 'dist/apps/api/src/main.js'),
  worker: join(root, 'dist/apps/worker/src/main.js'),
  migrate: join(root, 'dist/libs/persistence/src/migrate.js'),
};
const good = {
  DATABASE_URL: 'postgres://tsunagu:secret-password@127.0.0.1:1/tsunagu',
  TEMPORAL_ADDRESS: '127.0.0.1:1',
  TSUNAGU_JWT_SECRET: 'x'.repeat(40),
};

function run(entry: string, env: Record<string, string | undefined>) {
  const { PATH, HOME } = process.env;
  const result = spawnSync(process.execPath, [entry], { env: { PATH, HOME, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('start-up configuration', () => {
  it.each([
    ['api', 'TSUNAGU_JWT_SECRET', { ...good, TSUNAGU_JWT_SECRET: undefined }, 'is required'],
    ['api', 'TSUNAGU_JWT_SECRET', { ...good, TSUNAGU_JWT_SECRET: 'short' }, 'at least 32'],
    ['api', 'PORT', { ...good, PORT: 'eighty' }, 'whole number'],
    ['api', 'DATABASE_URL', { ...good, DATABASE_URL: 'mysql://db/tsunagu' }, 'must use postgres'],
    ['api', 'TSUNAGU_LOGIN_MAX_FAILURES_PER_ACCOUNT', { ...good, TSUNAGU_LOGIN_MAX_FAILURES_PER_ACCOUNT: '0' }, 'at least 1'],
    ['api', 'TSUNAGU_TRUST_PROXY', { ...good, TSUNAGU_TRUST_PROXY: 'true' }, 'must not be true'],
    ['api', 'TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS', { ...good, TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS: '0' }, 'at least 1'],
    ['api', 'TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS', { ...good, TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS: '731' }, 'at most 730'],
    ['worker', 'TEMPORAL_ADDRESS', { ...good, TEMPORAL_ADDRESS: undefined }, 'is required'],
    ['worker', 'TEMPORAL_ADDRESS', { ...good, TEMPORAL_ADDRESS: 'http://temporal' }, 'host:port'],
    ['worker', 'WORKER_MAX_CACHED_WORKFLOWS', { ...good, WORKER_MAX_CACHED_WORKFLOWS: '-5' }, 'at least 0'],
    ['api', 'TSUNAGU_METRICS_PORT', { ...good, TSUNAGU_METRICS_PORT: '70000' }, 'at most 65535'],
    ['worker', 'TSUNAGU_METRICS_HOST', { ...good, TSUNAGU_METRICS_PORT: '9464', TSUNAGU_METRICS_HOST: 'http://x/' }, 'must be an address'],
    ['migrate', 'DATABASE_URL', { DATABASE_URL: 'not a url' }, 'must be a URL'],
  ] as const)('%s stops when %s is wrong', (app, variable, env, problem) => {
    const { status, output } = run(entries[app], env);
    expect(status).toBe(1);
    expect(output).toContain(`Configuration error: ${variable}`);
    expect(output).toContain(problem);
    expect(output).not.toContain('secret-password');
  });
});
