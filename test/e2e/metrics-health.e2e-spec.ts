// Issue 16's operator surface against real processes of this file's own (docs/OPERATIONS.md, "Metrics and health"):
// an api and a worker on a namespace of their own, each with its metrics listener, PostgreSQL reached through a relay
// the test can cut (both processes) and Temporal's frontend through another (the api).
// - /metrics on the api's metrics port (loopback) after a few operations: latency by root field, errors by code,
//   Temporal calls, pool use; not on the api's public port; no client-chosen operation name as a label.
// - /metrics on the worker: pool use and the Temporal SDK's series (workflow task latency, sticky cache).
// - /health/live stays 200 while /health/ready (and /health) answer 503 with PostgreSQL or Temporal cut, and 200 again
//   once they are back; the worker's /health/ready the same for PostgreSQL.
// - One request id on the api's, the workflow's and the activities' JSON log lines of one submission.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { createTestCity, GraphQLSession, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { freePort } from '@tsunagu/testing/servers/free-port';
import { startApiProcess, startWorkerProcess } from '@tsunagu/testing/stack/app-processes';
import { NOTE, personNeed } from './support/documents';
import { hostPortOf, startTcpProxy, TcpProxy } from './support/tcp-proxy';

jest.setTimeout(180_000);

const state = readE2eState();
const logDir = mkdtempSync(join(tmpdir(), 'tsunagu-ops-e2e-'));
const namespace = `tsunagu-ops-${randomUUID().slice(0, 8)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Process = Awaited<ReturnType<typeof startApiProcess>>;
let postgresRelay: TcpProxy;
let temporalRelay: TcpProxy;
let worker: Process;
let api: Process;
let apiUrl: string;
let apiMetrics: string;
let workerOps: string;
const apiLog = join(logDir, 'api.log');
const workerLog = join(logDir, 'worker.log');
let city: TestCity;
let tier2: GraphQLSession;

/** The namespace this file's processes use, so its worker alone runs their workflows and activities. */
async function registerNamespace(): Promise<void> {
  const connection = await Connection.connect({ address: state.temporalAddress });
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: (24 * 60 * 60) as never } });
    for (let i = 0; i < 100; i++) {
      const known = await connection.workflowService.describeNamespace({ namespace }).then(
        () => true,
        () => false,
      );
      if (known) return;
      await sleep(100);
    }
    throw new Error(`namespace ${namespace} not known 10 s after registering it`);
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  await registerNamespace();
  postgresRelay = await startTcpProxy(hostPortOf(state.databaseUrl));
  temporalRelay = await startTcpProxy(hostPortOf(state.temporalAddress));
  const relayedDb = new URL(state.databaseUrl);
  relayedDb.host = postgresRelay.address;
  const [apiPort, apiMetricsPort, workerMetricsPort] = [await freePort('127.0.0.1'), await freePort('127.0.0.1'), await freePort('127.0.0.1')];
  const env = { ...state.appEnv, TEMPORAL_NAMESPACE: namespace, DATABASE_URL: relayedDb.toString() };
  worker = await startWorkerProcess({ ...env, TSUNAGU_METRICS_PORT: String(workerMetricsPort) }, workerLog);
  // A short bound on Temporal calls: readiness notices a cut Temporal within it.
  api = await startApiProcess(
    { ...env, TEMPORAL_ADDRESS: temporalRelay.address, TSUNAGU_METRICS_PORT: String(apiMetricsPort), TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS: '3' },
    apiPort,
    apiLog,
  );
  apiUrl = `http://127.0.0.1:${apiPort}`;
  apiMetrics = `http://127.0.0.1:${apiMetricsPort}/metrics`;
  workerOps = `http://127.0.0.1:${workerMetricsPort}`;
  city = await createTestCity(state.databaseUrl, 'ops');
  tier2 = await signIn(`${apiUrl}/graphql`, city.emails.tier2, city.password);
});

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await postgresRelay?.close();
  await temporalRelay?.close();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tier2.token}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, requestId: response.headers.get('x-request-id'), json: (await response.json()) as any };
}

const SUBMIT_ID = `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`;

