// bench:mail's interleaved comparison (`--interleave <n>`): moves with and without mail mixed second by second in the
// same blocks, instead of in alternate blocks of their own. The blocks' comparison is at the mercy of the machine's
// swings from one block to the next (its A/A differs by up to 19% at the median); here both kinds of move share each
// second of the machine. The mail's recipients' choice for the one kind the move causes (A3: the partners' OFFER, A5:
// the coordinator's ACCEPTED) is switched between at once and off every `toggleMs`; each move is then classed by what
// it wrote: an outbox row for its referral (with mail) or none (without). docs/BENCHMARKS.md, "Mail".
import { performance } from 'node:perf_hooks';
import type { GraphQLSession } from '@tsunagu/testing';
import { HopSample, renderHops, splitTimedMoves, TimedMove } from './hops';
import { newHistogram, runOpenLoop, sleep } from './open-loop';
import type { BenchContext, Scenario } from './scenarios';

type Mode = 'with' | 'without';

export interface InterleavedPlan {
  ctx: BenchContext;
  id: 'A3' | 'A5';
  scenario: Scenario;
  /** The notification kind the move causes, and whose choice is switched. */
  kind: 'OFFER' | 'ACCEPTED';
  recipients: GraphQLSession[];
  total: number;
  rate: number;
  block: number;
  toggleMs: number;
  /** Waits until the previous block's mails are sent and the stack is idle. */
  settle: () => Promise<unknown>;
  log: (line: string) => void;
}

export interface InterleavedResult {
  id: 'A3' | 'A5';
  /** Milliseconds from sending to the answer, per mode. */
  latency: Record<Mode, number[]>;
  hops: Record<Mode, HopSample[]>;
  switches: number;
  failed: number;
}

/** The recipients' choice for one kind: at once (with) or off (without), as a person sets it in the console. */
export async function setDelivery(recipients: GraphQLSession[], kind: string, mode: Mode): Promise<void> {
  for (const session of recipients) {
    const response = await session.send(
      `mutation P($kind: NotificationKind!, $delivery: NotificationDelivery!) { setNotificationPreference(kind: $kind, delivery: $delivery) { kind } }`,
      { kind, delivery: mode === 'with' ? 'IMMEDIATE' : 'OFF' },
    );
    if (response.errors?.length) throw new Error(`setNotificationPreference: ${JSON.stringify(response.errors)}`);
  }
}

export async function runInterleaved(plan: InterleavedPlan): Promise<InterleavedResult> {
  const result: InterleavedResult = { id: plan.id, latency: { with: [], without: [] }, hops: { with: [], without: [] }, switches: 0, failed: 0 };
  const blocks = Math.ceil(plan.total / plan.block);
  for (let b = 0; b < blocks; b++) {
    const count = Math.min(plan.block, plan.total - b * plan.block);
    await setDelivery(plan.recipients, plan.kind, 'without');
    if (plan.scenario.prepare) await plan.scenario.prepare(count);
    await plan.settle();
    const blockStart = new Date();
    const moves: Array<TimedMove & { ms: number }> = [];
    // The switch runs beside the moves: at once for a period, off for the next, alternately (each block starts with
    // the other mode than the one before, so neither always gets a block's first second).
    let mode: Mode = b % 2 === 0 ? 'with' : 'without';
    let switching = true;
    const switcher = (async () => {
      while (switching) {
        await setDelivery(plan.recipients, plan.kind, mode);
        result.switches += 1;
        await sleep(plan.toggleMs);
        mode = mode === 'with' ? 'without' : 'with';
      }
    })();
    const outcome = await runOpenLoop(
      plan.rate,
      (count / plan.rate) * 1000,
      async () => {
        const sentAt = Date.now();
        const started = performance.now();
        const sent = await plan.scenario.send();
        const ms = performance.now() - started;
        if (sent) moves.push({ referralId: sent.referralId, sentAt, answeredAt: Date.now(), ms });
      },
      newHistogram(),
      60_000,
    );
    switching = false;
    await switcher;
    result.failed += outcome.errors;
    await plan.settle();
    // The class of each move is what it wrote, not what the switch said when it was sent.
    const { rows } = await plan.ctx.pool.query<{ referral_id: string }>(
      `SELECT DISTINCT split_part(source_key, ':', 2) AS referral_id FROM notification
        WHERE kind = $1 AND source_key LIKE 'referral:%' AND created_at >= $2`,
      [plan.kind, blockStart],
    );
    const mailed = new Set(rows.map((r) => r.referral_id));
    const classed: Record<Mode, Array<TimedMove & { ms: number }>> = { with: [], without: [] };
    for (const move of moves) {
      const m: Mode = mailed.has(move.referralId) ? 'with' : 'without';
      result.latency[m].push(move.ms);
      classed[m].push(move);
    }
    for (const m of ['with', 'without'] as const) result.hops[m].push(...(await splitTimedMoves(plan.ctx, classed[m])));
    plan.log(
      `${plan.id} interleaved block ${b + 1}/${blocks}: ${outcome.ok}/${outcome.sent} ok; with mail ${classed.with.length}, p50 ${median(classed.with.map((x) => x.ms)).toFixed(1)} ms; without ${classed.without.length}, p50 ${median(classed.without.map((x) => x.ms)).toFixed(1)} ms`,
    );
  }
  return result;
}

