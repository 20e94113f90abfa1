// Turns the measurements into the printed report: the machine, a per-step table, the six-row summary, the target
// verdicts (ratios to the floors measured in the same run) and the memory scenario.
import { cpus, loadavg, release, totalmem } from 'node:os';
import type { Histogram } from 'hdr-histogram-js';
import { CpuTimes, PROCESS_NAMES, ZERO_CPU, cpuSum } from './cpu-sampler';
import { HopPath, renderHops } from './hop-table';
import { mib, MemoryResult } from './memory-result';
import { newHistogram } from './open-loop';
import { TEMPORAL_SHORT_LABELS, type BenchOptions, type BenchTemporal } from './options';
import { SCENARIO_IDS, ScenarioId } from './scenario-ids';

/** A step is held when every request answered without error and p99 stayed under this ... */
export const HELD_P99_MS = 1000;
/**
 * ... and the work it started was done, not just queued: after each window the stack went quiet within this many
 * seconds. A1 and A2 answer as soon as the workflow is started and leave it to the worker; without this rule they would
 * "hold" rates whose workflows pile up behind them.
 */
export const HELD_SETTLE_S = 2;

export interface StepRecord {
  scenario: ScenarioId;
  rate: number;
  histogram: Histogram;
  sent: number;
  ok: number;
  errors: number;
  errorSamples: string[];
  /** Wall time of the windows, including the settling after each. */
  seconds: number;
  /**
   * Time from a window's last answer until the stack was quiet again: work a scenario leaves behind after answering
   * (A1 and A2 answer once the workflow is started; the worker runs it afterwards).
   */
  settleSeconds: number;
  /** Windows run at this step (one per round). */
  windows: number;
  cpu: CpuTimes;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  /** os.loadavg() at the start, the end, and the highest 1-minute figure seen at the steps. */
  loadStart: number[];
  loadEnd: number[];
  loadMax1: number;
}

export interface BenchResult {
  options: BenchOptions;
  /** The Temporal this run's stack ran on, and how the report names it. */
  temporal: BenchTemporal;
  temporalLabel: string;
  machine: MachineInfo;
  titles: Record<ScenarioId, string>;
  steps: StepRecord[];
  /** Processes' CPU per second with nothing sent (the baseline the settling waits for). */
  idleCpu: CpuTimes;
  memory?: MemoryResult;
  hops?: HopPath[];
  startedAt: string;
  seconds: number;
}

export function describeMachine(): MachineInfo {
  const load = loadavg();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 1024 ** 3,
    kernel: release(),
    node: process.version,
    loadStart: load,
    loadEnd: load,
    loadMax1: load[0],
  };
}

const p = (h: Histogram, percentile: number) => h.getValueAtPercentile(percentile) / 1000;

/** Why a step was not held, or null when it was. */
export function missReason(step: StepRecord): string | null {
  if (step.errors > 0 || step.ok === 0) return 'errors';
  if (p(step.histogram, 99) >= HELD_P99_MS) return 'p99';
  if (step.settleSeconds / Math.max(1, step.windows) > HELD_SETTLE_S) return 'backlog';
  return null;
}

export function isHeld(step: StepRecord): boolean {
  return missReason(step) === null;
}

/** The highest step rate such that this step and every lower one was held; 0 when the first was not. */
export function maxHeldRate(result: BenchResult, id: ScenarioId): number {
  let held = 0;
  for (const rate of result.options.rates) {
    const step = result.steps.find((s) => s.scenario === id && s.rate === rate);
    if (!step || !isHeld(step)) break;
    held = rate;
  }
  return held;
}

/** The steps every scenario held: the summary's latencies merge these, so all six are compared at the same loads. */
export function referenceRates(result: BenchResult): number[] {
  const common = result.options.rates.filter((rate) => SCENARIO_IDS.every((id) => rate <= maxHeldRate(result, id)));
  return common.length ? common : result.options.rates.slice(0, 1);
}

export interface Summary {
  id: ScenarioId;
  title: string;
  stepsRun: number[];
  maxHeld: number;
  /** Over the reference steps. */
  p50: number;
  p90: number;
  p99: number;
  count: number;
  /** Over all its steps. */
  sent: number;
  errors: number;
  cpuMsPerOp: CpuTimes;
}

export function summarize(result: BenchResult, id: ScenarioId): Summary {
  const reference = referenceRates(result);
  const steps = result.steps.filter((s) => s.scenario === id);
  const merged = newHistogram();
  for (const step of steps) if (reference.includes(step.rate)) merged.add(step.histogram);
  const cpu = steps.reduce((sum, s) => cpuSum(sum, s.cpu), ZERO_CPU);
  const ok = steps.reduce((n, s) => n + s.ok, 0);
  return {
    id,
    title: result.titles[id],
    stepsRun: steps.map((s) => s.rate),
    maxHeld: maxHeldRate(result, id),
    p50: p(merged, 50),
    p90: p(merged, 90),
    p99: p(merged, 99),
    count: merged.totalCount,
    sent: steps.reduce((n, s) => n + s.sent, 0),
    errors: steps.reduce((n, s) => n + s.errors, 0),
    cpuMsPerOp: Object.fromEntries(PROCESS_NAMES.map((name) => [name, ok ? (cpu[name] * 1000) / ok : 0])) as CpuTimes,
  };
}

