import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context';
import { toAreaModel, toUserModel } from '../../directory/directory.mappers';
import { AreaModel } from '../../directory/models/area.model';
import { UserModel } from '../../users/models/user.model';
import { ReferralModel } from '../../referrals/models/referral.model';
import { toReferralModel } from '../../referrals/referral.mapper';
import { FollowUpActionModel } from '../follow-up-actions/models/follow-up-action.model';
import { PolicyProposalModel } from '../proposals/models/policy-proposal.model';
import { toFollowUpActionModel, toPolicyProposalModel, toRegionalIssueEventModel, toSubcommitteeMeetingModel } from '../shared/policy.mappers';
import { seesDraftProposals, seesProposalStatus } from '../shared/policy-scope';
import { PolicyVisibilityService } from '../shared/policy-visibility.service';
import { SubcommitteeMeetingModel } from '../subcommittee-meetings/models/subcommittee-meeting.model';
import { RegionalIssueEventModel, RegionalIssueModel, RegionalIssueSuggestionModel } from './models/regional-issue.model';

/** Links of a regional issue, loaded in batches per request and shown as far as the viewer may see them. */
@Resolver(() => RegionalIssueModel)
export class RegionalIssueFieldsResolver {
  constructor(private readonly visibility: PolicyVisibilityService) {}

  @ResolveField(() => [AreaModel])
  async areas(@Parent() issue: RegionalIssueModel, @Context() ctx: RequestContext): Promise<AreaModel[]> {
    return (await ctx.loaders.areasOfIssue.load(issue.id)).map(toAreaModel);
  }

  @ResolveField(() => [ReferralModel])
  async referrals(@Parent() issue: RegionalIssueModel, @Context() ctx: RequestContext): Promise<ReferralModel[]> {
    const links = await ctx.loaders.linksOfIssue.load(issue.id);
    const rows = await this.visibility.referrals(
      ctx,
      links.map((link) => link.referralId),
    );
    return rows.map((row) => toReferralModel(row, this.visibility.viewer(ctx)));
  }

  @ResolveField(() => [PolicyProposalModel])
  async proposals(@Parent() issue: RegionalIssueModel, @Context() ctx: RequestContext): Promise<PolicyProposalModel[]> {
    const viewer = this.visibility.viewer(ctx);
    return (await ctx.loaders.proposalsOfIssue.load(issue.id)).filter((p) => seesProposalStatus(viewer, p.status)).map(toPolicyProposalModel);
  }

  @ResolveField(() => [RegionalIssueEventModel])
  async events(@Parent() issue: RegionalIssueModel, @Context() ctx: RequestContext): Promise<RegionalIssueEventModel[]> {
    const viewer = this.visibility.viewer(ctx);
    const events = await ctx.loaders.eventsOfIssue.load(issue.id);
    // Events about a proposal the viewer may not see (a draft) are left out; a referral's id only to who sees it.
    const hidden = new Set<string>();
    if (!seesDraftProposals(viewer)) {
      for (const proposal of await ctx.loaders.proposalsOfIssue.load(issue.id)) {
        if (!seesProposalStatus(viewer, proposal.status)) hidden.add(proposal.id);
      }
    }
    const shown = events.filter((event) => !event.proposalId || !hidden.has(event.proposalId));
    const referralIds = [...new Set(shown.flatMap((event) => (event.referralId ? [event.referralId] : [])))];
    const visibleReferrals = new Set((await this.visibility.referrals(ctx, referralIds)).map((row) => row.id));
    return shown.map((event) => toRegionalIssueEventModel(event, event.referralId !== null && visibleReferrals.has(event.referralId)));
  }

  @ResolveField(() => UserModel)
  async createdBy(@Parent() issue: RegionalIssueModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.user.load(issue.createdById))!);
  }
}

/** What an issue event names: shown when the viewer may see it (they see the issue already). */
@Resolver(() => RegionalIssueEventModel)
export class RegionalIssueEventFieldsResolver {
  constructor(private readonly visibility: PolicyVisibilityService) {}

  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Parent() event: RegionalIssueEventModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = event.actorId ? await ctx.loaders.user.load(event.actorId) : null;
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => PolicyProposalModel, { nullable: true })
  async proposal(@Parent() event: RegionalIssueEventModel, @Context() ctx: RequestContext): Promise<PolicyProposalModel | null> {
    const row = await this.visibility.proposal(ctx, event.proposalId);
    return row ? toPolicyProposalModel(row) : null;
  }

  @ResolveField(() => SubcommitteeMeetingModel, { nullable: true })
  async meeting(@Parent() event: RegionalIssueEventModel, @Context() ctx: RequestContext): Promise<SubcommitteeMeetingModel | null> {
    const row = await this.visibility.meeting(ctx, event.meetingId);
    return row ? toSubcommitteeMeetingModel(row) : null;
  }

  @ResolveField(() => FollowUpActionModel, { nullable: true })
  async action(@Parent() event: RegionalIssueEventModel, @Context() ctx: RequestContext): Promise<FollowUpActionModel | null> {
    const row = event.actionId ? await ctx.loaders.action.load(event.actionId) : null;
    if (!row || !(await this.visibility.proposal(ctx, row.proposalId))) return null;
    return toFollowUpActionModel(row);
  }
}

@Resolver(() => RegionalIssueSuggestionModel)
export class RegionalIssueSuggestionFieldsResolver {
  @ResolveField(() => [AreaModel])
  async areas(@Parent() suggestion: RegionalIssueSuggestionModel, @Context() ctx: RequestContext): Promise<AreaModel[]> {
    const areas = await Promise.all(suggestion.areaIds.map((id) => ctx.loaders.area.load(id)));
    return areas
      .flatMap((area) => (area ? [area] : []))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
      .map(toAreaModel);
  }
}
