// `npm run bench:mail [-- --smoke] [--offers 1000] [--rate 20] [--accepts 400] [--block 100] [--interleave 0]`: notifications by mail
// under load (issue 15). On a stack of its own with a mail catcher (a real SMTP server, in this process) as its mail
// server: submits at a fixed arrival rate (A3, each an offer to a partner, whose user gets an OFFER mail) and accepts
// (A5, the coordinator gets an ACCEPTED mail), in blocks that alternate between the recipients wanting mail at once and
// having every kind OFF (then no outbox row is written), so the moves with and without notifications share the
// machine's conditions. Then waits until every outbox row is SENT and every mail has arrived, and prints the time from
// the handoff (the row, written in the handoff's transaction) to delivery (the catcher's receipt), p50/p99/max, and
// the moves' latencies per mode. docs/BENCHMARKS.md, "Mail".
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import type { Histogram } from 'hdr-histogram-js';
import { Pool } from 'pg';
import { readDataKeys } from '@tsunagu/crypto';
import { createDataSource, readDatabaseConfig } from '@tsunagu/persistence';
import { tsunaguDataConverter } from '@tsunagu/temporal';
import { CaughtMail, DEV_MAIL_FROM, freePort, GraphQLSession, mailCatcherClient, startStack } from '@tsunagu/testing';
import {
  childPidByName,
  CpuSampler,
  processCpuSeconds,
  treeCpuSeconds,
  CpuTimes,
  cpuDelta,
  cpuSum,
  postmasterPid,
  PROCESS_NAMES,
  ZERO_CPU,
} from './cpu-sampler';
import { newHistogram, runOpenLoop, sleep } from './open-loop';
import { createContext } from './context';
import { createScenarios } from './scenarios';
import { HopSample, renderHops, splitTimedMoves, TimedMove } from './hops';
import { InterleavedResult, renderInterleaved, runInterleaved, setDelivery } from './mail-interleaved';

type Mode = 'with' | 'without';

interface MailBenchOptions {
  offers: number;
  rate: number;
  accepts: number;
  block: number;
  /** Submits and accepts each, with and without mail mixed in the same blocks (mail-interleaved.ts); 0: none. */
  interleave: number;
}

const USAGE =
  'Usage: npm run bench:mail [-- --smoke] [--offers <n, 0 for none>] [--rate <per s>] [--accepts <n, 0 for none>] [--block <n>] [--interleave <n>]';
