import { Field, Int, ObjectType } from '@nestjs/graphql';
import { NeedCategory } from '@tsunagu/domain';

@ObjectType('DeadlineRule', { description: 'Deadlines of one need category, in business days of the city hall.' })
export class DeadlineRuleModel {
  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => Int, { description: 'A partner answers an offer within this many business days; a reminder goes out halfway.' })
  offerResponseDays: number;

  @Field(() => Int, { description: 'An accepted referral with no update for this long reminds its holder and the coordinator.' })
  progressReminderDays: number;

  @Field(() => Int, { description: 'An UNMATCHED referral escalates to tier-1 after this long.' })
  unmatchedEscalationDays: number;

  @Field(() => Int, {
    description: 'An ESCALATED referral waits this long for tier-1 (a reminder halfway), then reminds tier-1 again every period.',
  })
  tier1ResponseDays: number;

  @Field({ description: 'False while the category uses the defaults (3, 10, 5, 5).' })
  customized: boolean;
}
