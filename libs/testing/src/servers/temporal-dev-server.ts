// Starts the Temporal dev server (`temporal server start-dev` from the pinned CLI): a full
// single-process Temporal with SQLite persistence, used by the e2e tests and the dev stack.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { temporalCliPath } from '../tools';
import { spawnServerProcess } from './child-process';
import { freePort } from './free-port';
import { untilTemporalAnswers } from './temporal-ready';

export interface TemporalDevServerOptions {
  /** SQLite file; workflows survive restarts. Omitted: in-memory, gone on stop. */
  dbFile?: string;
  /** Frontend gRPC port; 0 or undefined: a free port. */
  port?: number;
  /** Web UI port (0: a free port); false or undefined: headless. */
  uiPort?: number | false;
  /** Namespace created at launch; default "tsunagu". */
  namespace?: string;
  /** Also append the server's output to this file. */
  logFile?: string;
}

export interface RunningTemporalDevServer {
  /** host:port of the frontend, for Connection/NativeConnection `address`. */
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * Spawns the dev server and resolves once its frontend answers and the namespace exists.
 *
 * No `--dynamic-config-value` flags are passed: with CLI 1.9.1 (Server 1.32) update and
 * update-with-start work out of the box (`frontend.enableUpdateWorkflowExecution` defaults to
 * true and `frontend.enableExecuteMultiOperation` no longer exists; unknown keys are silently
 * ignored, so passing them would prove nothing).
 */
export async function startTemporalDevServer(opts: TemporalDevServerOptions = {}): Promise<RunningTemporalDevServer> {
  const namespace = opts.namespace ?? 'tsunagu';
  const port = opts.port || (await freePort(HOST));
  const uiPort = opts.uiPort === false || opts.uiPort === undefined ? undefined : opts.uiPort || (await freePort(HOST));
  const address = `${HOST}:${port}`;

  const args = ['server', 'start-dev', '--ip', HOST, '--port', String(port), '--namespace', namespace, '--log-level', 'warn'];
  if (opts.dbFile) {
    const dbFile = resolve(opts.dbFile);
    mkdirSync(dirname(dbFile), { recursive: true });
    // WAL: readers do not block the writer, and a killed server leaves a consistent file.
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=wal');
  }
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]));

  const server = spawnServerProcess(temporalCliPath(), args, { name: 'temporal', logFile: opts.logFile });
  try {
    await waitUntilReady(address, namespace, () => server.hasExited());
  } catch (err) {
    await server.stop(STOP_GRACE_MS);
    throw new Error(`Temporal dev server on ${address} did not start: ${(err as Error).message}\n--- output (tail) ---\n${server.outputTail()}`, {
      cause: err,
    });
  }
  return {
    address,
    uiUrl: uiPort === undefined ? undefined : `http://${HOST}:${uiPort}`,
    stop: () => server.stop(STOP_GRACE_MS),
  };
}

/** Polls until the frontend answers (Connection.connect calls getSystemInfo) and knows the namespace. */
function waitUntilReady(address: string, namespace: string, hasExited: () => boolean): Promise<void> {
  return untilTemporalAnswers(address, {
    timeoutMs: STARTUP_TIMEOUT_MS,
    pollMs: 200,
    gone: () => (hasExited() ? 'the process exited' : undefined),
    check: async (connection) => {
      await connection.workflowService.describeNamespace({ namespace });
    },
  });
}
