import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NeedCategory, OrganizationKind } from '@tsunagu/domain';
import { AreaModel } from './area.model';

@ObjectType('Organization')
export class OrganizationModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  /** Resolved by OrganizationFieldsResolver. */
  @Field(() => [AreaModel])
  areas?: AreaModel[];

  @Field(() => [NeedCategory])
  categories: NeedCategory[];

  @Field({ description: 'Whether it takes new referrals now (capacity).' })
  acceptingReferrals: boolean;

  @Field({
    description:
      'The organisation’s declaration that it works in Tsunagu itself (false: it is not given partner users). Whether a coordinator answers for it is answeredByProxy.',
  })
  hasSystemUsers: boolean;

  @Field(() => String, { nullable: true, description: 'The person to contact there.' })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  contactEmail: string | null;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: 'Where mail about offers goes while it has no active users (opted in); null: none.' })
  notificationEmail: string | null;
}
