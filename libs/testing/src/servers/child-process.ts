// Runs a long-lived server process for tests and the dev stack: keeps the tail of its output for
// error messages, stays quiet unless TSUNAGU_DEBUG is set, and makes sure it does not outlive us.
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ServerProcessOptions {
  /** Short label for debug output and error messages, e.g. "postgres". */
  name: string;
  env?: NodeJS.ProcessEnv;
  /** Also append everything the process prints to this file. */
  logFile?: string;
  /** Open a Node IPC channel (the child must be a Node process). */
  ipc?: boolean;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Settles when the process has exited (never rejects). */
  readonly exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** The last few KB of what the process printed, for error messages. */
  outputTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const TAIL_BYTES = 8 * 1024;
const SETPRIV = '/usr/bin/setpriv';
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Spawns `command` in our process group (detached: false, so Ctrl-C reaches it too). When the
 * parent exits normally, an 'exit' hook sends SIGTERM; when it is killed outright (SIGKILL, OOM,
 * a jest worker torn down) no hook runs, so on Linux the child is wrapped in util-linux
 * `setpriv --pdeathsig SIGTERM`, which makes the kernel signal it when we die.
 */
export function spawnServerProcess(command: string, args: string[], opts: ServerProcessOptions): ServerProcess {
  const [file, argv] = existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'SIGTERM', '--', command, ...args]] : [command, args];
  const child = spawn(file, argv, {
    detached: false,
    env: opts.env ?? process.env,
    stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });

  let tail = '';
  const debug = Boolean(process.env.TSUNAGU_DEBUG);
  const log = opts.logFile ? openLog(opts.logFile) : undefined;
  const onOutput = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
    log?.write(chunk);
    if (debug) process.stderr.write(prefixLines(`[${opts.name}] `, chunk.toString('utf8')));
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);

  let done = false;
  running.add(child);
  installExitHook();
  const exited = new Promise<ExitStatus>((resolve) => {
    const finish = (status: ExitStatus) => {
      if (done) return;
      done = true;
      running.delete(child);
      log?.end();
      resolve(status);
    };
    // 'error' without 'exit' happens when the binary cannot be started at all.
    child.on('error', (err) => {
      tail += `\n${err.message}`;
      finish({ code: null, signal: null });
    });
    // 'close' (not 'exit') so that the last lines printed are in the tail before anyone reads it.
    child.once('close', (code, signal) => finish({ code, signal }));
  });

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000): Promise<void> =>
    (stopping ??= (async () => {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    })());

  return { child, exited, hasExited: () => done, outputTail: () => tail.trim(), stop };
}

function openLog(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}

function prefixLines(prefix: string, text: string): string {
  return text.replace(/^(?=.)/gm, prefix);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Only synchronous work is possible in 'exit': signal, do not wait.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}
