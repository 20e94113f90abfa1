// The worker dies (SIGKILL, no goodbye) in the middle of referrals' lives and a new one takes over: mutations sent while
// no worker runs wait for one instead of failing, and nothing is lost, duplicated or left half-written.
//
// Other test files need a worker too, and jest runs files in any order: this file always leaves one running (the last
// one it starts, which dies with the jest process), whatever happens in its tests.
import { Client, Connection } from '@temporalio/client';
import { appDataConverter, createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, DECLINE, NOTE, personNeed, REFERRAL, START, SUBMIT, WITHDRAW } from './support/documents';
import { isAlive, killWorker, startDetachedWorker, WorkerProcess } from './support/workers';

jest.setTimeout(240_000);

/** How long the first test runs without any worker. */
const OUTAGE_MS = 25_000;

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let first: GraphQLSession;
let connection: Connection;
let temporal: Client;
/** The worker this file started last, if any. */
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'restart');
  [tier2, first] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
  ]);
  connection = await Connection.connect({ address: state.temporalAddress });
  // Query answers are encrypted like every payload: the client needs the stack's data keys.
  temporal = new Client({ connection, namespace: 'tsunagu', dataConverter: appDataConverter(state.appEnv) });
});

afterAll(async () => {
  // Whatever failed above, the files that run after this one find a worker.
  if ((!worker || worker.hasExited()) && !isAlive(state.workerPid)) await startWorker();
  await connection?.close();
});

/** Starts a worker that dies with jest, not before, and remembers it as this file's. */
async function startWorker(): Promise<WorkerProcess> {
  worker = await startDetachedWorker();
  return worker;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tracks whether a request has answered yet, without awaiting it. */
function track<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { promise, settled: () => done };
}

