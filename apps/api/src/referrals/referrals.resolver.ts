import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { AnyRole, Roles } from '../auth/roles.decorator';
import type { Viewer } from '../common/viewer';
import { toConnection } from '../common/pagination/connection';
import {
  CompleteReferralArgs,
  DeclineReferralArgs,
  ExtendReferralDeadlineArgs,
  HoldReferralArgs,
  NoteOnMoveArgs,
  ReassignReferralArgs,
  RequiredNoteArgs,
  ReturnReferralArgs,
  WithdrawReferralArgs,
} from './dto/move.args';
import { ReferralIdArgs, ReferralOrder, ReferralsArgs } from './dto/referrals.args';
import { SubmitReferralInput } from './dto/submit-referral.input';
import { ReferralConnectionModel } from './models/referral-connection.model';
import { ReferralModel } from './models/referral.model';
import { ReferralCommandsService } from './referral-commands.service';
import { toReferralModel } from './referral.mapper';
import { encodeCreatedAtCursor } from '../common/pagination/created-at-cursor';
import type { SeenReferral } from './former-partner';
import { encodeUrgencyCursor } from './referral-cursors';
import { ReferralQueryService, UrgentRow } from './referral-query.service';

// Who may ever make a move (the AuthGuard's role check, before the arguments are looked at); which referral and on
// whose behalf is decided per referral by referral-access.policy.ts.
/** Partners answer offers; a tier-2 coordinator answers for a partner without users of its own. */
const ANSWERING = [Role.PARTNER, Role.TIER2_COORDINATOR];
/** Partners answer; tier-1 too, for what is escalated to it or held by its department (referral-access.policy.ts). */
const ANSWERING_OR_TIER1 = [...ANSWERING, Role.TIER1_COORDINATOR];
/** Coordinators steer a referral: reassign, escalate, withdraw, hold and resume. */
const STEERING = [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR];

/** Referral queries and mutations (API.md). Thin: scoping lives in the query service, moves in the commands service. */
@Resolver(() => ReferralModel)
export class ReferralsResolver {
  constructor(
    private readonly queries: ReferralQueryService,
    private readonly commands: ReferralCommandsService,
  ) {}

  @AnyRole()
  @Query(() => ReferralModel, { nullable: true })
  async referral(@CurrentViewer() viewer: Viewer, @Args() { id }: ReferralIdArgs): Promise<ReferralModel> {
    return toReferralModel(await this.queries.findVisible(viewer, id), viewer);
  }

  @AnyRole()
  @Query(() => ReferralConnectionModel)
  async referrals(@CurrentViewer() viewer: Viewer, @Args() { filter, first, after, orderBy }: ReferralsArgs): Promise<ReferralConnectionModel> {
    const readAt = new Date();
    const page = await this.queries.page(viewer, filter, first, after, orderBy, readAt);
    const cursorOf = orderBy === ReferralOrder.URGENCY ? (row: SeenReferral) => encodeUrgencyCursor(row as UrgentRow) : encodeCreatedAtCursor;
    return { ...toConnection(page, cursorOf, (row) => toReferralModel(row, viewer)), filter, readAt };
  }

  @Roles(Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR)
  @Mutation(() => ReferralModel)
  async submitReferral(@CurrentViewer() viewer: Viewer, @Args('input') input: SubmitReferralInput): Promise<ReferralModel> {
    return toReferralModel(await this.commands.submit(viewer, input), viewer);
  }

  @Roles(...ANSWERING)
  @Mutation(() => ReferralModel)
  async acceptReferral(@CurrentViewer() viewer: Viewer, @Args() { id, note }: NoteOnMoveArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'ACCEPT', note }), viewer);
  }

  @Roles(...ANSWERING)
  @Mutation(() => ReferralModel)
  async declineReferral(@CurrentViewer() viewer: Viewer, @Args() { id, reason, note }: DeclineReferralArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'DECLINE', reason, note }), viewer);
  }

  @Roles(...ANSWERING)
  @Mutation(() => ReferralModel)
  async startReferral(@CurrentViewer() viewer: Viewer, @Args() { id, note }: NoteOnMoveArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'START', note }), viewer);
  }

  @Roles(...ANSWERING_OR_TIER1)
  @Mutation(() => ReferralModel)
  async completeReferral(@CurrentViewer() viewer: Viewer, @Args() { id, outcome, note }: CompleteReferralArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'COMPLETE', outcome, note }), viewer);
  }

  @Roles(Role.TIER1_COORDINATOR)
  @Mutation(() => ReferralModel, { description: 'Tier-1 takes an escalated need: its department holds it, IN_PROGRESS.' })
  async takeReferral(@CurrentViewer() viewer: Viewer, @Args() { id, note }: NoteOnMoveArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'TAKE', note }), viewer);
  }

  @Roles(...ANSWERING_OR_TIER1)
  @Mutation(() => ReferralModel, {
    description:
      'The holder hands the referral back: a partner to routing (next candidate, else UNMATCHED), tier-1 to the tier-2 coordinator (UNMATCHED).',
  })
  async returnReferral(@CurrentViewer() viewer: Viewer, @Args() { id, reason, note }: ReturnReferralArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'RETURN', reason, note }), viewer);
  }

  @Roles(...STEERING)
  @Mutation(() => ReferralModel)
  async reassignReferral(@CurrentViewer() viewer: Viewer, @Args() { id, organizationId, note }: ReassignReferralArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'REASSIGN', organizationId, note }), viewer);
  }

  @Roles(...STEERING)
  @Mutation(() => ReferralModel)
  async escalateReferral(@CurrentViewer() viewer: Viewer, @Args() { id, note }: RequiredNoteArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'ESCALATE', note }), viewer);
  }

  @Roles(...STEERING)
  @Mutation(() => ReferralModel)
  async withdrawReferral(@CurrentViewer() viewer: Viewer, @Args() { id, reason }: WithdrawReferralArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'WITHDRAW', reason }), viewer);
  }

  @Roles(...STEERING)
  @Mutation(() => ReferralModel, {
    description: 'Puts the referral ON_HOLD until resumeOn: its deadlines pause; only resume, notes and withdrawal are allowed meanwhile.',
  })
  async holdReferral(@CurrentViewer() viewer: Viewer, @Args() { id, resumeOn, reason }: HoldReferralArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'HOLD', resumeOn, reason }), viewer);
  }

  @Roles(...STEERING)
  @Mutation(() => ReferralModel, { description: 'Returns an ON_HOLD referral to the status it came from, with its deadline started afresh.' })
  async resumeReferral(@CurrentViewer() viewer: Viewer, @Args() { id, note }: NoteOnMoveArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'RESUME', note }), viewer);
  }

  @Roles(Role.ADMIN, Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.PARTNER)
  @Mutation(() => ReferralModel)
  async addReferralNote(@CurrentViewer() viewer: Viewer, @Args() { id, note }: RequiredNoteArgs): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'NOTE', note }), viewer);
  }

  @Roles(Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.PARTNER)
  @Mutation(() => ReferralModel, { description: 'Moves the current deadline (Referral.responseDueAt) later by business days.' })
  async extendReferralDeadline(
    @CurrentViewer() viewer: Viewer,
    @Args() { id, businessDays, reason }: ExtendReferralDeadlineArgs,
  ): Promise<ReferralModel> {
    return toReferralModel(await this.commands.move(viewer, id, { move: 'EXTEND_DEADLINE', businessDays, reason }), viewer);
  }
}
