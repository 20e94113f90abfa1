// A need answered by policy ends there (DOMAIN.md, "The policy track", step 6): when a linked regional issue becomes
// IMPLEMENTED or CLOSED, a referral still waiting with tier-1 or the council is COMPLETED with the outcome
// TAKEN_INTO_REGIONAL_ISSUE, right after the issue's entry. Pure: the referral workflow applies it.
import { HandoffKind, ReferralOutcome, ReferralStatus } from '../enums';
import type { PolicyHandoff, ReferralState, ReferralTransition } from '../referral/referral-state';
import { recordPolicyHandoff } from '../referral/referral-state-machine';

/** The entries that say the issue is final, and the words of the COMPLETED note for each. */
const FINAL_ENTRY_NOTES: Partial<Record<HandoffKind, string>> = {
  // No issue title: it is tier-1's free text and might name a person; the entry before links the issue.
  [HandoffKind.POLICY_IMPLEMENTED]: '地域課題が実施済みとなったため完了しました',
  [HandoffKind.ISSUE_CLOSED]: '地域課題が終了となったため完了しました',
};

/** True for a policy entry saying the issue became IMPLEMENTED or CLOSED. */
export function isFinalIssueEntry(kind: HandoffKind): boolean {
  return FINAL_ENTRY_NOTES[kind] !== undefined;
}

/**
 * Whether a referral ends with its issue: open and with tier-1 or the council (ESCALATED, UNMATCHED, or IN_PROGRESS
 * held by tier-1's department). One a partner is offered or holds, or ON_HOLD, keeps going and ends by its own outcome.
 * `heldByTier1` is read when the state carries it (tier-1 taking a referral).
 */
export function closesWithRegionalIssue(state: ReferralState): boolean {
  switch (state.status) {
    case ReferralStatus.ESCALATED:
    case ReferralStatus.UNMATCHED:
      return true;
    case ReferralStatus.IN_PROGRESS:
      return state.heldByTier1 === true;
    default:
      return false;
  }
}

/**
 * The issue's final entry followed by the system's COMPLETED (no actor) with TAKEN_INTO_REGIONAL_ISSUE, as one
 * transition; just the entry (recordPolicyHandoff) when the entry is not a final one or the referral does not end.
 */
export function closeWithRegionalIssue(state: ReferralState, entry: Omit<PolicyHandoff, 'at'>): ReferralTransition {
  const recorded = recordPolicyHandoff(state, entry);
  const note = FINAL_ENTRY_NOTES[entry.kind];
  if (note === undefined || !closesWithRegionalIssue(state)) return recorded;
  const holder = state.currentOrganizationId;
  const outcome = ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE;
  return {
    state: { ...state, status: ReferralStatus.COMPLETED, outcome },
    handoffs: [
      ...recorded.handoffs,
      { kind: HandoffKind.COMPLETED, fromOrganizationId: holder, toOrganizationId: holder, actorUserId: null, proxy: false, reason: outcome, note },
    ],
  };
}
