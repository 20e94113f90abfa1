// The regional issue workflow (the policy track) on Temporal's time-skipping test server, together with real referral
// workflows on the same worker: the whole path from creation to IMPLEMENTED, refused moves, continue-as-new, and the
// closed loop into the linked referrals' histories (through their workflows, or the database once they have ended).
// Activities are mocked by in-memory read models that behave like the database (last_seq guards, unique keys).
//
// Dates: the test server's clock starts at the wall clock and only moves forward, so the due days lie in 2037; the
// first test skips to 2037-06-01 before it starts anything (the test server lets a workflow run ten years at most).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as realSleep } from 'node:timers/promises';
import { Client, WithStartWorkflowOperation, WorkflowHandle, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, UpdateDefinition } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  Destination,
  HandoffKind,
  NeedCategory,
  PolicyProposalStatus,
  ReferralOutcome,
  RegionalIssueEventKind,
  RegionalIssueStatus,
  ReferralStatus,
  SubcommitteeDecision,
  SubjectKind,
} from '@tsunagu/domain';
import { createTimeSkippingEnvironment } from '../testing/time-skipping-environment';
import {
  policyHandoffSignal,
  referralStateQuery,
  submitReferralUpdate,
  withdrawReferralUpdate,
  type RecordedHandoff,
  type ReferralActivities,
  type ReferralWorkflowInput,
  type PolicyHandoff,
  type RecordClosedReferralPolicyHandoffInput,
  type RecordedRegionalIssueEvent,
  type RecordRegionalIssueInput,
  type RegionalIssueActivities,
  type RegionalIssueState,
  type RegionalIssueWorkflowInput,
} from '@tsunagu/workflow-contracts';
import type { referralWorkflow } from '../referral/referral.workflow';
import * as m from '@tsunagu/workflow-contracts';
import type { regionalIssueWorkflow } from './regional-issue.workflow';

jest.setTimeout(120_000);

const TIER1 = { userId: 'user-tier1' };
const SECRETARY = { userId: 'user-secretary' };
const COUNCIL = 'org-council';
const TIER2 = { userId: 'user-tier2', organizationId: COUNCIL, proxy: false };

// ---------------------------------------------------------------------------------------------------------------
// Mocked database
// ---------------------------------------------------------------------------------------------------------------
interface IssueRow {
  state: RegionalIssueState;
  lastSeq: number;
  events: Map<number, RecordedRegionalIssueEvent>;
}
interface ReferralRow {
  status: ReferralStatus;
  lastSeq: number;
  handoffs: Map<number, RecordedHandoff>;
}
const issues = new Map<string, IssueRow>();
const referrals = new Map<string, ReferralRow>();
const issueCalls: RecordRegionalIssueInput[] = [];
const closedCalls: RecordClosedReferralPolicyHandoffInput[] = [];
const integrityErrors: string[] = [];
/** Per referral, how long its next recordReferralTransition calls take (ms, real time). */
const referralDelays = new Map<string, number[]>();
/** Ids (issue or referral) whose next write the database refuses for good (the worker's WRITE_REFUSED). */
const refuseNext = new Set<string>();
function refuseIfAsked(id: string): void {
  if (refuseNext.delete(id)) throw ApplicationFailure.create({ type: 'WRITE_REFUSED', message: 'refused (injected)', nonRetryable: true });
}

const referralActivities: ReferralActivities = {
  async findNextCandidate(input) {
    return ['org-a', 'org-b'].find((id) => !input.excludeOrganizationIds.includes(id)) ?? null;
  },
  async recordReferralTransition(input) {
    const delay = referralDelays.get(input.referralId)?.shift();
    if (delay) await realSleep(delay);
    refuseIfAsked(input.referralId);
    let row = referrals.get(input.referralId);
    if (!row) {
      if (!input.submission) integrityErrors.push(`${input.referralId}: first write without submission`);
      row = { status: input.status, lastSeq: 0, handoffs: new Map() };
      referrals.set(input.referralId, row);
    }
    if (input.lastSeq <= row.lastSeq) return;
    for (const h of input.handoffs) {
      if (row.handoffs.has(h.seq)) integrityErrors.push(`${input.referralId}: seq ${h.seq} twice`);
      if (
        h.regionalIssueId &&
        [...row.handoffs.values()].some((o) => o.regionalIssueId === h.regionalIssueId && o.regionalIssueSeq === h.regionalIssueSeq)
      ) {
        integrityErrors.push(`${input.referralId}: issue event ${h.regionalIssueSeq} twice`);
      }
      row.handoffs.set(h.seq, structuredClone(h));
    }
    row.status = input.status;
    row.lastSeq = input.lastSeq;
  },
};