function percentile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))];
}

function median(values: number[]): number {
  return percentile(values, 50);
}

const pct = (value: number, base: number) => `${(((value - base) / base) * 100).toFixed(1)}%`;

/** The interleaved comparison's tables: latency per mode, an A/A of the moves without mail, and the hops. */
export function renderInterleaved(results: InterleavedResult[], toggleMs: number): string[] {
  if (!results.length) return [];
  const lines = [
    `Interleaved (the recipients' choice switched every ${toggleMs} ms within each block; each move classed by whether it wrote an outbox row). Latency from sending to the answer:`,
    '',
    '| move | notifications | n | p50 ms | p90 ms | p99 ms | p50 vs without | p90 vs without | p99 vs without |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    for (const mode of ['without', 'with'] as const) {
      const v = r.latency[mode];
      const base = r.latency.without;
      const vs = mode === 'with' ? [50, 90, 99].map((q) => pct(percentile(v, q), percentile(base, q))) : ['', '', ''];
      lines.push(`| ${r.id} | ${mode} | ${v.length} | ${[50, 90, 99].map((q) => percentile(v, q).toFixed(1)).join(' | ')} | ${vs.join(' | ')} |`);
    }
  }
  lines.push(
    '',
    'A/A: the moves without mail, taken alternately (in the order they were sent) into two halves: the spread of the comparison itself.',
    '',
    '| move | n (half) | p50 ms | p99 ms | p50 second half vs first | p99 second half vs first |',
    '|---|---|---|---|---|---|',
  );
  for (const r of results) {
    const halves = [0, 1].map((h) => r.latency.without.filter((_, i) => i % 2 === h));
    const [a, b] = halves;
    lines.push(
      `| ${r.id} | ${a.length} / ${b.length} | ${median(a).toFixed(1)} / ${median(b).toFixed(1)} | ${percentile(a, 99).toFixed(1)} / ${percentile(b, 99).toFixed(1)} | ${pct(median(b), median(a))} | ${pct(percentile(b, 99), percentile(a, 99))} |`,
    );
  }
  lines.push(
    '',
    'Per hop, interleaved (medians; ms):',
    '',
    renderHops(results.flatMap((r) => (['without', 'with'] as const).map((mode) => ({ label: `${r.id} ${mode}`, samples: r.hops[mode] })))),
    '',
    `Switches of the choice: ${results.map((r) => `${r.id} ${r.switches}`).join(', ')}; failed moves: ${results.map((r) => `${r.id} ${r.failed}`).join(', ')}.`,
  );
  return lines;
}
