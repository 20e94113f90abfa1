import { CompleteAsyncError } from '@temporalio/activity';
import { Next, TemporalFailure } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor } from '@temporalio/worker';

/**
 * Activities fail with errors that may carry what they were given: a TypeORM QueryFailedError holds the query's
 * parameters (the worker's writes include free text) and the driver error's `detail`. The worker logs a failed
 * activity's error object and sends it to Temporal; this passes on only its class, message and stack (and its cause's,
 * the same way). Temporal's own failures (ApplicationFailure, CancelledFailure, ...) and CompleteAsyncError pass unchanged:
 * the worker tells cancellation and async completion by their class.
 */
export class LogSafeErrorsInterceptor implements ActivityInboundCallsInterceptor {
  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    try {
      return await next(input);
    } catch (error) {
      throw scrub(error, 0);
    }
  }
}

function scrub(error: unknown, depth: number): unknown {
  if (error instanceof TemporalFailure || error instanceof CompleteAsyncError) return error;
  if (isAbortError(error)) return error;
  if (!(error instanceof Error)) return new Error(`activity threw a ${typeof error}`);
  const cause = (error as { cause?: unknown }).cause;
  const clean = new Error(error.message, cause !== undefined && depth < 4 ? { cause: scrub(cause, depth + 1) } : undefined);
  Object.defineProperty(clean, 'name', { value: error.name, enumerable: false, writable: true, configurable: true });
  clean.stack = error.stack;
  return clean;
}

/** An AbortSignal's error (cancellation through the activity's signal): the worker recognises it by name. */
function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