const started = performance.now();
const log = (line: string) => process.stderr.write(`[bench:mail ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

function parseOptions(argv: string[]): MailBenchOptions {
  const smoke = argv.includes('--smoke');
  const options: MailBenchOptions = smoke
    ? { offers: 40, rate: 20, accepts: 20, block: 20, interleave: 0 }
    : { offers: 1000, rate: 20, accepts: 400, block: 100, interleave: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--smoke') continue;
    const key = { '--offers': 'offers', '--rate': 'rate', '--accepts': 'accepts', '--block': 'block', '--interleave': 'interleave' }[flag] as
      keyof MailBenchOptions | undefined;
    const value = Number(argv[i + 1]);
    // --offers 0 or --accepts 0 leaves that move out.
    const least = key === 'offers' || key === 'accepts' || key === 'interleave' ? 0 : 1;
    if (!key || !Number.isFinite(value) || value < least) throw new Error(`${flag} ${argv[i + 1] ?? ''}: not understood\n${USAGE}`);
    options[key] = value;
    i++;
  }
  return options;
}

/** Every kind the bench's moves cause (offers to the partners, the coordinator's ACCEPTED), at once or off. */
const KINDS = ['OFFER', 'ACCEPTED', 'OFFER_REMINDER', 'OFFER_EXPIRED', 'UNMATCHED', 'ESCALATED', 'DECLINED', 'RETURNED', 'COMPLETED'];

async function setMode(users: GraphQLSession[], mode: Mode): Promise<void> {
  for (const kind of KINDS) await setDelivery(users, kind, mode);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-mail-'));
  log(`${options.offers} offers and ${options.accepts} accepts per mode at ${options.rate}/s, blocks of ${options.block}`);
  const mailServer = await startCatcherProcess();
  const catcher = mailCatcherClient(mailServer.controlUrl);
  log(`Mail catcher ${mailServer.url} (pid ${mailServer.child.pid}, nice ${CATCHER_NICE})`);
  const stack = await startStack({
    dataDir,
    persistent: false,
    temporalDbFile: join(dataDir, 'temporal.sqlite'),
    apiPort: await freePort('127.0.0.1'),
    temporalUiPort: false,
    env: { NODE_ENV: 'production', TSUNAGU_JWT_SECRET: randomBytes(32).toString('hex'), SMTP_URL: mailServer.url, MAIL_FROM: DEV_MAIL_FROM },
    log: (line) => log(line.replace(/\s+/g, ' ')),
  });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 10, application_name: 'tsunagu-bench-mail' });
  const db = await createDataSource(readDatabaseConfig(stack.appEnv), 'tsunagu-bench-mail').initialize();
  try {
    const dataKeys = readDataKeys(stack.appEnv);
    const temporal = new Client({
      connection,
      namespace: stack.appEnv.TEMPORAL_NAMESPACE ?? 'tsunagu',
      dataConverter: tsunaguDataConverter(dataKeys),
    });
    const ctx = await createContext(stack, temporal, pool, db, dataKeys, 'bench-mail');
    const [first, second] = [...ctx.partners.values()];
    const recipients = [ctx.tier2.session, first.session, second.session];
    const temporalPid = childPidByName('temporal');
    const sampler = new CpuSampler(() => ({
      postmaster: postmasterPid(join(dataDir, 'postgres')),
      temporal: [temporalPid],
      api: stack.api.child.pid,
      worker: stack.worker.child.pid,
    }));
    const scenarios = createScenarios(ctx, 16);
    const submit = scenarios.find((s) => s.id === 'A3')!;
    const accept = scenarios.find((s) => s.id === 'A5')!;

    // Warm-up, unmeasured, with mail on: connections, JIT, the sender's first claims.
    await setMode(recipients, 'with');
    await accept.prepare!(10);
    for (let i = 0; i < 10; i++) await submit.send();
    for (let i = 0; i < 10; i++) await accept.send();
    await waitForOutbox(pool, 60_000);

    const latency: Record<'A3' | 'A5', Record<Mode, Histogram>> = {
      A3: { with: newHistogram(), without: newHistogram() },
      A5: { with: newHistogram(), without: newHistogram() },
    };
    // A/A: each mode's blocks (they come in pairs) taken pair by pair alternately into two halves. The halves differ
    // only by chance (the machine's own swings), so their difference is what a difference between the modes must
    // exceed to mean anything.
    const halves: Record<'A3' | 'A5', Record<Mode, [Histogram, Histogram]>> = {
      A3: { with: [newHistogram(), newHistogram()], without: [newHistogram(), newHistogram()] },
      A5: { with: [newHistogram(), newHistogram()], without: [newHistogram(), newHistogram()] },
    };
    const failures = new Map<string, { failed: number; sent: number; sample: string }>();
    // Where the time goes (docs/BENCHMARKS.md, "Mail"): CPU seconds of each process and PostgreSQL's transactions and
    // rows, from a block's first request until the stack is quiet again with the outbox empty, so each block's mails
    // count in its own mode.
    const cost: Record<'A3' | 'A5', Record<Mode, { cpu: CpuTimes; sender: number; catcher: number; db: DbCounters; moves: number }>> = {
      A3: {
        with: { cpu: ZERO_CPU, sender: 0, catcher: 0, db: ZERO_DB, moves: 0 },
        without: { cpu: ZERO_CPU, sender: 0, catcher: 0, db: ZERO_DB, moves: 0 },
      },
      A5: {
        with: { cpu: ZERO_CPU, sender: 0, catcher: 0, db: ZERO_DB, moves: 0 },
        without: { cpu: ZERO_CPU, sender: 0, catcher: 0, db: ZERO_DB, moves: 0 },
      },
    };
    // Where each mode's time goes, hop by hop (the workflows' histories, read after each block): whether mail's extra
    // time is in the worker's transaction (activity run), in waiting for the worker, or in the api.
    const hopSamples: Record<'A3' | 'A5', Record<Mode, HopSample[]>> = { A3: { with: [], without: [] }, A5: { with: [], without: [] } };
    const runBlocks = async (id: 'A3' | 'A5', total: number) => {
      const scenario = id === 'A3' ? submit : accept;
      const blocks = Math.ceil(total / options.block);
      for (let b = 0; b < blocks * 2; b++) {
        // with, without, without, with, with, ...: each mode as often first as second.
        const mode: Mode = Math.floor((b + 1) / 2) % 2 === 0 ? 'with' : 'without';
        const count = Math.min(options.block, total - Math.floor(b / 2) * options.block);
        if (scenario.prepare) {
          // The referrals to accept are opened with mail off: their offers are not what this block measures.
          await setMode(recipients, 'without');
          await scenario.prepare(count);
        }
        await setMode(recipients, mode);
        // A clean split: the previous block's mails are sent and the stack is idle before this block starts.
        const ready = await settle(pool, sampler);
        const cpuBefore = sampler.read();
        const catcherBefore = processCpuSeconds(mailServer.child.pid);
        // The worker's child processes: its mail sender (apps/worker/src/mail/sender-process.ts).
        const senderCpu = () => treeCpuSeconds(stack.worker.child.pid) - processCpuSeconds(stack.worker.child.pid);
        const senderBefore = senderCpu();
        const dbBefore = await dbCounters(pool);
        const blockLatency = newHistogram();
        const timed: TimedMove[] = [];
        const send = async () => {
          const sentAt = Date.now();
          const sent = await scenario.send();
          if (sent) timed.push({ referralId: sent.referralId, sentAt, answeredAt: Date.now() });
        };
        const outcome = await runOpenLoop(options.rate, (count / options.rate) * 1000, send, blockLatency, 60_000);
        latency[id][mode].add(blockLatency);
        halves[id][mode][Math.floor(b / 4) % 2].add(blockLatency);
        const settled = await settle(pool, sampler);
        const spent = cost[id][mode];
        spent.cpu = cpuSum(spent.cpu, cpuDelta(cpuBefore, sampler.read()));
        spent.catcher += processCpuSeconds(mailServer.child.pid) - catcherBefore;
        spent.sender += senderCpu() - senderBefore;
        spent.db = dbSum(spent.db, dbDelta(dbBefore, await dbCounters(pool)));
        spent.moves += outcome.sent;
        hopSamples[id][mode].push(...(await splitTimedMoves(ctx, timed)));
        log(
          `${id} ${mode.padEnd(7)} block ${Math.floor(b / 2) + 1}/${blocks}: ${outcome.ok}/${outcome.sent} ok, p50 ${(blockLatency.getValueAtPercentile(50) / 1000).toFixed(1)} ms, p99 ${(blockLatency.getValueAtPercentile(99) / 1000).toFixed(1)} ms; settled ${ready.seconds.toFixed(1)} s before it; at its last answer ${settled.pending} mails pending, all sent and the stack idle ${settled.seconds.toFixed(1)} s later`,
        );
        const failure = failures.get(`${id} ${mode}`) ?? { failed: 0, sent: 0, sample: '' };
        failures.set(`${id} ${mode}`, {
          failed: failure.failed + outcome.errors,
          sent: failure.sent + outcome.sent,
          sample: failure.sample || (outcome.errorSamples[0] ?? '').slice(0, 160),
        });
      }
    };
    const measuredFrom = new Date();
    await runBlocks('A3', options.offers);
    await runBlocks('A5', options.accepts);
    const interleaved: InterleavedResult[] = [];
    if (options.interleave > 0) {
      for (const [id, scenario, kind, who] of [
        ['A3', submit, 'OFFER', [first.session, second.session]],
        ['A5', accept, 'ACCEPTED', [ctx.tier2.session]],
      ] as const) {
        // Every kind off but the one switched: the prepared referrals' offers send nothing.
        await setMode(recipients, 'without');
        interleaved.push(
          await runInterleaved({
            ctx,
            id,
            scenario,
            kind,
            recipients: [...who],
            total: options.interleave,
            rate: options.rate,
            block: options.block,
            toggleMs: TOGGLE_MS,
            settle: () => settle(pool, sampler),
            log,
          }),
        );
      }
    }

    log('waiting for the outbox to empty and every mail to arrive');
    const waitStarted = performance.now();
    await waitForOutbox(pool, 600_000);
    const { rows } = await pool.query<{ id: string; kind: string; created_at: Date; status: string }>(
      `SELECT id, kind, created_at, status FROM notification WHERE created_at >= $1 AND delivery = 'IMMEDIATE'`,
      [measuredFrom],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const mails = await catcher
      .waitForCount((mail) => byId.has(notificationId(mail) ?? ''), rows.length, 120_000)
      .catch(async () => {
        return (await catcher.mails()).filter((mail) => byId.has(notificationId(mail) ?? ''));
      });
    const drainSeconds = (performance.now() - waitStarted) / 1000;
    const delays = new Map<string, number[]>();
    const seen = new Set<string>();
    for (const mail of mails) {
      const id = notificationId(mail)!;
      if (seen.has(id)) continue; // a resend after a crash carries the same Message-ID: count the first arrival
      seen.add(id);
      const row = byId.get(id)!;
      const list = delays.get(row.kind) ?? [];
      list.push(Date.parse(mail.receivedAt) - row.created_at.getTime());
      delays.set(row.kind, list);
    }
    const all = [...delays.values()].flat();
    const duplicates = mails.length - seen.size;

    const ms = (h: Histogram, q: number) => (h.getValueAtPercentile(q) / 1000).toFixed(1);
    const pct = (h: Histogram, q: number, base: Histogram) =>
      `${(((h.getValueAtPercentile(q) - base.getValueAtPercentile(q)) / base.getValueAtPercentile(q)) * 100).toFixed(1)}%`;
    // A move left out (--offers 0 or --accepts 0) has no rows.
    const measured = (['A3', 'A5'] as const).filter((id) => latency[id].with.totalCount + latency[id].without.totalCount > 0);
    const lines = [
      `Mail benchmark: ${options.offers} submits (offers) and ${options.accepts} accepts per mode at ${options.rate}/s, blocks of ${options.block}, modes alternating`,
      `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )}; worker MAIL_POLL_MS ${stack.appEnv.MAIL_POLL_MS ?? '1000 (default)'}, MAIL_CONCURRENCY ${stack.appEnv.MAIL_CONCURRENCY ?? '4 (default)'}`,
      '',
      '| move | notifications | n | p50 ms | p99 ms | max ms | p50 vs without | p99 vs without |',
      '|---|---|---|---|---|---|---|---|',
      ...measured.flatMap((id) =>
        (['without', 'with'] as const).map((mode) => {
          const h = latency[id][mode];
          const vs = mode === 'with' ? [pct(h, 50, latency[id].without), pct(h, 99, latency[id].without)] : ['', ''];
          return `| ${id === 'A3' ? 'A3 submitReferral' : 'A5 acceptReferral'} | ${mode} | ${h.totalCount} | ${ms(h, 50)} | ${ms(h, 99)} | ${(h.maxValue / 1000).toFixed(1)} | ${vs.join(' | ')} |`;
        }),
      ),
      '',
      "A/A, each mode against itself (its blocks taken alternately into two halves of half the n): the spread of these differences is the machine's, and a difference between the modes within it is not one the benchmark can see.",
      '',
      '| move | notifications | n (half) | p50 ms | p99 ms | p50 second half vs first | p99 second half vs first |',
      '|---|---|---|---|---|---|---|',
      ...measured.flatMap((id) =>
        (['without', 'with'] as const).map((mode) => {
          const [first, second] = halves[id][mode];
          return `| ${id} | ${mode} | ${first.totalCount} / ${second.totalCount} | ${ms(first, 50)} / ${ms(second, 50)} | ${ms(first, 99)} / ${ms(second, 99)} | ${second.totalCount && first.totalCount ? `${pct(second, 50, first)} | ${pct(second, 99, first)}` : 'too few blocks | too few blocks'} |`;
        }),
      ),
      '',
      `Outbox rows written while measuring (IMMEDIATE): ${rows.length}; SENT: ${rows.filter((r) => r.status === 'SENT').length}; mails received for them: ${seen.size} (${duplicates} sent twice); outbox empty and mail in ${drainSeconds.toFixed(1)} s after the last move`,
      '',
      '| mail | n | handoff → delivered p50 ms | p99 ms | max ms |',
      '|---|---|---|---|---|',
      ...[...delays.entries(), ['all', all] as [string, number[]]].map(
        ([kind, list]) => `| ${kind} | ${list.length} | ${quantile(list, 0.5)} | ${quantile(list, 0.99)} | ${quantile(list, 1)} |`,
      ),
      '',
      "Cost per move, from the block's first request until the stack is idle with the outbox empty (CPU ms per process: the mail sender is the worker's child process (in the worker before); the mail catcher, another machine's work in production, apart; PostgreSQL commits and rows):",
      '',
      `| move | notifications | ${PROCESS_NAMES.join(' | ')} | mail sender | all CPU | mail catcher | commits | rows inserted | rows updated |`,
      `|---|---|${PROCESS_NAMES.map(() => '---|').join('')}---|---|---|---|---|---|`,
      ...measured.flatMap((id) =>
        (['without', 'with'] as const).map((mode) => {
          const { cpu, sender, catcher: catcherCpu, db: counters, moves } = cost[id][mode];
          const per = (value: number, digits: number) => (moves ? (value / moves).toFixed(digits) : '—');
          const total = PROCESS_NAMES.reduce((sum, name) => sum + cpu[name], 0) + sender;
          return `| ${id} | ${mode} | ${PROCESS_NAMES.map((name) => per(cpu[name] * 1000, 1)).join(' | ')} | ${per(sender * 1000, 1)} | ${per(total * 1000, 1)} | ${per(catcherCpu * 1000, 1)} | ${per(counters.commits, 1)} | ${per(counters.inserted, 1)} | ${per(counters.updated, 1)} |`;
        }),
      ),
      '',
      'Per hop (medians of every measured move, from its workflow history; ms):',
      '',
      renderHops(
        (['A3', 'A5'] as const)
          .flatMap((id) => (['without', 'with'] as const).map((mode) => ({ label: `${id} ${mode}`, samples: hopSamples[id][mode] })))
          .filter((path) => path.samples.length),
      ),
      '',
      `The same for each mode's slowest ${TAIL_PERCENT}% (by the time from sending to the answer; medians of them): where the tail's time goes.`,
      '',
      renderHops(
        (['A3', 'A5'] as const)
          .flatMap((id) =>
            (['without', 'with'] as const).map((mode) => ({
              label: `${id} ${mode}, slowest ${TAIL_PERCENT}%`,
              samples: slowest(hopSamples[id][mode], TAIL_PERCENT),
            })),
          )
          .filter((path) => path.samples.length),
      ),
      '',
      ...renderInterleaved(interleaved, TOGGLE_MS),
      '',
      ...[...failures.entries()].map(([what, f]) => `${what}: ${f.failed} of ${f.sent} failed${f.sample ? `, e.g. ${f.sample}` : ''}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (seen.size < rows.length) process.exitCode = 1;
  } finally {
    await connection.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    await stack.stop();
    mailServer.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const TAIL_PERCENT = 2;
/** How long the interleaved comparison keeps each choice: a second of moves (10 at --rate 10). */
const TOGGLE_MS = 1000;

/** The slowest `percent`% of the samples (at least one), by their total. */
function slowest(samples: HopSample[], percent: number): HopSample[] {
  if (!samples.length) return [];
  const count = Math.max(1, Math.round((samples.length * percent) / 100));
  return [...samples].sort((a, b) => b.totalMs - a.totalMs).slice(0, count);
}

/** The catcher's nice value: on a city's network the SMTP server is another machine, not the moves' competitor. */
const CATCHER_NICE = 19;

/**
 * The mail catcher (the e2e tests' SMTP server) in a process of its own at a lower CPU priority, steered over its
 * control port: out of this process, whose event loop times the moves, and behind the stack on the CPU. It keeps
 * each mail's source and receipt time (the end of DATA) and parses when the mails are read, after the moves.
 */
async function startCatcherProcess(): Promise<{ url: string; controlUrl: string; child: ChildProcess }> {
  const module = join(__dirname, '..', '..', 'libs', 'testing', 'src', 'servers', 'mail-catcher.js');
  const code = `require(${JSON.stringify(module)}).startMailCatcher({ parseWhenRead: true, control: true })
    .then((c) => console.log(JSON.stringify({ url: c.url, controlUrl: c.controlUrl })));
    process.on('disconnect', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const started = await new Promise<{ url: string; controlUrl: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the mail catcher ended (code ${code})`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString('utf8'))));
  });
  for (const tid of readdirSync(`/proc/${child.pid}/task`)) setPriority(Number(tid), CATCHER_NICE);
  return { ...started, child };
}

