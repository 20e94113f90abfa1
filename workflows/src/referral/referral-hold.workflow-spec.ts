// The escalated need's deadline and holds (DOMAIN.md, "Deadlines and escalation" and "On hold") on Temporal's
// time-skipping test server: the tier-1 deadline's reminder and repeat, a hold pausing every deadline and the resume
// restarting it, and the resume date's reminder.
//
// Dates as in referral-deadlines.workflow-spec.ts (read its header): this file has a test server of its own, whose
// clock only moves forward, so the tests run in date order from June 2037 (the calendar of 2026). Holidays met on the
// way: Mon 2037-07-20 Marine Day, Tue 2037-08-11 Mountain Day. "N business days after D" is 17:15 on the N-th open day
// after D's date; a reminder is halfway in business time (whole open days), moved to 09:00 when before opening.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { Destination, HandoffKind, ReferralStatus } from '@tsunagu/domain';
import {
  acceptReferralUpdate,
  addReferralNoteUpdate,
  escalateReferralUpdate,
  extendReferralDeadlineUpdate,
  holdReferralUpdate,
  reassignReferralUpdate,
  referralStateQuery,
  resumeReferralUpdate,
  startReferralUpdate,
  withdrawReferralUpdate,
  type RecordedHandoff,
} from '@tsunagu/workflow-contracts';
import { ESCALATION_DEADLINE_PATCH } from './referral.workflow';
import { coordinator, ORG_A, partner, ReferralHandle, useReferralWorkflowHarness } from './testing/referral-test-harness';

jest.setTimeout(60_000);

const harness = useReferralWorkflowHarness('referral-hold-spec');
const { scenario, submit, move, row, history, kinds, callsFor, expectConflict } = harness;

const { SUBMITTED, OFFERED, ACCEPTED, REMINDED, UNMATCHED, ESCALATED, NOTE, REASSIGNED, PUT_ON_HOLD, RESUMED, WITHDRAWN } = HandoffKind;

const tier1 = { userId: 'user-tier1', organizationId: 'org-city', proxy: false };

function utc(instant: string): string {
  return new Date(instant).toISOString();
}

async function skipTo(instant: string): Promise<void> {
  const now = await harness.env.currentTimeMs();
  const target = Date.parse(instant);
  if (target <= now) throw new Error(`cannot skip back to ${instant}: the test server's clock is at ${new Date(now).toISOString()}`);
  await harness.env.sleep(target - now);
}

function expectAt(actual: string | null | undefined, instant: string, withinMs = 60_000): void {
  const delta = Date.parse(actual ?? '') - Date.parse(instant);
  if (!(delta >= 0 && delta < withinMs)) throw new Error(`expected an instant from ${instant} to ${withinMs} ms later, got ${actual}`);
}

async function deadlineOf(handle: ReferralHandle) {
  return (await handle.query(referralStateQuery)).deadline;
}

function handoffsOf(referralId: string, kind: HandoffKind): RecordedHandoff[] {
  return history(referralId).filter((h) => h.kind === kind);
}

function lastCall(referralId: string) {
  const calls = callsFor(referralId);
  return calls[calls.length - 1];
}