export interface Verdict {
  pass: boolean | null;
  label: string;
  detail: string;
}

export function verdicts(result: BenchResult): Verdict[] {
  if (!result.steps.length) return [];
  const s = Object.fromEntries(SCENARIO_IDS.map((id) => [id, summarize(result, id)])) as Record<ScenarioId, Summary>;
  const top = result.options.rates.at(-1)!;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Infinity);
  const latency = (label: string, a: Summary, b: Summary, key: 'p50' | 'p99', limit: number): Verdict => {
    const r = ratio(a[key], b[key]);
    return { pass: r <= limit, label, detail: `${fmt(a[key])} ms / ${fmt(b[key])} ms = ${r.toFixed(2)}× (limit ${limit}×)` };
  };
  const list: Verdict[] = [latency('A3 p50 ≤ 1.5 × A2 p50', s.A3, s.A2, 'p50', 1.5), latency('A3 p99 ≤ 2 × A2 p99', s.A3, s.A2, 'p99', 2)];
  const a2Capped = s.A2.maxHeld === top ? ' (A2 held the top step: its true limit is higher)' : '';
  const a3Capped = s.A3.maxHeld === top ? ' (A3 held the top step too)' : '';
  list.push({
    // With no step held by A2 there is nothing to compare with.
    pass: s.A2.maxHeld === 0 ? null : s.A3.maxHeld >= 0.8 * s.A2.maxHeld,
    label: 'A3 max held rate ≥ 80% of A2',
    detail:
      s.A2.maxHeld === 0
        ? `A2 held no step (lowest ${result.options.rates[0]} req/s): no verdict`
        : `${s.A3.maxHeld} / ${s.A2.maxHeld} req/s = ${(ratio(s.A3.maxHeld, s.A2.maxHeld) * 100).toFixed(0)}%${a2Capped}${a3Capped}`,
  });
  list.push(latency('A5 p50 ≤ 1.5 × A4 p50', s.A5, s.A4, 'p50', 1.5));
  const m = result.memory;
  if (m) {
    const limit = 1.5e9;
    const full = m.workflows >= 10_000;
    list.push({
      pass: full ? m.rssAfterOpen <= limit : null,
      label: 'worker RSS ≤ 1.5 GB at 10,000 open workflows',
      detail: `${(m.rssAfterOpen / 1e9).toFixed(2)} GB (${mib(m.rssAfterOpen)}) at ${m.workflows} open, cache ${m.workerCache}${full ? '' : ' (fewer than 10,000: not a verdict)'}`,
    });
    list.push({
      pass: m.lost === 0 && m.answerErrors === 0,
      label: 'none lost after a worker restart',
      detail: `${m.whole}/${m.workflows} whole and ACCEPTED, ${m.answerErrors} errors, all answered ${m.answerSeconds.toFixed(1)} s after the new worker polled`,
    });
  }
  return list;
}

