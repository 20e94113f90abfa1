import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';
import { badUserInput } from './graphql-errors';

/**
 * What a workflow's refused Update becomes for the caller: its code is kept (CONFLICT, NOT_FOUND, BAD_USER_INPUT, the
 * last with the field the workflow names in its failure's details, `{ field }`; MOVE_NOT_RECORDED with its `reason`); anything else is passed on as it is
 * (an internal error, masked by formatError), so callers can still recognise e.g. WorkflowExecutionAlreadyStartedError.
 */
export function workflowRefusal(error: unknown): Error {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type && cause.type in ErrorCode) {
    if (cause.type === ErrorCode.BAD_USER_INPUT) {
      const detail = (cause.details?.[0] ?? {}) as { field?: unknown };
      return badUserInput([{ field: typeof detail.field === 'string' ? detail.field : 'input', message: cause.message }]);
    }
    if (cause.type === ErrorCode.MOVE_NOT_RECORDED) {
      // Why it was not stored (MoveNotRecordedReason): refused values, not to be resent as they are, or released.
      const detail = (cause.details?.[0] ?? {}) as { reason?: unknown };
      return new GraphQLError(cause.message, { extensions: { code: cause.type, reason: typeof detail.reason === 'string' ? detail.reason : null } });
    }
    return new GraphQLError(cause.message, { extensions: { code: cause.type } });
  }
  return error instanceof Error ? error : new Error(String(error));
}
