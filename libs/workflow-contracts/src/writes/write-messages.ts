// The messages every workflow with read-model writes answers (workflows/src/writes/write-guard.ts): an operator's view
// of the write in flight and its release (`npm run stuck-moves`, docs/OPERATIONS.md).
import { defineQuery, defineSignal } from '@temporalio/workflow';

/** The write a workflow is waiting for now, as an operator sees it (`npm run stuck-moves`). */
export interface WriteInFlight {
  /** The last seq the write stores: names the write for a release, so that a release meant for it hits no later one. */
  seq: number;
  /** What it records: SUBMIT, CREATE, MOVE, DEADLINE, POLICY, ACTION_DUE. */
  what: string;
  /** When the workflow scheduled it (workflow time). */
  since: string;
}

/** Asks the workflow to give up the write in flight with this seq (an operator's decision; see docs/OPERATIONS.md). */
export interface ReleaseWriteInput {
  seq: number;
  /** Who released it, for the workflow's log line (the console user's name; no personal data). */
  operator: string;
}

export const releaseWriteSignal = defineSignal<[ReleaseWriteInput]>('releaseWrite');
export const writeInFlightQuery = defineQuery<WriteInFlight | null>('writeInFlight');
