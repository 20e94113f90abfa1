// The workflow side of the request id (libs/workflow-contracts/src/request-id): while an Update or signal that carries
// one is being handled, the workflow's log lines carry it (`requestId`) and the activities it schedules get it in their
// headers, where the worker's activity interceptor reads it. Registered as the worker's workflow interceptor module
// (apps/worker/src/referral-worker.ts), bundled with the workflows: relative imports.
//
// Replay: the id comes from the history's own events, so a replay adds the same headers; histories written before this
// carry none, so their commands are unchanged (activity headers are not part of Temporal's determinism check either).
import { log, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { requestIdFromHeaders, withRequestIdHeader } from '../../libs/workflow-contracts/src/request-id/request-id-header';

export const interceptors: WorkflowInterceptorsFactory = () => {
  // Per workflow run (the factory is called once per run). The starting request's id holds from the start (a
  // submission's first moves run from the workflow's body) until that request's Update is answered; an Update's or
  // signal's id while its handler runs. Handlers of two requests may overlap: then the later one's id is used until it
  // ends. Timers' work after that (reminders, expiry) carries none.
  let startId: string | undefined;
  let handlerId: string | undefined;
  const current = () => handlerId ?? startId;
  async function within<T>(id: string | undefined, handle: () => Promise<T>): Promise<T> {
    if (!id) return handle();
    handlerId = id;
    try {
      return await handle();
    } finally {
      if (handlerId === id) handlerId = undefined;
      if (startId === id) startId = undefined;
    }
  }
  return {
    inbound: [
      {
        execute: (input, next) => {
          startId = requestIdFromHeaders(input.headers);
          return next(input);
        },
        handleUpdate: (input, next) =>
          within(requestIdFromHeaders(input.headers), () => {
            log.info('update received', { update: input.name });
            return next(input);
          }),
        handleSignal: (input, next) => within(requestIdFromHeaders(input.headers), () => next(input)),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers, current()) }),
        scheduleLocalActivity: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers, current()) }),
        getLogAttributes: (input, next) => {
          const requestId = current();
          return next(requestId ? { ...input, requestId } : input);
        },
      },
    ],
  };
};
