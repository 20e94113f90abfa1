// The policy track's read-model rows by the ids of a batch, as stored (unscoped): the per-request loaders' reads.
import type { DataSource, EntityManager } from 'typeorm';
import type { AreaEntity } from '@tsunagu/persistence';
import {
  ACTION_COLUMNS,
  ActionRow,
  AGENDA_COLUMNS,
  AgendaRow,
  EVENT_COLUMNS,
  IssueEventRow,
  ISSUE_COLUMNS,
  IssueRow,
  MEETING_COLUMNS,
  MeetingRow,
  PROPOSAL_COLUMNS,
  ProposalRow,
} from './policy-rows';

export type IssueAreaRow = AreaEntity & { issueId: string };

export interface IssueLinkRow {
  issueId: string;
  referralId: string;
}

/** Each method answers the rows of all the ids at once, in no order of the ids: the loaders give each id its own. */
export class PolicyRowsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  issuesByIds(ids: readonly string[]): Promise<IssueRow[]> {
    return this.byIds(`SELECT ${ISSUE_COLUMNS} FROM regional_issue i WHERE i.id = ANY ($1)`, ids);
  }

  proposalsByIds(ids: readonly string[]): Promise<ProposalRow[]> {
    return this.byIds(`SELECT ${PROPOSAL_COLUMNS} FROM policy_proposal p WHERE p.id = ANY ($1)`, ids);
  }

  meetingsByIds(ids: readonly string[]): Promise<MeetingRow[]> {
    return this.byIds(`SELECT ${MEETING_COLUMNS} FROM subcommittee_meeting m WHERE m.id = ANY ($1)`, ids);
  }

  actionsByIds(ids: readonly string[]): Promise<ActionRow[]> {
    return this.byIds(`SELECT ${ACTION_COLUMNS} FROM follow_up_action fa WHERE fa.id = ANY ($1)`, ids);
  }

  /** The areas of each issue, in the areas' sort order. */
  areasOfIssues(issueIds: readonly string[]): Promise<IssueAreaRow[]> {
    return this.byIds(
      `SELECT a.id, a.code, a.name, a.sort_order AS "sortOrder", ia.issue_id AS "issueId"
         FROM regional_issue_area ia JOIN area a ON a.id = ia.area_id WHERE ia.issue_id = ANY ($1) ORDER BY a.sort_order, a.code`,
      issueIds,
    );
  }

  /** The referrals linked to each issue, oldest link first. */
  linksOfIssues(issueIds: readonly string[]): Promise<IssueLinkRow[]> {
    return this.byIds(
      `SELECT issue_id AS "issueId", referral_id AS "referralId" FROM regional_issue_referral
        WHERE issue_id = ANY ($1) ORDER BY linked_at, referral_id`,
      issueIds,
    );
  }

  /** The issues each referral is linked to, oldest issue first. */
  linksOfReferrals(referralIds: readonly string[]): Promise<IssueLinkRow[]> {
    return this.byIds(
      `SELECT l.issue_id AS "issueId", l.referral_id AS "referralId" FROM regional_issue_referral l JOIN regional_issue i ON i.id = l.issue_id
        WHERE l.referral_id = ANY ($1) ORDER BY i.created_at, i.id`,
      referralIds,
    );
  }

  /** The proposals of each issue, oldest first. */
  proposalsOfIssues(issueIds: readonly string[]): Promise<ProposalRow[]> {
    return this.byIds(`SELECT ${PROPOSAL_COLUMNS} FROM policy_proposal p WHERE p.issue_id = ANY ($1) ORDER BY p.created_at, p.id`, issueIds);
  }

  /** The events of each issue, in their sequence. */
  eventsOfIssues(issueIds: readonly string[]): Promise<IssueEventRow[]> {
    return this.byIds(`SELECT ${EVENT_COLUMNS} FROM regional_issue_event e WHERE e.issue_id = ANY ($1) ORDER BY e.issue_id, e.seq`, issueIds);
  }

  /** The agenda items of each proposal, in the order they were put on. */
  agendaOfProposals(proposalIds: readonly string[]): Promise<AgendaRow[]> {
    return this.byIds(
      `SELECT ${AGENDA_COLUMNS} FROM agenda_item ai WHERE ai.proposal_id = ANY ($1) ORDER BY ai.added_at, ai.meeting_id`,
      proposalIds,
    );
  }

  /** The agenda of each meeting, in the order its items were put on. */
  agendaOfMeetings(meetingIds: readonly string[]): Promise<AgendaRow[]> {
    return this.byIds(`SELECT ${AGENDA_COLUMNS} FROM agenda_item ai WHERE ai.meeting_id = ANY ($1) ORDER BY ai.added_at, ai.proposal_id`, meetingIds);
  }

  /** The follow-up actions of each proposal, soonest due first. */
  actionsOfProposals(proposalIds: readonly string[]): Promise<ActionRow[]> {
    return this.byIds(
      `SELECT ${ACTION_COLUMNS} FROM follow_up_action fa WHERE fa.proposal_id = ANY ($1) ORDER BY fa.due_on, fa.created_at, fa.id`,
      proposalIds,
    );
  }

  /** One statement whose $1 is the batch's ids as an array. */
  private byIds<T>(sql: string, ids: readonly string[]): Promise<T[]> {
    return this.db.query(sql, [[...ids]]);
  }
}
