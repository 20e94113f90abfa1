// Rows of the policy track's read model as the api reads them (raw SQL, camel-cased). The worker writes these tables
// (apart from subcommittee_meeting); the api only reads them, so it keeps its own narrow row shapes.
import type { NeedCategory, PolicyProposalStatus, RegionalIssueEventKind, RegionalIssueStatus, SubcommitteeDecision } from '@tsunagu/domain';

export interface IssueRow {
  id: string;
  workflowId: string;
  title: string;
  description: string;
  category: NeedCategory;
  status: RegionalIssueStatus;
  closedReason: string | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  /** Referrals linked now. */
  referralCount: number;
}

export interface ProposalRow {
  id: string;
  issueId: string;
  title: string;
  body: string;
  status: PolicyProposalStatus;
  revision: number;
  createdById: string;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeetingRow {
  id: string;
  title: string;
  heldAt: Date;
  location: string | null;
  createdById: string;
  createdAt: Date;
  /** Set when the subcommittee cancelled it before it was held. */
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export interface AgendaRow {
  meetingId: string;
  proposalId: string;
  addedAt: Date;
  decision: SubcommitteeDecision | null;
  minutes: string | null;
  decidedAt: Date | null;
  decidedById: string | null;
}

export interface ActionRow {
  id: string;
  proposalId: string;
  description: string;
  owner: string;
  /** YYYY-MM-DD, read as text (a pg date would become a local-midnight Date). */
  dueOn: string;
  createdAt: Date;
  remindedAt: Date | null;
  doneAt: Date | null;
  doneById: string | null;
  doneNote: string | null;
}

export interface IssueEventRow {
  issueId: string;
  seq: number;
  kind: RegionalIssueEventKind;
  actorId: string | null;
  proposalId: string | null;
  meetingId: string | null;
  actionId: string | null;
  referralId: string | null;
  decision: SubcommitteeDecision | null;
  note: string | null;
  at: Date;
}

export const ISSUE_COLUMNS = `i.id, i.workflow_id AS "workflowId", i.title, i.description, i.category, i.status,
  i.closed_reason AS "closedReason", i.created_by_id AS "createdById", i.created_at AS "createdAt", i.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM regional_issue_referral c WHERE c.issue_id = i.id) AS "referralCount"`;

export const PROPOSAL_COLUMNS = `p.id, p.issue_id AS "issueId", p.title, p.body, p.status, p.revision, p.created_by_id AS "createdById",
  p.submitted_at AS "submittedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

export const MEETING_COLUMNS = `m.id, m.title, m.held_at AS "heldAt", m.location, m.created_by_id AS "createdById", m.created_at AS "createdAt",
  m.cancelled_at AS "cancelledAt", m.cancel_reason AS "cancelReason"`;

export const AGENDA_COLUMNS = `ai.meeting_id AS "meetingId", ai.proposal_id AS "proposalId", ai.added_at AS "addedAt", ai.decision, ai.minutes,
  ai.decided_at AS "decidedAt", ai.decided_by_id AS "decidedById"`;

export const ACTION_COLUMNS = `fa.id, fa.proposal_id AS "proposalId", fa.description, fa.owner, to_char(fa.due_on, 'YYYY-MM-DD') AS "dueOn",
  fa.created_at AS "createdAt", fa.reminded_at AS "remindedAt", fa.done_at AS "doneAt", fa.done_by_id AS "doneById", fa.done_note AS "doneNote"`;

export const EVENT_COLUMNS = `e.issue_id AS "issueId", e.seq, e.kind, e.actor_id AS "actorId", e.proposal_id AS "proposalId",
  e.meeting_id AS "meetingId", e.action_id AS "actionId", e.referral_id AS "referralId", e.decision, e.note, e.at`;
