// Starts Temporal's own server as a cluster: frontend, history, matching and worker each as its own process, on
// PostgreSQL persistence (the shape a city runs in production), for `npm run test:cluster`, the fault suite and the
// cluster benchmark. The binaries are built from source by scripts/install-temporal-server.mjs (docs/OPERATIONS.md,
// "Temporal cluster in the tests"). docker/compose.yaml runs the same version, plugin, schemas and namespace: the
// constants below are what its consistency test compares against.
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import { temporalServerPin, temporalServerToolPath } from '../tools';
import { ServerProcess, spawnServerProcess } from './child-process';
import { RunningPostgres, startPostgres } from './embedded-postgres';
import { freePort, isPortOpen } from './free-port';
import { untilTemporalAnswers } from './temporal-ready';

/** The Temporal server release the harness builds and runs (scripts/temporal-server.json). */
export const TEMPORAL_SERVER_VERSION = temporalServerPin().version;
/** Temporal's SQL plugin for PostgreSQL 12 and newer (the embedded PostgreSQL is 18). */
export const TEMPORAL_SQL_PLUGIN = 'postgres12';
/** The two databases and the schema each gets (`sql update-schema --schema-name …`, schemas embedded in the sql tool). */
export const TEMPORAL_DATABASES = {
  default: { database: 'temporal', schemaName: 'postgresql/v12/temporal' },
  visibility: { database: 'temporal_visibility', schemaName: 'postgresql/v12/visibility' },
} as const;
export const TEMPORAL_NAMESPACE = 'tsunagu';
/** As the CLI's dev server gives its namespaces (`temporal server start-dev`: 24h). */
export const TEMPORAL_NAMESPACE_RETENTION_SECONDS = 24 * 60 * 60;
/**
 * History shards: fixed for the life of a cluster's database. 4, as Temporal's own development configs: a handful of
 * shards keep start-up and the shard-ownership work after a history restart short; production clusters use 512 or more.
 */
export const TEMPORAL_HISTORY_SHARDS = 4;
export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalServiceName = (typeof TEMPORAL_SERVICES)[number];

/**
 * Dynamic config the cluster runs with. Updates and update-with-start (the api's executeUpdate/executeUpdateWithStart,
 * the latter through ExecuteMultiOperation) are on by default in 1.32.1: `frontend.enableUpdateWorkflowExecution` and
 * `…AsyncAccepted` default to true, and `frontend.enableExecuteMultiOperation` no longer exists (unknown keys are ignored,
 * so it is not listed). They are stated here so that a change of default in a later release does not silently turn them off.
 */
export const TEMPORAL_DYNAMIC_CONFIG = `# Written by libs/testing/src/servers/temporal-cluster.ts
frontend.enableUpdateWorkflowExecution:
  - value: true
frontend.enableUpdateWorkflowExecutionAsyncAccepted:
  - value: true
system.enableEagerWorkflowStart:
  - value: true
`;

export interface TemporalClusterOptions {
  /** Config, logs (temporal-<service>.log) and, without `postgresUrl`, the cluster's own PostgreSQL. */
  dataDir: string;
  /**
   * A PostgreSQL to put the `temporal` and `temporal_visibility` databases on: a URL whose user may create databases
   * (the embedded one's superuser). Omitted: an embedded PostgreSQL of its own in `<dataDir>/postgres`.
   */
  postgresUrl?: string;
  /** For the own PostgreSQL: keep its data after stop. Default false. */
  persistent?: boolean;
  /** Default "tsunagu". */
  namespace?: string;
  /** Temporal's log level (debug, info, warn, error). Default warn: info logs every shard movement. */
  logLevel?: string;
  log?: (line: string) => void;
}

export interface TemporalClusterService {
  readonly name: TemporalServiceName;
  /** Process id while running. */
  readonly pid: number | undefined;
  /** 127.0.0.1:<gRPC port>; the same across restarts. */
  readonly grpcAddress: string;
  readonly logFile: string;
  isRunning(): boolean;
  /** Sends `signal` (default SIGKILL, as a crash) and resolves once the process has exited. No-op when not running. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same ports, config and databases; resolves once its gRPC port accepts connections. */
  start(): Promise<void>;
  /** Graceful stop (SIGTERM), then start. */
  restart(): Promise<void>;
}

