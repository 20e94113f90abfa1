import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, Max, Min } from 'class-validator';
import { NeedCategory } from '@tsunagu/domain';

@InputType('DeadlineRuleInput')
export class SetDeadlineRuleInput {
  @Field(() => NeedCategory)
  @IsEnum(NeedCategory)
  category: NeedCategory;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(60)
  offerResponseDays: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(120)
  progressReminderDays: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(120)
  unmatchedEscalationDays: number;
}
