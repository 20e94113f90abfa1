// What the e2e global setup hands the test files: where the stack runs and how to start another worker.
import { readFileSync, writeFileSync } from 'node:fs';

export interface E2eState {
  graphqlUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  /** Environment the api and worker run with. */
  appEnv: Record<string, string>;
  workerPid: number;
  demoPassword: string;
  /** The stack's folder: api.log and worker.log of the processes it started are here. */
  dataDir?: string;
  /** The mail catcher's control API (e2eMailCatcher() in mail-catcher-client.ts); the worker sends to it (SMTP_URL). */
  mailCatcherControlUrl?: string;
  /** Which Temporal the stack runs on: the CLI's dev server, or Temporal's own server as a cluster (npm run test:cluster). */
  temporal?: 'dev' | 'cluster';
  /** With temporal 'cluster': its databases and the process id of each service. */
  temporalCluster?: { databaseUrl: string; visibilityDatabaseUrl: string; pids: Record<string, number> };
}

const STATE_FILE_VARIABLE = 'TSUNAGU_E2E_STATE_FILE';

export function writeE2eState(file: string, state: E2eState): void {
  writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  process.env[STATE_FILE_VARIABLE] = file;
}

export function readE2eState(): E2eState {
  const file = process.env[STATE_FILE_VARIABLE];
  if (!file) throw new Error(`${STATE_FILE_VARIABLE} is not set: run e2e tests through jest --selectProjects e2e`);
  return JSON.parse(readFileSync(file, 'utf8')) as E2eState;
}
