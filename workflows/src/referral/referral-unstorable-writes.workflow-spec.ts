// Writes that cannot succeed never wedge a referral (docs/ARCHITECTURE.md, "Writes that cannot succeed"): a refused
// write fails only its move, a refused submission ends the workflow, a refused deadline write is tried again later,
// and an operator can release a write that keeps failing. On the time-skipping test server with the mocked read model
// (testing/referral-test-harness.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as realSleep } from 'node:timers/promises';
import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HandoffKind, ReferralStatus } from '@tsunagu/domain';
import {
  releaseWriteSignal,
  writeInFlightQuery,
  acceptReferralUpdate,
  addReferralNoteUpdate,
  referralStateQuery,
  startReferralUpdate,
  submitReferralUpdate,
} from '@tsunagu/workflow-contracts';
import { ORG_A, partner, coordinator, useReferralWorkflowHarness } from './testing/referral-test-harness';

jest.setTimeout(60_000);

const harness = useReferralWorkflowHarness('referral-unstorable-writes-spec');
const { scenario, submit, move, row, kinds, faults, stuck, readModel, startOperation } = harness;

/** Awaits an update expected to fail with MOVE_NOT_RECORDED; returns the failure. */
async function expectNotRecorded(promise: Promise<unknown>, reason: string): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => {
      throw new Error('expected MOVE_NOT_RECORDED, but the update succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect({ type: cause.type, nonRetryable: cause.nonRetryable, reason: (cause.details?.[0] as { reason?: string })?.reason }).toEqual({
    type: 'MOVE_NOT_RECORDED',
    nonRetryable: true,
    reason,
  });
  return cause;
}

/**
 * The new paths replay deterministically: the history just made replays on the current code. With
 * TSUNAGU_RECORD_HISTORY=<file name> set, it is also written to workflows/histories/ (test data only; README there).
 */
async function expectReplays(handle: { fetchHistory(): Promise<Parameters<typeof Worker.runReplayHistory>[1]> }, name: string): Promise<void> {
  const history = await handle.fetchHistory();
  await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../index') }, history, name)).resolves.toBeUndefined();
  if (process.env.TSUNAGU_RECORD_HISTORY === name) {
    writeFileSync(
      join(__dirname, '..', '..', 'histories', `${name}.json`),
      `${JSON.stringify(JSON.parse(historyToJSON(history as never)), null, 2)}\n`,
    );
  }
}

async function eventually(check: () => Promise<void> | void, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await realSleep(100);
    }
  }
}

describe('referralWorkflow: writes that cannot succeed', () => {
  it('a refused move fails with MOVE_NOT_RECORDED, leaves the state as it was, and the next move works', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    const before = await handle.query(referralStateQuery);
    faults.set(s.referralId, ['refused']);

    const failure = await expectNotRecorded(
      handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_A), note: 'x' }] }),
      'WRITE_REFUSED',
    );
    expect(failure.message).toContain('do not send it again as it is');
    expect(await handle.query(referralStateQuery)).toEqual(before);
    expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.OFFERED, lastSeq: 2 });

    // The lock is free and the state the previous one: the same move with storable values goes through.
    expect(await move(handle, acceptReferralUpdate, { actor: partner(ORG_A), note: 'ok' })).toMatchObject({
      status: ReferralStatus.ACCEPTED,
      lastSeq: 3,
    });
    expect(await move(handle, startReferralUpdate, { actor: partner(ORG_A) })).toMatchObject({ status: ReferralStatus.IN_PROGRESS, lastSeq: 4 });
    await expectReplays(handle, 'referral-write-refused');
  });

  it('a refused submission fails the submit Update and ends the workflow, with no row written', async () => {
    const s = scenario([ORG_A]);
    faults.set(s.referralId, ['refused']);
    await expectNotRecorded(
      harness.env.client.workflow.executeUpdateWithStart(submitReferralUpdate, { startWorkflowOperation: startOperation(s) }),
      'WRITE_REFUSED',
    );
    const handle = harness.env.client.workflow.getHandle(s.workflowId);
    const ended = await handle.result().catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(WorkflowFailedError);
    expect(((ended as WorkflowFailedError).cause as ApplicationFailure).type).toBe('MOVE_NOT_RECORDED');
    expect(readModel.has(s.referralId)).toBe(false);
  });

  it('a refused deadline write does not crash the workflow: it is tried again after a back-off, moves go on meanwhile', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    const { deadline } = await handle.query(referralStateQuery);
    expect(deadline?.reminderAt).toBeTruthy();
    faults.set(s.referralId, ['refused']);

    // Past the reminder: its write is refused; nothing written, the workflow still answers.
    await harness.env.sleep(Date.parse(deadline!.reminderAt!) - (await harness.env.currentTimeMs()) + 10_000);
    expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED]);
    expect(await handle.query(referralStateQuery)).toMatchObject({ status: ReferralStatus.OFFERED, lastSeq: 2, deadline });
    expect(await move(handle, addReferralNoteUpdate, { actor: coordinator, note: 'called the partner' })).toMatchObject({ lastSeq: 3 });

    // A minute later (the first back-off), the reminder is written: not dropped.
    await harness.env.sleep(2 * 60_000);
    await eventually(() => expect(kinds(s.referralId)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED, HandoffKind.NOTE, HandoffKind.REMINDED]));
  });

  it('an operator releases a write that keeps failing: the move fails with MOVE_NOT_RECORDED, and the referral answers again', async () => {
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    stuck.add(s.referralId);
    const accepting = handle.executeUpdate(acceptReferralUpdate, { args: [{ actor: partner(ORG_A), note: 'x' }] });
    await eventually(async () => expect(await handle.query(writeInFlightQuery)).toMatchObject({ seq: 3, what: 'MOVE' }));
    // A release naming another write (one already finished) does nothing.
    await handle.signal(releaseWriteSignal, { seq: 2, operator: 'test' });
    await realSleep(500);
    expect(await handle.query(writeInFlightQuery)).toMatchObject({ seq: 3 });

    await handle.signal(releaseWriteSignal, { seq: 3, operator: 'test' });
    const failure = await expectNotRecorded(accepting, 'RELEASED_BY_OPERATOR');
    expect(failure.message).toContain('an operator released it');
    expect(await handle.query(writeInFlightQuery)).toBeNull();
    expect(await handle.query(referralStateQuery)).toMatchObject({ status: ReferralStatus.OFFERED, lastSeq: 2 });

    stuck.delete(s.referralId);
    expect(await move(handle, acceptReferralUpdate, { actor: partner(ORG_A), note: 'ok' })).toMatchObject({
      status: ReferralStatus.ACCEPTED,
      lastSeq: 3,
    });
    await expectReplays(handle, 'referral-write-released');
  });
});
