// Waiting for a Temporal frontend that is starting: the dev server and the cluster's services both poll it the same way.
import { Connection } from '@temporalio/client';

export interface UntilTemporalAnswersOptions {
  timeoutMs: number;
  /** Why waiting is pointless now (a process it needs has exited), or undefined to go on. */
  gone: () => string | undefined;
  /** What "answers" means: run on a fresh connection, throws until the server is ready for it. */
  check: (connection: Connection) => Promise<void>;
  pollMs?: number;
}

/** Connects and runs `check` until it passes; each attempt on a connection of its own, closed afterwards. */
export async function untilTemporalAnswers(address: string, { timeoutMs, gone, check, pollMs = 250 }: UntilTemporalAnswersOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const reason = gone();
    if (reason) throw new Error(reason);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2_000 });
      await check(connection);
      return;
    } catch (err) {
      lastError = err;
    } finally {
      await connection?.close().catch(() => undefined);
    }
    await new Promise((ok) => setTimeout(ok, pollMs).unref());
  }
  throw new Error(`no answer within ${timeoutMs / 1000} s (last error: ${(lastError as Error | undefined)?.message ?? 'none'})`);
}
