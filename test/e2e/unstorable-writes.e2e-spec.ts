// A write that cannot succeed never wedges a referral (docs/ARCHITECTURE.md, "Writes that cannot succeed";
// docs/OPERATIONS.md, "A stuck move"), through GraphQL against the real worker, PostgreSQL and Temporal. The database
// refusals are provoked by triggers and a constraint this file installs on referral_handoff and referral (and drops
// afterwards), each keyed to a marker in a note or summary: a data exception (SQLSTATE 22023), a CHECK constraint, a
// serialization failure the first few times (transient), and a serialization failure for ever (a stuck write).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, NOTE, personNeed, REFERRAL, START, SUBMIT } from './support/documents';

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..');
const STUCK_MOVES = join(root, 'dist/apps/worker/src/stuck-moves.js');
const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let first: GraphQLSession;

const REFUSED = '[e2e-wedge-22023]';
const CHECKED = '[e2e-wedge-check]';
const FLAKY = '[e2e-wedge-flaky]';
const STUCK = '[e2e-wedge-stuck]';

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'wedge');
  [tier2, first] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
  ]);
  await dropFaults();
  // A sequence, not a table: nextval survives the rollback of the failing transaction.
  await queryRows(state.databaseUrl, `CREATE SEQUENCE e2e_wedge_flaky`);
  await queryRows(
    state.databaseUrl,
    `CREATE FUNCTION e2e_wedge_fault() RETURNS trigger LANGUAGE plpgsql AS $$
     -- A handoff's note or a referral's summary (to_jsonb: the other table's row has no such field).
     DECLARE text_in text := coalesce(to_jsonb(NEW)->>'note', to_jsonb(NEW)->>'summary', '');
     BEGIN
       IF text_in LIKE '%${REFUSED}%' THEN RAISE EXCEPTION 'e2e: refused' USING ERRCODE = '22023'; END IF;
       IF text_in LIKE '%${FLAKY}%' AND nextval('e2e_wedge_flaky') <= 3 THEN
         RAISE EXCEPTION 'e2e: serialization failure' USING ERRCODE = '40001';
       END IF;
       IF text_in LIKE '%${STUCK}%' THEN RAISE EXCEPTION 'e2e: serialization failure for ever' USING ERRCODE = '40001'; END IF;
       RETURN NEW;
     END $$`,
  );
  await queryRows(
    state.databaseUrl,
    `CREATE TRIGGER e2e_wedge_fault BEFORE INSERT ON referral_handoff FOR EACH ROW EXECUTE FUNCTION e2e_wedge_fault()`,
  );
  await queryRows(state.databaseUrl, `CREATE TRIGGER e2e_wedge_fault BEFORE INSERT ON referral FOR EACH ROW EXECUTE FUNCTION e2e_wedge_fault()`);
  await queryRows(state.databaseUrl, `ALTER TABLE referral_handoff ADD CONSTRAINT e2e_wedge_check CHECK (note NOT LIKE '%${CHECKED}%') NOT VALID`);
});

afterAll(async () => {
  await dropFaults();
});

async function dropFaults(): Promise<void> {
  await queryRows(state.databaseUrl, `DROP TRIGGER IF EXISTS e2e_wedge_fault ON referral_handoff`);
  await queryRows(state.databaseUrl, `DROP TRIGGER IF EXISTS e2e_wedge_fault ON referral`);
  await queryRows(state.databaseUrl, `ALTER TABLE referral_handoff DROP CONSTRAINT IF EXISTS e2e_wedge_check`);
  await queryRows(state.databaseUrl, `DROP FUNCTION IF EXISTS e2e_wedge_fault()`);
  await queryRows(state.databaseUrl, `DROP SEQUENCE IF EXISTS e2e_wedge_flaky`);
}

/** How long the test's own client waits for an answer (GraphQLSession.sendWithin). */
const CLIENT_LIMIT_MS = 30_000;

