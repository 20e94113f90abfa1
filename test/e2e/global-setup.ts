// Starts the real stack once for the e2e tier: embedded PostgreSQL, Temporal dev server, migrations, demo data, a mail
// catcher (the SMTP server the worker sends to), and the compiled worker and api as separate processes. Runs from the
// build (npm test builds first), as `npm start` does: jest's global setup gets no module mapping for the @tsunagu/* paths.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Testing = typeof import('../../libs/testing/src');
type Persistence = typeof import('../../libs/persistence/src');
type Crypto = typeof import('../../libs/crypto/src');

export function fromBuild<T>(path: string): T {
  const file = join(__dirname, '..', '..', 'dist', path);
  if (!existsSync(`${file}.js`) && !existsSync(join(file, 'index.js'))) {
    throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests (npm test does)`);
  }
  return require(file) as T;
}

export default async function globalSetup(): Promise<void> {
  const { freePort, startStack, writeE2eState } = fromBuild<Testing>('libs/testing/src');
  const { DEFAULT_DEMO_PASSWORD } = fromBuild<Persistence>('libs/persistence/src');
  const { generateDataKeyEntry } = fromBuild<Crypto>('libs/crypto/src');
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-'));
  const started = Date.now();
  // npm run test:cluster sets cluster: the same tier on Temporal's own server, four processes on PostgreSQL.
  const temporal = process.env.TSUNAGU_TEST_TEMPORAL || 'dev';
  if (temporal !== 'dev' && temporal !== 'cluster') throw new Error(`TSUNAGU_TEST_TEMPORAL=${temporal}: expected dev (the default) or cluster`);
  const stack = await startStack({
    temporal,
    dataDir,
    persistent: false,
    apiPort: await freePort('127.0.0.1'),
    temporalUiPort: false,
    // Every mail the worker sends lands here: test files read it through the catcher's control API (e2eMailCatcher()),
    // and the api's 送信メール page lists the folder.
    mailCatcher: { dir: join(dataDir, 'mail'), control: true },
    // Production settings: what users get (no stack traces, no introspection).
    env: {
      NODE_ENV: 'production',
      TSUNAGU_JWT_SECRET: randomBytes(32).toString('hex'),
      // Random data keys for this run: e2e-a encrypts; e2e-b is rolled out too, as before a switch, for the rotation
      // test (personal-data.e2e-spec.ts).
      TSUNAGU_DATA_KEYS: `${generateDataKeyEntry('e2e-a')},${generateDataKeyEntry('e2e-b')}`,
      TSUNAGU_DATA_KEY_ACTIVE: 'e2e-a',
      // Sign-in rate limits: a 30 s window, so users.e2e-spec.ts can wait one out, and 10 failures per address, so it
      // can reach the limit well within the window on a busy machine. The tests reach the api from loopback and may name
      // another client address in X-Forwarded-For, so failures they provoke on purpose do not count against 127.0.0.1,
      // where every test signs in from.
      TSUNAGU_LOGIN_WINDOW_SECONDS: '30',
      TSUNAGU_LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
      TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS: '10',
      TSUNAGU_TRUST_PROXY: 'loopback',
      // Above worker-restart.e2e-spec.ts's 25 s without a worker, whose mutations wait for the next one; the short
      // bound is unavailable.e2e-spec.ts's own api.
      TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS: '60',
      // Mail (docs/NOTIFICATIONS.md): quick polls and retries, so notifications.e2e-spec.ts sees a failure become FAILED
      // in seconds (3 attempts, 1 s then 2 s apart). No waiting for a pause in the handoffs (its SQL has a db-tier
      // test): the files run back to back, and a mail held for one file's last moves would reach the next file's
      // catcher tests (mail-catcher.e2e-spec.ts counts and refuses the mails it causes).
      MAIL_POLL_MS: '200',
      MAIL_QUIET_MS: '0',
      MAIL_RETRY_BASE_SECONDS: '1',
      MAIL_MAX_ATTEMPTS: '3',
      TSUNAGU_CITY_NAME: 'テスト市',
      CONSOLE_URL: 'https://tsunagu.test.example',
    },
  });
  (globalThis as Record<string, unknown>).__TSUNAGU_E2E__ = { stack, dataDir };
  writeE2eState(join(dataDir, 'state.json'), {
    graphqlUrl: stack.graphqlUrl,
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    appEnv: Object.fromEntries(Object.entries(stack.appEnv).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    workerPid: stack.worker.child.pid!,
    demoPassword: DEFAULT_DEMO_PASSWORD,
    dataDir,
    mailCatcherControlUrl: stack.mailCatcher?.controlUrl,
    temporal,
    temporalCluster: stack.temporalCluster && {
      databaseUrl: stack.temporalCluster.databaseUrl,
      visibilityDatabaseUrl: stack.temporalCluster.visibilityDatabaseUrl,
      pids: Object.fromEntries(Object.entries(stack.temporalCluster.services).map(([name, service]) => [name, service.pid!])),
    },
  });
  console.log(
    `\ne2e stack up in ${((Date.now() - started) / 1000).toFixed(1)} s on the Temporal ${temporal === 'cluster' ? 'cluster' : 'dev server'}: ${stack.graphqlUrl}`,
  );
}
