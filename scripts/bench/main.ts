// `npm run bench [-- --full | --smoke]`: what Tsunagu costs over the bare minimum the same work needs, measured side by
// side in one run on one machine. Starts the stack on embedded defaults (PostgreSQL, Temporal dev server with SQLite
// in WAL mode, the compiled api and worker), then runs the scenarios of scenarios.ts interleaved at stepped arrival
// rates, then the memory-and-restart scenario, and prints the report (docs/BENCHMARKS.md explains it).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { readDataKeys } from '@tsunagu/crypto';
import { createDataSource, readDatabaseConfig } from '@tsunagu/persistence';
import { tsunaguDataConverter } from '@tsunagu/temporal';
import { freePort, startStack } from '@tsunagu/testing';
import { CpuSampler, CpuTimes, childPidByName, cpuDelta, cpuSum, postmasterPid, PROCESS_NAMES, ZERO_CPU } from './cpu-sampler';
import { measureHops } from './hops';
import { runMemoryScenario, WorkerHandle } from './memory';
import { newHistogram, runOpenLoop, sleep } from './open-loop';
import { BenchOptions, parseOptions } from './options';
import { BenchResult, describeMachine, isHeld, missReason, renderReport, StepRecord, toJson } from './report';
import { createScenarios, Scenario, SCENARIO_IDS, ScenarioId } from './scenarios';
import { createContext } from './context';

const started = performance.now();
const log = (line: string) => {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s, load ${load}] ${line}\n`);
};

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  log(
    `mode ${options.mode}: steps ${options.rates.join(', ')} req/s, ${options.rounds} x ${options.windowSeconds} s windows, memory ${options.memoryWorkflows} workflows`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-'));
  const stack = await startStack({
    dataDir,
    persistent: false,
    // As `npm start` runs Temporal: a SQLite file in WAL mode, not the in-memory store of the e2e tests.
    temporalDbFile: join(dataDir, 'temporal.sqlite'),
    apiPort: await freePort('127.0.0.1'),
    temporalUiPort: false,
    env: { NODE_ENV: 'production', TSUNAGU_JWT_SECRET: randomBytes(32).toString('hex'), WORKER_MAX_CACHED_WORKFLOWS: String(options.workerCache) },
    log: (line) => log(line.replace(/\s+/g, ' ')),
  });
  const worker: WorkerHandle = { current: stack.worker };
  let connection: Connection | undefined;
  let pool: Pool | undefined;
  let db: DataSource | undefined;
  try {
    connection = await Connection.connect({ address: stack.temporalAddress });
    pool = new Pool({ connectionString: stack.databaseUrl, max: readDatabaseConfig(stack.appEnv).poolSize, application_name: 'tsunagu-bench' });
    // A0 writes with the worker's ReferralWriter on a DataSource built as the worker builds its own (same pool size).
    db = await createDataSource(readDatabaseConfig(stack.appEnv), 'tsunagu-bench').initialize();
    // The api's client: same namespace and the same data converter (payloads encrypted with the stack's data keys).
    const dataKeys = readDataKeys(stack.appEnv);
    const client = new Client({ connection, namespace: stack.appEnv.TEMPORAL_NAMESPACE ?? 'tsunagu', dataConverter: tsunaguDataConverter(dataKeys) });
    const ctx = await createContext(stack, client, pool, db, dataKeys);
    const temporalPid = childPidByName('temporal');
    const sampler = new CpuSampler(() => ({
      postmaster: postmasterPid(join(dataDir, 'postgres')),
      temporal: temporalPid,
      api: stack.api.child.pid,
      worker: worker.current.child.pid,
    }));
    const quiesce = () => waitForQuiet(sampler);

    const scenarios = createScenarios(ctx, 16);
    const titles = Object.fromEntries(scenarios.map((s) => [s.id, s.title])) as Record<ScenarioId, string>;
    const idleCpu = await measureIdle(sampler);
    log(`idle CPU (cores): ${PROCESS_NAMES.map((n) => `${n} ${idleCpu[n].toFixed(3)}`).join(', ')}`);
    await warmUp(scenarios);
    log('warmed up');

    const result: BenchResult = { options, machine, titles, steps: [], idleCpu, startedAt: new Date().toISOString(), seconds: 0 };
    if (options.hops > 0) {
      result.hops = await measureHops(ctx, options.hops);
      log(`per-hop breakdown: ${options.hops} requests per path`);
      await quiesce();
    }
    if (!options.hopsOnly) await runSteps(options, scenarios, sampler, quiesce, result, machine);

    if (options.memoryWorkflows > 0 && !options.hopsOnly) {
      result.memory = await runMemoryScenario(
        ctx,
        worker,
        stack.appEnv,
        {
          workflows: options.memoryWorkflows,
          concurrency: options.memoryConcurrency,
          workerCache: options.workerCache,
          logFile: join(dataDir, 'worker-2.log'),
          quiesce,
        },
        log,
      );
    }
    machine.loadEnd = loadavg();
    machine.loadMax1 = Math.max(machine.loadMax1, machine.loadEnd[0]);
    result.seconds = (performance.now() - started) / 1000;
    const report = renderReport(result);
    process.stdout.write(`${report}\n`);
    if (options.jsonFile) writeFileSync(options.jsonFile, JSON.stringify(toJson(result), null, 2));
  } finally {
    await connection?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await db?.destroy().catch(() => undefined);
    if (worker.current !== stack.worker) await worker.current.stop();
    await stack.stop();
    if (options.keepData) log(`data and logs kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A few requests of each scenario, unmeasured: connections, JIT, the worker's first workflow tasks. */
