// The fault-injection suite (issue 16; docs/RELIABILITY.md): under a steady load of submissions and answers, one
// scenario per fault, each repeated at seeded random moments, then every invariant checked. Writes the table of faults
// survived into docs/RELIABILITY.md when every scenario ran. `npm run test:faults`; FAULTS_SEED replays a run,
// FAULTS_REPEAT (3), FAULTS_RATE (submissions a second, 2) and FAULTS_SECONDS (load window, 6) size it, FAULTS_ONLY
// (parts of scenarios' names, comma-separated) runs only those.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { appDataConverter, createTestCity, signIn } from '@tsunagu/testing/e2e';
import { FAULT_SCENARIOS, FaultRow, FaultScenario, replaceFaultsTable } from '@tsunagu/testing/faults/reliability-table';
import { canStartCluster, FaultStack, startFaultStack, TemporalService } from './fault-stack';
import { checkInvariants } from './invariants';
import { Caller, LoadCity, runLoad, seededRandom } from './load';

const SEED = Number(process.env.FAULTS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const REPEAT = Number(process.env.FAULTS_REPEAT ?? 3);
const RATE = Number(process.env.FAULTS_RATE ?? 2);
const SECONDS = Number(process.env.FAULTS_SECONDS ?? 6);
const ONLY = process.env.FAULTS_ONLY?.trim();
/** The longest outage, for every fault: each lasts 1 s to this (plus the time the part takes to start again). */
const OUTAGE_SECONDS = process.env.FAULTS_OUTAGE_SECONDS ? Number(process.env.FAULTS_OUTAGE_SECONDS) : null;
const DOC = join(__dirname, '..', '..', 'docs', 'RELIABILITY.md');

jest.setTimeout(15 * 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`[faults] ${line}\n`);

interface Fault {
  /** Takes the part down at the chosen moment. */
  inject(stack: FaultStack): Promise<void>;
  /** Brings it back after the chosen outage. */
  recover(stack: FaultStack): Promise<void>;
  /** Needs Temporal's services as separate processes. */
  cluster?: boolean;
  /** The longest outage in seconds (default 5). */
  maxOutageSeconds?: number;
}

// Up to 20 s for Temporal's services: long enough that the SDK's own retries give up and clients hear UNAVAILABLE (the
// issue measured a masked INTERNAL_SERVER_ERROR with history stopped for 30 s).
const temporalKill = (service: TemporalService): Fault => ({
  cluster: true,
  maxOutageSeconds: 20,
  inject: (stack) => stack.killTemporal(service),
  recover: (stack) => stack.startTemporal(service),
});

const FAULTS: Record<FaultScenario, Fault> = {
  'kill -9 api': { inject: (s) => s.killApi(), recover: (s) => s.startApi() },
  'kill -9 worker': { inject: (s) => s.killWorker(), recover: (s) => s.startWorker() },
  'kill -9 Temporal history': temporalKill('history'),
  'kill -9 Temporal matching': temporalKill('matching'),
  'kill -9 Temporal frontend': temporalKill('frontend'),
  'PostgreSQL killed and restarted': { inject: (s) => s.killPostgres(), recover: (s) => s.startPostgres() },
  'api restarted, clients retrying': { inject: (s) => s.stopApi(), recover: (s) => s.startApi() },
};

let stack: FaultStack;
let city: LoadCity;
let connection: Connection;
let temporal: Client;
const rows: FaultRow[] = [];

beforeAll(async () => {
  log(`seed ${SEED} (FAULTS_SEED=${SEED} replays the moments and choices), ${REPEAT} repetitions, ${RATE}/s for ${SECONDS} s`);
  stack = await startFaultStack(log);
  const test = await createTestCity(stack.databaseUrl, 'faults');
  const caller = async (email: string, label: string): Promise<Caller> => {
    const session = await signIn(stack.graphqlUrl, email, test.password);
    return { token: session.token!, userId: session.userId!, label };
  };
  city = {
    areaCode: test.areaCode,
    first: test.first,
    second: test.second,
    shop: test.shop,
    tier2: await caller(test.emails.tier2, 'tier-2 coordinator'),
    first_: await caller(test.emails.first, 'first partner'),
    second_: await caller(test.emails.second, 'second partner'),
  };
  connection = await Connection.connect({ address: stack.temporalAddress });
  temporal = new Client({ connection, namespace: stack.namespace, dataConverter: appDataConverter(stack.appEnv) });
});

afterAll(async () => {
  await connection?.close();
  await stack?.stop();
  const ran = new Set(rows.map((r) => r.scenario));
  if (FAULT_SCENARIOS.every((s) => ran.has(s))) {
    const note =
      `Written by \`npm run test:faults\` on ${new Date().toISOString().slice(0, 10)}: seed ${SEED}, ${REPEAT} repetitions of each ` +
      `scenario, ${RATE} submissions a second for ${SECONDS} s each, Temporal ${stack?.cluster ? 'cluster (four services)' : 'dev server'}.`;
    writeFileSync(
      DOC,
      replaceFaultsTable(
        readFileSync(DOC, 'utf8'),
        FAULT_SCENARIOS.map((s) => rows.find((r) => r.scenario === s)!),
        note,
      ),
    );
    log(`table written to ${DOC}`);
  } else {
    log(`not every scenario ran (${[...ran].join(', ') || 'none'}): docs/RELIABILITY.md left as it was`);
  }
});

describe('faults survived under load', () => {
  FAULT_SCENARIOS.forEach((scenario, index) => {
    const fault = FAULTS[scenario];
    const skip = (ONLY && !ONLY.split(',').some((part) => scenario.includes(part.trim()))) || (fault.cluster && !canStartCluster());
    (skip ? it.skip : it)(scenario, async () => {
      const row: FaultRow = { scenario, repetitions: 0, requests: 0, retryableErrors: 0, referrals: 0, violations: 0 };
      const violations: string[] = [];
      for (let rep = 1; rep <= REPEAT; rep++) {
        const random = seededRandom(SEED + index * 1000 + rep);
        // The load starts; the fault hits at a random moment inside its window and lasts a random 1 to 5 s (20 s for Temporal's).
        const load = runLoad(stack.graphqlUrl, city, random, RATE, SECONDS);
        const at = 1_000 + random() * (SECONDS * 1000 - 3_000);
        const down = 1_000 + random() * ((OUTAGE_SECONDS ?? fault.maxOutageSeconds ?? 5) - 1) * 1000;
        await sleep(at);
        const started = Date.now();
        await fault.inject(stack);
        await sleep(down);
        await fault.recover(stack);
        log(`${scenario} #${rep}: down at ${(at / 1000).toFixed(1)} s for ${((Date.now() - started) / 1000).toFixed(1)} s`);
        const cases = await load;
        await stack.ensureRunning();
        const checked = await checkInvariants(
          { url: stack.graphqlUrl, databaseUrl: stack.databaseUrl, temporal, coordinator: city.tier2, round: `${index}-${rep}` },
          cases,
        );
        // Requests sent counts every attempt, retries included; each retry follows one retryable error.
        const requests = [...cases.flatMap((c) => c.requests), ...checked.requests];
        const sent = requests.reduce((n, r) => n + r.attempts, 0);
        const retryable = requests.reduce((n, r) => n + r.retryable.length, 0);
        row.repetitions += 1;
        row.requests += sent;
        row.retryableErrors += retryable;
        row.referrals += cases.length;
        row.violations += checked.violations.length;
        violations.push(...checked.violations.map((v) => `#${rep}: ${v}`));
        for (const v of checked.violations) log(`${scenario} #${rep}: VIOLATION ${v}`);
        log(
          `${scenario} #${rep}: ${cases.length} referrals, ${sent} requests sent, ${retryable} retryable errors, ${checked.violations.length} violations`,
        );
      }
      rows.push(row);
      expect(violations).toEqual([]);
    });
  });
});
