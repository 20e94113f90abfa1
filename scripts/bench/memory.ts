// Worker memory with many open referrals, and a cold restart: N referral workflows are opened (OFFERED, each waiting
// on its offer deadline timer) with the worker's workflow cache capped; the worker's resident memory is read; then the
// worker is killed with SIGKILL, a new one starts, and all N are answered (accepted). Nothing may be lost: every
// referral must end ACCEPTED with handoffs 1, 2, 3 = SUBMITTED, OFFERED, ACCEPTED.
import { performance } from 'node:perf_hooks';
import type { ServerProcess } from '@tsunagu/testing';
import { startWorkerProcess } from '@tsunagu/testing';
import { acceptDirect, BenchContext, OpenReferral, openReferrals } from './scenarios';
import { describe, mapLimit, newHistogram } from './open-loop';
import { residentMemory } from './cpu-sampler';
import { mib, MemoryResult } from './memory-result';

export { mib, type MemoryResult };

export interface WorkerHandle {
  current: ServerProcess;
}

export async function runMemoryScenario(
  ctx: BenchContext,
  worker: WorkerHandle,
  appEnv: NodeJS.ProcessEnv,
  options: { workflows: number; concurrency: number; workerCache: number; logFile: string; quiesce: () => Promise<void> },
  log: (line: string) => void,
): Promise<MemoryResult> {
  const { workflows, concurrency } = options;
  const batch = Math.max(100, Math.min(1000, Math.ceil(workflows / 10)));
  const referrals: OpenReferral[] = [];
  const openStarted = performance.now();
  while (referrals.length < workflows) {
    const count = Math.min(batch, workflows - referrals.length);
    referrals.push(...(await openReferrals(ctx, 'mem', count, concurrency)));
    const seconds = (performance.now() - openStarted) / 1000;
    log(`memory: ${referrals.length}/${workflows} referrals open (${(referrals.length / seconds).toFixed(0)}/s)`);
  }
  const openSeconds = (performance.now() - openStarted) / 1000;
  await options.quiesce();
  const running = await countRunning(ctx);
  const afterOpen = residentMemory(worker.current.child.pid!);
  log(`memory: worker RSS ${mib(afterOpen.rss)} (peak ${mib(afterOpen.peak)}) with ${workflows} open, ${running ?? '?'} running in all`);

  // Kill -9: no graceful shutdown, the cache is gone; every workflow must be replayed from its history.
  const killedAt = performance.now();
  const old = worker.current;
  old.child.kill('SIGKILL');
  await old.exited;
  worker.current = await startWorkerProcess(appEnv, options.logFile);
  const readyAt = performance.now();
  log(`memory: worker restarted in ${((readyAt - killedAt) / 1000).toFixed(1)} s; answering ${workflows} referrals`);

  const histogram = newHistogram();
  let errors = 0;
  const samples: string[] = [];
  let done = 0;
  await mapLimit(referrals, concurrency, async (referral) => {
    const sent = performance.now();
    try {
      await acceptDirect(ctx, referral);
      histogram.recordValue(Math.max(1, Math.round((performance.now() - sent) * 1000)));
    } catch (error) {
      errors += 1;
      if (samples.length < 3) samples.push(describe(error));
    }
    done += 1;
    if (done % batch === 0) log(`memory: ${done}/${workflows} answered (${(done / ((performance.now() - readyAt) / 1000)).toFixed(0)}/s)`);
  });
  const answerSeconds = (performance.now() - readyAt) / 1000;
  const afterAnswer = residentMemory(worker.current.child.pid!);

  const { rows } = await ctx.pool.query<{ whole: number }>(
    `SELECT count(*)::int AS whole
       FROM referral r
       JOIN LATERAL (SELECT count(*)::int AS n, min(seq) AS first, max(seq) AS last,
                            string_agg(kind, ',' ORDER BY seq) AS kinds
                       FROM referral_handoff h WHERE h.referral_id = r.id) h ON true
      WHERE r.id = ANY($1::uuid[]) AND r.status = 'ACCEPTED' AND r.last_seq = 3
        AND h.n = 3 AND h.first = 1 AND h.last = 3 AND h.kinds = 'SUBMITTED,OFFERED,ACCEPTED'`,
    [referrals.map((r) => r.id)],
  );
  const whole = rows[0].whole;
  return {
    workflows,
    workerCache: options.workerCache,
    concurrency,
    openSeconds,
    runningWorkflows: running,
    rssAfterOpen: afterOpen.rss,
    peakAfterOpen: afterOpen.peak,
    restartSeconds: (readyAt - killedAt) / 1000,
    answerSeconds,
    answerErrors: errors,
    answerErrorSamples: samples,
    answerP50Ms: histogram.getValueAtPercentile(50) / 1000,
    answerP99Ms: histogram.getValueAtPercentile(99) / 1000,
    rssAfterAnswer: afterAnswer.rss,
    whole,
    lost: workflows - whole,
  };
}

/** Running referral workflows according to Temporal's visibility store, or null if it cannot count. */
async function countRunning(ctx: BenchContext): Promise<number | null> {
  try {
    const { count } = await ctx.temporal.workflow.count(`WorkflowType = 'referralWorkflow' AND ExecutionStatus = 'Running'`);
    return count;
  } catch {
    return null;
  }
}
