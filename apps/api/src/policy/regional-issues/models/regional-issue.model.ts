import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { NeedCategory, RegionalIssueEventKind, RegionalIssueStatus, SubcommitteeDecision } from '@tsunagu/domain';
import { AreaModel } from '../../../directory/models/area.model';
import { UserModel } from '../../../users/models/user.model';
import { PageInfoModel } from '../../../common/pagination/page-info.model';
import { ReferralModel } from '../../../referrals/models/referral.model';
import { FollowUpActionModel } from '../../follow-up-actions/models/follow-up-action.model';
import { PolicyProposalModel } from '../../proposals/models/policy-proposal.model';
import { SubcommitteeMeetingModel } from '../../subcommittee-meetings/models/subcommittee-meeting.model';

@ObjectType('RegionalIssue', { description: 'A regional issue (地域課題): referrals from across the city that point at one gap.' })
export class RegionalIssueModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => RegionalIssueStatus)
  status: RegionalIssueStatus;

  @Field(() => [AreaModel], { description: 'The daily-life areas it affects.' })
  areas?: AreaModel[];

  @Field(() => [ReferralModel], { description: 'The linked referrals the caller may see as referrals (the subcommittee sees none).' })
  referrals?: ReferralModel[];

  @Field(() => Int, { description: 'How many referrals are linked now, whether or not the caller sees them.' })
  referralCount: number;

  @Field(() => [PolicyProposalModel], { description: 'Oldest first; DRAFT ones only for TIER1_COORDINATOR and ADMIN.' })
  proposals?: PolicyProposalModel[];

  @Field(() => [RegionalIssueEventModel], { description: 'The issue’s tracked history, oldest first.' })
  events?: RegionalIssueEventModel[];

  @Field(() => String, { nullable: true })
  closedReason: string | null;

  @Field(() => UserModel)
  createdBy?: UserModel;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  createdById: string;
}

@ObjectType('RegionalIssueEvent', { description: 'One step of a regional issue’s append-only history.' })
export class RegionalIssueEventModel {
  @Field(() => Int)
  seq: number;

  @Field(() => RegionalIssueEventKind)
  kind: RegionalIssueEventKind;

  @Field(() => UserModel, { nullable: true, description: 'Null for what the system did (a due action’s reminder).' })
  actor?: UserModel | null;

  @Field(() => PolicyProposalModel, { nullable: true })
  proposal?: PolicyProposalModel | null;

  @Field(() => SubcommitteeMeetingModel, { nullable: true })
  meeting?: SubcommitteeMeetingModel | null;

  @Field(() => FollowUpActionModel, { nullable: true })
  action?: FollowUpActionModel | null;

  @Field(() => ID, { nullable: true, description: 'The referral linked or unlinked; null for callers who may not see it.' })
  referralId: string | null;

  @Field(() => SubcommitteeDecision, { nullable: true })
  decision: SubcommitteeDecision | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  at: Date;

  actorId: string | null;
  proposalId: string | null;
  meetingId: string | null;
  actionId: string | null;
}

@ObjectType('RegionalIssueEdge')
export class RegionalIssueEdgeModel {
  @Field()
  cursor: string;

  @Field(() => RegionalIssueModel)
  node: RegionalIssueModel;
}

@ObjectType('RegionalIssueConnection')
export class RegionalIssueConnectionModel {
  @Field(() => [RegionalIssueEdgeModel])
  edges: RegionalIssueEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('RegionalIssueSuggestion', {
  description:
    'Escalated or unmatched referrals of one category from at least two areas within the window, linked to no issue; not all of them dismissed.',
})
export class RegionalIssueSuggestionModel {
  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => [AreaModel])
  areas?: AreaModel[];

  @Field(() => [ReferralModel], { description: 'Oldest first (by when each was escalated or left unmatched).' })
  referrals: ReferralModel[];

  @Field(() => Int)
  windowDays: number;

  @Field({ description: 'When the earliest of the referrals was escalated or left unmatched.' })
  firstAt: Date;

  @Field({ description: 'When the latest of the referrals was escalated or left unmatched.' })
  lastAt: Date;

  areaIds: string[];
}

@ObjectType('RegionalIssueSuggestionDismissal', {
  description: 'Tier-1 set a suggestion aside: its group is not suggested again until a referral not named here joins it.',
})
export class RegionalIssueSuggestionDismissalModel {
  @Field(() => ID)
  id: string;

  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => [ID], { description: 'The referrals the suggestion grouped when it was dismissed.' })
  referralIds: string[];

  @Field()
  reason: string;

  @Field()
  dismissedAt: Date;
}
