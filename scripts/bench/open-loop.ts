// Open-loop arrivals: requests go out on a fixed schedule whether or not earlier ones have answered, and each latency is
// measured from the time the request was *due*, not from when it was actually sent. A slow system (or a busy event
// loop here) therefore shows up as latency instead of quietly lowering the arrival rate (coordinated omission).
import { performance } from 'node:perf_hooks';
import { build, Histogram } from 'hdr-histogram-js';

/** Latencies are recorded in microseconds, 3 significant digits, up to 10 minutes. */
export function newHistogram(): Histogram {
  return build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
}

export interface WindowOutcome {
  /** Requests due in the window. */
  sent: number;
  ok: number;
  /** Failed, plus those still unanswered when the drain timed out. */
  errors: number;
  /** The first few error messages, for the report. */
  errorSamples: string[];
  /** From the first due time to the last answer (or the drain timeout). */
  elapsedMs: number;
}

/**
 * Sends `rate` requests per second for `durationMs` (evenly spaced), records each success's latency from its due time
 * into `histogram`, then waits up to `drainTimeoutMs` for the stragglers.
 */
export async function runOpenLoop(
  rate: number,
  durationMs: number,
  send: (index: number) => Promise<unknown>,
  histogram: Histogram,
  drainTimeoutMs: number,
): Promise<WindowOutcome> {
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const interval = 1000 / rate;
  const outcome: WindowOutcome = { sent: 0, ok: 0, errors: 0, errorSamples: [], elapsedMs: 0 };
  const pending = new Set<Promise<void>>();
  let closed = false;
  const start = performance.now() + 5;

  for (let index = 0; index < total; index++) {
    const due = start + index * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await sleep(wait);
    outcome.sent += 1;
    const request: Promise<void> = Promise.resolve()
      .then(() => send(index))
      .then(
        () => {
          if (closed) return;
          outcome.ok += 1;
          histogram.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)));
        },
        (error: unknown) => {
          if (closed) return;
          outcome.errors += 1;
          if (outcome.errorSamples.length < 3) outcome.errorSamples.push(describe(error));
        },
      )
      .finally(() => pending.delete(request));
    pending.add(request);
  }

  const drained = await Promise.race([Promise.all([...pending]).then(() => true), sleep(drainTimeoutMs).then(() => false)]);
  closed = true;
  if (!drained) {
    outcome.errors += pending.size;
    outcome.errorSamples.push(`${pending.size} still unanswered ${drainTimeoutMs / 1000} s after the window`);
  }
  outcome.elapsedMs = performance.now() - start;
  return outcome;
}

/** Runs `fn` over `items` with at most `concurrency` at a time; resolves with the results in order. */
export async function mapLimit<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return (error.message + (cause instanceof Error ? ` (${cause.message})` : '')).slice(0, 300);
  }
  return String(error).slice(0, 300);
}
