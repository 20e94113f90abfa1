// The groups of open referrals that suggest a regional issue, and the dismissals that set such a group aside.
import type { DataSource, EntityManager } from 'typeorm';
import type { NeedCategory } from '@tsunagu/domain';
import { namedQuery } from '../shared/named-query';

/** A suggested group, unscoped: the service keeps the referrals the viewer may see. */
export interface SuggestedGroup {
  category: NeedCategory;
  areaIds: string[];
  /** Oldest flag first. */
  referralIds: string[];
  firstAt: Date;
  lastAt: Date;
}

export interface SuggestionDismissal {
  id: string;
  category: NeedCategory;
  referralIds: string[];
  reason: string;
  dismissedAt: Date;
}

export interface NewDismissal {
  category: NeedCategory;
  ids: string[];
  reason: string;
  userId: string;
}

export class RegionalIssueSuggestionsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * The suggestion rule (docs/API-TOUR.md, "The policy track"; DOMAIN.md, "Policy statuses and rules"): referrals
   * ESCALATED or UNMATCHED now (so open), whose latest ESCALATED or UNMATCHED handoff lies within the window of `days`,
   * and linked to no issue in any status, grouped by category; a group from at least two areas is suggested, unless
   * every one of its referrals lies in a dismissal of its category (one new need brings the whole group back). Most
   * areas first, then most referrals.
   */
  suggestedGroups(days: number): Promise<SuggestedGroup[]> {
    return namedQuery<SuggestedGroup>(
      this.db,
      `WITH flagged AS (
         SELECT r.id, r.category, r.area_id,
                (SELECT max(h.at) FROM referral_handoff h WHERE h.referral_id = r.id AND h.kind IN ('ESCALATED', 'UNMATCHED')) AS flagged_at
           FROM referral r
          WHERE r.status IN ('ESCALATED', 'UNMATCHED')
            AND NOT EXISTS (SELECT 1 FROM regional_issue_referral l WHERE l.referral_id = r.id)
       )
       SELECT category, array_agg(DISTINCT area_id::text) AS "areaIds", array_agg(id::text ORDER BY flagged_at, id) AS "referralIds",
              min(flagged_at) AS "firstAt", max(flagged_at) AS "lastAt"
         FROM flagged
        WHERE flagged_at >= now() - make_interval(days => :days)
        GROUP BY category
       HAVING count(DISTINCT area_id) >= 2
          AND bool_or(NOT EXISTS (SELECT 1 FROM regional_issue_suggestion_dismissal d
                                   WHERE d.category = flagged.category AND flagged.id = ANY (d.referral_ids)))
        ORDER BY count(DISTINCT area_id) DESC, count(*) DESC, category`,
      { days },
    );
  }

  /** How many of these referrals (distinct ids) exist and are of the category. */
  async countOfCategory(ids: string[], category: NeedCategory): Promise<number> {
    const [{ matching }] = await namedQuery<{ matching: number }>(
      this.db,
      `SELECT count(*)::int AS matching FROM referral r WHERE r.id = ANY (:ids::uuid[]) AND r.category = :category`,
      { ids, category },
    );
    return matching;
  }

  /** Records who set which referrals of a category aside, and why. */
  async insertDismissal(dismissal: NewDismissal): Promise<SuggestionDismissal> {
    const [row] = await namedQuery<SuggestionDismissal>(
      this.db,
      `INSERT INTO regional_issue_suggestion_dismissal (category, referral_ids, reason, dismissed_by_id)
       VALUES (:category, :ids::uuid[], :reason, :userId)
       RETURNING id, category, referral_ids::text[] AS "referralIds", reason, dismissed_at AS "dismissedAt"`,
      { ...dismissal },
    );
    return row;
  }
}
