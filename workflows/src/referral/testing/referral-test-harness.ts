// Shared harness of the referral workflow specs: Temporal's time-skipping test server, one worker per spec file, and the
// activities mocked by an in-memory read model that behaves like the database (handoffs keyed by (referralId, seq), a
// last_seq on the row, one write per call). Test-only: the jest hooks come from @jest/globals, so that this file (which
// the build compiles, not being a *spec.ts) type-checks without jest's ambient types.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { WithStartWorkflowOperation, WorkflowHandle, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, UpdateDefinition } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DeadlineRule, Destination, HandoffKind, NeedCategory, ReferralActor, ReferralOutcome, ReferralStatus, SubjectKind } from '@tsunagu/domain';
import { createTimeSkippingEnvironment } from '../../testing/time-skipping-environment';
import {
  ReferralMoveResult,
  submitReferralUpdate,
  type FindNextCandidateInput,
  type RecordedHandoff,
  type RecordTransitionInput,
  type ReferralActivities,
  type ReferralSubmission,
  type ReferralWorkflowInput,
} from '@tsunagu/workflow-contracts';
import type { referralWorkflow } from '../referral.workflow';

export const ORG_A = 'org-a';
export const ORG_B = 'org-b';
export const ORG_C = 'org-c';
export const COUNCIL = 'org-council';

export const coordinator: ReferralActor = { userId: 'user-tier2', organizationId: COUNCIL, proxy: false };
export const partner = (organizationId: string): ReferralActor => ({ userId: `user-${organizationId}`, organizationId, proxy: false });
export const proxyFor = (organizationId: string): ReferralActor => ({ userId: 'user-tier2', organizationId, proxy: true });

export type ReferralHandle = WorkflowHandle<typeof referralWorkflow>;

export interface ReadModelRow {
  referralId: string;
  workflowId: string;
  status: ReferralStatus;
  currentOrganizationId: string | null;
  outcome: ReferralOutcome | null;
  /** referral.response_due_at: the deadline of the latest write. */
  responseDueAt: string | null;
  lastSeq: number;
  submission: RecordTransitionInput['submission'];
  handoffs: Map<number, RecordedHandoff>;
}

/**
 * before-commit / after-commit: a transient failure (retried); refused: the database refuses the write for good (the
 * worker's WRITE_REFUSED, non-retryable), nothing stored; slow-after-commit: stored, then the answer takes 1.5 s (real
 * time), so the read model shows the new state before the workflow has it.
 */
export type Fault = 'before-commit' | 'after-commit' | 'refused' | 'slow-after-commit';

export interface Scenario {
  referralId: string;
  workflowId: string;
  areaId: string;
  input: ReferralWorkflowInput;
}

export interface ReferralWorkflowHarness {
  /** The test environment; available from the spec's first test on (created in beforeAll). */
  readonly env: TestWorkflowEnvironment;
  readonly taskQueue: string;
  readonly readModel: Map<string, ReadModelRow>;
  /** Every recordReferralTransition call, retries included, in order. */
  readonly recordCalls: RecordTransitionInput[];
  readonly findCalls: FindNextCandidateInput[];
  /** Per referral, the faults of its next recordReferralTransition calls, in order. */
  readonly faults: Map<string, Fault[]>;
  /** Per referral, how long its next recordReferralTransition calls take (ms, real time), in order. */
  readonly delays: Map<string, number[]>;
  /** Referrals whose every recordReferralTransition call fails (transiently) until removed: a stuck write. */
  readonly stuck: Set<string>;
  /** A fresh referral id, workflow id and area (with its scripted candidates, best first) for one test. */
  scenario(candidates: string[], overrides?: Partial<ReferralSubmission>, deadlineRule?: DeadlineRule): Scenario;
  startOperation(s: Scenario, input?: ReferralWorkflowInput): WithStartWorkflowOperation<typeof referralWorkflow>;
  /** Submits with update-with-start; returns once the referral is in the read model. */
  submit(s: Scenario): Promise<{ result: ReferralMoveResult; handle: ReferralHandle }>;
  move<A>(handle: ReferralHandle, update: UpdateDefinition<ReferralMoveResult, [A]>, arg: A): Promise<ReferralMoveResult>;
  row(referralId: string): ReadModelRow;
  history(referralId: string): RecordedHandoff[];
  kinds(referralId: string): HandoffKind[];
  callsFor(referralId: string): RecordTransitionInput[];
  /** Right after an update returns: the read model holds exactly what it reported, with seqs 1..lastSeq. */
  expectPersisted(result: ReferralMoveResult): void;
  expectContiguous(referralId: string): void;
  /** Awaits a promise expected to be refused with an ApplicationFailure of type CONFLICT; returns the failure. */
  expectConflict(promise: Promise<unknown>): Promise<ApplicationFailure>;
}

