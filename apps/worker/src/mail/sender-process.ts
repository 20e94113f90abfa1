import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { Logger } from 'pino';

/** The sender's process as the worker sees it. */
export interface SenderProcess {
  /** Waits for the mails being sent, then the process ends. */
  stop(): Promise<void>;
}

const RESTART_MS = 5_000;

/**
 * Starts the mail sender (sender-main.ts) as a child process with the worker's environment, and starts it again
 * after RESTART_MS when it fails (the outbox keeps what it had not sent).
 */
export function startSenderProcess(log: Pick<Logger, 'error'>, entry = join(__dirname, 'sender-main.js'), restartMs = RESTART_MS): SenderProcess {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;
  const start = () => {
    // Its output goes where the worker's goes; the IPC channel tells it when the worker is gone.
    const started = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child = started;
    started.once('exit', (code, signal) => {
      // Code 0: it was told to stop (a signal to the whole process group, e.g. Ctrl-C): the worker is stopping too.
      if (stopping || code === 0) return;
      log.error({ context: 'mail' }, `worker: the mail sender ended (${signal ?? `code ${code}`}); starting it again in ${restartMs / 1000} s`);
      restart = setTimeout(start, restartMs);
    });
  };
  start();
  return {
    stop: async () => {
      stopping = true;
      if (restart) clearTimeout(restart);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
  };
}
