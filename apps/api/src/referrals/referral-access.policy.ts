import { ReferralActor, ReferralStatus, Role, UserCommandType } from '@tsunagu/domain';
import type { Viewer } from '../auth/viewer';
import { conflict, forbidden } from '../common/graphql-errors';

// Who may do what to a referral they can see (DOMAIN.md, "Who works here"; API.md, "Who may call what").
// Seeing is decided in SQL by ReferralQueryService; this decides acting and personal-data sight. Pure: unit-tested.

export type ReferralMove = UserCommandType;

export interface ReferralFacts {
  status: ReferralStatus;
  currentOrganizationId: string | null;
  /** Whether the organisation holding or offered the referral has users of its own; null when none holds it. */
  currentOrganizationHasUsers: boolean | null;
}

const PARTNER_MOVES: readonly ReferralMove[] = ['ACCEPT', 'DECLINE', 'START', 'COMPLETE'];
const COORDINATOR_MOVES: readonly ReferralMove[] = ['REASSIGN', 'ESCALATE', 'WITHDRAW'];
const PERSONAL_DATA_STATUSES: readonly ReferralStatus[] = [ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED];

/**
 * The actor a move is recorded under, or FORBIDDEN. A partner answers for its own organisation; a tier-2 coordinator
 * answers for a partner without users of its own (a proxy update); coordinators steer the referral.
 */
export function actorForMove(viewer: Viewer, referral: ReferralFacts, move: ReferralMove): ReferralActor {
  const own = { userId: viewer.id, organizationId: viewer.organizationId, proxy: false };
  if (move === 'NOTE') return own;
  if (move === 'EXTEND_DEADLINE') {
    // The partner asking for more time, or a coordinator recording that it was granted.
    if (viewer.role === Role.PARTNER) {
      if (referral.currentOrganizationId !== viewer.organizationId) {
        throw conflict('Only the organisation the referral is offered to or held by can ask for more time');
      }
      return own;
    }
    if (viewer.role === Role.TIER2_COORDINATOR || viewer.role === Role.TIER1_COORDINATOR) return own;
    throw forbidden(`A ${viewer.role} cannot extend a referral's deadline`);
  }
  if (PARTNER_MOVES.includes(move)) {
    if (viewer.role === Role.PARTNER) return own;
    if (viewer.role === Role.TIER2_COORDINATOR && referral.currentOrganizationHasUsers === false) {
      return { userId: viewer.id, organizationId: referral.currentOrganizationId, proxy: true };
    }
    throw forbidden(
      viewer.role === Role.TIER2_COORDINATOR
        ? 'This partner answers for itself; a coordinator records answers only for partners without users'
        : `A ${viewer.role} cannot ${move.toLowerCase()} a referral`,
    );
  }
  if (COORDINATOR_MOVES.includes(move) && (viewer.role === Role.TIER2_COORDINATOR || viewer.role === Role.TIER1_COORDINATOR)) {
    return own;
  }
  throw forbidden(`A ${viewer.role} cannot ${move.toLowerCase()} a referral`);
}

/**
 * Whether the viewer may see the subject's personal data. Partners only once their organisation has taken the referral
 * on, and never without the resident's recorded consent to sharing with partners.
 */
export function maySeeSubject(
  viewer: Viewer,
  referral: Pick<ReferralFacts, 'status' | 'currentOrganizationId'> & { consentObtained: boolean | null },
): boolean {
  switch (viewer.role) {
    case Role.TIER1_COORDINATOR:
    case Role.TIER2_COORDINATOR:
      return true;
    case Role.PARTNER:
      return (
        referral.consentObtained === true &&
        referral.currentOrganizationId === viewer.organizationId &&
        PERSONAL_DATA_STATUSES.includes(referral.status)
      );
    default:
      return false;
  }
}

/** Coordinators submit; a tier-2 coordinator only for their own area. With areaId null, checks the role alone. */
export function assertMaySubmit(viewer: Viewer, areaId: string | null): void {
  if (viewer.role === Role.TIER1_COORDINATOR) return;
  if (viewer.role !== Role.TIER2_COORDINATOR) throw forbidden(`A ${viewer.role} cannot submit referrals`);
  if (areaId !== null && viewer.areaId !== areaId) throw forbidden('A tier-2 coordinator submits referrals for their own area only');
}
