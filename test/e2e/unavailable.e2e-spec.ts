// No request waits without bound (issue 10, part 2): a second api with a 3 s bound on Temporal calls, against the
// stack's PostgreSQL and Temporal. With no worker running, a submit and an answer end as UNAVAILABLE (retryable) within
// about the bound instead of hanging; once a worker is back, the same requests give the one referral with its whole
// history and the one ACCEPTED handoff, and repeating them again is still a success.
//
// It stops every worker of the stack's task queue and leaves one running afterwards, recorded in the e2e state file
// as the stack's worker (so worker-restart.e2e-spec.ts, which kills that one, still finds no other when it runs later).
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import {
  createTestCity,
  GraphQLResponse,
  GraphQLSession,
  queryRows,
  readE2eState,
  signIn,
  TestCity,
  workflowExists,
  writeE2eState,
} from '@tsunagu/testing/e2e';
import { freePort } from '@tsunagu/testing/servers/free-port';
import { startApiProcess } from '@tsunagu/testing/stack/app-processes';
import { ACCEPT, NOTE, personNeed, SUBMIT } from './support/documents';
import { CREATE_ISSUE, issueInput, UPDATE_ISSUE } from './support/policy';
import { isAlive, killWorker, startDetachedWorker } from './support/workers';

jest.setTimeout(180_000);

const BOUND_SECONDS = 3;
/** Today's code waits as long as the outage lasts: the test's own client gives up after this and fails the test. */
const CLIENT_TIMEOUT_MS = 30_000;

type ServerProcess = Awaited<ReturnType<typeof startApiProcess>>;

const state = readE2eState();
const taskQueue = state.appEnv.TEMPORAL_TASK_QUEUE ?? 'tsunagu-referrals';
let city: TestCity;
let api: ServerProcess;
let tier2: GraphQLSession;
let first: GraphQLSession;
let tier1: GraphQLSession;
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'unavailable');
  const port = await freePort('127.0.0.1');
  api = await startApiProcess({ ...state.appEnv, TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS: String(BOUND_SECONDS) }, port);
  const url = `http://127.0.0.1:${port}/graphql`;
  [tier2, first, tier1] = await Promise.all([
    signIn(url, city.emails.tier2, city.password),
    signIn(url, city.emails.first, city.password),
    signIn(url, city.emails.tier1, city.password),
  ]);
  connection = await Connection.connect({ address: state.temporalAddress });
  temporal = new Client({ connection, namespace: state.appEnv.TEMPORAL_NAMESPACE ?? 'tsunagu' });
});

afterAll(async () => {
  // Whatever failed above, the files that run after this one find a worker.
  if ((await runningWorkerPids()).length === 0) await startWorker();
  await api?.stop();
  await connection?.close();
});

/** A live process running the compiled worker: never kill anything else a poller's identity may name. */
function isWorkerProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('apps/worker/src/main.js');
  } catch {
    return false;
  }
}

/** Workers polling the stack's task queue now (a worker's identity is `<pid>@<host>`), plus the recorded one. */
async function runningWorkerPids(): Promise<number[]> {
  const pids = new Set<number>([readE2eState().workerPid]);
  for (const taskQueueType of [1, 2]) {
    const described = await temporal.workflowService.describeTaskQueue({
      namespace: state.appEnv.TEMPORAL_NAMESPACE ?? 'tsunagu',
      taskQueue: { name: taskQueue, kind: 1 },
      taskQueueType,
    });
    for (const poller of described.pollers ?? []) {
      const pid = Number(/^(\d+)@/.exec(poller.identity ?? '')?.[1]);
      if (pid) pids.add(pid);
    }
  }
  return [...pids].filter((pid) => isAlive(pid) && isWorkerProcess(pid));
}

async function stopWorkers(): Promise<void> {
  for (const pid of await runningWorkerPids()) await killWorker(pid);
}

/** Starts a worker that dies with jest, not before, and records it as the stack's worker for the files that follow. */
async function startWorker(): Promise<void> {
  const started = await startDetachedWorker();
  writeE2eState(process.env.TSUNAGU_E2E_STATE_FILE!, { ...readE2eState(), workerPid: started.child.pid! });
}

