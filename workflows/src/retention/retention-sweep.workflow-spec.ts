// The retention sweep on Temporal's time-skipping test server, with its activity mocked: it calls the activity batch by
// batch until one finds fewer referrals than it may take, within its bound on calls. (The erasure itself, against
// PostgreSQL and through the worker's Schedule, is test/e2e/personal-data.e2e-spec.ts.)
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnvironment } from '../testing/time-skipping-environment';
import { retentionScheduleOptions, RETENTION_SCHEDULE_ID } from '@tsunagu/temporal/retention-schedule';
import { retentionSweepWorkflow } from './retention-sweep.workflow';
import { ErasePersonalDataInput, RETENTION_SWEEP_WORKFLOW, RetentionSweepInput } from '@tsunagu/workflow-contracts';

jest.setTimeout(60_000);

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `retention-${randomUUID()}`;
/** What the mocked activity answers, call by call (then 0). */
let script: number[] = [];
const calls: ErasePersonalDataInput[] = [];

beforeAll(async () => {
  env = await createTimeSkippingEnvironment();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../index'),
    activities: {
      async erasePersonalDataBatch(input: ErasePersonalDataInput): Promise<number> {
        calls.push(input);
        return script.shift() ?? 0;
      },
    },
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

beforeEach(() => {
  calls.length = 0;
});

async function sweep(input: RetentionSweepInput = {}, answers: number[] = []) {
  script = answers;
  return env.client.workflow.execute(retentionSweepWorkflow, { taskQueue, workflowId: `sweep-${randomUUID()}`, args: [input] });
}

describe('retentionSweepWorkflow', () => {
  it('erases batch after batch until one is not full', async () => {
    expect(await sweep({}, [200, 200, 7])).toEqual({ erased: 407, batches: 3 });
    expect(calls).toEqual([{ batchSize: 200 }, { batchSize: 200 }, { batchSize: 200 }]);
  });

  it('calls once when nothing is due', async () => {
    expect(await sweep()).toEqual({ erased: 0, batches: 1 });
  });

  it('takes its batch size and stops at its bound on calls, leaving the rest to the next run', async () => {
    expect(await sweep({ batchSize: 10, maxBatches: 2 }, [10, 10, 10])).toEqual({ erased: 20, batches: 2 });
    expect(calls).toEqual([{ batchSize: 10 }, { batchSize: 10 }]);
  });

  it('is what the daily Schedule starts, on the given task queue', () => {
    expect(RETENTION_SWEEP_WORKFLOW).toBe(retentionSweepWorkflow.name);
    const options = retentionScheduleOptions('q');
    expect(options.scheduleId).toBe(RETENTION_SCHEDULE_ID);
    expect(options.action).toMatchObject({ type: 'startWorkflow', workflowType: 'retentionSweepWorkflow', taskQueue: 'q', args: [{}] });
    expect(options.spec).toEqual({ calendars: [{ hour: 3, minute: 30 }], timezone: 'Asia/Tokyo' });
  });
});
