import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum } from 'class-validator';
import { BUSINESS_WINDOW, InstantWithin } from '../../common/input-sanitation/instant-window';
import { PageArgs } from '../../common/pagination/page-args';
import { CsvHeaders } from '../provision-csv';

registerEnumType(CsvHeaders, {
  name: 'CsvHeaders',
  description: 'The header row of a CSV export: JAPANESE (the default, for people in Excel) or CODES (machine-readable, for scripts).',
});

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
export class ProvisionCsvArgs extends ProvisionPeriodArgs {
  @Field(() => CsvHeaders, {
    defaultValue: CsvHeaders.JAPANESE,
    description: 'JAPANESE: Japanese headers, labels beside the codes; CODES: the machine-readable headers and cells.',
  })
  @IsEnum(CsvHeaders)
  headers: CsvHeaders = CsvHeaders.JAPANESE;
}

@ArgsType()
export class ProvisionRecordsArgs extends PageArgs(50, 500, 200, ProvisionPeriodArgs) {}
