// docker/compose.yaml cannot be run here (no Docker engine), but its Temporal part can: the same 1.32.1 binaries the
// images hold. This runs the compose file's own one-shot scripts (schema set-up, namespace registration) with
// `temporal-sql-tool` and `temporal` on PATH, and its four server services with the compose environment on the config
// template built into the binary, as the image's entrypoint does (`temporal-server start`, no config file). Only what a
// container would give differently is replaced: addresses and ports (one host here, a container each there), the
// database user, and the mounted dynamic config file's path. scripts/compose-consistency.spec.ts compares the values
// with the harness; this shows that the commands work. Needs the server build: runs in `npm run test:cluster`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { queryRows, readE2eState } from '@tsunagu/testing/e2e';
import {
  freeServicePort,
  isPortOpen,
  ServerProcess,
  spawnServerProcess,
  startPostgres,
  TEMPORAL_NAMESPACE,
  TEMPORAL_NAMESPACE_RETENTION_SECONDS,
  TEMPORAL_SERVICES,
} from '@tsunagu/testing/servers';
import { repoRoot, temporalCliPath, temporalServerToolPath } from '@tsunagu/testing/tools';

jest.setTimeout(300_000);

const exec = promisify(execFile);
const onCluster = readE2eState().temporal === 'cluster';

interface ComposeService {
  environment?: Record<string, string | number>;
  command?: string[];
}

const compose = parse(readFileSync(join(repoRoot(), 'docker', 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
/** A one-shot service's script as its shell gets it: compose turns `$$` into `$`. */
const script = (service: string) => compose.services[service].command![0].replaceAll('$$', '$');
const environment = (service: string) =>
  Object.fromEntries(Object.entries(compose.services[service].environment ?? {}).map(([k, v]) => [k, String(v)]));
/** The compose service that runs each Temporal service (the frontend is `temporal`). */
const serviceOf = (name: string) => Object.keys(compose.services).find((s) => compose.services[s].environment?.TEMPORAL_SERVICES === name)!;

(onCluster ? describe : describe.skip)("docker/compose.yaml's Temporal, run with the same binaries", () => {
  let dir = '';
  const processes: ServerProcess[] = [];
  let stopPostgres: (() => Promise<void>) | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsunagu-compose-temporal-'));
  });

  afterAll(async () => {
    for (const server of processes.reverse()) await server.stop(10_000);
    await stopPostgres?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets up the schemas, starts the four services, registers the namespace; the one-shots can run again', async () => {
    // The command names of the admin-tools image.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(temporalServerToolPath('sql'), join(bin, 'temporal-sql-tool'));
    symlinkSync(temporalCliPath(), join(bin, 'temporal'));
    const PATH = `${bin}:${process.env.PATH}`;

    // As the postgres image with POSTGRES_USER temporal: a database `temporal` exists before the set-up runs.
    const postgres = await startPostgres({ dataDir: join(dir, 'postgres'), database: 'temporal', persistent: false });
    stopPostgres = () => postgres.stop();
    const pg = new URL(postgres.url);
    const database = { host: pg.hostname, port: pg.port, user: decodeURIComponent(pg.username), password: decodeURIComponent(pg.password) };

    const sqlEnv = { ...process.env, PATH, ...environment('temporal-schema') };
    Object.assign(sqlEnv, { SQL_HOST: database.host, SQL_PORT: database.port, SQL_USER: database.user, SQL_PASSWORD: database.password });
    for (let run = 1; run <= 2; run++) await exec('/bin/sh', ['-euc', script('temporal-schema')], { env: sqlEnv, maxBuffer: 64 * 1024 * 1024 });
    const withDb = (name: string) => {
      const url = new URL(postgres.url);
      url.pathname = `/${name}`;
      return url.href;
    };
    for (const name of ['temporal', 'temporal_visibility']) {
      const [version] = await queryRows<{ curr_version: string }>(withDb(name), 'SELECT curr_version FROM schema_version');
      expect(Number(version.curr_version.split('.')[0])).toBeGreaterThanOrEqual(1);
    }

    // One host: every service on 127.0.0.1 with ports of its own (a container each has its own address instead).
    const ports = async () => ({ grpc: await freeServicePort(), membership: await freeServicePort() });
    const frontend = { ...(await ports()), http: await freeServicePort() };
    const portEnv: Record<string, string> = {
      FRONTEND_GRPC_PORT: String(frontend.grpc),
      FRONTEND_MEMBERSHIP_PORT: String(frontend.membership),
      FRONTEND_HTTP_PORT: String(frontend.http),
    };
    for (const name of ['history', 'matching', 'worker']) {
      const { grpc, membership } = await ports();
      Object.assign(portEnv, { [`${name.toUpperCase()}_GRPC_PORT`]: String(grpc), [`${name.toUpperCase()}_MEMBERSHIP_PORT`]: String(membership) });
    }
    const start = (name: string) => {
      const env = { ...process.env, ...environment(serviceOf(name)), ...portEnv };
      // What the container gives differently: its address (the entrypoint's BIND_ON_IP), the database's, the mount.
      Object.assign(env, {
        BIND_ON_IP: '127.0.0.1',
        POSTGRES_SEEDS: database.host,
        DB_PORT: database.port,
        POSTGRES_USER: database.user,
        POSTGRES_PWD: database.password,
        DYNAMIC_CONFIG_FILE_PATH: join(repoRoot(), 'docker', 'temporal', 'dynamicconfig.yaml'),
        LOG_LEVEL: 'warn',
      });
      const server = spawnServerProcess(temporalServerToolPath('server'), ['start'], {
        name: `compose-${name}`,
        env,
        logFile: join(dir, `${name}.log`),
      });
      processes.push(server);
      return server;
    };
    // Frontend first, as compose orders it.
    start('frontend');
    const deadline = Date.now() + 60_000;
    while (!(await isPortOpen(frontend.grpc))) {
      if (processes[0].hasExited() || Date.now() > deadline) throw new Error(`frontend did not start:\n${processes[0].outputTail()}`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
    for (const name of ['history', 'matching', 'worker']) start(name);

    const namespaceEnv = { ...process.env, PATH, ...environment('temporal-namespace'), TEMPORAL_ADDRESS: `127.0.0.1:${frontend.grpc}` };
    for (let run = 1; run <= 2; run++) {
      const { stdout } = await exec('/bin/sh', ['-euc', script('temporal-namespace')], { env: namespaceEnv, timeout: 180_000 });
      expect(stdout).toContain(`namespace ${TEMPORAL_NAMESPACE} ready`);
    }
    const { stdout } = await exec(temporalCliPath(), ['operator', 'namespace', 'describe', '--namespace', TEMPORAL_NAMESPACE, '-o', 'json'], {
      env: namespaceEnv,
    });
    const described = JSON.parse(stdout) as { config: { workflowExecutionRetentionTtl: string } };
    expect(described.config.workflowExecutionRetentionTtl).toBe(`${TEMPORAL_NAMESPACE_RETENTION_SECONDS}s`);

    // All four still up, each heartbeating its role into the database.
    expect(processes.filter((p) => p.hasExited()).map((p) => p.outputTail())).toEqual([]);
    const roles = await queryRows<{ roles: number }>(
      withDb('temporal'),
      "SELECT count(DISTINCT role)::int AS roles FROM cluster_membership WHERE record_expiry > now() AND last_heartbeat > now() - interval '1 minute'",
    );
    expect(roles).toEqual([{ roles: TEMPORAL_SERVICES.length }]);
  });
});