async function submit() {
  return (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral as { id: string; status: string };
}

interface HandoffRow {
  seq: number;
  kind: string;
  to_organization_id: string | null;
}

async function readModel(id: string) {
  const [referral] = await queryRows<{ status: string; last_seq: number; current_organization_id: string | null; workflow_id: string }>(
    state.databaseUrl,
    'SELECT status, last_seq, current_organization_id, workflow_id FROM referral WHERE id = $1',
    [id],
  );
  const handoffs = await queryRows<HandoffRow>(
    state.databaseUrl,
    'SELECT seq, kind, to_organization_id FROM referral_handoff WHERE referral_id = $1 ORDER BY seq',
    [id],
  );
  return { referral, handoffs };
}

/** The status a history leads to: its last move that changes the status (a NOTE does not). */
const STATUS_AFTER: Record<string, string> = {
  SUBMITTED: 'SUBMITTED',
  OFFERED: 'OFFERED',
  ACCEPTED: 'ACCEPTED',
  STARTED: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  UNMATCHED: 'UNMATCHED',
  ESCALATED: 'ESCALATED',
  WITHDRAWN: 'WITHDRAWN',
};

/** The read model of one referral is whole: seqs 1..last_seq without gaps, and the status is where the history leads. */
async function expectConsistent(id: string) {
  const { referral, handoffs } = await readModel(id);
  expect(referral).toBeDefined();
  expect(handoffs.map((h) => h.seq)).toEqual(Array.from({ length: referral.last_seq }, (_, i) => i + 1));
  const statusMoves = handoffs.filter((h) => h.kind in STATUS_AFTER);
  expect({ id, status: referral.status }).toEqual({ id, status: STATUS_AFTER[statusMoves.at(-1)!.kind] });
  if (referral.status === 'OFFERED' || referral.status === 'ACCEPTED') {
    const lastOffer = handoffs.filter((h) => h.kind === 'OFFERED').at(-1)!;
    expect(referral.current_organization_id).toBe(lastOffer.to_organization_id);
  }
  // The workflow agrees with its read model.
  const live = await temporal.workflow.getHandle(referral.workflow_id).query<{ status: string; lastSeq: number }>('referralState');
  expect({ id, status: live.status, lastSeq: live.lastSeq }).toEqual({ id, status: referral.status, lastSeq: referral.last_seq });
  return { referral, handoffs, kinds: handoffs.map((h) => h.kind) };
}

const count = (kinds: string[], kind: string) => kinds.filter((k) => k === kind).length;
const errorCodes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

describe('worker restarts', () => {
  it('holds a mutation sent while no worker runs until a new worker answers it', async () => {
    const referral = await submit();

    // The stack's own worker goes first.
    if (isAlive(state.workerPid)) await killWorker(state.workerPid);
    if (worker && !worker.hasExited()) await killWorker(worker.child.pid!);

    const accept = track(first.send(ACCEPT, { id: referral.id, note: '再起動中に承諾' }));
    const newcomer = track(tier2.send(SUBMIT, { input: personNeed(city.areaCode) }));
    // Longer than the Temporal server holds an update request open (about 20 s): the api's client must ask again.
    await sleep(OUTAGE_MS);
    expect({ acceptAnswered: accept.settled(), submitAnswered: newcomer.settled() }).toEqual({ acceptAnswered: false, submitAnswered: false });
    // Reads do not need the worker; the accept is not half-done in the read model.
    expect((await tier2.data(REFERRAL, { id: referral.id })).referral.status).toBe('OFFERED');
    expect((await readModel(referral.id)).referral).toMatchObject({ status: 'OFFERED', last_seq: 2 });

    await startWorker();
    const accepted = await accept.promise;
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptReferral.status).toBe('ACCEPTED');
    expect(accepted.data!.acceptReferral.handoffs.map((h: { kind: string }) => h.kind)).toEqual(['SUBMITTED', 'OFFERED', 'ACCEPTED']);
    const submitted = await newcomer.promise;
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitReferral).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.first.id } });

    const { kinds } = await expectConsistent(referral.id);
    expect(kinds).toEqual(['SUBMITTED', 'OFFERED', 'ACCEPTED']);
    expect((await expectConsistent(submitted.data!.submitReferral.id)).kinds).toEqual(['SUBMITTED', 'OFFERED']);

    // The new worker carries on with the referral's life.
    expect((await first.data(START, { id: referral.id })).startReferral.status).toBe('IN_PROGRESS');
  });

  it('loses nothing when the worker is killed while moves are in flight', async () => {
    if (!worker || worker.hasExited()) await startWorker();
    const referrals = await Promise.all(Array.from({ length: 6 }, () => submit()));
    const [a, b, c, d, e, f] = referrals.map((r) => r.id);

    const inFlight = {
      accepts: [a, b, c].map((id) => track(first.send(ACCEPT, { id, note: `accept ${id}` }))),
      declines: [d, e].map((id) => track(first.send(DECLINE, { id, reason: 'NO_CAPACITY', note: `decline ${id}` }))),
      notes: [a, b, c, d, e].map((id) => track(tier2.send(NOTE, { id, note: `note ${id}` }))),
      withdraw: track(tier2.send(WITHDRAW, { id: f, reason: '家族が対応' })),
      noteOnWithdrawn: track(tier2.send(NOTE, { id: f, note: 'same time as the withdrawal' })),
      submits: Array.from({ length: 2 }, () => track(tier2.send(SUBMIT, { input: personNeed(city.areaCode) }))),
    };
    await sleep(50);
    await killWorker(worker!.child.pid!);
    await sleep(1_000);
    await startWorker();

    const settle = <T>(items: Array<{ promise: Promise<T> }>) => Promise.all(items.map((i) => i.promise));
    const [accepts, declines, notes, withdraw, noteOnWithdrawn, submits] = await Promise.all([
      settle(inFlight.accepts),
      settle(inFlight.declines),
      settle(inFlight.notes),
      inFlight.withdraw.promise,
      inFlight.noteOnWithdrawn.promise,
      settle(inFlight.submits),
    ]);

    // Every mutation answered, none with an internal error.
    for (const response of [...accepts, ...declines, ...notes, withdraw, ...submits]) expect(errorCodes(response)).toEqual([]);
    expect([[], ['CONFLICT']]).toContainEqual(errorCodes(noteOnWithdrawn));
    for (const response of accepts) expect(response.data!.acceptReferral.status).toBe('ACCEPTED');
    // The partner that declined sees it offered on, to someone it no longer sees (the read model below says whom).
    for (const response of declines) expect(response.data!.declineReferral).toMatchObject({ status: 'OFFERED', currentOrganization: null });
    expect(withdraw.data!.withdrawReferral.status).toBe('WITHDRAWN');

    // Each move is in the history exactly once, and the read model is whole.
    for (const id of [a, b, c]) {
      const { referral, kinds } = await expectConsistent(id);
      expect(referral.status).toBe('ACCEPTED');
      expect([count(kinds, 'ACCEPTED'), count(kinds, 'NOTE'), kinds.length]).toEqual([1, 1, 4]);
    }
    for (const id of [d, e]) {
      const { referral, kinds } = await expectConsistent(id);
      expect(referral).toMatchObject({ status: 'OFFERED', current_organization_id: city.second.id });
      expect([count(kinds, 'DECLINED'), count(kinds, 'OFFERED'), count(kinds, 'NOTE'), kinds.length]).toEqual([1, 2, 1, 5]);
    }
    const withdrawn = await expectConsistent(f);
    expect(withdrawn.referral.status).toBe('WITHDRAWN');
    expect(count(withdrawn.kinds, 'WITHDRAWN')).toBe(1);
    expect(count(withdrawn.kinds, 'NOTE')).toBe(noteOnWithdrawn.errors ? 0 : 1);
    if (!noteOnWithdrawn.errors) expect(withdrawn.kinds.indexOf('NOTE')).toBeLessThan(withdrawn.kinds.indexOf('WITHDRAWN'));

    const newIds = submits.map((s) => s.data!.submitReferral.id);
    expect(new Set(newIds).size).toBe(2);
    for (const id of newIds) expect((await expectConsistent(id)).kinds).toEqual(['SUBMITTED', 'OFFERED']);
    const clientRequestIds = await queryRows<{ n: number }>(
      state.databaseUrl,
      'SELECT count(*)::int AS n FROM referral r JOIN area ar ON ar.id = r.area_id WHERE ar.code = $1',
      [city.areaCode],
    );
    // 2 from the first test, 6 + 2 here: nothing submitted twice.
    expect(clientRequestIds[0].n).toBe(10);
  });

  it('leaves a worker that serves new referrals', async () => {
    expect(worker && !worker.hasExited()).toBe(true);
    const referral = await submit();
    expect((await first.data(ACCEPT, { id: referral.id })).acceptReferral.status).toBe('ACCEPTED');
  });
});
