// State, inputs and activity contracts of the regional issue workflow (the policy track, DOMAIN.md).
// Type-only (and constants): safe to import from workflow code, the worker and the api.
// Relative imports into libs/domain: the workflow bundle includes this file, and @tsunagu aliases do not resolve there.
import type { NeedCategory, RegionalIssueStatus } from '../../../domain/src';
import type { PolicyHandoff } from '../../../domain/src/referral/referral-state';
import type { RegionalIssueEvent, RegionalIssueState } from '../../../domain/src/policy/regional-issue-state';

export const REGIONAL_ISSUE_WORKFLOW = 'regionalIssueWorkflow';

// The issue's state and history rows are the domain's (libs/domain/src/policy/regional-issue-state.ts).
export type {
  AgendaEntry,
  FollowUpActionState,
  LinkedReferral,
  PolicyProposalState,
  RegionalIssueEvent,
  RegionalIssueState,
} from '../../../domain/src/policy/regional-issue-state';

export interface CreateRegionalIssueData {
  title: string;
  description: string;
  category: NeedCategory;
  areaIds: string[];
  /** Referrals linked at creation (e.g. taken from a suggestion); the api has checked they exist. */
  referrals: Array<{ referralId: string; workflowId: string }>;
  createdByUserId: string;
}

export interface RegionalIssueWorkflowInput {
  issueId: string;
  /** First run: what tier-1 created. */
  create?: CreateRegionalIssueData;
  /** A continued run: the state and history position carried over by continue-as-new. */
  carried?: { state: RegionalIssueState; lastSeq: number; deliveredPolicyEvents: number };
  /** Continue-as-new once the history holds this many events (default 2000; tests lower it). */
  historyLimit?: number;
}

export interface RegionalIssueWorkflowResult {
  issueId: string;
  status: RegionalIssueStatus;
}

/** The signature callers start REGIONAL_ISSUE_WORKFLOW with. */
export type RegionalIssueWorkflow = (input: RegionalIssueWorkflowInput) => Promise<RegionalIssueWorkflowResult>;

export interface RecordedRegionalIssueEvent extends RegionalIssueEvent {
  seq: number;
  at: string;
}

/**
 * One write of the issue's read model: the whole state (issue row, areas, current links, proposals, agenda entries,
 * follow-up actions, upserted) and the new history rows, in one transaction; `lastSeq` guards against stale retries.
 */
export interface RecordRegionalIssueInput {
  workflowId: string;
  state: RegionalIssueState;
  lastSeq: number;
  events: RecordedRegionalIssueEvent[];
}

// A policy-track entry for one linked referral's history: the domain's one shape (libs/domain/src/referral/referral-state.ts).
export type { PolicyHandoff };

export interface RecordClosedReferralPolicyHandoffInput {
  referralId: string;
  handoff: PolicyHandoff;
}

export interface RegionalIssueActivities {
  /** Writes the issue's read model; a retry with the same input changes nothing. */
  recordRegionalIssueTransition(input: RecordRegionalIssueInput): Promise<void>;
  /**
   * Appends a policy handoff to a referral whose workflow has ended (its history is then the database's alone):
   * next seq under a row lock, skipped when (issueId, issueSeq) is already there.
   */
  recordClosedReferralPolicyHandoff(input: RecordClosedReferralPolicyHandoffInput): Promise<void>;
}
