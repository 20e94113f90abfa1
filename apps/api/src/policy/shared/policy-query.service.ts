import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/viewer';
import { notFound } from '../../common/graphql-errors';
import type { Page } from '../../common/pagination/connection';
import { decodeCreatedAtCursor } from '../../common/pagination/created-at-cursor';
import { namedQuery } from './named-query';
import {
  ACTION_COLUMNS,
  ActionRow,
  ISSUE_COLUMNS,
  IssueRow,
  MEETING_COLUMNS,
  MeetingRow,
  PROPOSAL_COLUMNS,
  ProposalRow,
} from '../../common/loaders/policy-rows';
import { issueScope, meetingScope, proposalScope } from './policy-scope';

export interface IssueFilter {
  status?: string[];
  category?: string[];
  areaCode?: string[];
}

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
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async findIssue(viewer: Viewer, id: string): Promise<IssueRow> {
    const scope = issueScope(viewer, 'i');
    const [row] = await namedQuery<IssueRow>(this.db, `SELECT ${ISSUE_COLUMNS} FROM regional_issue i WHERE i.id = :id AND ${scope.sql}`, {
      ...scope.params,
      id,
    });
    if (!row) throw notFound(NOT_FOUND_NAMES.issue);
    return row;
  }

  /** The issue a workflow id names (an issue created again with the same clientRequestId), if the viewer sees it. */
  async findIssueByWorkflowId(viewer: Viewer, workflowId: string): Promise<IssueRow | null> {
    const scope = issueScope(viewer, 'i');
    const [row] = await namedQuery<IssueRow>(
      this.db,
      `SELECT ${ISSUE_COLUMNS} FROM regional_issue i WHERE i.workflow_id = :workflowId AND ${scope.sql}`,
      { ...scope.params, workflowId },
    );
    return row ?? null;
  }

  async pageIssues(viewer: Viewer, filter: IssueFilter = {}, first: number, after?: string): Promise<IssuePage> {
    const scope = issueScope(viewer, 'i');
    const conditions = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    if (filter.status?.length) {
      conditions.push('i.status IN (:...statuses)');
      params.statuses = filter.status;
    }
    if (filter.category?.length) {
      conditions.push('i.category IN (:...categories)');
      params.categories = filter.category;
    }
    if (filter.areaCode?.length) {
      conditions.push(
        'EXISTS (SELECT 1 FROM regional_issue_area ia JOIN area a ON a.id = ia.area_id WHERE ia.issue_id = i.id AND a.code IN (:...areaCodes))',
      );
      params.areaCodes = filter.areaCode;
    }
    const [{ count }] = await namedQuery<{ count: number }>(
      this.db,
      `SELECT count(*)::int AS count FROM regional_issue i WHERE ${conditions.join(' AND ')}`,
      params,
    );
    if (after) {
      const cursor = decodeCreatedAtCursor(after);
      conditions.push('(i.created_at, i.id) < (:cursorAt, :cursorId)');
      Object.assign(params, { cursorAt: cursor.createdAt, cursorId: cursor.id });
    }
    const rows = await namedQuery<IssueRow>(
      this.db,
      `SELECT ${ISSUE_COLUMNS} FROM regional_issue i WHERE ${conditions.join(' AND ')}
        ORDER BY i.created_at DESC, i.id DESC LIMIT :limit`,
      { ...params, limit: first + 1 },
    );
    return { rows: rows.slice(0, first), totalCount: count, hasNextPage: rows.length > first };
  }

  async findProposal(viewer: Viewer, id: string): Promise<ProposalRow> {
    const scope = proposalScope(viewer, 'p', 'i');
    const [row] = await namedQuery<ProposalRow>(
      this.db,
      `SELECT ${PROPOSAL_COLUMNS} FROM policy_proposal p JOIN regional_issue i ON i.id = p.issue_id WHERE p.id = :id AND ${scope.sql}`,
      { ...scope.params, id },
    );
    if (!row) throw notFound(NOT_FOUND_NAMES.proposal);
    return row;
  }

  async findMeeting(viewer: Viewer, id: string): Promise<MeetingRow> {
    const scope = meetingScope(viewer, 'm');
    const [row] = await namedQuery<MeetingRow>(this.db, `SELECT ${MEETING_COLUMNS} FROM subcommittee_meeting m WHERE m.id = :id AND ${scope.sql}`, {
      ...scope.params,
      id,
    });
    if (!row) throw notFound(NOT_FOUND_NAMES.meeting);
    return row;
  }

  /** Meetings held in [from, to), oldest first; at most `limit`. */
  async listMeetings(viewer: Viewer, from: Date | undefined, to: Date | undefined, limit: number): Promise<MeetingRow[]> {
    const scope = meetingScope(viewer, 'm');
    const conditions = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params, limit };
    if (from) {
      conditions.push('m.held_at >= :from');
      params.from = from;
    }
    if (to) {
      conditions.push('m.held_at < :to');
      params.to = to;
    }
    return namedQuery<MeetingRow>(
      this.db,
      `SELECT ${MEETING_COLUMNS} FROM subcommittee_meeting m WHERE ${conditions.join(' AND ')} ORDER BY m.held_at, m.id LIMIT :limit`,
      params,
    );
  }

  async findAction(viewer: Viewer, id: string): Promise<ActionRow> {
    const scope = proposalScope(viewer, 'p', 'i');
    const [row] = await namedQuery<ActionRow>(
      this.db,
      `SELECT ${ACTION_COLUMNS} FROM follow_up_action fa JOIN policy_proposal p ON p.id = fa.proposal_id JOIN regional_issue i ON i.id = p.issue_id
        WHERE fa.id = :id AND ${scope.sql}`,
      { ...scope.params, id },
    );
    if (!row) throw notFound(NOT_FOUND_NAMES.action);
    return row;
  }

  /** The ids among these that name issues the viewer may see. */
  async visibleIssueIds(viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const scope = issueScope(viewer, 'i');
    const rows = await namedQuery<{ id: string }>(this.db, `SELECT i.id FROM regional_issue i WHERE i.id IN (:...ids) AND ${scope.sql}`, {
      ...scope.params,
      ids: [...new Set(ids)],
    });
    return new Set(rows.map((row) => row.id));
  }

  /** The ids among these that name meetings the viewer may see. */
  async visibleMeetingIds(viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const scope = meetingScope(viewer, 'm');
    const rows = await namedQuery<{ id: string }>(this.db, `SELECT m.id FROM subcommittee_meeting m WHERE m.id IN (:...ids) AND ${scope.sql}`, {
      ...scope.params,
      ids: [...new Set(ids)],
    });
    return new Set(rows.map((row) => row.id));
  }

  /** The created follow-up action, unscoped: read back right after the viewer created it. */
  async actionById(id: string): Promise<ActionRow | null> {
    const [row] = await namedQuery<ActionRow>(this.db, `SELECT ${ACTION_COLUMNS} FROM follow_up_action fa WHERE fa.id = :id`, { id });
    return row ?? null;
  }
}
