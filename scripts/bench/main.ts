// `npm run bench [-- --full | --smoke] [--cluster | --both]`: what Tsunagu costs over the bare minimum the same work
// needs, measured side by side in one run on one machine. Starts the stack on embedded defaults (PostgreSQL, Temporal
// dev server with SQLite in WAL mode, the compiled api and worker), then runs the scenarios of scenarios.ts interleaved
// at stepped arrival rates, then the memory-and-restart scenario, and prints the report (docs/BENCHMARKS.md explains
// it). --cluster runs the same on Temporal's own server (four service processes on PostgreSQL, as `npm run
// test:cluster`); --both runs the dev server, then the cluster, and adds tables with a column for each (compare.ts).
import { spawnSync } from 'node:child_process';
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
import { freePort, repoRoot, RunningStack, startStack, StackOptions, TEMPORAL_DATABASES, TEMPORAL_SERVER_VERSION } from '@tsunagu/testing';
import { renderSideBySide } from './compare';
import { CpuSampler, CpuTimes, childPidByName, cpuDelta, cpuSum, postmasterPid, PROCESS_NAMES, SampledPids, ZERO_CPU } from './cpu-sampler';
import { measureHops } from './hops';
import { runMemoryScenario, WorkerHandle } from './memory';
import { newHistogram, runOpenLoop, sleep } from './open-loop';
import { BenchOptions, BenchTemporal, parseOptions, TEMPORAL_SHORT_LABELS } from './options';
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
  log(
    `mode ${options.mode} on ${options.temporals.map((t) => TEMPORAL_SHORT_LABELS[t]).join(', then ')}: steps ${options.rates.join(', ')} req/s, ` +
      `${options.rounds} x ${options.windowSeconds} s windows, memory ${options.memoryWorkflows} workflows`,
  );
  if (options.temporals.includes('cluster')) buildTemporalServer();
  const results: BenchResult[] = [];
  // One stack after the other, never both at once: each run has the machine to itself. Each report is printed when its
  // run ends, so a failing second run does not take the first one's figures with it.
  for (const temporal of options.temporals) {
    const result = await runOn(options, temporal);
    results.push(result);
    process.stdout.write(`${results.length > 1 ? '\n' : ''}${renderReport(result)}\n`);
  }
  if (results.length > 1) process.stdout.write(`\n${renderSideBySide(results)}\n`);
  if (options.jsonFile) {
    const json = results.map((result) => toJson(result));
    writeFileSync(options.jsonFile, JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  }
}

/** Starts a stack on `temporal`, runs the scenarios, the per-hop breakdown and the memory scenario on it, stops it. */
async function runOn(options: BenchOptions, temporal: BenchTemporal): Promise<BenchResult> {
  const runStarted = performance.now();
  const machine = describeMachine();
  const dataDir = mkdtempSync(join(tmpdir(), `tsunagu-bench-${temporal}-`));
  log(`${TEMPORAL_SHORT_LABELS[temporal]}: starting the stack in ${dataDir}`);
  const stack = await startStack({
    dataDir,
    persistent: false,
    ...temporalStackOptions(temporal, dataDir),
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
    const devServerPid = temporal === 'dev' ? childPidByName('temporal') : undefined;
    const sampler = new CpuSampler(() => ({
      postmaster: postmasterPid(join(dataDir, 'postgres')),
      ...temporalPids(stack, devServerPid),
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

    const result: BenchResult = {
      options,
      temporal,
      temporalLabel: TEMPORAL_LABELS[temporal],
      machine,
      titles,
      steps: [],
      idleCpu,
      startedAt: new Date().toISOString(),
      seconds: 0,
    };
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
    result.seconds = (performance.now() - runStarted) / 1000;
    return result;
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

const TEMPORAL_LABELS: Record<BenchTemporal, string> = {
  dev: "the CLI's dev server (one process, SQLite in WAL mode, as `npm start`)",
  cluster:
    `Temporal server ${TEMPORAL_SERVER_VERSION} built from source, frontend, history, matching and worker as four processes, ` +
    `its databases on the stack's PostgreSQL (as \`npm run test:cluster\`)`,
};

/**
 * The cluster runs Temporal's server built from source, as `npm run test:cluster` does: built once (minutes, with Go),
 * then reused while the pinned version is unchanged. Its output goes to stderr; stdout is the report's.
 */
function buildTemporalServer(): void {
  const built = spawnSync(process.execPath, [join(repoRoot(), 'scripts', 'install-temporal-server.mjs')], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error(`scripts/install-temporal-server.mjs failed (exit ${built.status ?? built.signal}): see its output above`);
}

/** How the stack starts the Temporal of this run. */
function temporalStackOptions(temporal: BenchTemporal, dataDir: string): Pick<StackOptions, 'temporal' | 'temporalDbFile'> {
  // The dev server as `npm start` runs it: a SQLite file in WAL mode, not the in-memory store of the e2e tests.
  return temporal === 'dev' ? { temporal: 'dev', temporalDbFile: join(dataDir, 'temporal.sqlite') } : { temporal: 'cluster' };
}

/** Temporal's processes for the CPU figures: the dev server, or the cluster's services and its databases' backends. */
function temporalPids(stack: RunningStack, devServerPid: number | undefined): Pick<SampledPids, 'temporal' | 'temporalDatabases'> {
  const cluster = stack.temporalCluster;
  if (!cluster) return { temporal: [devServerPid] };
  return {
    temporal: Object.values(cluster.services).map((service) => service.pid),
    temporalDatabases: Object.values(TEMPORAL_DATABASES).map((d) => d.database),
  };
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
