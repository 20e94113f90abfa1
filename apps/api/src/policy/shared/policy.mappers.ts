// Read-model rows to GraphQL models: the rows stay in the services, GraphQL sees only these.
import type { FollowUpActionModel } from '../follow-up-actions/models/follow-up-action.model';
import type { PolicyProposalModel } from '../proposals/models/policy-proposal.model';
import type { RegionalIssueEventModel, RegionalIssueModel } from '../regional-issues/models/regional-issue.model';
import type { AgendaItemModel, SubcommitteeMeetingModel } from '../subcommittee-meetings/models/subcommittee-meeting.model';
import type { ActionRow, AgendaRow, IssueEventRow, IssueRow, MeetingRow, ProposalRow } from '../../common/loaders/policy-rows';

export function toRegionalIssueModel(row: IssueRow): RegionalIssueModel {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    status: row.status,
    referralCount: row.referralCount,
    closedReason: row.closedReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdById: row.createdById,
  };
}

export function toPolicyProposalModel(row: ProposalRow): PolicyProposalModel {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    revision: row.revision,
    submittedAt: row.submittedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    issueId: row.issueId,
    createdById: row.createdById,
  };
}

export function toSubcommitteeMeetingModel(row: MeetingRow): SubcommitteeMeetingModel {
  return {
    id: row.id,
    title: row.title,
    heldAt: row.heldAt,
    location: row.location,
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
    createdById: row.createdById,
  };
}

export function toAgendaItemModel(row: AgendaRow): AgendaItemModel {
  return {
    addedAt: row.addedAt,
    decision: row.decision,
    minutes: row.minutes,
    decidedAt: row.decidedAt,
    meetingId: row.meetingId,
    proposalId: row.proposalId,
    decidedById: row.decidedById,
  };
}

/** Today's date in Japan (UTC+9, no daylight saving), YYYY-MM-DD: due days are Japanese calendar days. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

export function toFollowUpActionModel(row: ActionRow, now: Date = new Date()): FollowUpActionModel {
  return {
    id: row.id,
    description: row.description,
    owner: row.owner,
    dueOn: row.dueOn,
    remindedAt: row.remindedAt,
    doneAt: row.doneAt,
    doneNote: row.doneNote,
    overdue: row.doneAt === null && row.dueOn < todayInJapan(now),
    proposalId: row.proposalId,
    doneById: row.doneById,
  };
}

/** `referralVisible`: whether the caller may see the referral the event names (else its id is withheld). */
export function toRegionalIssueEventModel(row: IssueEventRow, referralVisible: boolean): RegionalIssueEventModel {
  return {
    seq: row.seq,
    kind: row.kind,
    referralId: row.referralId && referralVisible ? row.referralId : null,
    decision: row.decision,
    note: row.note,
    at: row.at,
    actorId: row.actorId,
    proposalId: row.proposalId,
    meetingId: row.meetingId,
    actionId: row.actionId,
  };
}
