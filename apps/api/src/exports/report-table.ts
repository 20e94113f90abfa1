// A report's figures as one long table (one row per figure) for its CSV and .xlsx export: whatever shape the report's
// GraphQL model has (apps/api/src/reports/models/), so the export follows the reports as they grow. The figures are the
// model's as ReportsService built it for the viewer: a suppressed count stays 「3未満」 or 「秘匿」, never its number.
// Pure: unit-tested.
import {
  DECLINE_REASON_LABELS,
  DESTINATION_LABELS,
  NEED_CATEGORY_LABELS,
  POLICY_PROPOSAL_STATUS_LABELS,
  REFERRAL_OUTCOME_LABELS,
  REFERRAL_STATUS_LABELS,
  REGIONAL_ISSUE_STATUS_LABELS,
  RETURN_REASON_LABELS,
  SUBCOMMITTEE_DECISION_LABELS,
  SUBJECT_KIND_LABELS,
} from '@tsunagu/domain';
import { ExportColumn, ExportHeaders } from './export-writer';

export interface ReportTableRow {
  /** Where the figure sits in the report, as field names: `byArea`, `overall.time`. */
  section: string;
  areaCode: string | null;
  areaName: string | null;
  category: string | null;
  month: string | null;
  /** Any other dimension of the figure (status, outcome, measure, reason, organisation ...), as `key=value`. */
  others: Array<[string, string]>;
  /** The figure's own field name: `count`, `medianHours`, `unmatched`. */
  item: string;
  /** The number, or the text a suppressed count shows (「3未満」, 「秘匿」), or a yes/no. */
  value: number | string | boolean | null;
}

/** Fields of a report model that describe the whole report, not a figure (the file name and the audit event carry them). */
const WHOLE_REPORT_FIELDS = new Set(['period', 'title', 'month']);

interface ReportCountLike {
  count: number | null;
  display: string;
  suppressed: boolean;
}

function isReportCount(value: unknown): value is ReportCountLike {
  return typeof value === 'object' && value !== null && 'display' in value && 'suppressed' in value && 'count' in value;
}

function isArea(value: unknown): value is { code: string; name: string } {
  return typeof value === 'object' && value !== null && Object.keys(value).sort().join() === 'code,name';
}

interface Dimensions {
  area: { code: string; name: string } | null;
  category: string | null;
  month: string | null;
  others: Array<[string, string]>;
}

/** Every figure of the report model, in the model's order. */
export function reportTable(model: object): ReportTableRow[] {
  const rows: ReportTableRow[] = [];
  const visit = (node: object, path: string[], dims: Dimensions) => {
    // The object's own dimensions first (an array element's area, category, month, status ...), then its figures.
    const own: Dimensions = { ...dims, others: [...dims.others] };
    for (const [key, value] of Object.entries(node)) {
      if (isArea(value)) own.area = value;
      else if (typeof value === 'string' && key === 'category') own.category = value;
      else if (typeof value === 'string' && key === 'month' && path.length > 0) own.month = value;
      else if (typeof value === 'string' && !(path.length === 0 && WHOLE_REPORT_FIELDS.has(key))) own.others.push([key, value]);
    }
    for (const [key, value] of Object.entries(node)) {
      if (path.length === 0 && WHOLE_REPORT_FIELDS.has(key)) continue;
      const figure = (item: string, v: ReportTableRow['value']) =>
        rows.push({
          section: path.join('.'),
          areaCode: own.area?.code ?? null,
          areaName: own.area?.name ?? null,
          category: own.category,
          month: own.month,
          others: own.others,
          item,
          value: v,
        });
      if (isReportCount(value)) figure(key, value.suppressed ? value.display : value.count);
      else if (typeof value === 'number' || typeof value === 'boolean') figure(key, value);
      else if (value === null && !/^(outcome|status|reason|category|month)$/.test(key)) figure(key, null);
      else if (Array.isArray(value)) {
        for (const item of value) if (typeof item === 'object' && item !== null) visit(item, [...path, key], own);
      } else if (typeof value === 'object' && value !== null && !isArea(value)) visit(value, [...path, key], own);
    }
  };
  visit(model, [], { area: null, category: null, month: null, others: [] });
  return rows;
}

/** Japanese words of the figures' field names (docs/REPORTS.md); a name not here is shown as it is. */
const ITEM_JA: Readonly<Record<string, string>> = {
  count: '件数',
  total: '合計',
  medianHours: '中央値（時間）',
  p90Hours: '90パーセンタイル（時間）',
  medianBusinessDays: '中央値（営業日）',
  p90BusinessDays: '90パーセンタイル（営業日）',
  unmatched: 'つなぎ先なし',
  escalated: '第1層へ',
  unmatchedTotal: 'つなぎ先なし（合計）',
  escalatedTotal: '第1層へ（合計）',
  partnersAccepting: '受付中の連携先',
  acceptingReferrals: '受付中',
  linkedToRegionalIssue: '地域課題に紐づけ',
  offers: '依頼',
  accepted: '受諾',
  declined: '辞退',
  expired: '期限切れ',
  completed: '完了',
  openNow: '対応中',
};

const VALUE_LABELS: ReadonlyArray<Readonly<Record<string, string>>> = [
  REFERRAL_STATUS_LABELS,
  REFERRAL_OUTCOME_LABELS,
  DECLINE_REASON_LABELS,
  RETURN_REASON_LABELS,
  SUBJECT_KIND_LABELS,
  DESTINATION_LABELS,
  REGIONAL_ISSUE_STATUS_LABELS,
  POLICY_PROPOSAL_STATUS_LABELS,
  SUBCOMMITTEE_DECISION_LABELS,
];

function valueJa(value: string): string {
  for (const labels of VALUE_LABELS) if (Object.prototype.hasOwnProperty.call(labels, value)) return labels[value];
  return value;
}

export function reportTableColumns(headers: ExportHeaders): ExportColumn<ReportTableRow>[] {
  const ja = headers === ExportHeaders.JAPANESE;
  return [
    { header: '表', code: 'section', value: (r) => r.section, width: 22 },
    { header: '圏域', code: 'areaCode', value: (r) => (ja ? r.areaName : r.areaCode), width: 12 },
    {
      header: '支援の種類',
      code: 'category',
      value: (r) => (r.category && ja ? (NEED_CATEGORY_LABELS[r.category as keyof typeof NEED_CATEGORY_LABELS] ?? r.category) : r.category),
      width: 14,
    },
    { header: '月', code: 'month', value: (r) => r.month, width: 9 },
    {
      header: '区分',
      code: 'dimensions',
      value: (r) => (ja ? r.others.map(([, v]) => valueJa(v)).join('・') : r.others.map(([k, v]) => `${k}=${v}`).join(';')) || null,
      width: 28,
    },
    { header: '項目', code: 'item', value: (r) => (ja ? (ITEM_JA[r.item] ?? r.item) : r.item), width: 18 },
    { header: '値', code: 'value', value: (r) => r.value, width: 10 },
  ];
}
