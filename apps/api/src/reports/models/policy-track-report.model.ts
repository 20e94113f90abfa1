import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegionalIssueStatus, SubcommitteeDecision } from '@tsunagu/domain';
import { ReportCountModel, ReportPeriodModel } from './report-count.model';

@ObjectType('IssueStatusCount')
export class IssueStatusCountModel {
  @Field(() => RegionalIssueStatus)
  status: RegionalIssueStatus;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('DecisionCount')
export class DecisionCountModel {
  @Field(() => SubcommitteeDecision)
  decision: SubcommitteeDecision;

  @Field(() => ReportCountModel)
  count: ReportCountModel;
}

@ObjectType('IssueNeeds')
export class IssueNeedsModel {
  @Field(() => ID)
  issueId: string;

  @Field()
  title: string;

  @Field(() => RegionalIssueStatus)
  status: RegionalIssueStatus;

  @Field(() => ReportCountModel, { description: 'Referrals linked to it now.' })
  needs: ReportCountModel;
}

@ObjectType('PolicyTrackReport', { description: 'The policy track in the period (docs/REPORTS.md, "policyTrackReport").' })
export class PolicyTrackReportModel {
  @Field(() => ReportPeriodModel)
  period: ReportPeriodModel;

  @Field(() => [IssueStatusCountModel], { description: 'Issues created in the period, by their status now.' })
  issuesByStatus: IssueStatusCountModel[];

  @Field(() => ReportCountModel)
  proposalsSubmitted: ReportCountModel;

  @Field(() => [DecisionCountModel], { description: 'Decisions recorded in the period.' })
  decisions: DecisionCountModel[];

  @Field(() => ReportCountModel)
  actionsDone: ReportCountModel;

  @Field(() => ReportCountModel, { description: 'Not done, due before today (JST).' })
  actionsOverdue: ReportCountModel;

  @Field(() => [IssueNeedsModel], { description: 'Issues created in the period or open at its end.' })
  issues: IssueNeedsModel[];
}
