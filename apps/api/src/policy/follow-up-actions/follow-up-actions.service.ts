import { Injectable } from '@nestjs/common';
import { addFollowUpActionUpdate, completeFollowUpActionUpdate } from '@tsunagu/temporal';
import type { Viewer } from '../../common/viewer';
import { IssueWorkflowClient } from '../shared/issue-workflow.client';
import { PolicyQueryService } from '../shared/policy-query.service';
import type { ActionRow } from '../../common/loaders/policy-rows';
import { FollowUpActionInput } from './dto/follow-up-action.input';

/** Follow-up actions of an adopted proposal, through its issue's workflow (which reminds on the due day). */
@Injectable()
export class FollowUpActionsService {
  constructor(
    private readonly workflows: IssueWorkflowClient,
    private readonly queries: PolicyQueryService,
  ) {}

  async add(viewer: Viewer, proposalId: string, input: FollowUpActionInput): Promise<ActionRow> {
    const proposal = await this.queries.findProposal(viewer, proposalId);
    const issue = await this.queries.findIssue(viewer, proposal.issueId);
    const result = await this.workflows.update(issue, addFollowUpActionUpdate, {
      actor: { userId: viewer.id },
      proposalId,
      description: input.description.trim(),
      owner: input.owner.trim(),
      dueOn: input.dueOn,
    });
    return this.queries.findAction(viewer, result.createdId!);
  }

  async complete(viewer: Viewer, id: string, note: string | null | undefined): Promise<ActionRow> {
    const action = await this.queries.findAction(viewer, id);
    const proposal = await this.queries.findProposal(viewer, action.proposalId);
    const issue = await this.queries.findIssue(viewer, proposal.issueId);
    await this.workflows.update(issue, completeFollowUpActionUpdate, {
      actor: { userId: viewer.id },
      proposalId: proposal.id,
      actionId: id,
      note: note?.trim() ?? null,
    });
    return this.queries.findAction(viewer, id);
  }
}
