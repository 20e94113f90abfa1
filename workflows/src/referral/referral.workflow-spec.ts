// The referral workflow on Temporal's time-skipping test server, with the activities mocked by an in-memory read model
// that behaves like the database: handoffs keyed by (referralId, seq), a last_seq on the row, one write per call
// (testing/referral-test-harness.ts).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateStage } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { DeclineReason, Destination, HandoffKind, NeedCategory, ReferralOutcome, ReferralStatus } from '@tsunagu/domain';
import {
  acceptReferralUpdate,
  addReferralNoteUpdate,
  completeReferralUpdate,
  declineReferralUpdate,
  escalateReferralUpdate,
  holdReferralUpdate,
  reassignReferralUpdate,
  ReferralMoveResult,
  referralStateQuery,
  startReferralUpdate,
  submitReferralUpdate,
  withdrawReferralUpdate,
  type ReferralWorkflowInput,
} from '@tsunagu/workflow-contracts';
import { CANDIDATE_LOOKUP_PATCH, type referralWorkflow } from './referral.workflow';
import { COUNCIL, coordinator, ORG_A, ORG_B, ORG_C, partner, proxyFor, useReferralWorkflowHarness } from './testing/referral-test-harness';

// The slowest test waits out real activity-retry backoff (1 s + 2 s, twice); a hung update fails within a minute.
jest.setTimeout(60_000);

// One test server and one worker for the whole file.
const harness = useReferralWorkflowHarness('referral-workflow-spec');
const {
  readModel,
  recordCalls,
  findCalls,
  faults,
  delays,
  scenario,
  startOperation,
  submit,
  move,
  row,
  history,
  kinds,
  callsFor,
  expectPersisted,
  expectContiguous,
  expectConflict,
} = harness;

