import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { NeedCategory } from '@tsunagu/domain';

@ObjectType('ReportCount', {
  description: 'One count of a report. Suppressed for viewers who may not see the referrals behind it (docs/REPORTS.md, "Small cells").',
})
export class ReportCountModel {
  @Field(() => Int, { nullable: true, description: 'The number; null when suppressed.' })
  count: number | null;

  @Field({ description: 'The number as text, or 「3未満」 (a count of 1 or 2) or 「秘匿」 (withheld so that a sum does not reveal one).' })
  display: string;

  @Field()
  suppressed: boolean;
}

@ObjectType('ReportPeriod', { description: 'The period a report covers: JST days, both inclusive, and its months.' })
export class ReportPeriodModel {
  @Field({ description: 'First day, YYYY-MM-DD (JST).' })
  from: string;

  @Field({ description: 'Last day, YYYY-MM-DD (JST), inclusive.' })
  to: string;

  @Field(() => [String], { description: 'The months it touches, YYYY-MM, oldest first.' })
  months: string[];
}

@ObjectType('ReportArea')
export class ReportAreaModel {
  @Field()
  code: string;

  @Field()
  name: string;
}

@ObjectType('AreaCount')
export class AreaCountModel {
  @Field(() => ReportAreaModel)
  area: ReportAreaModel;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('CategoryCount')
export class CategoryCountModel {
  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('MonthCount')
export class MonthCountModel {
  @Field({ description: 'YYYY-MM (JST).' })
  month: string;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

/** Durations of one measure: null when the count behind them is suppressed or 0. */
@ObjectType('DurationSummary')
export class DurationSummaryModel {
  @Field(() => ReportCountModel, { description: 'How many needs (or offers) the times are taken over.' })
  count: ReportCountModel;

  @Field(() => Float, { nullable: true })
  medianHours: number | null;

  @Field(() => Float, { nullable: true })
  p90Hours: number | null;

  @Field(() => Float, { nullable: true, description: 'Business days of the city calendar (docs/REPORTS.md).' })
  medianBusinessDays: number | null;

  @Field(() => Float, { nullable: true })
  p90BusinessDays: number | null;
}
