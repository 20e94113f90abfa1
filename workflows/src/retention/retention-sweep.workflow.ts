import { proxyActivities } from '@temporalio/workflow';
// Relative imports into libs/: workflow code is bundled for the sandbox, where @tsunagu aliases do not resolve.
import type { RetentionActivities, RetentionSweepInput, RetentionSweepResult } from '../../../libs/workflow-contracts/src';

const { erasePersonalDataBatch } = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '5 minutes',
  // A database outage delays the sweep; after a long one, tomorrow's run takes over.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

export const DEFAULT_RETENTION_BATCH_SIZE = 200;
export const DEFAULT_RETENTION_MAX_BATCHES = 500;

/**
 * Erases the personal data of referrals past the retention period, batch by batch, until a batch finds fewer than it
 * could take. Started daily by the `tsunagu-retention-sweep` Schedule the worker keeps (libs/temporal/src/retention-schedule.ts).
 * Holds no personal data: its input, the activity's input and result are numbers.
 */
export async function retentionSweepWorkflow(input: RetentionSweepInput = {}): Promise<RetentionSweepResult> {
  const batchSize = input.batchSize ?? DEFAULT_RETENTION_BATCH_SIZE;
  const maxBatches = input.maxBatches ?? DEFAULT_RETENTION_MAX_BATCHES;
  let erased = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const n = await erasePersonalDataBatch({ batchSize });
    batches += 1;
    erased += n;
    if (n < batchSize) break;
  }
  return { erased, batches };
}
