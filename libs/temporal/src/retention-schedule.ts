// The Schedule that runs the retention sweep daily. The worker makes sure it exists at start (creating it, or updating
// it to the current spec and task queue), so there is nothing to set up by hand and several workers agree.
import { Client, ScheduleAlreadyRunning, ScheduleOptions, ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { RETENTION_SWEEP_WORKFLOW } from '@tsunagu/workflow-contracts';

export const RETENTION_SCHEDULE_ID = 'tsunagu-retention-sweep';

/** Daily at 03:30 Japan time, when nobody works; a missed run (Temporal down) is taken within a day, never twice at once. */
export function retentionScheduleOptions(taskQueue: string): ScheduleOptions<ScheduleOptionsStartWorkflowAction<Workflow>> {
  return {
    scheduleId: RETENTION_SCHEDULE_ID,
    spec: { calendars: [{ hour: 3, minute: 30 }], timezone: 'Asia/Tokyo' },
    action: {
      type: 'startWorkflow',
      workflowType: RETENTION_SWEEP_WORKFLOW,
      workflowId: RETENTION_SCHEDULE_ID,
      taskQueue,
      args: [{}],
      workflowExecutionTimeout: '12 hours',
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
  };
}

/** Creates the retention Schedule, or brings an existing one up to date. Idempotent. */
export async function ensureRetentionSchedule(client: Client, taskQueue: string): Promise<'created' | 'updated'> {
  const options = retentionScheduleOptions(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(RETENTION_SCHEDULE_ID).update((current) => ({
    ...current,
    spec: options.spec,
    action: options.action,
    policies: { ...current.policies, ...options.policies },
  }));
  return 'updated';
}
