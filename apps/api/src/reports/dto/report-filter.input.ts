import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Destination, NeedCategory, SubjectKind } from '@tsunagu/domain';

/** A JST calendar day or month; whether it exists is checked by reportPeriod (report-period.ts), naming the field. */
const DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

@InputType('ReportFilter', { description: 'The period (JST days or months, both ends inclusive) and filters of a report (docs/REPORTS.md).' })
export class ReportFilterInput {
  @Field({ description: 'First day ("YYYY-MM-DD") or month ("YYYY-MM") of the period, Japan time, inclusive.' })
  @IsString()
  @Matches(DAY_OR_MONTH, { message: 'from must be YYYY-MM-DD or YYYY-MM' })
  from: string;

  @Field({ description: 'Last day ("YYYY-MM-DD") or month ("YYYY-MM") of the period, inclusive; at most 366 days after from.' })
  @IsString()
  @Matches(DAY_OR_MONTH, { message: 'to must be YYYY-MM-DD or YYYY-MM' })
  to: string;

  @Field(() => [String], { nullable: true, description: 'Only needs of these areas (codes); all when absent.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  areaCodes?: string[] | null;

  @Field(() => [NeedCategory], { nullable: true, description: 'Only needs of these categories; all when absent.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(NeedCategory, { each: true })
  categories?: NeedCategory[] | null;

  @Field(() => SubjectKind, { nullable: true })
  @IsOptional()
  @IsEnum(SubjectKind)
  subjectKind?: SubjectKind | null;

  @Field(() => Destination, { nullable: true })
  @IsOptional()
  @IsEnum(Destination)
  destination?: Destination | null;
}

@ArgsType()
export class ReportArgs {
  @Field(() => ReportFilterInput)
  @ValidateNested()
  @Type(() => ReportFilterInput)
  filter: ReportFilterInput;
}

@ArgsType()
export class MonthlyReportArgs {
  @Field({ description: 'The month, "YYYY-MM" (Japan time).' })
  @IsString()
  @Matches(/^\d{4}-\d{2}$/, { message: 'month must be YYYY-MM' })
  month: string;
}
