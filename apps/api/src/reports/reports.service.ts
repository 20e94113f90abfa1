import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeclineReason, NeedCategory, RegionalIssueStatus, Role, SubcommitteeDecision, SubjectKind, toJstDateString } from '@tsunagu/domain';
import { badUserInput } from '../common/graphql-errors';
import type { Viewer } from '../common/viewer';
import { issueScope } from '../policy/shared/policy-scope';
import { referralScope, SqlScope } from '../referrals/referral-scope';
import type { ReportFilterInput } from './dto/report-filter.input';
import { DurationFigures, durationFigures, NO_DURATIONS, round2, Span } from './durations';
import { AnswerTimeMeasure, AnswerTimesReportModel } from './models/answer-times-report.model';
import type { GapsReportModel } from './models/gaps-report.model';
import type { MonthlyReportModel } from './models/monthly-report.model';
import type { NeedsReportModel } from './models/needs-report.model';
import type { OffersReportModel } from './models/offers-report.model';
import type { OutcomesReportModel } from './models/outcomes-report.model';
import type { PartnerLoadReportModel } from './models/partner-load-report.model';
import type { PolicyTrackReportModel } from './models/policy-track-report.model';
import type { DurationSummaryModel, ReportAreaModel, ReportPeriodModel } from './models/report-count.model';
import { monthlyReportTitle, ReportPeriod, reportPeriod } from './report-period';
import { AreaRow, Cohort, ReportsRepository } from './reports.repository';
import { FigureBook } from './small-cells';

/** A report's figures go into a FigureBook first; the model is read once every figure shown with it is in (suppression). */
type Deferred<T> = () => T;

interface Context {
  viewer: Viewer;
  period: ReportPeriod;
  periodModel: ReportPeriodModel;
  areas: AreaRow[];
  areaById: Map<string, AreaRow>;
  categories: NeedCategory[];
  /** Whether counts of needs of this area are sensitive for the viewer (docs/REPORTS.md, "Who sees what"). */
  sensitive: (areaId: string) => boolean;
  cohort: (scope?: SqlScope) => Cohort;
}

const ALL: SqlScope = { sql: 'true', params: {} };
const MEASURES = [AnswerTimeMeasure.FIRST_ANSWER, AnswerTimeMeasure.ACCEPTANCE, AnswerTimeMeasure.COMPLETION];
const TRIED_BUCKETS = ['0', '1', '2', '3+'];

/** Adds up counts by key, remembering whether any count of a sensitive area went in. */
class Tally {
  private readonly counts = new Map<string, { n: number; sensitive: boolean }>();
  add(key: string, n: number, sensitive: boolean): void {
    const known = this.counts.get(key) ?? { n: 0, sensitive: false };
    this.counts.set(key, { n: known.n + n, sensitive: known.sensitive || (sensitive && n > 0) });
  }
  into(book: FigureBook, key: string): string {
    const { n, sensitive } = this.counts.get(key) ?? { n: 0, sensitive: false };
    return book.add(key, n, sensitive);
  }
  keys(prefix: string): string[] {
    return [...this.counts.keys()].filter((key) => key.startsWith(prefix));
  }
}

/**
 * The reports of docs/REPORTS.md: reads the repository's rows, decides what the viewer may see (scope, sensitivity,
 * small cells) and builds the GraphQL models. Which roles may call which report is the resolver's @Roles.
 */
@Injectable()
export class ReportsService {
  private readonly repository: ReportsRepository;

  constructor(@Inject(DataSource) db: DataSource) {
    this.repository = new ReportsRepository(db);
  }

  async needsReport(viewer: Viewer, filter: ReportFilterInput): Promise<NeedsReportModel> {
    const book = new FigureBook();
    return (await this.needs(await this.context(viewer, filter), book))();
  }

  async outcomesReport(viewer: Viewer, filter: ReportFilterInput): Promise<OutcomesReportModel> {
    return (await this.outcomes(await this.context(viewer, filter), new FigureBook()))();
  }

