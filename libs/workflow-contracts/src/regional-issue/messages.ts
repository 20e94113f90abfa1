// The regional issue workflow's messages, defined once: the api sends them, the workflow handles them.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
// Relative imports into libs/domain: the workflow bundle includes this file, and @tsunagu aliases do not resolve there.
import type { SubcommitteeDecision } from '../../../domain/src/enums';
import type { RegionalIssueState } from './types';

/** Who acts: always a signed-in person (tier-1 or the subcommittee's secretary). */
export interface PolicyActor {
  userId: string;
}

/** What every update returns once the issue's read model holds the change. */
export interface RegionalIssueMoveResult {
  issueId: string;
  status: RegionalIssueState['status'];
  lastSeq: number;
  /** The proposal or follow-up action the update created, if any. */
  createdId: string | null;
}

/** Sent with update-with-start: returns once the issue (and its first links) are in the read model. */
export const createRegionalIssueUpdate = defineUpdate<RegionalIssueMoveResult, []>('createRegionalIssue');

export interface UpdateIssueInput {
  actor: PolicyActor;
  title?: string | null;
  description?: string | null;
  areaIds?: string[] | null;
}
export const updateRegionalIssueUpdate = defineUpdate<RegionalIssueMoveResult, [UpdateIssueInput]>('updateRegionalIssue');

export interface LinkReferralsInput {
  actor: PolicyActor;
  /** The api has checked these exist; already linked ones are skipped. */
  referrals: Array<{ referralId: string; workflowId: string }>;
  note?: string | null;
}
export const linkReferralsUpdate = defineUpdate<RegionalIssueMoveResult, [LinkReferralsInput]>('linkReferrals');

export interface UnlinkReferralInput {
  actor: PolicyActor;
  referralId: string;
  reason: string;
}
export const unlinkReferralUpdate = defineUpdate<RegionalIssueMoveResult, [UnlinkReferralInput]>('unlinkReferral');

export interface CloseIssueInput {
  actor: PolicyActor;
  reason: string;
}
export const closeRegionalIssueUpdate = defineUpdate<RegionalIssueMoveResult, [CloseIssueInput]>('closeRegionalIssue');

export interface DraftProposalInput {
  actor: PolicyActor;
  title: string;
  body: string;
}
/** createdId is the new proposal's id. */
export const draftPolicyProposalUpdate = defineUpdate<RegionalIssueMoveResult, [DraftProposalInput]>('draftPolicyProposal');

export interface ReviseProposalInput {
  actor: PolicyActor;
  proposalId: string;
  title: string;
  body: string;
}
export const revisePolicyProposalUpdate = defineUpdate<RegionalIssueMoveResult, [ReviseProposalInput]>('revisePolicyProposal');

export interface ProposalInput {
  actor: PolicyActor;
  proposalId: string;
}
export const submitPolicyProposalUpdate = defineUpdate<RegionalIssueMoveResult, [ProposalInput]>('submitPolicyProposal');

export interface AgendaInput {
  actor: PolicyActor;
  proposalId: string;
  /** The api has checked the meeting exists. */
  meetingId: string;
}
export const addProposalToAgendaUpdate = defineUpdate<RegionalIssueMoveResult, [AgendaInput]>('addProposalToAgenda');

/** Off the agenda before the meeting (or because it was cancelled); `reason` goes into the issue's history. */
export interface RemoveFromAgendaInput extends AgendaInput {
  reason: string;
}
export const removeProposalFromAgendaUpdate = defineUpdate<RegionalIssueMoveResult, [RemoveFromAgendaInput]>('removeProposalFromAgenda');

export interface DecisionInput {
  actor: PolicyActor;
  proposalId: string;
  meetingId: string;
  decision: SubcommitteeDecision;
  minutes: string;
  /**
   * The meeting's title and date (ISO instant) as the api read them: the note of the SUBCOMMITTEE_DECISION entry in
   * linked referrals' histories is "title (YYYY-MM-DD)". Optional: without it the note is the proposal's title.
   */
  meeting?: { title: string; heldAt: string } | null;
}
export const recordSubcommitteeDecisionUpdate = defineUpdate<RegionalIssueMoveResult, [DecisionInput]>('recordSubcommitteeDecision');

export interface AddActionInput {
  actor: PolicyActor;
  proposalId: string;
  description: string;
  owner: string;
  /** YYYY-MM-DD (JST). */
  dueOn: string;
}
/** createdId is the new action's id. */
export const addFollowUpActionUpdate = defineUpdate<RegionalIssueMoveResult, [AddActionInput]>('addFollowUpAction');

export interface CompleteActionInput {
  actor: PolicyActor;
  proposalId: string;
  actionId: string;
  note?: string | null;
}
export const completeFollowUpActionUpdate = defineUpdate<RegionalIssueMoveResult, [CompleteActionInput]>('completeFollowUpAction');

export interface RegionalIssueStateView extends RegionalIssueState {
  lastSeq: number;
}
export const regionalIssueStateQuery = defineQuery<RegionalIssueStateView>('regionalIssueState');
