import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { AreaModel } from '../../directory/models/area.model';
import { OrganizationModel } from '../../directory/models/organization.model';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  /** Resolved by UserFieldsResolver from organizationId. */
  @Field(() => OrganizationModel, { nullable: true })
  organization?: OrganizationModel | null;

  @Field(() => AreaModel, { nullable: true, description: 'The daily-life area a tier-2 coordinator works in.' })
  area?: AreaModel | null;

  organizationId: string | null;
  areaId: string | null;
}
