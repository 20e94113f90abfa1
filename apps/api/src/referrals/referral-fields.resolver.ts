import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { businessDaysLeft, OrganizationKind, Role } from '@tsunagu/domain';
import { auditTrailOf } from '../audit/audit-trail';
import type { RequestContext } from '../common/request-context';
import { toAreaModel, toOrganizationModel, toUserModel } from '../directory/directory.mappers';
import { AreaModel } from '../directory/models/area.model';
import { OrganizationModel } from '../directory/models/organization.model';
import { UserModel } from '../users/models/user.model';
import { PolicyProposalModel } from '../policy/proposals/models/policy-proposal.model';
import { RegionalIssueModel } from '../policy/regional-issues/models/regional-issue.model';
import { toPolicyProposalModel, toRegionalIssueModel } from '../policy/shared/policy.mappers';
import { PolicyVisibilityService } from '../policy/shared/policy-visibility.service';
import { AvailableActionModel } from './models/available-action.model';
import { HandoffModel } from './models/handoff.model';
import { availableActions } from './referral-actions';
import { ReferralModel } from './models/referral.model';
import { ReferralConsentModel } from './models/referral-consent.model';
import { ReferralSubjectModel } from './models/referral-subject.model';
import { handoffsSeenBy } from './former-partner';
import { toHandoffModel } from './referral.mapper';

/** Links of a referral and its handoffs, loaded in batches per request. */
@Resolver(() => ReferralModel)
export class ReferralFieldsResolver {
  constructor(private readonly policy: PolicyVisibilityService) {}

  @ResolveField(() => AreaModel)
  async area(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): Promise<AreaModel> {
    return toAreaModel((await ctx.loaders.area.load(referral.areaId))!);
  }

  @ResolveField(() => UserModel)
  async submittedBy(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.user.load(referral.submittedById))!);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  async currentOrganization(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): Promise<OrganizationModel | null> {
    return organization(ctx, referral.currentOrganizationId);
  }

  // Personal data: the mapper decides what the viewer may see; these record each read that returns any in the audit
  // log (once per referral and request), exactly when the field is asked for.
  @ResolveField(() => ReferralSubjectModel, { nullable: true })
  subject(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): ReferralSubjectModel | null {
    if (referral.subject) auditTrailOf(ctx).addRead(ctx.req.viewer, 'read:Referral.subject', 'Referral', referral.id, { status: referral.status });
    return referral.subject;
  }

  @ResolveField(() => String, { nullable: true })
  subjectAgeBand(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): string | null {
    if (referral.subjectAgeBand) {
      auditTrailOf(ctx).addRead(ctx.req.viewer, 'read:Referral.subjectAgeBand', 'Referral', referral.id, { status: referral.status });
    }
    return referral.subjectAgeBand;
  }

  @ResolveField(() => ReferralConsentModel, { nullable: true })
  consent(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): ReferralConsentModel | null {
    // How and who consented is personal data; whether and when is not (it names nobody).
    if (referral.consent?.method || referral.consent?.givenBy) {
      auditTrailOf(ctx).addRead(ctx.req.viewer, 'read:Referral.consent', 'Referral', referral.id, { status: referral.status });
    }
    return referral.consent;
  }

  @ResolveField(() => [AvailableActionModel], {
    description:
      'The moves the caller may make on it now, from the same rules the mutations apply (docs/API.md, "Available actions"). A console shows exactly these.',
  })
  async availableActions(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): Promise<AvailableActionModel[]> {
    const viewer = ctx.req.viewer;
    if (!viewer) return [];
    // The holder, one batched load: a city department holds only what tier-1 took. Whether it has an active user
    // matters only to a tier-2 coordinator's proxy answers (DOMAIN.md, "Proxy answers"): another batched load.
    const holderId = referral.currentOrganizationId;
    const [holder, holderHasUsers] = await Promise.all([
      holderId ? ctx.loaders.organization.load(holderId) : null,
      holderId && viewer.role === Role.TIER2_COORDINATOR ? ctx.loaders.organizationHasActiveUser.load(holderId) : null,
    ]);
    return availableActions(viewer, {
      status: referral.status,
      currentOrganizationId: holderId,
      currentOrganizationHasUsers: holderHasUsers,
      subjectKind: referral.subjectKind,
      consentObtained: referral.consentObtained,
      deadlineRunning: referral.responseDueAt !== null,
      leftAtSeq: referral.leftAtSeq,
      heldByTier1: holder?.kind === OrganizationKind.CITY_DEPARTMENT,
    }) as AvailableActionModel[];
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      "Business days of the city hall from today (Japan time) to responseDueAt's day: 0 when it is due today, negative when overdue; null without a running deadline.",
  })
  businessDaysLeft(@Parent() referral: ReferralModel): number | null {
    return referral.responseDueAt ? businessDaysLeft(new Date(), referral.responseDueAt) : null;
  }

  @ResolveField(() => [HandoffModel])
  async handoffs(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): Promise<HandoffModel[]> {
    const rows = await ctx.loaders.handoffsOfReferral.load(referral.id);
    // The policy track is the city's business, and a partner the referral has left sees its own part up to then
    // (docs/SECURITY.md): the cut-off came with the referral, read for the whole page at once.
    const viewer = ctx.req.viewer;
    return (viewer ? handoffsSeenBy(viewer, referral.leftAtSeq, rows) : rows).map(toHandoffModel);
  }

  @ResolveField(() => [RegionalIssueModel], {
    description: 'The regional issues it is linked to now (evidence of), as far as the caller may see them; [] for partners.',
  })
  async regionalIssues(@Parent() referral: ReferralModel, @Context() ctx: RequestContext): Promise<RegionalIssueModel[]> {
    if (ctx.req.viewer?.role === Role.PARTNER) return [];
    const links = await ctx.loaders.linksOfReferral.load(referral.id);
    const issues = await Promise.all(links.map((link) => this.policy.issue(ctx, link.issueId)));
    return issues.flatMap((issue) => (issue ? [toRegionalIssueModel(issue)] : []));
  }
}

