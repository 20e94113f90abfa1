// `npm run bench -- --both`: the runs on the dev server and on the cluster printed as one set of tables with a column
// per run, ready to paste into docs/BENCHMARKS.md: the six scenarios' summary, the per-hop breakdown of submitting and
// accepting, the memory-and-restart scenario and the target verdicts.
import { hopCells, HOP_COLUMNS } from './hop-table';
import { mib } from './memory-result';
import { TEMPORAL_SHORT_LABELS } from './options';
import { BenchResult, fmt, referenceRates, summarize, table, verdicts } from './report';
import { SCENARIO_IDS } from './scenario-ids';

/** One column per run for each figure: `<figure> <run>`. */
function perRun(results: BenchResult[], figure: string): string[] {
  return results.map((r) => `${figure} ${TEMPORAL_SHORT_LABELS[r.temporal]}`);
}

export function renderSideBySide(results: BenchResult[]): string {
  const out: string[] = [];
  const names = results.map((r) => TEMPORAL_SHORT_LABELS[r.temporal]).join(' and ');
  out.push(`# Side by side: ${names} (${results[0].options.mode}, one session, one after the other)`);
  out.push('');
  for (const r of results) {
    const m = r.machine;
    out.push(
      `- ${TEMPORAL_SHORT_LABELS[r.temporal]}: ${r.temporalLabel}; from ${r.startedAt}, ${(r.seconds / 60).toFixed(1)} min; ` +
        `load ${m.loadStart[0].toFixed(2)} at the start, ${m.loadEnd[0].toFixed(2)} at the end, highest 1-min ${m.loadMax1.toFixed(2)}` +
        (r.steps.length ? `; summary latency over ${referenceRates(r).join(', ')} req/s (the steps all six held)` : ''),
    );
  }
  out.push('');

  if (results.some((r) => r.steps.length)) {
    out.push('## Summary');
    out.push('');
    const rows = SCENARIO_IDS.map((id) => {
      const s = results.map((r) => summarize(r, id));
      const cpu = (n: (typeof s)[number]) => n.cpuMsPerOp.postgres + n.cpuMsPerOp.temporal + n.cpuMsPerOp.api + n.cpuMsPerOp.worker;
      return [
        id,
        s[0].title,
        ...s.map((n) => fmt(n.p50)),
        ...s.map((n) => fmt(n.p99)),
        ...s.map((n) => String(n.maxHeld)),
        ...s.map((n) => `${n.errors}/${n.sent}`),
        ...s.map((n) => n.cpuMsPerOp.temporal.toFixed(1)),
        ...s.map((n) => cpu(n).toFixed(1)),
      ];
    });
    const head = [
      'scenario',
      'what',
      ...perRun(results, 'p50 ms'),
      ...perRun(results, 'p99 ms'),
      ...perRun(results, 'max held req/s'),
      ...perRun(results, 'errors'),
      ...perRun(results, 'CPU ms/req Temporal'),
      ...perRun(results, 'CPU ms/req all'),
    ];
    out.push(table(head, rows));
    out.push('');
    out.push(
      '"CPU ms/req Temporal" is the dev server\'s one process (its SQLite included), or the cluster\'s four service processes ' +
        'and the PostgreSQL backends connected to its databases; "all" adds the rest of PostgreSQL, the api and the worker.',
    );
    out.push('');
  }

  const withHops = results.filter((r) => r.hops?.length);
  if (withHops.length) {
    out.push(`## Where the time goes (medians of ${withHops[0].hops![0].samples.length} requests per path, one at a time; ms)`);
    out.push('');
    const rows = withHops[0].hops!.flatMap((_, i) =>
      withHops.map((r) => [r.hops![i].label, TEMPORAL_SHORT_LABELS[r.temporal], ...hopCells(r.hops![i])]),
    );
    out.push(table(['path', 'Temporal', ...HOP_COLUMNS], rows));
    out.push('');
  }

  const withMemory = results.filter((r) => r.memory);
  if (withMemory.length) {
    out.push(`## Memory and restart (${withMemory[0].memory!.workflows} open workflows, cache ${withMemory[0].memory!.workerCache})`);
    out.push('');
    const figure = (label: string, value: (m: NonNullable<BenchResult['memory']>) => string) => [label, ...withMemory.map((r) => value(r.memory!))];
    out.push(
      table(
        ['', ...withMemory.map((r) => TEMPORAL_SHORT_LABELS[r.temporal])],
        [
          figure('opened in s', (m) => m.openSeconds.toFixed(0)),
          figure('worker RSS with all open', (m) => mib(m.rssAfterOpen)),
          figure('restart s (SIGKILL to polling)', (m) => m.restartSeconds.toFixed(1)),
          figure('answer all s', (m) => m.answerSeconds.toFixed(1)),
          figure('answer p50 / p99 ms', (m) => `${fmt(m.answerP50Ms)} / ${fmt(m.answerP99Ms)}`),
          figure('errors', (m) => String(m.answerErrors)),
          figure('whole / lost', (m) => `${m.whole} / ${m.lost}`),
        ],
        1,
      ),
    );
    out.push('');
  }

  const judged = results.map((r) => verdicts(r));
  if (judged.some((v) => v.length)) {
    out.push('## Targets');
    out.push('');
    const labels = [...new Set(judged.flat().map((v) => v.label))];
    const cell = (list: ReturnType<typeof verdicts>, label: string) => {
      const v = list.find((x) => x.label === label);
      return v ? `${v.pass === null ? 'INFO' : v.pass ? 'PASS' : 'MISS'}: ${v.detail}` : '-';
    };
    out.push(
      table(
        ['target', ...results.map((r) => TEMPORAL_SHORT_LABELS[r.temporal])],
        labels.map((label) => [label, ...judged.map((list) => cell(list, label))]),
        results.length + 1,
      ),
    );
  }
  return out.join('\n').trimEnd();
}