/** Awaits an update expected to be refused with BAD_USER_INPUT on `field`. */
async function expectBadInput(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await promise.then(
    () => {
      throw new Error('expected BAD_USER_INPUT, but the update succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect({ type: cause.type, field: (cause.details?.[0] as { field?: string })?.field }).toEqual({ type: 'BAD_USER_INPUT', field });
}

/** The history just made replays on the current code; with TSUNAGU_RECORD_HISTORY=<name> it is stored too (README there). */
async function expectReplays(handle: ReferralHandle, name: string): Promise<void> {
  const events = await handle.fetchHistory();
  await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../index') }, events, name)).resolves.toBeUndefined();
  if (process.env.TSUNAGU_RECORD_HISTORY === name) {
    writeFileSync(
      join(__dirname, '..', '..', 'histories', `${name}.json`),
      `${JSON.stringify(JSON.parse(historyToJSON(events as never)), null, 2)}\n`,
    );
  }
}

describe('referralWorkflow: the escalated need’s deadline and holds', () => {
  it('an ESCALATED referral reminds tier-1 halfway and at its deadline, then every period, until it leaves ESCALATED', async () => {
    // Submitted to tier-1 Mon 2037-06-01 10:00. 5 business days after Mon 1: Tue 2 .. Mon 8 -> due Mon 8 17:15.
    // Business time 14 h + 4 x 24 h + 17 h 15 = 127 h 15; half = 63 h 37 min 30 s -> Thu 4 01:37:30 -> reminder Thu 4 09:00.
    await skipTo('2037-06-01T10:00:00+09:00');
    const s = scenario([ORG_A], { destination: Destination.TIER1 });
    const { handle, result } = await submit(s);
    expect(result.status).toBe(ReferralStatus.ESCALATED);
    expect(await deadlineOf(handle)).toEqual({
      kind: 'TIER1_RESPONSE',
      dueAt: utc('2037-06-08T17:15:00+09:00'),
      reminderAt: utc('2037-06-04T09:00:00+09:00'),
    });
    expect(row(s.referralId).responseDueAt).toBe(utc('2037-06-08T17:15:00+09:00'));

    await skipTo('2037-06-04T08:59:00+09:00');
    expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED]);
    await skipTo('2037-06-04T09:01:00+09:00');
    expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED, REMINDED]);
    const [halfway] = handoffsOf(s.referralId, REMINDED);
    expect(halfway).toMatchObject({ toOrganizationId: null, actorUserId: null, note: expect.stringContaining('2037年6月8日(月) 17:15') });
    expectAt(halfway.at, '2037-06-04T09:00:00+09:00');

    // The deadline passes: tier-1 is reminded again and the next period starts. 5 business days after Mon 8: Mon 15
    // 17:15; business time 6 h 45 + 4 x 24 h + 17 h 15 = 120 h, half = 60 h -> Thu 11 05:15 -> reminder Thu 11 09:00.
    await skipTo('2037-06-08T17:14:00+09:00');
    expect(handoffsOf(s.referralId, REMINDED)).toHaveLength(1);
    await skipTo('2037-06-08T17:16:00+09:00');
    const overdue = handoffsOf(s.referralId, REMINDED)[1];
    expect(overdue).toMatchObject({
      toOrganizationId: null,
      actorUserId: null,
      note: '第1層SCへの引継ぎから5営業日、対応がありません。対応をお願いします（次の期限 2037年6月15日(月) 17:15）',
    });
    expectAt(overdue.at, '2037-06-08T17:15:00+09:00');
    expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.ESCALATED, responseDueAt: utc('2037-06-15T17:15:00+09:00') });
    expect(await deadlineOf(handle)).toEqual({
      kind: 'TIER1_RESPONSE',
      dueAt: utc('2037-06-15T17:15:00+09:00'),
      reminderAt: utc('2037-06-11T09:00:00+09:00'),
    });
    await skipTo('2037-06-11T09:01:00+09:00');
    expect(handoffsOf(s.referralId, REMINDED)).toHaveLength(3);

    // Re-referred to a partner: the tier-1 deadline ends, the offer's starts.
    await move(handle, reassignReferralUpdate, { actor: coordinator, organizationId: ORG_A, note: null });
    expect(await deadlineOf(handle)).toMatchObject({ kind: 'OFFER_RESPONSE' });
    const toTier1 = () => handoffsOf(s.referralId, REMINDED).filter((h) => h.toOrganizationId === null);
    expect(toTier1()).toHaveLength(3);
    await skipTo('2037-06-15T17:16:00+09:00');
    expect(toTier1()).toHaveLength(3);
    expect(kinds(s.referralId)).toContain(REASSIGNED);
    expect(row(s.referralId).status).toBe(ReferralStatus.OFFERED);

    const markers = ((await handle.fetchHistory()).events ?? []).flatMap((event) =>
      Object.values(event.markerRecordedEventAttributes?.details ?? {}).flatMap((p) =>
        (p.payloads ?? []).map((payload) => Buffer.from(payload.data ?? []).toString('utf8')),
      ),
    );
    expect(markers).toContainEqual(expect.stringContaining(`"${ESCALATION_DEADLINE_PATCH}"`));
    await expectReplays(handle, 'referral-escalation-deadline');
  });

  it('holds an ACCEPTED referral: no progress reminder, moves refused, the resume date reminds once at 09:00, resume restarts the deadline', async () => {
    // Offered to A Mon 2037-06-22 10:00. Holding an offer is refused: the partner answers it first.
    await skipTo('2037-06-22T10:00:00+09:00');
    const s = scenario([ORG_A]);
    const { handle } = await submit(s);
    const refusedOffer = await expectConflict(
      handle.executeUpdate(holdReferralUpdate, { args: [{ actor: coordinator, resumeOn: '2037-07-08', reason: '入院中' }] }),
    );
    expect(refusedOffer.message).toMatch(/OFFERED/);

    // Accepted at once: progress due 10 business days after Mon 22: Tue 23 .. Mon Jul 6 -> Mon Jul 6 17:15.
    await move(handle, acceptReferralUpdate, { actor: partner(ORG_A), note: null });
    expect(await deadlineOf(handle)).toMatchObject({ kind: 'PROGRESS', dueAt: utc('2037-07-06T17:15:00+09:00') });

    // Held Tue 23 10:00 until Wed 2037-07-08 (a business day): the reminder is due 09:00 that day.
    await skipTo('2037-06-23T10:00:00+09:00');
    const held = await move(handle, holdReferralUpdate, { actor: coordinator, resumeOn: '2037-07-08', reason: '本人が入院中' });
    expect(held.status).toBe(ReferralStatus.ON_HOLD);
    const [putOnHold] = handoffsOf(s.referralId, PUT_ON_HOLD);
    expect(putOnHold).toMatchObject({
      fromOrganizationId: ORG_A,
      toOrganizationId: ORG_A,
      actorUserId: coordinator.userId,
      reason: '本人が入院中',
      note: expect.stringContaining('2037年7月8日(水)まで保留'),
    });
    expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.ON_HOLD, currentOrganizationId: ORG_A, responseDueAt: null });
    expect(lastCall(s.referralId).hold).toEqual({ resumeOn: '2037-07-08', returnTo: ReferralStatus.ACCEPTED });
    expect(await handle.query(referralStateQuery)).toMatchObject({
      status: ReferralStatus.ON_HOLD,
      hold: { returnTo: ReferralStatus.ACCEPTED, resumeOn: '2037-07-08', heldByUserId: coordinator.userId },
      deadline: { kind: 'RESUME_DATE', dueAt: utc('2037-07-08T09:00:00+09:00'), reminderAt: null },
    });

    // Every move but resume, note and withdraw is refused while on hold; a note changes nothing else.
    for (const refused of [
      handle.executeUpdate(startReferralUpdate, { args: [{ actor: partner(ORG_A), note: null }] }),
      handle.executeUpdate(escalateReferralUpdate, { args: [{ actor: coordinator, note: 'tier-1 please' }] }),
      handle.executeUpdate(extendReferralDeadlineUpdate, { args: [{ actor: coordinator, businessDays: 2, reason: 'more' }] }),
      handle.executeUpdate(reassignReferralUpdate, { args: [{ actor: coordinator, organizationId: ORG_A, note: null }] }),
    ]) {
      expect((await expectConflict(refused)).message).toMatch(/ON_HOLD/);
    }
    await move(handle, addReferralNoteUpdate, { actor: partner(ORG_A), note: '退院予定は7月上旬' });
    expect(row(s.referralId).status).toBe(ReferralStatus.ON_HOLD);

    // The old progress deadline passes: nothing (paused).
    await skipTo('2037-07-06T17:16:00+09:00');
    expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED, PUT_ON_HOLD, NOTE]);

    // The resume date: reminded at 09:00, once, addressed to the coordinator (no organisation); not resumed.
    await skipTo('2037-07-08T08:59:00+09:00');
    expect(handoffsOf(s.referralId, REMINDED)).toHaveLength(0);
    await skipTo('2037-07-08T09:01:00+09:00');
    const [resumeDate] = handoffsOf(s.referralId, REMINDED);
    expect(resumeDate).toMatchObject({ toOrganizationId: null, actorUserId: null, note: expect.stringContaining('2037年7月8日(水)') });
    expectAt(resumeDate.at, '2037-07-08T09:00:00+09:00');
    expect(await deadlineOf(handle)).toBeNull();
    await skipTo('2037-07-09T10:00:00+09:00');
    expect(handoffsOf(s.referralId, REMINDED)).toHaveLength(1);
    expect(row(s.referralId).status).toBe(ReferralStatus.ON_HOLD);

    // Resumed Thu 2037-07-09 10:00: back to ACCEPTED with A, a fresh progress period: 10 business days after Thu 9:
    // Fri 10 .. Fri 17 (6), Mon 20 Marine Day closed, Tue 21 (7), Wed 22 (8), Thu 23 (9), Fri 24 (10) -> Fri 24 17:15.
    const resumed = await move(handle, resumeReferralUpdate, { actor: coordinator, note: '退院されました' });
    expect(resumed.status).toBe(ReferralStatus.ACCEPTED);
    expect(handoffsOf(s.referralId, RESUMED)[0]).toMatchObject({ actorUserId: coordinator.userId, note: '退院されました', toOrganizationId: ORG_A });
    expect(row(s.referralId)).toMatchObject({
      status: ReferralStatus.ACCEPTED,
      currentOrganizationId: ORG_A,
      responseDueAt: utc('2037-07-24T17:15:00+09:00'),
    });
    expect(lastCall(s.referralId).hold).toBeNull();
    expect((await handle.query(referralStateQuery)).hold).toBeUndefined();
    expect(await handle.query(referralStateQuery)).toMatchObject({ deadline: { kind: 'PROGRESS', dueAt: utc('2037-07-24T17:15:00+09:00') } });
    await move(handle, startReferralUpdate, { actor: partner(ORG_A), note: null });
    expect(row(s.referralId).status).toBe(ReferralStatus.IN_PROGRESS);

    await expectReplays(handle, 'referral-hold-resume');
  });

  it('holds an UNMATCHED referral: no automatic escalation; holding again moves the date; a weekend date reminds the next business day', async () => {
    // Submitted Mon 2037-08-03 10:00 with no candidate: UNMATCHED, escalation due Mon 10 17:15.
    await skipTo('2037-08-03T10:00:00+09:00');
    const s = scenario([]);
    const { handle } = await submit(s);
    expect(await deadlineOf(handle)).toMatchObject({ kind: 'UNMATCHED_ESCALATION', dueAt: utc('2037-08-10T17:15:00+09:00') });

    await skipTo('2037-08-04T10:00:00+09:00');
    await move(handle, holdReferralUpdate, { actor: coordinator, resumeOn: '2037-08-14', reason: '家族が検討中' });
    // Held again Wed 5 with Sat 2037-08-22: the reminder moves to Mon 24 09:00; the status to return to stays UNMATCHED.
    await skipTo('2037-08-05T10:00:00+09:00');
    await move(handle, holdReferralUpdate, { actor: coordinator, resumeOn: '2037-08-22', reason: '家族の返事が遅れる' });
    expect(await handle.query(referralStateQuery)).toMatchObject({
      hold: { returnTo: ReferralStatus.UNMATCHED, resumeOn: '2037-08-22' },
      deadline: { kind: 'RESUME_DATE', dueAt: utc('2037-08-24T09:00:00+09:00') },
    });

    await skipTo('2037-08-10T17:16:00+09:00');
    await skipTo('2037-08-14T09:01:00+09:00');
    await skipTo('2037-08-22T09:01:00+09:00');
    expect(kinds(s.referralId)).toEqual([SUBMITTED, UNMATCHED, PUT_ON_HOLD, PUT_ON_HOLD]);
    await skipTo('2037-08-24T09:01:00+09:00');
    expect(kinds(s.referralId)).toEqual([SUBMITTED, UNMATCHED, PUT_ON_HOLD, PUT_ON_HOLD, REMINDED]);
    expect(handoffsOf(s.referralId, REMINDED)[0].note).toContain('2037年8月22日(土)');
    expectAt(handoffsOf(s.referralId, REMINDED)[0].at, '2037-08-24T09:00:00+09:00');

    // Resumed Tue 25 10:00: UNMATCHED again, escalation due 5 business days later: Wed 26 .. Tue Sep 1 17:15.
    await skipTo('2037-08-25T10:00:00+09:00');
    await move(handle, resumeReferralUpdate, { actor: coordinator, note: null });
    expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.UNMATCHED, responseDueAt: utc('2037-09-01T17:15:00+09:00') });
    await skipTo('2037-09-01T17:16:00+09:00');
    expect(row(s.referralId).status).toBe(ReferralStatus.ESCALATED);
  });

  it('holds an ESCALATED referral: no tier-1 reminder while on hold, a fresh tier-1 period from the resume; withdrawal while on hold', async () => {
    // Submitted to tier-1 Mon 2037-11-09 10:00: due Mon 16 17:15, reminder Thu 12 09:00.
    await skipTo('2037-11-09T10:00:00+09:00');
    const s = scenario([], { destination: Destination.TIER1 });
    const { handle } = await submit(s);
    await skipTo('2037-11-10T10:00:00+09:00');
    await move(handle, holdReferralUpdate, { actor: tier1, resumeOn: '2037-11-30', reason: '庁内で調整中' });
    await skipTo('2037-11-16T17:16:00+09:00');
    expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED, PUT_ON_HOLD]);
    await skipTo('2037-11-30T09:01:00+09:00');
    expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED, PUT_ON_HOLD, REMINDED]);

    // Resumed Tue Dec 1 10:00: due 5 business days later, Tue Dec 8 17:15; halfway (63 h 37 min 30 s of 127 h 15)
    // Fri Dec 4 01:37:30 -> reminder Fri Dec 4 09:00.
    await skipTo('2037-12-01T10:00:00+09:00');
    await move(handle, resumeReferralUpdate, { actor: tier1, note: null });
    expect(await deadlineOf(handle)).toEqual({
      kind: 'TIER1_RESPONSE',
      dueAt: utc('2037-12-08T17:15:00+09:00'),
      reminderAt: utc('2037-12-04T09:00:00+09:00'),
    });

    // On hold again, then withdrawn: closed, no timer left.
    await move(handle, holdReferralUpdate, { actor: tier1, resumeOn: '2038-01-15', reason: '年明けに再検討' });
    await move(handle, withdrawReferralUpdate, { actor: tier1, reason: '本人が転居' });
    expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.WITHDRAWN, responseDueAt: null });
    expect(kinds(s.referralId).slice(-1)).toEqual([WITHDRAWN]);
    expect(lastCall(s.referralId).hold).toBeNull();
  });

  it('refuses resume dates that are malformed, not after today or more than 365 days ahead (BAD_USER_INPUT, resumeOn), and resume when not on hold', async () => {
    // The test server's clock is now in December 2037.
    await skipTo('2037-12-10T10:00:00+09:00');
    const s = scenario([]);
    const { handle } = await submit(s);
    for (const resumeOn of ['2038-02-30', '10 January', '2037-12-10', '2037-12-09', '2038-12-11']) {
      await expectBadInput(handle.executeUpdate(holdReferralUpdate, { args: [{ actor: coordinator, resumeOn, reason: 'x' }] }), 'resumeOn');
    }
    await expectConflict(handle.executeUpdate(resumeReferralUpdate, { args: [{ actor: coordinator, note: null }] }));
    expect(kinds(s.referralId)).toEqual([SUBMITTED, UNMATCHED]);
    // The edges: tomorrow and 365 days ahead are fine.
    await move(handle, holdReferralUpdate, { actor: coordinator, resumeOn: '2038-12-10', reason: 'x' });
    await move(handle, holdReferralUpdate, { actor: coordinator, resumeOn: '2037-12-11', reason: 'y' });
    expect(row(s.referralId).status).toBe(ReferralStatus.ON_HOLD);
  });
});
