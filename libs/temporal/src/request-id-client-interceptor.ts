import type { WorkflowClientInterceptor } from '@temporalio/client';
import { currentRequestId } from '@tsunagu/observability';
import { withRequestIdHeader } from '@tsunagu/workflow-contracts';

/**
 * Puts the id of the api request running now (currentRequestId) into the headers of each start, Update and signal it
 * sends, so the worker's log lines for that work carry it (workflows/src/interceptors.ts). Nothing when no request
 * runs (a script, the worker's own schedule).
 */
export function requestIdClientInterceptor(requestId: () => string | undefined = currentRequestId): WorkflowClientInterceptor {
  return {
    startWithDetails: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers, requestId()) }),
    startUpdate: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers, requestId()) }),
    startUpdateWithStart: (input, next) =>
      next({
        ...input,
        workflowStartHeaders: withRequestIdHeader(input.workflowStartHeaders, requestId()),
        updateHeaders: withRequestIdHeader(input.updateHeaders, requestId()),
      }),
    signal: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers, requestId()) }),
    signalWithStart: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers, requestId()) }),
  };
}
