// Inputs and activity contracts of the referral workflow. Type-only (and constants): safe for workflow code and the worker.
// Relative imports into libs/domain: the workflow bundle includes this file, and @tsunagu aliases do not resolve there.
import type {
  DeadlineRule,
  Destination,
  HandoffEvent,
  NeedCategory,
  ReferralOutcome,
  ReferralStatus,
  StoredReferralDetails,
  SubjectKind,
} from '../../../domain/src';

export interface ReferralSubjectData {
  displayName: string;
  /** ふりがな, normalised (libs/domain/src/text/kana.ts). Absent in workflows started before it was asked for. */
  nameKana?: string | null;
  ageBand: string | null;
  contact: string | null;
}

export interface ConsentData {
  obtained: boolean;
  method: string;
  obtainedAt: string;
  /** Who consented: 本人, 家族(長女), ... Absent in workflows started before it was asked for. */
  givenBy?: string | null;
}

export interface ReferralSubmission {
  clientRequestId: string;
  category: NeedCategory;
  areaId: string;
  summary: string;
  subjectKind: SubjectKind;
  subject: ReferralSubjectData | null;
  consent: ConsentData | null;
  /** The category's details as validated and stored. Absent when none were given, and in workflows started before them. */
  details?: StoredReferralDetails | null;
  destination: Destination;
  /** The partner the coordinator chose, if any; otherwise routing picks. */
  requestedOrganizationId: string | null;
  submittedByUserId: string;
  submittedByOrganizationId: string | null;
}

export interface ReferralWorkflowInput {
  referralId: string;
  submission: ReferralSubmission;
  /**
   * The category's deadline rule when submitted; referrals started before deadlines existed have none, and those
   * started before tier1ResponseDays lack that field (the workflow uses the default: completeDeadlineRule).
   */
  deadlineRule?: DeadlineRule;
}

export interface ReferralWorkflowResult {
  referralId: string;
  status: ReferralStatus;
  outcome: ReferralOutcome | null;
}

/** The workflow type callers start (stored in every history: never renamed) and its signature. */
export const REFERRAL_WORKFLOW = 'referralWorkflow';
export type ReferralWorkflow = (input: ReferralWorkflowInput) => Promise<ReferralWorkflowResult>;

export interface RecordedHandoff extends HandoffEvent {
  seq: number;
  at: string;
}

/** One write to the read model: the referral's new state and the handoffs that led to it, in one transaction. */
export interface RecordTransitionInput {
  referralId: string;
  workflowId: string;
  status: ReferralStatus;
  currentOrganizationId: string | null;
  outcome: ReferralOutcome | null;
  /** The current deadline (Referral.responseDueAt); null when none runs (and while ON_HOLD). */
  responseDueAt: string | null;
  /** While ON_HOLD: the resume date and the status to return to; null otherwise. Absent from workflows before holds. */
  hold?: { resumeOn: string; returnTo: ReferralStatus } | null;
  lastSeq: number;
  at: string;
  /** Present on the first write only: the submitted need, which creates the row. */
  submission?: ReferralSubmission & { createdAt: string };
  handoffs: RecordedHandoff[];
}

export interface FindNextCandidateInput {
  category: NeedCategory;
  areaId: string;
  excludeOrganizationIds: string[];
}

export interface ReferralActivities {
  /** The best partner still to be offered this need, or null when none is left. */
  findNextCandidate(input: FindNextCandidateInput): Promise<string | null>;
  /** Writes the referral row and its new handoffs; a retry with the same input changes nothing. */
  recordReferralTransition(input: RecordTransitionInput): Promise<void>;
}