async function submitted(): Promise<{ id: string; workflowId: string }> {
  const result = await tier2.sendWithin<{ submitReferral: { id: string; status: string } }>(
    SUBMIT,
    { input: personNeed(city.areaCode) },
    CLIENT_LIMIT_MS,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.submitReferral.status).toBe('OFFERED');
  const id = result.data!.submitReferral.id;
  const [row] = await queryRows<{ workflow_id: string }>(state.databaseUrl, `SELECT workflow_id FROM referral WHERE id = $1`, [id]);
  return { id, workflowId: row.workflow_id };
}

async function read(id: string): Promise<{ status: string; handoffs: Array<{ seq: number; kind: string; note: string | null }> }> {
  return (await tier2.data<{ referral: { status: string; handoffs: Array<{ seq: number; kind: string; note: string | null }> } }>(REFERRAL, { id }))
    .referral;
}

function expectNotRecorded(result: GraphQLResponse<unknown>, reason: string): void {
  expect(result.errors?.map((e) => ({ code: e.extensions?.code, reason: e.extensions?.reason }))).toEqual([{ code: 'MOVE_NOT_RECORDED', reason }]);
  expect(result.errors![0].message).not.toContain('e2e');
}

function stuckMoves(args: string[]): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [STUCK_MOVES, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...state.appEnv },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a write the database refuses', () => {
  it('a data exception (SQLSTATE 22023) on a move: MOVE_NOT_RECORDED, the referral unchanged, the next moves work', async () => {
    const r = await submitted();
    const before = await read(r.id);
    expectNotRecorded(await first.sendWithin(ACCEPT, { id: r.id, note: `明日伺います ${REFUSED}` }, CLIENT_LIMIT_MS), 'WRITE_REFUSED');
    expect(await read(r.id)).toEqual(before);

    const accepted = await first.sendWithin<{ acceptReferral: { status: string } }>(ACCEPT, { id: r.id, note: '明日伺います' }, CLIENT_LIMIT_MS);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptReferral.status).toBe('ACCEPTED');
    const started = await first.sendWithin<{ startReferral: { status: string; handoffs: unknown[] } }>(START, { id: r.id }, CLIENT_LIMIT_MS);
    expect(started.errors).toBeUndefined();
    expect(started.data!.startReferral).toMatchObject({ status: 'IN_PROGRESS' });
    expect((await read(r.id)).handoffs.map((h) => h.kind)).toEqual(['SUBMITTED', 'OFFERED', 'ACCEPTED', 'STARTED']);
    // The refusal is in the audit log with its code, like any refused mutation.
    const audit = await queryRows<{ result: string }>(
      state.databaseUrl,
      `SELECT result FROM audit_event WHERE object_id = $1 AND operation = 'acceptReferral' ORDER BY id`,
      [r.id],
    );
    expect(audit.map((a) => a.result)).toEqual(['MOVE_NOT_RECORDED', 'OK']);
  });

  it('a violated CHECK constraint on a note: MOVE_NOT_RECORDED, nothing written, the holder’s next move works', async () => {
    const r = await submitted();
    expect((await first.sendWithin(ACCEPT, { id: r.id }, CLIENT_LIMIT_MS)).errors).toBeUndefined();
    const before = await read(r.id);
    expectNotRecorded(await tier2.sendWithin(NOTE, { id: r.id, note: `電話で確認 ${CHECKED}` }, CLIENT_LIMIT_MS), 'WRITE_REFUSED');
    expect(await read(r.id)).toEqual(before);
    const started = await first.sendWithin<{ startReferral: { status: string } }>(START, { id: r.id }, CLIENT_LIMIT_MS);
    expect(started.errors).toBeUndefined();
    expect(started.data!.startReferral.status).toBe('IN_PROGRESS');
  });

  it('a refused submission: MOVE_NOT_RECORDED, no referral; the same request id with storable values then submits', async () => {
    const input = personNeed(city.areaCode, { summary: `送迎が必要 ${REFUSED}` });
    expectNotRecorded(await tier2.sendWithin(SUBMIT, { input }, CLIENT_LIMIT_MS), 'WRITE_REFUSED');
    expect(await queryRows(state.databaseUrl, `SELECT 1 FROM referral WHERE client_request_id = $1`, [input.clientRequestId])).toEqual([]);

    const again = await tier2.sendWithin<{ submitReferral: { id: string; status: string } }>(
      SUBMIT,
      { input: { ...input, summary: '送迎が必要' } },
      CLIENT_LIMIT_MS,
    );
    expect(again.errors).toBeUndefined();
    expect(again.data!.submitReferral.status).toBe('OFFERED');
  });
});

