// The fault suite's own stack (docs/RELIABILITY.md): PostgreSQL, Temporal, a mail catcher, the compiled worker and api,
// each a process this file can kill -9 and start again on the same port, data directory and configuration. Built from
// the parts of libs/testing (startStack starts them but cannot take one down and bring it back).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateDataKeyEntry } from '@tsunagu/crypto';
import { ServerProcess } from '@tsunagu/testing/servers/child-process';
import { RunningPostgres, startPostgres } from '@tsunagu/testing/servers/embedded-postgres';
import { freePort } from '@tsunagu/testing/servers/free-port';
import { startMailCatcher } from '@tsunagu/testing/servers/mail-catcher';
import { RunningTemporalCluster, startTemporalCluster } from '@tsunagu/testing/servers/temporal-cluster';
import { startTemporalDevServer } from '@tsunagu/testing/servers/temporal-dev-server';
import { startApiProcess, startWorkerProcess } from '@tsunagu/testing/stack/app-processes';
import { repoRoot } from '@tsunagu/testing/tools';

/** Temporal's services that the suite kills one at a time, when it runs on the cluster. */
export type TemporalService = 'frontend' | 'history' | 'matching' | 'worker';

export interface FaultStack {
  graphqlUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  appEnv: Record<string, string>;
  /** Whether Temporal runs as separate services (the cluster) that killTemporal can reach. */
  cluster: boolean;
  killApi(): Promise<void>;
  /** SIGTERM, as an orchestrator restarting it would: in-flight requests get their answer or their connection cut. */
  stopApi(): Promise<void>;
  startApi(): Promise<void>;
  killWorker(): Promise<void>;
  startWorker(): Promise<void>;
  /** kill -9 of the postmaster and every backend: a crash, with recovery from the WAL at the next start. */
  killPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  killTemporal(service: TemporalService): Promise<void>;
  startTemporal(service: TemporalService): Promise<void>;
  /** Whatever a scenario left down is started again. */
  ensureRunning(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Whether the suite runs on Temporal's own server, its four services as separate processes (the cluster of
 * libs/testing, built by scripts/install-temporal-server.mjs, which `npm run test:faults` runs first): always, unless
 * FAULTS_TEMPORAL=dev, which runs on the CLI's dev server without the scenarios that kill one of Temporal's services.
 * A missing server build fails the run (startTemporalCluster says how to build it) rather than skipping them quietly.
 */
export function canStartCluster(): boolean {
  return process.env.FAULTS_TEMPORAL !== 'dev';
}

const exec = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFaultStack(log: (line: string) => void): Promise<FaultStack> {
  // What has started, to stop in reverse order: at the end, or at once when a later part fails to start (a PostgreSQL
  // left running would keep jest from exiting).
  const stops: Array<() => Promise<void>> = [];
  try {
    return await startParts(log, stops);
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

async function startParts(log: (line: string) => void, stops: Array<() => Promise<void>>): Promise<FaultStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-faults-'));
  stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const pgDir = join(dataDir, 'postgres');
  const pgPort = await freePort('127.0.0.1');
  const apiPort = await freePort('127.0.0.1');

  // persistent: the data directory must outlive a killed postmaster; the folder is removed at stop instead.
  const startPg = () => startPostgres({ dataDir: pgDir, port: pgPort, database: 'tsunagu', persistent: true });
  let postgres: RunningPostgres | null = await startPg();
  stops.push(async () => postgres?.stop());
  const databaseUrl = postgres.url;
  log(`PostgreSQL ${pgPort}, data in ${pgDir}`);

  // Temporal's persistence on a PostgreSQL of its own, as production would have it: the PostgreSQL fault hits
  // Tsunagu's database, the service faults hit Temporal.
  let cluster: RunningTemporalCluster | null = null;
  let temporal: { address: string; stop(): Promise<void> };
  if (canStartCluster()) {
    cluster = await startTemporalCluster({ dataDir: join(dataDir, 'temporal'), log });
    temporal = cluster;
  } else {
    temporal = await startTemporalDevServer({ port: 0, uiPort: false, logFile: join(dataDir, 'temporal.log') });
    log(`Temporal dev server ${temporal.address}`);
  }
  stops.push(() => temporal.stop());
  const namespace = 'tsunagu';

  // The compiled `npm run migrate`, in its own process: jest's module system cannot load Nest 12's ES modules. No demo
  // data: the load runs in a test city of its own (createTestCity).
  await exec(process.execPath, [join(repoRoot(), 'dist', 'libs', 'persistence', 'src', 'migrate.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });

  const mail = await startMailCatcher({});
  stops.push(() => mail.stop());

  const appEnv = {
    ...(Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)) as Record<string, string>),
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: namespace,
    // One secret and one data key for the whole run: a token and an encrypted payload outlive every restart.
    TSUNAGU_JWT_SECRET: randomBytes(32).toString('hex'),
    TSUNAGU_DATA_KEYS: generateDataKeyEntry('faults'),
    TSUNAGU_DATA_KEY_ACTIVE: 'faults',
    // Short, so a client hears UNAVAILABLE (and retries) well within a scenario rather than waiting out an outage.
    TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS: '8',
    TSUNAGU_METRICS_PORT: '',
    SMTP_URL: mail.url,
    MAIL_FROM: 'no-reply@tsunagu.test',
    MAIL_POLL_MS: '500',
    MAIL_RETRY_BASE_SECONDS: '1',
  };

  let api: ServerProcess | null = null;
  let worker: ServerProcess | null = null;
  let apiStarts = 0;
  let workerStarts = 0;
  const startApi = async () => {
    apiStarts += 1;
    api = await startApiProcess(appEnv, apiPort, join(dataDir, `api-${apiStarts}.log`));
  };
  const startWorker = async () => {
    workerStarts += 1;
    worker = await startWorkerProcess(appEnv, join(dataDir, `worker-${workerStarts}.log`));
  };
  await startWorker();
  stops.push(async () => worker?.stop());
  await startApi();
  stops.push(async () => api?.stop());

  const killProcess = async (server: ServerProcess | null) => {
    if (!server || server.hasExited()) return;
    server.child.kill('SIGKILL');
    await server.exited;
  };

  const stack: FaultStack = {
    graphqlUrl: `http://127.0.0.1:${apiPort}/graphql`,
    databaseUrl,
    temporalAddress: temporal.address,
    namespace,
    appEnv,
    cluster: cluster !== null,
    killApi: async () => {
      await killProcess(api);
      api = null;
    },
    stopApi: async () => {
      await api?.stop(30_000);
      api = null;
    },
    startApi,
    killWorker: async () => {
      await killProcess(worker);
      worker = null;
    },
    startWorker,
    killPostgres: async () => {
      await killPostgresHard(pgDir);
      // Its host process (embedded-postgres) went with it; its stop() must never run now: it would stop the next one.
      postgres = null;
    },
    startPostgres: async () => {
      postgres = await startPg();
    },
    killTemporal: async (service) => {
      if (!cluster) throw new Error(`Temporal's ${service} service runs inside the dev server here: the cluster is needed`);
      await cluster.services[service].kill('SIGKILL');
    },
    startTemporal: async (service) => {
      if (!cluster) throw new Error(`Temporal's ${service} service runs inside the dev server here: the cluster is needed`);
      await cluster.services[service].start();
    },
    ensureRunning: async () => {
      if (!postgres) postgres = await startPg();
      for (const service of Object.values(cluster?.services ?? {})) if (!service.isRunning()) await service.start();
      if (!worker || worker.hasExited()) await startWorker();
      if (!api || api.hasExited()) await startApi();
    },
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      stops.length = 0;
    },
  };
  return stack;
}

/**
 * SIGKILL to the postmaster named in postmaster.pid, its children (backends, checkpointer, WAL writer) and its parent,
 * the embedded-postgres host; resolves once all are gone.
 */
async function killPostgresHard(pgDir: string): Promise<void> {
  const postmaster = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n', 1)[0]);
  if (!Number.isInteger(postmaster) || postmaster <= 0) throw new Error(`no postmaster pid in ${pgDir}/postmaster.pid`);
  const host = parentPid(postmaster);
  const victims = [postmaster, ...childPids(postmaster)];
  for (const pid of victims) signal(pid, 'SIGKILL');
  if (host && readCmdline(host).includes('embedded-postgres host')) signal(host, 'SIGKILL');
  const deadline = Date.now() + 15_000;
  while ([...victims, host ?? 0].some((pid) => pid && alive(pid))) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL processes still alive 15 s after SIGKILL`);
    await sleep(50);
  }
}

function parentPid(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || null;
  } catch {
    return null;
  }
}

function childPids(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentPid(pid) === parent);
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie (killed, not yet reaped by its parent) counts as gone.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
