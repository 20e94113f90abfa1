import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { AnyRole, Roles } from '../../auth/roles.decorator';
import type { Viewer } from '../../common/viewer';
import type { RequestContext } from '../../common/request-context';
import { toUserModel } from '../../directory/directory.mappers';
import { UserModel } from '../../users/models/user.model';
import { FollowUpActionModel } from '../follow-up-actions/models/follow-up-action.model';
import { RegionalIssueModel } from '../regional-issues/models/regional-issue.model';
import { toAgendaItemModel, toFollowUpActionModel, toPolicyProposalModel, toRegionalIssueModel } from '../shared/policy.mappers';
import { PolicyQueryService } from '../shared/policy-query.service';
import { AgendaItemModel } from '../subcommittee-meetings/models/subcommittee-meeting.model';
import { DraftPolicyProposalArgs, PolicyProposalIdArgs, PolicyProposalInput } from './dto/policy-proposal.input';
import { PolicyProposalModel } from './models/policy-proposal.model';
import { PolicyProposalCommandsService } from './policy-proposal-commands.service';

/** Policy proposals (施策提言): tier-1 drafts, revises and submits them; who sees an issue sees its proposals past DRAFT. */
@Resolver(() => PolicyProposalModel)
export class PolicyProposalsResolver {
  constructor(
    private readonly queries: PolicyQueryService,
    private readonly commands: PolicyProposalCommandsService,
  ) {}

  @AnyRole()
  @Query(() => PolicyProposalModel, { nullable: true })
  async policyProposal(@CurrentViewer() viewer: Viewer, @Args() { id }: PolicyProposalIdArgs): Promise<PolicyProposalModel> {
    return toPolicyProposalModel(await this.queries.findProposal(viewer, id));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => PolicyProposalModel, { description: 'A new DRAFT proposal (revision 1) on an OPEN or IN_DELIBERATION issue.' })
  async draftPolicyProposal(
    @CurrentViewer() viewer: Viewer,
    @Args() { issueId }: DraftPolicyProposalArgs,
    @Args('input') input: PolicyProposalInput,
  ): Promise<PolicyProposalModel> {
    return toPolicyProposalModel(await this.commands.draft(viewer, issueId, input));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => PolicyProposalModel, { description: 'A new revision of a DRAFT or CONTINUED proposal.' })
  async revisePolicyProposal(
    @CurrentViewer() viewer: Viewer,
    @Args() { id }: PolicyProposalIdArgs,
    @Args('input') input: PolicyProposalInput,
  ): Promise<PolicyProposalModel> {
    return toPolicyProposalModel(await this.commands.revise(viewer, id, input));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => PolicyProposalModel, { description: 'DRAFT to SUBMITTED: ready for the subcommittee’s agenda.' })
  async submitPolicyProposal(@CurrentViewer() viewer: Viewer, @Args() { id }: PolicyProposalIdArgs): Promise<PolicyProposalModel> {
    return toPolicyProposalModel(await this.commands.submit(viewer, id));
  }
}

/** Links of a proposal (the viewer sees the proposal, so its issue, agenda and actions too). */
@Resolver(() => PolicyProposalModel)
export class PolicyProposalFieldsResolver {
  @ResolveField(() => RegionalIssueModel)
  async issue(@Parent() proposal: PolicyProposalModel, @Context() ctx: RequestContext): Promise<RegionalIssueModel> {
    return toRegionalIssueModel((await ctx.loaders.issue.load(proposal.issueId))!);
  }

  @ResolveField(() => [AgendaItemModel])
  async agenda(@Parent() proposal: PolicyProposalModel, @Context() ctx: RequestContext): Promise<AgendaItemModel[]> {
    return (await ctx.loaders.agendaOfProposal.load(proposal.id)).map(toAgendaItemModel);
  }

  @ResolveField(() => [FollowUpActionModel])
  async followUpActions(@Parent() proposal: PolicyProposalModel, @Context() ctx: RequestContext): Promise<FollowUpActionModel[]> {
    return (await ctx.loaders.actionsOfProposal.load(proposal.id)).map((row) => toFollowUpActionModel(row));
  }

  @ResolveField(() => UserModel)
  async createdBy(@Parent() proposal: PolicyProposalModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.user.load(proposal.createdById))!);
  }
}