/** The answer, or a failure once the test's own client has waited CLIENT_TIMEOUT_MS; with the time it took. */
async function timed<T>(request: Promise<GraphQLResponse<T>>): Promise<{ response: GraphQLResponse<T>; seconds: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CLIENT_TIMEOUT_MS / 1000} s: the request hangs`)), CLIENT_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([request, late]);
    return { response, seconds: (Date.now() - started) / 1000 };
  } finally {
    clearTimeout(timer);
  }
}

function expectUnavailable(answer: { response: GraphQLResponse<unknown>; seconds: number }) {
  expect(answer.response.data ?? null).toBeNull();
  expect(answer.response.errors).toHaveLength(1);
  const [error] = answer.response.errors!;
  expect(error.extensions).toEqual({
    code: 'UNAVAILABLE',
    retryable: true,
    messageJa: 'ただいま処理できません。しばらくしてからもう一度お試しください',
  });
  expect(error.message).toContain('may still happen');
  expect(error.message).toContain('sending the same request again');
  // About the bound: not at once (it waited for Temporal), and well before the client's own timeout.
  expect(answer.seconds).toBeGreaterThanOrEqual(BOUND_SECONDS - 0.5);
  expect(answer.seconds).toBeLessThan(BOUND_SECONDS + 5);
}

async function handoffKinds(referralId: string): Promise<string[]> {
  const rows = await queryRows<{ kind: string }>(state.databaseUrl, 'SELECT kind FROM referral_handoff WHERE referral_id = $1 ORDER BY seq', [
    referralId,
  ]);
  return rows.map((row) => row.kind);
}

describe('with no worker running, requests end as UNAVAILABLE and the same request again is safe', () => {
  it('a submit answers UNAVAILABLE within about the bound; the same clientRequestId later gives the one referral with its whole history', async () => {
    await stopWorkers();
    const input = personNeed(city.areaCode);
    const workflowId = `referral:${tier2.userId}:${input.clientRequestId}`;

    expectUnavailable(await timed(tier2.send(SUBMIT, { input })));
    // The workflow was started (the move may still happen), nothing is in the read model yet.
    expect(await workflowExists(temporal, workflowId)).toBe(true);
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM referral WHERE workflow_id = $1', [workflowId])).toEqual([]);
    // Sent again while still no worker runs: the same answer, not a second anything.
    expectUnavailable(await timed(tier2.send(SUBMIT, { input })));
    // Logged at warn, naming the call, without the submission.
    expect(api.outputTail()).toMatch(/"level":40,[^\n]*submitReferral: Temporal unavailable or no answer within 3 s, answered UNAVAILABLE/);
    expect(api.outputTail()).not.toContain('山田');

    await startWorker();
    const again = await timed(tier2.send(SUBMIT, { input }));
    expect(again.response.errors).toBeUndefined();
    const referral = again.response.data!.submitReferral;
    expect(referral).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.first.id } });
    expect(referral.handoffs.map((h: { kind: string }) => h.kind)).toEqual(['SUBMITTED', 'OFFERED']);

    // One referral row, one workflow, a complete history.
    const rows = await queryRows<{ id: string }>(state.databaseUrl, 'SELECT id FROM referral WHERE client_request_id = $1', [input.clientRequestId]);
    expect(rows).toEqual([{ id: referral.id }]);
    expect(await handoffKinds(referral.id)).toEqual(['SUBMITTED', 'OFFERED']);
    const runs: string[] = [];
    for await (const run of temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run.runId);
    expect(runs).toHaveLength(1);

    // And once more, now that it took effect: the same referral.
    const once = await timed(tier2.send(SUBMIT, { input }));
    expect(once.response.errors).toBeUndefined();
    expect(once.response.data!.submitReferral.id).toBe(referral.id);
  });

  it('an accept repeated after a timeout gives one ACCEPTED handoff and a success, and so does repeating it again', async () => {
    if ((await runningWorkerPids()).length === 0) await startWorker();
    const submitted = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral as { id: string };
    await stopWorkers();

    const accept = () => first.send(ACCEPT, { id: submitted.id, note: '停止中に承諾' });
    expectUnavailable(await timed(accept()));
    expectUnavailable(await timed(accept()));
    expect(await handoffKinds(submitted.id)).toEqual(['SUBMITTED', 'OFFERED']);

    await startWorker();
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await timed(accept());
      expect(answer.response.errors).toBeUndefined();
      expect(answer.response.data!.acceptReferral.status).toBe('ACCEPTED');
    }
    expect(await handoffKinds(submitted.id)).toEqual(['SUBMITTED', 'OFFERED', 'ACCEPTED']);

    // Another answer than the one given is still refused: only the same request counts as a repeat.
    const other = await first.send(ACCEPT, { id: submitted.id, note: '別の承諾' });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('a note sent twice is written once; a different note is a new one', async () => {
    if ((await runningWorkerPids()).length === 0) await startWorker();
    const submitted = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral as { id: string };
    for (const note of ['家族に連絡済み', '家族に連絡済み', '本人とも話した']) {
      const answer = await tier2.send(NOTE, { id: submitted.id, note });
      expect(answer.errors).toBeUndefined();
    }
    expect(await handoffKinds(submitted.id)).toEqual(['SUBMITTED', 'OFFERED', 'NOTE', 'NOTE']);
  });

  it('the policy track too: creating and changing an issue answer UNAVAILABLE, and the same requests later make one issue and one change', async () => {
    if ((await runningWorkerPids()).length === 0) await startWorker();
    const referral = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral as { id: string };
    await stopWorkers();

    const input = issueInput([city.areaCode], [referral.id]);
    expectUnavailable(await timed(tier1.send(CREATE_ISSUE, { input })));
    await startWorker();
    const created = await timed(tier1.send(CREATE_ISSUE, { input }));
    expect(created.response.errors).toBeUndefined();
    const issue = created.response.data!.createRegionalIssue as { id: string; events: unknown[] };
    const rows = await queryRows(state.databaseUrl, 'SELECT id FROM regional_issue WHERE workflow_id = $1', [
      `regional-issue:${tier1.userId}:${input.clientRequestId}`,
    ]);
    expect(rows).toEqual([{ id: issue.id }]);

    await stopWorkers();
    const change = () => tier1.send(UPDATE_ISSUE, { id: issue.id, input: { title: '通院の足 (更新)' } });
    expectUnavailable(await timed(change()));
    expectUnavailable(await timed(change()));
    await startWorker();
    const changed = await timed(change());
    expect(changed.response.errors).toBeUndefined();
    expect(changed.response.data!.updateRegionalIssue).toMatchObject({ title: '通院の足 (更新)' });
    // The two sent while no worker ran joined one Update, which the third joined too: one change in the history.
    expect(changed.response.data!.updateRegionalIssue.events).toHaveLength(issue.events.length + 1);
  });
});
