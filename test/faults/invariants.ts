// What must hold after every fault (docs/RELIABILITY.md, "Invariants"). Each check returns violations, one line each,
// naming the referral (or the clientRequestId of one that never got an id), never throws on a finding.
import { Client } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { NOTE } from '../e2e/support/documents';
import { Caller, LoadCase, RequestRecord, sendRetrying } from './load';

/** The Update that makes each move a person makes, and the handoff it writes (the routing that follows is the system's). */
export const UPDATE_KINDS: Record<string, string> = {
  submitReferral: 'SUBMITTED',
  acceptReferral: 'ACCEPTED',
  declineReferral: 'DECLINED',
  startReferral: 'STARTED',
  completeReferral: 'COMPLETED',
  addReferralNote: 'NOTE',
};
const PERSON_KINDS = new Set(Object.values(UPDATE_KINDS));
/** The one activity that writes a move to the read model (ReferralWorkflowState.commit). */
const WRITE_ACTIVITY = 'recordReferralTransition';
const QUERY_TIMEOUT_MS = 10_000;
/** How long the workflow may lag behind the read model: past the write activity's 30 s timeout and its retry. */
const CONVERGE_MS = 90_000;

export interface CheckContext {
  url: string;
  databaseUrl: string;
  temporal: Client;
  /** Who adds the "next move" note to open referrals. */
  coordinator: Caller;
  /** Makes this round's notes differ from the last round's (a repeated note is written once, by design). */
  round: string;
}

export interface CheckResult {
  violations: string[];
  /** Requests sent by the repeat and next-move checks. */
  requests: RequestRecord[];
}

