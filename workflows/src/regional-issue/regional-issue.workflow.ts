import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  sleep,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
// Relative imports into libs/: workflow code is bundled for the sandbox, where @tsunagu aliases do not resolve.
import {
  applyRegionalIssueCommand,
  createRegionalIssue,
  ErrorCode,
  IllegalTransitionError,
  InvalidInputError,
  isFinalIssueStatus,
  nextActionReminder,
  NotFoundError,
  RegionalIssueCommand,
  RegionalIssueState,
  RegionalIssueTransition,
  WRITE_REFUSED_FAILURE,
} from '../../../libs/domain/src';
import * as messages from '../../../libs/workflow-contracts/src/regional-issue/messages';
import {
  policyHandoffSignal,
  releaseWriteSignal,
  writeInFlightQuery,
  type PolicyActor,
  type PolicyHandoff,
  type RegionalIssueActivities,
  type RegionalIssueMoveResult,
  type RegionalIssueWorkflowInput,
  type RegionalIssueWorkflowResult,
} from '../../../libs/workflow-contracts/src';
import { SerialLock } from '../referral/serial-lock';
import { isMoveNotRecorded, refusedWriteBackoffMs, WriteGuard } from '../writes/write-guard';

const activities = proxyActivities<RegionalIssueActivities>({
  startToCloseTimeout: '30 seconds',
  // Never give up on the read model or a closed referral's history: an outage delays a move, it must not lose it.
  // Except a write the database refuses for good (WRITE_REFUSED, non-retryable): that fails its move (write-guard.ts).
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  // The default, spelled out: a released write waits for the activity's own end, so one that succeeded still counts.
  cancellationType: 'WAIT_CANCELLATION_COMPLETED',
});

/** Continue-as-new once the history holds this many events, unless the input says otherwise. */
export const DEFAULT_HISTORY_LIMIT = 2000;

/** What a signal to a workflow that has ended (or never existed) fails with. */
const EXTERNAL_WORKFLOW_NOT_FOUND = 'ExternalWorkflowExecutionNotFound';

/** One policy handoff waiting to be written into a linked referral's history. */
interface Delivery {
  referralId: string;
  workflowId: string;
  handoff: PolicyHandoff;
}

/**
 * One regional issue (地域課題) from creation to IMPLEMENTED or CLOSED (DOMAIN.md, "The policy track"). Moves arrive as
 * Updates; each returns once the issue's read model holds it. Then the entries the move makes for linked referrals are
 * delivered to the referrals' workflows (or, for a referral whose workflow has ended, written by an activity).
 * Runs for months: it continues as new when its history grows long, at a quiet point, carrying its state.
 */
