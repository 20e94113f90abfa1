import { Counter, Histogram, type Registry } from 'prom-client';
import { createMetricsRegistry } from '@tsunagu/observability';

/** Seconds: from a cached read (a few ms) to a mutation that waits out the Temporal bound (15 s by default). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The api's metrics (docs/OPERATIONS.md, "Metrics and health"). Every label value comes from a bounded set: the
 * schema's root field names (metrics/graphql-metrics.plugin.ts), the error codes the client is told (format-error.ts), the
 * names of the api's Temporal calls (temporal-calls.ts). Never free text a caller chose. A Nest provider
 * (metrics/metrics.module.ts) without a decorator: it has no dependencies, and so its spec needs no Nest.
 */
export class ApiMetrics {
  readonly registry: Registry = createMetricsRegistry('api');

  readonly graphqlDuration = new Histogram({
    name: 'tsunagu_graphql_request_duration_seconds',
    help: 'GraphQL requests: time from receipt to response, by root field (`operation`) and operation type',
    labelNames: ['operation', 'type'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'tsunagu_graphql_errors_total',
    help: 'GraphQL errors by root field (`operation`) and the code the client was told',
    labelNames: ['operation', 'code'],
    registers: [this.registry],
  });

  readonly temporalCallDuration = new Histogram({
    name: 'tsunagu_temporal_call_duration_seconds',
    help: 'Calls the api waits on Temporal for, by call and outcome (ok, unavailable: the bound or Temporal said so, error: any other)',
    labelNames: ['call', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
}
