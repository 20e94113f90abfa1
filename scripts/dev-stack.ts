// `npm start`: the whole stack on embedded defaults, data under .data/, until Ctrl-C stops every process it started.
// With DATABASE_URL and/or TEMPORAL_ADDRESS set, those servers are used instead of embedded ones.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInteger } from '@tsunagu/domain';
import { repoRoot, startStack } from '@tsunagu/testing';

async function main(): Promise<void> {
  const dataDir = join(repoRoot(), '.data');
  mkdirSync(dataDir, { recursive: true });
  const apiPort = readInteger(process.env, 'PORT', 4000, { min: 1, max: 65535 });
  const uiPort = readInteger(process.env, 'TEMPORAL_UI_PORT', 8233, { min: 1, max: 65535 });

  console.log('Tsunagu: starting (data in .data/) ...');
  const stack = await startStack({
    dataDir,
    persistent: true,
    apiPort,
    temporalUiPort: uiPort,
    databaseUrl: process.env.DATABASE_URL || undefined,
    temporalAddress: process.env.TEMPORAL_ADDRESS || undefined,
    demoPassword: process.env.TSUNAGU_DEMO_PASSWORD || undefined,
    env: { NODE_ENV: process.env.NODE_ENV ?? 'development', TSUNAGU_JWT_SECRET: process.env.TSUNAGU_JWT_SECRET ?? devSecret(dataDir) },
    log: (line) => console.log(`  ${line}`),
  });

  console.log(`\nGraphQL      ${stack.graphqlUrl}`);
  if (stack.temporalUiUrl) console.log(`Temporal UI  ${stack.temporalUiUrl.replace('127.0.0.1', 'localhost')}`);
  console.log('Sign in as   tier2@tsunagu.test (and admin@, tier1@, npo@, silver@) with the demo password; Ctrl-C stops.');

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

/** A signing key kept with the local data, so tokens survive a restart of the dev stack. */
function devSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

main().catch((error) => {
  console.error(`Tsunagu: could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
