import { OrganizationKind, PARTNER_ORGANIZATION_KINDS, Role } from '@tsunagu/domain';
import type { FieldProblem } from '../common/graphql-errors';

// Where a user of each role belongs: their organisation and, for a tier-2 coordinator, their daily-life area. Pure:
// unit-tested. The organisation a user belongs to is the one their moves are recorded under in a referral's history.

interface OrganizationRule {
  required: boolean;
  /** The kinds allowed; null for any. */
  kinds: readonly OrganizationKind[] | null;
}

export const ORGANIZATION_RULES: Record<Role, OrganizationRule> = {
  [Role.ADMIN]: { required: false, kinds: null },
  // The tier-1 coordinator works at city hall (介護保険課).
  [Role.TIER1_COORDINATOR]: { required: true, kinds: [OrganizationKind.CITY_DEPARTMENT] },
  // Tier-2 coordinators are employed by the social welfare council (社協), one per daily-life area.
  [Role.TIER2_COORDINATOR]: { required: true, kinds: [OrganizationKind.SOCIAL_WELFARE_COUNCIL] },
  // Partner staff see and answer the referrals of exactly one partner organisation.
  [Role.PARTNER]: { required: true, kinds: PARTNER_ORGANIZATION_KINDS },
  // The subcommittee's secretariat: the subcommittee itself, or the city department that runs it.
  [Role.SUBCOMMITTEE]: { required: true, kinds: [OrganizationKind.SUBCOMMITTEE, OrganizationKind.CITY_DEPARTMENT] },
};

export interface PlacementFacts {
  role: Role;
  /** The organisation named: undefined when none was named, null when no organisation has the id given. */
  organization?: { name: string; kind: OrganizationKind; hasSystemUsers: boolean } | null;
  /** The area named: undefined when none was named, null when no area has the code given. */
  area?: { code: string } | null;
}

/** What is wrong with a user's organisation (field `organizationId`) and area (field `areaCode`) for their role. */
export function placementProblems({ role, organization, area }: PlacementFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const rule = ORGANIZATION_RULES[role];
  const kinds = rule.kinds ? ` (${rule.kinds.join(', ')})` : '';
  if (organization === null) {
    problems.push({ field: 'organizationId', message: 'no organisation has this id' });
  } else if (organization === undefined) {
    if (rule.required) problems.push({ field: 'organizationId', message: `a ${role} must belong to an organisation${kinds}` });
  } else if (rule.kinds && !rule.kinds.includes(organization.kind)) {
    problems.push({
      field: 'organizationId',
      message: `a ${role} cannot belong to "${organization.name}", a ${organization.kind}; it must be one of${kinds}`,
    });
  } else if (role === Role.PARTNER && !organization.hasSystemUsers) {
    problems.push({
      field: 'organizationId',
      message: `"${organization.name}" is kept as a partner without system users (a tier-2 coordinator answers for it): set hasSystemUsers first`,
    });
  }

  if (area === null) {
    problems.push({ field: 'areaCode', message: 'no area has this code' });
  } else if (role === Role.TIER2_COORDINATOR && area === undefined) {
    problems.push({ field: 'areaCode', message: 'a tier-2 coordinator needs the daily-life area they work in' });
  } else if (role !== Role.TIER2_COORDINATOR && area !== undefined) {
    problems.push({ field: 'areaCode', message: `only a tier-2 coordinator works in an area, not a ${role}` });
  }
  return problems;
}