const issueActivities: RegionalIssueActivities = {
  async recordRegionalIssueTransition(input) {
    issueCalls.push(structuredClone(input));
    refuseIfAsked(input.state.issueId);
    let row = issues.get(input.state.issueId);
    if (!row) {
      row = { state: input.state, lastSeq: 0, events: new Map() };
      issues.set(input.state.issueId, row);
    }
    if (input.lastSeq <= row.lastSeq) return;
    for (const e of input.events) {
      if (e.seq !== row.events.size + 1) integrityErrors.push(`issue ${input.state.issueId}: event ${e.seq} leaves a gap`);
      row.events.set(e.seq, structuredClone(e));
    }
    row.state = structuredClone(input.state);
    row.lastSeq = input.lastSeq;
    if (row.lastSeq !== row.events.size) integrityErrors.push(`issue ${input.state.issueId}: last_seq ${row.lastSeq} != events`);
  },
  async recordClosedReferralPolicyHandoff(input) {
    closedCalls.push(structuredClone(input));
    const row = referrals.get(input.referralId);
    if (!row) throw new Error(`no referral row ${input.referralId}`);
    const h = input.handoff;
    if ([...row.handoffs.values()].some((o) => o.regionalIssueId === h.issueId && o.regionalIssueSeq === h.issueSeq)) return;
    const seq = row.lastSeq + 1;
    row.handoffs.set(seq, {
      seq,
      at: new Date().toISOString(),
      kind: h.kind,
      fromOrganizationId: null,
      toOrganizationId: null,
      actorUserId: h.actorUserId,
      proxy: false,
      reason: h.reason,
      note: h.note,
      regionalIssueId: h.issueId,
      regionalIssueSeq: h.issueSeq,
      policyProposalId: h.proposalId,
    });
    row.lastSeq = seq;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Test server and worker (both workflows on one task queue, as in production)
// ---------------------------------------------------------------------------------------------------------------
const taskQueue = `regional-issue-spec-${randomUUID()}`;
let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRun: Promise<void>;
const started: string[] = [];

beforeAll(async () => {
  env = await createTimeSkippingEnvironment();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../index'),
    activities: { ...referralActivities, ...issueActivities },
  });
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await env?.teardown();
});

afterEach(async () => {
  for (const workflowId of started.splice(0)) {
    try {
      await env.client.workflow.getHandle(workflowId).terminate('test over');
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
  expect(integrityErrors.splice(0)).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------
type IssueHandle = WorkflowHandle<typeof regionalIssueWorkflow>;
type ReferralHandle = WorkflowHandle<typeof referralWorkflow>;

async function submitReferral(destination: Destination): Promise<{ referralId: string; workflowId: string; handle: ReferralHandle }> {
  const referralId = randomUUID();
  const workflowId = `referral:test:${referralId}`;
  started.push(workflowId);
  const input: ReferralWorkflowInput = {
    referralId,
    submission: {
      clientRequestId: randomUUID(),
      category: NeedCategory.TRANSPORT,
      areaId: `area-${randomUUID()}`,
      summary: 'No bus to the hospital',
      subjectKind: SubjectKind.AREA,
      subject: null,
      consent: null,
      destination,
      requestedOrganizationId: null,
      submittedByUserId: TIER2.userId,
      submittedByOrganizationId: COUNCIL,
    },
  };
  await env.client.workflow.executeUpdateWithStart(submitReferralUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof referralWorkflow>('referralWorkflow', {
      workflowId,
      taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [input],
    }),
  });
  return { referralId, workflowId, handle: env.client.workflow.getHandle<typeof referralWorkflow>(workflowId) };
}

async function createIssue(linked: Array<{ referralId: string; workflowId: string }>, historyLimit?: number) {
  const issueId = randomUUID();
  const workflowId = `regional-issue:test:${issueId}`;
  started.push(workflowId);
  const input: RegionalIssueWorkflowInput = {
    issueId,
    create: {
      title: '北部の通院手段がない',
      description: 'Escalated in two areas',
      category: NeedCategory.TRANSPORT,
      areaIds: [randomUUID(), randomUUID()],
      referrals: linked.map(({ referralId, workflowId: w }) => ({ referralId, workflowId: w })),
      createdByUserId: TIER1.userId,
    },
    ...(historyLimit ? { historyLimit } : {}),
  };
  const result = await env.client.workflow.executeUpdateWithStart(m.createRegionalIssueUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof regionalIssueWorkflow>('regionalIssueWorkflow', {
      workflowId,
      taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [input],
    }),
  });
  expectPersisted(result);
  return { issueId, workflowId, result, handle: env.client.workflow.getHandle<typeof regionalIssueWorkflow>(workflowId) };
}

/** Runs an update and checks that the read model held its result when it returned. */
async function move<A>(handle: IssueHandle, update: UpdateDefinition<m.RegionalIssueMoveResult, [A]>, arg: A): Promise<m.RegionalIssueMoveResult> {
  const result = await handle.executeUpdate(update, { args: [arg] });
  expectPersisted(result);
  return result;
}

function expectPersisted(result: m.RegionalIssueMoveResult): void {
  const row = issues.get(result.issueId)!;
  expect({ lastSeq: row.lastSeq, status: row.state.status }).toEqual({ lastSeq: result.lastSeq, status: result.status });
}

function issueEvents(issueId: string): RecordedRegionalIssueEvent[] {
  return [...issues.get(issueId)!.events.values()].sort((a, b) => a.seq - b.seq);
}

function referralHistory(referralId: string): RecordedHandoff[] {
  return [...referrals.get(referralId)!.handoffs.values()].sort((a, b) => a.seq - b.seq);
}

function policyEntries(referralId: string) {
  return referralHistory(referralId)
    .filter((h) => h.regionalIssueId)
    .map((h) => ({ kind: h.kind, issueSeq: h.regionalIssueSeq, reason: h.reason, proposalId: h.policyProposalId ?? null }));
}

/** The referral mirror is written shortly after the issue's update returns: poll for it (real time). */
async function eventually(check: () => void, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await realSleep(50);
    }
  }
}

