import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NeedCategory } from '@tsunagu/domain';
import { badUserInput } from '../../common/graphql-errors';
import type { ReferralEntity } from '@tsunagu/persistence';
import type { Viewer } from '../../common/viewer';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { ReferralQueryService } from '../../referrals/referral-query.service';
import { RegionalIssueSuggestionsRepository, SuggestionDismissal } from './regional-issue-suggestions.repository';

export type { SuggestionDismissal };

export interface IssueSuggestion {
  category: NeedCategory;
  areaIds: string[];
  referrals: ReferralEntity[];
  windowDays: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * Regional issues the open referrals suggest (the rule: RegionalIssueSuggestionsRepository.suggestedGroups), each
 * with the referrals the viewer may see, and their dismissal.
 */
@Injectable()
export class RegionalIssueSuggestionsService {
  private readonly repository: RegionalIssueSuggestionsRepository;

  constructor(
    @Inject(DataSource) db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly referrals: ReferralQueryService,
  ) {
    this.repository = new RegionalIssueSuggestionsRepository(db);
  }

  async suggestions(viewer: Viewer, windowDays?: number | null): Promise<IssueSuggestion[]> {
    const days = windowDays ?? this.config.issueSuggestionWindowDays;
    const groups = await this.repository.suggestedGroups(days);
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
    const matching = await this.repository.countOfCategory(ids, category);
    if (matching !== ids.length) {
      throw badUserInput([{ field: 'referralIds', message: `every referral must exist and be of the category ${category}` }]);
    }
    return this.repository.insertDismissal({ category, ids, reason: reason.trim(), userId: viewer.id });
  }
}
