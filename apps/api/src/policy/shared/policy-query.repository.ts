// Reads of the policy track's read model (issues, proposals, meetings, actions), scoped to what a viewer may see.
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/viewer';
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
import { namedQuery } from './named-query';
import { issueScope, meetingScope, proposalScope } from './policy-scope';

export interface IssueFilter {
  status?: string[];
  category?: string[];
  areaCode?: string[];
}

/** A position in the list of issues, newest first: the last row seen (a decoded cursor). */
export interface IssueCursor {
  createdAt: string;
  id: string;
}

/**
 * Every statement here carries the viewer's scope (policy-scope.ts) but actionById: outside it an object does not
 * exist for the viewer, so a hidden object is read as no row, exactly as an id that was never used.
 */
export class PolicyQueryRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async findIssue(viewer: Viewer, id: string): Promise<IssueRow | null> {
    const scope = issueScope(viewer, 'i');
    const [row] = await namedQuery<IssueRow>(this.db, `SELECT ${ISSUE_COLUMNS} FROM regional_issue i WHERE i.id = :id AND ${scope.sql}`, {
      ...scope.params,
      id,
    });
    return row ?? null;
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

  /** How many issues the viewer sees that match the filter (the list's totalCount, whatever the page). */
  async countIssues(viewer: Viewer, filter: IssueFilter): Promise<number> {
    const { conditions, params } = issueConditions(viewer, filter);
    const [{ count }] = await namedQuery<{ count: number }>(
      this.db,
      `SELECT count(*)::int AS count FROM regional_issue i WHERE ${conditions.join(' AND ')}`,
      params,
    );
    return count;
  }

  /** At most `limit` issues the viewer sees that match the filter, newest first, after the cursor's row when given. */
  pageOfIssues(viewer: Viewer, filter: IssueFilter, after: IssueCursor | null, limit: number): Promise<IssueRow[]> {
    const { conditions, params } = issueConditions(viewer, filter);
    if (after) {
      conditions.push('(i.created_at, i.id) < (:cursorAt, :cursorId)');
      Object.assign(params, { cursorAt: after.createdAt, cursorId: after.id });
    }
    return namedQuery<IssueRow>(
      this.db,
      `SELECT ${ISSUE_COLUMNS} FROM regional_issue i WHERE ${conditions.join(' AND ')}
        ORDER BY i.created_at DESC, i.id DESC LIMIT :limit`,
      { ...params, limit },
    );
  }

  async findProposal(viewer: Viewer, id: string): Promise<ProposalRow | null> {
    const scope = proposalScope(viewer, 'p', 'i');
    const [row] = await namedQuery<ProposalRow>(
      this.db,
      `SELECT ${PROPOSAL_COLUMNS} FROM policy_proposal p JOIN regional_issue i ON i.id = p.issue_id WHERE p.id = :id AND ${scope.sql}`,
      { ...scope.params, id },
    );
    return row ?? null;
  }

  async findMeeting(viewer: Viewer, id: string): Promise<MeetingRow | null> {
    const scope = meetingScope(viewer, 'm');
    const [row] = await namedQuery<MeetingRow>(this.db, `SELECT ${MEETING_COLUMNS} FROM subcommittee_meeting m WHERE m.id = :id AND ${scope.sql}`, {
      ...scope.params,
      id,
    });
    return row ?? null;
  }

  /** Meetings held in [from, to), oldest first; at most `limit`. */
  meetingsHeldBetween(viewer: Viewer, from: Date | undefined, to: Date | undefined, limit: number): Promise<MeetingRow[]> {
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

  async findAction(viewer: Viewer, id: string): Promise<ActionRow | null> {
    const scope = proposalScope(viewer, 'p', 'i');
    const [row] = await namedQuery<ActionRow>(
      this.db,
      `SELECT ${ACTION_COLUMNS} FROM follow_up_action fa JOIN policy_proposal p ON p.id = fa.proposal_id JOIN regional_issue i ON i.id = p.issue_id
        WHERE fa.id = :id AND ${scope.sql}`,
      { ...scope.params, id },
    );
    return row ?? null;
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

  /** A follow-up action, unscoped: read back right after the viewer created it. */
  async actionById(id: string): Promise<ActionRow | null> {
    const [row] = await namedQuery<ActionRow>(this.db, `SELECT ${ACTION_COLUMNS} FROM follow_up_action fa WHERE fa.id = :id`, { id });
    return row ?? null;
  }
}

/** The viewer's scope and the filter's conditions on regional_issue `i`, with their named parameters. */
function issueConditions(viewer: Viewer, filter: IssueFilter): { conditions: string[]; params: Record<string, unknown> } {
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
  return { conditions, params };
}
