import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { AnyRole, Roles } from '../../auth/roles.decorator';
import type { Viewer } from '../../common/viewer';
import type { RequestContext } from '../../common/request-context';
import { toUserModel } from '../../directory/directory.mappers';
import { UserModel } from '../../users/models/user.model';
import { PolicyProposalModel } from '../proposals/models/policy-proposal.model';
import { toAgendaItemModel, toPolicyProposalModel, toSubcommitteeMeetingModel } from '../shared/policy.mappers';
import { PolicyQueryService } from '../shared/policy-query.service';
import { PolicyVisibilityService } from '../shared/policy-visibility.service';
import {
  AgendaArgs,
  CancelSubcommitteeMeetingArgs,
  CreateSubcommitteeMeetingInput,
  RecordSubcommitteeDecisionArgs,
  RemoveProposalFromAgendaArgs,
  RescheduleSubcommitteeMeetingArgs,
  SubcommitteeMeetingIdArgs,
  SubcommitteeMeetingsArgs,
} from './dto/subcommittee-meeting.input';
import { AgendaItemModel, SubcommitteeMeetingModel } from './models/subcommittee-meeting.model';
import { MAX_MEETINGS, SubcommitteeMeetingsService } from './subcommittee-meetings.service';

/** The subcommittee's meetings: its secretary keeps them, puts proposals on their agendas and records decisions. */
@Resolver(() => SubcommitteeMeetingModel)
export class SubcommitteeMeetingsResolver {
  constructor(
    private readonly queries: PolicyQueryService,
    private readonly meetings: SubcommitteeMeetingsService,
  ) {}

  @Roles(Role.ADMIN, Role.TIER1_COORDINATOR, Role.SUBCOMMITTEE)
  @Query(() => [SubcommitteeMeetingModel], { description: `Meetings held in [from, to), oldest first (at most ${MAX_MEETINGS}).` })
  async subcommitteeMeetings(@CurrentViewer() viewer: Viewer, @Args() { from, to }: SubcommitteeMeetingsArgs): Promise<SubcommitteeMeetingModel[]> {
    return (await this.queries.listMeetings(viewer, from ?? undefined, to ?? undefined, MAX_MEETINGS)).map(toSubcommitteeMeetingModel);
  }

  @AnyRole()
  @Query(() => SubcommitteeMeetingModel, { nullable: true })
  async subcommitteeMeeting(@CurrentViewer() viewer: Viewer, @Args() { id }: SubcommitteeMeetingIdArgs): Promise<SubcommitteeMeetingModel> {
    return toSubcommitteeMeetingModel(await this.queries.findMeeting(viewer, id));
  }

  @Roles(Role.SUBCOMMITTEE)
  @Mutation(() => SubcommitteeMeetingModel)
  async createSubcommitteeMeeting(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateSubcommitteeMeetingInput,
  ): Promise<SubcommitteeMeetingModel> {
    return toSubcommitteeMeetingModel(await this.meetings.create(viewer, input));
  }

  @Roles(Role.SUBCOMMITTEE)
  @Mutation(() => SubcommitteeMeetingModel, { description: 'Puts a SUBMITTED or CONTINUED proposal on the meeting’s agenda (ON_AGENDA).' })
  async addProposalToAgenda(@CurrentViewer() viewer: Viewer, @Args() { meetingId, proposalId }: AgendaArgs): Promise<SubcommitteeMeetingModel> {
    return toSubcommitteeMeetingModel(await this.meetings.addToAgenda(viewer, meetingId, proposalId));
  }

  @Roles(Role.SUBCOMMITTEE)
  @Mutation(() => SubcommitteeMeetingModel, {
    description: 'Takes a proposal off the agenda of a meeting not yet held: it goes back to SUBMITTED (or CONTINUED) and may go on another agenda.',
  })
  async removeProposalFromAgenda(
    @CurrentViewer() viewer: Viewer,
    @Args() { meetingId, proposalId, reason }: RemoveProposalFromAgendaArgs,
  ): Promise<SubcommitteeMeetingModel> {
    return toSubcommitteeMeetingModel(await this.meetings.removeFromAgenda(viewer, meetingId, proposalId, reason));
  }

  @Roles(Role.SUBCOMMITTEE)
  @Mutation(() => SubcommitteeMeetingModel, { description: 'Moves a meeting that has not been held (and is not cancelled) to another time.' })
  async rescheduleSubcommitteeMeeting(
    @CurrentViewer() viewer: Viewer,
    @Args() { id, heldAt }: RescheduleSubcommitteeMeetingArgs,
  ): Promise<SubcommitteeMeetingModel> {
    return toSubcommitteeMeetingModel(await this.meetings.reschedule(viewer, id, heldAt));
  }

  @Roles(Role.SUBCOMMITTEE)
  @Mutation(() => SubcommitteeMeetingModel, {
    description: 'Cancels a meeting that has not been held: its undecided proposals go back to SUBMITTED (or CONTINUED).',
  })
  async cancelSubcommitteeMeeting(
    @CurrentViewer() viewer: Viewer,
    @Args() { id, reason }: CancelSubcommitteeMeetingArgs,
  ): Promise<SubcommitteeMeetingModel> {
    return toSubcommitteeMeetingModel(await this.meetings.cancel(viewer, id, reason));
  }

  @Roles(Role.SUBCOMMITTEE)
  @Mutation(() => PolicyProposalModel, {
    description: 'What the subcommittee decided on a proposal on this meeting’s agenda, with the minutes; only once the meeting has been held.',
  })
  async recordSubcommitteeDecision(
    @CurrentViewer() viewer: Viewer,
    @Args() { meetingId, proposalId, decision, minutes }: RecordSubcommitteeDecisionArgs,
  ): Promise<PolicyProposalModel> {
    return toPolicyProposalModel(await this.meetings.recordDecision(viewer, meetingId, proposalId, decision, minutes));
  }
}

@Resolver(() => SubcommitteeMeetingModel)
export class SubcommitteeMeetingFieldsResolver {
  constructor(private readonly visibility: PolicyVisibilityService) {}

  @ResolveField(() => [AgendaItemModel])
  async agenda(@Parent() meeting: SubcommitteeMeetingModel, @Context() ctx: RequestContext): Promise<AgendaItemModel[]> {
    const items = await ctx.loaders.agendaOfMeeting.load(meeting.id);
    const visible = await Promise.all(items.map((item) => this.visibility.proposal(ctx, item.proposalId)));
    return items.filter((_item, i) => visible[i] !== null).map(toAgendaItemModel);
  }
}

@Resolver(() => AgendaItemModel)
export class AgendaItemFieldsResolver {
  @ResolveField(() => SubcommitteeMeetingModel)
  async meeting(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<SubcommitteeMeetingModel> {
    return toSubcommitteeMeetingModel((await ctx.loaders.meeting.load(item.meetingId))!);
  }

  @ResolveField(() => PolicyProposalModel)
  async proposal(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<PolicyProposalModel> {
    return toPolicyProposalModel((await ctx.loaders.proposal.load(item.proposalId))!);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async decidedBy(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = item.decidedById ? await ctx.loaders.user.load(item.decidedById) : null;
    return user ? toUserModel(user) : null;
  }
}
