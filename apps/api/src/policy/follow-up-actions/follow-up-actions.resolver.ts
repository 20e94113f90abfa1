import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { Roles } from '../../auth/roles.decorator';
import type { Viewer } from '../../common/viewer';
import type { RequestContext } from '../../common/request-context';
import { toUserModel } from '../../directory/directory.mappers';
import { UserModel } from '../../users/models/user.model';
import { PolicyProposalModel } from '../proposals/models/policy-proposal.model';
import { toFollowUpActionModel, toPolicyProposalModel } from '../shared/policy.mappers';
import { AddFollowUpActionArgs, CompleteFollowUpActionArgs, FollowUpActionInput } from './dto/follow-up-action.input';
import { FollowUpActionsService } from './follow-up-actions.service';
import { FollowUpActionModel } from './models/follow-up-action.model';

/** Follow-up actions of an adopted proposal: tier-1 adds them and marks them done; the last one done implements it. */
@Resolver(() => FollowUpActionModel)
export class FollowUpActionsResolver {
  constructor(private readonly actions: FollowUpActionsService) {}

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => FollowUpActionModel, { description: 'A follow-up action of an ADOPTED proposal, with owner and due day.' })
  async addFollowUpAction(
    @CurrentViewer() viewer: Viewer,
    @Args() { proposalId }: AddFollowUpActionArgs,
    @Args('input') input: FollowUpActionInput,
  ): Promise<FollowUpActionModel> {
    return toFollowUpActionModel(await this.actions.add(viewer, proposalId, input));
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => FollowUpActionModel, { description: 'Marks an action done; when all are, the proposal and its issue are IMPLEMENTED.' })
  async completeFollowUpAction(@CurrentViewer() viewer: Viewer, @Args() { id, note }: CompleteFollowUpActionArgs): Promise<FollowUpActionModel> {
    return toFollowUpActionModel(await this.actions.complete(viewer, id, note));
  }

  @ResolveField(() => PolicyProposalModel)
  async proposal(@Parent() action: FollowUpActionModel, @Context() ctx: RequestContext): Promise<PolicyProposalModel> {
    return toPolicyProposalModel((await ctx.loaders.proposal.load(action.proposalId))!);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async doneBy(@Parent() action: FollowUpActionModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = action.doneById ? await ctx.loaders.user.load(action.doneById) : null;
    return user ? toUserModel(user) : null;
  }
}
