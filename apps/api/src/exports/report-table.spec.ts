import { ExportHeaders } from './export-writer';
import { reportTable, reportTableColumns } from './report-table';

const count = (n: number) => ({ count: n, display: String(n), suppressed: false });
const hidden = (display: string) => ({ count: null, display, suppressed: true });
const area = { code: 'KAWANISHI', name: '川西' };

describe('reportTable', () => {
  it('gives one row per figure with its dimensions; a suppressed count keeps its text, never a number', () => {
    const rows = reportTable({
      period: { from: '2026-11-01', to: '2026-11-30', months: ['2026-11'] },
      cells: [
        { area, category: 'TRANSPORT', month: '2026-11', count: count(12) },
        { area, category: 'SHOPPING', month: '2026-11', count: hidden('3未満') },
      ],
      byResult: [{ status: 'COMPLETED', outcome: 'RESOLVED', count: hidden('秘匿') }],
      escalated: null,
      total: count(14),
    });
    expect(rows).toEqual([
      { section: 'cells', areaCode: 'KAWANISHI', areaName: '川西', category: 'TRANSPORT', month: '2026-11', others: [], item: 'count', value: 12 },
      {
        section: 'cells',
        areaCode: 'KAWANISHI',
        areaName: '川西',
        category: 'SHOPPING',
        month: '2026-11',
        others: [],
        item: 'count',
        value: '3未満',
      },
      {
        section: 'byResult',
        areaCode: null,
        areaName: null,
        category: null,
        month: null,
        others: [
          ['status', 'COMPLETED'],
          ['outcome', 'RESOLVED'],
        ],
        item: 'count',
        value: '秘匿',
      },
      { section: '', areaCode: null, areaName: null, category: null, month: null, others: [], item: 'escalated', value: null },
      { section: '', areaCode: null, areaName: null, category: null, month: null, others: [], item: 'total', value: 14 },
    ]);
  });

  it('walks nested figures (durations per measure and area, partners beside a gap) and names them in Japanese', () => {
    const rows = reportTable({
      byArea: [{ area, measures: [{ measure: 'FIRST_ANSWER', time: { count: count(5), medianHours: 3.5, p90Hours: null } }] }],
      cells: [{ area, category: 'TRANSPORT', unmatched: count(4), partners: [{ id: 'p1', name: 'NPO', acceptingReferrals: true }] }],
    });
    const columns = reportTableColumns(ExportHeaders.JAPANESE);
    const cells = rows.map((row) => columns.map((c) => c.value(row)));
    expect(cells).toEqual([
      ['byArea.measures.time', '川西', null, null, 'FIRST_ANSWER', '件数', 5],
      ['byArea.measures.time', '川西', null, null, 'FIRST_ANSWER', '中央値（時間）', 3.5],
      ['byArea.measures.time', '川西', null, null, 'FIRST_ANSWER', '90パーセンタイル（時間）', null],
      ['cells', '川西', '移動支援', null, null, 'つなぎ先なし', 4],
      ['cells.partners', '川西', '移動支援', null, 'p1・NPO', '受付中', true],
    ]);
    const codes = reportTableColumns(ExportHeaders.CODES);
    expect(codes.map((c) => c.code)).toEqual(['section', 'areaCode', 'category', 'month', 'dimensions', 'item', 'value']);
    expect(codes.map((c) => c.value(rows[4]))).toEqual([
      'cells.partners',
      'KAWANISHI',
      'TRANSPORT',
      null,
      'id=p1;name=NPO',
      'acceptingReferrals',
      true,
    ]);
  });
});
