import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  uuid4,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
// Relative imports into libs/: workflow code is bundled for the sandbox, where @tsunagu aliases do not resolve.
import {
  createRegionalIssue,
  IllegalTransitionError,
  InvalidInputError,
  nextActionReminder,
  NotFoundError,
  RegionalIssueCommand,
  RegionalIssueTransition,
  WRITE_REFUSED_FAILURE,
} from '../../../libs/domain/src';
import * as messages from '../../../libs/workflow-contracts/src/regional-issue/messages';
import {
  policyHandoffSignal,
  releaseWriteSignal,
  writeInFlightQuery,
  type PolicyActor,
  type RegionalIssueActivities,
  type RegionalIssueMoveResult,
  type RegionalIssueWorkflowInput,
  type RegionalIssueWorkflowResult,
} from '../../../libs/workflow-contracts/src';
import { isMoveNotRecorded, refusedWriteBackoffMs } from '../writes/write-guard';
import { JAPANESE_NOTES_PATCH } from '../referral/referral.workflow';
import { Delivery, RegionalIssueWorkflowState } from './regional-issue-workflow-state';

const activities = proxyActivities<RegionalIssueActivities>({
  startToCloseTimeout: '30 seconds',
  // Never give up on the read model or a closed referral's history: an outage delays a move, it must not lose it.
  // Except a write the database refuses for good (WRITE_REFUSED, non-retryable): that fails its move (write-guard.ts).
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  // The default, spelled out: a released write waits for the activity's own end, so one that succeeded still counts.
  cancellationType: 'WAIT_CANCELLATION_COMPLETED',
});

export { DEFAULT_HISTORY_LIMIT } from './regional-issue-workflow-state';

/** What a signal to a workflow that has ended (or never existed) fails with. */
const EXTERNAL_WORKFLOW_NOT_FOUND = 'ExternalWorkflowExecutionNotFound';

/**
 * One regional issue (地域課題) from creation to IMPLEMENTED or CLOSED (DOMAIN.md, "The policy track"). Moves arrive as
 * Updates; each returns once the issue's read model holds it. Then the entries the move makes for linked referrals are
 * delivered to the referrals' workflows (or, for a referral whose workflow has ended, written by an activity).
 * Runs for months: it continues as new when its history grows long, at a quiet point, carrying its state.
 */