describe('a transient failure', () => {
  it('a serialization failure the first three times is retried: the move succeeds with one handoff', async () => {
    const r = await submitted();
    const accepted = await first.sendWithin<{ acceptReferral: { status: string } }>(ACCEPT, { id: r.id, note: `伺います ${FLAKY}` }, 60_000);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptReferral.status).toBe('ACCEPTED');
    const [{ n }] = await queryRows<{ n: string }>(state.databaseUrl, `SELECT last_value AS n FROM e2e_wedge_flaky`);
    expect(Number(n)).toBeGreaterThanOrEqual(4); // three refusals, then the write that went through
    expect((await read(r.id)).handoffs.map((h) => h.kind)).toEqual(['SUBMITTED', 'OFFERED', 'ACCEPTED']);
  });
});

describe('a stuck write', () => {
  it('is listed by npm run stuck-moves and released: the waiting move answers MOVE_NOT_RECORDED, the next move works', async () => {
    const r = await submitted();
    const before = await read(r.id);
    // The api may give up waiting first (its own bound, UNAVAILABLE): the outcome is read from the referral below.
    const waiting = first.sendWithin(ACCEPT, { id: r.id, note: `伺います ${STUCK}` }, 120_000);

    let listed: Array<{ workflowId: string; objectId: string; attempt: number; writing: { seq: number; what: string }; lastFailure: string }> = [];
    for (const until = Date.now() + 60_000; Date.now() < until; await sleep(1000)) {
      const list = stuckMoves(['--min-attempts', '3', '--json']);
      expect(list.code).toBe(0);
      listed = JSON.parse(list.output.trim().split('\n').at(-1)!);
      if (listed.some((s) => s.workflowId === r.workflowId)) break;
    }
    const stuck = listed.find((s) => s.workflowId === r.workflowId);
    expect(stuck).toMatchObject({
      objectId: r.id,
      writing: { seq: 3, what: 'MOVE' },
      lastFailure: expect.stringMatching(/^WRITE_RETRYING: .*serialization_failure/),
    });
    expect(stuck!.attempt).toBeGreaterThanOrEqual(3);
    expect(stuck!.lastFailure).not.toContain('e2e');
    // The plain listing, as an operator reads it.
    expect(stuckMoves(['--min-attempts', '3']).output).toContain(`${r.workflowId}\treferral ${r.id}\tMOVE seq 3\trecordReferralTransition attempt`);

    const released = stuckMoves(['release', r.workflowId, '--seq', '3', '--operator', 'e2e-operator']);
    expect(released).toMatchObject({ code: 0 });
    expect(released.output).toContain('stuck-moves: released the write MOVE seq 3');

    const answer = await waiting;
    expect(['MOVE_NOT_RECORDED', 'UNAVAILABLE']).toContain(answer.errors?.[0]?.extensions?.code);
    if (answer.errors?.[0]?.extensions?.code === 'MOVE_NOT_RECORDED') expect(answer.errors[0].extensions!.reason).toBe('RELEASED_BY_OPERATOR');
    expect(await read(r.id)).toEqual(before);
    const audit = await queryRows(
      state.databaseUrl,
      `SELECT actor_role, operation, object_type, result, details FROM audit_event WHERE object_id = $1 AND operation = 'release-stuck-write'`,
      [r.id],
    );
    expect(audit).toEqual([
      {
        actor_role: 'CONSOLE',
        operation: 'release-stuck-write',
        object_type: 'Referral',
        result: 'OK',
        details: { workflowId: r.workflowId, seq: 3, what: 'MOVE', operator: 'e2e-operator' },
      },
    ]);

    // Answering again: the holder's move goes through.
    const accepted = await first.sendWithin<{ acceptReferral: { status: string } }>(ACCEPT, { id: r.id, note: '伺います' }, CLIENT_LIMIT_MS);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptReferral.status).toBe('ACCEPTED');
    expect(stuckMoves(['release', r.workflowId]).code).toBe(2); // nothing in flight any more
  });
});
