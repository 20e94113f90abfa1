import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PolicyProposalStatus } from '@tsunagu/domain';
import { UserModel } from '../../../users/models/user.model';
import { FollowUpActionModel } from '../../follow-up-actions/models/follow-up-action.model';
import { AgendaItemModel } from '../../subcommittee-meetings/models/subcommittee-meeting.model';

@ObjectType('PolicyProposal', { description: 'A policy proposal (施策提言) on a regional issue, put to the subcommittee.' })
export class PolicyProposalModel {
  @Field(() => ID)
  id: string;

  // `issue` is declared by its @ResolveField (policy-proposals.resolver.ts): models point down the ownership tree only, so
  // their imports have no cycle (libs/testing/src/architecture).

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => PolicyProposalStatus)
  status: PolicyProposalStatus;

  @Field(() => Int, { description: '1 when drafted, one more for every revision.' })
  revision: number;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => [AgendaItemModel], { description: 'Its places on meetings’ agendas, oldest first, with the decisions.' })
  agenda?: AgendaItemModel[];

  @Field(() => [FollowUpActionModel], { description: 'By due day.' })
  followUpActions?: FollowUpActionModel[];

  @Field(() => UserModel)
  createdBy?: UserModel;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  issueId: string;
  createdById: string;
}
