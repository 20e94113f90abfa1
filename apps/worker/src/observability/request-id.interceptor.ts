import type { Context } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';
import { requestIdFromHeaders } from '@tsunagu/workflow-contracts';

/**
 * Activity side of the request id (workflows/src/interceptors.ts puts it into the activity's headers): every log line
 * of the activity, the SDK's own (`Activity failed`) included, carries it as `requestId`, and each completed activity
 * is one `activity completed` line at info with its duration, so a request can be followed into the worker.
 */
export function requestIdActivityInterceptors(context: Context): ActivityInterceptors {
  let requestId: string | undefined;
  return {
    inbound: {
      async execute(input, next) {
        requestId = requestIdFromHeaders(input.headers);
        const started = process.hrtime.bigint();
        const result = await next(input);
        context.log.info('activity completed', { durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n) });
        return result;
      },
    },
    outbound: {
      getLogAttributes: (attributes, next) => next(requestId ? { ...attributes, requestId } : attributes),
    },
  };
}
