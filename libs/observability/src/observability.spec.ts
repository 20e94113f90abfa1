import { ConfigError } from '@tsunagu/domain';
import { readMetricsConfig } from './metrics-config';
import { addPoolGauges, createMetricsRegistry, registerOutboxBacklog } from './metrics-registry';
import { startOpsServer } from './ops-server';
import { currentRequestId, runWithRequestId } from './request-scope';

describe('readMetricsConfig', () => {
  it('is off without a port, and binds loopback unless told otherwise', () => {
    expect(readMetricsConfig({})).toEqual({ port: null, host: '127.0.0.1' });
    expect(readMetricsConfig({ TSUNAGU_METRICS_PORT: '9464' })).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(readMetricsConfig({ TSUNAGU_METRICS_PORT: '9464', TSUNAGU_METRICS_HOST: '10.1.2.3' })).toEqual({ port: 9464, host: '10.1.2.3' });
  });

  it.each([
    ['TSUNAGU_METRICS_PORT', '70000'],
    ['TSUNAGU_METRICS_PORT', 'nine'],
    ['TSUNAGU_METRICS_HOST', 'http://x/'],
  ])('stops on %s=%s', (name, value) => {
    expect(() => readMetricsConfig({ TSUNAGU_METRICS_PORT: '9464', [name]: value })).toThrow(ConfigError);
    expect(() => readMetricsConfig({ TSUNAGU_METRICS_PORT: '9464', [name]: value })).toThrow(`Configuration error: ${name}`);
  });
});

describe('the metrics registry', () => {
  it('reads pool use at each scrape, and has the outbox backlog only once something registers it, in every registry', async () => {
    const registry = createMetricsRegistry('worker');
    const pool = { totalCount: 4, idleCount: 3, waitingCount: 0, options: { max: 10 } };
    addPoolGauges(registry, () => pool);
    pool.waitingCount = 2;
    let text = await registry.metrics();
    expect(text).toContain('tsunagu_db_pool_connections{state="total",service="worker"} 4');
    expect(text).toContain('tsunagu_db_pool_connections{state="waiting",service="worker"} 2');
    expect(text).toContain('tsunagu_db_pool_max{service="worker"} 10');
    expect(text).not.toContain('tsunagu_notification_outbox_backlog');

    let backlog = 7;
    registerOutboxBacklog(async () => backlog);
    const later = createMetricsRegistry('api');
    backlog = 12;
    expect(await registry.metrics()).toContain('tsunagu_notification_outbox_backlog{service="worker"} 12');
    expect(await later.metrics()).toContain('tsunagu_notification_outbox_backlog{service="api"} 12');

    registerOutboxBacklog(() => Promise.reject(new Error('database down')));
    text = await registry.metrics();
    expect(text).toContain('tsunagu_db_pool_connections');
    // prom-client writes NaN as "Nan"; Prometheus reads either.
    expect(text).toMatch(/^tsunagu_notification_outbox_backlog\{service="worker"\} nan$/im);
  });
});

describe('the ops listener', () => {
  it('serves /metrics with the appended text, the probes when given, 404 otherwise', async () => {
    const registry = createMetricsRegistry('worker');
    let ready = true;
    const server = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      registry,
      moreMetrics: async () => 'temporal_sticky_cache_size 3\n',
      readiness: async () => ({ ready, checks: { postgres: ready ? 'up' : 'down' } }),
    });
    try {
      const metrics = await fetch(`${server.url}/metrics`);
      expect(metrics.headers.get('content-type')).toContain('text/plain');
      const text = await metrics.text();
      expect(text).toContain('process_cpu_seconds_total');
      expect(text.trimEnd().endsWith('temporal_sticky_cache_size 3')).toBe(true);
      expect(await (await fetch(`${server.url}/health/ready`)).json()).toEqual({ status: 'ok', postgres: 'up' });
      ready = false;
      const notReady = await fetch(`${server.url}/health/ready`);
      expect([notReady.status, await notReady.json()]).toEqual([503, { status: 'unavailable', postgres: 'down' }]);
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${server.url}/graphql`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('the request scope', () => {
  it('holds the request id across awaits inside it, and none outside', async () => {
    expect(currentRequestId()).toBeUndefined();
    await runWithRequestId('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(currentRequestId()).toBe('req-1');
    });
    expect(currentRequestId()).toBeUndefined();
  });
});