async function expectRefused(promise: Promise<unknown>, type: string): Promise<void> {
  const error = await promise.then(
    () => {
      throw new Error(`expected the update to be refused with ${type}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect({ type: cause.type, nonRetryable: cause.nonRetryable }).toEqual({ type, nonRetryable: true });
}

/**
 * A workflow's result, waited for in real time through a plain client: the test environment's client skips time while
 * it waits for a result, and the test's other workflows (open referrals) would run into their run timeout on the way.
 */
async function resultOf(handle: { workflowId: string }): Promise<unknown> {
  const plain = new Client({ connection: env.connection });
  return plain.workflow.getHandle(handle.workflowId).result();
}

/**
 * The new paths replay deterministically: the history just made replays on the current code. With
 * TSUNAGU_RECORD_HISTORY=<file name> set, it is also written to workflows/histories/ (test data only; README there).
 */
async function expectReplays(handle: { fetchHistory(): Promise<Parameters<typeof Worker.runReplayHistory>[1]> }, name: string): Promise<void> {
  const history = await handle.fetchHistory();
  await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../index') }, history, name)).resolves.toBeUndefined();
  if (process.env.TSUNAGU_RECORD_HISTORY?.split(',').includes(name)) {
    writeFileSync(
      join(__dirname, '..', '..', 'histories', `${name}.json`),
      `${JSON.stringify(JSON.parse(historyToJSON(history as never)), null, 2)}\n`,
    );
  }
}

async function skipTo(instant: string): Promise<void> {
  const now = await env.currentTimeMs();
  const target = Date.parse(instant);
  if (target <= now) throw new Error(`cannot skip back to ${instant}`);
  await env.sleep(target - now);
}

// ---------------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------------
describe('regionalIssueWorkflow', () => {
  it('runs the whole path to IMPLEMENTED, reminds on the due day at 09:00 JST, mirrors into linked referrals, and ends', async () => {
    // First to the start instant: the test server gives a workflow ten years to run, so everything starts in 2037.
    await skipTo('2037-06-01T09:00:00+09:00');
    const open = await submitReferral(Destination.TIER1); // ESCALATED: its workflow keeps running
    const ended = await submitReferral(Destination.TIER1);
    await ended.handle.executeUpdate(withdrawReferralUpdate, { args: [{ actor: TIER2, reason: 'Moved away' }] });
    expect(await resultOf(ended.handle)).toMatchObject({ status: ReferralStatus.WITHDRAWN });
    const later = await submitReferral(Destination.PARTNER);

    const { issueId, handle, result } = await createIssue([open, ended]);
    expect(result).toMatchObject({ status: RegionalIssueStatus.OPEN, lastSeq: 3, createdId: null });
    expect(issueEvents(issueId).map((e) => e.kind)).toEqual([
      RegionalIssueEventKind.CREATED,
      RegionalIssueEventKind.REFERRAL_LINKED,
      RegionalIssueEventKind.REFERRAL_LINKED,
    ]);

    // A duplicate create (same workflow id) answers from the same issue.
    const again = await createIssueAgain(handle.workflowId, issueId);
    expect(again).toMatchObject({ issueId, lastSeq: 3 });

    await move(handle, m.linkReferralsUpdate, { actor: TIER1, referrals: [later, open], note: 'same need' });
    const drafted = await move(handle, m.draftPolicyProposalUpdate, { actor: TIER1, title: 'コミュニティバス', body: 'Weekly' });
    const proposalId = drafted.createdId!;
    expect(proposalId).toMatch(/^[0-9a-f-]{36}$/);
    await move(handle, m.revisePolicyProposalUpdate, { actor: TIER1, proposalId, title: 'コミュニティバス (案2)', body: 'Twice a week' });
    expect(await move(handle, m.submitPolicyProposalUpdate, { actor: TIER1, proposalId })).toMatchObject({
      status: RegionalIssueStatus.IN_DELIBERATION,
    });
    await move(handle, m.addProposalToAgendaUpdate, { actor: SECRETARY, proposalId, meetingId: 'meeting-1' });
    await move(handle, m.recordSubcommitteeDecisionUpdate, {
      actor: SECRETARY,
      proposalId,
      meetingId: 'meeting-1',
      decision: SubcommitteeDecision.CONTINUED,
      minutes: 'Needs a cost estimate',
      meeting: { title: '第1回 部会', heldAt: '2037-06-10T05:00:00.000Z' },
    });
    await move(handle, m.addProposalToAgendaUpdate, { actor: SECRETARY, proposalId, meetingId: 'meeting-2' });
    const adopted = await move(handle, m.recordSubcommitteeDecisionUpdate, {
      actor: SECRETARY,
      proposalId,
      meetingId: 'meeting-2',
      decision: SubcommitteeDecision.ADOPTED,
      minutes: 'Adopted',
      meeting: { title: '第2回 部会', heldAt: '2037-07-08T05:00:00.000Z' },
    });
    expect(adopted.status).toBe(RegionalIssueStatus.IN_IMPLEMENTATION);
    const a1 = (
      await move(handle, m.addFollowUpActionUpdate, {
        actor: TIER1,
        proposalId,
        description: 'Budget request',
        owner: '企画政策課',
        dueOn: '2037-09-01',
      })
    ).createdId!;
    const a2 = (
      await move(handle, m.addFollowUpActionUpdate, { actor: TIER1, proposalId, description: 'Route survey', owner: '交通政策', dueOn: '2037-10-15' })
    ).createdId!;

    // The reminder: nothing a minute before 09:00 JST of the earliest due day, the ACTION_DUE a minute after.
    const due = () => issueEvents(issueId).filter((e) => e.kind === RegionalIssueEventKind.ACTION_DUE);
    await skipTo('2037-09-01T08:59:00+09:00');
    expect(due()).toEqual([]);
    await skipTo('2037-09-01T09:01:00+09:00');
    await eventually(() => expect(due().map((e) => e.actionId)).toEqual([a1]));
    const reminder = due()[0];
    expect(Date.parse(reminder.at) - Date.parse('2037-09-01T09:00:00+09:00')).toBeLessThan(60_000);
    expect(reminder.note).toContain('企画政策課');
    expect((await handle.query(m.regionalIssueStateQuery)).proposals[0].actions[0].remindedAt).toBe(reminder.at);

    await move(handle, m.completeFollowUpActionUpdate, { actor: TIER1, proposalId, actionId: a1, note: 'Budgeted' });
    const implemented = await move(handle, m.completeFollowUpActionUpdate, { actor: TIER1, proposalId, actionId: a2 });
    expect(implemented.status).toBe(RegionalIssueStatus.IMPLEMENTED);
    expect(await resultOf(handle)).toEqual({ issueId, status: RegionalIssueStatus.IMPLEMENTED });
    // a2 was done before its due day: it was never reminded.
    expect(due()).toHaveLength(1);

    // The closed loop: every linked referral's history shows the issue, the proposal, the decisions and the implementation.
    const seqOf = (kind: RegionalIssueEventKind, nth = 0) => issueEvents(issueId).filter((e) => e.kind === kind)[nth].seq;
    const fromSubmission = [
      { kind: HandoffKind.PROPOSAL_SUBMITTED, issueSeq: seqOf(RegionalIssueEventKind.PROPOSAL_SUBMITTED), reason: null, proposalId },
      { kind: HandoffKind.SUBCOMMITTEE_DECISION, issueSeq: seqOf(RegionalIssueEventKind.DECISION_RECORDED, 0), reason: 'CONTINUED', proposalId },
      { kind: HandoffKind.SUBCOMMITTEE_DECISION, issueSeq: seqOf(RegionalIssueEventKind.DECISION_RECORDED, 1), reason: 'ADOPTED', proposalId },
      { kind: HandoffKind.POLICY_IMPLEMENTED, issueSeq: seqOf(RegionalIssueEventKind.IMPLEMENTED), reason: null, proposalId },
    ];
    const linkedAt = (referralId: string) =>
      issueEvents(issueId).find((e) => e.kind === RegionalIssueEventKind.REFERRAL_LINKED && e.referralId === referralId)!.seq;
    const linked = (referralId: string) => ({ kind: HandoffKind.LINKED_TO_ISSUE, issueSeq: linkedAt(referralId), reason: null, proposalId: null });
    // The issue has ended, so every delivery is done.
    expect(policyEntries(open.referralId)).toEqual([linked(open.referralId), ...fromSubmission]);
    expect(policyEntries(ended.referralId)).toEqual([linked(ended.referralId), ...fromSubmission]);
    expect(policyEntries(later.referralId)).toEqual([linked(later.referralId), ...fromSubmission]);
    const decision = referralHistory(open.referralId).find((h) => h.reason === 'ADOPTED')!;
    expect(decision).toMatchObject({
      note: '第2回 部会（2037年7月8日(水)）',
      actorUserId: SECRETARY.userId,
      fromOrganizationId: null,
      toOrganizationId: null,
    });
    // The ended referral got its entries from the database path only; the running ones through their workflows.
    expect(new Set(closedCalls.map((c) => c.referralId))).toEqual(new Set([ended.referralId]));
    for (const r of [open, ended, later]) {
      const seqs = referralHistory(r.referralId).map((h) => h.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    // The need still with tier-1 was answered by policy: COMPLETED right after the POLICY_IMPLEMENTED entry, and its
    // workflow ends (DOMAIN.md, "The policy track", step 6).
    expect(await resultOf(open.handle)).toEqual({
      referralId: open.referralId,
      status: ReferralStatus.COMPLETED,
      outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE,
    });
    expect(
      referralHistory(open.referralId)
        .slice(-2)
        .map((h) => [h.kind, h.actorUserId, h.reason, h.note]),
    ).toEqual([
      [HandoffKind.POLICY_IMPLEMENTED, TIER1.userId, null, 'コミュニティバス (案2)'],
      [HandoffKind.COMPLETED, null, ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE, '地域課題が実施済みとなったため完了しました'],
    ]);
  });

  it('takes a proposal off an agenda: back to SUBMITTED (or CONTINUED), an issue event, no referral entry; then onto another agenda', async () => {
    const linked = await submitReferral(Destination.TIER1);
    const { issueId, handle } = await createIssue([linked]);
    const proposalId = (await move(handle, m.draftPolicyProposalUpdate, { actor: TIER1, title: '移動販売の誘致', body: '' })).createdId!;
    await move(handle, m.submitPolicyProposalUpdate, { actor: TIER1, proposalId });
    await move(handle, m.addProposalToAgendaUpdate, { actor: SECRETARY, proposalId, meetingId: 'meeting-a' });
    await expectRefused(
      handle.executeUpdate(m.removeProposalFromAgendaUpdate, { args: [{ actor: SECRETARY, proposalId, meetingId: 'meeting-a', reason: ' ' }] }),
      'BAD_USER_INPUT',
    );
    await expectRefused(
      handle.executeUpdate(m.removeProposalFromAgendaUpdate, { args: [{ actor: SECRETARY, proposalId, meetingId: 'meeting-b', reason: '延期' }] }),
      'CONFLICT',
    );
    const removed = await move(handle, m.removeProposalFromAgendaUpdate, {
      actor: SECRETARY,
      proposalId,
      meetingId: 'meeting-a',
      reason: '部会の中止: 台風',
    });
    expect(removed.status).toBe(RegionalIssueStatus.IN_DELIBERATION);
    const state = await handle.query(m.regionalIssueStateQuery);
    expect(state.proposals[0]).toMatchObject({ status: PolicyProposalStatus.SUBMITTED, agenda: [] });
    expect(issueEvents(issueId).at(-1)).toMatchObject({
      kind: RegionalIssueEventKind.REMOVED_FROM_AGENDA,
      actorUserId: SECRETARY.userId,
      proposalId,
      meetingId: 'meeting-a',
      note: '部会の中止: 台風',
    });
    // Continued at one meeting, put on the next, taken off it: CONTINUED again.
    await move(handle, m.addProposalToAgendaUpdate, { actor: SECRETARY, proposalId, meetingId: 'meeting-b' });
    await move(handle, m.recordSubcommitteeDecisionUpdate, {
      actor: SECRETARY,
      proposalId,
      meetingId: 'meeting-b',
      decision: SubcommitteeDecision.CONTINUED,
      minutes: '継続審議',
      meeting: { title: '第4回 部会', heldAt: new Date(await env.currentTimeMs()).toISOString() },
    });
    await move(handle, m.addProposalToAgendaUpdate, { actor: SECRETARY, proposalId, meetingId: 'meeting-c' });
    await move(handle, m.removeProposalFromAgendaUpdate, { actor: SECRETARY, proposalId, meetingId: 'meeting-c', reason: '日程変更' });
    const continued = (await handle.query(m.regionalIssueStateQuery)).proposals[0];
    expect(continued.status).toBe(PolicyProposalStatus.CONTINUED);
    expect(continued.agenda.map((e) => [e.meetingId, e.decision])).toEqual([['meeting-b', SubcommitteeDecision.CONTINUED]]);
    // The referral's history got the decision only: taking off an agenda is not the resident's news.
    await eventually(() =>
      expect(policyEntries(linked.referralId).map((e) => e.kind)).toEqual([
        HandoffKind.LINKED_TO_ISSUE,
        HandoffKind.PROPOSAL_SUBMITTED,
        HandoffKind.SUBCOMMITTEE_DECISION,
      ]),
    );
    await expectReplays(handle, 'regional-issue-agenda-removed');
  });

  it('closing the issue completes its ESCALATED referral; an OFFERED one gets only the entry', async () => {
    const escalated = await submitReferral(Destination.TIER1);
    const offered = await submitReferral(Destination.PARTNER);
    const { handle } = await createIssue([escalated, offered]);
    await move(handle, m.closeRegionalIssueUpdate, { actor: TIER1, reason: '民間の移動販売が始まった' });
    expect(await resultOf(escalated.handle)).toEqual({
      referralId: escalated.referralId,
      status: ReferralStatus.COMPLETED,
      outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE,
    });
    expect(referralHistory(escalated.referralId).map((h) => h.kind)).toEqual([
      HandoffKind.SUBMITTED,
      HandoffKind.ESCALATED,
      HandoffKind.LINKED_TO_ISSUE,
      HandoffKind.ISSUE_CLOSED,
      HandoffKind.COMPLETED,
    ]);
    expect(referralHistory(escalated.referralId).at(-1)).toMatchObject({
      actorUserId: null,
      reason: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE,
      note: '地域課題が終了となったため完了しました',
    });
    expect(referrals.get(escalated.referralId)!.status).toBe(ReferralStatus.COMPLETED);
    await eventually(() => expect(policyEntries(offered.referralId).map((e) => e.kind)).toContain(HandoffKind.ISSUE_CLOSED));
    expect(await offered.handle.query(referralStateQuery)).toMatchObject({ status: ReferralStatus.OFFERED, outcome: null });
    await expectReplays(escalated.handle, 'referral-closed-with-issue');
  });

  it('refuses illegal moves with CONFLICT, unknown ids with NOT_FOUND, bad values with BAD_USER_INPUT, and changes nothing', async () => {
    const { issueId, handle } = await createIssue([]);
    const proposalId = (await move(handle, m.draftPolicyProposalUpdate, { actor: TIER1, title: 'P', body: '' })).createdId!;
    await move(handle, m.submitPolicyProposalUpdate, { actor: TIER1, proposalId });
    const before = await handle.query(m.regionalIssueStateQuery);
    const calls = issueCalls.length;

    await expectRefused(handle.executeUpdate(m.submitPolicyProposalUpdate, { args: [{ actor: TIER1, proposalId }] }), 'CONFLICT');
    await expectRefused(handle.executeUpdate(m.closeRegionalIssueUpdate, { args: [{ actor: TIER1, reason: 'x' }] }), 'CONFLICT');
    await expectRefused(
      handle.executeUpdate(m.recordSubcommitteeDecisionUpdate, {
        args: [{ actor: SECRETARY, proposalId, meetingId: 'm1', decision: SubcommitteeDecision.ADOPTED, minutes: 'm' }],
      }),
      'CONFLICT',
    );
    await expectRefused(
      handle.executeUpdate(m.addFollowUpActionUpdate, { args: [{ actor: TIER1, proposalId, description: 'd', owner: 'o', dueOn: '2037-09-01' }] }),
      'CONFLICT',
    );
    await expectRefused(handle.executeUpdate(m.submitPolicyProposalUpdate, { args: [{ actor: TIER1, proposalId: randomUUID() }] }), 'NOT_FOUND');
    await expectRefused(
      handle.executeUpdate(m.unlinkReferralUpdate, { args: [{ actor: TIER1, referralId: randomUUID(), reason: 'r' }] }),
      'NOT_FOUND',
    );
    await expectRefused(handle.executeUpdate(m.draftPolicyProposalUpdate, { args: [{ actor: TIER1, title: ' ', body: '' }] }), 'BAD_USER_INPUT');
    await expectRefused(handle.executeUpdate(m.updateRegionalIssueUpdate, { args: [{ actor: TIER1, areaIds: [] }] }), 'BAD_USER_INPUT');

    expect(await handle.query(m.regionalIssueStateQuery)).toEqual(before);
    expect(issueCalls.length).toBe(calls);
    expect(issues.get(issueId)!.lastSeq).toBe(before.lastSeq);

    // A bad due day on an adopted proposal is BAD_USER_INPUT, not a stalled workflow.
    await move(handle, m.addProposalToAgendaUpdate, { actor: SECRETARY, proposalId, meetingId: 'm1' });
    await move(handle, m.recordSubcommitteeDecisionUpdate, {
      actor: SECRETARY,
      proposalId,
      meetingId: 'm1',
      decision: SubcommitteeDecision.ADOPTED,
      minutes: 'ok',
    });
    await expectRefused(
      handle.executeUpdate(m.addFollowUpActionUpdate, { args: [{ actor: TIER1, proposalId, description: 'd', owner: 'o', dueOn: '2037-02-29' }] }),
      'BAD_USER_INPUT',
    );
    await expectRefused(
      handle.executeUpdate(m.completeFollowUpActionUpdate, { args: [{ actor: TIER1, proposalId, actionId: randomUUID() }] }),
      'NOT_FOUND',
    );
    // ... and once CLOSED or IMPLEMENTED nothing more: here, a closed issue.
    const closed = await createIssue([]);
    await move(closed.handle, m.closeRegionalIssueUpdate, { actor: TIER1, reason: 'Duplicate of another issue' });
    expect(await resultOf(closed.handle)).toEqual({ issueId: closed.issueId, status: RegionalIssueStatus.CLOSED });
  });

  it('a refused write fails only that move with MOVE_NOT_RECORDED; the issue keeps its state and takes the next move', async () => {
    const { issueId, handle } = await createIssue([]);
    const before = await handle.query(m.regionalIssueStateQuery);
    refuseNext.add(issueId);
    await expectRefused(handle.executeUpdate(m.updateRegionalIssueUpdate, { args: [{ actor: TIER1, title: 'refused title' }] }), 'MOVE_NOT_RECORDED');
    expect(await handle.query(m.regionalIssueStateQuery)).toEqual(before);
    expect(issues.get(issueId)!.lastSeq).toBe(before.lastSeq);
    expect(await move(handle, m.updateRegionalIssueUpdate, { actor: TIER1, title: 'stored title' })).toMatchObject({ lastSeq: before.lastSeq + 1 });
    expect(issues.get(issueId)!.state.title).toBe('stored title');
  });

  it('continues as new when its history is long, keeping state and sequence, and later moves work on the new run', async () => {
    const open = await submitReferral(Destination.TIER1);
    const { issueId, handle } = await createIssue([open], 40);
    const firstRunId = (await handle.describe()).runId;
    const proposalId = (await move(handle, m.draftPolicyProposalUpdate, { actor: TIER1, title: 'P', body: 'rev 1' })).createdId!;
    for (let i = 2; i <= 12; i += 1) {
      await move(handle, m.revisePolicyProposalUpdate, { actor: TIER1, proposalId, title: `P v${i}`, body: `rev ${i}` });
    }
    const submitted = await move(handle, m.submitPolicyProposalUpdate, { actor: TIER1, proposalId });
    // Wait for the quiet point (delivery of PROPOSAL_SUBMITTED done) and the new run.
    let runId = firstRunId;
    for (let i = 0; i < 100 && runId === firstRunId; i += 1) {
      await realSleep(100);
      runId = (await handle.describe()).runId;
    }
    expect(runId).not.toBe(firstRunId);
    const state = await handle.query(m.regionalIssueStateQuery);
    expect(state).toMatchObject({ issueId, lastSeq: submitted.lastSeq, status: RegionalIssueStatus.IN_DELIBERATION });
    expect(state.proposals[0]).toMatchObject({ revision: 12, title: 'P v12', status: PolicyProposalStatus.SUBMITTED });

    const onAgenda = await move(handle, m.addProposalToAgendaUpdate, { actor: SECRETARY, proposalId, meetingId: 'm1' });
    expect(onAgenda.lastSeq).toBe(submitted.lastSeq + 1);
    expect(issueEvents(issueId).map((e) => e.seq)).toEqual(Array.from({ length: onAgenda.lastSeq }, (_, i) => i + 1));
    await move(handle, m.recordSubcommitteeDecisionUpdate, {
      actor: SECRETARY,
      proposalId,
      meetingId: 'm1',
      decision: SubcommitteeDecision.REJECTED,
      minutes: 'No budget',
    });
    await eventually(() =>
      expect(policyEntries(open.referralId).map((e) => [e.kind, e.reason])).toEqual([
        [HandoffKind.LINKED_TO_ISSUE, null],
        [HandoffKind.PROPOSAL_SUBMITTED, null],
        [HandoffKind.SUBCOMMITTEE_DECISION, 'REJECTED'],
      ]),
    );
    // A create sent again after continue-as-new reaches the new run and answers from the carried state.
    expect(await createIssueAgain(handle.workflowId, issueId)).toMatchObject({ issueId, status: RegionalIssueStatus.OPEN });
  });
});

describe('referralWorkflow receiving policy handoffs', () => {
  const handoff = (issueSeq: number, kind = HandoffKind.LINKED_TO_ISSUE): PolicyHandoff => ({
    issueId: 'issue-x',
    issueSeq,
    kind,
    actorUserId: TIER1.userId,
    proposalId: null,
    reason: null,
    note: 'issue title',
    at: new Date().toISOString(),
  });

  it('writes one handoff per issue event, ignores duplicates, and leaves state and deadline as they were', async () => {
    const r = await submitReferral(Destination.PARTNER);
    const before = await r.handle.query(referralStateQuery);
    expect(before.status).toBe(ReferralStatus.OFFERED);
    await r.handle.signal(policyHandoffSignal, handoff(1));
    await r.handle.signal(policyHandoffSignal, handoff(1));
    await r.handle.signal(policyHandoffSignal, handoff(2, HandoffKind.PROPOSAL_SUBMITTED));
    await r.handle.signal(policyHandoffSignal, handoff(1));
    await eventually(() => expect(policyEntries(r.referralId).map((e) => e.issueSeq)).toEqual([1, 2]));
    const after = await r.handle.query(referralStateQuery);
    expect(after).toEqual({ ...before, lastSeq: before.lastSeq + 2 });
    expect(referrals.get(r.referralId)!.status).toBe(ReferralStatus.OFFERED);
  });

  it('a policy entry whose write is refused is not dropped: written after a back-off, while moves go on', async () => {
    const r = await submitReferral(Destination.TIER1);
    refuseNext.add(r.referralId);
    await r.handle.signal(policyHandoffSignal, handoff(1));
    await eventually(() => expect(refuseNext.has(r.referralId)).toBe(false)); // tried and refused
    expect(policyEntries(r.referralId)).toEqual([]);
    await env.sleep(2 * 60_000); // past the first back-off (1 min)
    await eventually(() => expect(policyEntries(r.referralId).map((e) => e.issueSeq)).toEqual([1]));
  });

  it('a signal reaching a referral that is closing is written before its workflow ends', async () => {
    const r = await submitReferral(Destination.TIER1);
    referralDelays.set(r.referralId, [1500]); // the withdrawal's write takes a while
    const withdrawing = r.handle.executeUpdate(withdrawReferralUpdate, { args: [{ actor: TIER2, reason: 'Resolved by family' }] });
    await realSleep(300);
    await r.handle.signal(policyHandoffSignal, handoff(5, HandoffKind.ISSUE_CLOSED));
    await withdrawing;
    expect(await resultOf(r.handle)).toMatchObject({ status: ReferralStatus.WITHDRAWN });
    const kinds = referralHistory(r.referralId).map((h) => h.kind);
    expect(kinds.slice(-2)).toEqual([HandoffKind.WITHDRAWN, HandoffKind.ISSUE_CLOSED]);
    expect(referrals.get(r.referralId)!.status).toBe(ReferralStatus.WITHDRAWN);
  });

  it('an ended referral workflow refuses the signal (so the issue takes the database path)', async () => {
    const r = await submitReferral(Destination.TIER1);
    await r.handle.executeUpdate(withdrawReferralUpdate, { args: [{ actor: TIER2, reason: 'Resolved' }] });
    expect(await resultOf(r.handle)).toMatchObject({ status: ReferralStatus.WITHDRAWN });
    // Ended now: a signal is refused by the server (the issue workflow then uses the database path, tested above).
    await expect(r.handle.signal(policyHandoffSignal, handoff(1))).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });
});

/** update-with-start again on an existing issue workflow (USE_EXISTING): the duplicate create. */
async function createIssueAgain(workflowId: string, issueId: string): Promise<m.RegionalIssueMoveResult> {
  return env.client.workflow.executeUpdateWithStart(m.createRegionalIssueUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof regionalIssueWorkflow>('regionalIssueWorkflow', {
      workflowId,
      taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [
        {
          issueId,
          create: { title: 'x', description: '', category: NeedCategory.TRANSPORT, areaIds: ['a'], referrals: [], createdByUserId: TIER1.userId },
        },
      ],
    }),
  });
}