/** The samples of one metric in Prometheus text: labels as an object, value as a number. */
function samples(text: string, name: string): Array<{ labels: Record<string, string>; value: number }> {
  const found: Array<{ labels: Record<string, string>; value: number }> = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    found.push({ labels, value: Number(match[3]) });
  }
  return found;
}

const scrape = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};

describe('/metrics on the api', () => {
  it('has latency by root field, errors by code, Temporal calls and pool use, with bounded labels', async () => {
    const submitted = await post({ query: SUBMIT_ID, variables: { input: personNeed(city.areaCode) }, operationName: null });
    expect(submitted.json.errors).toBeUndefined();
    // A client-chosen operation name never becomes a label; a refused note counts as BAD_USER_INPUT.
    const refused = await post({
      query: NOTE.replace(/^mutation \w+/, 'mutation Yamada09012345678'),
      variables: { id: submitted.json.data.submitReferral.id, note: '   ' },
    });
    expect(refused.json.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    await post({ query: '{ referralz { id } }' });

    const text = await scrape(apiMetrics);
    const latency = samples(text, 'tsunagu_graphql_request_duration_seconds_count');
    expect(latency).toContainEqual({ labels: { operation: 'submitReferral', type: 'mutation', service: 'api' }, value: 1 });
    expect(latency).toContainEqual({ labels: { operation: 'addReferralNote', type: 'mutation', service: 'api' }, value: 1 });
    expect(latency).toContainEqual({ labels: { operation: '(invalid)', type: 'none', service: 'api' }, value: 1 });
    expect(samples(text, 'tsunagu_graphql_request_duration_seconds_bucket').length).toBeGreaterThan(10);
    const errors = samples(text, 'tsunagu_graphql_errors_total');
    expect(errors).toContainEqual({ labels: { operation: 'addReferralNote', code: 'BAD_USER_INPUT', service: 'api' }, value: 1 });
    expect(errors).toContainEqual({ labels: { operation: '(invalid)', code: 'GRAPHQL_VALIDATION_FAILED', service: 'api' }, value: 1 });
    expect(samples(text, 'tsunagu_temporal_call_duration_seconds_count')).toContainEqual({
      labels: { call: 'submitReferral', outcome: 'ok', service: 'api' },
      value: 1,
    });
    const pool = samples(text, 'tsunagu_db_pool_connections');
    expect(pool.map((s) => s.labels.state).sort()).toEqual(['idle', 'total', 'waiting']);
    expect(pool.find((s) => s.labels.state === 'total')!.value).toBeGreaterThan(0);
    expect(samples(text, 'tsunagu_db_pool_max')).toEqual([{ labels: { service: 'api' }, value: 10 }]);
    expect(samples(text, 'process_resident_memory_bytes')).toHaveLength(1);
    expect(text).not.toContain('Yamada');
    // Nothing registered an outbox backlog in this build's api: no series, rather than a made-up 0.
    expect(text).not.toContain('tsunagu_notification_outbox_backlog ');
  });

  it('is not served on the api’s own port, and its listener binds loopback by default', async () => {
    expect((await fetch(`${apiUrl}/metrics`)).status).toBe(404);
    const lines = readFileSync(apiLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.msg)).toContainEqual(expect.stringMatching(/^api: metrics at http:\/\/127\.0\.0\.1:\d+\/metrics$/));
  });
});

