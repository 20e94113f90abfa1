// The whole Tsunagu stack on one machine: embedded PostgreSQL, Temporal dev server, migrations, demo data, worker, api.
// `npm start` runs it on persistent data under .data/; the e2e tests run it on a throw-away folder.
import { join } from 'node:path';
import { generateDataKeyEntry } from '@tsunagu/crypto';
import { DEFAULT_DEMO_PASSWORD, createDataSource, readDatabaseConfig, runMigrations, seedDemoData } from '@tsunagu/persistence';
import { RunningPostgres, startPostgres } from '../servers/embedded-postgres';
import { freePort } from '../servers/free-port';
import { RunningTemporalDevServer, startTemporalDevServer } from '../servers/temporal-dev-server';
import { ServerProcess } from '../servers/child-process';
import { MailCatcher, startMailCatcher } from '../servers/mail-catcher';
import { startApiProcess, startWorkerProcess } from './app-processes';

export interface StackOptions {
  /** Folder for PostgreSQL's data, Temporal's SQLite file and logs. */
  dataDir: string;
  /** Keep the data after stop (npm start) or throw it away (tests). */
  persistent: boolean;
  apiPort: number;
  /** Temporal Web UI port; false for none. */
  temporalUiPort: number | false;
  /**
   * Temporal's SQLite file (WAL mode). Default: `<dataDir>/temporal.sqlite` when persistent, in memory otherwise; a
   * throw-away stack that should behave like `npm start` (benchmarks) names a file here.
   */
  temporalDbFile?: string;
  /** Use these servers instead of starting embedded ones. */
  databaseUrl?: string;
  temporalAddress?: string;
  /**
   * Extra environment for api and worker. Without TSUNAGU_DATA_KEYS (here or in process.env) a throw-away stack gets a
   * random data key for its run; a persistent one must be given its keys (npm start keeps them in .data/data-keys).
   */
  env?: NodeJS.ProcessEnv;
  /** Ports of the api's and the worker's metrics listeners (TSUNAGU_METRICS_PORT, one each, loopback); none if absent. */
  metricsPorts?: { api: number; worker: number };
  demoPassword?: string;
  /**
   * Start a mail catcher (servers/mail-catcher.ts) and give api and worker SMTP_URL, MAIL_FROM (unless set) and
   * MAIL_CATCHER_DIR (the api's 送信メール page), unless SMTP_URL is set (here or in process.env): then mail goes there.
   */
  mailCatcher?: { dir?: string; control?: boolean };
  log?: (line: string) => void;
}

export interface RunningStack {
  /** The web console (apps/web), served by the api at its root. */
  webUrl: string;
  graphqlUrl: string;
  temporalUiUrl?: string;
  databaseUrl: string;
  temporalAddress: string;
  /** The environment api and worker run with: start another worker with it. */
  appEnv: NodeJS.ProcessEnv;
  api: ServerProcess;
  worker: ServerProcess;
  /** When the stack started one (StackOptions.mailCatcher). */
  mailCatcher?: MailCatcher;
  stop(): Promise<void>;
}

/** The sender of mail sent to a mail catcher, unless MAIL_FROM says otherwise: a reserved domain, never delivered. */
export const DEV_MAIL_FROM = 'no-reply@tsunagu.test';

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => undefined);
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const postgres: RunningPostgres = await startPostgres({
        dataDir: join(options.dataDir, 'postgres'),
        port: options.persistent ? 5433 : 0,
        database: 'tsunagu',
        persistent: options.persistent,
      });
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
      log(`PostgreSQL   ${redact(databaseUrl)}`);
    }
    let temporalAddress = options.temporalAddress;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const temporal: RunningTemporalDevServer = await startTemporalDevServer({
        dbFile: options.temporalDbFile ?? (options.persistent ? join(options.dataDir, 'temporal.sqlite') : undefined),
        port: options.persistent ? 7233 : 0,
        uiPort: options.temporalUiPort,
        logFile: join(options.dataDir, 'temporal.log'),
      });
      stops.push(() => temporal.stop());
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
      log(`Temporal     ${temporalAddress}`);
    }

    const database = readDatabaseConfig({ DATABASE_URL: databaseUrl });
    const applied = await runMigrations(database);
    log(`Migrations   ${applied.length ? applied.join(', ') : 'up to date'}`);
    const dataSource = await createDataSource(database, 'tsunagu-seed').initialize();
    try {
      const seeded = await seedDemoData(dataSource, options.demoPassword ?? DEFAULT_DEMO_PASSWORD);
      log(`Demo data    ${seeded.areas} areas, ${seeded.organizations} organisations, ${seeded.usersCreated} users created`);
    } finally {
      await dataSource.destroy();
    }

    const appEnv: NodeJS.ProcessEnv = { ...process.env, ...options.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress };
    if (!appEnv.TSUNAGU_DATA_KEYS?.trim()) {
      if (options.persistent)
        throw new Error('a persistent stack needs TSUNAGU_DATA_KEYS: data written with a random key would not survive a restart');
      Object.assign(appEnv, { TSUNAGU_DATA_KEYS: generateDataKeyEntry('run'), TSUNAGU_DATA_KEY_ACTIVE: 'run' });
    }
    // Each process its own metrics port: the same TSUNAGU_METRICS_PORT for both would stop the second at its start.
    const metricsPort = (process: 'api' | 'worker') => ({ TSUNAGU_METRICS_PORT: options.metricsPorts ? String(options.metricsPorts[process]) : '' });
    let mailCatcher: MailCatcher | undefined;
    if (options.mailCatcher && !appEnv.SMTP_URL?.trim()) {
      mailCatcher = await startMailCatcher(options.mailCatcher);
      stops.push(() => mailCatcher!.stop());
      Object.assign(appEnv, { SMTP_URL: mailCatcher.url, MAIL_FROM: appEnv.MAIL_FROM || DEV_MAIL_FROM });
      if (mailCatcher.dir) appEnv.MAIL_CATCHER_DIR = mailCatcher.dir;
      log(`Mail         ${mailCatcher.url}${mailCatcher.dir ? `, kept in ${mailCatcher.dir}` : ''}`);
    }
    const worker = await startWorkerProcess({ ...appEnv, ...metricsPort('worker') }, join(options.dataDir, 'worker.log'));
    stops.push(() => worker.stop());
    const api = await startApiProcess({ ...appEnv, ...metricsPort('api') }, options.apiPort, join(options.dataDir, 'api.log'));
    stops.push(() => api.stop());

    return {
      webUrl: `http://localhost:${options.apiPort}/`,
      graphqlUrl: `http://localhost:${options.apiPort}/graphql`,
      temporalUiUrl,
      databaseUrl,
      temporalAddress,
      appEnv,
      api,
      worker,
      mailCatcher,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export { freePort };

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
