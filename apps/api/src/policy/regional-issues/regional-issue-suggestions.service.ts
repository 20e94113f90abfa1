import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NeedCategory } from '@tsunagu/domain';
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

/**
 * The suggestion rule (docs/API-TOUR.md, "The policy track"): referrals ESCALATED or UNMATCHED now, whose latest ESCALATED or
 * UNMATCHED handoff lies within the window, and not linked to an issue that is still open (not IMPLEMENTED or
 * CLOSED), grouped by category; a group from at least two areas is suggested. Most areas first, then most referrals.
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
            AND NOT EXISTS (SELECT 1 FROM regional_issue_referral l JOIN regional_issue i ON i.id = l.issue_id
                             WHERE l.referral_id = r.id AND i.status NOT IN ('IMPLEMENTED', 'CLOSED'))
       )
       SELECT category, array_agg(DISTINCT area_id::text) AS "areaIds", array_agg(id::text ORDER BY flagged_at, id) AS "referralIds",
              min(flagged_at) AS "firstAt", max(flagged_at) AS "lastAt"
         FROM flagged
        WHERE flagged_at >= now() - make_interval(days => :days)
        GROUP BY category
       HAVING count(DISTINCT area_id) >= 2
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
}
