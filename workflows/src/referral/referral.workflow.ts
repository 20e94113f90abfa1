import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
// Relative imports into libs/: workflow code is bundled for the sandbox, where @tsunagu aliases do not resolve.
import {
  applyReferralCommand,
  assertAllowed,
  Deadline,
  DEFAULT_DEADLINE_RULE,
  deadlineFor,
  Destination,
  ErrorCode,
  extendDeadline,
  IllegalTransitionError,
  isClosed,
  nextWakeUp,
  recordPolicyHandoff,
  ReferralCommand,
  ReferralState,
  ReferralStatus,
  ReferralTransition,
  submitReferral,
  UserCommandType,
} from '../../../libs/domain/src';
import * as messages from '../../../libs/workflow-contracts/src/referral/messages';
import {
  MoveInput,
  PolicyHandoff,
  ReferralActivities,
  ReferralMoveResult,
  ReferralWorkflowInput,
  ReferralWorkflowResult,
  releaseWriteSignal,
  writeInFlightQuery,
} from '../../../libs/workflow-contracts/src';
import { SerialLock } from './serial-lock';
import { isMoveNotRecorded, refusedWriteBackoffMs, WriteGuard } from '../writes/write-guard';

const activityOptions = {
  startToCloseTimeout: '30 seconds',
  // Never give up on the read model: a database outage delays a move, it must not lose it.
  // Except a write the database refuses for good (WRITE_REFUSED, non-retryable): that fails its move (write-guard.ts).
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  // The default, spelled out: a released write (write-guard.ts) waits for the activity's own end, so one that in fact
  // succeeded still counts.
  cancellationType: 'WAIT_CANCELLATION_COMPLETED',
} as const;

/** Activities as Temporal tasks: the read-model write always; routing too for referrals started before CANDIDATE_LOOKUP_PATCH. */
const activities = proxyActivities<ReferralActivities>(activityOptions);

/**
 * Routing's directory read as a local activity: run by the worker inside the workflow task that asks, which saves a
 * workflow task and an activity task per routed move (docs/BENCHMARKS.md). Only the read: it writes nothing, so a
 * workflow task lost after it (a worker killed) just reads again. The write stays an activity task that a completed
 * workflow task schedules, so the read model never holds a move the workflow's history does not (a local write could
 * be repeated by a re-run task in a different order, with another move's handoff at its number).
 */
const localLookup = proxyLocalActivities<Pick<ReferralActivities, 'findNextCandidate'>>({
  ...activityOptions,
  // A longer backoff waits in a workflow timer rather than in the worker, reporting its task every few seconds.
  localRetryThreshold: '10 seconds',
});

/** Marks the version that runs business-day deadlines; referrals started before it carry on without timers. */
export const DEADLINES_PATCH = 'business-day-deadlines';

/** Marks the version that runs findNextCandidate as a local activity. */
export const CANDIDATE_LOOKUP_PATCH = 'local-candidate-lookup';