  async answerTimesReport(viewer: Viewer, filter: ReportFilterInput): Promise<AnswerTimesReportModel> {
    return (await this.answerTimes(await this.context(viewer, filter), new FigureBook()))();
  }

  async offersReport(viewer: Viewer, filter: ReportFilterInput): Promise<OffersReportModel> {
    return (await this.offers(await this.context(viewer, filter), new FigureBook()))();
  }

  async gapsReport(viewer: Viewer, filter: ReportFilterInput): Promise<GapsReportModel> {
    return (await this.gaps(await this.context(viewer, filter), new FigureBook()))();
  }

  async policyTrackReport(viewer: Viewer, filter: ReportFilterInput): Promise<PolicyTrackReportModel> {
    return (await this.policyTrack(await this.context(viewer, filter), new FigureBook()))();
  }

  /** The month's reports with one FigureBook, so that suppression holds across them (docs/REPORTS.md, "Small cells"). */
  async monthlyReport(viewer: Viewer, month: string): Promise<MonthlyReportModel> {
    const ctx = await this.context(viewer, { from: month, to: month }, 'month');
    const book = new FigureBook();
    const [needs, outcomes, answerTimes, offers, gaps, policyTrack] = await Promise.all([
      this.needs(ctx, book),
      this.outcomes(ctx, book),
      this.answerTimes(ctx, book),
      this.offers(ctx, book),
      this.gaps(ctx, book),
      this.policyTrack(ctx, book),
    ]);
    // The same needs counted in two reports: what hides one hides the other.
    book.sum('needs:total', ['outcomes:total']);
    book.sum('outcomes:escalated', ['gaps:escalated']);
    book.sum(
      'answer:all:COMPLETION',
      outcomes.completedKeys().filter((key) => key.startsWith('outcomes:result:')),
    );
    return {
      month,
      title: monthlyReportTitle(month),
      period: ctx.periodModel,
      needs: needs(),
      outcomes: outcomes(),
      answerTimes: answerTimes(),
      offers: offers(),
      gaps: gaps(),
      policyTrack: policyTrack(),
    };
  }

  async partnerLoadReport(viewer: Viewer, filter: ReportFilterInput): Promise<PartnerLoadReportModel> {
    const ctx = await this.context(viewer, filter);
    const own = viewer.role === Role.PARTNER ? viewer.organizationId : null;
    const [partners, offers] = await Promise.all([this.repository.partners(ctx.cohort(), own), this.repository.partnerOffers(ctx.cohort(), own)]);
    return {
      period: ctx.periodModel,
      partners: partners.map((partner) => {
        const mine = offers.filter((offer) => offer.organizationId === partner.id);
        const answered: Span[] = mine
          .filter((offer) => offer.ending === 'ACCEPTED' || offer.ending === 'DECLINED')
          .map((offer) => ({ from: offer.offeredAt, to: offer.endedAt! }));
        const times = durationFigures(answered);
        return {
          organizationId: partner.id,
          organizationName: partner.name,
          offers: mine.length,
          accepted: mine.filter((offer) => offer.ending === 'ACCEPTED').length,
          declined: mine.filter((offer) => offer.ending === 'DECLINED').length,
          expired: mine.filter((offer) => offer.ending === 'EXPIRED').length,
          completed: partner.completed,
          openNow: partner.openNow,
          answerMedianHours: times.medianHours,
          answerP90Hours: times.p90Hours,
          answerMedianBusinessDays: times.medianBusinessDays,
          answerP90BusinessDays: times.p90BusinessDays,
        };
      }),
    };
  }

  // -------------------------------------------------------------------------------------------------------------------

