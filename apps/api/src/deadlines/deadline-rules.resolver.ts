import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { forbidden } from '../common/graphql-errors';
import { DeadlineRulesService } from './deadline-rules.service';
import { SetDeadlineRuleInput } from './dto/set-deadline-rule.input';
import { DeadlineRuleModel } from './models/deadline-rule.model';

@Resolver(() => DeadlineRuleModel)
export class DeadlineRulesResolver {
  constructor(private readonly rules: DeadlineRulesService) {}

  @Query(() => [DeadlineRuleModel], { description: 'The deadline rule of every need category.' })
  deadlineRules(): Promise<DeadlineRuleModel[]> {
    return this.rules.all();
  }

  @Mutation(() => DeadlineRuleModel, { description: 'ADMIN: sets a category’s deadlines; referrals submitted from now on use them.' })
  setDeadlineRule(@CurrentViewer() viewer: Viewer, @Args('input') input: SetDeadlineRuleInput): Promise<DeadlineRuleModel> {
    if (viewer.role !== Role.ADMIN) throw forbidden('Only an administrator sets deadline rules');
    return this.rules.set(input);
  }
}
