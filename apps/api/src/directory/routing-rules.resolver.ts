import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { Roles } from '../auth/roles.decorator';
import { toAreaModel, toOrganizationModel } from './directory.mappers';
import { RoutingNeedArgs, RoutingRulesArgs, SetRoutingRuleArgs } from './dto/routing-rule.args';
import { OrganizationModel } from './models/organization.model';
import { RoutingRuleModel } from './models/routing-rule.model';
import { RoutingRulesService, RoutingRuleView } from './routing-rules.service';

const COORDINATORS = [Role.ADMIN, Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR];

/** Routing rules (administrators set them; coordinators may read them) and the suggestions routing would follow. */
@Resolver(() => RoutingRuleModel)
export class RoutingRulesResolver {
  constructor(private readonly routing: RoutingRulesService) {}

  @Roles(...COORDINATORS)
  @Query(() => [RoutingRuleModel])
  async routingRules(@Args() filter: RoutingRulesArgs): Promise<RoutingRuleModel[]> {
    return (await this.routing.rules(filter)).map(toRoutingRuleModel);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => RoutingRuleModel, { description: 'Replaces the ordered list of the rule; an empty list deletes the rule.' })
  async setRoutingRule(@Args() { category, areaCode, organizationIds }: SetRoutingRuleArgs): Promise<RoutingRuleModel> {
    return toRoutingRuleModel(await this.routing.setRule(category, areaCode, organizationIds));
  }

  @Roles(...COORDINATORS)
  @Query(() => [OrganizationModel], {
    description: 'The partners a new need of this category and area would be offered to, in the order routing offers them.',
  })
  async suggestedOrganizations(@Args() { category, areaCode }: RoutingNeedArgs): Promise<OrganizationModel[]> {
    return (await this.routing.suggested(category, areaCode)).map(toOrganizationModel);
  }
}

function toRoutingRuleModel(rule: RoutingRuleView): RoutingRuleModel {
  return { category: rule.category, area: toAreaModel(rule.area), organizations: rule.organizations.map(toOrganizationModel) };
}