export function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** A Markdown table; the first `textColumns` columns are left-aligned, the figures after them right-aligned. */
export function table(head: string[], rows: string[][], textColumns = 2): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i < textColumns ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function renderReport(result: BenchResult): string {
  const { machine, options } = result;
  const out: string[] = [];
  out.push(
    `# Tsunagu benchmark (${options.mode}) on the ${TEMPORAL_SHORT_LABELS[result.temporal]}, ${result.startedAt}, ${(result.seconds / 60).toFixed(1)} min`,
  );
  out.push('');
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(0)} GiB, Linux ${machine.kernel}, Node ${machine.node}. ` +
      `Load (os.loadavg 1/5/15 min): start ${machine.loadStart.map((l) => l.toFixed(2)).join(' / ')}, ` +
      `end ${machine.loadEnd.map((l) => l.toFixed(2)).join(' / ')}, highest 1-min ${machine.loadMax1.toFixed(2)}.`,
  );
  out.push(`Temporal: ${result.temporalLabel}.`);
  out.push(
    `Steps ${options.rates.join(', ')} req/s; ${options.rounds} round(s) per step of one ${options.windowSeconds} s window per scenario, ` +
      `rotating order; open loop, latency from each request's due time; a step is held with no errors, p99 < ${HELD_P99_MS} ms ` +
      `and the stack quiet again within ${HELD_SETTLE_S} s of the window's last answer ("settle"); ` +
      `a scenario that misses a step skips the higher ones. Idle CPU (cores): ` +
      PROCESS_NAMES.filter((n) => n !== 'bench')
        .map((n) => `${n} ${result.idleCpu[n].toFixed(3)}`)
        .join(', ') +
      '.',
  );
  out.push('');
  if (result.steps.length) renderSteps(result, out);
  if (result.memory) {
    const m = result.memory;
    out.push('## Memory and restart');
    out.push('');
    out.push(
      table(
        [
          'open workflows',
          'cache',
          'opened in s',
          'running in all',
          'worker RSS',
          'peak',
          'restart s',
          'answer all s',
          'answers/s',
          'answer p50 ms',
          'answer p99 ms',
          'errors',
          'whole',
          'lost',
          'RSS after',
        ],
        [
          [
            String(m.workflows),
            String(m.workerCache),
            m.openSeconds.toFixed(0),
            String(m.runningWorkflows ?? '?'),
            mib(m.rssAfterOpen),
            mib(m.peakAfterOpen),
            m.restartSeconds.toFixed(1),
            m.answerSeconds.toFixed(1),
            (m.workflows / m.answerSeconds).toFixed(0),
            fmt(m.answerP50Ms),
            fmt(m.answerP99Ms),
            String(m.answerErrors),
            String(m.whole),
            String(m.lost),
            mib(m.rssAfterAnswer),
          ],
        ],
        0,
      ),
    );
    if (m.answerErrorSamples.length) out.push(`- errors: ${m.answerErrorSamples.join(' | ')}`);
    out.push('');
  }
  if (result.hops) {
    out.push(`## Where the time goes (medians of ${result.hops[0].samples.length} requests per path, one at a time; ms)`);
    out.push('');
    out.push(renderHops(result.hops));
    out.push('');
  }
  out.push('## Targets');
  out.push('');
  for (const v of verdicts(result)) out.push(`${v.pass === null ? 'INFO' : v.pass ? 'PASS' : 'MISS'}  ${v.label}: ${v.detail}`);
  return out.join('\n');
}

function renderSteps(result: BenchResult, out: string[]): void {
  const { options } = result;
  out.push('## Per step');
  out.push('');
  out.push(
    table(
      [
        'req/s',
        'scenario',
        'sent',
        'errors',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'held',
        'settle s',
        'cores pg',
        'cores temporal',
        'cores api',
        'cores worker',
      ],
      result.steps.map((s) => [
        String(s.rate),
        s.scenario,
        String(s.sent),
        String(s.errors),
        fmt(p(s.histogram, 50)),
        fmt(p(s.histogram, 90)),
        fmt(p(s.histogram, 99)),
        fmt(s.histogram.maxValue / 1000),
        isHeld(s) ? 'yes' : `NO (${missReason(s)})`,
        (s.settleSeconds / Math.max(1, s.windows)).toFixed(1),
        ...(['postgres', 'temporal', 'api', 'worker'] as const).map((n) => (s.cpu[n] / s.seconds).toFixed(2)),
      ]),
    ),
  );
  const errored = result.steps.filter((s) => s.errorSamples.length);
  for (const s of errored) out.push(`- ${s.scenario} at ${s.rate} req/s: ${s.errorSamples.join(' | ')}`);
  out.push('');
  const reference = referenceRates(result);
  out.push(`## Summary (latency over the steps all six held: ${reference.join(', ')} req/s; CPU per request over all steps)`);
  out.push('');
  out.push(
    table(
      [
        'scenario',
        'what',
        'steps held req/s',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'errors',
        'max held req/s',
        'CPU ms/req pg',
        'temporal',
        'api',
        'worker',
        'bench',
      ],
      SCENARIO_IDS.map((id) => {
        const s = summarize(result, id);
        const held = options.rates.filter((r) => r <= s.maxHeld);
        return [
          s.id,
          s.title,
          held.length ? held.join(', ') : 'none',
          fmt(s.p50),
          fmt(s.p90),
          fmt(s.p99),
          `${s.errors}/${s.sent}`,
          String(s.maxHeld),
          ...(['postgres', 'temporal', 'api', 'worker', 'bench'] as const).map((n) => s.cpuMsPerOp[n].toFixed(2)),
        ];
      }),
      3,
    ),
  );
  out.push('');
}

/** The result without histograms (their percentiles instead), for --json. */
export function toJson(result: BenchResult): unknown {
  return {
    ...result,
    steps: result.steps.map(({ histogram, ...rest }) => ({
      ...rest,
      p50Ms: p(histogram, 50),
      p90Ms: p(histogram, 90),
      p99Ms: p(histogram, 99),
      maxMs: histogram.maxValue / 1000,
      held: isHeld({ histogram, ...rest }),
    })),
    summary: SCENARIO_IDS.map((id) => summarize(result, id)),
    verdicts: verdicts(result),
  };
}
