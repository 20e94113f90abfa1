// The per-hop breakdown's samples and its table (hops.ts measures them), without the stack's libraries: the report and
// the side-by-side comparison render it, and their unit tests load it.
export const HOP_KEYS = ['toServer', 'wftDispatch', 'wftRun', 'activityDispatch', 'activityRun', 'serverOther', 'toClient'] as const;
export type HopKey = (typeof HOP_KEYS)[number];

export interface HopSample {
  totalMs: number;
  workflowTasks: number;
  activities: number;
  /** Local activities (run by the worker inside a workflow task, so their time is part of "WFT on worker"). */
  localActivities: number;
  hops: Record<HopKey, number>;
}

export interface HopPath {
  label: string;
  samples: HopSample[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The per-hop table's columns after the path. */
export const HOP_COLUMNS = [
  'total ms',
  'client→Temporal',
  'WFTs',
  'WFT dispatch',
  'WFT on worker',
  'local activities',
  'activities',
  'activity dispatch',
  'activity run',
  'other server',
  'Temporal→client',
];

/** One path's medians, in the order of HOP_COLUMNS. */
export function hopCells(path: HopPath): string[] {
  const m = (pick: (s: HopSample) => number) => median(path.samples.map(pick)).toFixed(1);
  return [
    m((s) => s.totalMs),
    m((s) => s.hops.toServer),
    m((s) => s.workflowTasks),
    m((s) => s.hops.wftDispatch),
    m((s) => s.hops.wftRun),
    m((s) => s.localActivities),
    m((s) => s.activities),
    m((s) => s.hops.activityDispatch),
    m((s) => s.hops.activityRun),
    m((s) => s.hops.serverOther),
    m((s) => s.hops.toClient),
  ];
}

export function renderHops(paths: HopPath[]): string {
  const head = ['path', ...HOP_COLUMNS];
  const rows = paths.map((path) => [path.label, ...hopCells(path)]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
