import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { AnyRole, Roles } from '../../auth/roles.decorator';
import type { Viewer } from '../../common/viewer';
import { toConnection } from '../../common/pagination/connection';
import { encodeCreatedAtCursor } from '../../common/pagination/created-at-cursor';
import { toReferralModel } from '../../referrals/referral.mapper';
import { toRegionalIssueModel } from '../shared/policy.mappers';
import { PolicyQueryService } from '../shared/policy-query.service';
import {
  CloseRegionalIssueArgs,
  CreateRegionalIssueInput,
  DismissRegionalIssueSuggestionArgs,
  LinkReferralsArgs,
  RegionalIssueIdArgs,
  RegionalIssuesArgs,
  SuggestedRegionalIssuesArgs,
  UnlinkReferralArgs,
  UpdateRegionalIssueInput,
} from './dto/regional-issue.input';
import {
  RegionalIssueConnectionModel,
  RegionalIssueModel,
  RegionalIssueSuggestionDismissalModel,
  RegionalIssueSuggestionModel,
} from './models/regional-issue.model';
import { RegionalIssueCommandsService } from './regional-issue-commands.service';
import { RegionalIssueSuggestionsService } from './regional-issue-suggestions.service';

/** Regional issues (地域課題): tier-1 keeps them; tier-2 and the subcommittee read those that concern them. */
@Resolver(() => RegionalIssueModel)
export class RegionalIssuesResolver {
  constructor(
    private readonly queries: PolicyQueryService,
    private readonly commands: RegionalIssueCommandsService,
    private readonly suggestionsService: RegionalIssueSuggestionsService,
  ) {}

  @Roles(Role.ADMIN, Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.SUBCOMMITTEE)
  @Query(() => RegionalIssueConnectionModel, {
    description: 'Newest first. TIER1, ADMIN all; TIER2 those linked to referrals they see; SUBCOMMITTEE those with a proposal put to it.',
  })
  async regionalIssues(@CurrentViewer() viewer: Viewer, @Args() { filter, first, after }: RegionalIssuesArgs): Promise<RegionalIssueConnectionModel> {
    const page = await this.queries.pageIssues(viewer, filter, first, after);
    return toConnection(page, encodeCreatedAtCursor, toRegionalIssueModel);
  }

  @AnyRole()
  @Query(() => RegionalIssueModel, { nullable: true })
  async regionalIssue(@CurrentViewer() viewer: Viewer, @Args() { id }: RegionalIssueIdArgs): Promise<RegionalIssueModel> {
    return toRegionalIssueModel(await this.queries.findIssue(viewer, id));
  }

  @Roles(Role.ADMIN, Role.TIER1_COORDINATOR)
  @Query(() => [RegionalIssueSuggestionModel], {
    description:
      'Escalated or unmatched referrals of one category from at least two areas within the window, linked to no issue, unless all were dismissed.',
  })
  async suggestedRegionalIssues(
    @CurrentViewer() viewer: Viewer,
    @Args() { windowDays }: SuggestedRegionalIssuesArgs,
  ): Promise<RegionalIssueSuggestionModel[]> {
    const suggestions = await this.suggestionsService.suggestions(viewer, windowDays);
    return suggestions.map((s) => ({
      category: s.category,
      areaIds: s.areaIds,
      referrals: s.referrals.map((row) => toReferralModel(row, viewer)),
      windowDays: s.windowDays,
      firstAt: s.firstAt,
      lastAt: s.lastAt,
    }));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => RegionalIssueSuggestionDismissalModel, {
    description: 'Sets a suggestion aside: its group is not suggested again until a referral not named here joins it.',
  })
  async dismissRegionalIssueSuggestion(
    @CurrentViewer() viewer: Viewer,
    @Args() { category, referralIds, reason }: DismissRegionalIssueSuggestionArgs,
  ): Promise<RegionalIssueSuggestionDismissalModel> {
    return this.suggestionsService.dismiss(viewer, category, referralIds, reason);
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => RegionalIssueModel)
  async createRegionalIssue(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateRegionalIssueInput): Promise<RegionalIssueModel> {
    return toRegionalIssueModel(await this.commands.create(viewer, input));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => RegionalIssueModel)
  async updateRegionalIssue(
    @CurrentViewer() viewer: Viewer,
    @Args() { id }: RegionalIssueIdArgs,
    @Args('input') input: UpdateRegionalIssueInput,
  ): Promise<RegionalIssueModel> {
    return toRegionalIssueModel(await this.commands.update(viewer, id, input));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => RegionalIssueModel, { description: 'Links referrals as evidence; those already linked are skipped.' })
  async linkReferralsToIssue(@CurrentViewer() viewer: Viewer, @Args() { id, referralIds, note }: LinkReferralsArgs): Promise<RegionalIssueModel> {
    return toRegionalIssueModel(await this.commands.link(viewer, id, referralIds, note));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => RegionalIssueModel, { description: 'Takes a referral linked by mistake off the issue.' })
  async unlinkReferralFromIssue(
    @CurrentViewer() viewer: Viewer,
    @Args() { id, referralId, reason }: UnlinkReferralArgs,
  ): Promise<RegionalIssueModel> {
    return toRegionalIssueModel(await this.commands.unlink(viewer, id, referralId, reason));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => RegionalIssueModel, { description: 'Closes an OPEN issue without a proposal (final).' })
  async closeRegionalIssue(@CurrentViewer() viewer: Viewer, @Args() { id, reason }: CloseRegionalIssueArgs): Promise<RegionalIssueModel> {
    return toRegionalIssueModel(await this.commands.close(viewer, id, reason));
  }
}
