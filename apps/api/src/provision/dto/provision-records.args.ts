import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class ProvisionPeriodArgs {
  @Field({ description: 'Start of the period (inclusive).' })
  @Type(() => Date)
  @IsDate()
  from: Date;

  @Field({ description: 'End of the period (exclusive); at most 366 days after from.' })
  @Type(() => Date)
  @IsDate()
  to: Date;
}

@ArgsType()
export class ProvisionRecordsArgs extends ProvisionPeriodArgs {
  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(500)
  first: number = 50;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
