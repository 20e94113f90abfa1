import { Field, ObjectType } from '@nestjs/graphql';
import { NeedCategory, ReferralOutcome, ReferralStatus } from '@tsunagu/domain';
import { ReportAreaModel, ReportCountModel, ReportPeriodModel } from './report-count.model';

@ObjectType('OutcomeCell')
export class OutcomeCellModel {
  @Field(() => ReportAreaModel)
  area: ReportAreaModel;

  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => ReferralStatus, { description: 'The status now: COMPLETED, WITHDRAWN, or the open status.' })
  status: ReferralStatus;

  @Field(() => ReferralOutcome, { nullable: true, description: 'For COMPLETED: its outcome; null otherwise.' })
  outcome: ReferralOutcome | null;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('ResultCount')
export class ResultCountModel {
  @Field(() => ReferralStatus)
  status: ReferralStatus;

  @Field(() => ReferralOutcome, { nullable: true })
  outcome: ReferralOutcome | null;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('OutcomesReport', { description: 'Where the needs submitted in the period stand now (docs/REPORTS.md, "outcomesReport").' })
export class OutcomesReportModel {
  @Field(() => ReportPeriodModel)
  period: ReportPeriodModel;

  @Field(() => [OutcomeCellModel], { description: 'By area × category × (status, outcome); cells with no need are left out.' })
  cells: OutcomeCellModel[];

  @Field(() => [ResultCountModel], { description: 'By (status, outcome), every combination that occurs.' })
  byResult: ResultCountModel[];

  @Field(() => ReportCountModel, { nullable: true, description: 'Needs escalated to tier-1 at least once; null for partners.' })
  escalated: ReportCountModel | null;

  @Field(() => ReportCountModel, { nullable: true, description: 'Needs linked to a regional issue now; null for partners.' })
  linkedToRegionalIssue: ReportCountModel | null;

  @Field(() => ReportCountModel)
  total: ReportCountModel;
}
