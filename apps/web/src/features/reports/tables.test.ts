// The reports' tables: the api's figures as they are (suppressed ones shown as 「3未満」/「秘匿」, never added up), the
// links to the referral list filtered to each cell, and the charts' data drawn from the same tables.
import { describe, expect, it } from 'vitest';
import type { GapsFiguresFragment, NeedsFiguresFragment, OutcomesFiguresFragment } from '../../shared/graphql/generated/graphql';
import { areaSummaryTable, chartData, gapsTable, listHref, needsByMonth, needsMatrix, outcomesTable } from './tables';

const n = (count: number) => ({ count, display: String(count), suppressed: false });
const under3 = { count: null, display: '3未満', suppressed: true };
const withheld = { count: null, display: '秘匿', suppressed: true };
const NORTH = { code: 'N', name: '北部' };
const SOUTH = { code: 'S', name: '南部' };

function needs(
  months: string[],
  cells: NeedsFiguresFragment['cells'],
  byArea: [number | typeof under3, number | typeof under3],
): NeedsFiguresFragment {
  const count = (value: number | typeof under3) => (typeof value === 'number' ? n(value) : value);
  return {
    period: { from: `${months[0]}-01`, to: `${months.at(-1)}-${months.at(-1) === '2026-11' ? '30' : '31'}`, months },
    total: n(10),
    cells,
    byArea: [
      { area: NORTH, count: count(byArea[0]) },
      { area: SOUTH, count: count(byArea[1]) },
    ],
    byCategory: [
      { category: 'TRANSPORT', count: n(6) },
      { category: 'SHOPPING', count: n(4) },
    ],
    byMonth: months.map((month) => ({ month, count: n(10 / months.length) })),
    bySubjectKind: [
      { subjectKind: 'PERSON', count: n(7) },
      { subjectKind: 'AREA', count: n(3) },
    ],
  };
}

const LINK = { from: '2026-11-01', to: '2026-12-31' };

describe('the needs by area × category', () => {
  it('adds the months up when nothing is suppressed, with the api’s totals and a link per cell', () => {
    const table = needsMatrix(
      needs(
        ['2026-11', '2026-12'],
        [
          { area: NORTH, category: 'TRANSPORT', month: '2026-11', count: n(3) },
          { area: NORTH, category: 'TRANSPORT', month: '2026-12', count: n(2) },
          { area: SOUTH, category: 'SHOPPING', month: '2026-12', count: n(5) },
        ],
        [5, 5],
      ),
      LINK,
    )!;
    expect(table.columns).toEqual(['移動支援', '買い物支援', '合計']);
    expect(table.rows.map((row) => [row.header, ...row.cells.map((cell) => cell.text)])).toEqual([
      ['北部', '5', '0', '5'],
      ['南部', '0', '5', '5'],
      ['合計', '6', '4', '10'],
    ]);
    expect(table.rows[0].cells[0].href).toBe('/?area=N&category=TRANSPORT&from=2026-11-01&to=2026-12-31');
    expect(table.rows[0].cells[1].href).toBeUndefined(); // nothing behind a 0
    expect(table.rows[2].cells[2].href).toBe('/?from=2026-11-01&to=2026-12-31');
  });

  it('shows one month’s cells as the api suppressed them, 「3未満」 included', () => {
    const table = needsMatrix(
      needs(
        ['2026-12'],
        [
          { area: NORTH, category: 'TRANSPORT', month: '2026-12', count: under3 },
          { area: SOUTH, category: 'SHOPPING', month: '2026-12', count: n(8) },
        ],
        [under3, 8],
      ),
      null,
    )!;
    expect(table.rows[0].cells.map((cell) => cell.text)).toEqual(['3未満', '0', '3未満']);
    expect(table.rows[0].cells[0]).toMatchObject({ value: null, suppressed: true });
    expect(table.rows[0].cells[0].href).toBeUndefined(); // no list for this viewer
  });

  it('is withheld over several months when a cell is suppressed: its sum could give the suppressed count away', () => {
    const report = needs(
      ['2026-11', '2026-12'],
      [
        { area: NORTH, category: 'TRANSPORT', month: '2026-11', count: under3 },
        { area: NORTH, category: 'TRANSPORT', month: '2026-12', count: n(4) },
      ],
      [withheld, 5],
    );
    expect(needsMatrix(report, LINK)).toBeNull();
  });
});

