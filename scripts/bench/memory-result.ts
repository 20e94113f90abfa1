// What the memory-and-restart scenario (memory.ts) reports, without the stack's libraries (see hop-table.ts).
export interface MemoryResult {
  workflows: number;
  workerCache: number;
  concurrency: number;
  openSeconds: number;
  /** Referral workflows running in the whole run when memory was read (earlier scenarios leave theirs open too). */
  runningWorkflows: number | null;
  rssAfterOpen: number;
  peakAfterOpen: number;
  /** From SIGKILL to the new worker polling. */
  restartSeconds: number;
  /** From the new worker polling to the last of the N answers. */
  answerSeconds: number;
  answerErrors: number;
  answerErrorSamples: string[];
  answerP50Ms: number;
  answerP99Ms: number;
  rssAfterAnswer: number;
  /** Referrals whose read model is whole and ACCEPTED; lost = workflows - whole. */
  whole: number;
  lost: number;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