export interface RunningTemporalCluster {
  /** host:port of the frontend, for Connection/NativeConnection `address`. */
  address: string;
  namespace: string;
  /** The `temporal` database (executions, namespaces, cluster membership). */
  databaseUrl: string;
  visibilityDatabaseUrl: string;
  services: Record<TemporalServiceName, TemporalClusterService>;
  /** The cluster's own PostgreSQL, when it started one. */
  postgres?: RunningPostgres;
  configFile: string;
  /** Resolves once the frontend answers and the namespace can start a workflow whose task a poller gets. */
  waitUntilReady(timeoutMs?: number): Promise<void>;
  /** Stops the services (worker and frontend first), then the own PostgreSQL. Idempotent. */
  stop(): Promise<void>;
}

export interface TemporalServicePorts {
  grpc: number;
  membership: number;
  /** The frontend's HTTP API. */
  http?: number;
}

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 120_000;
const SERVICE_START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const exec = promisify(execFile);

/**
 * Creates the databases and schemas (once: a database that already has them is only brought up to date), writes the
 * config, starts the four services, registers the namespace and waits until a workflow can be started and polled.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<RunningTemporalCluster> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const namespace = options.namespace ?? TEMPORAL_NAMESPACE;
  mkdirSync(dataDir, { recursive: true });
  const serverPath = temporalServerToolPath('server');

  let ownPostgres: RunningPostgres | undefined;
  const services: Partial<Record<TemporalServiceName, ClusterService>> = {};
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // Clients first, history last: history hands its shards back on a graceful stop.
      for (const name of ['worker', 'frontend', 'matching', 'history'] as const) await services[name]?.stop();
      await ownPostgres?.stop();
    })());

  try {
    let postgresUrl = options.postgresUrl;
    if (!postgresUrl) {
      ownPostgres = await startPostgres({ dataDir: join(dataDir, 'postgres'), persistent: options.persistent ?? false, database: 'postgres' });
      postgresUrl = ownPostgres.url;
    }
    const pg = new URL(postgresUrl);
    const databaseUrl = withDatabase(pg, TEMPORAL_DATABASES.default.database);
    const visibilityDatabaseUrl = withDatabase(pg, TEMPORAL_DATABASES.visibility.database);
    await setUpDatabases(pg, log);

    const ports = {} as Record<TemporalServiceName, TemporalServicePorts>;
    for (const name of TEMPORAL_SERVICES) ports[name] = { grpc: await freeServicePort(), membership: await freeServicePort() };
    ports.frontend.http = await freeServicePort();
    const address = `${HOST}:${ports.frontend.grpc}`;

    const configFile = join(dataDir, 'temporal-config.yaml');
    const dynamicConfigFile = join(dataDir, 'temporal-dynamic-config.yaml');
    writeFileSync(dynamicConfigFile, TEMPORAL_DYNAMIC_CONFIG);
    writeFileSync(configFile, temporalServerConfig({ pg, ports, dynamicConfigFile, logLevel: options.logLevel ?? 'warn' }), { mode: 0o600 });

    for (const name of TEMPORAL_SERVICES) {
      services[name] = new ClusterService(name, serverPath, configFile, `${HOST}:${ports[name].grpc}`, join(dataDir, `temporal-${name}.log`));
    }
    // One first, the rest together: on a fresh database each process writes the cluster metadata row at start-up, and
    // two doing it at once make one exit ("failed to initialize current cluster metadata").
    await services.frontend!.start();
    await Promise.all(TEMPORAL_SERVICES.filter((name) => name !== 'frontend').map((name) => services[name]!.start()));

    const waitUntilReady = (timeoutMs = STARTUP_TIMEOUT_MS) =>
      waitForNamespace(address, namespace, timeoutMs, services as Record<TemporalServiceName, ClusterService>);
    await registerNamespace(address, namespace, services as Record<TemporalServiceName, ClusterService>);
    await waitUntilReady();
    log(`Temporal     ${address} (cluster ${TEMPORAL_SERVER_VERSION}: ${TEMPORAL_SERVICES.map((n) => `${n} pid ${services[n]!.pid}`).join(', ')})`);

    return {
      address,
      namespace,
      databaseUrl,
      visibilityDatabaseUrl,
      services: services as Record<TemporalServiceName, ClusterService>,
      postgres: ownPostgres,
      configFile,
      waitUntilReady,
      stop,
    };
  } catch (err) {
    const message = (err as Error).message;
    const tails = Object.values(services)
      .map((service) => service.tail())
      .filter((tail) => tail && !message.includes(tail))
      .join('\n');
    await stop();
    throw new Error(`Temporal cluster did not start in ${dataDir}: ${message}${tails ? `\n${tails}` : ''}`, { cause: err });
  }
}

/** One service: a process that can be killed and started again with the same command line. */
class ClusterService implements TemporalClusterService {
  private process: ServerProcess | undefined;

