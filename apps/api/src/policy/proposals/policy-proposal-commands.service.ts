import { Injectable } from '@nestjs/common';
import { draftPolicyProposalUpdate, revisePolicyProposalUpdate, submitPolicyProposalUpdate } from '@tsunagu/temporal';
import type { Viewer } from '../../common/viewer';
import { IssueWorkflowClient } from '../shared/issue-workflow.client';
import { PolicyQueryService } from '../shared/policy-query.service';
import type { ProposalRow } from '../../common/loaders/policy-rows';
import { PolicyProposalInput } from './dto/policy-proposal.input';

/** Drafts, revises and submits proposals through their issue's workflow. */
@Injectable()
export class PolicyProposalCommandsService {
  constructor(
    private readonly workflows: IssueWorkflowClient,
    private readonly queries: PolicyQueryService,
  ) {}

  async draft(viewer: Viewer, issueId: string, input: PolicyProposalInput): Promise<ProposalRow> {
    const issue = await this.queries.findIssue(viewer, issueId);
    const result = await this.workflows.update(issue, draftPolicyProposalUpdate, {
      actor: { userId: viewer.id },
      title: input.title.trim(),
      body: input.body.trim(),
    });
    return this.queries.findProposal(viewer, result.createdId!);
  }

  async revise(viewer: Viewer, id: string, input: PolicyProposalInput): Promise<ProposalRow> {
    const proposal = await this.queries.findProposal(viewer, id);
    const issue = await this.queries.findIssue(viewer, proposal.issueId);
    await this.workflows.update(issue, revisePolicyProposalUpdate, {
      actor: { userId: viewer.id },
      proposalId: id,
      title: input.title.trim(),
      body: input.body.trim(),
    });
    return this.queries.findProposal(viewer, id);
  }

  async submit(viewer: Viewer, id: string): Promise<ProposalRow> {
    const proposal = await this.queries.findProposal(viewer, id);
    const issue = await this.queries.findIssue(viewer, proposal.issueId);
    await this.workflows.update(issue, submitPolicyProposalUpdate, { actor: { userId: viewer.id }, proposalId: id });
    return this.queries.findProposal(viewer, id);
  }
}
