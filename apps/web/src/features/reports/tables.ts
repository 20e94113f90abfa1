// The 見える化 figures as tables: every chart draws from one of these, and the same table is shown under it, so the
// figures are there for a screen reader, a keyboard and the printout. Numbers are the api's own (its suppression
// included, docs/REPORTS.md "Small cells"); nothing here adds up suppressed counts. Pure.
import type {
  AnswerTimesFiguresFragment,
  GapsFiguresFragment,
  NeedCategory,
  NeedsFiguresFragment,
  OffersFiguresFragment,
  OutcomesFiguresFragment,
  PolicyTrackFiguresFragment,
  ReferralStatus,
  ReportsPageQuery,
} from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import { formatMonth, monthDays } from './period';

const R = ja.reports;

interface Count {
  count: number | null;
  display: string;
  suppressed: boolean;
}

export interface TableCell {
  text: string;
  /** The number to draw; null when suppressed or not a count. */
  value: number | null;
  suppressed: boolean;
  /** The referral list filtered to this cell (coordinators only). */
  href?: string;
}

export interface TableRow {
  key: string;
  header: string;
  cells: TableCell[];
  /** A total row, shown last and apart. */
  total?: boolean;
}

export interface Table {
  caption: string;
  rowHeader: string;
  columns: string[];
  rows: TableRow[];
}

/** What a cell's link filters the referral list by, besides the period's days. */
export interface ListFilter {
  area?: string;
  category?: NeedCategory;
  status?: ReferralStatus;
  from: string;
  to: string;
}

/** The coordinator home with its filters in the address (apps/web/src/features/home/filters.ts reads them). */
export function listHref(filter: ListFilter): string {
  const params = new URLSearchParams();
  if (filter.area) params.set('area', filter.area);
  if (filter.category) params.set('category', filter.category);
  if (filter.status) params.set('status', filter.status);
  params.set('from', filter.from);
  params.set('to', filter.to);
  return `/?${params.toString()}`;
}

/**
 * Where a table may link: the period's days, the page's own filters (each cell narrows them further), and whether
 * the viewer has a referral list at all (coordinators; null for the others).
 */
export interface LinkContext {
  from: string;
  to: string;
  area?: string;
  category?: NeedCategory;
}

export function countCell(count: Count, link?: LinkContext | null, narrow: Partial<ListFilter> = {}): TableCell {
  const cell: TableCell = { text: count.display, value: count.count, suppressed: count.suppressed };
  // Nothing to list behind a 0; a link to the list is only for viewers who have one.
  if (link && count.count !== 0) cell.href = listHref({ ...link, ...narrow });
  return cell;
}

function plainCell(text: string): TableCell {
  return { text, value: null, suppressed: false };
}

const ZERO: Count = { count: 0, display: '0', suppressed: false };

function categoriesOf(needs: NeedsFiguresFragment): NeedCategory[] {
  return needs.byCategory.map((entry) => entry.category);
}

/**
 * Needs by area × category over the whole period. One month: the api's cells as they are. Several months: the cells'
 * sum over the months, but only when none of them is suppressed; otherwise null (the table is withheld), because a
 * sum over suppressed cells beside the api's area and category totals could give a suppressed count away.
 */
export function needsMatrix(needs: NeedsFiguresFragment, link: LinkContext | null): Table | null {
  const categories = categoriesOf(needs);
  const single = needs.period.months.length === 1;
  if (!single && needs.cells.some((cell) => cell.count.suppressed)) return null;
  const cellCount = (area: string, category: NeedCategory): Count => {
    const matching = needs.cells.filter((cell) => cell.area.code === area && cell.category === category);
    if (single) return matching[0]?.count ?? ZERO;
    const sum = matching.reduce((total, cell) => total + (cell.count.count ?? 0), 0);
    return { count: sum, display: sum.toLocaleString('ja-JP'), suppressed: false };
  };
  const rows: TableRow[] = needs.byArea.map(({ area, count }) => ({
    key: area.code,
    header: area.name,
    cells: [
      ...categories.map((category) => countCell(cellCount(area.code, category), link, { area: area.code, category })),
      countCell(count, link, { area: area.code }),
    ],
  }));
  rows.push({
    key: 'total',
    header: R.total,
    total: true,
    cells: [...needs.byCategory.map(({ category, count }) => countCell(count, link, { category })), countCell(needs.total, link)],
  });
  return {
    caption: R.needs.byAreaCategory,
    rowHeader: R.needs.area,
    columns: [...categories.map((category) => ja.enums.category[category]), R.total],
    rows,
  };
}

