import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { DataSource } from 'typeorm';
import {
  closeRegionalIssueUpdate,
  linkReferralsUpdate,
  regionalIssueWorkflowId,
  unlinkReferralUpdate,
  updateRegionalIssueUpdate,
} from '@tsunagu/temporal';
import type { Viewer } from '../../common/viewer';
import { badUserInput, FieldProblem, notFound } from '../../common/graphql-errors';
import { DirectoryService } from '../../directory/directory.service';
import { ReferralQueryService } from '../../referrals/referral-query.service';
import { IssueWorkflowClient } from '../shared/issue-workflow.client';
import { PolicyQueryService } from '../shared/policy-query.service';
import type { IssueRow } from '../../common/loaders/policy-rows';
import { CreateRegionalIssueInput, UpdateRegionalIssueInput } from './dto/regional-issue.input';
import { RegionalIssueLinksRepository } from './regional-issue-links.repository';

/**
 * Creates and changes regional issues through their workflows (IssueWorkflowClient). The api checks what it can see
 * (areas, referrals) first, so a bad value is BAD_USER_INPUT naming its field and nothing is started or written.
 */
@Injectable()
export class RegionalIssueCommandsService {
  private readonly links: RegionalIssueLinksRepository;

  constructor(
    @Inject(DataSource) db: DataSource,
    private readonly workflows: IssueWorkflowClient,
    private readonly issues: PolicyQueryService,
    private readonly referrals: ReferralQueryService,
    private readonly directory: DirectoryService,
  ) {
    this.links = new RegionalIssueLinksRepository(db);
  }

  async create(viewer: Viewer, input: CreateRegionalIssueInput): Promise<IssueRow> {
    const problems: FieldProblem[] = [];
    const areaIds = await this.areaIds(input.areaCodes, problems);
    const referrals = await this.linkable(viewer, input.referralIds ?? [], problems);
    if (problems.length) throw badUserInput(problems);

    const workflowId = regionalIssueWorkflowId(viewer.id, input.clientRequestId);
    try {
      const result = await this.workflows.create(workflowId, {
        issueId: randomUUID(),
        create: {
          title: input.title.trim(),
          description: input.description.trim(),
          category: input.category,
          areaIds,
          referrals,
          createdByUserId: viewer.id,
        },
      });
      return await this.issues.findIssue(viewer, result.issueId);
    } catch (error) {
      // The same request after its issue became final: the workflow id is taken for good, so answer with that issue.
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        const existing = await this.issues.findIssueByWorkflowId(viewer, workflowId);
        if (existing) return existing;
      }
      throw error;
    }
  }

  async update(viewer: Viewer, id: string, input: UpdateRegionalIssueInput): Promise<IssueRow> {
    const issue = await this.issues.findIssue(viewer, id);
    const problems: FieldProblem[] = [];
    if (input.title == null && input.description == null && input.areaCodes == null) {
      problems.push({ field: 'input', message: 'name at least one of title, description, areaCodes' });
    }
    const areaIds = input.areaCodes ? await this.areaIds(input.areaCodes, problems) : null;
    if (problems.length) throw badUserInput(problems);
    await this.workflows.update(issue, updateRegionalIssueUpdate, {
      actor: { userId: viewer.id },
      title: input.title?.trim() ?? null,
      description: input.description?.trim() ?? null,
      areaIds,
    });
    return this.issues.findIssue(viewer, id);
  }

  async link(viewer: Viewer, id: string, referralIds: string[], note: string | null | undefined): Promise<IssueRow> {
    const issue = await this.issues.findIssue(viewer, id);
    const problems: FieldProblem[] = [];
    const referrals = await this.linkable(viewer, referralIds, problems);
    if (problems.length) throw badUserInput(problems);
    await this.workflows.update(issue, linkReferralsUpdate, { actor: { userId: viewer.id }, referrals, note: note?.trim() ?? null });
    return this.issues.findIssue(viewer, id);
  }

  async unlink(viewer: Viewer, id: string, referralId: string, reason: string): Promise<IssueRow> {
    const issue = await this.issues.findIssue(viewer, id);
    if (!(await this.links.isLinked(id, referralId))) throw notFound('Linked referral');
    await this.workflows.update(issue, unlinkReferralUpdate, { actor: { userId: viewer.id }, referralId, reason: reason.trim() });
    return this.issues.findIssue(viewer, id);
  }

  async close(viewer: Viewer, id: string, reason: string): Promise<IssueRow> {
    const issue = await this.issues.findIssue(viewer, id);
    await this.workflows.update(issue, closeRegionalIssueUpdate, { actor: { userId: viewer.id }, reason: reason.trim() });
    return this.issues.findIssue(viewer, id);
  }

  /** The ids of the areas named, in the order named (each once); unknown codes go into problems. */
  private async areaIds(codes: string[], problems: FieldProblem[]): Promise<string[]> {
    const unique = [...new Set(codes)];
    const found = await this.directory.areaIdsByCode(unique);
    const unknown = unique.filter((code) => !found.has(code));
    if (unknown.length) problems.push({ field: 'areaCodes', message: `no area has the code ${unknown.map((c) => `"${c}"`).join(', ')}` });
    return unique.flatMap((code) => found.get(code) ?? []);
  }

  /** The referrals to link with their workflow ids (each once); ids the viewer cannot see go into problems. */
  private async linkable(viewer: Viewer, ids: string[], problems: FieldProblem[]): Promise<Array<{ referralId: string; workflowId: string }>> {
    const unique = [...new Set(ids)];
    const rows = await this.referrals.visibleAmong(viewer, unique);
    const found = new Set(rows.map((row) => row.id));
    const unknown = unique.filter((id) => !found.has(id));
    if (unknown.length) problems.push({ field: 'referralIds', message: `no referral has the id ${unknown.join(', ')}` });
    return rows.map((row) => ({ referralId: row.id, workflowId: row.workflowId }));
  }
}