// ---------------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------------
describe('referralWorkflow', () => {
  it('runs a referral through its whole life to COMPLETED, persisting every handoff before each update returns', async () => {
    const s = scenario([ORG_A]);
    const { result: submitted, handle } = await submit(s);
    expect(submitted).toEqual({ referralId: s.referralId, status: ReferralStatus.OFFERED, lastSeq: 2 });
    expect(row(s.referralId).currentOrganizationId).toBe(ORG_A);

    expect(await move(handle, acceptReferralUpdate, { actor: partner(ORG_A), note: 'we can deliver on Tuesdays' })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.ACCEPTED,
      lastSeq: 3,
    });
    expect(await move(handle, addReferralNoteUpdate, { actor: coordinator, note: 'told the residents' })).toMatchObject({
      status: ReferralStatus.ACCEPTED,
      lastSeq: 4,
    });
    expect(await move(handle, startReferralUpdate, { actor: partner(ORG_A) })).toMatchObject({ status: ReferralStatus.IN_PROGRESS, lastSeq: 5 });
    expect(await handle.query(referralStateQuery)).toEqual({
      referralId: s.referralId,
      lastSeq: 5,
      status: ReferralStatus.IN_PROGRESS,
      currentOrganizationId: ORG_A,
      offeredOrganizationIds: [ORG_A],
      outcome: null,
      // An accepted referral waits for progress: 10 business days by default.
      deadline: expect.objectContaining({ kind: 'PROGRESS', reminderAt: null }),
    });
    expect(
      await move(handle, completeReferralUpdate, { actor: partner(ORG_A), outcome: ReferralOutcome.RESOLVED, note: 'weekly stop agreed' }),
    ).toEqual({ referralId: s.referralId, status: ReferralStatus.COMPLETED, lastSeq: 6 });

    expect(await handle.result()).toEqual({ referralId: s.referralId, status: ReferralStatus.COMPLETED, outcome: ReferralOutcome.RESOLVED });
    expect(kinds(s.referralId)).toEqual([
      HandoffKind.SUBMITTED,
      HandoffKind.OFFERED,
      HandoffKind.ACCEPTED,
      HandoffKind.NOTE,
      HandoffKind.STARTED,
      HandoffKind.COMPLETED,
    ]);
    expect(row(s.referralId)).toMatchObject({
      workflowId: s.workflowId,
      status: ReferralStatus.COMPLETED,
      currentOrganizationId: ORG_A,
      outcome: ReferralOutcome.RESOLVED,
      lastSeq: 6,
    });
    expect(history(s.referralId)[5]).toMatchObject({ reason: ReferralOutcome.RESOLVED, note: 'weekly stop agreed', actorUserId: 'user-org-a' });
    expect(history(s.referralId)[1]).toMatchObject({ toOrganizationId: ORG_A, actorUserId: null });
    // One write per move; the submission (which creates the row) only on the first.
    const calls = callsFor(s.referralId);
    expect(calls).toHaveLength(5);
    expect(calls.map((c) => c.submission !== undefined)).toEqual([true, false, false, false, false]);
    expect(calls[0].submission).toMatchObject(s.input.submission);
    expect(calls.every((c) => c.workflowId === s.workflowId)).toBe(true);
    expect(findCalls.filter((c) => c.areaId === s.areaId)).toEqual([
      { category: NeedCategory.SHOPPING, areaId: s.areaId, excludeOrganizationIds: [] },
    ]);
  });

  it('offers a declined referral to the next candidate, then goes UNMATCHED, then a coordinator reassigns it', async () => {
    const s = scenario([ORG_A, ORG_B]);
    const { handle } = await submit(s);

    expect(await move(handle, declineReferralUpdate, { actor: partner(ORG_A), reason: DeclineReason.NO_CAPACITY, note: 'truck is full' })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.OFFERED,
      lastSeq: 4,
    });
    expect(row(s.referralId).currentOrganizationId).toBe(ORG_B);

    // The shop B has no users: the tier-2 coordinator records its answer as a proxy.
    expect(await move(handle, declineReferralUpdate, { actor: proxyFor(ORG_B), reason: DeclineReason.OUT_OF_AREA })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.UNMATCHED,
      lastSeq: 6,
    });
    expect(row(s.referralId).currentOrganizationId).toBeNull();

    // Routing never offers it twice: each search excludes every organisation offered so far.
    expect(findCalls.filter((c) => c.areaId === s.areaId).map((c) => c.excludeOrganizationIds)).toEqual([[], [ORG_A], [ORG_A, ORG_B]]);

    expect(await move(handle, reassignReferralUpdate, { actor: coordinator, organizationId: ORG_C, note: 'asked C by phone' })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.OFFERED,
      lastSeq: 8,
    });
    expect(await move(handle, acceptReferralUpdate, { actor: partner(ORG_C) })).toMatchObject({ status: ReferralStatus.ACCEPTED, lastSeq: 9 });

    expect(history(s.referralId).map((h) => [h.seq, h.kind, h.fromOrganizationId, h.toOrganizationId, h.proxy])).toEqual([
      [1, HandoffKind.SUBMITTED, COUNCIL, null, false],
      [2, HandoffKind.OFFERED, null, ORG_A, false],
      [3, HandoffKind.DECLINED, ORG_A, null, false],
      [4, HandoffKind.OFFERED, null, ORG_B, false],
      [5, HandoffKind.DECLINED, ORG_B, null, true],
      [6, HandoffKind.UNMATCHED, null, null, false],
      [7, HandoffKind.REASSIGNED, null, ORG_C, false],
      [8, HandoffKind.OFFERED, null, ORG_C, false],
      [9, HandoffKind.ACCEPTED, ORG_C, ORG_C, false],
    ]);
    expect(history(s.referralId)[2]).toMatchObject({ reason: DeclineReason.NO_CAPACITY, note: 'truck is full' });
    expect(history(s.referralId)[4]).toMatchObject({ reason: DeclineReason.OUT_OF_AREA, actorUserId: 'user-tier2' });
    expect(await handle.query(referralStateQuery)).toMatchObject({ offeredOrganizationIds: [ORG_A, ORG_B, ORG_C], currentOrganizationId: ORG_C });
  });

  it('with no candidate at all, a submitted referral is UNMATCHED', async () => {
    const s = scenario([]);
    const { result } = await submit(s);
    expect(result).toEqual({ referralId: s.referralId, status: ReferralStatus.UNMATCHED, lastSeq: 2 });
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.UNMATCHED]);
  });

  it('offers it straight to the partner the coordinator chose, without asking routing', async () => {
    const s = scenario([ORG_A], { requestedOrganizationId: ORG_C });
    const { result } = await submit(s);
    expect(result).toMatchObject({ status: ReferralStatus.OFFERED, lastSeq: 2 });
    expect(history(s.referralId)[1]).toMatchObject({ kind: HandoffKind.OFFERED, toOrganizationId: ORG_C });
    expect(findCalls.filter((c) => c.areaId === s.areaId)).toEqual([]);
  });

  it('withdraw closes the referral and ends the workflow; later moves are refused and write nothing', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    await move(handle, acceptReferralUpdate, { actor: partner(ORG_A) });

    expect(await move(handle, withdrawReferralUpdate, { actor: coordinator, reason: 'resident moved away' })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.WITHDRAWN,
      lastSeq: 4,
    });
    expect(await handle.result()).toEqual({ referralId: s.referralId, status: ReferralStatus.WITHDRAWN, outcome: null });
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect(history(s.referralId)[3]).toMatchObject({
      kind: HandoffKind.WITHDRAWN,
      fromOrganizationId: ORG_A,
      toOrganizationId: null,
      reason: 'resident moved away',
    });
    expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.WITHDRAWN, currentOrganizationId: null });

    const callsBefore = callsFor(s.referralId).length;
    await expect(handle.executeUpdate(startReferralUpdate, { args: [{ actor: partner(ORG_A) }] })).rejects.toThrow();
    expect(callsFor(s.referralId)).toHaveLength(callsBefore);
    expect(row(s.referralId).lastSeq).toBe(4);
  });

  it('escalates an offered referral to tier-1; the workflow stays open and it can be routed again', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);

    expect(await move(handle, escalateReferralUpdate, { actor: coordinator, note: 'city-wide problem' })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.ESCALATED,
      lastSeq: 3,
    });
    expect(history(s.referralId)[2]).toMatchObject({
      kind: HandoffKind.ESCALATED,
      fromOrganizationId: ORG_A,
      toOrganizationId: null,
      note: 'city-wide problem',
    });
    expect(row(s.referralId).currentOrganizationId).toBeNull();
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // The partner that was offered it can no longer answer.
    await expectConflict(handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_A) }] }));
    // Escalating twice is refused.
    await expectConflict(handle.executeUpdate(escalateReferralUpdate, { args: [{ actor: coordinator, note: 'again' }] }));

    expect(await move(handle, reassignReferralUpdate, { actor: coordinator, organizationId: ORG_B })).toMatchObject({
      status: ReferralStatus.OFFERED,
      lastSeq: 5,
    });
    expect(kinds(s.referralId)).toEqual([
      HandoffKind.SUBMITTED,
      HandoffKind.OFFERED,
      HandoffKind.ESCALATED,
      HandoffKind.REASSIGNED,
      HandoffKind.OFFERED,
    ]);
  });

  it('a referral submitted to TIER1 is ESCALATED at once, without routing', async () => {
    const s = scenario([ORG_A], { destination: Destination.TIER1 });
    const { result, handle } = await submit(s);
    expect(result).toEqual({ referralId: s.referralId, status: ReferralStatus.ESCALATED, lastSeq: 2 });
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.ESCALATED]);
    expect(findCalls.filter((c) => c.areaId === s.areaId)).toEqual([]);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });

  it('refuses illegal moves with an ApplicationFailure of type CONFLICT and writes no handoff', async () => {
    const s = scenario([ORG_A, ORG_B]);
    const { handle } = await submit(s);
    const stateBefore = await handle.query(referralStateQuery);
    const callsBefore = callsFor(s.referralId).length;

    // Refused by the validator: wrong status, or not the organisation the offer is addressed to.
    await expectConflict(handle.executeUpdate(startReferralUpdate, { args: [{ actor: partner(ORG_A) }] }));
    await expectConflict(handle.executeUpdate(completeReferralUpdate, { args: [{ actor: partner(ORG_A), outcome: ReferralOutcome.RESOLVED }] }));
    await expectConflict(handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_B) }] }));
    await expectConflict(handle.executeUpdate(declineReferralUpdate, { args: [{ actor: coordinator, reason: DeclineReason.OTHER }] }));
    await expectConflict(handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: proxyFor(ORG_B) }] }));
    // Passes the validator (status allows REASSIGN) but the move itself is refused: the offer is already with A.
    const sameOrg = await expectConflict(handle.executeUpdate(reassignReferralUpdate, { args: [{ actor: coordinator, organizationId: ORG_A }] }));
    expect(sameOrg.message).toMatch(/already offered/);

    expect(callsFor(s.referralId)).toHaveLength(callsBefore);
    expect(row(s.referralId).lastSeq).toBe(2);
    expect(await handle.query(referralStateQuery)).toEqual(stateBefore);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // The referral is unharmed: a legal move continues the history where it stopped.
    expect(await move(handle, acceptReferralUpdate, { actor: partner(ORG_A) })).toMatchObject({ status: ReferralStatus.ACCEPTED, lastSeq: 3 });
    await expectConflict(handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_A) }] }));
    expect(row(s.referralId).lastSeq).toBe(3);
  });

  it('two concurrent update-with-start calls for one workflow id make one referral with one SUBMITTED handoff', async () => {
    const s = scenario([ORG_A]);
    // Each caller (like the api on a double-clicked form) brings its own freshly generated referral id.
    const other: ReferralWorkflowInput = { ...s.input, referralId: randomUUID() };
    const [first, second] = await Promise.all([
      harness.env.client.workflow.executeUpdateWithStart(submitReferralUpdate, { startWorkflowOperation: startOperation(s, s.input) }),
      harness.env.client.workflow.executeUpdateWithStart(submitReferralUpdate, { startWorkflowOperation: startOperation(s, other) }),
    ]);

    expect(second).toEqual(first);
    expect(first.status).toBe(ReferralStatus.OFFERED);
    expect([s.referralId, other.referralId]).toContain(first.referralId);
    const rows = [...readModel.values()].filter((r) => r.workflowId === s.workflowId);
    expect(rows.map((r) => r.referralId)).toEqual([first.referralId]);
    expect(kinds(first.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED]);
    expect(recordCalls.filter((c) => c.workflowId === s.workflowId)).toHaveLength(1);

    // A third submission after the fact answers with the same referral too.
    const third = await harness.env.client.workflow.executeUpdateWithStart(submitReferralUpdate, {
      startWorkflowOperation: startOperation(s, { ...s.input, referralId: randomUUID() }),
    });
    expect(third).toEqual(first);
  });

  it('a duplicate submit that arrives while the first write is still running returns only once the referral is persisted', async () => {
    const s = scenario([ORG_A]);
    delays.set(s.referralId, [1500]); // the first write (SUBMITTED, OFFERED) is slow
    const first = await harness.env.client.workflow.startUpdateWithStart(submitReferralUpdate, {
      startWorkflowOperation: startOperation(s),
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    expect(readModel.has(s.referralId)).toBe(false);

    const second = await harness.env.client.workflow.executeUpdateWithStart(submitReferralUpdate, {
      startWorkflowOperation: startOperation(s, { ...s.input, referralId: randomUUID() }),
    });
    expect(second).toEqual({ referralId: s.referralId, status: ReferralStatus.OFFERED, lastSeq: 2 });
    expectPersisted(second);
    expect(await first.result()).toEqual(second);
    expect(callsFor(s.referralId)).toHaveLength(1);
  });

  it('a write that fails twice and then succeeds is retried without duplicating handoffs', async () => {
    const s = scenario([ORG_A, ORG_B]);
    // Submit: committed but the answer lost, twice; the third attempt finds everything already there.
    faults.set(s.referralId, ['after-commit', 'after-commit']);
    const { handle } = await submit(s);
    expect(callsFor(s.referralId)).toHaveLength(3);
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED]);

    // Decline: once not committed at all, once committed with the answer lost.
    faults.set(s.referralId, ['before-commit', 'after-commit']);
    expect(await move(handle, declineReferralUpdate, { actor: partner(ORG_A), reason: DeclineReason.NO_CAPACITY })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.OFFERED,
      lastSeq: 4,
    });
    const calls = callsFor(s.referralId);
    expect(calls).toHaveLength(6);
    // Every retry carried the very same write.
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[2]).toEqual(calls[0]);
    expect(calls[4]).toEqual(calls[3]);
    expect(calls[5]).toEqual(calls[3]);
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.DECLINED, HandoffKind.OFFERED]);
    expect(row(s.referralId)).toMatchObject({ lastSeq: 4, currentOrganizationId: ORG_B, status: ReferralStatus.OFFERED });
  });

  it('concurrent accept and withdraw serialize into one of the two possible outcomes', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    const [accept, withdraw] = await Promise.allSettled([
      handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_A) }] }),
      handle.executeUpdate(withdrawReferralUpdate, { args: [{ actor: coordinator, reason: 'duplicate' }] }),
    ]);

    // Withdraw is legal from OFFERED and from ACCEPTED, so it always succeeds; accept only if it came first.
    expect(withdraw).toMatchObject({ status: 'fulfilled', value: { status: ReferralStatus.WITHDRAWN } });
    if (accept.status === 'fulfilled') {
      expect(accept.value).toEqual({ referralId: s.referralId, status: ReferralStatus.ACCEPTED, lastSeq: 3 });
      expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.ACCEPTED, HandoffKind.WITHDRAWN]);
      expect((withdraw as PromiseFulfilledResult<ReferralMoveResult>).value.lastSeq).toBe(4);
    } else {
      await expectConflict(Promise.reject(accept.reason));
      expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.WITHDRAWN]);
      expect((withdraw as PromiseFulfilledResult<ReferralMoveResult>).value.lastSeq).toBe(3);
    }
    expectContiguous(s.referralId);
    expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.WITHDRAWN, currentOrganizationId: null });
    expect(await handle.result()).toMatchObject({ status: ReferralStatus.WITHDRAWN });
  });

  it('an accept that passed its validator while a withdraw was being written is refused once its turn comes', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    delays.set(s.referralId, [1500]); // the withdraw's write is slow
    const withdraw = await handle.startUpdate(withdrawReferralUpdate, {
      args: [{ actor: coordinator, reason: 'resident declined help' }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    // The live state is still OFFERED to A, so the validator lets the accept in; the handler must check again.
    // (expectConflict attaches its handler at once, so the refusal is never an unhandled rejection.)
    const accept = expectConflict(handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_A) }] }));

    expect(await withdraw.result()).toEqual({ referralId: s.referralId, status: ReferralStatus.WITHDRAWN, lastSeq: 3 });
    const failure = await accept;
    expect(failure.message).toMatch(/WITHDRAWN/);
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.WITHDRAWN]);
    expect(callsFor(s.referralId)).toHaveLength(2);
    expect(await handle.result()).toMatchObject({ status: ReferralStatus.WITHDRAWN });
  });

  it('a decline that passed its validator while a withdraw was being written is refused without asking routing', async () => {
    const s = scenario([ORG_A, ORG_B]);
    const { handle } = await submit(s);
    delays.set(s.referralId, [1500]); // the withdraw's write is slow
    const withdraw = await handle.startUpdate(withdrawReferralUpdate, {
      args: [{ actor: coordinator, reason: 'duplicate' }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    const decline = expectConflict(
      handle.executeUpdate(declineReferralUpdate, { args: [{ actor: partner(ORG_A), reason: DeclineReason.NO_CAPACITY }] }),
    );

    expect(await withdraw.result()).toMatchObject({ status: ReferralStatus.WITHDRAWN, lastSeq: 3 });
    await decline;
    // Only the submission asked routing: the refused decline never looked for a next candidate.
    expect(findCalls.filter((c) => c.areaId === s.areaId)).toHaveLength(1);
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.WITHDRAWN]);
  });

  it('a withdraw that arrives while an accept is being written waits its turn and applies to the accepted referral', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    delays.set(s.referralId, [1500]); // the accept's write is slow
    const accept = await handle.startUpdate(acceptReferralUpdate, {
      args: [{ actor: partner(ORG_A) }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    const withdraw = handle.executeUpdate(withdrawReferralUpdate, { args: [{ actor: coordinator, reason: 'duplicate' }] });

    const accepted = await accept.result();
    expect(accepted).toEqual({ referralId: s.referralId, status: ReferralStatus.ACCEPTED, lastSeq: 3 });
    expect(await withdraw).toEqual({ referralId: s.referralId, status: ReferralStatus.WITHDRAWN, lastSeq: 4 });
    expect(history(s.referralId).map((h) => [h.seq, h.kind, h.fromOrganizationId])).toEqual([
      [1, HandoffKind.SUBMITTED, COUNCIL],
      [2, HandoffKind.OFFERED, null],
      [3, HandoffKind.ACCEPTED, ORG_A],
      [4, HandoffKind.WITHDRAWN, ORG_A],
    ]);
    expect(await handle.result()).toEqual({ referralId: s.referralId, status: ReferralStatus.WITHDRAWN, outcome: null });
  });
  // A commit writes the read model first and changes the workflow's state when the write answers: between the two,
  // the second partner's inbox already shows the offer. Its answer must not be refused on the state before.
  it('the next partner accepting the offer its inbox shows, while the decline that made it is still being committed, is not refused', async () => {
    const s = scenario([ORG_A, ORG_B]);
    const { handle } = await submit(s);
    faults.set(s.referralId, ['slow-after-commit']); // the decline's write is stored, then answers 1.5 s later
    const decline = handle.executeUpdate(declineReferralUpdate, { args: [{ actor: partner(ORG_A), reason: DeclineReason.NO_CAPACITY }] });
    for (let waited = 0; readModel.get(s.referralId)?.currentOrganizationId !== ORG_B; waited += 20) {
      if (waited > 10_000) throw new Error('the decline was never written');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    expect(await move(handle, acceptReferralUpdate, { actor: partner(ORG_B) })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.ACCEPTED,
      lastSeq: 5,
    });
    expect(await decline).toEqual({ referralId: s.referralId, status: ReferralStatus.OFFERED, lastSeq: 4 });
    expect(history(s.referralId).map((h) => [h.kind, h.fromOrganizationId, h.toOrganizationId])).toEqual([
      [HandoffKind.SUBMITTED, COUNCIL, null],
      [HandoffKind.OFFERED, null, ORG_A],
      [HandoffKind.DECLINED, ORG_A, null],
      [HandoffKind.OFFERED, null, ORG_B],
      [HandoffKind.ACCEPTED, ORG_B, ORG_B],
    ]);
  });

  it('while a move is being committed, a move with bad input is still refused at the door, and an illegal one in its turn', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    delays.set(s.referralId, [1500]); // the accept's write is slow
    const accept = await handle.startUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_A) }], waitForStage: WorkflowUpdateStage.ACCEPTED });

    const badDate = await handle
      .executeUpdate(holdReferralUpdate, { args: [{ actor: coordinator, resumeOn: '2037-02-30', reason: '入院中' }] })
      .catch((error: unknown) => error);
    expect(badDate).toMatchObject({ cause: { type: 'BAD_USER_INPUT' } });
    // A partner that was never offered it: let in while the lock is held, refused once the accept is committed.
    const stranger = expectConflict(handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_C) }] }));

    expect(await accept.result()).toMatchObject({ status: ReferralStatus.ACCEPTED, lastSeq: 3 });
    expect((await stranger).message).toMatch(/ACCEPTED/);
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.ACCEPTED]);
    // The bad date never entered history; the stranger's accept did, with its refusal.
    const accepted = (await handle.fetchHistory()).events?.flatMap(
      (event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? [],
    );
    expect(accepted).toEqual([submitReferralUpdate.name, acceptReferralUpdate.name, acceptReferralUpdate.name]);
  });

  // The TS SDK runs Updates buffered in the first activation as their handlers are registered. The submission takes
  // the lock before that, so a move sent with update-with-start queues behind it instead of overtaking it.
  it('a move delivered in the very first workflow task waits for the submission', async () => {
    const s = scenario([ORG_A]);
    const handle = harness.env.client.workflow.getHandle<typeof referralWorkflow>(s.workflowId);
    const withdrawn = await harness.env.client.workflow.executeUpdateWithStart(withdrawReferralUpdate, {
      args: [{ actor: coordinator, reason: 'entered by mistake' }],
      startWorkflowOperation: startOperation(s),
    });
    expect(withdrawn).toEqual({ referralId: s.referralId, status: ReferralStatus.WITHDRAWN, lastSeq: 3 });
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.WITHDRAWN]);
    expect(await handle.result()).toMatchObject({ status: ReferralStatus.WITHDRAWN });
  });
});