function oneColumn(caption: string, rowHeader: string, rows: TableRow[], total?: { count: Count; link: LinkContext | null }): Table {
  if (total) rows = [...rows, { key: 'total', header: R.total, total: true, cells: [countCell(total.count, total.link)] }];
  return { caption, rowHeader, columns: [R.count], rows };
}

/** The days of a month that fall in the period (the period may start or end inside the month). */
function monthWithin(month: string, link: LinkContext): { from: string; to: string } {
  const days = monthDays(month);
  return { from: days.from < link.from ? link.from : days.from, to: days.to > link.to ? link.to : days.to };
}

export function needsByMonth(needs: NeedsFiguresFragment, link: LinkContext | null): Table {
  const rows = needs.byMonth.map(({ month, count }) => ({
    key: month,
    header: formatMonth(month),
    cells: [countCell(count, link, link ? monthWithin(month, link) : {})],
  }));
  return oneColumn(R.needs.byMonth, R.needs.month, rows, { count: needs.total, link });
}

export function needsByArea(needs: NeedsFiguresFragment, link: LinkContext | null): Table {
  const rows = needs.byArea.map(({ area, count }) => ({ key: area.code, header: area.name, cells: [countCell(count, link, { area: area.code })] }));
  return oneColumn(R.needs.byArea, R.needs.area, rows, { count: needs.total, link });
}

export function needsByCategory(needs: NeedsFiguresFragment, link: LinkContext | null): Table {
  const rows = needs.byCategory.map(({ category, count }) => ({
    key: category,
    header: ja.enums.category[category],
    cells: [countCell(count, link, { category })],
  }));
  return oneColumn(R.needs.byCategory, R.needs.category, rows, { count: needs.total, link });
}

/** The home cannot filter by subject kind: no links here. */
export function needsBySubjectKind(needs: NeedsFiguresFragment): Table {
  const rows = needs.bySubjectKind.map(({ subjectKind, count }) => ({
    key: subjectKind,
    header: ja.enums.subjectKind[subjectKind],
    cells: [countCell(count)],
  }));
  return oneColumn(R.needs.bySubjectKind, R.needs.subjectKind, rows, { count: needs.total, link: null });
}

/** Rows in the order of the status list (open ones first as the workflow goes, then the closed). */
export function outcomesTable(outcomes: OutcomesFiguresFragment, link: LinkContext | null): Table {
  const statusOrder = Object.keys(ja.enums.status);
  const outcomeOrder = Object.keys(ja.labels.outcome);
  const results = [...outcomes.byResult].sort(
    (a, b) =>
      statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) || outcomeOrder.indexOf(a.outcome ?? '') - outcomeOrder.indexOf(b.outcome ?? ''),
  );
  const rows: TableRow[] = results.map(({ status, outcome, count }) => ({
    key: `${status}:${outcome ?? ''}`,
    header: outcome ? R.outcomes.completedWith(ja.labels.outcome[outcome]) : ja.enums.status[status],
    // The list filters by status, not by outcome: a completed need's cell links to every completed one, so only
    // the rows the list can show exactly link.
    cells: [countCell(count, outcome ? null : link, { status })],
  }));
  rows.push({ key: 'total', header: R.total, total: true, cells: [countCell(outcomes.total, link)] });
  if (outcomes.escalated) rows.push({ key: 'escalated', header: R.outcomes.escalated, cells: [countCell(outcomes.escalated)] });
  if (outcomes.linkedToRegionalIssue) rows.push({ key: 'linked', header: R.outcomes.linked, cells: [countCell(outcomes.linkedToRegionalIssue)] });
  return { caption: R.outcomes.caption, rowHeader: R.outcomes.result, columns: [R.count], rows };
}

