import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** The part of a pg Pool the gauges read (TypeORM's PostgresDriver keeps it as `driver.master`). */
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

const registries: Registry[] = [];
let outboxBacklog: (() => Promise<number> | number) | null = null;

/**
 * A process's registry: Node's own metrics (CPU, memory, event loop lag, GC) and every series labelled
 * `service="api"` or `service="worker"`. Registries are per call, not prom-client's global one, so tests can build two.
 */
export function createMetricsRegistry(service: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  registries.push(registry);
  if (outboxBacklog) addOutboxGauge([registry]);
  return registry;
}

/** PostgreSQL pool use, read at each scrape: connections open, idle and callers waiting for one, and the pool's size. */
export function addPoolGauges(registry: Registry, pool: () => PoolLike | undefined): void {
  new Gauge({
    name: 'tsunagu_db_pool_connections',
    help: 'PostgreSQL pool: connections by state (total open, idle) and callers waiting for a connection',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const current = pool();
      if (!current) return;
      this.set({ state: 'total' }, current.totalCount);
      this.set({ state: 'idle' }, current.idleCount);
      this.set({ state: 'waiting' }, current.waitingCount);
    },
  });
  new Gauge({
    name: 'tsunagu_db_pool_max',
    help: 'PostgreSQL pool: most connections it opens (DATABASE_POOL_SIZE)',
    registers: [registry],
    collect() {
      const max = pool()?.options?.max;
      if (max !== undefined) this.set(max);
    },
  });
}

/**
 * The hook for the notification outbox: register a function that counts the messages waiting to be sent, and every
 * registry of this process (now and later) gets `tsunagu_notification_outbox_backlog`, read at each scrape. Until
 * something registers, the series does not exist. A count that fails reads NaN for that scrape (rather than failing
 * the scrape or repeating an old count).
 */
export function registerOutboxBacklog(count: () => Promise<number> | number): void {
  const first = outboxBacklog === null;
  outboxBacklog = count;
  if (first) addOutboxGauge(registries);
}

function addOutboxGauge(into: Registry[]): void {
  new Gauge({
    name: 'tsunagu_notification_outbox_backlog',
    help: 'Notifications written to the outbox and not yet sent',
    registers: into,
    async collect() {
      try {
        this.set(await outboxBacklog!());
      } catch {
        this.set(Number.NaN);
      }
    },
  });
}
