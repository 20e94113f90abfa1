import { Destination, HandoffKind, POLICY_HANDOFF_KINDS, ReferralOutcome, ReferralStatus } from '../enums';
import { IllegalTransitionError } from '../errors';
import {
  HandoffEvent,
  OPEN_STATUSES,
  PolicyHandoff,
  ReferralActor,
  ReferralCommand,
  ReferralCommandType,
  ReferralState,
  ReferralTransition,
} from './referral-state';
import { HOLDABLE_STATUSES, holdNote } from './referral-hold';

const { SUBMITTED, OFFERED, ACCEPTED, IN_PROGRESS, UNMATCHED, ESCALATED, ON_HOLD } = ReferralStatus;

/** The statuses each move may start from (DOMAIN.md, "Referral lifecycle"). SUBMIT starts a referral, so it has none. */
export const ALLOWED_FROM: Readonly<Record<ReferralCommandType, readonly ReferralStatus[]>> = {
  SUBMIT: [],
  ACCEPT: [OFFERED],
  DECLINE: [OFFERED],
  START: [ACCEPTED],
  // ESCALATED: tier-1 closes an escalated need without taking it first (the access policy lets only tier-1 do it).
  COMPLETE: [IN_PROGRESS, ESCALATED],
  // IN_PROGRESS: only while tier-1's department holds it, by tier-1 (assertAllowed).
  REASSIGN: [OFFERED, UNMATCHED, ESCALATED, IN_PROGRESS],
  ESCALATE: [SUBMITTED, OFFERED, ACCEPTED, IN_PROGRESS, UNMATCHED],
  WITHDRAW: OPEN_STATUSES,
  NOTE: OPEN_STATUSES,
  EXTEND_DEADLINE: [OFFERED, ACCEPTED, IN_PROGRESS, UNMATCHED],
  EXPIRE: [OFFERED],
  // ESCALATED: the tier-1 deadline; ON_HOLD: the resume date (DOMAIN.md, "On hold").
  REMIND: [OFFERED, ACCEPTED, IN_PROGRESS, ESCALATED, ON_HOLD],
  AUTO_ESCALATE: [UNMATCHED],
  TAKE: [ESCALATED],
  // ACCEPTED, IN_PROGRESS: its holder (a partner, or tier-1 while its department holds it); ESCALATED: tier-1.
  RETURN: [ACCEPTED, IN_PROGRESS, ESCALATED],
  // Holding again while on hold moves the resume date.
  HOLD: [...HOLDABLE_STATUSES, ON_HOLD],
  RESUME: [ON_HOLD],
};

/**
 * Moves that only the organisation the referral is offered to or held by may make. An ESCALATED referral has no
 * holder: COMPLETE and RETURN from there are tier-1's, which the access policy decides (only tier-1 may).
 */
const PARTNER_MOVES: readonly ReferralCommandType[] = ['ACCEPT', 'DECLINE', 'START', 'COMPLETE', 'RETURN'];

/**
 * Whether a RETURN hands the referral back to the tier-2 coordinator (tier-1 returning an escalated need it has or
 * holds) rather than back to routing (a partner that cannot carry on). The workflow asks routing only for the latter.
 */
export function isTier1HandBack(state: ReferralState): boolean {
  return state.status === ESCALATED || state.heldByTier1 === true;
}

/** Starts a referral: the SUBMITTED handoff, then where it goes first. */
export function submitReferral(command: Extract<ReferralCommand, { type: 'SUBMIT' }>): ReferralTransition {
  const initial: ReferralState = {
    status: SUBMITTED,
    currentOrganizationId: null,
    offeredOrganizationIds: [],
    outcome: null,
  };
  const submitted = event(HandoffKind.SUBMITTED, command.actor, { from: command.actor.organizationId, to: null });
  if (command.destination === Destination.TIER1) {
    return {
      state: { ...initial, status: ESCALATED },
      handoffs: [submitted, event(HandoffKind.ESCALATED, command.actor, { from: null, to: null })],
    };
  }
  const routed = route(initial, command.offerTo);
  return { state: routed.state, handoffs: [submitted, ...routed.handoffs] };
}

/**
 * Applies one move to a referral and returns the new state and the handoffs it makes.
 * Throws IllegalTransitionError (CONFLICT) for a move the current state does not allow; the state is never changed in place.
 */
