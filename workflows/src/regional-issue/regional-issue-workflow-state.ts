// What one regional issue's workflow holds between messages: the live state (null until created), the last event's
// seq, the policy handoffs still to deliver, and commit(), the one way to change them (the read-model write first,
// then the new state). Deterministic: workflow APIs only.
import { ApplicationFailure, allHandlersFinished, workflowInfo } from '@temporalio/workflow';
import {
  applyRegionalIssueCommand,
  ErrorCode,
  isFinalIssueStatus,
  PolicyHandoff,
  policyHandoffOf,
  RegionalIssueCommand,
  RegionalIssueState,
  RegionalIssueTransition,
} from '../../../libs/domain/src';
import type { NoteLanguage } from '../../../libs/domain/src';
import { SerialLock } from '../referral/serial-lock';
import { WriteGuard } from '../writes/write-guard';
import type {
  RegionalIssueActivities,
  RegionalIssueMoveResult,
  RegionalIssueStateView,
  RegionalIssueWorkflowInput,
} from '../../../libs/workflow-contracts/src';

/** Continue-as-new once the history holds this many events, unless the input says otherwise. */
export const DEFAULT_HISTORY_LIMIT = 2000;

/** One policy handoff waiting to be written into a linked referral's history. */
export interface Delivery {
  referralId: string;
  workflowId: string;
  handoff: PolicyHandoff;
}

/** What a write records, for the operator's `writeInFlight` query. */
export type RegionalIssueWriteKind = 'CREATE' | 'MOVE' | 'ACTION_DUE';

export class RegionalIssueWorkflowState {
  /** Creation, moves and reminders take turns through it, each tried on the state the one before left. */
  readonly lock = new SerialLock();
  /** The read-model write in flight, which an operator may release (write-guard.ts). */
  readonly writes = new WriteGuard();
  /** The creation failed (bad input, or its write was not stored): the create Update gets it and the workflow ends. */
  creationFailure: ApplicationFailure | null = null;
  /** Policy handoffs committed but not yet delivered, oldest first; grouped by the move that made them. */
  readonly outbox: Delivery[][] = [];
  delivering = false;
  /** The language of the notes the issue's moves write: 'ja' since the 'japanese-notes' patch (regional-issue.workflow.ts). */
  noteLanguage: NoteLanguage = 'en';

  private current: RegionalIssueState | null;
  private seq: number;
  private changes = 0;

  constructor(
    private readonly input: RegionalIssueWorkflowInput,
    private readonly activities: Pick<RegionalIssueActivities, 'recordRegionalIssueTransition'>,
  ) {
    // A continued run starts from the carried state; a first run has none until its creation is committed.
    this.current = input.carried?.state ?? null;
    this.seq = input.carried?.lastSeq ?? 0;
  }

  get issueId(): string {
    return this.input.issueId;
  }

  /** Null until the issue is created. */
  get state(): RegionalIssueState | null {
    return this.current;
  }

  /** The state of a created issue (the only kind past creation). */
  get created(): RegionalIssueState {
    return this.current!;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Bumped by every committed change, so the reminder timer knows to look again. */
  get version(): number {
    return this.changes;
  }

  /** What every move's Update answers; `createdId` is the proposal or action the move created. */
  result(createdId: string | null = null): RegionalIssueMoveResult {
    return { issueId: this.issueId, status: this.created.status, lastSeq: this.seq, createdId };
  }

  /** The `regionalIssueState` query's answer. */
  view(): RegionalIssueStateView {
    if (!this.current) throw new Error('The regional issue is not created yet');
    return { ...this.current, lastSeq: this.seq };
  }

  /** IMPLEMENTED or CLOSED: the workflow ends once quiet. */
  finished(): boolean {
    return isFinalIssueStatus(this.created.status);
  }

  /** Nothing in flight: no Update running (they are the lock's only other users) and every handoff delivered. */
  quiet(): boolean {
    return this.outbox.length === 0 && !this.delivering && allHandlersFinished();
  }

  /** Time to continue as new: the history reached its limit, or the server suggests it. */
  historyFull(): boolean {
    const limit = this.input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    return workflowInfo().historyLength >= limit || workflowInfo().continueAsNewSuggested;
  }

  /** The transition a move makes now (thrown as is: the caller turns rule violations into failures). */
  apply(command: RegionalIssueCommand): RegionalIssueTransition {
    if (!this.current)
      throw ApplicationFailure.create({ type: ErrorCode.NOT_FOUND, message: 'The regional issue is not created yet', nonRetryable: true });
    return applyRegionalIssueCommand(this.current, command, new Date().toISOString(), this.noteLanguage);
  }

  /**
   * Persists a transition (issue row and everything under it, plus its history rows: one transaction), then adopts
   * it and queues its policy handoffs for delivery. A write not stored (refused, or released by an operator) throws
   * MOVE_NOT_RECORDED and changes nothing here.
   */
  async commit(transition: RegionalIssueTransition, what: RegionalIssueWriteKind = 'MOVE'): Promise<void> {
    if (transition.events.length === 0) return; // nothing changed (e.g. linking referrals that were all linked)
    const at = new Date().toISOString();
    const events = transition.events.map((e, index) => ({ ...e, seq: this.seq + index + 1, at }));
    const seq = this.seq + events.length;
    await this.writes.run(seq, what, () =>
      this.activities.recordRegionalIssueTransition({ workflowId: workflowInfo().workflowId, state: transition.state, lastSeq: seq, events }),
    );
    this.current = transition.state;
    this.seq = seq;
    this.changes += 1;
    if (transition.handoffs.length > 0) {
      this.outbox.push(
        transition.handoffs.map((draft) => ({
          referralId: draft.referralId,
          workflowId: draft.workflowId,
          handoff: policyHandoffOf(this.issueId, draft, events[draft.event].seq, at),
        })),
      );
    }
  }
}
