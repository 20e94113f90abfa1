import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  applyReferralCommand,
  assertAllowed,
  Destination,
  ErrorCode,
  IllegalTransitionError,
  isClosed,
  ReferralCommand,
  ReferralState,
  ReferralStatus,
  ReferralTransition,
  submitReferral,
} from '../../../libs/domain/src';
import * as messages from './messages';
import { MoveInput, ReferralMoveResult } from './messages';
import { SerialLock } from './serial-lock';
import type { ReferralActivities, ReferralWorkflowInput, ReferralWorkflowResult } from './types';

const activities = proxyActivities<ReferralActivities>({
  startToCloseTimeout: '30 seconds',
  // Never give up on the read model: a database outage delays a move, it must not lose it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** One referral from submission to its outcome. Moves arrive as Updates; each returns once the read model holds it. */
export async function referralWorkflow(input: ReferralWorkflowInput): Promise<ReferralWorkflowResult> {
  const { referralId, submission } = input;
  const lock = new SerialLock();
  let state: ReferralState = { status: ReferralStatus.SUBMITTED, currentOrganizationId: null, offeredOrganizationIds: [], outcome: null };
  let lastSeq = 0;
  let submitted = false;

  const result = (): ReferralMoveResult => ({ referralId, status: state.status, lastSeq });

  /** Persists a transition (referral row plus its handoffs, one transaction), then makes it the live state. */
  async function commit(transition: ReferralTransition, first = false): Promise<void> {
    const at = new Date().toISOString();
    const handoffs = transition.handoffs.map((handoff, index) => ({ ...handoff, seq: lastSeq + index + 1, at }));
    const seq = lastSeq + handoffs.length;
    await activities.recordReferralTransition({
      referralId,
      workflowId: workflowInfo().workflowId,
      status: transition.state.status,
      currentOrganizationId: transition.state.currentOrganizationId,
      outcome: transition.state.outcome,
      lastSeq: seq,
      at,
      submission: first ? { ...submission, createdAt: at } : undefined,
      handoffs,
    });
    state = transition.state;
    lastSeq = seq;
  }

  /** The next partner to offer the need to after the current one, or null when none is left. */
  function nextCandidate(current: ReferralState): Promise<string | null> {
    return activities.findNextCandidate({
      category: submission.category,
      areaId: submission.areaId,
      excludeOrganizationIds: current.offeredOrganizationIds,
    });
  }

  function handleMove<T extends Exclude<ReferralCommand['type'], 'SUBMIT'>>(
    update: UpdateDefinition<ReferralMoveResult, [MoveInput<T>]>,
    type: T,
  ): void {
    const toCommand = (move: MoveInput<T>, offerTo: string | null = null) => ({ ...move, type, offerTo }) as unknown as ReferralCommand;
    setHandler(
      update,
      (move) =>
        lock.run(async () => {
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
  const submitting = lock.run(async () => {
    const offerTo =
      submission.destination === Destination.TIER1 ? null : (submission.requestedOrganizationId ?? (await nextCandidate(state)));
    const actor = { userId: submission.submittedByUserId, organizationId: submission.submittedByOrganizationId, proxy: false };
    await commit(submitReferral({ type: 'SUBMIT', actor, destination: submission.destination, offerTo }), true);
    submitted = true;
  });

  setHandler(messages.submitReferralUpdate, async () => {
    await condition(() => submitted);
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
  setHandler(messages.referralStateQuery, () => ({ ...state, referralId, lastSeq }));

  await submitting;

  // Open referrals wait for their next move; a closed one ends once every accepted update has answered.
  await condition(() => isClosed(state.status) && allHandlersFinished());
  return { referralId, status: state.status, outcome: state.outcome };
}

/** Turns a domain rule violation into a failure the caller receives (and the workflow survives). */
function asFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IllegalTransitionError) {
      throw ApplicationFailure.create({ type: ErrorCode.CONFLICT, message: error.message, nonRetryable: true });
    }
    throw error;
  }
}
