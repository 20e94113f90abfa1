import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
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

  @Field(() => Int, { nullable: true, description: 'Left out: kept as it is (the default, 5, for a category never set).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  tier1ResponseDays?: number | null;
}
