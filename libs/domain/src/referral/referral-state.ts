import { DeclineReason, Destination, HandoffKind, ReferralOutcome, ReferralStatus, ReturnReason } from '../enums';

/** The live state of one referral, as the workflow holds it. */
export interface ReferralState {
  status: ReferralStatus;
  /** The organisation holding the referral or being offered it; null when nobody outside the council has it. */
  currentOrganizationId: string | null;
  /** Every organisation this referral has been offered to, so routing never offers it twice. */
  offeredOrganizationIds: string[];
  outcome: ReferralOutcome | null;
  /**
   * Tier-1 took the referral (TAKE): currentOrganizationId is the tier-1 coordinator's city department, not a partner.
   * Absent (never false) otherwise, so states stored before it existed read the same.
   */
  heldByTier1?: boolean;
  /** While ON_HOLD (DOMAIN.md, "On hold"): where it returns on resume, the resume date, who put it on hold. */
  hold?: ReferralHold | null;
}

export interface ReferralHold {
  /** The status before the hold, which resumeReferral returns to. */
  returnTo: ReferralStatus;
  /** The JST calendar date (YYYY-MM-DD) the coordinator means to resume on. */
  resumeOn: string;
  heldByUserId: string;
}

/** Who makes a move. For a proxy update, organizationId is the partner the coordinator answers for. */
export interface ReferralActor {
  userId: string;
  organizationId: string | null;
  proxy: boolean;
}

/** One row of the handoff history, before it gets its sequence number and time. */
export interface HandoffEvent {
  kind: HandoffKind;
  fromOrganizationId: string | null;
  toOrganizationId: string | null;
  actorUserId: string | null;
  proxy: boolean;
  reason: string | null;
  note: string | null;
  /** Policy-track entries (POLICY_HANDOFF_KINDS) only: the regional issue and the issue event it mirrors. */
  regionalIssueId?: string | null;
  regionalIssueSeq?: number | null;
  /** Policy-track entries about a proposal: which one. */
  policyProposalId?: string | null;
}

/**
 * A policy-track entry for a linked referral's handoff history (HandoffKind in POLICY_HANDOFF_KINDS): what a regional
 * issue's workflow sends to the referral's workflow (the `policyHandoff` signal), or writes itself for a referral whose
 * workflow has ended (`recordClosedReferralPolicyHandoff`). The issue's transition drafts it (`PolicyHandoffDraft`).
 * Stored in workflow histories: its shape on the wire stays as it is.
 */
export interface PolicyHandoff {
  issueId: string;
  /** The issue event it mirrors: (issueId, issueSeq) makes the write idempotent. */
  issueSeq: number;
  kind: HandoffKind;
  actorUserId: string | null;
  proposalId: string | null;
  /** SUBCOMMITTEE_DECISION: the decision; UNLINKED_FROM_ISSUE / ISSUE_CLOSED: why. */
  reason: string | null;
  note: string | null;
  /** When the issue recorded its event. The referral's entry carries the time of its own write. */
  at: string;
}

/**
 * A move on a referral. Routing results (offerTo) are decided by the workflow before the move is applied,
 * so this stays a pure function: offerTo null means no candidate is left.
 */
export type ReferralCommand =
  | { type: 'SUBMIT'; actor: ReferralActor; destination: Destination; offerTo: string | null }
  | { type: 'ACCEPT'; actor: ReferralActor; note?: string | null }
  | { type: 'DECLINE'; actor: ReferralActor; reason: DeclineReason; note?: string | null; offerTo: string | null }
  | { type: 'START'; actor: ReferralActor; note?: string | null }
  | { type: 'COMPLETE'; actor: ReferralActor; outcome: ReferralOutcome; note?: string | null }
  | { type: 'REASSIGN'; actor: ReferralActor; organizationId: string; note?: string | null }
  | { type: 'ESCALATE'; actor: ReferralActor; note: string }
  | { type: 'WITHDRAW'; actor: ReferralActor; reason: string }
  | { type: 'NOTE'; actor: ReferralActor; note: string }
  | { type: 'EXTEND_DEADLINE'; actor: ReferralActor; businessDays: number; reason: string; note: string }
  // Tier-1 owns escalated needs; holders hand a referral back (DOMAIN.md, "Every need reaches an end").
  | { type: 'TAKE'; actor: ReferralActor; note?: string | null }
  | { type: 'RETURN'; actor: ReferralActor; reason: ReturnReason; note?: string | null; offerTo: string | null }
  | { type: 'HOLD'; actor: ReferralActor; resumeOn: string; reason: string }
  | { type: 'RESUME'; actor: ReferralActor; note?: string | null }
  // Moves the workflow makes itself when a deadline passes; no user acts.
  | { type: 'EXPIRE'; offerTo: string | null }
  | { type: 'REMIND'; note: string }
  | { type: 'AUTO_ESCALATE'; note: string };

export type ReferralCommandType = ReferralCommand['type'];

/** Moves a person makes (through an Update); the rest are the system's. */
export type UserCommandType = Exclude<ReferralCommandType, 'SUBMIT' | 'EXPIRE' | 'REMIND' | 'AUTO_ESCALATE'>;

export interface ReferralTransition {
  state: ReferralState;
  handoffs: HandoffEvent[];
}

export const OPEN_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.SUBMITTED,
  ReferralStatus.OFFERED,
  ReferralStatus.ACCEPTED,
  ReferralStatus.IN_PROGRESS,
  ReferralStatus.UNMATCHED,
  ReferralStatus.ESCALATED,
  ReferralStatus.ON_HOLD,
];

export const CLOSED_STATUSES: readonly ReferralStatus[] = [ReferralStatus.COMPLETED, ReferralStatus.WITHDRAWN];

export function isClosed(status: ReferralStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}
