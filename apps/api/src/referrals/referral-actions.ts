import { GraphQLError } from 'graphql';
import {
  ALLOWED_FROM,
  assertAllowed,
  IllegalTransitionError,
  isClosed,
  ReferralCommand,
  ReferralCommandType,
  Role,
  SubjectKind,
  UserCommandType,
} from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import { actorForMove, ReferralFacts, ReferralMove } from './referral-access.policy';

// Referral.availableActions (docs/API.md, "Available actions"): the moves the viewer may make on a referral now, from
// the same rules that decide a move when it is sent: the state machine (ALLOWED_FROM, assertAllowed), the access policy
// (actorForMove) and the checks ReferralCommandsService makes before it asks the workflow. Pure: unit-tested, and the
// e2e suite sends every listed move (and an unlisted one) to check the api accepts exactly these.

/** The moves of the GraphQL enum ReferralAction: the person's moves (UserCommandType). */
export enum ReferralAction {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  START = 'START',
  COMPLETE = 'COMPLETE',
  REASSIGN = 'REASSIGN',
  ESCALATE = 'ESCALATE',
  WITHDRAW = 'WITHDRAW',
  NOTE = 'NOTE',
  EXTEND_DEADLINE = 'EXTEND_DEADLINE',
  TAKE = 'TAKE',
  RETURN = 'RETURN',
  HOLD = 'HOLD',
  RESUME = 'RESUME',
}

/** The moves the workflow makes itself. Listed as a record so that a new one must be named here (or is a person's). */
const SYSTEM_MOVES: Record<Exclude<ReferralCommandType, UserCommandType>, true> = { SUBMIT: true, EXPIRE: true, REMIND: true, AUTO_ESCALATE: true };

/** Every move a person makes, in the state machine's order: a move added to ALLOWED_FROM shows up here by itself. */
export const PERSON_MOVES: readonly ReferralMove[] = (Object.keys(ALLOWED_FROM) as ReferralCommandType[]).filter(
  (move): move is ReferralMove => !(move in SYSTEM_MOVES),
);

/**
 * The roles whose mutation for the move exists at all (the resolvers' @Roles, checked against them by a unit test).
 * A move without an entry is limited by actorForMove alone.
 */
export const MOVE_ROLES: Partial<Record<ReferralMove, readonly Role[]>> = {
  ACCEPT: [Role.PARTNER, Role.TIER2_COORDINATOR],
  DECLINE: [Role.PARTNER, Role.TIER2_COORDINATOR],
  START: [Role.PARTNER, Role.TIER2_COORDINATOR],
  COMPLETE: [Role.PARTNER, Role.TIER2_COORDINATOR, Role.TIER1_COORDINATOR],
  REASSIGN: [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR],
  ESCALATE: [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR],
  WITHDRAW: [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR],
  NOTE: [Role.ADMIN, Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.PARTNER],
  EXTEND_DEADLINE: [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.PARTNER],
  TAKE: [Role.TIER1_COORDINATOR],
  RETURN: [Role.PARTNER, Role.TIER2_COORDINATOR, Role.TIER1_COORDINATOR],
  HOLD: [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR],
  RESUME: [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR],
};

/** What deciding a move needs to know about the referral, as the viewer sees it. */
export interface ActionFacts extends ReferralFacts {
  subjectKind: SubjectKind;
  consentObtained: boolean | null;
  /** A deadline is running (Referral.responseDueAt): an extension needs one. */
  deadlineRunning: boolean;
  /** For a partner the referral has left: the seq of the handoff that took it away; null otherwise. */
  leftAtSeq: number | null;
  /** Tier-1 took it: a city department holds it (only tier-1's take puts one there). */
  heldByTier1: boolean;
}

export interface AvailableAction {
  action: ReferralMove;
  /** Made on behalf of the organisation holding or offered the referral (a tier-2 coordinator for a partner without users). */
  proxy: boolean;
}

/** The moves the viewer may make on this referral now, each once, in PERSON_MOVES order. */
export function availableActions(viewer: Viewer, facts: ActionFacts): AvailableAction[] {
  return PERSON_MOVES.flatMap((move) => {
    const proxy = mayMove(viewer, facts, move);
    return proxy === null ? [] : [{ action: move, proxy }];
  });
}

/** Whether the move would be accepted (then whether as a proxy), or null. */
function mayMove(viewer: Viewer, facts: ActionFacts, move: ReferralMove): boolean | null {
  const roles = MOVE_ROLES[move];
  if (roles && !roles.includes(viewer.role)) return null;
  try {
    const actor = actorForMove(viewer, facts, move);
    // As ReferralCommandsService.send: a partner the referral has left may only add notes; closed referrals take nothing.
    if (facts.leftAtSeq !== null && move !== 'NOTE') return null;
    if (isClosed(facts.status)) return null;
    if (move === 'REASSIGN' && facts.subjectKind === SubjectKind.PERSON && facts.consentObtained !== true) return null;
    if (move === 'EXTEND_DEADLINE' && !facts.deadlineRunning) return null;
    // The state machine's own rules (status, who may answer an offer), as the workflow applies them.
    const state = {
      status: facts.status,
      currentOrganizationId: facts.currentOrganizationId,
      offeredOrganizationIds: [],
      outcome: null,
      ...(facts.heldByTier1 ? { heldByTier1: true } : {}),
    };
    assertAllowed(state, { type: move, actor } as ReferralCommand);
    return actor.proxy;
  } catch (error) {
    if (error instanceof IllegalTransitionError || error instanceof GraphQLError) return null;
    throw error;
  }
}
