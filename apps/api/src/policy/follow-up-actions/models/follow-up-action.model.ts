import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../../users/models/user.model';

@ObjectType('FollowUpAction', { description: 'Something an adopted proposal needs done, by whom and when.' })
export class FollowUpActionModel {
  @Field(() => ID)
  id: string;

  // `proposal` is declared by its @ResolveField (follow-up-actions.resolver.ts): models point down the ownership tree only,
  // so their imports have no cycle (libs/testing/src/architecture).

  @Field()
  description: string;

  @Field({ description: 'Who carries it out (a department or organisation).' })
  owner: string;

  @Field({ description: 'The due day, YYYY-MM-DD (Japan time).' })
  dueOn: string;

  @Field(() => Date, { nullable: true, description: 'When the reminder for the due day was recorded.' })
  remindedAt: Date | null;

  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @Field(() => UserModel, { nullable: true })
  doneBy?: UserModel | null;

  @Field(() => String, { nullable: true })
  doneNote: string | null;

  @Field({ description: 'Not done and its due day has passed (Japan time).' })
  overdue: boolean;

  proposalId: string;
  doneById: string | null;
}
