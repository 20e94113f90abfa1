import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import {
  createRegionalIssueUpdate,
  REGIONAL_ISSUE_WORKFLOW,
  RegionalIssueMoveResult,
  RegionalIssueWorkflowInput,
  TEMPORAL_CONFIG,
  TemporalConfig,
} from '@tsunagu/temporal';
import type { RegionalIssueWorkflow } from '@tsunagu/temporal';
import type { UpdateDefinition } from '@temporalio/common';
import { conflict } from '../../common/graphql-errors';
import { TemporalCalls } from '../../common/temporal-calls';
import { startUpdateId } from '../../common/update-ids';
import { workflowRefusal } from '../../common/workflow-errors';
import type { IssueRow } from '../../common/loaders/policy-rows';
import { FINAL_ISSUE_STATUSES } from './policy-scope';

/**
 * Changes regional issues, only through their workflows (docs/ARCHITECTURE.md, "The policy track"): creating is
 * update-with-start, every other change an Update. Each returns once the workflow has written the issue's read model,
 * so the caller reads its own write. Every call is bounded (TemporalCalls: UNAVAILABLE, retryable, past
 * TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS); a repeated request joins the pending one (Update ids below).
 */
@Injectable()
export class IssueWorkflowClient {
  constructor(
    private readonly temporal: TemporalCalls,
    @Inject(TEMPORAL_CONFIG) private readonly config: TemporalConfig,
  ) {}

  /** Starts the issue's workflow (or joins the running one with this id) and waits until the issue is in the read model. */
  async create(workflowId: string, input: RegionalIssueWorkflowInput): Promise<RegionalIssueMoveResult> {
    const start = new WithStartWorkflowOperation<RegionalIssueWorkflow>(REGIONAL_ISSUE_WORKFLOW, {
      workflowId,
      taskQueue: this.config.taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A workflow fails only when its creation was refused (nothing stored): then the same request may start afresh.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      args: [input],
    });
    try {
      // The same creation again joins the first while it is pending, and gets its result later (update-ids.ts).
      const updateId = startUpdateId('create', input.create ?? null);
      return await this.temporal.run('createRegionalIssue', (client) =>
        client.workflow.executeUpdateWithStart(createRegionalIssueUpdate, { startWorkflowOperation: start, updateId }),
      );
    } catch (error) {
      throw workflowRefusal(error);
    }
  }

  /** Sends one change to the issue's workflow. A final issue takes none: CONFLICT, without asking the workflow. */
  async update<T>(issue: IssueRow, update: UpdateDefinition<RegionalIssueMoveResult, [T]>, arg: T): Promise<RegionalIssueMoveResult> {
    if (FINAL_ISSUE_STATUSES.includes(issue.status)) throw conflict(`The regional issue is ${issue.status} and takes no more changes`);
    try {
      return await this.temporal.run(update.name, (client) =>
        client.workflow.getHandle(issue.workflowId).executeUpdate(update, { args: [arg], updateId: issueUpdateId(issue, update.name, arg) }),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw conflict('The regional issue is final and takes no more changes');
      throw workflowRefusal(error);
    }
  }
}

/**
 * The same change (its name and argument, the actor included) sent on the same state of the issue (its updated_at as
 * the api read it) gets the same Update id, so Temporal joins a repeat to the first Update while that is pending.
 */
function issueUpdateId(issue: IssueRow, name: string, arg: unknown): string {
  const content = createHash('sha256').update(JSON.stringify(arg)).digest('base64url').slice(0, 22);
  return `${name}:${issue.id}:${new Date(issue.updatedAt).getTime()}:${content}`;
}
