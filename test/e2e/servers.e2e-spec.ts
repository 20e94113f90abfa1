// Proves the server launchers work on their own (no global setup): real PostgreSQL 18 and a real
// Temporal dev server start on temp dirs, answer, and are gone after stop().
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as TemporalClient, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { Client as PgClient } from 'pg';
// The servers module alone, not the @tsunagu/testing barrel: this test needs none of the app code.
import { isPortOpen, startPostgres, startTemporalDevServer } from '@tsunagu/testing/servers';
import { addUpdate, counterWorkflow } from './fixtures/counter-workflow';

// Set here, not only in jest.config.js: jest 30 ignores a per-project `testTimeout`.
jest.setTimeout(120_000);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function withClient<T>(address: string, use: (client: TemporalClient) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address });
  try {
    return await use(new TemporalClient({ connection, namespace: 'tsunagu' }));
  } finally {
    await connection.close();
  }
}

function portOf(address: string): number {
  return Number(address.split(':').pop());
}

describe('server launchers', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tsunagu-servers-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts a throwaway PostgreSQL 18, and stop() closes the port and deletes the data', async () => {
    const dataDir = join(root, 'pg-throwaway');
    const pg = await startPostgres({ dataDir, persistent: false });

    const [{ version }] = await query<{ version: string }>(pg.url, 'select version()');
    expect(version).toContain('PostgreSQL 18');
    const [{ db, enc }] = await query<{ db: string; enc: string }>(
      pg.url,
      'select current_database() as db, pg_encoding_to_char(encoding) as enc from pg_database where datname = current_database()',
    );
    expect({ db, enc }).toEqual({ db: 'tsunagu', enc: 'UTF8' });

    await pg.stop();
    await pg.stop(); // idempotent
    expect(await isPortOpen(pg.port)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('keeps a persistent PostgreSQL data dir and reuses it on the next start', async () => {
    const dataDir = join(root, 'pg-persistent');
    const first = await startPostgres({ dataDir, persistent: true, database: 'kept' });
    await query(first.url, "create table note (body text); insert into note values ('つなぐ')");
    await first.stop();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const second = await startPostgres({ dataDir, persistent: true, database: 'kept' });
    try {
      expect(await query(second.url, 'select body from note')).toEqual([{ body: 'つなぐ' }]);
    } finally {
      await second.stop();
    }
  });

  it('starts the Temporal dev server with namespace tsunagu and update-with-start, and stop() closes the port', async () => {
    const server = await startTemporalDevServer({ dbFile: join(root, 'temporal', 'dev.db') });
    const connection = await Connection.connect({ address: server.address });
    const workerConnection = await NativeConnection.connect({ address: server.address });
    try {
      const client = new TemporalClient({ connection, namespace: 'tsunagu' });
      const described = await client.workflowService.describeNamespace({ namespace: 'tsunagu' });
      expect(described.namespaceInfo?.name).toBe('tsunagu');

      const taskQueue = 'servers-e2e';
      // Bundled explicitly only to keep webpack's report out of the test output.
      const workflowBundle = await bundleWorkflowCode({
        workflowsPath: require.resolve('./fixtures/counter-workflow'),
        logger: new DefaultLogger('WARN'),
      });
      const worker = await Worker.create({ connection: workerConnection, namespace: 'tsunagu', taskQueue, workflowBundle });
      const totals = await worker.runUntil(async () => {
        const results: number[] = [];
        for (const n of [5, 7]) {
          const startWorkflowOperation = new WithStartWorkflowOperation(counterWorkflow, {
            workflowId: 'counter-1',
            taskQueue,
            workflowIdConflictPolicy: 'USE_EXISTING',
          });
          results.push(await client.workflow.executeUpdateWithStart(addUpdate, { args: [n], startWorkflowOperation }));
        }
        return results;
      });
      expect(totals).toEqual([5, 12]);
    } finally {
      await workerConnection.close();
      await connection.close();
      await server.stop();
    }
    expect(await isPortOpen(portOf(server.address))).toBe(false);
  });

  it('keeps open workflows in the dev server SQLite file across a restart', async () => {
    const dbFile = join(root, 'temporal-restart', 'dev.db');
    const first = await startTemporalDevServer({ dbFile });
    try {
      await withClient(first.address, (client) => client.workflow.start(counterWorkflow, { workflowId: 'survivor', taskQueue: 'nobody-polls' }));
    } finally {
      await first.stop();
    }

    const second = await startTemporalDevServer({ dbFile });
    try {
      const status = await withClient(second.address, async (client) => (await client.workflow.getHandle('survivor').describe()).status.name);
      expect(status).toBe('RUNNING');
    } finally {
      await second.stop();
    }
  });
});
