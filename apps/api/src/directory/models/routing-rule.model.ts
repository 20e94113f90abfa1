import { Field, ObjectType } from '@nestjs/graphql';
import { NeedCategory } from '@tsunagu/domain';
import { AreaModel } from './area.model';
import { OrganizationModel } from './organization.model';

@ObjectType('RoutingRule', {
  description: 'For needs of one category in one area: the partners to offer them to first, in order; then the least-loaded others.',
})
export class RoutingRuleModel {
  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => AreaModel)
  area: AreaModel;

  @Field(() => [OrganizationModel], { description: 'In the order offers go out. Empty when the rule was just deleted.' })
  organizations: OrganizationModel[];
}
