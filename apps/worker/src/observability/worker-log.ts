// How the worker logs: one JSON object per line on stdout, like the api (apps/api/src/logging/log-options.ts), with
// `service: "worker"`. Its own lines, the Temporal SDK's (workflow, activity and worker lines with their workflowId,
// activityType, ...) and Temporal Core's warnings all go through here.
import { DefaultLogger, type LogEntry, type Logger as TemporalLogger } from '@temporalio/worker';
import pino, { type DestinationStream, type Logger } from 'pino';
import { errorForLog } from '@tsunagu/persistence';

export function createWorkerLogger(destination?: DestinationStream): Logger {
  const options = { base: { service: 'worker' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

const LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * The Temporal runtime's logger (Runtime.install): its entries as JSON lines through `log`, INFO and up. An error in
 * an entry's metadata (a failed activity's, already reduced to class, message and stack by LogSafeErrorsInterceptor)
 * is written as errorForLog's text: never as the object, which may carry a query's parameters.
 */
export function temporalRuntimeLogger(log: Logger): TemporalLogger {
  return new DefaultLogger('INFO', (entry: LogEntry) => {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entry.meta ?? {})) fields[key] = value instanceof Error ? errorForLog(value) : value;
    log[LEVELS[entry.level] ?? 'info'](fields, entry.message);
  });
}

/** Nest's own lines (the persistence module's start-up and connection retries), warn and error only, as JSON too. */
export function nestLogger(log: Logger) {
  const line =
    (level: 'warn' | 'error') =>
    (message: unknown, ...rest: unknown[]) => {
      const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
      log[level]({ context }, message instanceof Error ? errorForLog(message) : String(message));
    };
  return { log: () => undefined, debug: () => undefined, verbose: () => undefined, warn: line('warn'), error: line('error') };
}
