// 見える化: the needs of the city (or of the viewer's part of it) by area, category, month and outcome, the answer
// times, the offers, the needs without a resource beside the resources, the partners' load and the policy track. The
// filters live in the address; every chart has its table; a count opens the referral list filtered to it. What each
// figure counts: docs/REPORTS.md. One request for all the figures of the page.
import { useMemo, useRef, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSessionEndedBy, useViewer } from '../auth/session';
import type { ReportsPageQuery, Role } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { ReportsPageDocument } from './documents';
import {
  currentJstMonth,
  filtersFromParams,
  formatMonth,
  monthChoices,
  monthlyTitle,
  paramsFromFilters,
  periodProblem,
  reportFilter,
  type ReportsFilters,
} from './period';
import { ChartWithTable, ReportTable } from './ReportTable';
import { optionsOf } from '../../shared/ui/options';
import { Select } from '../../shared/ui/Select';
import {
  answerTimesTable,
  chartData,
  gapsTable,
  issuesTable,
  needsByArea,
  needsByCategory,
  needsByMonth,
  needsBySubjectKind,
  needsMatrix,
  offersTable,
  outcomesTable,
  partnerLoadTable,
  policyTable,
  triedBeforeTable,
  type LinkContext,
} from './tables';

const R = ja.reports;
const ID = 'reports';

/** Roles whose home is a referral list the cells can open (the coordinators'). */
const LIST_ROLES: readonly Role[] = ['TIER1_COORDINATOR', 'TIER2_COORDINATOR'];
/** Roles that see the city's figures beyond needs and outcomes, and the monthly report (docs/REPORTS.md). */
export const CITY_FIGURE_ROLES: readonly Role[] = ['ADMIN', 'TIER1_COORDINATOR', 'TIER2_COORDINATOR', 'SUBCOMMITTEE'];

export function ReportsPage() {
  usePageTitle(R.title);
  const viewer = useViewer();
  const today = currentJstMonth();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params, today), [params, today]);
  // From the address as it is now, not as this render saw it: two choices in quick succession (the router re-renders
  // in a transition) must both stay.
  const setFilters = (next: Partial<ReportsFilters>) =>
    setParams(paramsFromFilters({ ...filtersFromParams(new URLSearchParams(window.location.search), today), ...next }, today), { replace: true });
  const problem = periodProblem(filters);

  const city = CITY_FIGURE_ROLES.includes(viewer.role);
  const variables = useMemo(
    () => ({ filter: reportFilter(filters), city, partnerLoad: viewer.role === 'ADMIN' || viewer.role === 'TIER1_COORDINATOR' }),
    [filters, city, viewer.role],
  );
  const [{ data, error, fetching }] = useQuery({ query: ReportsPageDocument, variables, pause: problem !== null });
  useSessionEndedBy(error);
  // The last figures stay on screen while the next ones come (no blank page between two choices of a filter).
  const shown = useRef<ReportsPageQuery | undefined>(undefined);
  if (data) shown.current = data;
  const current = problem ? undefined : (data ?? shown.current);
  const monthOptions = monthChoices(today).map((month) => [month, formatMonth(month)] as const);

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-std-32B-150">{R.title}</h1>
      <p>{R.lead}</p>

      <section aria-labelledby={`${ID}-filters-title`} className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 p-6">
        <h2 id={`${ID}-filters-title`} className="text-std-20B-150">
          {R.filtersTitle}
        </h2>
        <form aria-labelledby={`${ID}-filters-title`} className="grid gap-4 md:grid-cols-3" onSubmit={(event) => event.preventDefault()}>
          <Select id={`${ID}-from`} label={R.from} value={filters.from} onChange={(from) => setFilters({ from })} options={monthOptions} />
          <Select id={`${ID}-to`} label={R.to} value={filters.to} onChange={(to) => setFilters({ to })} options={monthOptions} />
          <Select
            id={`${ID}-area`}
            label={R.area}
            value={filters.area}
            onChange={(area) => setFilters({ area })}
            any={R.any}
            options={(current?.areas ?? []).map((area) => [area.code, area.name])}
          />
          <Select
            id={`${ID}-category`}
            label={R.category}
            value={filters.category}
            onChange={(category) => setFilters({ category: category as ReportsFilters['category'] })}
            any={R.any}
            options={optionsOf(ja.enums.category)}
          />
          <Select
            id={`${ID}-subject`}
            label={R.subjectKind}
            value={filters.subjectKind}
            onChange={(subjectKind) => setFilters({ subjectKind: subjectKind as ReportsFilters['subjectKind'] })}
            any={R.any}
            options={optionsOf(ja.enums.subjectKind)}
          />
          <div className="self-end">
            <Button variant="secondary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {R.clear}
            </Button>
          </div>
        </form>
        {problem && (
          <p role="alert" className="font-bold text-error-1">
            {R.periodProblem[problem]}
          </p>
        )}
        <p role="status" className="text-dns-14N-130 text-solid-gray-700">
          {fetching && current ? R.updating : ''}
        </p>
        {city && !problem && (
          <p>
            <Link to={`/reports/monthly/${filters.to}`} className="text-blue-1000 underline">
              {R.monthlyLink(monthlyTitle(filters.to))}
            </Link>
          </p>
        )}
      </section>

      {error && !current && <p role="alert">{ja.errors.loadFailed}</p>}
      {!current && !error && !problem && <p role="status">{ja.app.loading}</p>}
      {current && <Figures data={current} filters={filters} linkable={LIST_ROLES.includes(viewer.role)} />}
    </div>
  );
}

