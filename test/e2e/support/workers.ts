// Stopping and starting the worker from an e2e spec (worker-restart, unavailable): kill it hard and wait until it is
// gone, and start a new one that dies with the jest process, not before, so the files that run next find a worker.
import { startWorkerProcess } from '@tsunagu/testing/stack/app-processes';
import { readE2eState, writeE2eState } from '@tsunagu/testing/e2e';

export type WorkerProcess = Awaited<ReturnType<typeof startWorkerProcess>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL, no goodbye; returns once the process is gone. */
export async function killWorker(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + 10_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`worker ${pid} still alive 10 s after SIGKILL`);
    await sleep(20);
  }
}

/**
 * Starts a worker with the stack's environment that the jest process does not wait for: it dies with jest (pdeathsig).
 * It becomes the stack's worker in the run's state (`workerPid`): a later file that kills "the worker" must find this
 * one, not one already gone, or a worker it never heard of goes on running (notifications.e2e-spec.ts after
 * worker-restart.e2e-spec.ts: the survivor finished the send the test meant to interrupt).
 */
export async function startDetachedWorker(): Promise<WorkerProcess> {
  const started = await startWorkerProcess(readE2eState().appEnv);
  started.child.unref();
  for (const stream of [started.child.stdout, started.child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  writeE2eState(process.env.TSUNAGU_E2E_STATE_FILE!, { ...readE2eState(), workerPid: started.child.pid! });
  return started;
}
