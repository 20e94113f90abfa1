// What operators watch (docs/OPERATIONS.md, "Metrics and health"): the metrics registry of a process, its small HTTP
// listener for /metrics and the health probes, the request id of the request running now, and the hook through which
// other parts report an outbox backlog. Used by the api and the worker; never by workflow code.
export * from './metrics-config';
export * from './metrics-registry';
export * from './ops-server';
export * from './request-scope';