const hours = (value: number | null) => (value === null ? R.noValue : R.hours(value));
const days = (value: number | null) => (value === null ? R.noValue : R.businessDays(value));

export function answerTimesTable(times: AnswerTimesFiguresFragment): Table {
  const A = R.answerTimes;
  return {
    caption: A.caption,
    rowHeader: A.measure,
    columns: [A.count, A.medianHours, A.p90Hours, A.medianDays, A.p90Days],
    rows: times.overall.map(({ measure, time }) => ({
      key: measure,
      header: A.measures[measure],
      cells: [
        countCell(time.count),
        { ...plainCell(hours(time.medianHours)), value: time.medianHours },
        { ...plainCell(hours(time.p90Hours)), value: time.p90Hours },
        { ...plainCell(days(time.medianBusinessDays)), value: time.medianBusinessDays },
        { ...plainCell(days(time.p90BusinessDays)), value: time.p90BusinessDays },
      ],
    })),
  };
}

export function offersTable(offers: OffersFiguresFragment): Table {
  const O = R.offers;
  const row = (key: string, header: string, count: Count, total = false): TableRow => ({ key, header, cells: [countCell(count)], total });
  return {
    caption: O.caption,
    rowHeader: O.ending,
    columns: [R.count],
    rows: [
      row('accepted', O.accepted, offers.accepted),
      row('declined', O.declined, offers.declined),
      ...offers.declinedByReason.map(({ reason, count }) => row(`declined:${reason}`, O.declinedFor(ja.labels.declineReason[reason]), count)),
      row('expired', O.expired, offers.expired),
      row('other', O.other, offers.other),
      row('open', O.open, offers.open),
      row('offers', O.offers, offers.offers, true),
    ],
  };
}

export function triedBeforeTable(offers: OffersFiguresFragment): Table {
  const O = R.offers;
  return {
    caption: O.triedCaption,
    rowHeader: O.tried,
    columns: [R.count],
    rows: offers.triedBeforeAcceptance.map(({ tried, count }) => ({ key: tried, header: O.triedValue(tried), cells: [countCell(count)] })),
  };
}

/**
 * The area × category combinations where the city lacks resources: needs that found no partner or went to tier-1, or
 * no partner accepting referrals now; beside them the partners there are. All the others are quiet and left out.
 */
export function gapsTable(gaps: GapsFiguresFragment, link: LinkContext | null): Table {
  const G = R.gaps;
  const rows: TableRow[] = gaps.cells
    .filter((cell) => cell.unmatched.count !== 0 || cell.escalated.count !== 0 || cell.partnersAccepting === 0)
    .map((cell) => {
      const narrow = { area: cell.area.code, category: cell.category };
      return {
        key: `${cell.area.code}:${cell.category}`,
        header: G.placeLabel(cell.area.name, ja.enums.category[cell.category]),
        cells: [
          countCell(cell.unmatched, link, narrow),
          countCell(cell.escalated, link, narrow),
          { ...plainCell(cell.partners.length.toLocaleString('ja-JP')), value: cell.partners.length },
          { ...plainCell(cell.partnersAccepting.toLocaleString('ja-JP')), value: cell.partnersAccepting },
        ],
      };
    });
  rows.push({
    key: 'total',
    header: R.total,
    total: true,
    cells: [countCell(gaps.unmatchedTotal), countCell(gaps.escalatedTotal), plainCell(''), plainCell('')],
  });
  return { caption: G.caption, rowHeader: G.place, columns: [G.unmatched, G.escalated, G.partners, G.accepting], rows };
}

type PartnerLoad = NonNullable<ReportsPageQuery['partnerLoadReport']>['partners'][number];

