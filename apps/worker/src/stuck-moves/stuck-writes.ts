// Finding and releasing a write that keeps failing (docs/OPERATIONS.md, "A stuck move"). A referral's or regional
// issue's workflow writes the read model one move at a time; while one write retries (a transient-looking error that
// never clears), the moves after it wait. These read what Temporal knows (the pending activity: attempt, last failure)
// and what the workflow says it is writing (the writeInFlight query), and send the releaseWrite signal.
import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  REFERRAL_WORKFLOW,
  REGIONAL_ISSUE_WORKFLOW,
  referralStateQuery,
  regionalIssueStateQuery,
  releaseWriteSignal,
  writeInFlightQuery,
  type WriteInFlight,
} from '@tsunagu/temporal';

/** The activities that write the read model (a read, findNextCandidate, only ever waits for the database). */
const WRITE_ACTIVITIES = new Set(['recordReferralTransition', 'recordRegionalIssueTransition', 'recordClosedReferralPolicyHandoff']);

export interface StuckWrite {
  workflowId: string;
  kind: 'referral' | 'regional issue';
  /** The referral's or issue's id (what the api and the read model call it); null when the workflow did not answer. */
  objectId: string | null;
  activity: string;
  attempt: number;
  /** What the workflow is writing (SUBMIT, MOVE, DEADLINE, POLICY, CREATE, ACTION_DUE) and its seq; null when unknown. */
  writing: WriteInFlight | null;
  /** When the write began (the workflow's time), or the current attempt's schedule time. */
  since: string | null;
  /** The last failure's type (WRITE_RETRYING for a database error, else the error class) and message (no values). */
  lastFailure: string;
}

export interface StuckWriteFilter {
  /** Listed from this attempt on (default 5: about 15 s of retrying). */
  minAttempts: number;
  /** And only when writing for at least this long (default 0). */
  minMinutes: number;
}

function kindOf(type: string): StuckWrite['kind'] | null {
  if (type === REFERRAL_WORKFLOW) return 'referral';
  if (type === REGIONAL_ISSUE_WORKFLOW) return 'regional issue';
  return null;
}

function timestampOf(value: unknown): string | null {
  const t = value as { seconds?: { toNumber?: () => number } | number; nanos?: number } | null | undefined;
  if (!t || t.seconds === undefined) return null;
  const seconds = typeof t.seconds === 'number' ? t.seconds : (t.seconds.toNumber?.() ?? Number(t.seconds));
  return new Date(seconds * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString();
}

async function objectIdOf(handle: WorkflowHandle, kind: StuckWrite['kind']): Promise<string | null> {
  try {
    if (kind === 'referral') return (await handle.query(referralStateQuery)).referralId;
    return (await handle.query(regionalIssueStateQuery)).issueId;
  } catch {
    return null; // no worker to answer, or not created yet
  }
}

async function writingOf(handle: WorkflowHandle): Promise<WriteInFlight | null> {
  try {
    return await handle.query(writeInFlightQuery);
  } catch {
    return null;
  }
}

/** The stuck write of one workflow, or null when it has none over the filter. */
export async function stuckWriteOf(client: Client, workflowId: string, filter: StuckWriteFilter): Promise<StuckWrite | null> {
  const handle = client.workflow.getHandle(workflowId);
  const description = await handle.describe();
  const kind = kindOf(description.type);
  if (!kind || description.status.name !== 'RUNNING') return null;
  const pending = (description.raw.pendingActivities ?? []).find((a) => WRITE_ACTIVITIES.has(a.activityType?.name ?? ''));
  if (!pending || (pending.attempt ?? 0) < filter.minAttempts) return null;
  const writing = await writingOf(handle);
  const since = writing?.since ?? timestampOf(pending.scheduledTime);
  if (filter.minMinutes > 0 && (!since || Date.now() - Date.parse(since) < filter.minMinutes * 60_000)) return null;
  const failure = pending.lastFailure;
  const type = failure?.applicationFailureInfo?.type || 'error';
  return {
    workflowId,
    kind,
    objectId: await objectIdOf(handle, kind),
    activity: pending.activityType?.name ?? '?',
    attempt: pending.attempt ?? 0,
    writing,
    since,
    lastFailure: `${type}: ${(failure?.message ?? '').slice(0, 200)}`,
  };
}

/** Every running referral and regional issue workflow whose write has been retrying past the filter. */
export async function listStuckWrites(client: Client, filter: StuckWriteFilter): Promise<StuckWrite[]> {
  const found: StuckWrite[] = [];
  const query = `ExecutionStatus = 'Running' AND (WorkflowType = '${REFERRAL_WORKFLOW}' OR WorkflowType = '${REGIONAL_ISSUE_WORKFLOW}')`;
  const ids: string[] = [];
  for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
  // A few describes at a time: a city has hundreds to a few thousand open referrals.
  for (let i = 0; i < ids.length; i += 8) {
    const batch = await Promise.all(ids.slice(i, i + 8).map((id) => stuckWriteOf(client, id, filter).catch(() => null)));
    found.push(...batch.filter((s): s is StuckWrite => s !== null));
  }
  return found;
}

export type ReleaseOutcome =
  /** The write was given up: the waiting move answered MOVE_NOT_RECORDED, the state is the previous one. */
  | 'released'
  /** The write had in fact succeeded by the time the release reached it: the move counts. */
  | 'stored after all'
  /** The workflow did not confirm within the wait (no worker running?); run the list again. */
  | 'unconfirmed';

export interface ReleaseResult {
  workflowId: string;
  kind: StuckWrite['kind'];
  objectId: string | null;
  writing: WriteInFlight;
  outcome: ReleaseOutcome;
}

export class NothingToRelease extends Error {}

/**
 * Releases the write the workflow is waiting for now: the seq it reports (or `expectedSeq`, when the operator names
 * it from the list, so that a write that finished meanwhile and a later one that started are never hit by mistake).
 */
export async function releaseStuckWrite(
  client: Client,
  workflowId: string,
  operator: string,
  expectedSeq: number | null,
  waitMs = 60_000,
): Promise<ReleaseResult> {
  const handle = client.workflow.getHandle(workflowId);
  const description = await handle.describe();
  const kind = kindOf(description.type);
  if (!kind) throw new NothingToRelease(`${workflowId} is a ${description.type}, not a referral or regional issue workflow`);
  if (description.status.name !== 'RUNNING') throw new NothingToRelease(`${workflowId} is ${description.status.name}, not running`);
  const writing = await handle.query(writeInFlightQuery);
  if (!writing) throw new NothingToRelease(`${workflowId} is writing nothing now`);
  if (expectedSeq !== null && writing.seq !== expectedSeq) {
    throw new NothingToRelease(`${workflowId} is writing seq ${writing.seq} now, not ${expectedSeq}: list again`);
  }
  await handle.signal(releaseWriteSignal, { seq: writing.seq, operator });
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    const now = await handle.query(writeInFlightQuery).catch(() => writing);
    if (!now || now.seq !== writing.seq || now.since !== writing.since) {
      // A released submission or creation ends its workflow, which may then not answer: nothing was stored.
      const lastSeq = await (kind === 'referral' ? handle.query(referralStateQuery) : handle.query(regionalIssueStateQuery)).then(
        (state) => state.lastSeq,
        () => 0,
      );
      return {
        workflowId,
        kind,
        objectId: await objectIdOf(handle, kind),
        writing,
        outcome: lastSeq >= writing.seq ? 'stored after all' : 'released',
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { workflowId, kind, objectId: await objectIdOf(handle, kind), writing, outcome: 'unconfirmed' };
}