export async function regionalIssueWorkflow(input: RegionalIssueWorkflowInput): Promise<RegionalIssueWorkflowResult> {
  const { issueId } = input;
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const lock = new SerialLock();
  let state: RegionalIssueState | null = input.carried?.state ?? null;
  let lastSeq = input.carried?.lastSeq ?? 0;
  /** Bumped by every committed change, so the reminder timer knows to look again. */
  let version = 0;
  let creationFailure: ApplicationFailure | null = null;
  /** Policy handoffs committed but not yet delivered, oldest first; grouped by the move that made them. */
  const outbox: Delivery[][] = [];
  let delivering = false;
  const writes = new WriteGuard();

  const result = (createdId: string | null = null): RegionalIssueMoveResult => ({ issueId, status: state!.status, lastSeq, createdId });

  /** Persists a transition (issue row and everything under it, plus its history rows: one transaction), then adopts it. */
  async function commit(transition: RegionalIssueTransition, what = 'MOVE'): Promise<void> {
    if (transition.events.length === 0) return; // nothing changed (e.g. linking referrals that were all linked)
    const at = new Date().toISOString();
    const events = transition.events.map((e, index) => ({ ...e, seq: lastSeq + index + 1, at }));
    const seq = lastSeq + events.length;
    // A write not stored (refused, or released by an operator) throws MOVE_NOT_RECORDED and changes nothing here.
    await writes.run(seq, what, () =>
      activities.recordRegionalIssueTransition({ workflowId: workflowInfo().workflowId, state: transition.state, lastSeq: seq, events }),
    );
    state = transition.state;
    lastSeq = seq;
    version += 1;
    if (transition.handoffs.length > 0) {
      outbox.push(
        transition.handoffs.map((h) => ({
          referralId: h.referralId,
          workflowId: h.workflowId,
          handoff: {
            issueId,
            issueSeq: events[h.event].seq,
            kind: h.kind,
            actorUserId: h.actorUserId,
            proposalId: h.proposalId,
            reason: h.reason,
            note: h.note,
            at,
          },
        })),
      );
    }
  }

  /** The transition a move makes now; throws the failure its caller gets when the move is not allowed. */
  function transitionFor(command: RegionalIssueCommand): RegionalIssueTransition {
    if (!state) throw ApplicationFailure.create({ type: ErrorCode.NOT_FOUND, message: 'The regional issue is not created yet', nonRetryable: true });
    const current = state;
    return asFailure(() => applyRegionalIssueCommand(current, command, new Date().toISOString()));
  }

  /**
   * Registers an Update: the validator tries the move on the current state (rejected moves never enter history); the
   * handler, under the lock, tries it again on the state the moves before it left, then commits it. `newId` is a
   * fresh id for what the move creates (a proposal, an action): a placeholder in the validator, which must not draw
   * from the workflow's random numbers (validators do not run on replay).
   */
  function handleMove<A extends { actor: PolicyActor }>(
    update: UpdateDefinition<RegionalIssueMoveResult, [A]>,
    toCommand: (input: A, newId: string) => RegionalIssueCommand,
    creates = false,
  ): void {
    setHandler(
      update,
      (move) =>
        lock.run(async () => {
          const newId = creates ? uuid4() : '';
          await commit(transitionFor(toCommand(move, newId)));
          return result(creates ? newId : null);
        }),
      {
        validator: (move) => {
          if (state) transitionFor(toCommand(move, 'validating'));
        },
      },
    );
  }

  // Creation takes the lock before any move handler exists: a move that arrives with the first workflow task queues
  // behind it. A continued run starts from the carried state instead.
  const creating = lock.run(async () => {
    if (state) return;
    const create = input.create;
    let transition: RegionalIssueTransition;
    try {
      if (!create) throw new InvalidInputError('A new regional issue needs its creation data');
      transition = asFailure(() => createRegionalIssue({ type: 'CREATE', issueId, ...create }, new Date().toISOString()));
    } catch (error) {
      const failure = error instanceof InvalidInputError ? toFailure(error) : error;
      if (!(failure instanceof ApplicationFailure)) throw failure; // a bug: fails the workflow task, which is retried
      creationFailure = failure;
      return;
    }
    try {
      await commit(transition, 'CREATE');
    } catch (error) {
      if (!isMoveNotRecorded(error)) throw error;
      creationFailure = error; // nothing stored: the create Update gets it and the workflow ends, no issue row
    }
  });

  setHandler(messages.createRegionalIssueUpdate, async () => {
    await condition(() => state !== null || creationFailure !== null);
    if (creationFailure) throw creationFailure;
    return result();
  });
  handleMove(messages.updateRegionalIssueUpdate, (m) => ({
    type: 'UPDATE',
    actorUserId: m.actor.userId,
    title: m.title,
    description: m.description,
    areaIds: m.areaIds,
  }));
  handleMove(messages.linkReferralsUpdate, (m) => ({ type: 'LINK', actorUserId: m.actor.userId, referrals: m.referrals, note: m.note }));
  handleMove(messages.unlinkReferralUpdate, (m) => ({ type: 'UNLINK', actorUserId: m.actor.userId, referralId: m.referralId, reason: m.reason }));
  handleMove(messages.closeRegionalIssueUpdate, (m) => ({ type: 'CLOSE', actorUserId: m.actor.userId, reason: m.reason }));
  handleMove(
    messages.draftPolicyProposalUpdate,
    (m, id) => ({ type: 'DRAFT', actorUserId: m.actor.userId, proposalId: id, title: m.title, body: m.body }),
    true,
  );
  handleMove(messages.revisePolicyProposalUpdate, (m) => ({
    type: 'REVISE',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    title: m.title,
    body: m.body,
  }));
  handleMove(messages.submitPolicyProposalUpdate, (m) => ({ type: 'SUBMIT', actorUserId: m.actor.userId, proposalId: m.proposalId }));
  handleMove(messages.addProposalToAgendaUpdate, (m) => ({
    type: 'ADD_TO_AGENDA',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    meetingId: m.meetingId,
  }));
  handleMove(messages.recordSubcommitteeDecisionUpdate, (m) => ({
    type: 'DECIDE',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    meetingId: m.meetingId,
    decision: m.decision,
    minutes: m.minutes,
    meeting: m.meeting ?? null,
  }));
  handleMove(
    messages.addFollowUpActionUpdate,
    (m, id) => ({
      type: 'ADD_ACTION',
      actorUserId: m.actor.userId,
      proposalId: m.proposalId,
      actionId: id,
      description: m.description,
      owner: m.owner,
      dueOn: m.dueOn,
    }),
    true,
  );
  handleMove(messages.completeFollowUpActionUpdate, (m) => ({
    type: 'COMPLETE_ACTION',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    actionId: m.actionId,
    note: m.note,
  }));
  setHandler(writeInFlightQuery, () => writes.inFlight());
  setHandler(releaseWriteSignal, (release) => {
    if (writes.release(release)) log.warn('write released by an operator', { seq: release.seq, operator: release.operator });
  });
  setHandler(messages.regionalIssueStateQuery, () => {
    if (!state) throw new Error('The regional issue is not created yet');
    return { ...state, lastSeq };
  });

  await creating;
  if (creationFailure) {
    // Nothing was written; the creating Update has its answer. (The api checks the input first: this is a guard.)
    await condition(allHandlersFinished);
    throw creationFailure;
  }

  /** Nothing in flight: no Update running (they are the lock's only other users) and every handoff delivered. */
  const quiet = () => outbox.length === 0 && !delivering && allHandlersFinished();
  const historyFull = () => workflowInfo().historyLength >= historyLimit || workflowInfo().continueAsNewSuggested;
  const finished = () => isFinalIssueStatus(state!.status);

  let reminderRetry = null as { actionId: string; attempt: number; at: number } | null;
  for (;;) {
    if (outbox.length > 0) {
      await deliverNext();
      continue;
    }
    if (finished() && quiet()) break;
    if (historyFull() && quiet()) {
      // Everything committed is delivered, so the new run needs only the state and the history position.
      await continueAsNew<typeof regionalIssueWorkflow>({
        issueId,
        carried: { state: state!, lastSeq, deliveredPolicyEvents: lastSeq },
        historyLimit: input.historyLimit,
      });
    }
    // Sleep until the next follow-up action is due, a move lands, or it is time to end or continue as new.
    const seen = version;
    const reminder = nextActionReminder(state!);
    const woken = () => version !== seen || outbox.length > 0 || ((finished() || historyFull()) && quiet());
    if (reminderRetry && reminderRetry.actionId !== reminder?.actionId) reminderRetry = null;
    const wakeAt = reminder ? Math.max(Date.parse(reminder.at), reminderRetry?.at ?? 0) : 0;
    const changed = reminder ? await condition(woken, Math.max(1, wakeAt - Date.now())) : (await condition(woken), true);
    if (changed || !reminder) continue;
    await lock.run(async () => {
      if (version !== seen) return; // a move landed while this waited for the lock
      // Cannot be refused by the rules: nextActionReminder named an action neither done nor reminded, and nothing
      // changed since. A write not stored is tried again after a back-off (1 min doubling to 6 h).
      const due: RegionalIssueCommand = { type: 'ACTION_DUE', proposalId: reminder.proposalId, actionId: reminder.actionId };
      try {
        await commit(applyRegionalIssueCommand(state!, due, new Date().toISOString()), 'ACTION_DUE');
      } catch (error) {
        if (!isMoveNotRecorded(error)) throw error;
        const attempt = reminderRetry?.attempt ?? 0;
        reminderRetry = { actionId: reminder.actionId, attempt: attempt + 1, at: Date.now() + refusedWriteBackoffMs(attempt) };
      }
    });
  }

  return { issueId, status: state!.status };

  /**
   * Delivers the oldest move's handoffs (to different referrals, so at once; one referral's entries stay in order
   * because moves are delivered one after another).
   */
  async function deliverNext(): Promise<void> {
    delivering = true;
    try {
      await Promise.all(outbox[0].map(deliver));
      outbox.shift();
    } finally {
      delivering = false;
    }
  }
}