/** The sender's Message-ID of a single mail is `<n-<notification id>@domain>` (apps/worker/src/mail/mail-sender.ts). */
function notificationId(mail: CaughtMail): string | undefined {
  return /^<n-([0-9a-f-]{36})@/.exec(mail.messageId ?? '')?.[1];
}

async function waitForOutbox(pool: Pool, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE status = 'PENDING' AND delivery = 'IMMEDIATE'`);
    if (Number(rows[0].n) === 0) return;
    if (performance.now() > deadline) throw new Error(`${rows[0].n} mails still PENDING after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/** Waits until no IMMEDIATE row is PENDING and the stack's processes use under a fifth of a core (at most 60 s). */
async function settle(pool: Pool, sampler: CpuSampler): Promise<{ pending: number; seconds: number }> {
  const started = performance.now();
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE status = 'PENDING' AND delivery = 'IMMEDIATE'`);
  await waitForOutbox(pool, 60_000);
  let quiet = 0;
  let last = sampler.read();
  let at = performance.now();
  while (quiet < 2 && performance.now() - started < 60_000) {
    await sleep(250);
    const now = sampler.read();
    const delta = cpuDelta(last, now);
    const used = (delta.postgres + delta.temporal + delta.api + delta.worker) / ((performance.now() - at) / 1000);
    quiet = used < 0.2 ? quiet + 1 : 0;
    last = now;
    at = performance.now();
  }
  return { pending: Number(rows[0].n), seconds: (performance.now() - started) / 1000 };
}

interface DbCounters {
  commits: number;
  inserted: number;
  updated: number;
}
const ZERO_DB: DbCounters = { commits: 0, inserted: 0, updated: 0 };

/** PostgreSQL's own counters for this database; the statistics are flushed within a second, so read them settled. */
async function dbCounters(pool: Pool): Promise<DbCounters> {
  await sleep(1100);
  const { rows } = await pool.query<{ commits: string; inserted: string; updated: string }>(
    `SELECT xact_commit AS commits, tup_inserted AS inserted, tup_updated AS updated FROM pg_stat_database WHERE datname = current_database()`,
  );
  return { commits: Number(rows[0].commits), inserted: Number(rows[0].inserted), updated: Number(rows[0].updated) };
}

function dbDelta(before: DbCounters, after: DbCounters): DbCounters {
  return { commits: after.commits - before.commits, inserted: after.inserted - before.inserted, updated: after.updated - before.updated };
}

function dbSum(a: DbCounters, b: DbCounters): DbCounters {
  return { commits: a.commits + b.commits, inserted: a.inserted + b.inserted, updated: a.updated + b.updated };
}

function quantile(values: number[], q: number): string {
  if (!values.length) return '—';
  const sorted = [...values].sort((a, b) => a - b);
  return String(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(`bench:mail: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