export async function checkInvariants(ctx: CheckContext, cases: LoadCase[]): Promise<CheckResult> {
  const violations: string[] = [];
  const requests: RequestRecord[] = [];
  const db = new PgClient({ connectionString: ctx.databaseUrl });
  await db.connect();
  try {
    // 1. Every request answered success, or a retryable error that a retry turned into success.
    for (const c of cases) {
      for (const r of c.requests) if (r.failure) violations.push(`${name(c)}: ${r.failure}`);
      violations.push(...c.problems);
    }

    // 2. Exactly one referral per idempotency key: none lost, none doubled.
    const keys = cases.map((c) => String(c.input.clientRequestId));
    const rows = await db.query<{ key: string; ids: string[] }>(
      `SELECT client_request_id AS key, array_agg(id::text) AS ids FROM referral WHERE client_request_id = ANY($1) GROUP BY client_request_id`,
      [keys],
    );
    const byKey = new Map(rows.rows.map((r) => [r.key, r.ids]));
    for (const c of cases) {
      const ids = byKey.get(String(c.input.clientRequestId)) ?? [];
      if (ids.length !== 1) violations.push(`${name(c)}: ${ids.length} referrals for its clientRequestId (${ids.join(', ') || 'none'})`);
      else if (c.referralId && ids[0] !== c.referralId) violations.push(`${name(c)}: the api answered ${c.referralId}, the database holds ${ids[0]}`);
      else c.referralId ??= ids[0];
    }

    // 3. Repeating a request gives the same result and writes nothing: the submission (same clientRequestId) and the
    // last move (same person, same content), once each.
    for (const c of cases.filter((c) => c.referralId && c.last)) {
      const before = await handoffCount(db, c.referralId!);
      const submit: RequestRecord = { operation: 'repeat submitReferral', key: c.referralId!, attempts: 0, retryable: [] };
      const again = await sendRetrying<{ submitReferral: { id: string } }>(ctx.url, ctx.coordinator, submit, SUBMIT_AGAIN, {
        input: c.input,
      });
      requests.push(submit);
      if (submit.failure) violations.push(`${name(c)}: ${submit.failure}`);
      else if (again?.submitReferral.id !== c.referralId) violations.push(`${name(c)}: submitting again answered ${again?.submitReferral.id}`);
      const last = c.last!;
      if (last.operation !== 'submitReferral') {
        const move: RequestRecord = { operation: `repeat ${last.operation}`, key: c.referralId!, attempts: 0, retryable: [] };
        const answer = await sendRetrying<Record<string, { status: string }>>(ctx.url, last.caller, move, last.query, last.variables);
        requests.push(move);
        if (move.failure) violations.push(`${name(c)}: ${move.failure}`);
        else if (Object.values(answer ?? {})[0]?.status !== last.status)
          violations.push(`${name(c)}: ${last.operation} repeated answered ${Object.values(answer ?? {})[0]?.status}, first ${last.status}`);
      }
      const after = await handoffCount(db, c.referralId!);
      if (after !== before) violations.push(`${name(c)}: repeating its requests added ${after - before} handoffs`);
    }

    const ids = cases.flatMap((c) => (c.referralId ? [c.referralId] : []));
    // 4. No workflow stuck: each answers a query with the read model's status, and an open one takes its next move.
    const referrals = await db.query<{ id: string; workflow_id: string; status: string; last_seq: number }>(
      `SELECT id::text, workflow_id, status, last_seq FROM referral WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    for (const r of referrals.rows) {
      const state = await convergedState(ctx.temporal, r.workflow_id, r.status);
      if (state instanceof Error) {
        violations.push(`referral ${r.id}: its workflow answered no query: ${state.message}`);
        continue;
      }
      if (state.status !== r.status) {
        violations.push(`referral ${r.id}: the workflow says ${state.status}, the read model ${r.status}, ${CONVERGE_MS / 1000} s after the load`);
      }
      if (r.status === 'COMPLETED') continue;
      const note: RequestRecord = { operation: 'next move addReferralNote', key: r.id, attempts: 0, retryable: [] };
      await sendRetrying(ctx.url, ctx.coordinator, note, NOTE, { id: r.id, note: `確認 ${ctx.round}` });
      requests.push(note);
      if (note.failure) violations.push(`referral ${r.id}: took no next move: ${note.failure}`);
    }

    // 5. The history: numbered 1..last_seq without gap or repeat, and move for move what Temporal's history says.
    for (const r of referrals.rows) violations.push(...(await checkHistory(ctx, db, r.id, r.workflow_id)));

    // 6. Provision records and notifications: each exactly once for its handoff.
    violations.push(...(await checkRecords(db, ids)));
  } finally {
    await db.end();
  }
  return { violations, requests };
}

const SUBMIT_AGAIN = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id status } }`;

function name(c: LoadCase): string {
  return c.referralId ? `referral ${c.referralId}` : `submission ${String(c.input.clientRequestId)}`;
}

async function handoffCount(db: PgClient, referralId: string): Promise<number> {
  return Number((await db.query(`SELECT count(*) AS n FROM referral_handoff WHERE referral_id = $1`, [referralId])).rows[0].n);
}

async function checkHistory(ctx: CheckContext, db: PgClient, referralId: string, workflowId: string): Promise<string[]> {
  const violations: string[] = [];
  const at = `referral ${referralId}`;
  const handoffs = (
    await db.query<{ seq: number; kind: string }>(`SELECT seq, kind FROM referral_handoff WHERE referral_id = $1 ORDER BY seq`, [referralId])
  ).rows;
  const lastSeq = Number((await db.query(`SELECT last_seq FROM referral WHERE id = $1`, [referralId])).rows[0]?.last_seq);
  handoffs.forEach((h, i) => {
    if (h.seq !== i + 1) violations.push(`${at}: handoff ${i + 1} of its history has seq ${h.seq} (a gap or a repeat)`);
  });
  if (handoffs.length !== lastSeq) violations.push(`${at}: last_seq ${lastSeq}, ${handoffs.length} handoffs`);

  // Temporal's side: the Updates that completed successfully, in the order they completed (the workflow's lock runs them
  // one at a time), and the writes of the read model the workflow scheduled and saw complete.
  const { events } = await ctx.temporal.workflow.getHandle(workflowId).fetchHistory();
  const names = new Map<string, string>();
  const succeeded: string[] = [];
  let scheduledWrites = 0;
  let completedWrites = 0;
  const writeIds = new Set<string>();
  for (const event of events ?? []) {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted) names.set(accepted.protocolInstanceId ?? '', accepted.acceptedRequest?.input?.name ?? '');
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    if (completed && completed.outcome?.success) succeeded.push(names.get(completed.meta?.updateId ?? '') ?? '?');
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === WRITE_ACTIVITY) {
      scheduledWrites += 1;
      writeIds.add(String(event.eventId));
    }
    const done = event.activityTaskCompletedEventAttributes;
    if (done && writeIds.has(String(done.scheduledEventId))) completedWrites += 1;
  }
  const temporalMoves = succeeded.map((n) => UPDATE_KINDS[n] ?? `(${n})`);
  const storedMoves = handoffs.map((h) => h.kind).filter((kind) => PERSON_KINDS.has(kind));
  if (temporalMoves.join(' ') !== storedMoves.join(' ')) {
    violations.push(`${at}: Temporal's history has the moves [${temporalMoves.join(' ')}], the read model [${storedMoves.join(' ')}]`);
  }
  if (scheduledWrites !== succeeded.length || completedWrites !== scheduledWrites) {
    violations.push(`${at}: ${succeeded.length} moves, ${scheduledWrites} writes scheduled, ${completedWrites} completed`);
  }
  return violations;
}

async function checkRecords(db: PgClient, ids: string[]): Promise<string[]> {
  const violations: string[] = [];
  // Every OFFERED handoff of these (PERSON, consented) referrals gave the partner the age band: one record each.
  const provisions = await db.query<{ referral_id: string; seq: number; n: number }>(
    `SELECT h.referral_id::text, h.seq, count(p.id)::int AS n
       FROM referral_handoff h
       LEFT JOIN provision_record p ON p.referral_id = h.referral_id AND p.handoff_seq = h.seq
      WHERE h.referral_id = ANY($1::uuid[]) AND h.kind = 'OFFERED'
      GROUP BY h.referral_id, h.seq
     HAVING count(p.id) <> 1`,
    [ids],
  );
  for (const p of provisions.rows) violations.push(`referral ${p.referral_id}: ${p.n} provision records for its OFFERED handoff ${p.seq}`);
  const orphans = await db.query<{ referral_id: string; handoff_seq: number }>(
    `SELECT p.referral_id::text, p.handoff_seq FROM provision_record p
      WHERE p.referral_id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM referral_handoff h WHERE h.referral_id = p.referral_id AND h.seq = p.handoff_seq)`,
    [ids],
  );
  for (const p of orphans.rows) violations.push(`referral ${p.referral_id}: a provision record for handoff ${p.handoff_seq}, which does not exist`);

  // Notifications (the outbox): one row per handoff, kind and recipient; an offer to a partner with users mails them.
  const sources = ids.map((id) => `referral:${id}:%`);
  const doubled = await db.query<{ source_key: string; kind: string; recipient_key: string; n: number }>(
    `SELECT source_key, kind, recipient_key, count(*)::int AS n FROM notification WHERE source_key LIKE ANY($1)
      GROUP BY source_key, kind, recipient_key HAVING count(*) > 1`,
    [sources],
  );
  for (const d of doubled.rows) violations.push(`${d.source_key}: ${d.n} ${d.kind} notifications for one recipient`);
  const unmailed = await db.query<{ referral_id: string; seq: number }>(
    `SELECT h.referral_id::text, h.seq FROM referral_handoff h
       JOIN organization o ON o.id = h.to_organization_id AND o.has_system_users
      WHERE h.referral_id = ANY($1::uuid[]) AND h.kind = 'OFFERED'
        AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.source_key = 'referral:' || h.referral_id || ':' || h.seq)`,
    [ids],
  );
  for (const u of unmailed.rows) violations.push(`referral ${u.referral_id}: no notification for its OFFERED handoff ${u.seq}`);
  const stray = await db.query<{ source_key: string }>(
    `SELECT n.source_key FROM notification n WHERE n.source_key LIKE ANY($1)
        AND NOT EXISTS (SELECT 1 FROM referral_handoff h WHERE n.source_key = 'referral:' || h.referral_id || ':' || h.seq)`,
    [sources],
  );
  for (const s of stray.rows) violations.push(`${s.source_key}: a notification for a handoff that does not exist`);
  return violations;
}

/**
 * The workflow's state once it agrees with the read model, or as it is after CONVERGE_MS. The read model may be ahead
 * for a while: a move's write can land while Temporal's history service is down, and the workflow learns that the
 * write completed only when the worker's report gets through, or when the activity times out (30 s) and its idempotent
 * retry completes. A repeat answered meanwhile from the read model ("Repeats and idempotency") succeeds.
 */
async function convergedState(temporal: Client, workflowId: string, status: string): Promise<{ status: string } | Error> {
  const deadline = Date.now() + CONVERGE_MS;
  for (;;) {
    const state = await withTimeout(temporal.workflow.getHandle(workflowId).query<{ status: string }>('referralState'), QUERY_TIMEOUT_MS).catch(
      (error: Error) => error,
    );
    if (state instanceof Error || state.status === status || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
