// Inputs and activity contract of the retention sweep. Type-only (and constants): safe for workflow code and the worker.

export const RETENTION_SWEEP_WORKFLOW = 'retentionSweepWorkflow';

export interface RetentionSweepInput {
  /** Referrals erased per activity call (one transaction). Default 200. */
  batchSize?: number;
  /** Upper bound on activity calls in one run; what is left is taken by the next run. Default 500. */
  maxBatches?: number;
}

/** The signature the retention Schedule starts RETENTION_SWEEP_WORKFLOW with. */
export type RetentionSweepWorkflow = (input?: RetentionSweepInput) => Promise<RetentionSweepResult>;

export interface RetentionSweepResult {
  /** Referrals whose personal data this run erased. */
  erased: number;
  batches: number;
}

export interface ErasePersonalDataInput {
  batchSize: number;
}

export interface RetentionActivities {
  /**
   * Erases the personal data of up to `batchSize` referrals closed longer ago than the worker's TSUNAGU_RETENTION_DAYS,
   * in one transaction, and returns how many; 0 when none is due. Idempotent: an erased referral is never due again.
   */
  erasePersonalDataBatch(input: ErasePersonalDataInput): Promise<number>;
}