async function warmUp(scenarios: Scenario[]): Promise<void> {
  const rounds = 5;
  for (const scenario of scenarios) {
    await scenario.prepare?.(rounds);
    for (let i = 0; i < rounds; i++) await scenario.send();
  }
}

/**
 * Per step: prepare what the answering scenarios need, then `rounds` rounds in which every scenario still running
 * gets one open-loop window, in an order that rotates by round and step, so that all six share the machine's
 * conditions. After each window the stack settles (the worker finishes workflows the window started) before the next.
 */
async function runSteps(
  options: BenchOptions,
  scenarios: Scenario[],
  sampler: CpuSampler,
  quiesce: () => Promise<void>,
  result: BenchResult,
  machine: ReturnType<typeof describeMachine>,
): Promise<void> {
  const active = new Set<ScenarioId>(SCENARIO_IDS);
  for (const [stepIndex, rate] of options.rates.entries()) {
    const running = scenarios.filter((s) => active.has(s.id));
    if (!running.length) break;
    const perWindow = Math.max(1, Math.round(rate * options.windowSeconds));
    for (const scenario of running) await scenario.prepare?.(perWindow * options.rounds);
    await quiesce();
    const records = new Map<ScenarioId, StepRecord>(
      running.map((s) => [
        s.id,
        {
          scenario: s.id,
          rate,
          histogram: newHistogram(),
          sent: 0,
          ok: 0,
          errors: 0,
          errorSamples: [],
          seconds: 0,
          settleSeconds: 0,
          windows: 0,
          cpu: ZERO_CPU,
        },
      ]),
    );
    for (let round = 0; round < options.rounds; round++) {
      const shift = (round + stepIndex) % running.length;
      for (const scenario of [...running.slice(shift), ...running.slice(0, shift)]) {
        const record = records.get(scenario.id)!;
        const before = sampler.read();
        const t0 = performance.now();
        const outcome = await runOpenLoop(rate, options.windowSeconds * 1000, () => scenario.send(), record.histogram, options.drainTimeoutMs);
        const answered = performance.now();
        await quiesce();
        record.settleSeconds += (performance.now() - answered) / 1000;
        record.windows += 1;
        record.cpu = cpuSum(record.cpu, cpuDelta(before, sampler.read()));
        record.seconds += (performance.now() - t0) / 1000;
        record.sent += outcome.sent;
        record.ok += outcome.ok;
        record.errors += outcome.errors;
        record.errorSamples.push(...outcome.errorSamples.slice(0, 3 - record.errorSamples.length));
      }
    }
    const load = loadavg();
    machine.loadMax1 = Math.max(machine.loadMax1, load[0]);
    for (const record of records.values()) {
      result.steps.push(record);
      const ms = (q: number) => (record.histogram.getValueAtPercentile(q) / 1000).toFixed(1);
      const settle = (record.settleSeconds / record.windows).toFixed(1);
      log(
        `${rate} req/s ${record.scenario}: p50 ${ms(50)} p99 ${ms(99)} ms, ${record.errors}/${record.sent} errors, settle ${settle} s${isHeld(record) ? '' : ` -- not held (${missReason(record)})`}`,
      );
      if (!isHeld(record)) active.delete(record.scenario);
    }
  }
}

/** CPU (cores) of each process over a few quiet seconds, before anything is sent. */
async function measureIdle(sampler: CpuSampler): Promise<CpuTimes> {
  await sleep(1000);
  const before = sampler.read();
  const t0 = performance.now();
  await sleep(3000);
  const delta = cpuDelta(before, sampler.read());
  const seconds = (performance.now() - t0) / 1000;
  return Object.fromEntries(PROCESS_NAMES.map((n) => [n, delta[n] / seconds])) as CpuTimes;
}

/**
 * Waits until the stack's processes together use under a fifth of a core over 250 ms (twice in a row), at most 30 s:
 * the worker has finished what the last window started (A1's workflows run after their start has answered).
 */
async function waitForQuiet(sampler: CpuSampler): Promise<void> {
  const deadline = performance.now() + 30_000;
  let quiet = 0;
  let last = sampler.read();
  let at = performance.now();
  while (quiet < 2 && performance.now() < deadline) {
    await sleep(250);
    const now = sampler.read();
    const delta = cpuDelta(last, now);
    const seconds = (performance.now() - at) / 1000;
    const used = (delta.postgres + delta.temporal + delta.api + delta.worker) / seconds;
    quiet = used < 0.2 ? quiet + 1 : 0;
    last = now;
    at = performance.now();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
