import { NeedCategory, OrganizationKind, PARTNER_ORGANIZATION_KINDS } from '../enums';

/** What routing needs to know of an organisation from the directory. */
export interface CandidateOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  areaIds: readonly string[];
  categories: readonly NeedCategory[];
  acceptingReferrals: boolean;
  /** Its load: open referrals (OFFERED, ACCEPTED or IN_PROGRESS) it holds or is being offered now. */
  openReferrals: number;
}

export interface RoutingNeed {
  category: NeedCategory;
  areaId: string;
}

/** Referral statuses that count towards an organisation's load (`CandidateOrganization.openReferrals`). */
export const OPEN_LOAD_STATUSES = ['OFFERED', 'ACCEPTED', 'IN_PROGRESS'] as const;

/**
 * The organisations a need can be offered to, best first (DOMAIN.md, "Routing"): partners that serve its area, take
 * its category and have capacity, leaving out `excludeIds` (those already offered it).
 *
 * Order: first the routing rule's `preferences` (organisation ids, in the rule's order; ids that are not candidates
 * are skipped), then every other candidate least-loaded first, then by name, then by id. Pure and deterministic: the
 * same inputs give the same order whatever order the directory lists them in.
 */
export function rankCandidates(
  organizations: readonly CandidateOrganization[],
  need: RoutingNeed,
  excludeIds: readonly string[] = [],
  preferences: readonly string[] = [],
): CandidateOrganization[] {
  const candidates = new Map<string, CandidateOrganization>();
  for (const org of [...organizations].sort(byLoadThenName)) {
    if (!candidates.has(org.id) && isCandidate(org, need) && !excludeIds.includes(org.id)) candidates.set(org.id, org);
  }
  const ranked: CandidateOrganization[] = [];
  for (const id of preferences) {
    const preferred = candidates.get(id);
    if (preferred && !ranked.includes(preferred)) ranked.push(preferred);
  }
  for (const org of candidates.values()) if (!ranked.includes(org)) ranked.push(org);
  return ranked;
}

export function isCandidate(org: CandidateOrganization, need: RoutingNeed): boolean {
  return (
    PARTNER_ORGANIZATION_KINDS.includes(org.kind) &&
    org.acceptingReferrals &&
    org.areaIds.includes(need.areaId) &&
    org.categories.includes(need.category)
  );
}

function byLoadThenName(a: CandidateOrganization, b: CandidateOrganization): number {
  return a.openReferrals - b.openReferrals || compare(a.name, b.name) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
