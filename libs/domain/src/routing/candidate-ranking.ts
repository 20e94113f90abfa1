import { NeedCategory, OrganizationKind, PARTNER_ORGANIZATION_KINDS } from '../enums';

/** What routing needs to know of an organisation from the directory. */
export interface CandidateOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  areaIds: readonly string[];
  categories: readonly NeedCategory[];
  acceptingReferrals: boolean;
}

export interface RoutingNeed {
  category: NeedCategory;
  areaId: string;
}

/**
 * The organisations a need can be offered to, best first: partners that serve its area, take its category and
 * have capacity, leaving out those already offered it. Ordered by name then id so the choice is reproducible.
 */
export function rankCandidates(
  organizations: readonly CandidateOrganization[],
  need: RoutingNeed,
  excludeIds: readonly string[] = [],
): CandidateOrganization[] {
  return organizations
    .filter((org) => isCandidate(org, need) && !excludeIds.includes(org.id))
    .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
}

export function isCandidate(org: CandidateOrganization, need: RoutingNeed): boolean {
  return (
    PARTNER_ORGANIZATION_KINDS.includes(org.kind) &&
    org.acceptingReferrals &&
    org.areaIds.includes(need.areaId) &&
    org.categories.includes(need.category)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