export async function regionalIssueWorkflow(input: RegionalIssueWorkflowInput): Promise<RegionalIssueWorkflowResult> {
  const issue = new RegionalIssueWorkflowState(input, activities);
  // Checked once, at start: an issue started before it keeps writing English notes, so its history replays as written.
  issue.noteLanguage = patched(JAPANESE_NOTES_PATCH) ? 'ja' : 'en';

  // Creation takes the lock before any move handler exists: a move that arrives with the first workflow task queues
  // behind it. A continued run starts from the carried state instead.
  const creating = issue.lock.run(async () => {
    if (issue.state) return;
    const create = input.create;
    let transition: RegionalIssueTransition;
    try {
      if (!create) throw new InvalidInputError('A new regional issue needs its creation data');
      transition = asFailure(() => createRegionalIssue({ type: 'CREATE', issueId: issue.issueId, ...create }, new Date().toISOString()));
    } catch (error) {
      const failure = error instanceof InvalidInputError ? toFailure(error) : error;
      if (!(failure instanceof ApplicationFailure)) throw failure; // a bug: fails the workflow task, which is retried
      issue.creationFailure = failure;
      return;
    }
    try {
      await issue.commit(transition, 'CREATE');
    } catch (error) {
      if (!isMoveNotRecorded(error)) throw error;
      issue.creationFailure = error; // nothing stored: the create Update gets it and the workflow ends, no issue row
    }
  });

  setHandler(messages.createRegionalIssueUpdate, async () => {
    await condition(() => issue.state !== null || issue.creationFailure !== null);
    if (issue.creationFailure) throw issue.creationFailure;
    return issue.result();
  });
  handleMove(issue, messages.updateRegionalIssueUpdate, (m) => ({
    type: 'UPDATE',
    actorUserId: m.actor.userId,
    title: m.title,
    description: m.description,
    areaIds: m.areaIds,
  }));
  handleMove(issue, messages.linkReferralsUpdate, (m) => ({ type: 'LINK', actorUserId: m.actor.userId, referrals: m.referrals, note: m.note }));
  handleMove(issue, messages.unlinkReferralUpdate, (m) => ({
    type: 'UNLINK',
    actorUserId: m.actor.userId,
    referralId: m.referralId,
    reason: m.reason,
  }));
  handleMove(issue, messages.closeRegionalIssueUpdate, (m) => ({ type: 'CLOSE', actorUserId: m.actor.userId, reason: m.reason }));
  handleMove(
    issue,
    messages.draftPolicyProposalUpdate,
    (m, id) => ({ type: 'DRAFT', actorUserId: m.actor.userId, proposalId: id, title: m.title, body: m.body }),
    true,
  );
  handleMove(issue, messages.revisePolicyProposalUpdate, (m) => ({
    type: 'REVISE',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    title: m.title,
    body: m.body,
  }));
  handleMove(issue, messages.submitPolicyProposalUpdate, (m) => ({ type: 'SUBMIT', actorUserId: m.actor.userId, proposalId: m.proposalId }));
  handleMove(issue, messages.addProposalToAgendaUpdate, (m) => ({
    type: 'ADD_TO_AGENDA',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    meetingId: m.meetingId,
  }));
  handleMove(issue, messages.removeProposalFromAgendaUpdate, (m) => ({
    type: 'REMOVE_FROM_AGENDA',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    meetingId: m.meetingId,
    reason: m.reason,
  }));
  handleMove(issue, messages.recordSubcommitteeDecisionUpdate, (m) => ({
    type: 'DECIDE',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    meetingId: m.meetingId,
    decision: m.decision,
    minutes: m.minutes,
    meeting: m.meeting ?? null,
  }));
  handleMove(
    issue,
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
  handleMove(issue, messages.completeFollowUpActionUpdate, (m) => ({
    type: 'COMPLETE_ACTION',
    actorUserId: m.actor.userId,
    proposalId: m.proposalId,
    actionId: m.actionId,
    note: m.note,
  }));
  setHandler(writeInFlightQuery, () => issue.writes.inFlight());
  setHandler(releaseWriteSignal, (release) => {
    if (issue.writes.release(release)) log.warn('write released by an operator', { seq: release.seq, operator: release.operator });
  });
  setHandler(messages.regionalIssueStateQuery, () => issue.view());

  await creating;
  if (issue.creationFailure) {
    // Nothing was written; the creating Update has its answer. (The api checks the input first: this is a guard.)
    await condition(allHandlersFinished);
    throw issue.creationFailure;
  }

  let reminderRetry = null as { actionId: string; attempt: number; at: number } | null;
  for (;;) {
    if (issue.outbox.length > 0) {
      await deliverNext(issue);
      continue;
    }
    if (issue.finished() && issue.quiet()) break;
    if (issue.historyFull() && issue.quiet()) {
      // Everything committed is delivered, so the new run needs only the state and the history position.
      await continueAsNew<typeof regionalIssueWorkflow>({
        issueId: issue.issueId,
        carried: { state: issue.created, lastSeq: issue.lastSeq, deliveredPolicyEvents: issue.lastSeq },
        historyLimit: input.historyLimit,
      });
    }
    // Sleep until the next follow-up action is due, a move lands, or it is time to end or continue as new.
    const seen = issue.version;
    const reminder = nextActionReminder(issue.created);
    const woken = () => issue.version !== seen || issue.outbox.length > 0 || ((issue.finished() || issue.historyFull()) && issue.quiet());
    if (reminderRetry && reminderRetry.actionId !== reminder?.actionId) reminderRetry = null;
    const wakeAt = reminder ? Math.max(Date.parse(reminder.at), reminderRetry?.at ?? 0) : 0;
    const changed = reminder ? await condition(woken, Math.max(1, wakeAt - Date.now())) : (await condition(woken), true);
    if (changed || !reminder) continue;
    await issue.lock.run(async () => {
      if (issue.version !== seen) return; // a move landed while this waited for the lock
      // Cannot be refused by the rules: nextActionReminder named an action neither done nor reminded, and nothing
      // changed since. A write not stored is tried again after a back-off (1 min doubling to 6 h).
      try {
        await issue.commit(issue.apply({ type: 'ACTION_DUE', proposalId: reminder.proposalId, actionId: reminder.actionId }), 'ACTION_DUE');
      } catch (error) {
        if (!isMoveNotRecorded(error)) throw error;
        const attempt = reminderRetry?.attempt ?? 0;
        reminderRetry = { actionId: reminder.actionId, attempt: attempt + 1, at: Date.now() + refusedWriteBackoffMs(attempt) };
      }
    });
  }

  return { issueId: issue.issueId, status: issue.created.status };
}

/**
 * Registers an Update: the validator tries the move on the current state (rejected moves never enter history, unless
 * they arrive while another is being committed); the handler, under the lock, tries it again on the state the moves
 * before it left, then commits it. `newId` is a fresh id for what the move creates (a proposal, an action): a
 * placeholder in the validator, which must not draw from the workflow's random numbers (validators do not run on
 * replay).
 */
function handleMove<A extends { actor: PolicyActor }>(
  issue: RegionalIssueWorkflowState,
  update: UpdateDefinition<RegionalIssueMoveResult, [A]>,
  toCommand: (input: A, newId: string) => RegionalIssueCommand,
  creates = false,
): void {
  setHandler(
    update,
    (move) =>
      issue.lock.run(async () => {
        const newId = creates ? uuid4() : '';
        await issue.commit(asFailure(() => issue.apply(toCommand(move, newId))));
        return issue.result(creates ? newId : null);
      }),
    {
      validator: (move) => {
        // While a commit runs the read model may already show the state it writes (the write comes first): the move is
        // then tried in its handler, on that state, instead of refused here on the one before it (serial-lock.ts).
        if (issue.state && !issue.lock.busy) asFailure(() => issue.apply(toCommand(move, 'validating')));
      },
    },
  );
}

/**
 * Delivers the oldest move's handoffs (to different referrals, so at once; one referral's entries stay in order
 * because moves are delivered one after another).
 */
async function deliverNext(issue: RegionalIssueWorkflowState): Promise<void> {
  issue.delivering = true;
  try {
    await Promise.all(issue.outbox[0].map(deliver));
    issue.outbox.shift();
  } finally {
    issue.delivering = false;
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
