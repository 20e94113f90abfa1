// Logging without personal data. Errors are logged as their class, message and stack (and their causes', the same
// way), never as objects: a TypeORM QueryFailedError carries the query's parameters and the driver's error (whose
// `detail` quotes row values), a Temporal failure its payloads. Queries are logged without their parameters.
import type { Logger } from 'typeorm';

/** `Name: message` and the stack of an error and of each cause, for a log line. */
export function errorForLog(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    if (current instanceof Error) {
      const head = `${current.name}: ${current.message}`;
      const stack = typeof current.stack === 'string' && current.stack.startsWith(head) ? current.stack : `${head}\n${frames(current.stack)}`;
      lines.push(depth === 0 ? stack : `caused by ${stack}`);
      current = (current as { cause?: unknown }).cause;
    } else {
      // A thrown non-Error: its type only, the value may be anything.
      lines.push(`${depth === 0 ? '' : 'caused by '}thrown ${typeof current}`);
      break;
    }
  }
  return lines.join('\n');
}

function frames(stack: string | undefined): string {
  return (stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
}

/** Where ParameterFreeLogger's lines go: the console, unless a process sets its own logger (the api: pino, JSON). */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
}

let sink: LogSink = { error: (message) => console.error(message), warn: (message) => console.warn(message) };

export function setLogSink(next: LogSink): void {
  sink = next;
}

/** TypeORM's logger for every process: failed queries and warnings, never a query's parameters. */
export class ParameterFreeLogger implements Logger {
  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    sink.error(`query failed: ${query}\nerror: ${typeof error === 'string' ? error : `${error.name}: ${error.message}`}`);
  }

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') sink.warn(`typeorm: ${typeof message === 'string' ? message : 'warning'}`);
  }
}
