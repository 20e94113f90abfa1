// What one referral's workflow holds between messages: the live state, the running deadline, the last handoff's seq,
// and commit(), the one way to change them (the read-model write first, then the new state). Deterministic: workflow
// APIs only.
import type { ApplicationFailure } from '@temporalio/workflow';
import { workflowInfo } from '@temporalio/workflow';
import {
  completeDeadlineRule,
  Deadline,
  DeadlineRule,
  deadlineFor,
  ReferralState,
  ReferralStatus,
  ReferralTransition,
  resumeDateDeadline,
} from '../../../libs/domain/src';
import type { NoteLanguage } from '../../../libs/domain/src';
import type { ReferralActivities, ReferralMoveResult, ReferralStateView, ReferralWorkflowInput } from '../../../libs/workflow-contracts/src';
import { SerialLock } from './serial-lock';
import { WriteGuard } from '../writes/write-guard';

/** What a write records, for the operator's `writeInFlight` query (the first write is always SUBMIT). */
export type ReferralWriteKind = 'MOVE' | 'DEADLINE' | 'POLICY';

export class ReferralWorkflowState {
  /** Moves, deadlines and policy entries take turns through it, each checked against the state the one before left. */
  readonly lock = new SerialLock();
  /** The read-model write in flight, which an operator may release (write-guard.ts). */
  readonly writes = new WriteGuard();
  readonly rule: DeadlineRule;
  /** The submission's write was not stored: the workflow answers the submit Update with it and ends (no referral row). */
  submissionFailure: ApplicationFailure | null = null;
  submitted = false;
  /** Policy entries written, as `issueId:issueSeq`: each (issue, issue event) is written once. */
  readonly policyEntries = new Set<string>();
  /** Policy entries being written (or waiting to try again after a refusal): a duplicate signal meanwhile is ignored. */
  readonly policyPending = new Set<string>();
  /** The language of the notes the workflow writes itself: 'ja' since the 'japanese-notes' patch (referral.workflow.ts). */
  noteLanguage: NoteLanguage = 'en';

  private current: ReferralState = { status: ReferralStatus.SUBMITTED, currentOrganizationId: null, offeredOrganizationIds: [], outcome: null };
  private currentDeadline: Deadline | null = null;
  private seq = 0;
  private changes = 0;

  constructor(
    private readonly input: ReferralWorkflowInput,
    /** Business-day deadlines run (DEADLINES_PATCH); referrals started before them have none. */
    private readonly deadlinesOn: boolean,
    private readonly activities: Pick<ReferralActivities, 'recordReferralTransition'>,
    /** An ESCALATED referral waits for tier-1 against a deadline (ESCALATION_DEADLINE_PATCH); older referrals have none. */
    private readonly escalationDeadlineOn = false,
  ) {
    this.rule = completeDeadlineRule(input.deadlineRule);
  }

  /**
   * The deadline a referral in `state` gets from `at`: deadlineFor its status, none for ESCALATED in referrals started
   * before the tier-1 deadline, and the resume date's timer while ON_HOLD (every deadline of the referral paused).
   */
  deadlineAfter(state: ReferralState, at: Date): Deadline | null {
    if (state.status === ReferralStatus.ON_HOLD) return state.hold ? resumeDateDeadline(state.hold.resumeOn) : null;
    if (state.status === ReferralStatus.ESCALATED && !this.escalationDeadlineOn) return null;
    return deadlineFor(state.status, at, this.rule);
  }

  get referralId(): string {
    return this.input.referralId;
  }

  get state(): ReferralState {
    return this.current;
  }

  get deadline(): Deadline | null {
    return this.currentDeadline;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Bumped by every committed change, so the deadline timer knows to look again. */
  get version(): number {
    return this.changes;
  }

  /** What every move's Update answers. */
  result(): ReferralMoveResult {
    return { referralId: this.referralId, status: this.current.status, lastSeq: this.seq };
  }

  /** The `referralState` query's answer. */
  view(): ReferralStateView {
    return { ...this.current, referralId: this.referralId, lastSeq: this.seq, deadline: this.currentDeadline };
  }

  /**
   * Persists a transition (referral row plus its handoffs, one transaction), then makes it the live state.
   * `nextDeadline` decides the deadline after it; by default a new one starts when the referral changed hands or
   * status, and a progress deadline restarts on any update a person made. A write that is not stored (refused by the
   * database, or released by an operator) throws MOVE_NOT_RECORDED and changes nothing here.
   */
  async commit(transition: ReferralTransition, nextDeadline?: (at: Date) => Deadline | null, kind: ReferralWriteKind = 'MOVE'): Promise<void> {
    const { state, deadline, lastSeq } = this;
    const now = new Date();
    const at = now.toISOString();
    const handoffs = transition.handoffs.map((handoff, index) => ({ ...handoff, seq: lastSeq + index + 1, at }));
    const seq = lastSeq + handoffs.length;
    const moved =
      transition.state.status !== state.status ||
      transition.state.currentOrganizationId !== state.currentOrganizationId ||
      transition.state.hold?.resumeOn !== state.hold?.resumeOn; // held again with another date
    const progressed = deadline?.kind === 'PROGRESS' && handoffs.some((handoff) => handoff.actorUserId !== null);
    const newDeadline = !this.deadlinesOn
      ? null
      : nextDeadline
        ? nextDeadline(now)
        : moved || progressed
          ? this.deadlineAfter(transition.state, now)
          : deadline;
    const what = lastSeq === 0 ? 'SUBMIT' : kind;
    const { hold } = transition.state;
    await this.writes.run(seq, what, () =>
      this.activities.recordReferralTransition({
        referralId: this.referralId,
        workflowId: workflowInfo().workflowId,
        status: transition.state.status,
        currentOrganizationId: transition.state.currentOrganizationId,
        outcome: transition.state.outcome,
        // The resume date's timer is no deadline of the referral: Referral.resumeOn shows the date.
        responseDueAt: newDeadline && newDeadline.kind !== 'RESUME_DATE' ? newDeadline.dueAt : null,
        hold: hold && transition.state.status === ReferralStatus.ON_HOLD ? { resumeOn: hold.resumeOn, returnTo: hold.returnTo } : null,
        lastSeq: seq,
        at,
        submission: lastSeq === 0 ? { ...this.input.submission, createdAt: at } : undefined,
        handoffs,
      }),
    );
    this.current = transition.state;
    this.currentDeadline = newDeadline;
    this.seq = seq;
    this.changes += 1;
  }
}