  private async context(
    viewer: Viewer,
    filter: Pick<ReportFilterInput, 'from' | 'to'> & Partial<ReportFilterInput>,
    field?: string,
  ): Promise<Context> {
    const period = reportPeriod(filter.from, filter.to);
    // Named as the validation pipe names nested fields: filter.from, filter.to, filter.areaCodes; or month.
    if (Array.isArray(period)) throw badUserInput(period.map((p) => ({ ...p, field: field ?? `filter.${p.field}` })));
    const codes = filter.areaCodes ? [...new Set(filter.areaCodes)] : null;
    const areas = await this.repository.areas(codes);
    if (codes && areas.length !== codes.length) {
      const known = new Set(areas.map((area) => area.code));
      throw badUserInput([{ field: 'filter.areaCodes', message: `unknown area code: ${codes.filter((code) => !known.has(code)).join(', ')}` }]);
    }
    const categories = filter.categories?.length ? [...new Set(filter.categories)] : Object.values(NeedCategory);
    const sensitive = (areaId: string) => viewer.role === Role.SUBCOMMITTEE || (viewer.role === Role.TIER2_COORDINATOR && areaId !== viewer.areaId);
    return {
      viewer,
      period,
      periodModel: { from: period.from, to: period.to, months: period.months },
      areas,
      areaById: new Map(areas.map((area) => [area.id, area])),
      categories,
      sensitive,
      cohort: (scope = ALL) => ({
        start: period.start,
        end: period.end,
        areaIds: codes ? areas.map((area) => area.id) : null,
        categories: filter.categories?.length ? categories : null,
        subjectKind: filter.subjectKind ?? null,
        destination: filter.destination ?? null,
        scope,
      }),
    };
  }

  private area(ctx: Context, id: string): ReportAreaModel {
    const area = ctx.areaById.get(id);
    return area ? { code: area.code, name: area.name } : { code: '?', name: '?' };
  }

  private async needs(ctx: Context, book: FigureBook): Promise<Deferred<NeedsReportModel>> {
    // A partner counts the needs ever offered to its organisation (what its referral list shows).
    const scope = ctx.viewer.role === Role.PARTNER ? referralScope(ctx.viewer, 'r') : ALL;
    const rows = await this.repository.needs(ctx.cohort(scope));
    const tally = new Tally();
    for (const row of rows) {
      const s = ctx.sensitive(row.areaId);
      tally.add(`needs:cell:${row.areaId}:${row.category}:${row.month}`, row.n, s);
      tally.add(`needs:area:${row.areaId}`, row.n, s);
      tally.add(`needs:category:${row.category}`, row.n, s);
      tally.add(`needs:month:${row.month}`, row.n, s);
      tally.add(`needs:kind:${row.subjectKind}`, row.n, s);
      tally.add('needs:total', row.n, s);
    }
    const cellKeys = tally.keys('needs:cell:').map((key) => tally.into(book, key));
    const total = tally.into(book, 'needs:total');
    const areaKeys = ctx.areas.map((area) => tally.into(book, `needs:area:${area.id}`));
    const categoryKeys = ctx.categories.map((category) => tally.into(book, `needs:category:${category}`));
    const monthKeys = ctx.period.months.map((month) => tally.into(book, `needs:month:${month}`));
    const kindKeys = [SubjectKind.PERSON, SubjectKind.AREA].map((kind) => tally.into(book, `needs:kind:${kind}`));
    for (const parts of [areaKeys, categoryKeys, monthKeys, kindKeys]) book.sum(total, parts);
    ctx.areas.forEach((area, i) =>
      book.sum(
        areaKeys[i],
        cellKeys.filter((key) => key.startsWith(`needs:cell:${area.id}:`)),
      ),
    );
    ctx.categories.forEach((category, i) =>
      book.sum(
        categoryKeys[i],
        cellKeys.filter((key) => key.split(':')[3] === category),
      ),
    );
    ctx.period.months.forEach((month, i) =>
      book.sum(
        monthKeys[i],
        cellKeys.filter((key) => key.split(':')[4] === month),
      ),
    );
    const areaOrder = new Map(ctx.areas.map((area, i) => [area.id, i]));
    return () => ({
      period: ctx.periodModel,
      cells: cellKeys
        .map((key) => key.split(':'))
        .sort((a, b) => (areaOrder.get(a[2]) ?? 0) - (areaOrder.get(b[2]) ?? 0) || a[3].localeCompare(b[3]) || a[4].localeCompare(b[4]))
        .map(([, , areaId, category, month]) => ({
          area: this.area(ctx, areaId),
          category: category as NeedCategory,
          month,
          count: book.show(`needs:cell:${areaId}:${category}:${month}`),
        })),
      byArea: ctx.areas.map((area, i) => ({ area: { code: area.code, name: area.name }, count: book.show(areaKeys[i]) })),
      byCategory: ctx.categories.map((category, i) => ({ category, count: book.show(categoryKeys[i]) })),
      byMonth: ctx.period.months.map((month, i) => ({ month, count: book.show(monthKeys[i]) })),
      bySubjectKind: [SubjectKind.PERSON, SubjectKind.AREA].map((subjectKind, i) => ({ subjectKind, count: book.show(kindKeys[i]) })),
      total: book.show(total),
    });
  }

