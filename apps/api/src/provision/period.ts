import type { FieldProblem } from '../common/graphql-errors';

// The period an audit asks for: from (inclusive) to (exclusive), at most a (leap) year, so that a fiscal year
// (Apr 1 to Apr 1, Japan time) fits in one request and a typo cannot ask for decades. Pure: unit-tested.

export const MAX_PERIOD_DAYS = 366;

export function periodProblems(from: Date, to: Date): FieldProblem[] {
  if (to.getTime() <= from.getTime()) return [{ field: 'to', message: 'must be later than from' }];
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) {
    return [{ field: 'to', message: `must be at most ${MAX_PERIOD_DAYS} days after from` }];
  }
  return [];
}
