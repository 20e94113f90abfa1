import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import { TemporalConfig, WorkerTuning } from '@tsunagu/temporal';
import { ReferralActivities, RegionalIssueActivities, RetentionActivities } from '@tsunagu/temporal';
import { LogSafeErrorsInterceptor } from './log-safe-errors.interceptor';

/**
 * Builds the Temporal worker for the referral task queue (the referral workflows, the regional issue workflows of the
 * policy track, which signal referrals, and the retention sweep). The workflow
 * bundle is built from workflows/ at start. Payloads are encrypted by the data converter's codec (data-key-codec.ts),
 * which runs here, outside the workflow sandbox.
 */
export async function createReferralWorker(
  connection: NativeConnection,
  config: TemporalConfig,
  tuning: WorkerTuning,
  activities: ReferralActivities,
  retention: RetentionActivities,
  regionalIssues: RegionalIssueActivities,
  dataConverter: DataConverter,
): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    workflowsPath: require.resolve('../../../workflows/src'),
    dataConverter,
    activities: {
      findNextCandidate: activities.findNextCandidate.bind(activities),
      recordReferralTransition: activities.recordReferralTransition.bind(activities),
      erasePersonalDataBatch: retention.erasePersonalDataBatch.bind(retention),
      recordRegionalIssueTransition: regionalIssues.recordRegionalIssueTransition.bind(regionalIssues),
      recordClosedReferralPolicyHandoff: regionalIssues.recordClosedReferralPolicyHandoff.bind(regionalIssues),
    },
    interceptors: { activity: [() => ({ inbound: new LogSafeErrorsInterceptor() })] },
    ...tuning,
  });
}