  private async outcomes(ctx: Context, book: FigureBook): Promise<Deferred<OutcomesReportModel> & { completedKeys: () => string[] }> {
    const partner = ctx.viewer.role === Role.PARTNER;
    // A partner: the needs its organisation holds now or held to the end; never the policy track's figures.
    const scope = partner ? { sql: 'r.current_organization_id = :viewerOrgId', params: { viewerOrgId: ctx.viewer.organizationId } } : ALL;
    const rows = await this.repository.outcomes(ctx.cohort(scope));
    const tally = new Tally();
    const result = (status: string, outcome: string | null) => `${status}:${outcome ?? '-'}`;
    for (const row of rows) {
      const s = ctx.sensitive(row.areaId);
      tally.add(`outcomes:cell:${row.areaId}:${row.category}:${result(row.status, row.outcome)}`, row.n, s);
      tally.add(`outcomes:result:${result(row.status, row.outcome)}`, row.n, s);
      tally.add('outcomes:total', row.n, s);
      tally.add('outcomes:escalated', row.escalated, s);
      tally.add('outcomes:linked', row.linked, s);
    }
    const cellKeys = tally.keys('outcomes:cell:').map((key) => tally.into(book, key));
    const resultKeys = tally.keys('outcomes:result:').map((key) => tally.into(book, key));
    const total = tally.into(book, 'outcomes:total');
    const escalated = tally.into(book, 'outcomes:escalated');
    const linked = tally.into(book, 'outcomes:linked');
    book.sum(total, resultKeys);
    for (const key of resultKeys) {
      const suffix = key.slice('outcomes:result:'.length);
      book.sum(
        key,
        cellKeys.filter((cell) => cell.endsWith(`:${suffix}`) && cell.split(':').length === 6),
      );
    }
    const areaOrder = new Map(ctx.areas.map((area, i) => [area.id, i]));
    const parse = (status: string, outcome: string) => ({ status: status as never, outcome: outcome === '-' ? null : (outcome as never) });
    const build = () => ({
      period: ctx.periodModel,
      cells: cellKeys
        .map((key) => key.split(':'))
        .sort((a, b) => (areaOrder.get(a[2]) ?? 0) - (areaOrder.get(b[2]) ?? 0) || a.slice(3).join(':').localeCompare(b.slice(3).join(':')))
        .map(([, , areaId, category, status, outcome]) => ({
          area: this.area(ctx, areaId),
          category: category as NeedCategory,
          ...parse(status, outcome),
          count: book.show(`outcomes:cell:${areaId}:${category}:${status}:${outcome}`),
        })),
      byResult: resultKeys
        .sort()
        .map((key) => key.split(':'))
        .map(([, , status, outcome]) => ({ ...parse(status, outcome), count: book.show(`outcomes:result:${status}:${outcome}`) })),
      escalated: partner ? null : book.show(escalated),
      linkedToRegionalIssue: partner ? null : book.show(linked),
      total: book.show(total),
    });
    return Object.assign(build, { completedKeys: () => resultKeys.filter((key) => key.startsWith('outcomes:result:COMPLETED:')) });
  }

