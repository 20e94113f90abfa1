import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NeedCategory } from '@tsunagu/domain';
import { badUserInput } from '../../common/graphql-errors';
import type { ReferralEntity } from '@tsunagu/persistence';
import type { Viewer } from '../../common/viewer';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { ReferralQueryService } from '../../referrals/referral-query.service';
import { namedQuery } from '../shared/named-query';

export interface IssueSuggestion {
  category: NeedCategory;
  areaIds: string[];
  referrals: ReferralEntity[];
  windowDays: number;
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

/**
 * The suggestion rule (docs/API-TOUR.md, "The policy track"; DOMAIN.md, "Policy statuses and rules"): referrals
 * ESCALATED or UNMATCHED now (so open), whose latest ESCALATED or UNMATCHED handoff lies within the window, and linked
 * to no issue in any status, grouped by category; a group from at least two areas is suggested, unless every one of
 * its referrals lies in a dismissal of its category (one new need brings the whole group back). Most areas first,
 * then most referrals.
 */
@Injectable()
export class RegionalIssueSuggestionsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly referrals: ReferralQueryService,
  ) {}

  async suggestions(viewer: Viewer, windowDays?: number | null): Promise<IssueSuggestion[]> {
    const days = windowDays ?? this.config.issueSuggestionWindowDays;
    const groups = await namedQuery<{ category: NeedCategory; areaIds: string[]; referralIds: string[]; firstAt: Date; lastAt: Date }>(
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
    const referrals = await this.referrals.visibleAmong(
      viewer,
      groups.flatMap((group) => group.referralIds),
    );
    const byId = new Map(referrals.map((row) => [row.id, row]));
    return groups.map((group) => ({
      category: group.category,
      areaIds: group.areaIds,
      referrals: group.referralIds.flatMap((id) => byId.get(id) ?? []),
      windowDays: days,
      firstAt: group.firstAt,
      lastAt: group.lastAt,
    }));
  }

  /**
   * Sets a suggestion aside (tier-1), recorded with who, when and why; the audit log records the mutation. The
   * referrals must exist and be of the category: anything else is BAD_USER_INPUT on referralIds, nothing stored.
   */
  async dismiss(viewer: Viewer, category: NeedCategory, referralIds: string[], reason: string): Promise<SuggestionDismissal> {
    const ids = [...new Set(referralIds)];
    const [{ matching }] = await namedQuery<{ matching: number }>(
      this.db,
      `SELECT count(*)::int AS matching FROM referral r WHERE r.id = ANY (:ids::uuid[]) AND r.category = :category`,
      { ids, category },
    );
    if (matching !== ids.length) {
      throw badUserInput([{ field: 'referralIds', message: `every referral must exist and be of the category ${category}` }]);
    }
    const [row] = await namedQuery<SuggestionDismissal>(
      this.db,
      `INSERT INTO regional_issue_suggestion_dismissal (category, referral_ids, reason, dismissed_by_id)
       VALUES (:category, :ids::uuid[], :reason, :userId)
       RETURNING id, category, referral_ids::text[] AS "referralIds", reason, dismissed_at AS "dismissedAt"`,
      { category, ids, reason: reason.trim(), userId: viewer.id },
    );
    return row;
  }
}