describe('referralWorkflow versioning', () => {
  it(`a new referral records the '${CANDIDATE_LOOKUP_PATCH}' patch: routing reads locally, every write is an activity task scheduled by a completed workflow task; its history replays`, async () => {
    const s = scenario([ORG_A, ORG_B]);
    const { result: submitted, handle } = await submit(s);
    expect(submitted).toEqual({ referralId: s.referralId, status: ReferralStatus.OFFERED, lastSeq: 2 });
    expect(await move(handle, declineReferralUpdate, { actor: partner(ORG_A), reason: DeclineReason.NO_CAPACITY })).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.OFFERED,
      lastSeq: 4,
    });
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.DECLINED, HandoffKind.OFFERED]);

    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const markerText = (event: (typeof events)[number]) =>
      Object.values(event.markerRecordedEventAttributes?.details ?? {})
        .flatMap((payloads) => (payloads.payloads ?? []).map((payload) => Buffer.from(payload.data ?? []).toString('utf8')))
        .join(' ');
    const markers = events.filter((event) => event.markerRecordedEventAttributes);
    expect(markers.map(markerText)).toContainEqual(expect.stringContaining(`"${CANDIDATE_LOOKUP_PATCH}"`));
    // Routing: one local-activity marker per lookup (submission and decline), no activity task.
    const lookups = markers.filter((event) => markerText(event).includes('findNextCandidate'));
    expect(lookups).toHaveLength(2);
    // Writes: activity tasks only (never a local write ahead of the workflow's history).
    const scheduled = events.flatMap((event) => {
      const name = event.activityTaskScheduledEventAttributes?.activityType?.name;
      return name ? [name] : [];
    });
    expect(scheduled).toEqual(['recordReferralTransition', 'recordReferralTransition']);
    expect(markers.filter((event) => markerText(event).includes('recordReferralTransition'))).toEqual([]);

    await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('./referral.workflow') }, history, s.workflowId)).resolves.toBeUndefined();
  });
});