  private async answerTimes(ctx: Context, book: FigureBook): Promise<Deferred<AnswerTimesReportModel>> {
    const rows = await this.repository.answerTimes(ctx.cohort());
    const figures = (measure: AnswerTimeMeasure, areaId: string | null) => {
      const row = rows.find((r) => r.measure === measure && r.areaId === areaId);
      const times: DurationFigures = row?.n
        ? {
            medianHours: round2(row.medianHours),
            p90Hours: round2(row.p90Hours),
            medianBusinessDays: round2(row.medianBusinessDays),
            p90BusinessDays: round2(row.p90BusinessDays),
          }
        : NO_DURATIONS;
      return { n: row?.n ?? 0, times };
    };
    const summary = (key: string, { n, times }: { n: number; times: DurationFigures }, sensitive: boolean): Deferred<DurationSummaryModel> => {
      book.add(key, n, sensitive);
      return () => {
        const count = book.show(key);
        return { count, ...(count.suppressed ? NO_DURATIONS : times) };
      };
    };
    // City-wide, a measure is sensitive when a need of an area the viewer may not see in full went into it.
    const overall = MEASURES.map((measure) => {
      const sensitive = rows.some((row) => row.measure === measure && row.areaId !== null && row.n > 0 && ctx.sensitive(row.areaId));
      return { measure, time: summary(`answer:all:${measure}`, figures(measure, null), sensitive) };
    });
    const byArea = ctx.areas.map((area) => ({
      area,
      measures: MEASURES.map((measure) => ({
        measure,
        time: summary(`answer:${area.id}:${measure}`, figures(measure, area.id), ctx.sensitive(area.id)),
      })),
    }));
    for (const measure of MEASURES)
      book.sum(
        `answer:all:${measure}`,
        ctx.areas.map((area) => `answer:${area.id}:${measure}`),
      );
    return () => ({
      period: ctx.periodModel,
      overall: overall.map(({ measure, time }) => ({ measure, time: time() })),
      byArea: byArea.map(({ area, measures }) => ({
        area: { code: area.code, name: area.name },
        measures: measures.map(({ measure, time }) => ({ measure, time: time() })),
      })),
    });
  }

  private async offers(ctx: Context, book: FigureBook): Promise<Deferred<OffersReportModel>> {
    const [endings, tried] = await Promise.all([this.repository.offerEndings(ctx.cohort()), this.repository.triedBeforeAcceptance(ctx.cohort())]);
    const tally = new Tally();
    for (const row of endings) {
      const s = ctx.sensitive(row.areaId);
      tally.add('offers:all', row.n, s);
      tally.add(`offers:${row.ending}`, row.n, s);
      if (row.ending === 'DECLINED') tally.add(`offers:DECLINED:${row.reason ?? DeclineReason.OTHER}`, row.n, s);
    }
    for (const row of tried) tally.add(`offers:tried:${TRIED_BUCKETS[row.tried]}`, row.n, ctx.sensitive(row.areaId));
    const [all, accepted, declined, expired, other, open] = ['all', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'OTHER', 'OPEN'].map((k) =>
      tally.into(book, `offers:${k}`),
    );
    const reasons = Object.values(DeclineReason).map((reason) => tally.into(book, `offers:DECLINED:${reason}`));
    const triedKeys = TRIED_BUCKETS.map((bucket) => tally.into(book, `offers:tried:${bucket}`));
    book.sum(all, [accepted, declined, expired, other, open]);
    book.sum(declined, reasons);
    return () => {
      const [a, o, closedAll] = [book.show(accepted), book.show(open), book.show(all)];
      const closed = closedAll.count !== null && o.count !== null ? closedAll.count - o.count : null;
      return {
        period: ctx.periodModel,
        offers: closedAll,
        accepted: a,
        declined: book.show(declined),
        declinedByReason: Object.values(DeclineReason).map((reason, i) => ({ reason, count: book.show(reasons[i]) })),
        expired: book.show(expired),
        other: book.show(other),
        open: o,
        shareAccepted: a.count !== null && closed ? Math.round((a.count / closed) * 10_000) / 10_000 : null,
        triedBeforeAcceptance: TRIED_BUCKETS.map((tried, i) => ({ tried, count: book.show(triedKeys[i]) })),
      };
    };
  }

