// Where the time of one request goes, hop by hop. Requests are sent one at a time (no queueing), each workflow's
// history is fetched, and its event times (same machine, same clock as this process) split the client's latency into:
// client → Temporal (for the GraphQL paths: the api's work before it calls Temporal), workflow tasks waiting for the
// worker (dispatch) and running on it (local activities run inside them: counted, their time is the task's), activities
// waiting and running, the rest of the server's time, and Temporal → client (for GraphQL: the api's work after Temporal
// answered).
import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { HopKey, HopPath, HopSample } from './hop-table';
import { acceptDirect, BenchContext, OpenReferral, openReferrals, submitDirect } from './scenarios';

export * from './hop-table';

const E = temporal.api.enums.v1.EventType;

interface Timed {
  type: number;
  at: number;
  /** A marker's name: `core_local_activity` for a local activity's result, `core_patch` for a patch. */
  marker?: string;
}

function eventMs(ts: temporal.api.history.v1.IHistoryEvent['eventTime']): number {
  return Number(ts?.seconds ?? 0) * 1000 + (ts?.nanos ?? 0) / 1e6;
}

/** Splits [sentAt, answeredAt] using the workflow's events in that interval. */
export function splitHistory(events: Timed[], sentAt: number, answeredAt: number): HopSample {
  // The request's events: from the first one at or after it was sent to the update's completion.
  const from = events.findIndex((e) => e.at >= sentAt - 1);
  const to = events.findIndex((e, i) => i >= from && e.type === E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
  const mine = from >= 0 && to >= 0 ? events.slice(from, to + 1) : [];
  const hops: Record<HopKey, number> = { toServer: 0, wftDispatch: 0, wftRun: 0, activityDispatch: 0, activityRun: 0, serverOther: 0, toClient: 0 };
  if (!mine.length) {
    return { totalMs: answeredAt - sentAt, workflowTasks: 0, activities: 0, localActivities: 0, hops: { ...hops, serverOther: answeredAt - sentAt } };
  }
  const first = mine[0].at;
  const last = mine[mine.length - 1].at;
  hops.toServer = Math.max(0, first - sentAt);
  hops.toClient = Math.max(0, answeredAt - last);
  let workflowTasks = 0;
  let activities = 0;
  const pairs = (scheduled: number, started: number, completed: number, dispatch: HopKey, run: HopKey) => {
    for (let i = 0; i < mine.length; i++) {
      if (mine[i].type !== scheduled) continue;
      const start = mine.slice(i + 1).find((e) => e.type === started);
      const done = mine.slice(i + 1).find((e) => e.type === completed);
      if (!start || !done) continue;
      hops[dispatch] += start.at - mine[i].at;
      hops[run] += done.at - start.at;
      if (run === 'wftRun') workflowTasks += 1;
      else activities += 1;
    }
  };
  pairs(E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, E.EVENT_TYPE_WORKFLOW_TASK_STARTED, E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, 'wftDispatch', 'wftRun');
  pairs(
    E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
    E.EVENT_TYPE_ACTIVITY_TASK_STARTED,
    E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
    'activityDispatch',
    'activityRun',
  );
  const accounted = hops.wftDispatch + hops.wftRun + hops.activityDispatch + hops.activityRun;
  hops.serverOther = Math.max(0, last - first - accounted);
  const localActivities = mine.filter((e) => e.type === E.EVENT_TYPE_MARKER_RECORDED && e.marker === 'core_local_activity').length;
  return { totalMs: answeredAt - sentAt, workflowTasks, activities, localActivities, hops };
}

async function timedEvents(ctx: BenchContext, workflowId: string): Promise<Timed[]> {
  const history = await ctx.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).map((e) => ({
    type: Number(e.eventType),
    at: eventMs(e.eventTime),
    marker: e.markerRecordedEventAttributes?.markerName ?? undefined,
  }));
}

async function workflowIdOf(ctx: BenchContext, referralId: string): Promise<string> {
  const { rows } = await ctx.pool.query<{ workflow_id: string }>('SELECT workflow_id FROM referral WHERE id = $1', [referralId]);
  return rows[0].workflow_id;
}

