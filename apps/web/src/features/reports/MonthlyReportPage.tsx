// 月次報告: one month's figures as a print-ready A4 handout for the liaison meeting of tier-1 and tier-2 coordinators,
// titled in 和暦 (令和8年12月分). On paper: no header or menu, each section on its own page (styles.css, @media print);
// charts at a fixed width that fits A4. The api suppresses the month's figures together (docs/REPORTS.md).
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSessionEndedBy } from '../auth/session';
import { formatJstDate } from '../../shared/dates/format';
import type { MonthlyReportQuery } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { MonthlyReportDocument } from './documents';
import { addMonths, currentJstMonth, isMonth, monthlyTitle } from './period';
import { ChartWithTable, ReportTable } from './ReportTable';
import { GapsSection, Section } from './ReportsPage';
import {
  answerTimesTable,
  areaSummaryTable,
  chartData,
  issuesTable,
  needsByCategory,
  needsBySubjectKind,
  offersTable,
  outcomesTable,
  policyTable,
} from './tables';

const M = ja.reports.monthly;
const R = ja.reports;
const ID = 'monthly';
/** 180 mm of A4 between 15 mm margins, at the 96 px per inch of print. */
const PRINT_WIDTH = 640;

export function MonthlyReportPage() {
  const { month = '' } = useParams();
  const valid = isMonth(month);
  usePageTitle(M.title(valid ? monthlyTitle(month) : month));
  const [{ data, error }] = useQuery({ query: MonthlyReportDocument, variables: { month }, pause: !valid });
  useSessionEndedBy(error);

  if (!valid) return <p role="alert">{M.invalidMonth}</p>;
  const report = data?.monthlyReport;
  return (
    <article className="monthly-report flex flex-col gap-8">
      <nav aria-label={M.heading} className="flex flex-wrap items-center gap-4 print:hidden">
        <Button onClick={() => window.print()}>{M.print}</Button>
        <Link to={`/reports/monthly/${addMonths(month, -1)}`} className="text-blue-1000 underline">
          {M.previous}
        </Link>
        {month < currentJstMonth() && (
          <Link to={`/reports/monthly/${addMonths(month, 1)}`} className="text-blue-1000 underline">
            {M.next}
          </Link>
        )}
        <Link to={`/reports?from=${month}&to=${month}`} className="text-blue-1000 underline">
          {M.back}
        </Link>
      </nav>
      <header className="flex flex-col gap-2">
        <p className="text-std-18B-160">{M.heading}</p>
        <h1 className="text-std-32B-150">{report?.title ?? monthlyTitle(month)}</h1>
        <p className="text-solid-gray-700">{M.generatedAt(formatJstDate(new Date()))}</p>
        <p className="text-dns-14N-130 text-solid-gray-700">{R.suppressionNote}</p>
      </header>
      {error && !report && <p role="alert">{ja.errors.loadFailed}</p>}
      {!report && !error && <p role="status">{ja.app.loading}</p>}
      {report && <MonthlyFigures report={report} />}
    </article>
  );
}

function MonthlyFigures({ report }: { report: MonthlyReportQuery['monthlyReport'] }) {
  const areas = areaSummaryTable(report.needs, report.gaps);
  const outcomes = outcomesTable(report.outcomes, null);
  const categories = needsByCategory(report.needs, null);
  return (
    <>
      <Section id={`${ID}-summary`} title={M.summary}>
        <ChartWithTable
          id={`${ID}-categories`}
          table={categories}
          chart={{ data: chartData(categories), horizontal: true, width: PRINT_WIDTH, height: 300 }}
        />
        <ReportTable id={`${ID}-subject`} table={needsBySubjectKind(report.needs)} />
        <ReportTable id={`${ID}-answer-times`} table={answerTimesTable(report.answerTimes)} />
      </Section>
      <Section id={`${ID}-areas`} title={M.areasTitle}>
        <ChartWithTable
          id={`${ID}-areas-table`}
          table={areas}
          chart={{ data: chartData(areas), horizontal: true, width: PRINT_WIDTH, height: 120 + 36 * (areas.rows.length - 1) }}
        />
      </Section>
      <Section id={`${ID}-outcomes`} title={R.outcomes.title}>
        <ReportTable id={`${ID}-outcomes-table`} table={outcomes} />
        <ReportTable id={`${ID}-offers-table`} table={offersTable(report.offers)} />
        <p>{R.offers.shareAccepted(report.offers.shareAccepted === null ? R.noValue : R.percent(report.offers.shareAccepted))}</p>
      </Section>
      <GapsSection gaps={report.gaps} link={null} chartWidth={PRINT_WIDTH} />
      <Section id={`${ID}-policy`} title={R.policy.title}>
        <ReportTable id={`${ID}-policy-table`} table={policyTable(report.policyTrack)} />
        {report.policyTrack.issues.length ? <ReportTable id={`${ID}-issues`} table={issuesTable(report.policyTrack)} /> : <p>{R.policy.noIssues}</p>}
      </Section>
    </>
  );
}
