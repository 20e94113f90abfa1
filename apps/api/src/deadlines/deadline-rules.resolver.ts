import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { DeadlineRulesService } from './deadline-rules.service';
import { SetDeadlineRuleInput } from './dto/set-deadline-rule.input';
import { DeadlineRuleModel } from './models/deadline-rule.model';

@Resolver(() => DeadlineRuleModel)
export class DeadlineRulesResolver {
  constructor(private readonly rules: DeadlineRulesService) {}

  @AnyRole()
  @Query(() => [DeadlineRuleModel], { description: 'The deadline rule of every need category.' })
  deadlineRules(): Promise<DeadlineRuleModel[]> {
    return this.rules.all();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => DeadlineRuleModel, { description: 'ADMIN: sets a category’s deadlines; referrals submitted from now on use them.' })
  setDeadlineRule(@Args('input') input: SetDeadlineRuleInput): Promise<DeadlineRuleModel> {
    return this.rules.set(input);
  }
}
