import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { NeedCategory } from '@tsunagu/domain';
import { ReportAreaModel, ReportCountModel, ReportPeriodModel } from './report-count.model';

@ObjectType('ResourcePartner', { description: 'A partner organisation serving an area and category, as the directory is now.' })
export class ResourcePartnerModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  acceptingReferrals: boolean;
}

@ObjectType('GapCell')
export class GapCellModel {
  @Field(() => ReportAreaModel)
  area: ReportAreaModel;

  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => ReportCountModel, { description: 'Needs of the period UNMATCHED at least once.' })
  unmatched: ReportCountModel;

  @Field(() => ReportCountModel, { description: 'Needs of the period escalated to tier-1 at least once.' })
  escalated: ReportCountModel;

  @Field(() => [ResourcePartnerModel])
  partners: ResourcePartnerModel[];

  @Field(() => Int, { description: 'How many of the partners accept referrals now.' })
  partnersAccepting: number;
}

@ObjectType('GapsReport', { description: 'Needs without a resource beside the resources (地域のニーズと資源; docs/REPORTS.md, "gapsReport").' })
export class GapsReportModel {
  @Field(() => ReportPeriodModel)
  period: ReportPeriodModel;

  @Field(() => [GapCellModel], { description: 'Every area × category of the filter.' })
  cells: GapCellModel[];

  @Field(() => ReportCountModel)
  unmatchedTotal: ReportCountModel;

  @Field(() => ReportCountModel)
  escalatedTotal: ReportCountModel;
}
