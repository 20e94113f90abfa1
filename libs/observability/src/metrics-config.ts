import { ConfigError, Env, readInteger, readString } from '@tsunagu/domain';

export interface MetricsConfig {
  /** Port of the process's own listener for /metrics (and, in the worker, the health probes); null: none. */
  port: number | null;
  /** Address it binds: loopback unless an operator names a management network's address. */
  host: string;
}

/**
 * TSUNAGU_METRICS_PORT and TSUNAGU_METRICS_HOST. Metrics are not on the api's public port: they name operations,
 * error counts and load, which a municipal network's users have no need to see. The listener binds 127.0.0.1 unless
 * told otherwise, so a Prometheus on the same host (or a sidecar) scrapes it; nothing listens when the port is unset.
 */
export function readMetricsConfig(env: Env): MetricsConfig {
  const port = readInteger(env, 'TSUNAGU_METRICS_PORT', 0, { min: 0, max: 65535 });
  const host = readString(env, 'TSUNAGU_METRICS_HOST', '127.0.0.1');
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new ConfigError('TSUNAGU_METRICS_HOST', `must be an address or host name, got "${host}"`);
  return { port: port === 0 ? null : port, host };
}
