import { businessDaysBetween } from '@tsunagu/domain';

// Median and 90th percentile of durations, in hours and business days (docs/REPORTS.md, "answerTimesReport"). Pure.

export interface Span {
  from: Date;
  to: Date;
}

export interface DurationFigures {
  medianHours: number | null;
  p90Hours: number | null;
  medianBusinessDays: number | null;
  p90BusinessDays: number | null;
}

/** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks; null for no values. */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

export function durationFigures(spans: readonly Span[]): DurationFigures {
  const hours = spans.map((s) => (s.to.getTime() - s.from.getTime()) / 3_600_000);
  const days = spans.map((s) => businessDaysBetween(s.from, s.to));
  return {
    medianHours: round2(percentileCont(hours, 0.5)),
    p90Hours: round2(percentileCont(hours, 0.9)),
    medianBusinessDays: round2(percentileCont(days, 0.5)),
    p90BusinessDays: round2(percentileCont(days, 0.9)),
  };
}

export const NO_DURATIONS: DurationFigures = { medianHours: null, p90Hours: null, medianBusinessDays: null, p90BusinessDays: null };