describe('/metrics on the worker', () => {
  it('has pool use and the Temporal SDK’s workflow task, activity and sticky cache series', async () => {
    const text = await scrape(`${workerOps}/metrics`);
    expect(samples(text, 'tsunagu_db_pool_connections').map((s) => s.labels)).toContainEqual({ state: 'total', service: 'worker' });
    expect(samples(text, 'temporal_workflow_task_execution_latency_count').length).toBeGreaterThan(0);
    expect(samples(text, 'temporal_activity_execution_latency_count').length).toBeGreaterThan(0);
    expect(samples(text, 'temporal_sticky_cache_size').length).toBeGreaterThan(0);
    expect(samples(text, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });
});

describe('liveness and readiness', () => {
  const status = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  /** Readiness answers the next state within a few probes (a pool notices a dead connection on its next use). */
  async function until(url: string, expected: number): Promise<{ status: number; body: Record<string, string> }> {
    let last = await status(url);
    for (let i = 0; i < 60 && last.status !== expected; i++) {
      await sleep(250);
      last = await status(url);
    }
    return last;
  }

  it('both ready, then PostgreSQL cut: ready and /health 503 naming it, live still 200; back: 200', async () => {
    expect(await status(`${apiUrl}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await status(`${apiUrl}/health/ready`)).toEqual({ status: 200, body: { status: 'ok', postgres: 'up', temporal: 'up' } });
    expect(await status(`${workerOps}/health/ready`)).toEqual({ status: 200, body: { status: 'ok', postgres: 'up', temporal: 'up', polling: 'up' } });
    await postgresRelay.cut();
    try {
      expect(await until(`${apiUrl}/health/ready`, 503)).toEqual({ status: 503, body: { status: 'unavailable', postgres: 'down', temporal: 'up' } });
      expect((await status(`${apiUrl}/health`)).status).toBe(503);
      expect(await status(`${apiUrl}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await until(`${workerOps}/health/ready`, 503)).toMatchObject({ status: 503, body: { postgres: 'down', temporal: 'up' } });
      expect(await status(`${workerOps}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    } finally {
      await postgresRelay.restore();
    }
    expect(await until(`${apiUrl}/health/ready`, 200)).toMatchObject({ status: 200, body: { postgres: 'up', temporal: 'up' } });
    expect(await until(`${workerOps}/health/ready`, 200)).toMatchObject({ status: 200, body: { postgres: 'up' } });
  });

  it('Temporal cut from the api: ready 503 naming it, live 200; back: 200', async () => {
    await temporalRelay.cut();
    try {
      expect(await until(`${apiUrl}/health/ready`, 503)).toEqual({ status: 503, body: { status: 'unavailable', postgres: 'up', temporal: 'down' } });
      expect((await status(`${apiUrl}/health/live`)).status).toBe(200);
    } finally {
      await temporalRelay.restore();
    }
    expect(await until(`${apiUrl}/health/ready`, 200)).toMatchObject({ status: 200, body: { temporal: 'up' } });
  });
});

describe('one request id across api, workflow and activities', () => {
  type Line = Record<string, unknown> & { level: number; msg?: string; requestId?: string };
  const linesOf = (file: string): Line[] =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        try {
          return JSON.parse(line) as Line;
        } catch {
          throw new Error(`not a JSON log line in ${file}: ${line}`);
        }
      });

  it('is on the api’s lines, the workflow’s Update line and each activity’s line of one submission, with nothing personal', async () => {
    const requestId = `ops-${randomUUID()}`;
    const need = personNeed(city.areaCode);
    const submitted = await post({ query: SUBMIT_ID, variables: { input: need } }, { 'x-request-id': requestId });
    expect(submitted.json.errors).toBeUndefined();
    expect(submitted.requestId).toBe(requestId);

    // The processes write their lines a moment after the answer.
    let worker: Line[] = [];
    let api: Line[] = [];
    for (let i = 0; i < 100; i++) {
      worker = linesOf(workerLog).filter((line) => line.requestId === requestId);
      api = linesOf(apiLog).filter((line) => line.requestId === requestId);
      const wrote = worker.some((line) => line.msg === 'activity completed' && line.activityType === 'recordReferralTransition');
      if (wrote && api.some((line) => line.msg === 'request completed')) break;
      await sleep(100);
    }
    expect(api.map((line) => line.msg)).toContain('request completed');
    expect(worker).toContainEqual(
      expect.objectContaining({ service: 'worker', msg: 'update received', update: 'submitReferral', sdkComponent: 'workflow', namespace }),
    );
    const activities = worker.filter((line) => line.msg === 'activity completed');
    expect(activities.map((line) => line.activityType)).toContain('recordReferralTransition');
    expect(activities[0]).toMatchObject({
      level: 30,
      sdkComponent: 'activity',
      durationMs: expect.any(Number),
      workflowId: expect.stringMatching(/^referral:/),
    });

    // Every worker line is JSON (linesOf would have thrown), and none holds the resident's data.
    const text = readFileSync(workerLog, 'utf8') + readFileSync(apiLog, 'utf8');
    for (const personal of ['山田 H.', '072-000-1111', need.summary as string]) expect(text).not.toContain(personal);
  });
});
