import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SubcommitteeDecision } from '@tsunagu/domain';
import { UserModel } from '../../../users/models/user.model';

@ObjectType('SubcommitteeMeeting', { description: 'A meeting of the subcommittee (生活支援体制整備部会).' })
export class SubcommitteeMeetingModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  heldAt: Date;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => Date, { nullable: true, description: 'When the subcommittee cancelled it (before it was held); null while it stands.' })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason: string | null;

  @Field(() => [AgendaItemModel], { description: 'The proposals put to it (those the caller may see), in the order they were added.' })
  agenda?: AgendaItemModel[];

  createdById: string;
}

@ObjectType('AgendaItem', { description: 'A proposal on a meeting’s agenda, and what the subcommittee decided on it there.' })
export class AgendaItemModel {
  @Field(() => SubcommitteeMeetingModel)
  meeting?: SubcommitteeMeetingModel;

  // `proposal` is declared by its @ResolveField (subcommittee-meetings.resolver.ts): models point down the ownership tree
  // only, so their imports have no cycle (libs/testing/src/architecture).

  @Field()
  addedAt: Date;

  @Field(() => SubcommitteeDecision, { nullable: true })
  decision: SubcommitteeDecision | null;

  @Field(() => String, { nullable: true })
  minutes: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => UserModel, { nullable: true })
  decidedBy?: UserModel | null;

  meetingId: string;
  proposalId: string;
  decidedById: string | null;
}
