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
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
// Relative imports into libs/: workflow code is bundled for the sandbox, where @tsunagu aliases do not resolve.
import {
  applyReferralCommand,
  assertAllowed,
  closesWithRegionalIssue,
  closeWithRegionalIssue,
  Deadline,
  deadlineFor,
  Destination,
  ErrorCode,
  autoEscalationNote,
  deadlineExtensionNote,
  deadlineReminderNote,
  extendDeadline,
  IllegalTransitionError,
  isClosed,
  isTier1HandBack,
  isFinalIssueEntry,
  nextWakeUp,
  progressReminderNote,
  recordPolicyHandoff,
  ReferralCommand,
  ReferralState,
  ReferralTransition,
  resumeDateNote,
  resumeOnProblem,
  submitReferral,
  tier1OverdueNote,
  tier1ReminderNote,
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
import { ReferralWorkflowState } from './referral-workflow-state';
import { isMoveNotRecorded, refusedWriteBackoffMs } from '../writes/write-guard';

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

/**
 * Marks the version in which a linked issue becoming IMPLEMENTED or CLOSED completes a referral still with tier-1 or
 * the council (TAKEN_INTO_REGIONAL_ISSUE); before it such a referral got only the entry.
 */
export const POLICY_CLOSES_NEEDS_PATCH = 'policy-closes-needs';

/**
 * Marks the version where an ESCALATED referral waits for tier-1 against a deadline (a new timer); referrals started
 * before it keep none while escalated, so their histories replay. Holds (ON_HOLD) need no marker: they come only with
 * the new holdReferral Update, which no stored history holds.
 */
export const ESCALATION_DEADLINE_PATCH = 'escalation-deadline';

/** Marks the version that writes its history notes in Japanese (docs/DOMAIN.md, "Japanese in what people read"). */
export const JAPANESE_NOTES_PATCH = 'japanese-notes';

/** One referral from submission to its outcome. Moves arrive as Updates; each returns once the read model holds it. */
export async function referralWorkflow(input: ReferralWorkflowInput): Promise<ReferralWorkflowResult> {
  const { submission } = input;
  const deadlinesOn = patched(DEADLINES_PATCH);
  // Checked once, at start: a referral keeps the kind of activity it started with, so its history replays.
  const lookup = patched(CANDIDATE_LOOKUP_PATCH) ? localLookup : activities;
  const escalationDeadlineOn = patched(ESCALATION_DEADLINE_PATCH);
  const referral = new ReferralWorkflowState(input, deadlinesOn, activities, escalationDeadlineOn);
  // Checked once, at start: a referral started before it keeps writing English notes, so its history replays as written.
  referral.noteLanguage = patched(JAPANESE_NOTES_PATCH) ? 'ja' : 'en';

  /** The next partner to offer the need to after the current one, or null when none is left. */
  const nextCandidate: NextCandidate = (current) =>
    lookup.findNextCandidate({ category: submission.category, areaId: submission.areaId, excludeOrganizationIds: current.offeredOrganizationIds });

  // The submission takes the lock before any move handler exists: a move that arrives with the first workflow task
  // (the SDK runs buffered Updates as their handlers are registered) queues behind it instead of overtaking it.
  const submitting = referral.lock
    .run(async () => {
      const offerTo =
        submission.destination === Destination.TIER1 ? null : (submission.requestedOrganizationId ?? (await nextCandidate(referral.state)));
      const actor = { userId: submission.submittedByUserId, organizationId: submission.submittedByOrganizationId, proxy: false };
      await referral.commit(submitReferral({ type: 'SUBMIT', actor, destination: submission.destination, offerTo }));
      referral.submitted = true;
    })
    .catch((error: unknown) => {
      if (!isMoveNotRecorded(error)) throw error;
      referral.submissionFailure = error;
    });

  setHandler(messages.submitReferralUpdate, async () => {
    await condition(() => referral.submitted || referral.submissionFailure !== null);
    if (referral.submissionFailure) throw referral.submissionFailure;
    return referral.result();
  });
  handleMove(referral, messages.acceptReferralUpdate, 'ACCEPT', nextCandidate);
  handleMove(referral, messages.declineReferralUpdate, 'DECLINE', nextCandidate);
  handleMove(referral, messages.startReferralUpdate, 'START', nextCandidate);
  handleMove(referral, messages.completeReferralUpdate, 'COMPLETE', nextCandidate);
  handleMove(referral, messages.reassignReferralUpdate, 'REASSIGN', nextCandidate);
  handleMove(referral, messages.escalateReferralUpdate, 'ESCALATE', nextCandidate);
  handleMove(referral, messages.withdrawReferralUpdate, 'WITHDRAW', nextCandidate);
  handleMove(referral, messages.addReferralNoteUpdate, 'NOTE', nextCandidate);
  // New Updates: no stored history has them, and no existing path changes its commands, so no patch is needed.
  handleMove(referral, messages.takeReferralUpdate, 'TAKE', nextCandidate);
  handleMove(referral, messages.returnReferralUpdate, 'RETURN', nextCandidate);
  handleMove(referral, messages.holdReferralUpdate, 'HOLD', nextCandidate);
  handleMove(referral, messages.resumeReferralUpdate, 'RESUME', nextCandidate);
  setHandler(
    messages.extendReferralDeadlineUpdate,
    (move) =>
      referral.lock.run(async () => {
        assertExtensible(referral, move);
        const extended = extendDeadline(referral.deadline!, move.businessDays);
        const note = deadlineExtensionNote(move.businessDays, extended.dueAt, referral.noteLanguage);
        await referral.commit(applyReferralCommand(referral.state, extensionCommand(move, note)), () => extended);
        return referral.result();
      }),
    { validator: (move) => (referral.lock.busy ? assertExtensionInput(move) : assertExtensible(referral, move)) },
  );
  setHandler(messages.referralStateQuery, () => referral.view());
  setHandler(writeInFlightQuery, () => referral.writes.inFlight());
  setHandler(releaseWriteSignal, (release) => {
    if (referral.writes.release(release)) log.warn('write released by an operator', { seq: release.seq, operator: release.operator });
  });
  setHandler(messages.policyHandoffSignal, (handoff) => writePolicyEntry(referral, handoff));

  await submitting;
  if (referral.submissionFailure) {
    // Nothing was stored: the submit Update has its answer; the workflow fails with it, so no half-born referral waits
    // (and the api's reuse policy lets the same clientRequestId start afresh).
    await condition(allHandlersFinished);
    throw referral.submissionFailure;
  }

  // Deadlines: sleep until the next reminder or deadline; any committed change wakes the loop to look again.
  // A deadline's write that is not stored is tried again after a back-off (1 min doubling to 6 h), while moves go on.
  let deadlineRetry = null as { deadline: Deadline; attempt: number; at: number } | null;
  while (deadlinesOn && !isClosed(referral.state.status)) {
    const seen = referral.version;
    const current = referral.deadline;
    if (!current) {
      await condition(() => referral.version !== seen);
      continue;
    }
    if (deadlineRetry && deadlineRetry.deadline !== current) deadlineRetry = null; // a move set another deadline
    const wake = nextWakeUp(current);
    const wakeAt = Math.max(Date.parse(wake.at), deadlineRetry?.at ?? 0);
    const changed = await condition(() => referral.version !== seen, Math.max(1, wakeAt - Date.now()));
    if (changed) continue;
    await referral.lock.run(async () => {
      if (referral.version !== seen) return; // a move landed while this waited for the lock
      try {
        await onDeadline(referral, current, wake.reminder, nextCandidate);
      } catch (error) {
        if (!isMoveNotRecorded(error)) throw error;
        const attempt = deadlineRetry?.attempt ?? 0;
        deadlineRetry = { deadline: current, attempt: attempt + 1, at: Date.now() + refusedWriteBackoffMs(attempt) };
      }
    });
  }

  // A closed referral ends once every accepted update has answered (and every policy signal is written).
  await condition(() => isClosed(referral.state.status) && allHandlersFinished());
  return { referralId: referral.referralId, status: referral.state.status, outcome: referral.state.outcome };
}

/** Looks up the next partner for a referral in this state (a local or a task activity, as the referral started). */
type NextCandidate = (current: ReferralState) => Promise<string | null>;

/**
 * Registers a person's move: the validator checks it on the current state (an illegal move never enters history);
 * the handler, under the lock, checks it again on the state the moves before it left, then commits it. While another
 * move, deadline or policy entry is being committed the validator checks only the move's own input: the read model may
 * already show the state being committed (the write comes first), and a partner who answers the offer it shows must
 * not be refused because the workflow's state has not caught up. Such a move is checked in its handler, and if it is
 * refused there, the refusal is in history. (Validators do not run on replay, so this needs no patch.)
 */
function handleMove<T extends Exclude<UserCommandType, 'EXTEND_DEADLINE'>>(
  referral: ReferralWorkflowState,
  update: UpdateDefinition<ReferralMoveResult, [MoveInput<T>]>,
  type: T,
  nextCandidate: NextCandidate,
): void {
  const toCommand = (move: MoveInput<T>, offerTo: string | null = null) => ({ ...move, type, offerTo }) as unknown as ReferralCommand;
  const check = (move: MoveInput<T>) => {
    asFailure(() => assertAllowed(referral.state, toCommand(move)));
    checkInput(move);
  };
  const checkInput = (move: MoveInput<T>) => {
    // Checked here too: a bad date would make the hold's note throw inside the handler and stall the workflow task.
    if (type === 'HOLD') assertResumeOn(move as unknown as MoveInput<'HOLD'>);
  };
  setHandler(
    update,
    (move) =>
      referral.lock.run(async () => {
        if (referral.submissionFailure) throw referral.submissionFailure; // queued behind a submission that was not stored
        // Checked again here: another move may have changed the state since the validator ran.
        check(move);
        // A partner's return routes like a decline; tier-1's hand-back does not ask routing.
        const routes = type === 'DECLINE' || (type === 'RETURN' && !isTier1HandBack(referral.state));
        const handBack = type === 'RETURN' && !routes;
        const offerTo = routes ? await nextCandidate(referral.state) : null;
        // Tier-1's hand-back starts no UNMATCHED_ESCALATION deadline: it would send the need straight back to tier-1.
        const noDeadline = handBack ? () => null : undefined;
        await referral.commit(
          asFailure(() => applyReferralCommand(referral.state, toCommand(move, offerTo))),
          noDeadline,
        );
        return referral.result();
      }),
    { validator: (move) => (referral.lock.busy ? checkInput(move) : check(move)) },
  );
}

function assertResumeOn(move: MoveInput<'HOLD'>): void {
  const problem = typeof move.resumeOn === 'string' ? resumeOnProblem(move.resumeOn, new Date()) : 'must be a date in the form YYYY-MM-DD';
  if (problem) {
    throw ApplicationFailure.create({
      type: ErrorCode.BAD_USER_INPUT,
      message: `resumeOn ${problem}`,
      nonRetryable: true,
      details: [{ field: 'resumeOn' }],
    });
  }
}

function extensionCommand(move: messages.ExtendDeadlineInput, note = ''): ReferralCommand {
  return { ...move, type: 'EXTEND_DEADLINE', note };
}

function assertExtensionInput(move: messages.ExtendDeadlineInput): void {
  // Checked here too: a bad number would make the calendar throw inside the handler and stall the workflow task.
  if (!Number.isInteger(move.businessDays) || move.businessDays < 1) {
    throw ApplicationFailure.create({
      type: ErrorCode.BAD_USER_INPUT,
      message: 'businessDays must be a whole number of at least 1',
      nonRetryable: true,
      details: [{ field: 'businessDays' }],
    });
  }
}

function assertExtensible(referral: ReferralWorkflowState, move: messages.ExtendDeadlineInput): void {
  assertExtensionInput(move);
  asFailure(() => assertAllowed(referral.state, extensionCommand(move)));
  if (!referral.deadline) throw conflictFailure('No deadline is running for this referral');
}

/**
 * A linked regional issue's entry (DOMAIN.md, "The policy track", step 5): one handoff, allowed in every status (a
 * closed referral too, while this still runs), never touching the deadline. Through the lock, so it numbers after the
 * move before it; each (issue, issue event) is written once, however often the issue's workflow sends it.
 */
async function writePolicyEntry(referral: ReferralWorkflowState, handoff: PolicyHandoff): Promise<void> {
  const key = `${handoff.issueId}:${handoff.issueSeq}`;
  if (referral.policyEntries.has(key) || referral.policyPending.has(key)) return;
  referral.policyPending.add(key);
  try {
    for (let attempt = 0; ; attempt += 1) {
      const stored = await referral.lock.run(async () => {
        if (referral.submissionFailure) return true; // no referral to write to (cannot happen: issues link stored ones only)
        let transition: ReferralTransition;
        try {
          transition = recordPolicyHandoff(referral.state, handoff);
        } catch (error) {
          if (error instanceof IllegalTransitionError) return true; // not a policy kind: nothing to write
          throw error;
        }
        // The issue is final and the need still waits with tier-1 or the council: it ends here (DOMAIN.md, step 6).
        // patched() only on this path, so histories without such an entry keep no marker.
        const closing = isFinalIssueEntry(handoff.kind) && closesWithRegionalIssue(referral.state) && patched(POLICY_CLOSES_NEEDS_PATCH);
        if (closing) transition = closeWithRegionalIssue(referral.state, handoff);
        try {
          await referral.commit(transition, closing ? () => null : () => referral.deadline, 'POLICY');
        } catch (error) {
          if (!isMoveNotRecorded(error)) throw error;
          return false;
        }
        referral.policyEntries.add(key);
        return true;
      });
      if (stored) return;
      // Not stored: never dropped. Tried again after a pause, outside the lock so that moves go on meanwhile; this
      // pending handler keeps the workflow from ending until the entry is written.
      await sleep(refusedWriteBackoffMs(attempt));
    }
  } finally {
    referral.policyPending.delete(key);
  }
}

/** What a passing deadline does (DOMAIN.md, "Deadlines and escalation"). */
async function onDeadline(referral: ReferralWorkflowState, current: Deadline, reminder: boolean, nextCandidate: NextCandidate): Promise<void> {
  const { rule } = referral;
  if (reminder) {
    const note = current.kind === 'TIER1_RESPONSE' ? tier1ReminderNote(current.dueAt) : deadlineReminderNote(current.dueAt, referral.noteLanguage);
    await referral.commit(applyReferralCommand(referral.state, { type: 'REMIND', note }), () => ({ ...current, reminderAt: null }), 'DEADLINE');
    return;
  }
  switch (current.kind) {
    case 'OFFER_RESPONSE': {
      const offerTo = await nextCandidate(referral.state);
      await referral.commit(applyReferralCommand(referral.state, { type: 'EXPIRE', offerTo }), undefined, 'DEADLINE');
      return;
    }
    case 'PROGRESS': {
      const note = progressReminderNote(rule.progressReminderDays, referral.noteLanguage);
      await referral.commit(
        applyReferralCommand(referral.state, { type: 'REMIND', note }),
        (now) => deadlineFor(referral.state.status, now, rule),
        'DEADLINE',
      );
      return;
    }
    case 'UNMATCHED_ESCALATION': {
      const note = autoEscalationNote(rule.unmatchedEscalationDays, referral.noteLanguage);
      await referral.commit(applyReferralCommand(referral.state, { type: 'AUTO_ESCALATE', note }), undefined, 'DEADLINE');
      return;
    }
    case 'TIER1_RESPONSE': {
      // Still waiting for tier-1: remind again and start the next period (new Date() is the commit's time: the workflow
      // clock stands still within a task).
      const next = referral.deadlineAfter(referral.state, new Date());
      const note = tier1OverdueNote(rule.tier1ResponseDays, next?.dueAt ?? current.dueAt);
      await referral.commit(applyReferralCommand(referral.state, { type: 'REMIND', note }), () => next, 'DEADLINE');
      return;
    }
    case 'RESUME_DATE': {
      // Once: the coordinator decides to resume or hold again; the referral never resumes by itself.
      // Only ON_HOLD runs this timer (deadlineAfter), so the hold is there.
      const note = resumeDateNote(referral.state.hold!.resumeOn);
      await referral.commit(applyReferralCommand(referral.state, { type: 'REMIND', note }), () => null, 'DEADLINE');
      return;
    }
  }
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
