import { DataSource, EntityManager } from 'typeorm';
import { CandidateOrganization, NeedCategory, OPEN_LOAD_STATUSES, OrganizationKind, rankCandidates, RoutingNeed } from '@tsunagu/domain';

/** What routing reads from the directory for one need: the organisations that might take it, and the rule's order. */
export interface CandidatePool {
  organizations: CandidateOrganization[];
  /** The routing rule's organisation ids for the need's category and area, in rank order (empty without a rule). */
  preferences: string[];
}

interface CandidateRow {
  id: string;
  name: string;
  kind: OrganizationKind;
  categories: NeedCategory[];
  acceptingReferrals: boolean;
  openReferrals: number;
  preferenceRank: number | null;
}

const OPEN = OPEN_LOAD_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * The one place that reads routing's inputs, used by the worker's findNextCandidate activity and by the api's
 * suggestedOrganizations, so both rank exactly the same way (with the pure `rankCandidates` of libs/domain).
 * Read-only; one query.
 */
export class CandidateDirectory {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The organisations that serve the area and take the category, with their load and place in the routing rule. */
  async pool(need: RoutingNeed): Promise<CandidatePool> {
    // Filters beyond area and category (kind, capacity, exclusions) stay in the pure function.
    const rows: CandidateRow[] = await this.db.query(
      `SELECT o.id, o.name, o.kind, o.categories, o.accepting_referrals AS "acceptingReferrals",
              (SELECT count(*)::int FROM referral r
                WHERE r.current_organization_id = o.id AND r.status IN (${OPEN})) AS "openReferrals",
              rp.rank AS "preferenceRank"
         FROM organization o
         JOIN organization_area oa ON oa.organization_id = o.id AND oa.area_id = $1
         LEFT JOIN routing_preference rp ON rp.organization_id = o.id AND rp.area_id = $1 AND rp.category = $2
        WHERE $2 = ANY (o.categories)`,
      [need.areaId, need.category],
    );
    return {
      organizations: rows.map(({ preferenceRank: _rank, ...row }) => ({ ...row, areaIds: [need.areaId] })),
      preferences: rows
        .filter((row) => row.preferenceRank !== null)
        .sort((a, b) => a.preferenceRank! - b.preferenceRank!)
        .map((row) => row.id),
    };
  }

  /** The candidates for the need, best first, leaving out `excludeIds` (those already offered it). */
  async ranked(need: RoutingNeed, excludeIds: readonly string[] = []): Promise<CandidateOrganization[]> {
    const { organizations, preferences } = await this.pool(need);
    return rankCandidates(organizations, need, excludeIds, preferences);
  }
}
