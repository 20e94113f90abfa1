// The worker's listener (TSUNAGU_METRICS_PORT, bound to TSUNAGU_METRICS_HOST, 127.0.0.1 by default): /metrics with its
// own metrics and the Temporal SDK's, and the probes /health/live and /health/ready, since the worker has no other port.
import { createServer } from 'node:net';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { addPoolGauges, type MetricsConfig, type OpsServer, type PoolLike, type Readiness, startOpsServer } from '@tsunagu/observability';

const CHECK_TIMEOUT_MS = 3_000;

/** A free loopback port for Temporal Core's own Prometheus exporter, which only /metrics here reads (and re-serves). */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface WorkerOpsOptions {
  config: MetricsConfig & { port: number };
  registry: Registry;
  db: DataSource;
  connection: NativeConnection;
  worker: Worker;
  /** Where Core's exporter listens (Runtime.install's bindAddress), or null when it does not. */
  coreMetricsUrl: string | null;
}

export async function startWorkerOps({ config, registry, db, connection, worker, coreMetricsUrl }: WorkerOpsOptions): Promise<OpsServer> {
  addPoolGauges(registry, () => (db.driver as unknown as { master?: PoolLike }).master);
  return startOpsServer({
    host: config.host,
    port: config.port,
    registry,
    // Temporal SDK metrics (workflow task latency, activity failures, sticky cache, pollers) come from Core's exporter:
    // bridged into this one scrape, so Prometheus needs one target per worker.
    moreMetrics: coreMetricsUrl ? () => fetch(coreMetricsUrl, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) }).then((r) => r.text()) : undefined,
    readiness: () => workerReadiness(db, connection, worker),
  });
}

/** Ready: the worker runs (polls) and reaches PostgreSQL and Temporal, each within 3 s. */
export async function workerReadiness(db: DataSource, connection: NativeConnection, worker: Worker): Promise<Readiness> {
  const within = <T>(work: Promise<T>) =>
    Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]).then(
      () => 'up' as const,
      () => 'down' as const,
    );
  const [postgres, temporal] = await Promise.all([
    within(db.query('SELECT 1')),
    within(connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => connection.workflowService.getSystemInfo({}))),
  ]);
  const polling = worker.getState() === 'RUNNING' ? 'up' : 'down';
  return { ready: postgres === 'up' && temporal === 'up' && polling === 'up', checks: { postgres, temporal, polling } };
}