/** A request timed by its sender: the referral it moved, when it was sent and answered (this machine's clock, ms). */
export interface TimedMove {
  referralId: string;
  sentAt: number;
  answeredAt: number;
}

/**
 * Splits requests that were measured under load (not one at a time as in measureHops) into hops: their workflows'
 * histories are read afterwards, `concurrency` at a time, so the split costs nothing while the requests run.
 */
export async function splitTimedMoves(ctx: BenchContext, moves: readonly TimedMove[], concurrency = 4): Promise<HopSample[]> {
  if (!moves.length) return [];
  const { rows } = await ctx.pool.query<{ id: string; workflow_id: string }>('SELECT id, workflow_id FROM referral WHERE id = ANY($1::uuid[])', [
    moves.map((m) => m.referralId),
  ]);
  const workflowIds = new Map(rows.map((r) => [r.id, r.workflow_id]));
  const samples: HopSample[] = [];
  let next = 0;
  const lane = async () => {
    while (next < moves.length) {
      const move = moves[next++];
      const workflowId = workflowIds.get(move.referralId);
      if (!workflowId) throw new Error(`hops: no referral ${move.referralId}`);
      samples.push(splitHistory(await timedEvents(ctx, workflowId), move.sentAt, move.answeredAt));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, moves.length) }, lane));
  return samples;
}

const SUBMIT = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id status } }`;
const ACCEPT = `mutation Accept($id: ID!) { acceptReferral(id: $id) { id status } }`;

/** `count` requests of each of the four paths, one at a time, split into hops. */
export async function measureHops(ctx: BenchContext, count: number): Promise<HopPath[]> {
  const paths: HopPath[] = [
    { label: 'submit: raw update-with-start (what the api sends)', samples: [] },
    { label: 'submit: GraphQL submitReferral (A3)', samples: [] },
    { label: 'accept: raw Update (A4)', samples: [] },
    { label: 'accept: GraphQL acceptReferral (A5)', samples: [] },
  ];
  const open: OpenReferral[] = await openReferrals(ctx, 'hops-open', count * 2, 4);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  for (let i = 0; i < count; i++) {
    let sentAt = Date.now();
    const referralId = await submitDirect(ctx, 'hops');
    paths[0].samples.push(splitHistory(await timedEvents(ctx, await workflowIdOf(ctx, referralId)), sentAt, Date.now()));
    await pause();

    sentAt = Date.now();
    const response = await ctx.tier2.session.send<{ submitReferral: { id: string } }>(SUBMIT, {
      input: {
        clientRequestId: `bench-${ctx.tag}-hops-gql-${randomUUID()}`,
        category: 'TRANSPORT',
        areaCode: ctx.city.areaCode,
        summary: '週2回の通院に付き添いと送迎が必要',
        subjectKind: 'PERSON',
        subject: { displayName: '山田 H.', ageBand: '80代', contact: '072-000-1111' },
        consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z' },
        destination: 'PARTNER',
      },
    });
    const answeredAt = Date.now();
    if (!response.data) throw new Error(`hops: submitReferral failed: ${JSON.stringify(response.errors)}`);
    paths[1].samples.push(splitHistory(await timedEvents(ctx, await workflowIdOf(ctx, response.data.submitReferral.id)), sentAt, answeredAt));
    await pause();

    const direct = open[2 * i];
    sentAt = Date.now();
    await acceptDirect(ctx, direct);
    paths[2].samples.push(splitHistory(await timedEvents(ctx, direct.workflowId), sentAt, Date.now()));
    await pause();

    const viaApi = open[2 * i + 1];
    const partner = ctx.partners.get(viaApi.organizationId)!;
    sentAt = Date.now();
    const accepted = await partner.session.send(ACCEPT, { id: viaApi.id });
    const acceptedAt = Date.now();
    if (!accepted.data) throw new Error(`hops: acceptReferral failed: ${JSON.stringify(accepted.errors)}`);
    paths[3].samples.push(splitHistory(await timedEvents(ctx, viaApi.workflowId), sentAt, acceptedAt));
    await pause();
  }
  return paths;
}
