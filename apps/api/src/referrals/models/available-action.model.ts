import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReferralAction } from '../referral-actions';

registerEnumType(ReferralAction, {
  name: 'ReferralAction',
  description: 'A move a person makes on a referral; each is one mutation (ACCEPT: acceptReferral, NOTE: addReferralNote, ...).',
});

@ObjectType('AvailableAction', { description: 'A move the caller may make on the referral now.' })
export class AvailableActionModel {
  @Field(() => ReferralAction)
  action: ReferralAction;

  @Field({ description: 'Made on behalf of the partner holding or offered the referral, which has no users (a proxy update).' })
  proxy: boolean;
}
