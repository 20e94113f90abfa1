import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReportPeriodModel } from './report-count.model';

@ObjectType('PartnerLoad')
export class PartnerLoadModel {
  @Field(() => ID)
  organizationId: string;

  @Field()
  organizationName: string;

  @Field(() => Int, { description: "Offers of the period's needs to it." })
  offers: number;

  @Field(() => Int)
  accepted: number;

  @Field(() => Int)
  declined: number;

  @Field(() => Int)
  expired: number;

  @Field(() => Int, { description: "The period's needs it completed." })
  completed: number;

  @Field(() => Int, { description: 'Needs of any period it is offered or holds now (OFFERED, ACCEPTED, IN_PROGRESS).' })
  openNow: number;

  @Field(() => Float, { nullable: true, description: 'From an offer to it to its answer (ACCEPTED or DECLINED).' })
  answerMedianHours: number | null;

  @Field(() => Float, { nullable: true })
  answerP90Hours: number | null;

  @Field(() => Float, { nullable: true })
  answerMedianBusinessDays: number | null;

  @Field(() => Float, { nullable: true })
  answerP90BusinessDays: number | null;
}

@ObjectType('PartnerLoadReport')
export class PartnerLoadReportModel {
  @Field(() => ReportPeriodModel)
  period: ReportPeriodModel;

  @Field(() => [PartnerLoadModel], { description: 'One row per partner organisation (a partner: its own only), by name.' })
  partners: PartnerLoadModel[];
}
