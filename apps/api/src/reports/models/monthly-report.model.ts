import { Field, ObjectType } from '@nestjs/graphql';
import { AnswerTimesReportModel } from './answer-times-report.model';
import { GapsReportModel } from './gaps-report.model';
import { NeedsReportModel } from './needs-report.model';
import { OffersReportModel } from './offers-report.model';
import { OutcomesReportModel } from './outcomes-report.model';
import { PolicyTrackReportModel } from './policy-track-report.model';
import { ReportPeriodModel } from './report-count.model';

@ObjectType('MonthlyReport', { description: "The monthly report's figures (月次報告), suppressed together (docs/REPORTS.md)." })
export class MonthlyReportModel {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field({ description: 'The title in the Japanese era, e.g. 令和8年12月分.' })
  title: string;

  @Field(() => ReportPeriodModel)
  period: ReportPeriodModel;

  @Field(() => NeedsReportModel)
  needs: NeedsReportModel;

  @Field(() => OutcomesReportModel)
  outcomes: OutcomesReportModel;

  @Field(() => AnswerTimesReportModel)
  answerTimes: AnswerTimesReportModel;

  @Field(() => OffersReportModel)
  offers: OffersReportModel;

  @Field(() => GapsReportModel)
  gaps: GapsReportModel;

  @Field(() => PolicyTrackReportModel)
  policyTrack: PolicyTrackReportModel;
}
