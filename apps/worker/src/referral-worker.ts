import { NativeConnection, Worker } from '@temporalio/worker';
import { TemporalConfig, WorkerTuning } from '@tsunagu/temporal';
import { ReferralActivities } from '@tsunagu/temporal';

/** Builds the Temporal worker for the referral task queue. The workflow bundle is built from workflows/ at start. */
export async function createReferralWorker(
  config: TemporalConfig,
  tuning: WorkerTuning,
  activities: ReferralActivities,
): Promise<Worker> {
  const connection = await NativeConnection.connect({ address: config.address });
  return Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    workflowsPath: require.resolve('../../../workflows/src'),
    activities: {
      findNextCandidate: activities.findNextCandidate.bind(activities),
      recordReferralTransition: activities.recordReferralTransition.bind(activities),
    },
    ...tuning,
  });
}
