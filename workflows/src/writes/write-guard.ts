// A workflow's read-model write that cannot succeed must not wedge it (docs/ARCHITECTURE.md, "Writes that cannot
// succeed"): a write the database refuses, or one an operator releases, fails that one move with MOVE_NOT_RECORDED and
// leaves the state as it was; the workflow goes on answering. Deterministic: only workflow APIs, no I/O.
import { ActivityFailure, ApplicationFailure, CancellationScope } from '@temporalio/workflow';
// Relative imports into libs/: this file is in the workflow bundle, where @tsunagu aliases do not resolve.
import { ErrorCode, MoveNotRecordedDetails, MoveNotRecordedReason, WRITE_REFUSED_FAILURE } from '../../../libs/domain/src';
import type { ReleaseWriteInput, WriteInFlight } from '../../../libs/workflow-contracts/src';

/** Runs a workflow's writes one at a time (its lock already serialises them) and knows the one in flight. */
export class WriteGuard {
  private current: (WriteInFlight & { scope: CancellationScope; released: boolean }) | null = null;

  inFlight(): WriteInFlight | null {
    return this.current ? { seq: this.current.seq, what: this.current.what, since: this.current.since } : null;
  }

  /**
   * Runs the write's activity in a scope of its own that a release cancels. The activity waits for its cancellation
   * to complete (WAIT_CANCELLATION_COMPLETED, the proxies' setting), so a write that in fact succeeded still returns
   * normally and counts: the read model never holds a move the workflow has not adopted.
   */
  async run<T>(seq: number, what: string, write: () => Promise<T>): Promise<T> {
    const scope = new CancellationScope();
    const entry = { seq, what, since: new Date().toISOString(), scope, released: false };
    this.current = entry;
    try {
      return await scope.run(write);
    } catch (error) {
      if (entry.released) throw moveNotRecorded({ reason: MoveNotRecordedReason.RELEASED_BY_OPERATOR });
      const refusal = refusalOf(error);
      if (refusal) throw moveNotRecorded({ reason: MoveNotRecordedReason.WRITE_REFUSED, sqlState: refusal.sqlState });
      throw error;
    } finally {
      if (this.current === entry) this.current = null;
    }
  }

  /** Cancels the write in flight if it is the one with this seq; false when it has already finished. */
  release(input: ReleaseWriteInput): boolean {
    const entry = this.current;
    if (!entry || entry.seq !== input.seq || entry.released) return false;
    entry.released = true;
    entry.scope.cancel();
    return true;
  }
}

/** The activity's WRITE_REFUSED failure (apps/worker/src/activities/write-errors.ts), if that is what failed it. */
function refusalOf(error: unknown): { sqlState: string | null } | null {
  if (!(error instanceof ActivityFailure) || !(error.cause instanceof ApplicationFailure)) return null;
  if (error.cause.type !== WRITE_REFUSED_FAILURE) return null;
  const detail = (error.cause.details?.[0] ?? {}) as { sqlState?: unknown };
  return { sqlState: typeof detail.sqlState === 'string' ? detail.sqlState : null };
}

const MESSAGES: Record<MoveNotRecordedReason, string> = {
  [MoveNotRecordedReason.WRITE_REFUSED]:
    'The move was not recorded: the database refused its values. Nothing changed; do not send it again as it is.',
  [MoveNotRecordedReason.RELEASED_BY_OPERATOR]:
    'The move was not recorded: its write kept failing and an operator released it. Nothing changed; send it again later.',
};

/** The failure a caller gets for a move whose write was not stored (the api's MOVE_NOT_RECORDED). */
export function moveNotRecorded(details: MoveNotRecordedDetails): ApplicationFailure {
  const sql = details.sqlState ? ` (SQLSTATE ${details.sqlState})` : '';
  return ApplicationFailure.create({
    type: ErrorCode.MOVE_NOT_RECORDED,
    message: MESSAGES[details.reason].replace('its values.', `its values${sql}.`),
    nonRetryable: true,
    details: [details],
  });
}

export function isMoveNotRecorded(error: unknown): error is ApplicationFailure {
  return error instanceof ApplicationFailure && error.type === ErrorCode.MOVE_NOT_RECORDED;
}

/** Back-off for a system write (a deadline's, a policy entry's) the database refused: 1 min doubling to 6 h. */
export function refusedWriteBackoffMs(attempt: number): number {
  return Math.min(6 * 60 * 60_000, 60_000 * 2 ** Math.min(attempt, 10));
}