export function applyReferralCommand(state: ReferralState, command: ReferralCommand): ReferralTransition {
  if (command.type === 'SUBMIT') {
    throw new IllegalTransitionError('This referral has already been submitted');
  }
  assertAllowed(state, command);
  const actor = 'actor' in command ? command.actor : null;
  const holder = state.currentOrganizationId;

  switch (command.type) {
    case 'ACCEPT':
      return {
        state: { ...state, status: ACCEPTED },
        handoffs: [event(HandoffKind.ACCEPTED, actor, { from: holder, to: holder, note: command.note })],
      };
    case 'DECLINE': {
      const declined = event(HandoffKind.DECLINED, actor, {
        from: holder,
        to: null,
        reason: command.reason,
        note: command.note,
      });
      const routed = route(state, command.offerTo);
      return { state: routed.state, handoffs: [declined, ...routed.handoffs] };
    }
    case 'START':
      return {
        state: { ...state, status: IN_PROGRESS },
        handoffs: [event(HandoffKind.STARTED, actor, { from: holder, to: holder, note: command.note })],
      };
    case 'COMPLETE': {
      // Closed by tier-1 straight from ESCALATED: its department is the one that closed it, as if it had taken it.
      const closer = state.status === ESCALATED ? command.actor.organizationId : holder;
      const tier1 = state.status === ESCALATED ? { currentOrganizationId: closer, heldByTier1: true } : {};
      return {
        state: { ...state, ...tier1, status: ReferralStatus.COMPLETED, outcome: command.outcome },
        handoffs: [event(HandoffKind.COMPLETED, actor, { from: closer, to: closer, reason: command.outcome, note: command.note })],
      };
    }
    case 'REASSIGN': {
      if (state.status === OFFERED && holder === command.organizationId) {
        throw new IllegalTransitionError('The referral is already offered to that organisation');
      }
      const reassigned = event(HandoffKind.REASSIGNED, actor, { from: holder, to: command.organizationId, note: command.note });
      const offered = offer(state, command.organizationId);
      return { state: offered.state, handoffs: [reassigned, ...offered.handoffs] };
    }
    case 'ESCALATE':
      return {
        state: { ...state, status: ESCALATED, currentOrganizationId: null },
        handoffs: [event(HandoffKind.ESCALATED, actor, { from: holder, to: null, note: command.note })],
      };
    case 'WITHDRAW':
      return {
        state: { ...withoutHold(state), status: ReferralStatus.WITHDRAWN, currentOrganizationId: null },
        handoffs: [event(HandoffKind.WITHDRAWN, actor, { from: holder, to: null, reason: command.reason })],
      };
    case 'NOTE':
      return {
        state,
        handoffs: [event(HandoffKind.NOTE, actor, { from: command.actor.organizationId, to: null, note: command.note })],
      };
    case 'EXTEND_DEADLINE':
      return {
        state,
        handoffs: [event(HandoffKind.DEADLINE_EXTENDED, actor, { from: holder, to: holder, reason: command.reason, note: command.note })],
      };
    case 'EXPIRE': {
      const expired = event(HandoffKind.EXPIRED, null, { from: holder, to: null });
      const routed = route(state, command.offerTo);
      return { state: routed.state, handoffs: [expired, ...routed.handoffs] };
    }
    case 'REMIND': {
      // On hold, the resume date reminds the coordinator, not the holder.
      const to = state.status === ON_HOLD ? null : holder;
      return { state, handoffs: [event(HandoffKind.REMINDED, null, { from: null, to, note: command.note })] };
    }
    case 'TAKE': {
      // Tier-1 works on it itself: its city department holds it, in progress (the progress deadline runs).
      const department = command.actor.organizationId;
      return {
        state: { ...state, status: IN_PROGRESS, currentOrganizationId: department, heldByTier1: true },
        handoffs: [event(HandoffKind.TAKEN, actor, { from: null, to: department, note: command.note })],
      };
    }
    case 'RETURN': {
      if (isTier1HandBack(state)) {
        // Back to the tier-2 coordinator: UNMATCHED, nobody holds it (and the workflow starts no automatic escalation).
        const returned = event(HandoffKind.RETURNED, actor, {
          from: holder ?? command.actor.organizationId,
          to: null,
          reason: command.reason,
          note: command.note,
        });
        return { state: { ...notHeldByTier1(state), status: UNMATCHED, currentOrganizationId: null }, handoffs: [returned] };
      }
      // A partner that cannot carry on: routed as after a decline (the next candidate not yet offered, else UNMATCHED).
      const returned = event(HandoffKind.RETURNED, actor, { from: holder, to: null, reason: command.reason, note: command.note });
      const routed = route(state, command.offerTo);
      return { state: routed.state, handoffs: [returned, ...routed.handoffs] };
    }
    case 'HOLD': {
      const returnTo = state.status === ON_HOLD && state.hold ? state.hold.returnTo : state.status;
      const hold = { returnTo, resumeOn: command.resumeOn, heldByUserId: command.actor.userId };
      return {
        state: { ...state, status: ON_HOLD, hold },
        handoffs: [event(HandoffKind.PUT_ON_HOLD, actor, { from: holder, to: holder, reason: command.reason, note: holdNote(command.resumeOn) })],
      };
    }
    case 'RESUME': {
      if (!state.hold) throw new IllegalTransitionError('This referral has no status to return to');
      return {
        state: { ...withoutHold(state), status: state.hold.returnTo },
        handoffs: [event(HandoffKind.RESUMED, actor, { from: holder, to: holder, note: command.note })],
      };
    }
    case 'AUTO_ESCALATE':
      return {
        state: { ...state, status: ESCALATED, currentOrganizationId: null },
        handoffs: [event(HandoffKind.ESCALATED, null, { from: null, to: null, note: command.note })],
      };
  }
}

