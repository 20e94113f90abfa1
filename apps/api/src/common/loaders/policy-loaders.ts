// Batched reads of the policy track's read model, per request (like every loader here). They return rows as stored;
// what a viewer may see of them is decided by the field resolvers (policy/shared/policy-visibility.ts) and the scoped
// loaders built per request from the viewer (request-scoped.ts).
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
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

export function createPolicyLoaders(db: DataSource) {
  const many = <T>(sql: string, key: keyof T) =>
    new DataLoader<string, T[]>(async (ids) => {
      const rows: T[] = await db.query(sql, [[...ids]]);
      return ids.map((id) => rows.filter((row) => row[key] === id));
    });
  const one = <T extends { id: string }>(sql: string) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows: T[] = await db.query(sql, [[...ids]]);
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  return {
    issue: one<IssueRow>(`SELECT ${ISSUE_COLUMNS} FROM regional_issue i WHERE i.id = ANY ($1)`),
    proposal: one<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM policy_proposal p WHERE p.id = ANY ($1)`),
    meeting: one<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM subcommittee_meeting m WHERE m.id = ANY ($1)`),
    action: one<ActionRow>(`SELECT ${ACTION_COLUMNS} FROM follow_up_action fa WHERE fa.id = ANY ($1)`),
    areasOfIssue: many<AreaEntity & { issueId: string }>(
      `SELECT a.id, a.code, a.name, a.sort_order AS "sortOrder", ia.issue_id AS "issueId"
         FROM regional_issue_area ia JOIN area a ON a.id = ia.area_id WHERE ia.issue_id = ANY ($1) ORDER BY a.sort_order, a.code`,
      'issueId',
    ),
    linksOfIssue: many<{ issueId: string; referralId: string }>(
      `SELECT issue_id AS "issueId", referral_id AS "referralId" FROM regional_issue_referral
        WHERE issue_id = ANY ($1) ORDER BY linked_at, referral_id`,
      'issueId',
    ),
    linksOfReferral: many<{ issueId: string; referralId: string }>(
      `SELECT l.issue_id AS "issueId", l.referral_id AS "referralId" FROM regional_issue_referral l JOIN regional_issue i ON i.id = l.issue_id
        WHERE l.referral_id = ANY ($1) ORDER BY i.created_at, i.id`,
      'referralId',
    ),
    proposalsOfIssue: many<ProposalRow>(
      `SELECT ${PROPOSAL_COLUMNS} FROM policy_proposal p WHERE p.issue_id = ANY ($1) ORDER BY p.created_at, p.id`,
      'issueId',
    ),
    eventsOfIssue: many<IssueEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM regional_issue_event e WHERE e.issue_id = ANY ($1) ORDER BY e.issue_id, e.seq`,
      'issueId',
    ),
    agendaOfProposal: many<AgendaRow>(
      `SELECT ${AGENDA_COLUMNS} FROM agenda_item ai WHERE ai.proposal_id = ANY ($1) ORDER BY ai.added_at, ai.meeting_id`,
      'proposalId',
    ),
    agendaOfMeeting: many<AgendaRow>(
      `SELECT ${AGENDA_COLUMNS} FROM agenda_item ai WHERE ai.meeting_id = ANY ($1) ORDER BY ai.added_at, ai.proposal_id`,
      'meetingId',
    ),
    actionsOfProposal: many<ActionRow>(
      `SELECT ${ACTION_COLUMNS} FROM follow_up_action fa WHERE fa.proposal_id = ANY ($1) ORDER BY fa.due_on, fa.created_at, fa.id`,
      'proposalId',
    ),
  };
}