  constructor(
    readonly name: TemporalServiceName,
    private readonly serverPath: string,
    private readonly configFile: string,
    readonly grpcAddress: string,
    readonly logFile: string,
  ) {}

  get pid(): number | undefined {
    return this.isRunning() ? this.process?.child.pid : undefined;
  }

  isRunning(): boolean {
    return Boolean(this.process && !this.process.hasExited());
  }

  async start(): Promise<void> {
    if (this.isRunning()) throw new Error(`Temporal ${this.name} is already running (pid ${this.pid})`);
    const args = ['--config-file', this.configFile, '--allow-no-auth', 'start', '--service', this.name];
    const process = spawnServerProcess(this.serverPath, args, { name: `temporal-${this.name}`, logFile: this.logFile });
    this.process = process;
    const port = Number(this.grpcAddress.split(':').pop());
    const deadline = Date.now() + SERVICE_START_TIMEOUT_MS;
    while (!(await isPortOpen(port, HOST, 500))) {
      if (process.hasExited()) throw new Error(`Temporal ${this.name} exited during start-up\n${this.tail()}`);
      if (Date.now() > deadline)
        throw new Error(`Temporal ${this.name} did not listen on ${this.grpcAddress} within ${SERVICE_START_TIMEOUT_MS / 1000} s\n${this.tail()}`);
      await delay(100);
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const process = this.process;
    if (!process || process.hasExited()) return;
    process.child.kill(signal);
    await process.exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.process?.stop(STOP_GRACE_MS);
  }

  tail(): string {
    const output = this.process?.outputTail();
    return output ? `--- temporal ${this.name} (${this.logFile}, tail) ---\n${output.slice(-3000)}` : '';
  }
}

/**
 * A free port below 32768 whatever the ephemeral range: the membership table stores ports as SMALLINT (a port above
 * 32767 makes every service exit with "out of range for type smallint"). Below the ephemeral range, too (freePort), so no
 * outgoing connection can take a service's port while it is down between kill() and start().
 */
export function freeServicePort(): Promise<number> {
  return freePort(HOST, 32_768);
}

function withDatabase(pg: URL, database: string): string {
  const url = new URL(pg.href);
  url.pathname = `/${database}`;
  return url.href;
}

/**
 * `sql create-database`, `setup-schema -v 0.0` (the schema_version bookkeeping) and `update-schema` to the newest
 * embedded schema, for both databases. Skips what exists, so a persistent cluster (or a second start on the same
 * PostgreSQL) keeps its data and is only upgraded.
 */
async function setUpDatabases(pg: URL, log: (line: string) => void): Promise<void> {
  const sql = temporalServerToolPath('sql');
  for (const { database, schemaName } of Object.values(TEMPORAL_DATABASES)) {
    const run = async (...args: string[]) => {
      const base = [
        '--plugin',
        TEMPORAL_SQL_PLUGIN,
        '--ep',
        pg.hostname,
        '--port',
        pg.port || '5432',
        '--user',
        decodeURIComponent(pg.username),
        '--db',
        database,
      ];
      try {
        // The password through the environment (SQL_PASSWORD), not the command line that `ps` shows.
        await exec(sql, [...base, ...args], { env: { ...process.env, SQL_PASSWORD: decodeURIComponent(pg.password) }, maxBuffer: 16 * 1024 * 1024 });
      } catch (err) {
        const { stdout, stderr } = err as { stdout?: string; stderr?: string };
        throw new Error(`sql ${args.join(' ')} on ${database} failed: ${(stderr || stdout || (err as Error).message).trim().slice(-2000)}`, {
          cause: err,
        });
      }
    };
    const state = await databaseState(pg, database);
    if (!state.exists) await run('create-database');
    if (!state.hasSchemaVersion) await run('setup-schema', '-v', '0.0');
    await run('update-schema', '--schema-name', schemaName);
    log(`Temporal db  ${database}: ${state.exists ? 'brought up to date' : 'created'} (${schemaName})`);
  }
}

async function databaseState(pg: URL, database: string): Promise<{ exists: boolean; hasSchemaVersion: boolean }> {
  const admin = new PgClient({ connectionString: withDatabase(pg, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) return { exists: false, hasSchemaVersion: false };
  } finally {
    await admin.end();
  }
  const client = new PgClient({ connectionString: withDatabase(pg, database) });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('schema_version') IS NOT NULL AS present");
    return { exists: true, hasSchemaVersion: rows[0].present };
  } finally {
    await client.end();
  }
}

/**
 * The server's static config. Every port is a free one, so several clusters (and the dev server) can run side by side;
 * the sections that would bind fixed ports in every process (global.metrics, global.pprof) are left out: four processes
 * with the same config would fight over them.
 */
export function temporalServerConfig(opts: {
  pg: URL;
  ports: Record<TemporalServiceName, TemporalServicePorts>;
  dynamicConfigFile: string;
  logLevel: string;
}): string {
  const { pg, ports } = opts;
  const datastore = (database: string, maxConns: number) => `      sql:
        pluginName: ${TEMPORAL_SQL_PLUGIN}
        databaseName: ${database}
        connectAddr: ${JSON.stringify(`${pg.hostname}:${pg.port || '5432'}`)}
        connectProtocol: tcp
        user: ${JSON.stringify(decodeURIComponent(pg.username))}
        password: ${JSON.stringify(decodeURIComponent(pg.password))}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
  const service = (name: TemporalServiceName) => `  ${name}:
    rpc:
      grpcPort: ${ports[name].grpc}
      membershipPort: ${ports[name].membership}
      bindOnLocalHost: true${ports[name].http ? `\n      httpPort: ${ports[name].http}` : ''}`;
  return `# Written by libs/testing/src/servers/temporal-cluster.ts (Temporal server ${TEMPORAL_SERVER_VERSION})
log:
  stdout: true
  level: ${opts.logLevel}
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${TEMPORAL_HISTORY_SHARDS}
  datastores:
    default:
${datastore(TEMPORAL_DATABASES.default.database, 20)}
    visibility:
${datastore(TEMPORAL_DATABASES.visibility.database, 10)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "${HOST}"
services:
${TEMPORAL_SERVICES.map(service).join('\n')}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "${HOST}:${ports.frontend.grpc}"
dcRedirectionPolicy:
  policy: noop
archival:
  history:
    state: disabled
  visibility:
    state: disabled
namespaceDefaults:
  archival:
    history:
      state: disabled
    visibility:
      state: disabled
dynamicConfigClient:
  filepath: ${JSON.stringify(opts.dynamicConfigFile)}
  pollInterval: 10s
`;
}

/** Registers the namespace (as `temporal operator namespace create --retention 24h` would); an existing one is kept. */
async function registerNamespace(address: string, namespace: string, services: Record<TemporalServiceName, ClusterService>): Promise<void> {
  await untilFrontendAnswers(address, STARTUP_TIMEOUT_MS, services, async (connection) => {
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(TEMPORAL_NAMESPACE_RETENTION_SECONDS * 1000),
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 6) throw err; // ALREADY_EXISTS
    }
  });
}

/**
 * Ready means usable, not only listening: the namespace is known to every service (history and matching learn of a new
 * one on their namespace-cache refresh, up to 10 s later), a workflow starts and its first task reaches a poller. The
 * probe workflow is terminated at once; it stays in visibility until retention like any closed workflow.
 */
async function waitForNamespace(
  address: string,
  namespace: string,
  timeoutMs: number,
  services: Record<TemporalServiceName, ClusterService>,
): Promise<void> {
  await untilFrontendAnswers(address, timeoutMs, services, async (connection) => {
    const workflowId = `tsunagu-cluster-ready-${randomUUID()}`;
    const taskQueue = { name: workflowId, kind: 1 /* NORMAL */ };
    await connection.workflowService.startWorkflowExecution({
      namespace,
      workflowId,
      workflowType: { name: 'tsunagu-cluster-ready' },
      taskQueue,
      requestId: randomUUID(),
      workflowRunTimeout: msToTs(60_000),
    });
    try {
      // Above the server's 10 s floor for long polls (it warns below it); the task is already there, so it returns at once.
      const task = await connection.withDeadline(Date.now() + 25_000, () =>
        connection.workflowService.pollWorkflowTaskQueue({ namespace, taskQueue, identity: 'tsunagu-cluster-ready' }),
      );
      if (!task.taskToken?.length) throw new Error('the probe workflow task did not reach a poller');
    } finally {
      await connection.workflowService
        .terminateWorkflowExecution({ namespace, workflowExecution: { workflowId }, reason: 'readiness probe' })
        .catch(() => undefined);
    }
  });
}

/** Until the frontend passes `check`; a cluster service that exited ends the wait. */
function untilFrontendAnswers(
  address: string,
  timeoutMs: number,
  services: Record<TemporalServiceName, ClusterService>,
  check: (connection: Connection) => Promise<void>,
): Promise<void> {
  const gone = () => {
    const exited = TEMPORAL_SERVICES.filter((name) => !services[name].isRunning());
    return exited.length ? `Temporal ${exited.join(', ')} exited` : undefined;
  };
  return untilTemporalAnswers(address, { timeoutMs, gone, check });
}

function delay(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms).unref());
}
