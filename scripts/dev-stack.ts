// `npm start`: the whole stack on embedded defaults, data under .data/, until Ctrl-C stops every process it started.
// With DATABASE_URL and/or TEMPORAL_ADDRESS set, those servers are used instead of embedded ones; with SMTP_URL set, mail
// goes to that server instead of the local mail catcher, which keeps every mail under .data/mail/ (the console's 送信メール).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInteger } from '@tsunagu/domain';
import { generateDataKeyEntry } from '@tsunagu/crypto';
import { repoRoot, startStack } from '@tsunagu/testing';

async function main(): Promise<void> {
  const dataDir = join(repoRoot(), '.data');
  mkdirSync(dataDir, { recursive: true });
  const apiPort = readInteger(process.env, 'PORT', 4000, { min: 1, max: 65535 });
  const uiPort = readInteger(process.env, 'TEMPORAL_UI_PORT', 8233, { min: 1, max: 65535 });

  // The console's address first: it is what a coordinator opens.
  console.log(`Tsunagu: the console will be at http://localhost:${apiPort}/ (starting, data in .data/) ...`);
  const stack = await startStack({
    dataDir,
    persistent: true,
    apiPort,
    temporalUiPort: uiPort,
    // /metrics of each on loopback (docs/OPERATIONS.md, "Metrics and health").
    metricsPorts: { api: 9464, worker: 9465 },
    databaseUrl: process.env.DATABASE_URL || undefined,
    temporalAddress: process.env.TEMPORAL_ADDRESS || undefined,
    demoPassword: process.env.TSUNAGU_DEMO_PASSWORD || undefined,
    mailCatcher: { dir: join(dataDir, 'mail') },
    env: {
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      TSUNAGU_JWT_SECRET: process.env.TSUNAGU_JWT_SECRET ?? devSecret(dataDir),
      ...devDataKeys(dataDir),
    },
    log: (line) => console.log(`  ${line}`),
  });

  console.log(`\nConsole      ${stack.webUrl}`);
  console.log(`GraphQL      ${stack.graphqlUrl}`);
  if (stack.temporalUiUrl) console.log(`Temporal UI  ${stack.temporalUiUrl.replace('127.0.0.1', 'localhost')}`);
  console.log('Metrics      http://127.0.0.1:9464/metrics (api), http://127.0.0.1:9465/metrics (worker)');
  console.log(
    stack.mailCatcher
      ? `Mail         kept, never delivered: .data/mail/ and the console's 送信メール (admin@); SMTP_URL sends for real`
      : `Mail         sent to ${redactUrl(stack.appEnv.SMTP_URL ?? '')} (SMTP_URL)`,
  );
  console.log('Sign in as   tier2@tsunagu.test (and admin@, tier1@, npo@, silver@, center@, subcommittee@); Ctrl-C stops.');
  console.log('Password     tsunagu-demo, unless TSUNAGU_DEMO_PASSWORD chose another at the first start (README, "Users").');

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nTsunagu: stopping (${why}) ...`);
    await stack.stop();
    console.log('Tsunagu: stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl-C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A crashed api or worker takes the stack down rather than leaving half of it running.
  void stack.api.exited.then((status) => stop(`api exited with ${status.code ?? status.signal}`));
  void stack.worker.exited.then((status) => stop(`worker exited with ${status.code ?? status.signal}`));
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** A signing key kept with the local data, so tokens survive a restart of the dev stack. */
function devSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The data keys (personal data at rest and in Temporal) kept with the local data, so what was written stays readable
 * after a restart: `.data/data-keys` holds the TSUNAGU_DATA_KEYS value, the first key encrypting unless
 * TSUNAGU_DATA_KEY_ACTIVE says otherwise. Set TSUNAGU_DATA_KEYS in the environment to use other keys.
 */
function devDataKeys(dataDir: string): NodeJS.ProcessEnv {
  if (process.env.TSUNAGU_DATA_KEYS?.trim()) return {};
  const file = join(dataDir, 'data-keys');
  if (!existsSync(file)) writeFileSync(file, `${generateDataKeyEntry('dev1')}\n`, { mode: 0o600 });
  const keys = readFileSync(file, 'utf8').trim();
  const first = keys.split(',')[0].split(':')[0].trim();
  return { TSUNAGU_DATA_KEYS: keys, TSUNAGU_DATA_KEY_ACTIVE: process.env.TSUNAGU_DATA_KEY_ACTIVE || first };
}

main().catch((error) => {
  console.error(`Tsunagu: could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
