import { Field, Float, ObjectType } from '@nestjs/graphql';
import { DeclineReason } from '@tsunagu/domain';
import { ReportCountModel, ReportPeriodModel } from './report-count.model';

@ObjectType('DeclineReasonCount')
export class DeclineReasonCountModel {
  @Field(() => DeclineReason)
  reason: DeclineReason;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('TriedBeforeCount')
export class TriedBeforeCountModel {
  @Field({ description: '"0", "1", "2" or "3+": other organisations offered the need before the one that accepted.' })
  tried: string;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('OffersReport', { description: 'The offers of the period\'s needs and what became of each (docs/REPORTS.md, "offersReport").' })
export class OffersReportModel {
  @Field(() => ReportPeriodModel)
  period: ReportPeriodModel;

  @Field(() => ReportCountModel)
  offers: ReportCountModel;

  @Field(() => ReportCountModel)
  accepted: ReportCountModel;

  @Field(() => ReportCountModel)
  declined: ReportCountModel;

  @Field(() => [DeclineReasonCountModel])
  declinedByReason: DeclineReasonCountModel[];

  @Field(() => ReportCountModel)
  expired: ReportCountModel;

  @Field(() => ReportCountModel, { description: 'Left otherwise while offered: reassigned elsewhere, escalated, withdrawn.' })
  other: ReportCountModel;

  @Field(() => ReportCountModel, { description: 'Still waiting for an answer.' })
  open: ReportCountModel;

  @Field(() => Float, { nullable: true, description: 'accepted / (offers - open); null when not computable or a part is suppressed.' })
  shareAccepted: number | null;

  @Field(() => [TriedBeforeCountModel])
  triedBeforeAcceptance: TriedBeforeCountModel[];
}
