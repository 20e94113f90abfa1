import { PARTNER_SIGHT, PERSONAL_DATA_ITEMS, PersonalDataItem, ReferralActor, ReferralStatus, Role, UserCommandType } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import { conflict, forbidden } from '../common/graphql-errors';

// Who may do what to a referral they can see (DOMAIN.md, "Who works here"; docs/API.md, "Referrals").
// Seeing is decided in SQL by ReferralQueryService; this decides acting and personal-data sight. Pure: unit-tested.

export type ReferralMove = UserCommandType;

export interface ReferralFacts {
  status: ReferralStatus;
  currentOrganizationId: string | null;
  /**
   * Whether the organisation holding or offered the referral has an active user of its own (DirectoryService.hasActiveUser,
   * not its hasSystemUsers declaration); null when none holds it or it was not looked up.
   */
  currentOrganizationHasUsers: boolean | null;
}

const PARTNER_MOVES: readonly ReferralMove[] = ['ACCEPT', 'DECLINE', 'START', 'COMPLETE', 'RETURN'];
/** What tier-1 does as the one an escalated need reached, or whose department holds it (DOMAIN.md, "Every need reaches an end"). */
const TIER1_HOLDER_MOVES: readonly ReferralMove[] = ['COMPLETE', 'RETURN'];
const COORDINATOR_MOVES: readonly ReferralMove[] = ['REASSIGN', 'ESCALATE', 'WITHDRAW', 'HOLD', 'RESUME'];

/**
 * The actor a move is recorded under, or FORBIDDEN. A partner answers for its own organisation; a tier-2 coordinator
 * answers for a partner without an active user of its own (a proxy update; hasSystemUsers is only the organisation's
 * declaration, DOMAIN.md "Proxy answers"); coordinators steer the referral.
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
  if (move === 'TAKE') {
    if (viewer.role === Role.TIER1_COORDINATOR) return own;
    throw forbidden(`A ${viewer.role} cannot take a referral: only tier-1 takes escalated needs`);
  }
  if (viewer.role === Role.TIER1_COORDINATOR && TIER1_HOLDER_MOVES.includes(move)) {
    // A partner's answer stays the partner's: tier-1 closes or hands back only what is escalated to it or what it holds.
    if (
      referral.status === ReferralStatus.ESCALATED ||
      (referral.currentOrganizationId !== null && referral.currentOrganizationId === viewer.organizationId)
    ) {
      return own;
    }
    throw forbidden(`Tier-1 can ${move.toLowerCase()} only a referral escalated to it or held by its department`);
  }
  if (PARTNER_MOVES.includes(move)) {
    if (viewer.role === Role.PARTNER) return own;
    if (viewer.role === Role.TIER2_COORDINATOR && referral.currentOrganizationHasUsers === false) {
      return { userId: viewer.id, organizationId: referral.currentOrganizationId, proxy: true };
    }
    throw forbidden(
      viewer.role === Role.TIER2_COORDINATOR
        ? 'This partner has an active user and answers for itself; a coordinator records answers only for partners without one'
        : `A ${viewer.role} cannot ${move.toLowerCase()} a referral`,
    );
  }
  if (COORDINATOR_MOVES.includes(move) && (viewer.role === Role.TIER2_COORDINATOR || viewer.role === Role.TIER1_COORDINATOR)) {
    return own;
  }
  throw forbidden(`A ${viewer.role} cannot ${move.toLowerCase()} a referral`);
}

/** What maySeeSubject and maySeeAgeBand need to know about a referral. */
export type SubjectFacts = Pick<ReferralFacts, 'status' | 'currentOrganizationId'> & {
  consentObtained: boolean | null;
  /** While ON_HOLD: the status it returns to, whose sight the holding partner keeps (absent: none). */
  resumesToStatus?: ReferralStatus | null;
};

/**
 * Which items of the subject's personal data the viewer may see (docs/SECURITY.md, "Personal data"). Coordinators see
 * all of it. A partner sees only what PARTNER_SIGHT gives the organisation the referral is offered to or held by (the
 * age band on offer, everything once taken on), never without the resident's consent to sharing with partners, and
 * nothing once the referral has left it. Administrators and the subcommittee see none.
 */
export function visibleSubjectItems(viewer: Viewer, referral: SubjectFacts): readonly PersonalDataItem[] {
  switch (viewer.role) {
    case Role.TIER1_COORDINATOR:
    case Role.TIER2_COORDINATOR:
      return PERSONAL_DATA_ITEMS;
    case Role.PARTNER:
      if (referral.consentObtained !== true || viewer.organizationId === null) return [];
      if (referral.currentOrganizationId !== viewer.organizationId) return [];
      // On hold, the holder keeps what it saw before the hold (docs/SECURITY.md, "Personal data").
      if (referral.status === ReferralStatus.ON_HOLD) return referral.resumesToStatus ? PARTNER_SIGHT[referral.resumesToStatus] : [];
      return PARTNER_SIGHT[referral.status];
    default:
      return [];
  }
}

/** Whether the viewer may see the whole subject (Referral.subject: name, age band, contact). */
export function maySeeSubject(viewer: Viewer, referral: SubjectFacts): boolean {
  return PERSONAL_DATA_ITEMS.every((item) => visibleSubjectItems(viewer, referral).includes(item));
}

/** Whether the viewer may see the subject's age band (Referral.subjectAgeBand): also the partner deciding on an offer. */
export function maySeeAgeBand(viewer: Viewer, referral: SubjectFacts): boolean {
  return visibleSubjectItems(viewer, referral).includes('ageBand');
}

/**
 * How much of the recorded consent the viewer sees (Referral.consent; docs/SECURITY.md, "Consent"). Whether and when
 * the resident consented is the basis on which a partner is shown anything, so it goes with the first item the viewer
 * may see (a partner on offer: with the age band); how and who consented (本人, 家族(長女), 成年後見人) says something
 * about the person and their family, so it goes with the whole subject. Everyone else: nothing.
 */
export function consentSight(viewer: Viewer, referral: SubjectFacts): 'all' | 'fact' | 'none' {
  if (maySeeSubject(viewer, referral)) return 'all';
  return visibleSubjectItems(viewer, referral).length > 0 ? 'fact' : 'none';
}

/** Coordinators submit; a tier-2 coordinator only for their own area. With areaId null, checks the role alone. */
export function assertMaySubmit(viewer: Viewer, areaId: string | null): void {
  if (viewer.role === Role.TIER1_COORDINATOR) return;
  if (viewer.role !== Role.TIER2_COORDINATOR) throw forbidden(`A ${viewer.role} cannot submit referrals`);
  if (areaId !== null && viewer.areaId !== areaId) throw forbidden('A tier-2 coordinator submits referrals for their own area only');
}
