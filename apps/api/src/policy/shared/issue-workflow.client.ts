import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';
import {
  createRegionalIssueUpdate,
  REGIONAL_ISSUE_WORKFLOW,
  RegionalIssueMoveResult,
  RegionalIssueWorkflowInput,
  TEMPORAL_CONFIG,
  TemporalConfig,
} from '@tsunagu/temporal';
import type { regionalIssueWorkflow } from '@tsunagu/temporal';
import type { UpdateDefinition } from '@temporalio/common';
import { badUserInput, conflict } from '../../common/graphql-errors';
import type { IssueRow } from './policy-rows';
import { FINAL_ISSUE_STATUSES } from './policy-scope';

/**
 * Changes regional issues, only through their workflows (docs/ARCHITECTURE.md, "The policy track"): creating is
 * update-with-start, every other change an Update. Each returns once the workflow has written the issue's read model,
 * so the caller reads its own write.
 */
@Injectable()
export class IssueWorkflowClient {
  constructor(
    private readonly temporal: Client,
    @Inject(TEMPORAL_CONFIG) private readonly config: TemporalConfig,
  ) {}

  /** Starts the issue's workflow (or joins the running one with this id) and waits until the issue is in the read model. */
  async create(workflowId: string, input: RegionalIssueWorkflowInput): Promise<RegionalIssueMoveResult> {
    const start = new WithStartWorkflowOperation<typeof regionalIssueWorkflow>(REGIONAL_ISSUE_WORKFLOW, {
      workflowId,
      taskQueue: this.config.taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [input],
    });
    try {
      return await this.temporal.workflow.executeUpdateWithStart(createRegionalIssueUpdate, { startWorkflowOperation: start });
    } catch (error) {
      throw toPolicyError(error);
    }
  }

  /** Sends one change to the issue's workflow. A final issue takes none: CONFLICT, without asking the workflow. */
  async update<T>(issue: IssueRow, update: UpdateDefinition<RegionalIssueMoveResult, [T]>, arg: T): Promise<RegionalIssueMoveResult> {
    if (FINAL_ISSUE_STATUSES.includes(issue.status)) throw conflict(`The regional issue is ${issue.status} and takes no more changes`);
    try {
      return await this.temporal.workflow.getHandle(issue.workflowId).executeUpdate(update, { args: [arg] });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw conflict('The regional issue is final and takes no more changes');
      throw toPolicyError(error);
    }
  }
}

/**
 * A workflow's refusal keeps its code (CONFLICT, NOT_FOUND, BAD_USER_INPUT with the field it names); anything else is
 * passed on as it is (an internal error, masked by formatError). WorkflowExecutionAlreadyStartedError is passed on for
 * the caller to recognise.
 */
export function toPolicyError(error: unknown): Error {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type && cause.type in ErrorCode) {
    if (cause.type === ErrorCode.BAD_USER_INPUT) {
      const detail = (cause.details?.[0] ?? {}) as { field?: unknown; fields?: unknown };
      const fields = Array.isArray(detail.fields) ? detail.fields.map(String) : typeof detail.field === 'string' ? [detail.field] : ['input'];
      return badUserInput(fields.map((field) => ({ field, message: cause.message })));
    }
    return new GraphQLError(cause.message, { extensions: { code: cause.type } });
  }
  return error instanceof Error ? error : new Error(String(error));
}
