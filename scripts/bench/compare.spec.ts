import { renderSideBySide } from './compare';
import type { HopPath, HopSample } from './hop-table';
import { newHistogram } from './open-loop';
import { BenchOptions, BenchTemporal, parseOptions } from './options';
import { BenchResult, renderReport, StepRecord } from './report';
import { SCENARIO_IDS } from './scenario-ids';

const cpu = { postgres: 0.1, temporal: 0.4, api: 0.2, worker: 0.3, bench: 0.05 };

/** A run whose every latency is `ms` and whose per-hop samples take `hopMs` on the server side. */
function result(temporal: BenchTemporal, ms: number, hopMs: number): BenchResult {
  const options: BenchOptions = { ...parseOptions(['--smoke']), temporals: ['dev', 'cluster'] };
  const steps: StepRecord[] = SCENARIO_IDS.map((scenario) => {
    const histogram = newHistogram();
    for (let i = 0; i < 3; i++) histogram.recordValue(ms * 1000);
    return { scenario, rate: 2, histogram, sent: 3, ok: 3, errors: 0, errorSamples: [], seconds: 2, settleSeconds: 0.5, windows: 1, cpu };
  });
  const sample: HopSample = {
    totalMs: hopMs + 10,
    workflowTasks: 2,
    activities: 1,
    localActivities: 1,
    hops: { toServer: 4, wftDispatch: hopMs, wftRun: 3, activityDispatch: 0, activityRun: 2, serverOther: 1, toClient: 0 },
  };
  const hops: HopPath[] = ['submit: raw update-with-start (what the api sends)', 'accept: raw Update (A4)'].map((label) => ({
    label,
    samples: [sample, sample],
  }));
  const load = [1.5, 1.2, 1];
  return {
    options,
    temporal,
    temporalLabel: temporal === 'dev' ? 'the dev server' : 'a cluster',
    machine: { cpu: 'test', cores: 2, memoryGiB: 4, kernel: '6', node: 'v20', loadStart: load, loadEnd: load, loadMax1: 2 },
    titles: Object.fromEntries(SCENARIO_IDS.map((id) => [id, `scenario ${id}`])) as BenchResult['titles'],
    steps,
    idleCpu: { postgres: 0, temporal: 0, api: 0, worker: 0, bench: 0 },
    hops,
    memory: {
      workflows: 200,
      workerCache: 1000,
      concurrency: 20,
      openSeconds: 10,
      runningWorkflows: 250,
      rssAfterOpen: 300 * 1024 * 1024,
      peakAfterOpen: 310 * 1024 * 1024,
      restartSeconds: 3,
      answerSeconds: 12,
      answerErrors: 0,
      answerErrorSamples: [],
      answerP50Ms: 40,
      answerP99Ms: 90,
      rssAfterAnswer: 200 * 1024 * 1024,
      whole: 200,
      lost: 0,
    },
    startedAt: '2026-12-07T09:00:00.000Z',
    seconds: 120,
  };
}

const rowOf = (text: string, start: string) => text.split('\n').find((line) => line.startsWith(start));

describe('renderSideBySide (npm run bench -- --both)', () => {
  const text = renderSideBySide([result('dev', 50, 12), result('cluster', 30, 30)]);

  it('puts each scenario on one row with a column per Temporal for each figure', () => {
    expect(rowOf(text, '| scenario |')).toBe(
      '| scenario | what | p50 ms dev server | p50 ms cluster | p99 ms dev server | p99 ms cluster | max held req/s dev server | ' +
        'max held req/s cluster | errors dev server | errors cluster | CPU ms/req Temporal dev server | CPU ms/req Temporal cluster | ' +
        'CPU ms/req all dev server | CPU ms/req all cluster |',
    );
    // 0.4 s of Temporal CPU over 3 answered requests: 133 ms each; all four processes 1.0 s: 333 ms.
    expect(rowOf(text, '| A3 |')).toBe('| A3 | scenario A3 | 50.0 | 30.0 | 50.0 | 30.0 | 2 | 2 | 0/3 | 0/3 | 133.3 | 133.3 | 333.3 | 333.3 |');
  });

  it('gives each path of the per-hop breakdown a row per Temporal, next to each other', () => {
    const rows = text.split('\n').filter((line) => /^\| (submit|accept):/.test(line));
    expect(rows.map((row) => row.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| submit: raw update-with-start (what the api sends) | dev server | 22.0',
      '| submit: raw update-with-start (what the api sends) | cluster | 40.0',
      '| accept: raw Update (A4) | dev server | 22.0',
      '| accept: raw Update (A4) | cluster | 40.0',
    ]);
    // WFT dispatch, the sixth cell.
    expect(rows.map((row) => row.split(' | ')[5])).toEqual(['12.0', '30.0', '12.0', '30.0']);
  });

  it('sets the memory scenario and the verdicts side by side', () => {
    expect(rowOf(text, '| whole / lost |')).toBe('| whole / lost | 200 / 0 | 200 / 0 |');
    expect(rowOf(text, '| none lost after a worker restart |')).toMatch(
      /^\| none lost after a worker restart \| PASS: 200\/200 .* \| PASS: 200\/200 .* \|$/,
    );
    expect(rowOf(text, '| A5 p50 ≤ 1.5 × A4 p50 |')).toMatch(/PASS: 50\.0 ms \/ 50\.0 ms = 1\.00× .* \| PASS: 30\.0 ms \/ 30\.0 ms/);
  });

  it('names the Temporal in the heading of each run', () => {
    expect(renderReport(result('cluster', 30, 30)).split('\n')[0]).toMatch(/^# Tsunagu benchmark \(smoke\) on the cluster, /);
    expect(text.split('\n')[0]).toBe('# Side by side: dev server and cluster (smoke, one session, one after the other)');
  });
});