describe('the needs by month', () => {
  it('links each month to its days within the period, and the total to the whole period', () => {
    const table = needsByMonth(
      { ...needs(['2026-11', '2026-12'], [], [5, 5]), period: { from: '2026-11-15', to: '2026-12-31', months: ['2026-11', '2026-12'] } },
      {
        from: '2026-11-15',
        to: '2026-12-31',
        area: 'N',
      },
    );
    expect(table.rows.map((row) => row.header)).toEqual(['令和8年11月 (2026年11月)', '令和8年12月 (2026年12月)', '合計']);
    expect(table.rows[0].cells[0].href).toBe('/?area=N&from=2026-11-15&to=2026-11-30');
    expect(table.rows[1].cells[0].href).toBe('/?area=N&from=2026-12-01&to=2026-12-31');
    expect(table.rows[2].cells[0].href).toBe('/?area=N&from=2026-11-15&to=2026-12-31');
  });
});

describe('the outcomes', () => {
  it('name a completed need by its outcome and link only the rows the list can show exactly (by status)', () => {
    const outcomes: OutcomesFiguresFragment = {
      total: n(6),
      byResult: [
        { status: 'COMPLETED', outcome: 'RESOLVED', count: n(2) },
        { status: 'UNMATCHED', outcome: null, count: n(3) },
        { status: 'WITHDRAWN', outcome: null, count: under3 },
      ],
      escalated: n(1),
      linkedToRegionalIssue: n(0),
    };
    const table = outcomesTable(outcomes, LINK);
    expect(table.rows.map((row) => [row.header, row.cells[0].text])).toEqual([
      ['完了（解決）', '2'],
      ['つなぎ先なし', '3'],
      ['取下げ', '3未満'],
      ['合計', '6'],
      ['第1層へ引継ぎ（一度でも）', '1'],
      ['地域課題に追加されたもの', '0'],
    ]);
    expect(table.rows[0].cells[0].href).toBeUndefined();
    expect(table.rows[1].cells[0].href).toBe('/?status=UNMATCHED&from=2026-11-01&to=2026-12-31');
  });
});

const partner = (accepting: boolean) => ({ id: accepting ? 'p1' : 'p2', name: accepting ? 'NPO' : 'シルバー', acceptingReferrals: accepting });

describe('needs beside resources', () => {
  const gaps: GapsFiguresFragment = {
    unmatchedTotal: n(4),
    escalatedTotal: withheld,
    cells: [
      { area: NORTH, category: 'TRANSPORT', unmatched: n(4), escalated: under3, partnersAccepting: 1, partners: [partner(true), partner(false)] },
      { area: NORTH, category: 'SHOPPING', unmatched: n(0), escalated: n(0), partnersAccepting: 1, partners: [partner(true)] },
      { area: SOUTH, category: 'TRANSPORT', unmatched: n(0), escalated: n(0), partnersAccepting: 0, partners: [partner(false)] },
    ],
  };

  it('lists the combinations with unmet needs or no partner accepting now, with the partners there are', () => {
    const table = gapsTable(gaps, LINK);
    expect(table.rows.map((row) => [row.header, ...row.cells.map((cell) => cell.text)])).toEqual([
      ['北部・移動支援', '4', '3未満', '2', '1'],
      ['南部・移動支援', '0', '0', '1', '0'],
      ['合計', '4', '秘匿', '', ''],
    ]);
    expect(chartData(table, [0, 1])).toEqual({
      labels: ['北部・移動支援', '南部・移動支援'],
      series: [
        { name: 'つなぎ先なし', values: [4, 0] },
        { name: '第1層へ引継ぎ', values: [null, 0] },
      ],
      hrefs: [
        ['/?area=N&category=TRANSPORT&from=2026-11-01&to=2026-12-31', undefined],
        ['/?area=N&category=TRANSPORT&from=2026-11-01&to=2026-12-31', undefined],
      ],
    });
  });

  it('in the monthly report’s area table, withholds a whole column by area when a cell of it is suppressed', () => {
    const table = areaSummaryTable(needs(['2026-12'], [], [7, 3]), gaps);
    expect(table.rows.map((row) => [row.header, ...row.cells.map((cell) => cell.text)])).toEqual([
      ['北部', '7', '4', '秘匿'],
      ['南部', '3', '0', '秘匿'],
      ['合計', '10', '4', '秘匿'],
    ]);
  });
});

describe('the list link', () => {
  it('uses the home’s own parameters', () => {
    expect(listHref({ area: 'N', category: 'TRANSPORT', status: 'OFFERED', from: '2026-12-01', to: '2026-12-31' })).toBe(
      '/?area=N&category=TRANSPORT&status=OFFERED&from=2026-12-01&to=2026-12-31',
    );
  });
});