export function partnerLoadTable(partners: PartnerLoad[]): Table {
  const P = R.partnerLoad;
  const number = (value: number) => ({ ...plainCell(value.toLocaleString('ja-JP')), value });
  return {
    caption: P.caption,
    rowHeader: P.organization,
    columns: [P.offers, P.accepted, P.declined, P.expired, P.completed, P.openNow, P.answerMedian, P.answerP90],
    rows: partners.map((partner) => ({
      key: partner.organizationId,
      header: partner.organizationName,
      cells: [
        number(partner.offers),
        number(partner.accepted),
        number(partner.declined),
        number(partner.expired),
        number(partner.completed),
        number(partner.openNow),
        plainCell(hours(partner.answerMedianHours)),
        plainCell(hours(partner.answerP90Hours)),
      ],
    })),
  };
}

export function policyTable(policy: PolicyTrackFiguresFragment): Table {
  const P = R.policy;
  const row = (key: string, header: string, count: Count): TableRow => ({ key, header, cells: [countCell(count)] });
  return {
    caption: P.caption,
    rowHeader: P.item,
    columns: [R.count],
    rows: [
      ...policy.issuesByStatus.map(({ status, count }) => row(`issues:${status}`, P.issuesCreated(P.issueStatusLabel[status]), count)),
      row('proposals', P.proposals, policy.proposalsSubmitted),
      ...policy.decisions.map(({ decision, count }) => row(`decision:${decision}`, P.decision(P.decisionLabel[decision]), count)),
      row('actionsDone', P.actionsDone, policy.actionsDone),
      row('actionsOverdue', P.actionsOverdue, policy.actionsOverdue),
    ],
  };
}

export function issuesTable(policy: PolicyTrackFiguresFragment): Table {
  const P = R.policy;
  return {
    caption: P.issuesCaption,
    rowHeader: P.issue,
    columns: [P.issueStatus, P.needs],
    rows: policy.issues.map((issue) => ({
      key: issue.issueId,
      header: issue.title,
      cells: [plainCell(P.issueStatusLabel[issue.status]), countCell(issue.needs)],
    })),
  };
}

/** The monthly report's short table per area: needs received beside the needs that found no partner or went up. */
export function areaSummaryTable(needs: NeedsFiguresFragment, gaps: GapsFiguresFragment): Table {
  const M = R.monthly;
  // The gaps come by area × category; their sum per area is ours. When any cell of a column is suppressed, the whole
  // column is withheld by area (「秘匿」): one withheld area beside the api's total would give its sum away.
  const byArea = (pick: (cell: GapsFiguresFragment['cells'][number]) => Count) => {
    const withheld = gaps.cells.some((cell) => pick(cell).suppressed);
    return (area: string): Count => {
      if (withheld) return { count: null, display: R.withheld, suppressed: true };
      const sum = gaps.cells.filter((cell) => cell.area.code === area).reduce((total, cell) => total + (pick(cell).count ?? 0), 0);
      return { count: sum, display: sum.toLocaleString('ja-JP'), suppressed: false };
    };
  };
  const unmatched = byArea((cell) => cell.unmatched);
  const escalated = byArea((cell) => cell.escalated);
  return {
    caption: M.areaCaption,
    rowHeader: R.needs.area,
    columns: [M.areaNeeds, R.gaps.unmatched, R.gaps.escalated],
    rows: [
      ...needs.byArea.map(({ area, count }) => ({
        key: area.code,
        header: area.name,
        cells: [countCell(count), countCell(unmatched(area.code)), countCell(escalated(area.code))],
      })),
      { key: 'total', header: R.total, total: true, cells: [countCell(needs.total), countCell(gaps.unmatchedTotal), countCell(gaps.escalatedTotal)] },
    ],
  };
}

/** A chart's data from a table: the rows (total rows left out) as the axis, chosen columns as the series. */
export interface ChartData {
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  /** Per series, per label: where a click goes (undefined: nowhere). */
  hrefs: Array<Array<string | undefined>>;
}

export function chartData(table: Table, columns: number[] = [0]): ChartData {
  const rows = table.rows.filter((row) => !row.total);
  return {
    labels: rows.map((row) => row.header),
    series: columns.map((column) => ({ name: table.columns[column], values: rows.map((row) => row.cells[column].value) })),
    hrefs: columns.map((column) => rows.map((row) => row.cells[column].href)),
  };
}
