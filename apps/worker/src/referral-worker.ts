import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import { TemporalConfig, WorkerTuning } from '@tsunagu/temporal';
import type { TsunaguActivities } from './activities';
import { LogSafeErrorsInterceptor } from './log-safe-errors.interceptor';
import { requestIdActivityInterceptors } from './observability/request-id.interceptor';

export interface ReferralWorkerOptions {
  connection: NativeConnection;
  config: TemporalConfig;
  tuning: WorkerTuning;
  /** The one activities object (createActivities): its property names are the activity names. */
  activities: TsunaguActivities;
  dataConverter: DataConverter;
}

/**
 * Builds the Temporal worker for the referral task queue (the referral workflows, the regional issue workflows of the
 * policy track, which signal referrals, and the retention sweep). The workflow
 * bundle is built from workflows/ at start. Payloads are encrypted by the data converter's codec (data-key-codec.ts),
 * which runs here, outside the workflow sandbox.
 */
export async function createReferralWorker({ connection, config, tuning, activities, dataConverter }: ReferralWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    workflowsPath: require.resolve('../../../workflows/src'),
    dataConverter,
    activities,
    interceptors: {
      // The request id first, outermost: its lines see the error after LogSafeErrorsInterceptor has scrubbed it.
      activity: [requestIdActivityInterceptors, () => ({ inbound: new LogSafeErrorsInterceptor() })],
      // The request id on workflow log lines and into activity headers (docs/OPERATIONS.md, "Health and logs").
      workflowModules: [require.resolve('../../../workflows/src/interceptors')],
    },
    ...tuning,
  });
}
