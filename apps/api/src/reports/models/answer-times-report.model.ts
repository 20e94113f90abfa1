import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DurationSummaryModel, ReportAreaModel, ReportPeriodModel } from './report-count.model';

/** What a time is measured to, from the need's submission (docs/REPORTS.md, "answerTimesReport"). */
export enum AnswerTimeMeasure {
  FIRST_ANSWER = 'FIRST_ANSWER',
  ACCEPTANCE = 'ACCEPTANCE',
  COMPLETION = 'COMPLETION',
}
registerEnumType(AnswerTimeMeasure, {
  name: 'AnswerTimeMeasure',
  description: "From the need's submission to: FIRST_ANSWER the first ACCEPTED or DECLINED, ACCEPTANCE the first ACCEPTED, COMPLETION its COMPLETED.",
});

@ObjectType('AnswerTime')
export class AnswerTimeModel {
  @Field(() => AnswerTimeMeasure)
  measure: AnswerTimeMeasure;

  @Field(() => DurationSummaryModel)
  time: DurationSummaryModel;
}

@ObjectType('AreaAnswerTimes')
export class AreaAnswerTimesModel {
  @Field(() => ReportAreaModel)
  area: ReportAreaModel;

  @Field(() => [AnswerTimeModel])
  measures: AnswerTimeModel[];
}

@ObjectType('AnswerTimesReport')
export class AnswerTimesReportModel {
  @Field(() => ReportPeriodModel)
  period: ReportPeriodModel;

  @Field(() => [AnswerTimeModel], { description: 'City-wide (within the filter), one per measure.' })
  overall: AnswerTimeModel[];

  @Field(() => [AreaAnswerTimesModel])
  byArea: AreaAnswerTimesModel[];
}