  private async gaps(ctx: Context, book: FigureBook): Promise<Deferred<GapsReportModel>> {
    const [rows, resources] = await Promise.all([this.repository.gaps(ctx.cohort()), this.repository.resources(ctx.areas.map((area) => area.id))]);
    const tally = new Tally();
    for (const row of rows) {
      const s = ctx.sensitive(row.areaId);
      tally.add(`gaps:unmatched:${row.areaId}:${row.category}`, row.unmatched, s);
      tally.add(`gaps:escalated:${row.areaId}:${row.category}`, row.escalated, s);
      tally.add('gaps:unmatched', row.unmatched, s);
      tally.add('gaps:escalated', row.escalated, s);
    }
    const cells = ctx.areas.flatMap((area) =>
      ctx.categories.map((category) => ({
        area,
        category,
        unmatched: tally.into(book, `gaps:unmatched:${area.id}:${category}`),
        escalated: tally.into(book, `gaps:escalated:${area.id}:${category}`),
      })),
    );
    const unmatched = tally.into(book, 'gaps:unmatched');
    const escalated = tally.into(book, 'gaps:escalated');
    book.sum(
      unmatched,
      cells.map((cell) => cell.unmatched),
    );
    book.sum(
      escalated,
      cells.map((cell) => cell.escalated),
    );
    return () => ({
      period: ctx.periodModel,
      cells: cells.map((cell) => {
        const partners = resources
          .filter((r) => r.areaId === cell.area.id && r.category === cell.category)
          .map(({ id, name, acceptingReferrals }) => ({ id, name, acceptingReferrals }));
        return {
          area: { code: cell.area.code, name: cell.area.name },
          category: cell.category,
          unmatched: book.show(cell.unmatched),
          escalated: book.show(cell.escalated),
          partners,
          partnersAccepting: partners.filter((p) => p.acceptingReferrals).length,
        };
      }),
      unmatchedTotal: book.show(unmatched),
      escalatedTotal: book.show(escalated),
    });
  }

  private async policyTrack(ctx: Context, book: FigureBook): Promise<Deferred<PolicyTrackReportModel>> {
    const filtered = ctx.cohort().areaIds;
    const today = toJstDateString(new Date());
    const track = await this.repository.policyTrack(ctx.period.start, ctx.period.end, filtered, issueScope(ctx.viewer, 'i'), today);
    // Counts of issues, proposals and actions name no resident; the needs behind one issue may (any viewer but ADMIN and TIER1).
    const needsSensitive = ![Role.ADMIN, Role.TIER1_COORDINATOR].includes(ctx.viewer.role);
    const created = track.issues.filter((issue) => issue.createdAt.getTime() >= ctx.period.start.getTime());
    for (const issue of track.issues) book.add(`policy:needs:${issue.id}`, issue.needs, needsSensitive);
    return () => ({
      period: ctx.periodModel,
      issuesByStatus: Object.values(RegionalIssueStatus).map((status) => ({
        status,
        count: shown(created.filter((issue) => issue.status === status).length),
      })),
      proposalsSubmitted: shown(track.proposalsSubmitted),
      decisions: Object.values(SubcommitteeDecision).map((decision) => ({
        decision,
        count: shown(track.decisions.find((row) => row.decision === decision)?.n ?? 0),
      })),
      actionsDone: shown(track.actionsDone),
      actionsOverdue: shown(track.actionsOverdue),
      issues: track.issues.map((issue) => ({
        issueId: issue.id,
        title: issue.title,
        status: issue.status as RegionalIssueStatus,
        needs: book.show(`policy:needs:${issue.id}`),
      })),
    });
  }
}

const shown = (n: number) => ({ count: n, display: String(n), suppressed: false });