function Figures({ data, filters, linkable }: { data: ReportsPageQuery; filters: ReportsFilters; linkable: boolean }) {
  const needs = data.needsReport;
  // The list cannot filter by subject kind: with that filter on, a link would open more than the count says.
  const link: LinkContext | null =
    linkable && !filters.subjectKind
      ? { from: needs.period.from, to: needs.period.to, area: filters.area || undefined, category: filters.category || undefined }
      : null;
  const matrix = needsMatrix(needs, link);
  const byMonth = needsByMonth(needs, link);
  const outcomes = outcomesTable(data.outcomesReport, link);
  return (
    <>
      <p className="text-solid-gray-700">
        {R.suppressionNote} {linkable ? R.linkNote : ''}
      </p>
      <Section id={`${ID}-needs`} title={R.needs.title}>
        <ChartWithTable id={`${ID}-by-month`} table={byMonth} chart={{ data: chartData(byMonth), height: 280 }} />
        {matrix ? (
          <ChartWithTable
            id={`${ID}-matrix`}
            table={matrix}
            chart={{
              data: chartData(
                matrix,
                matrix.columns.slice(0, -1).map((_, i) => i),
              ),
              stacked: true,
              horizontal: true,
              height: 120 + 36 * matrix.rows.length,
            }}
          />
        ) : (
          <>
            <p>{R.needs.byAreaCategoryWithheld}</p>
            <ReportTable id={`${ID}-by-area`} table={needsByArea(needs, link)} />
            <ReportTable id={`${ID}-by-category`} table={needsByCategory(needs, link)} />
          </>
        )}
        <ReportTable id={`${ID}-by-subject`} table={needsBySubjectKind(needs)} />
      </Section>

      <Section id={`${ID}-outcomes`} title={R.outcomes.title}>
        <ChartWithTable
          id={`${ID}-outcomes-table`}
          table={outcomes}
          chart={{ data: chartData({ ...outcomes, rows: outcomes.rows.filter((row) => row.key.includes(':')) }), horizontal: true, height: 320 }}
        />
      </Section>

      {data.answerTimesReport && (
        <Section id={`${ID}-answer-times`} title={R.answerTimes.title}>
          <ReportTable id={`${ID}-answer-times-table`} table={answerTimesTable(data.answerTimesReport)} />
        </Section>
      )}

      {data.offersReport && (
        <Section id={`${ID}-offers`} title={R.offers.title}>
          <ReportTable id={`${ID}-offers-table`} table={offersTable(data.offersReport)} />
          <p>{R.offers.shareAccepted(data.offersReport.shareAccepted === null ? R.noValue : R.percent(data.offersReport.shareAccepted))}</p>
          <ReportTable id={`${ID}-tried-table`} table={triedBeforeTable(data.offersReport)} />
        </Section>
      )}

      {data.gapsReport && <GapsSection gaps={data.gapsReport} link={link} />}

      {data.partnerLoadReport && (
        <Section id={`${ID}-partner-load`} title={R.partnerLoad.title}>
          {data.partnerLoadReport.partners.length ? (
            <ReportTable id={`${ID}-partner-load-table`} table={partnerLoadTable(data.partnerLoadReport.partners)} />
          ) : (
            <p>{R.partnerLoad.none}</p>
          )}
        </Section>
      )}

      {data.policyTrackReport && (
        <Section id={`${ID}-policy`} title={R.policy.title}>
          <ReportTable id={`${ID}-policy-table`} table={policyTable(data.policyTrackReport)} />
          {data.policyTrackReport.issues.length ? (
            <ReportTable id={`${ID}-issues-table`} table={issuesTable(data.policyTrackReport)} />
          ) : (
            <p>{R.policy.noIssues}</p>
          )}
        </Section>
      )}
    </>
  );
}

export function GapsSection({
  gaps,
  link,
  chartWidth,
}: {
  gaps: NonNullable<ReportsPageQuery['gapsReport']>;
  link: LinkContext | null;
  chartWidth?: number;
}) {
  const table = gapsTable(gaps, link);
  const rows = table.rows.filter((row) => !row.total);
  return (
    <Section id={`${ID}-gaps`} title={R.gaps.title}>
      {rows.length ? (
        <ChartWithTable
          id={`${ID}-gaps-table`}
          table={table}
          chart={{ data: chartData(table, [0, 1]), stacked: true, horizontal: true, width: chartWidth, height: 120 + 36 * rows.length }}
        />
      ) : (
        <p>{R.gaps.none}</p>
      )}
    </Section>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="report-section flex flex-col gap-6">
      <h2 id={id} className="text-std-24B-150">
        {title}
      </h2>
      {children}
    </section>
  );
}
