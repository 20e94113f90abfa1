// The live state of a regional issue (地域課題) and the moves on it (DOMAIN.md, "The policy track"). Pure types: the
// regional issue workflow holds this state, carries it across continue-as-new, and its read model mirrors it.
// libs/workflow-contracts/src/regional-issue/types.ts re-exports these for the worker and the api.
import type { NeedCategory, PolicyProposalStatus, RegionalIssueEventKind, RegionalIssueStatus, SubcommitteeDecision } from '../enums';
import type { PolicyHandoff } from '../referral/referral-state';

/** A referral linked to the issue as evidence; workflowId lets the issue write into the referral's history. */
export interface LinkedReferral {
  referralId: string;
  workflowId: string;
  linkedAt: string;
  linkedByUserId: string;
}

/** One place of a proposal on a meeting's agenda, and what the subcommittee decided there. */
export interface AgendaEntry {
  meetingId: string;
  addedAt: string;
  decision: SubcommitteeDecision | null;
  minutes: string | null;
  decidedAt: string | null;
  decidedByUserId: string | null;
}

export interface FollowUpActionState {
  actionId: string;
  description: string;
  /** Who carries it out (a department or organisation, as the subcommittee wrote it). */
  owner: string;
  /** The due day, YYYY-MM-DD (JST). */
  dueOn: string;
  createdAt: string;
  /** Set when the reminder for the due day went out. */
  remindedAt: string | null;
  doneAt: string | null;
  doneByUserId: string | null;
  doneNote: string | null;
}

export interface PolicyProposalState {
  proposalId: string;
  title: string;
  body: string;
  status: PolicyProposalStatus;
  /** 1 when drafted, +1 for every revision. */
  revision: number;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Oldest first; the last entry is the current one while ON_AGENDA. */
  agenda: AgendaEntry[];
  actions: FollowUpActionState[];
}

/** The live state of one regional issue (地域課題), as its workflow holds it and carries it across continue-as-new. */
export interface RegionalIssueState {
  issueId: string;
  title: string;
  description: string;
  category: NeedCategory;
  areaIds: string[];
  status: RegionalIssueStatus;
  closedReason: string | null;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
  referrals: LinkedReferral[];
  proposals: PolicyProposalState[];
}

/** One row of the issue's own history (regional_issue_event), before it gets its number and time. */
export interface RegionalIssueEvent {
  kind: RegionalIssueEventKind;
  actorUserId: string | null;
  proposalId: string | null;
  meetingId: string | null;
  actionId: string | null;
  referralId: string | null;
  decision: SubcommitteeDecision | null;
  note: string | null;
}

/** A referral named by the api (which checked it exists) together with the id of its workflow. */
export interface ReferralRef {
  referralId: string;
  workflowId: string;
}

/** The meeting as the api knows it, for the note of a decision in the referrals' histories ("title (date)"). */
export interface MeetingRef {
  title: string;
  /** ISO instant. */
  heldAt: string;
}

/**
 * A move on a regional issue. Ids of new proposals and actions are chosen by the workflow (deterministically) and
 * passed in, so the transition stays a pure function.
 */
export type RegionalIssueCommand =
  | {
      type: 'CREATE';
      issueId: string;
      title: string;
      description: string;
      category: NeedCategory;
      areaIds: string[];
      referrals: ReferralRef[];
      createdByUserId: string;
    }
  | { type: 'UPDATE'; actorUserId: string; title?: string | null; description?: string | null; areaIds?: string[] | null }
  | { type: 'LINK'; actorUserId: string; referrals: ReferralRef[]; note?: string | null }
  | { type: 'UNLINK'; actorUserId: string; referralId: string; reason: string }
  | { type: 'CLOSE'; actorUserId: string; reason: string }
  | { type: 'DRAFT'; actorUserId: string; proposalId: string; title: string; body: string }
  | { type: 'REVISE'; actorUserId: string; proposalId: string; title: string; body: string }
  | { type: 'SUBMIT'; actorUserId: string; proposalId: string }
  | { type: 'ADD_TO_AGENDA'; actorUserId: string; proposalId: string; meetingId: string }
  | {
      type: 'DECIDE';
      actorUserId: string;
      proposalId: string;
      meetingId: string;
      decision: SubcommitteeDecision;
      minutes: string;
      meeting?: MeetingRef | null;
    }
  // Before the meeting: the proposal goes back to SUBMITTED (or CONTINUED); `reason` is the issue event's note.
  | { type: 'REMOVE_FROM_AGENDA'; actorUserId: string; proposalId: string; meetingId: string; reason: string }
  | { type: 'ADD_ACTION'; actorUserId: string; proposalId: string; actionId: string; description: string; owner: string; dueOn: string }
  | { type: 'COMPLETE_ACTION'; actorUserId: string; proposalId: string; actionId: string; note?: string | null }
  // The workflow's own move when an action's due day has come (09:00 JST); no person acts.
  | { type: 'ACTION_DUE'; proposalId: string; actionId: string };

export type RegionalIssueCommandType = RegionalIssueCommand['type'];

/**
 * A policy-track entry one linked referral's history must get, as the pure transition knows it: the referral it goes
 * to, and `event`, the index within the transition's events of the issue event it mirrors. The workflow numbers the
 * events and stamps the time when it commits, which makes it a `PolicyHandoff` (`policyHandoffOf`).
 */
export interface PolicyHandoffDraft extends ReferralRef, Omit<PolicyHandoff, 'issueId' | 'issueSeq' | 'at'> {
  event: number;
}

export interface RegionalIssueTransition {
  state: RegionalIssueState;
  /** The issue's new history rows, in order. Empty when the move changed nothing (linking only linked referrals). */
  events: RegionalIssueEvent[];
  /** What to write into linked referrals' histories once the events are recorded. */
  handoffs: PolicyHandoffDraft[];
}
