import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate } from 'class-validator';
import { PageArgs } from '../../common/pagination/page-args';

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
export class ProvisionRecordsArgs extends PageArgs(50, 500, 200, ProvisionPeriodArgs) {}
