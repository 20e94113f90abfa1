import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { AnyRole, Roles } from '../auth/roles.decorator';
import type { Viewer } from '../common/viewer';
import { MonthlyReportArgs, ReportArgs } from './dto/report-filter.input';
import { AnswerTimesReportModel } from './models/answer-times-report.model';
import { GapsReportModel } from './models/gaps-report.model';
import { MonthlyReportModel } from './models/monthly-report.model';
import { NeedsReportModel } from './models/needs-report.model';
import { OffersReportModel } from './models/offers-report.model';
import { OutcomesReportModel } from './models/outcomes-report.model';
import { PartnerLoadReportModel } from './models/partner-load-report.model';
import { PolicyTrackReportModel } from './models/policy-track-report.model';
import { ReportsService } from './reports.service';

// Who may call which report, and what each sees: docs/REPORTS.md, "Who sees what"; docs/SECURITY.md's matrix.
const CITY_FIGURES = [Role.ADMIN, Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.SUBCOMMITTEE];

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @AnyRole()
  @Query(() => NeedsReportModel, {
    description: 'Needs submitted in the period by area × category × month (docs/REPORTS.md). Partners: the needs offered to their organisation.',
  })
  needsReport(@CurrentViewer() viewer: Viewer, @Args() { filter }: ReportArgs): Promise<NeedsReportModel> {
    return this.reports.needsReport(viewer, filter);
  }

  @Roles(...CITY_FIGURES, Role.PARTNER)
  @Query(() => OutcomesReportModel, {
    description: "Where the period's needs stand now (docs/REPORTS.md). Partners: the needs their organisation holds or held to the end.",
  })
  outcomesReport(@CurrentViewer() viewer: Viewer, @Args() { filter }: ReportArgs): Promise<OutcomesReportModel> {
    return this.reports.outcomesReport(viewer, filter);
  }

  @Roles(...CITY_FIGURES)
  @Query(() => AnswerTimesReportModel, {
    description: 'ADMIN, TIER1, TIER2, SUBCOMMITTEE: time to first answer, acceptance, completion (docs/REPORTS.md).',
  })
  answerTimesReport(@CurrentViewer() viewer: Viewer, @Args() { filter }: ReportArgs): Promise<AnswerTimesReportModel> {
    return this.reports.answerTimesReport(viewer, filter);
  }

  @Roles(...CITY_FIGURES)
  @Query(() => OffersReportModel, {
    description: "ADMIN, TIER1, TIER2, SUBCOMMITTEE: the period's needs' offers and their endings (docs/REPORTS.md).",
  })
  offersReport(@CurrentViewer() viewer: Viewer, @Args() { filter }: ReportArgs): Promise<OffersReportModel> {
    return this.reports.offersReport(viewer, filter);
  }

  @Roles(...CITY_FIGURES)
  @Query(() => GapsReportModel, {
    description:
      'ADMIN, TIER1, TIER2, SUBCOMMITTEE: UNMATCHED and escalated needs by area × category beside the partners serving each (docs/REPORTS.md).',
  })
  gapsReport(@CurrentViewer() viewer: Viewer, @Args() { filter }: ReportArgs): Promise<GapsReportModel> {
    return this.reports.gapsReport(viewer, filter);
  }

  @Roles(Role.ADMIN, Role.TIER1_COORDINATOR, Role.PARTNER)
  @Query(() => PartnerLoadReportModel, {
    description: 'ADMIN, TIER1: load and answer times of every partner organisation; PARTNER: its own only (docs/REPORTS.md).',
  })
  partnerLoadReport(@CurrentViewer() viewer: Viewer, @Args() { filter }: ReportArgs): Promise<PartnerLoadReportModel> {
    return this.reports.partnerLoadReport(viewer, filter);
  }

  @Roles(...CITY_FIGURES)
  @Query(() => PolicyTrackReportModel, {
    description: 'ADMIN, TIER1, TIER2, SUBCOMMITTEE: the policy track in the period, of the issues the caller sees (docs/REPORTS.md).',
  })
  policyTrackReport(@CurrentViewer() viewer: Viewer, @Args() { filter }: ReportArgs): Promise<PolicyTrackReportModel> {
    return this.reports.policyTrackReport(viewer, filter);
  }

  @Roles(...CITY_FIGURES)
  @Query(() => MonthlyReportModel, {
    description: 'ADMIN, TIER1, TIER2, SUBCOMMITTEE: the monthly report\'s figures (月次報告) for a month "YYYY-MM" (docs/REPORTS.md).',
  })
  monthlyReport(@CurrentViewer() viewer: Viewer, @Args() { month }: MonthlyReportArgs): Promise<MonthlyReportModel> {
    return this.reports.monthlyReport(viewer, month);
  }
}
