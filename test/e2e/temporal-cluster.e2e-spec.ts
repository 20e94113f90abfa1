// Temporal's own server as the stack runs it under `npm run test:cluster` (TSUNAGU_TEST_TEMPORAL=cluster): four
// processes, PostgreSQL persistence, and a service that can be killed and started again (the fault suite relies on it).
// On the dev server (npm test) there is no cluster to look at: skipped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as TemporalClient, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createTestCity, queryRows, readE2eState, signIn } from '@tsunagu/testing/e2e';
import { TEMPORAL_NAMESPACE, TEMPORAL_SERVICES, startTemporalCluster } from '@tsunagu/testing/servers';
import { addUpdate, counterWorkflow, totalQuery } from './fixtures/counter-workflow';
import { personNeed, SUBMIT } from './support/documents';

jest.setTimeout(180_000);

const state = readE2eState();
const onCluster = state.temporal === 'cluster';

function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

(onCluster ? describe : describe.skip)('the stack on a Temporal cluster', () => {
  it('runs frontend, history, matching and worker as four processes that share PostgreSQL', async () => {
    const pids = state.temporalCluster!.pids;
    expect(Object.keys(pids).sort()).toEqual([...TEMPORAL_SERVICES].sort());
    expect(new Set(Object.values(pids)).size).toBe(4);
    for (const name of TEMPORAL_SERVICES) {
      const args = commandLine(pids[name]);
      expect(args.slice(-3)).toEqual(['start', '--service', name]);
    }

    const url = state.temporalCluster!.databaseUrl;
    expect(await queryRows(url, 'SELECT name FROM namespaces WHERE name = $1', [TEMPORAL_NAMESPACE])).toEqual([{ name: TEMPORAL_NAMESPACE }]);
    // Each service heartbeats its membership into the database: four roles, all alive.
    const roles = await queryRows<{ roles: number }>(
      url,
      "SELECT count(DISTINCT role)::int AS roles FROM cluster_membership WHERE record_expiry > now() AND last_heartbeat > now() - interval '1 minute'",
    );
    expect(roles).toEqual([{ roles: 4 }]);
  });

  it('keeps a submitted referral in the temporal database, where its workflow runs', async () => {
    const city = await createTestCity(state.databaseUrl, 'temporal-cluster');
    const tier2 = await signIn(state.graphqlUrl, city.emails.tier2, city.password);
    const { id } = (await tier2.data<{ submitReferral: { id: string } }>(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
    const [{ workflow_id: workflowId }] = await queryRows<{ workflow_id: string }>(
      state.databaseUrl,
      'SELECT workflow_id FROM referral WHERE id = $1',
      [id],
    );

    const executions = await queryRows<{ n: number }>(
      state.temporalCluster!.databaseUrl,
      'SELECT count(*)::int AS n FROM executions e JOIN namespaces n ON n.id = e.namespace_id WHERE n.name = $1 AND e.workflow_id = $2',
      [TEMPORAL_NAMESPACE, workflowId],
    );
    expect(executions).toEqual([{ n: 1 }]);
    const connection = await Connection.connect({ address: state.temporalAddress });
    try {
      const described = await new TemporalClient({ connection, namespace: TEMPORAL_NAMESPACE }).workflow.getHandle(workflowId).describe();
      expect(described.status.name).toBe('RUNNING');
    } finally {
      await connection.close();
    }
  });
});

(onCluster ? describe : describe.skip)('startTemporalCluster', () => {
  it('restarts a killed history service on the same ports and database: a workflow started before answers its query and its next update', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-cluster-'));
    const cluster = await startTemporalCluster({ dataDir });
    const connection = await Connection.connect({ address: cluster.address });
    const workerConnection = await NativeConnection.connect({ address: cluster.address });
    try {
      const client = new TemporalClient({ connection, namespace: cluster.namespace });
      const taskQueue = 'cluster-e2e';
      const workflowBundle = await bundleWorkflowCode({
        workflowsPath: require.resolve('./fixtures/counter-workflow'),
        logger: new DefaultLogger('WARN'),
      });
      const worker = await Worker.create({ connection: workerConnection, namespace: cluster.namespace, taskQueue, workflowBundle });
      await worker.runUntil(async () => {
        const add = (n: number) =>
          client.workflow.executeUpdateWithStart(addUpdate, {
            args: [n],
            startWorkflowOperation: new WithStartWorkflowOperation(counterWorkflow, {
              workflowId: 'survivor',
              taskQueue,
              workflowIdConflictPolicy: 'USE_EXISTING',
            }),
          });
        expect(await add(5)).toBe(5);

        const history = cluster.services.history;
        const [pidBefore, addressBefore] = [history.pid, history.grpcAddress];
        await history.kill('SIGKILL');
        expect(history.isRunning()).toBe(false);
        await history.start();
        await cluster.waitUntilReady();
        expect(history.pid).not.toBe(pidBefore);
        expect(history.grpcAddress).toBe(addressBefore);

        expect(await client.workflow.getHandle('survivor').query(totalQuery)).toBe(5);
        expect(await add(7)).toBe(12);
      });
    } finally {
      await workerConnection.close();
      await connection.close();
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    for (const name of TEMPORAL_SERVICES) expect(cluster.services[name].isRunning()).toBe(false);
  });
});