@Resolver(() => HandoffModel)
export class HandoffFieldsResolver {
  constructor(private readonly policy: PolicyVisibilityService) {}

  @ResolveField(() => RegionalIssueModel, {
    nullable: true,
    description: 'Policy track entries (LINKED_TO_ISSUE ... ISSUE_CLOSED): the regional issue, if the caller may see it.',
  })
  async regionalIssue(@Parent() handoff: HandoffModel, @Context() ctx: RequestContext): Promise<RegionalIssueModel | null> {
    const issue = await this.policy.issue(ctx, handoff.regionalIssueId);
    return issue ? toRegionalIssueModel(issue) : null;
  }

  @ResolveField(() => PolicyProposalModel, {
    nullable: true,
    description: 'Policy track entries about a proposal: that proposal, if the caller may see it.',
  })
  async policyProposal(@Parent() handoff: HandoffModel, @Context() ctx: RequestContext): Promise<PolicyProposalModel | null> {
    const proposal = await this.policy.proposal(ctx, handoff.policyProposalId);
    return proposal ? toPolicyProposalModel(proposal) : null;
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  fromOrganization(@Parent() handoff: HandoffModel, @Context() ctx: RequestContext): Promise<OrganizationModel | null> {
    return organization(ctx, handoff.fromOrganizationId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  toOrganization(@Parent() handoff: HandoffModel, @Context() ctx: RequestContext): Promise<OrganizationModel | null> {
    return organization(ctx, handoff.toOrganizationId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Parent() handoff: HandoffModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = handoff.actorId ? await ctx.loaders.user.load(handoff.actorId) : null;
    return user ? toUserModel(user) : null;
  }
}

async function organization(ctx: RequestContext, id: string | null): Promise<OrganizationModel | null> {
  const org = id ? await ctx.loaders.organization.load(id) : null;
  return org ? toOrganizationModel(org) : null;
}