/** Throws when the move is not allowed now; used by update validators, which must not change state. */
export function assertAllowed(state: ReferralState, command: ReferralCommand): void {
  const allowed = ALLOWED_FROM[command.type];
  if (!allowed.includes(state.status)) {
    throw new IllegalTransitionError(`Cannot ${command.type.toLowerCase()} a referral that is ${state.status}`);
  }
  const holderMove = PARTNER_MOVES.includes(command.type) && state.status !== ESCALATED;
  if (holderMove && 'actor' in command && command.actor.organizationId !== state.currentOrganizationId) {
    throw new IllegalTransitionError(`Only the organisation the referral is offered to or held by can ${command.type.toLowerCase()} it`);
  }
  assertTier1Rules(state, command);
}

/** The rules of DOMAIN.md, "Every need reaches an end: tier-1 and hand-backs", beyond the statuses. */
function assertTier1Rules(state: ReferralState, command: ReferralCommand): void {
  const heldByTier1 = state.heldByTier1 === true;
  switch (command.type) {
    case 'TAKE':
      if (command.actor.organizationId === null) throw new IllegalTransitionError('Only a coordinator of a city department can take a referral');
      return;
    case 'REASSIGN':
      // In progress is re-referable only by tier-1 while its own department holds it; a partner's work is not pulled away.
      if (state.status === IN_PROGRESS && (!heldByTier1 || command.actor.organizationId !== state.currentOrganizationId)) {
        throw new IllegalTransitionError('Only tier-1, while its department holds the referral, can re-refer a referral in progress');
      }
      return;
    case 'ESCALATE':
      if (heldByTier1) throw new IllegalTransitionError('Tier-1 already holds this referral');
      return;
    case 'COMPLETE':
      // Answered by policy: only tier-1's to say, so only while it has the need.
      if (command.outcome === ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE && state.status !== ESCALATED && !heldByTier1) {
        throw new IllegalTransitionError('Only tier-1 can close a referral as taken into a regional issue');
      }
      return;
    default:
      return;
  }
}

/** The state without tier-1's hold: the referral goes to a partner or back to the council. */
function notHeldByTier1(state: ReferralState): ReferralState {
  const { heldByTier1: _held, ...rest } = state;
  return rest;
}

/**
 * A regional issue's entry in this referral's history (DOMAIN.md, "The policy track", step 5): one handoff of a policy
 * kind, the referral itself unchanged. Allowed in every status, closed ones included: the loop closes at the policy
 * level too. Throws IllegalTransitionError for a kind that is not a policy kind.
 */
export function recordPolicyHandoff(state: ReferralState, entry: Omit<PolicyHandoff, 'at'>): ReferralTransition {
  if (!POLICY_HANDOFF_KINDS.includes(entry.kind)) {
    throw new IllegalTransitionError(`${entry.kind} is not a policy-track handoff`);
  }
  return {
    state,
    handoffs: [
      {
        kind: entry.kind,
        fromOrganizationId: null,
        toOrganizationId: null,
        actorUserId: entry.actorUserId,
        proxy: false,
        reason: entry.reason,
        note: entry.note,
        regionalIssueId: entry.issueId,
        regionalIssueSeq: entry.issueSeq,
        policyProposalId: entry.proposalId,
      },
    ],
  };
}

/** The state without its hold (ReferralState.hold is absent while not ON_HOLD). */
function withoutHold(state: ReferralState): ReferralState {
  const { hold: _hold, ...rest } = state;
  return rest;
}

function route(state: ReferralState, offerTo: string | null): ReferralTransition {
  if (offerTo === null) {
    return {
      state: { ...notHeldByTier1(state), status: UNMATCHED, currentOrganizationId: null },
      handoffs: [event(HandoffKind.UNMATCHED, null, { from: null, to: null })],
    };
  }
  return offer(state, offerTo);
}

function offer(state: ReferralState, organizationId: string): ReferralTransition {
  const offered = state.offeredOrganizationIds.includes(organizationId)
    ? state.offeredOrganizationIds
    : [...state.offeredOrganizationIds, organizationId];
  return {
    state: { ...notHeldByTier1(state), status: OFFERED, currentOrganizationId: organizationId, offeredOrganizationIds: offered },
    handoffs: [event(HandoffKind.OFFERED, null, { from: null, to: organizationId })],
  };
}

function event(
  kind: HandoffKind,
  actor: ReferralActor | null,
  details: { from: string | null; to: string | null; reason?: string | null; note?: string | null },
): HandoffEvent {
  return {
    kind,
    fromOrganizationId: details.from,
    toOrganizationId: details.to,
    actorUserId: actor?.userId ?? null,
    proxy: actor?.proxy ?? false,
    reason: details.reason ?? null,
    note: details.note ?? null,
  };
}
