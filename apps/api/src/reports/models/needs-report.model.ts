import { Field, ObjectType } from '@nestjs/graphql';
import { NeedCategory, SubjectKind } from '@tsunagu/domain';
import { AreaCountModel, CategoryCountModel, MonthCountModel, ReportAreaModel, ReportCountModel, ReportPeriodModel } from './report-count.model';

@ObjectType('NeedsCell')
export class NeedsCellModel {
  @Field(() => ReportAreaModel)
  area: ReportAreaModel;

  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field({ description: 'Month of submission, YYYY-MM (JST).' })
  month: string;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('SubjectKindCount')
export class SubjectKindCountModel {
  @Field(() => SubjectKind)
  subjectKind: SubjectKind;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('NeedsReport', { description: 'Needs submitted in the period (docs/REPORTS.md, "needsReport").' })
export class NeedsReportModel {
  @Field(() => ReportPeriodModel)
  period: ReportPeriodModel;

  @Field(() => [NeedsCellModel], { description: 'By area × category × month; cells with no need are left out.' })
  cells: NeedsCellModel[];

  @Field(() => [AreaCountModel])
  byArea: AreaCountModel[];

  @Field(() => [CategoryCountModel])
  byCategory: CategoryCountModel[];

  @Field(() => [MonthCountModel])
  byMonth: MonthCountModel[];

  @Field(() => [SubjectKindCountModel])
  bySubjectKind: SubjectKindCountModel[];

  @Field(() => ReportCountModel)
  total: ReportCountModel;
}