/**
 * Registers the spec file's hooks (test server and worker up in beforeAll, down in afterAll; after each test, the read
 * model must have seen no broken write and the test's still-running referral workflows are terminated, so that their
 * timers cannot fire into a later test when it skips time) and returns the helpers.
 */
export function useReferralWorkflowHarness(name: string): ReferralWorkflowHarness {
  const readModel = new Map<string, ReadModelRow>();
  const recordCalls: RecordTransitionInput[] = [];
  const findCalls: FindNextCandidateInput[] = [];
  /** What the database would refuse or what would break its invariants; must stay empty. */
  const integrityErrors: string[] = [];
  /** Routing script: the candidates of an area, best first. */
  const candidatesByArea = new Map<string, string[]>();
  const faults = new Map<string, Fault[]>();
  const delays = new Map<string, number[]>();
  const stuck = new Set<string>();
  /** Workflow ids of the current test's scenarios. */
  const workflowIds: string[] = [];

  const activities: ReferralActivities = {
    async findNextCandidate(input) {
      findCalls.push(structuredClone(input));
      const candidates = candidatesByArea.get(input.areaId) ?? [];
      return candidates.find((id) => !input.excludeOrganizationIds.includes(id)) ?? null;
    },

    async recordReferralTransition(input) {
      recordCalls.push(structuredClone(input));
      const delay = delays.get(input.referralId)?.shift();
      if (delay) await sleep(delay);
      const fault = faults.get(input.referralId)?.shift();
      if (fault === 'before-commit') throw new Error('database unavailable (injected, before commit)');
      if (fault === 'refused') {
        throw ApplicationFailure.create({
          type: 'WRITE_REFUSED',
          message: 'refused (injected)',
          nonRetryable: true,
          details: [{ sqlState: '22023' }],
        });
      }
      if (stuck.has(input.referralId)) throw new Error('serialization failure (injected, for as long as it is stuck)');

      // One transaction: create the row on the first write, insert handoffs ON CONFLICT (referral_id, seq) DO NOTHING,
      // move the row forward only when last_seq grows.
      let row = readModel.get(input.referralId);
      if (!row) {
        if (!input.submission) {
          integrityErrors.push(`${input.referralId}: first write without the submission (no row to write to)`);
          return;
        }
        row = {
          referralId: input.referralId,
          workflowId: input.workflowId,
          status: input.status,
          currentOrganizationId: input.currentOrganizationId,
          outcome: input.outcome,
          responseDueAt: input.responseDueAt,
          lastSeq: 0,
          submission: input.submission,
          handoffs: new Map(),
        };
        readModel.set(input.referralId, row);
      }
      for (const handoff of input.handoffs) {
        const existing = row.handoffs.get(handoff.seq);
        if (existing) {
          if (JSON.stringify(existing) !== JSON.stringify(handoff)) {
            integrityErrors.push(`${input.referralId}: seq ${handoff.seq} written twice with different content`);
          }
          continue;
        }
        if (handoff.seq !== row.handoffs.size + 1) integrityErrors.push(`${input.referralId}: seq ${handoff.seq} leaves a gap`);
        row.handoffs.set(handoff.seq, structuredClone(handoff));
      }
      if (input.lastSeq !== (input.handoffs.at(-1)?.seq ?? input.lastSeq)) {
        integrityErrors.push(`${input.referralId}: lastSeq ${input.lastSeq} is not the last handoff's seq`);
      }
      if (input.lastSeq > row.lastSeq) {
        Object.assign(row, {
          status: input.status,
          currentOrganizationId: input.currentOrganizationId,
          outcome: input.outcome,
          responseDueAt: input.responseDueAt,
          lastSeq: input.lastSeq,
        });
      }
      if (fault === 'after-commit') throw new Error('connection reset (injected, after commit)');
      if (fault === 'slow-after-commit') await sleep(1500);
    },
  };

  const taskQueue = `${name}-${randomUUID()}`;
  let env: TestWorkflowEnvironment | undefined;
  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../referral.workflow'),
      activities,
    });
    workerRun = worker.run();
  });

  afterAll(async () => {
    if (worker) {
      worker.shutdown();
      await workerRun;
    }
    await env?.teardown();
  });

  afterEach(async () => {
    try {
      for (const workflowId of workflowIds.splice(0)) {
        try {
          await harness.env.client.workflow.getHandle(workflowId).terminate('test over');
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error; // already closed, or never started
        }
      }
    } finally {
      // Whatever a test did, the mocked database never saw a broken write. (Emptied here so one test's errors stay its own.)
      expect(integrityErrors.splice(0)).toEqual([]);
    }
  });

  function row(referralId: string): ReadModelRow {
    const found = readModel.get(referralId);
    if (!found) throw new Error(`no read-model row for ${referralId}`);
    return found;
  }

  function history(referralId: string): RecordedHandoff[] {
    return [...row(referralId).handoffs.values()].sort((a, b) => a.seq - b.seq);
  }

  function expectContiguous(referralId: string): void {
    const r = row(referralId);
    const seqs = history(referralId).map((h) => h.seq);
    expect(seqs).toEqual(Array.from({ length: r.lastSeq }, (_, i) => i + 1));
  }

  function expectPersisted(result: ReferralMoveResult): void {
    const r = row(result.referralId);
    expect({ lastSeq: r.lastSeq, status: r.status }).toEqual({ lastSeq: result.lastSeq, status: result.status });
    expectContiguous(result.referralId);
  }

  function startOperation(s: Scenario, input: ReferralWorkflowInput = s.input) {
    return new WithStartWorkflowOperation<typeof referralWorkflow>('referralWorkflow', {
      workflowId: s.workflowId,
      taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [input],
    });
  }

  const harness: ReferralWorkflowHarness = {
    get env() {
      if (!env) throw new Error('the test environment is created in beforeAll: use harness.env inside tests and hooks');
      return env;
    },
    taskQueue,
    readModel,
    recordCalls,
    findCalls,
    faults,
    delays,
    stuck,

    scenario(candidates, overrides = {}, deadlineRule) {
      const referralId = randomUUID();
      const areaId = `area-${randomUUID()}`;
      candidatesByArea.set(areaId, candidates);
      const submission: ReferralSubmission = {
        clientRequestId: randomUUID(),
        category: NeedCategory.SHOPPING,
        areaId,
        summary: 'No shop within walking distance of the estate',
        subjectKind: SubjectKind.AREA,
        subject: null,
        consent: null,
        destination: Destination.PARTNER,
        requestedOrganizationId: null,
        submittedByUserId: coordinator.userId,
        submittedByOrganizationId: COUNCIL,
        ...overrides,
      };
      const workflowId = `referral:test:${referralId}`;
      workflowIds.push(workflowId);
      const input: ReferralWorkflowInput = deadlineRule ? { referralId, submission, deadlineRule } : { referralId, submission };
      return { referralId, areaId, workflowId, input };
    },

    startOperation,

    async submit(s) {
      const client = harness.env.client;
      const result = await client.workflow.executeUpdateWithStart(submitReferralUpdate, { startWorkflowOperation: startOperation(s) });
      expectPersisted(result);
      return { result, handle: client.workflow.getHandle<typeof referralWorkflow>(s.workflowId) };
    },

    async move(handle, update, arg) {
      const result = await handle.executeUpdate(update, { args: [arg] });
      expectPersisted(result);
      return result;
    },

    row,
    history,
    kinds: (referralId) => history(referralId).map((h) => h.kind),
    callsFor: (referralId) => recordCalls.filter((c) => c.referralId === referralId),
    expectPersisted,
    expectContiguous,

    async expectConflict(promise) {
      const error = await promise.then(
        () => {
          throw new Error('expected the update to be refused with CONFLICT, but it succeeded');
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe('CONFLICT');
      expect((cause as ApplicationFailure).nonRetryable).toBe(true);
      return cause as ApplicationFailure;
    },
  };
  return harness;
}
