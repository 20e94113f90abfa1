import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate } from 'class-validator';
import { BUSINESS_WINDOW, InstantWithin } from '../../common/input-sanitation/instant-window';
import { PageArgs } from '../../common/pagination/page-args';

@ArgsType()
export class ProvisionPeriodArgs {
  @Field({ description: 'Start of the period (inclusive).' })
  @Type(() => Date)
  @IsDate()
  @InstantWithin(BUSINESS_WINDOW)
  from: Date;

  @Field({ description: 'End of the period (exclusive); at most 366 days after from.' })
  @Type(() => Date)
  @IsDate()
  @InstantWithin(BUSINESS_WINDOW)
  to: Date;
}

@ArgsType()
export class ProvisionRecordsArgs extends PageArgs(50, 500, 200, ProvisionPeriodArgs) {}