/** One referral from submission to its outcome. Moves arrive as Updates; each returns once the read model holds it. */
export async function referralWorkflow(input: ReferralWorkflowInput): Promise<ReferralWorkflowResult> {
  const { referralId, submission } = input;
  const deadlinesOn = patched(DEADLINES_PATCH);
  // Checked once, at start: a referral keeps the kind of activity it started with, so its history replays.
  const lookup = patched(CANDIDATE_LOOKUP_PATCH) ? localLookup : activities;
  const rule = input.deadlineRule ?? DEFAULT_DEADLINE_RULE;
  const lock = new SerialLock();
  let state: ReferralState = { status: ReferralStatus.SUBMITTED, currentOrganizationId: null, offeredOrganizationIds: [], outcome: null };
  let deadline: Deadline | null = null;
  /** Bumped by every committed change, so the deadline timer knows to look again. */
  let version = 0;
  let lastSeq = 0;
  let submitted = false;
  /** The submission's write was not stored: the workflow answers the submit Update with it and ends (no referral row). */
  let submissionFailure: ApplicationFailure | null = null;
  const writes = new WriteGuard();

  const result = (): ReferralMoveResult => ({ referralId, status: state.status, lastSeq });

  /**
   * Persists a transition (referral row plus its handoffs, one transaction), then makes it the live state.
   * `nextDeadline` decides the deadline after it; by default a new one starts when the referral changed hands or
   * status, and a progress deadline restarts on any update a person made. A write that is not stored (refused by the
   * database, or released by an operator) throws MOVE_NOT_RECORDED and changes nothing here.
   */
  async function commit(
    transition: ReferralTransition,
    nextDeadline?: (at: Date) => Deadline | null,
    kind: 'MOVE' | 'DEADLINE' | 'POLICY' = 'MOVE',
  ): Promise<void> {
    const now = new Date();
    const at = now.toISOString();
    const handoffs = transition.handoffs.map((handoff, index) => ({ ...handoff, seq: lastSeq + index + 1, at }));
    const seq = lastSeq + handoffs.length;
    const moved = transition.state.status !== state.status || transition.state.currentOrganizationId !== state.currentOrganizationId;
    const progressed = deadline?.kind === 'PROGRESS' && handoffs.some((handoff) => handoff.actorUserId !== null);
    const newDeadline = !deadlinesOn
      ? null
      : nextDeadline
        ? nextDeadline(now)
        : moved || progressed
          ? deadlineFor(transition.state.status, now, rule)
          : deadline;
    const what = lastSeq === 0 ? 'SUBMIT' : kind;
    await writes.run(seq, what, () =>
      activities.recordReferralTransition({
        referralId,
        workflowId: workflowInfo().workflowId,
        status: transition.state.status,
        currentOrganizationId: transition.state.currentOrganizationId,
        outcome: transition.state.outcome,
        responseDueAt: newDeadline?.dueAt ?? null,
        lastSeq: seq,
        at,
        submission: lastSeq === 0 ? { ...submission, createdAt: at } : undefined,
        handoffs,
      }),
    );
    state = transition.state;
    deadline = newDeadline;
    lastSeq = seq;
    version += 1;
  }

  /** The next partner to offer the need to after the current one, or null when none is left. */
  function nextCandidate(current: ReferralState): Promise<string | null> {
    return lookup.findNextCandidate({
      category: submission.category,
      areaId: submission.areaId,
      excludeOrganizationIds: current.offeredOrganizationIds,
    });
  }

  function handleMove<T extends Exclude<UserCommandType, 'EXTEND_DEADLINE'>>(
    update: UpdateDefinition<ReferralMoveResult, [MoveInput<T>]>,
    type: T,
  ): void {
    const toCommand = (move: MoveInput<T>, offerTo: string | null = null) => ({ ...move, type, offerTo }) as unknown as ReferralCommand;
    setHandler(
      update,
      (move) =>
        lock.run(async () => {
          if (submissionFailure) throw submissionFailure; // queued behind a submission that was not stored
          // Checked again here: another move may have changed the state since the validator ran.
          asFailure(() => assertAllowed(state, toCommand(move)));
          const offerTo = type === 'DECLINE' ? await nextCandidate(state) : null;
          await commit(asFailure(() => applyReferralCommand(state, toCommand(move, offerTo))));
          return result();
        }),
      { validator: (move) => asFailure(() => assertAllowed(state, toCommand(move))) },
    );
  }

  // The submission takes the lock before any move handler exists: a move that arrives with the first workflow task
  // (the SDK runs buffered Updates as their handlers are registered) queues behind it instead of overtaking it.
  const submitting = lock
    .run(async () => {
      const offerTo = submission.destination === Destination.TIER1 ? null : (submission.requestedOrganizationId ?? (await nextCandidate(state)));
      const actor = { userId: submission.submittedByUserId, organizationId: submission.submittedByOrganizationId, proxy: false };
      await commit(submitReferral({ type: 'SUBMIT', actor, destination: submission.destination, offerTo }));
      submitted = true;
    })
    .catch((error: unknown) => {
      if (!isMoveNotRecorded(error)) throw error;
      submissionFailure = error;
    });

  setHandler(messages.submitReferralUpdate, async () => {
    await condition(() => submitted || submissionFailure !== null);
    if (submissionFailure) throw submissionFailure;
    return result();
  });
  handleMove(messages.acceptReferralUpdate, 'ACCEPT');
  handleMove(messages.declineReferralUpdate, 'DECLINE');
  handleMove(messages.startReferralUpdate, 'START');
  handleMove(messages.completeReferralUpdate, 'COMPLETE');
  handleMove(messages.reassignReferralUpdate, 'REASSIGN');
  handleMove(messages.escalateReferralUpdate, 'ESCALATE');
  handleMove(messages.withdrawReferralUpdate, 'WITHDRAW');
  handleMove(messages.addReferralNoteUpdate, 'NOTE');

  const extensionCommand = (move: messages.ExtendDeadlineInput, note = ''): ReferralCommand => ({ ...move, type: 'EXTEND_DEADLINE', note });
  const assertExtensible = (move: messages.ExtendDeadlineInput) => {
    // Checked here too: a bad number would make the calendar throw inside the handler and stall the workflow task.
    if (!Number.isInteger(move.businessDays) || move.businessDays < 1) {
      throw ApplicationFailure.create({
        type: ErrorCode.BAD_USER_INPUT,
        message: 'businessDays must be a whole number of at least 1',
        nonRetryable: true,
        details: [{ field: 'businessDays' }],
      });
    }
    asFailure(() => assertAllowed(state, extensionCommand(move)));
    if (!deadline) throw conflictFailure('No deadline is running for this referral');
  };
  setHandler(
    messages.extendReferralDeadlineUpdate,
    (move) =>
      lock.run(async () => {
        assertExtensible(move);
        const extended = extendDeadline(deadline!, move.businessDays);
        const note = `Deadline moved by ${move.businessDays} business day(s) to ${extended.dueAt}`;
        await commit(applyReferralCommand(state, extensionCommand(move, note)), () => extended);
        return result();
      }),
    { validator: assertExtensible },
  );
  setHandler(messages.referralStateQuery, () => ({ ...state, referralId, lastSeq, deadline }));
  setHandler(writeInFlightQuery, () => writes.inFlight());
  setHandler(releaseWriteSignal, (release) => {
    if (writes.release(release)) log.warn('write released by an operator', { seq: release.seq, operator: release.operator });
  });

  // A linked regional issue's entry (DOMAIN.md, "The policy track", step 5): one handoff, allowed in every status (a
  // closed referral too, while this still runs), never touching the deadline. Through the lock, so it numbers after the
  // move before it; each (issue, issue event) is written once, however often the workflow sends it.
  const policyEntries = new Set<string>();
  /** Entries being written (or waiting to try again after a refusal): a duplicate signal meanwhile is ignored. */
  const policyPending = new Set<string>();
  async function writePolicyEntry(handoff: PolicyHandoff): Promise<void> {
    const key = `${handoff.issueId}:${handoff.issueSeq}`;
    if (policyEntries.has(key) || policyPending.has(key)) return;
    policyPending.add(key);
    try {
      for (let attempt = 0; ; attempt += 1) {
        const stored = await lock.run(async () => {
          if (submissionFailure) return true; // no referral to write to (cannot happen: issues link stored ones only)
          let transition: ReferralTransition;
          try {
            transition = recordPolicyHandoff(state, handoff);
          } catch (error) {
            if (error instanceof IllegalTransitionError) return true; // not a policy kind: nothing to write
            throw error;
          }
          try {
            await commit(transition, () => deadline, 'POLICY');
          } catch (error) {
            if (!isMoveNotRecorded(error)) throw error;
            return false;
          }
          policyEntries.add(key);
          return true;
        });
        if (stored) return;
        // Not stored: never dropped. Tried again after a pause, outside the lock so that moves go on meanwhile; this
        // pending handler keeps the workflow from ending until the entry is written.
        await sleep(refusedWriteBackoffMs(attempt));
      }
    } finally {
      policyPending.delete(key);
    }
  }
  setHandler(messages.policyHandoffSignal, writePolicyEntry);

  await submitting;
  if (submissionFailure) {
    // Nothing was stored: the submit Update has its answer; the workflow fails with it, so no half-born referral waits
    // (and the api's reuse policy lets the same clientRequestId start afresh).
    await condition(allHandlersFinished);
    throw submissionFailure;
  }

  // Deadlines: sleep until the next reminder or deadline; any committed change wakes the loop to look again.
  // A deadline's write that is not stored is tried again after a back-off (1 min doubling to 6 h), while moves go on.
  let deadlineRetry = null as { deadline: Deadline; attempt: number; at: number } | null;
  while (deadlinesOn && !isClosed(state.status)) {
    const seen = version;
    const current = deadline;
    if (!current) {
      await condition(() => version !== seen);
      continue;
    }
    if (deadlineRetry && deadlineRetry.deadline !== current) deadlineRetry = null; // a move set another deadline
    const wake = nextWakeUp(current);
    const wakeAt = Math.max(Date.parse(wake.at), deadlineRetry?.at ?? 0);
    const changed = await condition(() => version !== seen, Math.max(1, wakeAt - Date.now()));
    if (changed) continue;
    await lock.run(async () => {
      if (version !== seen) return; // a move landed while this waited for the lock
      try {
        await onDeadline(current, wake.reminder);
      } catch (error) {
        if (!isMoveNotRecorded(error)) throw error;
        const attempt = deadlineRetry?.attempt ?? 0;
        deadlineRetry = { deadline: current, attempt: attempt + 1, at: Date.now() + refusedWriteBackoffMs(attempt) };
      }
    });
  }

  /** What a passing deadline does (DOMAIN.md, "Deadlines and escalation"). */
  async function onDeadline(current: Deadline, reminder: boolean): Promise<void> {
    if (reminder) {
      const note = `Reminder: please answer by ${current.dueAt}`;
      await commit(applyReferralCommand(state, { type: 'REMIND', note }), () => ({ ...current, reminderAt: null }), 'DEADLINE');
      return;
    }
    switch (current.kind) {
      case 'OFFER_RESPONSE': {
        const offerTo = await nextCandidate(state);
        await commit(applyReferralCommand(state, { type: 'EXPIRE', offerTo }), undefined, 'DEADLINE');
        return;
      }
      case 'PROGRESS': {
        const note = `No update for ${rule.progressReminderDays} business days: reminding the holder and the coordinator`;
        await commit(applyReferralCommand(state, { type: 'REMIND', note }), (now) => deadlineFor(state.status, now, rule), 'DEADLINE');
        return;
      }
      case 'UNMATCHED_ESCALATION': {
        const note = `UNMATCHED for ${rule.unmatchedEscalationDays} business days: escalated to tier-1`;
        await commit(applyReferralCommand(state, { type: 'AUTO_ESCALATE', note }), undefined, 'DEADLINE');
        return;
      }
    }
  }

  // A closed referral ends once every accepted update has answered (and every policy signal is written).
  await condition(() => isClosed(state.status) && allHandlersFinished());
  return { referralId, status: state.status, outcome: state.outcome };
}

function conflictFailure(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: ErrorCode.CONFLICT, message, nonRetryable: true });
}

/** Turns a domain rule violation into a failure the caller receives (and the workflow survives). */
function asFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IllegalTransitionError) throw conflictFailure(error.message);
    throw error;
  }
}
