import { Env, readHostPort, readInteger, readString } from '@tsunagu/domain';

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
}

export function readTemporalConfig(env: Env): TemporalConfig {
  return {
    address: readHostPort(env, 'TEMPORAL_ADDRESS'),
    namespace: readString(env, 'TEMPORAL_NAMESPACE', 'tsunagu'),
    taskQueue: readString(env, 'TEMPORAL_TASK_QUEUE', REFERRALS_TASK_QUEUE),
  };
}

/** Worker tuning; defaults suit one machine. */
export interface WorkerTuning {
  maxCachedWorkflows: number;
  maxConcurrentActivityTaskExecutions: number;
  maxConcurrentWorkflowTaskExecutions: number;
}

export function readWorkerTuning(env: Env): WorkerTuning {
  return {
    maxCachedWorkflows: readInteger(env, 'WORKER_MAX_CACHED_WORKFLOWS', 1000, { min: 0 }),
    maxConcurrentActivityTaskExecutions: readInteger(env, 'WORKER_MAX_CONCURRENT_ACTIVITIES', 50, { min: 1 }),
    maxConcurrentWorkflowTaskExecutions: readInteger(env, 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 40, { min: 2 }),
  };
}

export const REFERRALS_TASK_QUEUE = 'tsunagu-referrals';