/**
 * Writes one handoff into a referral's history: through its workflow while that runs (the workflow owns the sequence
 * numbers; it ignores a duplicate), else straight into the database by an activity. Never gives up: any other failure
 * (the server refusing the signal for now) is retried after a pause.
 */
async function deliver(delivery: Delivery): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    let ended: boolean;
    try {
      await getExternalWorkflowHandle(delivery.workflowId).signal(policyHandoffSignal, delivery.handoff);
      return;
    } catch (error) {
      if (isCancellation(error)) throw error;
      ended = error instanceof ApplicationFailure && error.type === EXTERNAL_WORKFLOW_NOT_FOUND;
    }
    if (ended) {
      try {
        await activities.recordClosedReferralPolicyHandoff({ referralId: delivery.referralId, handoff: delivery.handoff });
        return;
      } catch (error) {
        // Refused by the database (WRITE_REFUSED): never dropped, tried again after a longer pause (1 min to 6 h).
        if (!isWriteRefusedActivity(error)) throw error;
        await sleep(refusedWriteBackoffMs(attempt));
        continue;
      }
    }
    await sleep(Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6)));
  }
}

function isWriteRefusedActivity(error: unknown): boolean {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === WRITE_REFUSED_FAILURE;
}

/** The failure the caller gets; bad input names its field in the details (the api's BAD_USER_INPUT `fields`). */
function toFailure(error: IllegalTransitionError | NotFoundError | InvalidInputError): ApplicationFailure {
  const details = error instanceof InvalidInputError && error.field ? [{ field: error.field }] : undefined;
  return ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true, details });
}

/** Turns a domain rule violation into a failure the caller receives (and the workflow survives). */
function asFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IllegalTransitionError || error instanceof NotFoundError || error instanceof InvalidInputError) {
      throw toFailure(error);
    }
    throw error;
  }
}
