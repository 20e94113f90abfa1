import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface Readiness {
  ready: boolean;
  /** What was checked, each `up` or `down` (`postgres`, `temporal`, ...): names only, no error text. */
  checks: Record<string, 'up' | 'down'>;
}

export interface OpsServerOptions {
  host: string;
  port: number;
  registry: Registry;
  /** More exposition text appended to /metrics (the worker's Temporal SDK metrics); a failure leaves it out. */
  moreMetrics?: () => Promise<string>;
  /** When given, the listener also answers /health/live and /health/ready (the worker, which has no other port). */
  readiness?: () => Promise<Readiness>;
}

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

/** The small HTTP listener of a process for /metrics (Prometheus text format) and, in the worker, the probes. */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET') return send(405, 'text/plain', 'GET only\n');
    if (path === '/metrics') {
      void metricsText(options).then(
        (text) => send(200, options.registry.contentType, text),
        () => send(500, 'text/plain', 'metrics could not be collected\n'),
      );
      return;
    }
    if (options.readiness && path === '/health/live') return send(200, 'application/json', '{"status":"ok"}');
    if (options.readiness && path === '/health/ready') {
      void options.readiness().then(
        ({ ready, checks }) => send(ready ? 200 : 503, 'application/json', JSON.stringify({ status: ready ? 'ok' : 'unavailable', ...checks })),
        () => send(503, 'application/json', '{"status":"unavailable"}'),
      );
      return;
    }
    send(404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function metricsText(options: OpsServerOptions): Promise<string> {
  const own = await options.registry.metrics();
  const more = options.moreMetrics ? await options.moreMetrics().catch(() => '') : '';
  return more ? `${own.trimEnd()}\n${more.trimEnd()}\n` : own;
}
