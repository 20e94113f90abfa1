import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/viewer';
import { notFound } from '../../common/graphql-errors';
import type { Page } from '../../common/pagination/connection';
import { decodeCreatedAtCursor } from '../../common/pagination/created-at-cursor';
import type { ActionRow, IssueRow, MeetingRow, ProposalRow } from '../../common/loaders/policy-rows';
import { IssueFilter, PolicyQueryRepository } from './policy-query.repository';

export type { IssueFilter };

export type IssuePage = Page<IssueRow>;

/** What the NOT_FOUND answers name: the same words for a hidden object as for an id never used. */
export const NOT_FOUND_NAMES = {
  issue: 'Regional issue',
  proposal: 'Policy proposal',
  meeting: 'Subcommittee meeting',
  action: 'Follow-up action',
} as const;

/**
 * Reads of the policy track's read model, always scoped to what the viewer may see (policy-scope.ts). Outside that
 * scope an object does not exist for the viewer: NOT_FOUND, exactly as for an id that was never used.
 */
@Injectable()
export class PolicyQueryService {
  private readonly repository: PolicyQueryRepository;

  constructor(@Inject(DataSource) db: DataSource) {
    this.repository = new PolicyQueryRepository(db);
  }

  async findIssue(viewer: Viewer, id: string): Promise<IssueRow> {
    const row = await this.repository.findIssue(viewer, id);
    if (!row) throw notFound(NOT_FOUND_NAMES.issue);
    return row;
  }

  /** The issue a workflow id names (an issue created again with the same clientRequestId), if the viewer sees it. */
  async findIssueByWorkflowId(viewer: Viewer, workflowId: string): Promise<IssueRow | null> {
    return this.repository.findIssueByWorkflowId(viewer, workflowId);
  }

  async pageIssues(viewer: Viewer, filter: IssueFilter = {}, first: number, after?: string): Promise<IssuePage> {
    const count = await this.repository.countIssues(viewer, filter);
    const cursor = after ? decodeCreatedAtCursor(after) : null;
    // One row more than asked tells whether another page follows.
    const rows = await this.repository.pageOfIssues(viewer, filter, cursor, first + 1);
    return { rows: rows.slice(0, first), totalCount: count, hasNextPage: rows.length > first };
  }

  async findProposal(viewer: Viewer, id: string): Promise<ProposalRow> {
    const row = await this.repository.findProposal(viewer, id);
    if (!row) throw notFound(NOT_FOUND_NAMES.proposal);
    return row;
  }

  async findMeeting(viewer: Viewer, id: string): Promise<MeetingRow> {
    const row = await this.repository.findMeeting(viewer, id);
    if (!row) throw notFound(NOT_FOUND_NAMES.meeting);
    return row;
  }

  /** Meetings held in [from, to), oldest first; at most `limit`. */
  async listMeetings(viewer: Viewer, from: Date | undefined, to: Date | undefined, limit: number): Promise<MeetingRow[]> {
    return this.repository.meetingsHeldBetween(viewer, from, to, limit);
  }

  async findAction(viewer: Viewer, id: string): Promise<ActionRow> {
    const row = await this.repository.findAction(viewer, id);
    if (!row) throw notFound(NOT_FOUND_NAMES.action);
    return row;
  }

  /** The ids among these that name issues the viewer may see. */
  async visibleIssueIds(viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
    return this.repository.visibleIssueIds(viewer, ids);
  }

  /** The ids among these that name meetings the viewer may see. */
  async visibleMeetingIds(viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
    return this.repository.visibleMeetingIds(viewer, ids);
  }

  /** The created follow-up action, unscoped: read back right after the viewer created it. */
  async actionById(id: string): Promise<ActionRow | null> {
    return this.repository.actionById(id);
  }
}
