// The referral workflow's business-day deadlines (DOMAIN.md, "Deadlines and escalation") on Temporal's time-skipping
// test server: every timer path, at the instants the city hall's calendar gives.
//
// Dates. The test server's clock starts at the wall clock and only moves forward (env.sleep skips ahead, firing the
// timers on the way), so every test first skips to the instant it starts at, and the tests run in date order. A date
// the wall clock has passed cannot be reached any more, so the scenarios live in June 2037 to June 2038, far enough
// ahead that this file keeps working for years (move them on before mid-2037). 2037 has the very calendar of 2026 and
// 2038 that of 2027 (same weekdays; the same holidays around Golden Week, Silver Week and the year-end), so Fri
// 2037-12-25 stands for Fri 2026-12-25 and Fri 2038-04-30 for Fri 2027-04-30. Holidays met on the way
// (@holiday-jp data): Mon 2037-07-20 Marine Day, Tue 2037-08-11 Mountain Day, Mon-Wed 2037-09-21..23 Silver Week,
// Tue 2037-11-03 Culture Day, Mon 2037-11-23 Labour Thanksgiving, Dec 29 to Jan 3 the year-end closure, Mon
// 2038-01-11 Coming of Age Day, Thu 2038-04-29 Showa Day and Mon-Wed 2038-05-03..05 Golden Week.
//
// Every expected instant below is written out in JST and worked out by hand in the comment above it: "N business days
// after D" is 17:15 on the N-th open day after D's date (D itself never counts); an offer's reminder is halfway in
// business time (whole open days, not office hours) between the offer and its deadline, moved to 09:00 when it falls
// before opening and to the next open day's 09:00 when it falls after 17:15.
//
// Checking a timer: skip to a minute before its instant (nothing happened yet), then to a minute after (it fired, and
// its handoffs carry a time in that minute). The server does not skip time while a workflow task or an activity is
// outstanding, so when env.sleep returns, whatever the timer set off is in the read model.
import { setTimeout as realSleep } from 'node:timers/promises';
import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { DeclineReason, Destination, HandoffKind, ReferralStatus, type DeadlineRule } from '@tsunagu/domain';
import {
  acceptReferralUpdate,
  addReferralNoteUpdate,
  declineReferralUpdate,
  extendReferralDeadlineUpdate,
  referralStateQuery,
  startReferralUpdate,
  type RecordedHandoff,
} from '@tsunagu/workflow-contracts';
import { DEADLINES_PATCH } from './referral.workflow';
import { coordinator, ORG_A, ORG_B, partner, ReferralHandle, useReferralWorkflowHarness } from './testing/referral-test-harness';

jest.setTimeout(60_000);

// One test server and one worker for the whole file.
const harness = useReferralWorkflowHarness('referral-deadlines-spec');
const { scenario, submit, move, row, history, kinds, callsFor, findCalls, expectConflict } = harness;

const { SUBMITTED, OFFERED, ACCEPTED, DECLINED, EXPIRED, REMINDED, UNMATCHED, ESCALATED, NOTE, STARTED, DEADLINE_EXTENDED } = HandoffKind;

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/** The workflow writes instants as toISOString() (UTC); the expectations are written in JST. */
function utc(instant: string): string {
  return new Date(instant).toISOString();
}

/** Skips the test server's clock forward to `instant`, firing every timer due until then. */
async function skipTo(instant: string): Promise<void> {
  const now = await harness.env.currentTimeMs();
  const target = Date.parse(instant);
  if (Number.isNaN(target)) throw new Error(`not an instant: ${instant}`);
  if (target <= now) {
    throw new Error(
      `cannot skip back to ${instant}: the test server's clock is at ${new Date(now).toISOString()}. ` +
        'The tests must run in date order, and their dates lie after the wall clock.',
    );
  }
  await harness.env.sleep(target - now);
}

/** Fails unless `actual` is at `instant` or up to `withinMs` later (a timer fires at its instant plus processing time). */
function expectAt(actual: string | null | undefined, instant: string, withinMs = 60_000): void {
  const delta = Date.parse(actual ?? '') - Date.parse(instant);
  if (!(delta >= 0 && delta < withinMs)) {
    const off = Number.isNaN(delta) ? 'no instant' : `${delta} ms off`;
    throw new Error(`expected an instant from ${instant} to ${withinMs} ms later, got ${actual} (${off})`);
  }
}

async function deadlineOf(handle: ReferralHandle) {
  return (await handle.query(referralStateQuery)).deadline;
}

function handoffsOf(referralId: string, kind: HandoffKind): RecordedHandoff[] {
  return history(referralId).filter((h) => h.kind === kind);
}

/** The last write to the read model for this referral. */
function lastCall(referralId: string) {
  const calls = callsFor(referralId);
  if (calls.length === 0) throw new Error(`no write for ${referralId}`);
  return calls[calls.length - 1];
}

/** Ids of the timers the workflow has started and that have neither fired nor been cancelled. */
async function pendingTimers(handle: WorkflowHandle): Promise<string[]> {
  const pending = new Set<string>();
  for (const event of (await handle.fetchHistory()).events ?? []) {
    if (event.timerStartedEventAttributes) pending.add(String(event.timerStartedEventAttributes.timerId));
    if (event.timerFiredEventAttributes) pending.delete(String(event.timerFiredEventAttributes.timerId));
    if (event.timerCanceledEventAttributes) pending.delete(String(event.timerCanceledEventAttributes.timerId));
  }
  return [...pending];
}

// ---------------------------------------------------------------------------------------------------------------
// Tests, in date order
// ---------------------------------------------------------------------------------------------------------------
describe('referralWorkflow deadlines', () => {
  describe('offer response', () => {
    it('reminds halfway, then expires the offer to the next candidate, then expires it to UNMATCHED when none is left', async () => {
      // Offered to A on Mon 2037-06-01 10:00. 3 business days after Mon 1: Tue 2 (1), Wed 3 (2), Thu 4 (3) -> due Thu 4
      // 17:15. Business time Mon 10:00 -> Thu 17:15 = 14 h + 24 h + 24 h + 17 h 15 = 79 h 15; half = 39 h 37 min 30 s
      // after Mon 10:00 = Wed 3 01:37:30, before opening -> reminder Wed 3 09:00.
      await skipTo('2037-06-01T10:00:00+09:00');
      const s = scenario([ORG_A, ORG_B]);
      const { handle } = await submit(s);
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2037-06-04T17:15:00+09:00'),
        reminderAt: utc('2037-06-03T09:00:00+09:00'),
      });
      expect(callsFor(s.referralId)).toHaveLength(1);
      expect(lastCall(s.referralId).responseDueAt).toBe(utc('2037-06-04T17:15:00+09:00'));
      expect(row(s.referralId).responseDueAt).toBe(utc('2037-06-04T17:15:00+09:00'));

      // The reminder: to A, by nobody; the offer stands and so does its deadline.
      await skipTo('2037-06-03T08:59:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED]);
      await skipTo('2037-06-03T09:01:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      const [reminder] = handoffsOf(s.referralId, REMINDED);
      expect(reminder).toMatchObject({
        seq: 3,
        fromOrganizationId: null,
        toOrganizationId: ORG_A,
        actorUserId: null,
        proxy: false,
        note: '催促: 回答期限は2037年6月4日(木) 17:15です。期限までに回答してください',
      });
      expectAt(reminder.at, '2037-06-03T09:00:00+09:00');
      expect(lastCall(s.referralId)).toMatchObject({
        status: ReferralStatus.OFFERED,
        currentOrganizationId: ORG_A,
        responseDueAt: utc('2037-06-04T17:15:00+09:00'),
        lastSeq: 3,
      });
      expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.OFFERED, currentOrganizationId: ORG_A });
      expect(await deadlineOf(handle)).toEqual({ kind: 'OFFER_RESPONSE', dueAt: utc('2037-06-04T17:15:00+09:00'), reminderAt: null });

      // A note by the coordinator is no answer: the offer's deadline stays.
      await skipTo('2037-06-03T12:00:00+09:00');
      await move(handle, addReferralNoteUpdate, { actor: coordinator, note: 'phoned A, no one answered' });
      expect(lastCall(s.referralId).responseDueAt).toBe(utc('2037-06-04T17:15:00+09:00'));

      // No answer by Thu 4 17:15: EXPIRED, offered to B. 3 business days after Thu 4: Fri 5 (1), Mon 8 (2), Tue 9 (3)
      // -> due Tue 9 17:15. Business time Thu 17:15 -> Tue 17:15 = 6 h 45 + 24 h (Fri) + 24 h (Mon) + 17 h 15 = 72 h;
      // half = 36 h: 6 h 45 to Fri 00:00, 24 h to Sat 00:00, the weekend skipped, 5 h 15 into Mon 8 = 05:15, before
      // opening -> reminder Mon 8 09:00.
      await skipTo('2037-06-04T17:14:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, NOTE]);
      await skipTo('2037-06-04T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, NOTE, EXPIRED, OFFERED]);
      const [expired] = handoffsOf(s.referralId, EXPIRED);
      expect(expired).toMatchObject({ fromOrganizationId: ORG_A, toOrganizationId: null, actorUserId: null, proxy: false });
      expectAt(expired.at, '2037-06-04T17:15:00+09:00');
      expect(history(s.referralId)[5]).toMatchObject({ kind: OFFERED, toOrganizationId: ORG_B, actorUserId: null, at: expired.at });
      expect(row(s.referralId)).toMatchObject({
        status: ReferralStatus.OFFERED,
        currentOrganizationId: ORG_B,
        responseDueAt: utc('2037-06-09T17:15:00+09:00'),
      });
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2037-06-09T17:15:00+09:00'),
        reminderAt: utc('2037-06-08T09:00:00+09:00'),
      });

      await skipTo('2037-06-08T08:59:00+09:00');
      expect(handoffsOf(s.referralId, REMINDED)).toHaveLength(1);
      await skipTo('2037-06-08T09:01:00+09:00');
      const reminders = handoffsOf(s.referralId, REMINDED);
      expect(reminders).toHaveLength(2);
      expect(reminders[1]).toMatchObject({ toOrganizationId: ORG_B, actorUserId: null });
      expectAt(reminders[1].at, '2037-06-08T09:00:00+09:00');
      expect(lastCall(s.referralId).responseDueAt).toBe(utc('2037-06-09T17:15:00+09:00'));

      // No answer from B either, and nobody left: EXPIRED, UNMATCHED. 5 business days after Tue 9: Wed 10 (1), Thu 11
      // (2), Fri 12 (3), Mon 15 (4), Tue 16 (5) -> escalation due Tue 16 17:15, no reminder.
      await skipTo('2037-06-09T17:14:00+09:00');
      expect(row(s.referralId).status).toBe(ReferralStatus.OFFERED);
      await skipTo('2037-06-09T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, NOTE, EXPIRED, OFFERED, REMINDED, EXPIRED, UNMATCHED]);
      expect(history(s.referralId)[7]).toMatchObject({ kind: EXPIRED, fromOrganizationId: ORG_B, actorUserId: null });
      expectAt(history(s.referralId)[7].at, '2037-06-09T17:15:00+09:00');
      expect(row(s.referralId)).toMatchObject({
        status: ReferralStatus.UNMATCHED,
        currentOrganizationId: null,
        responseDueAt: utc('2037-06-16T17:15:00+09:00'),
      });
      expect(await deadlineOf(handle)).toEqual({ kind: 'UNMATCHED_ESCALATION', dueAt: utc('2037-06-16T17:15:00+09:00'), reminderAt: null });
      // Each expiry asked routing for the next candidate, never offering twice.
      expect(findCalls.filter((c) => c.areaId === s.areaId).map((c) => c.excludeOrganizationIds)).toEqual([[], [ORG_A], [ORG_A, ORG_B]]);
      // One write per event: submit, reminder, note, expiry, reminder, expiry.
      expect(callsFor(s.referralId)).toHaveLength(6);
    });
  });

  describe('unmatched escalation', () => {
    it('escalates a referral UNMATCHED for 5 business days to tier-1 by itself, where the tier-1 deadline starts', async () => {
      // Submitted Mon 2037-06-15 10:00 with no candidate: UNMATCHED at once. 5 business days after Mon 15: Tue 16 (1),
      // Wed 17 (2), Thu 18 (3), Fri 19 (4), Mon 22 (5) -> due Mon 22 17:15.
      await skipTo('2037-06-15T10:00:00+09:00');
      const s = scenario([]);
      const { handle, result } = await submit(s);
      expect(result.status).toBe(ReferralStatus.UNMATCHED);
      expect(await deadlineOf(handle)).toEqual({ kind: 'UNMATCHED_ESCALATION', dueAt: utc('2037-06-22T17:15:00+09:00'), reminderAt: null });
      expect(row(s.referralId).responseDueAt).toBe(utc('2037-06-22T17:15:00+09:00'));

      await skipTo('2037-06-22T17:14:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, UNMATCHED]);
      await skipTo('2037-06-22T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, UNMATCHED, ESCALATED]);
      const [escalated] = handoffsOf(s.referralId, ESCALATED);
      expect(escalated).toMatchObject({
        fromOrganizationId: null,
        toOrganizationId: null,
        actorUserId: null,
        proxy: false,
        note: 'つなぎ先なしのまま5営業日が過ぎたため、第1層SCへ引き継ぎました',
      });
      expectAt(escalated.at, '2037-06-22T17:15:00+09:00');

      // ESCALATED waits for tier-1 (DOMAIN.md, "Deadlines and escalation"): 5 business days after Mon 22: Tue 23 (1) ..
      // Mon 29 (5) -> due Mon 29 17:15, reminder halfway (referral-escalated-deadline.workflow-spec.ts has its timers).
      const deadline = await deadlineOf(handle);
      expect(deadline).toMatchObject({ kind: 'TIER1_RESPONSE', dueAt: utc('2037-06-29T17:15:00+09:00') });
      expect(row(s.referralId)).toMatchObject({
        status: ReferralStatus.ESCALATED,
        currentOrganizationId: null,
        responseDueAt: utc('2037-06-29T17:15:00+09:00'),
      });
      expect(await pendingTimers(handle)).toHaveLength(1);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });
  });

  describe('progress', () => {
    it('reminds the holder of an accepted referral with no update for 10 business days, and restarts the deadline', async () => {
      // Accepted Mon 2037-07-13 10:00. 10 business days after Mon 13: Tue 14 (1), Wed 15 (2), Thu 16 (3), Fri 17 (4),
      // [Mon 20 Marine Day], Tue 21 (5), Wed 22 (6), Thu 23 (7), Fri 24 (8), Mon 27 (9), Tue 28 (10) -> due Tue 28 17:15.
      await skipTo('2037-07-13T10:00:00+09:00');
      const s = scenario([ORG_A]);
      const { handle } = await submit(s);
      await move(handle, acceptReferralUpdate, { actor: partner(ORG_A) });
      expect(await deadlineOf(handle)).toEqual({ kind: 'PROGRESS', dueAt: utc('2037-07-28T17:15:00+09:00'), reminderAt: null });
      expect(lastCall(s.referralId).responseDueAt).toBe(utc('2037-07-28T17:15:00+09:00'));

      await skipTo('2037-07-28T17:14:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED]);
      await skipTo('2037-07-28T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED, REMINDED]);
      const [reminder] = handoffsOf(s.referralId, REMINDED);
      expect(reminder).toMatchObject({
        fromOrganizationId: null,
        toOrganizationId: ORG_A,
        actorUserId: null,
        note: '催促: 10営業日、進捗の記録がありません（連携先と第2層SCにお知らせしました）',
      });
      expectAt(reminder.at, '2037-07-28T17:15:00+09:00');
      // The deadline restarts from the reminder: 10 business days after Tue 28: Wed 29 (1), Thu 30 (2), Fri 31 (3),
      // Mon Aug 3 (4), Tue 4 (5), Wed 5 (6), Thu 6 (7), Fri 7 (8), Mon 10 (9), [Tue 11 Mountain Day], Wed 12 (10)
      // -> due Wed 2037-08-12 17:15.
      expect(row(s.referralId)).toMatchObject({
        status: ReferralStatus.ACCEPTED,
        currentOrganizationId: ORG_A,
        responseDueAt: utc('2037-08-12T17:15:00+09:00'),
      });
      expect(await deadlineOf(handle)).toEqual({ kind: 'PROGRESS', dueAt: utc('2037-08-12T17:15:00+09:00'), reminderAt: null });

      // ...and reminds again when that passes with still no update.
      await skipTo('2037-08-12T17:14:00+09:00');
      expect(handoffsOf(s.referralId, REMINDED)).toHaveLength(1);
      await skipTo('2037-08-12T17:16:00+09:00');
      expect(handoffsOf(s.referralId, REMINDED)).toHaveLength(2);
      expectAt(handoffsOf(s.referralId, REMINDED)[1].at, '2037-08-12T17:15:00+09:00');
    });

    it('a note or a start by a person pushes the progress deadline back: no reminder at the old time', async () => {
      // Accepted Mon 2037-08-17 10:00. 10 business days: Tue 18 (1), Wed 19 (2), Thu 20 (3), Fri 21 (4), Mon 24 (5),
      // Tue 25 (6), Wed 26 (7), Thu 27 (8), Fri 28 (9), Mon 31 (10) -> due Mon 31 17:15.
      await skipTo('2037-08-17T10:00:00+09:00');
      const s = scenario([ORG_A]);
      const { handle } = await submit(s);
      await move(handle, acceptReferralUpdate, { actor: partner(ORG_A) });
      expect(lastCall(s.referralId).responseDueAt).toBe(utc('2037-08-31T17:15:00+09:00'));

      // A note by the coordinator on Wed 26 11:00. 10 business days after Wed 26: Thu 27 (1), Fri 28 (2), Mon 31 (3),
      // Tue Sep 1 (4), Wed 2 (5), Thu 3 (6), Fri 4 (7), Mon 7 (8), Tue 8 (9), Wed 9 (10) -> due Wed 2037-09-09 17:15.
      await skipTo('2037-08-26T11:00:00+09:00');
      await move(handle, addReferralNoteUpdate, { actor: coordinator, note: 'the resident says the first delivery went well' });
      expect(lastCall(s.referralId)).toMatchObject({ status: ReferralStatus.ACCEPTED, responseDueAt: utc('2037-09-09T17:15:00+09:00') });
      expect(await deadlineOf(handle)).toEqual({ kind: 'PROGRESS', dueAt: utc('2037-09-09T17:15:00+09:00'), reminderAt: null });

      await skipTo('2037-09-01T09:00:00+09:00'); // past the old deadline, Mon Aug 31 17:15
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED, NOTE]);

      // A starts it on Fri Sep 4 10:00. 10 business days after Fri 4: Mon 7 (1), Tue 8 (2), Wed 9 (3), Thu 10 (4),
      // Fri 11 (5), Mon 14 (6), Tue 15 (7), Wed 16 (8), Thu 17 (9), Fri 18 (10) -> due Fri 2037-09-18 17:15.
      await skipTo('2037-09-04T10:00:00+09:00');
      await move(handle, startReferralUpdate, { actor: partner(ORG_A) });
      expect(lastCall(s.referralId)).toMatchObject({ status: ReferralStatus.IN_PROGRESS, responseDueAt: utc('2037-09-18T17:15:00+09:00') });

      await skipTo('2037-09-10T09:00:00+09:00'); // past the note's deadline, Wed Sep 9 17:15
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED, NOTE, STARTED]);

      await skipTo('2037-09-18T17:14:00+09:00');
      expect(handoffsOf(s.referralId, REMINDED)).toEqual([]);
      await skipTo('2037-09-18T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED, NOTE, STARTED, REMINDED]);
      expectAt(handoffsOf(s.referralId, REMINDED)[0].at, '2037-09-18T17:15:00+09:00');
      // Restarted over Silver Week: [Mon 21, Tue 22, Wed 23 closed], Thu 24 (1), Fri 25 (2), Mon 28 (3), Tue 29 (4),
      // Wed 30 (5), Thu Oct 1 (6), Fri 2 (7), Mon 5 (8), Tue 6 (9), Wed 7 (10) -> due Wed 2037-10-07 17:15.
      expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.IN_PROGRESS, responseDueAt: utc('2037-10-07T17:15:00+09:00') });
    });
  });

  describe('answers in time', () => {
    it('an offer accepted before its reminder is neither reminded nor expired', async () => {
      // Offered Mon 2037-10-19 10:00: due Thu 22 17:15, reminder Wed 21 09:00 (as in the first test: 79 h 15 of
      // business time, half of it ends Wed 01:37:30).
      await skipTo('2037-10-19T10:00:00+09:00');
      const s = scenario([ORG_A]);
      const { handle } = await submit(s);
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2037-10-22T17:15:00+09:00'),
        reminderAt: utc('2037-10-21T09:00:00+09:00'),
      });

      // Accepted Tue 20 12:00. Progress: Wed 21 (1), Thu 22 (2), Fri 23 (3), Mon 26 (4), Tue 27 (5), Wed 28 (6),
      // Thu 29 (7), Fri 30 (8), Mon Nov 2 (9), [Tue 3 Culture Day], Wed 4 (10) -> due Wed 2037-11-04 17:15.
      await skipTo('2037-10-20T12:00:00+09:00');
      await move(handle, acceptReferralUpdate, { actor: partner(ORG_A) });
      expect(lastCall(s.referralId).responseDueAt).toBe(utc('2037-11-04T17:15:00+09:00'));

      await skipTo('2037-10-23T09:00:00+09:00'); // past the old reminder and the old deadline
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED]);
      expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.ACCEPTED, currentOrganizationId: ORG_A });
      expect(await deadlineOf(handle)).toEqual({ kind: 'PROGRESS', dueAt: utc('2037-11-04T17:15:00+09:00'), reminderAt: null });
    });

    it('an offer declined between its reminder and its deadline does not expire', async () => {
      // Offered to A Mon 2037-10-26 10:00: due Thu 29 17:15, reminder Wed 28 09:00.
      await skipTo('2037-10-26T10:00:00+09:00');
      const s = scenario([ORG_A, ORG_B]);
      const { handle } = await submit(s);
      await skipTo('2037-10-28T09:01:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);

      // A declines Wed 28 12:00; B gets it. 3 business days after Wed 28: Thu 29 (1), Fri 30 (2), Mon Nov 2 (3) -> due
      // Mon 2 17:15. Business time Wed 12:00 -> Mon 17:15 = 12 h + 24 h + 24 h + 17 h 15 = 77 h 15; half = 38 h 37 min
      // 30 s after Wed 12:00 = Fri 30 02:37:30, before opening -> reminder Fri 30 09:00.
      await skipTo('2037-10-28T12:00:00+09:00');
      await move(handle, declineReferralUpdate, { actor: partner(ORG_A), reason: DeclineReason.NO_CAPACITY });
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2037-11-02T17:15:00+09:00'),
        reminderAt: utc('2037-10-30T09:00:00+09:00'),
      });

      await skipTo('2037-10-29T17:16:00+09:00'); // past A's deadline
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, DECLINED, OFFERED]);
      expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.OFFERED, currentOrganizationId: ORG_B });
    });
  });

  describe('extension', () => {
    it('extendReferralDeadline moves the timer: no expiry at the old deadline, expiry at the new one', async () => {
      // Offered Mon 2037-11-09 10:00: due Thu 12 17:15, reminder Wed 11 09:00.
      await skipTo('2037-11-09T10:00:00+09:00');
      const s = scenario([ORG_A]);
      const { handle } = await submit(s);
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2037-11-12T17:15:00+09:00'),
        reminderAt: utc('2037-11-11T09:00:00+09:00'),
      });

      // Mon 15:00, before the reminder: 2 business days after Thu 12: Fri 13 (1), Mon 16 (2) -> due Mon 16 17:15. The
      // reminder that has not gone out keeps its time.
      await skipTo('2037-11-09T15:00:00+09:00');
      expect(
        await move(handle, extendReferralDeadlineUpdate, {
          actor: coordinator,
          businessDays: 2,
          reason: 'A asked for two more days to find a driver',
        }),
      ).toEqual({ referralId: s.referralId, status: ReferralStatus.OFFERED, lastSeq: 3 });
      expect(history(s.referralId)[2]).toMatchObject({
        kind: DEADLINE_EXTENDED,
        fromOrganizationId: ORG_A,
        toOrganizationId: ORG_A,
        actorUserId: coordinator.userId,
        reason: 'A asked for two more days to find a driver',
        note: '期限を2営業日延長しました（2037年11月16日(月) 17:15まで）',
      });
      expect(lastCall(s.referralId)).toMatchObject({ status: ReferralStatus.OFFERED, responseDueAt: utc('2037-11-16T17:15:00+09:00') });
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2037-11-16T17:15:00+09:00'),
        reminderAt: utc('2037-11-11T09:00:00+09:00'),
      });

      await skipTo('2037-11-11T09:01:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, DEADLINE_EXTENDED, REMINDED]);
      const [reminder] = handoffsOf(s.referralId, REMINDED);
      expectAt(reminder.at, '2037-11-11T09:00:00+09:00');
      expect(reminder.note).toContain('2037年11月16日(月) 17:15');

      // Fri 13 12:00, after the reminder: 1 more business day after Mon 16: Tue 17 -> due Tue 17 17:15.
      await skipTo('2037-11-13T12:00:00+09:00');
      await move(handle, extendReferralDeadlineUpdate, { actor: partner(ORG_A), businessDays: 1, reason: 'the driver answers on Tuesday' });
      expect(history(s.referralId)[4]).toMatchObject({
        kind: DEADLINE_EXTENDED,
        actorUserId: partner(ORG_A).userId,
        reason: 'the driver answers on Tuesday',
      });
      expect(row(s.referralId).responseDueAt).toBe(utc('2037-11-17T17:15:00+09:00'));
      expect(await deadlineOf(handle)).toEqual({ kind: 'OFFER_RESPONSE', dueAt: utc('2037-11-17T17:15:00+09:00'), reminderAt: null });

      await skipTo('2037-11-17T17:14:00+09:00'); // past the first (Thu 12) and the second (Mon 16) deadlines
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, DEADLINE_EXTENDED, REMINDED, DEADLINE_EXTENDED]);
      await skipTo('2037-11-17T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, DEADLINE_EXTENDED, REMINDED, DEADLINE_EXTENDED, EXPIRED, UNMATCHED]);
      expectAt(handoffsOf(s.referralId, EXPIRED)[0].at, '2037-11-17T17:15:00+09:00');
      // 5 business days after Tue 17: Wed 18 (1), Thu 19 (2), Fri 20 (3), [Mon 23 Labour Thanksgiving], Tue 24 (4),
      // Wed 25 (5) -> escalation due Wed 2037-11-25 17:15.
      expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.UNMATCHED, responseDueAt: utc('2037-11-25T17:15:00+09:00') });
    });

    it("refuses to extend an ESCALATED referral (its deadline is tier-1's own) with CONFLICT, writing nothing", async () => {
      const s = scenario([ORG_A], { destination: Destination.TIER1 });
      const { handle, result } = await submit(s);
      expect(result.status).toBe(ReferralStatus.ESCALATED);
      expect(await deadlineOf(handle)).toMatchObject({ kind: 'TIER1_RESPONSE' });

      const failure = await expectConflict(
        handle.executeUpdate(extendReferralDeadlineUpdate, { args: [{ actor: coordinator, businessDays: 2, reason: 'more time' }] }),
      );
      expect(failure.message).toMatch(/ESCALATED|deadline/i);
      expect(callsFor(s.referralId)).toHaveLength(1);
      expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED]);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });
  });

  describe('business-day calendar', () => {
    it('a deadline over the year-end closure: offered Fri 2037-12-25, reminded Mon 2038-01-04 09:00, expired Tue 2038-01-05 17:15', async () => {
      // Offered Fri 2037-12-25 10:00. 3 business days: Mon 28 (1), [Tue 29 to Sun Jan 3 closed], Mon Jan 4 (2), Tue Jan 5
      // (3) -> due Tue 2038-01-05 17:15. Business time: Fri 14 h + Mon 28 24 h + Mon Jan 4 24 h + Tue 17 h 15 = 79 h 15;
      // half = 39 h 37 min 30 s: 14 h to Fri's end, 24 h of Mon 28, then 1 h 37 min 30 s into Mon Jan 4 = 01:37:30,
      // before opening -> reminder Mon 2038-01-04 09:00.
      await skipTo('2037-12-25T10:00:00+09:00');
      const s = scenario([ORG_A]);
      const { handle } = await submit(s);
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2038-01-05T17:15:00+09:00'),
        reminderAt: utc('2038-01-04T09:00:00+09:00'),
      });
      expect(row(s.referralId).responseDueAt).toBe(utc('2038-01-05T17:15:00+09:00'));

      await skipTo('2038-01-04T08:59:00+09:00'); // the whole closure, and the calendar-time halfway point, went by quietly
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED]);
      await skipTo('2038-01-04T09:01:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      expectAt(handoffsOf(s.referralId, REMINDED)[0].at, '2038-01-04T09:00:00+09:00');

      await skipTo('2038-01-05T17:14:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      await skipTo('2038-01-05T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, EXPIRED, UNMATCHED]);
      expectAt(handoffsOf(s.referralId, EXPIRED)[0].at, '2038-01-05T17:15:00+09:00');
      // 5 business days after Tue Jan 5: Wed 6 (1), Thu 7 (2), Fri 8 (3), [Mon 11 Coming of Age Day], Tue 12 (4),
      // Wed 13 (5) -> escalation due Wed 2038-01-13 17:15.
      expect(row(s.referralId).responseDueAt).toBe(utc('2038-01-13T17:15:00+09:00'));
    });

    it('a deadline over Golden Week: offered Fri 2038-04-30, reminded Fri 2038-05-07 09:00, expired Mon 2038-05-10 17:15', async () => {
      // Offered Fri 2038-04-30 10:00. 3 business days: [Sat 1, Sun 2, Mon 3 Constitution Day, Tue 4 Greenery Day, Wed 5
      // Children's Day closed], Thu 6 (1), Fri 7 (2), Mon 10 (3) -> due Mon 10 17:15. Business time: Fri 30 14 h + Thu 6
      // 24 h + Fri 7 24 h + Mon 10 17 h 15 = 79 h 15; half = 39 h 37 min 30 s: 14 h to Fri 30's end, 24 h of Thu 6, then
      // 1 h 37 min 30 s into Fri 7 = 01:37:30, before opening -> reminder Fri 2038-05-07 09:00.
      await skipTo('2038-04-30T10:00:00+09:00');
      const s = scenario([ORG_A, ORG_B]);
      const { handle } = await submit(s);
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2038-05-10T17:15:00+09:00'),
        reminderAt: utc('2038-05-07T09:00:00+09:00'),
      });

      await skipTo('2038-05-07T08:59:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED]);
      await skipTo('2038-05-07T09:01:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      expectAt(handoffsOf(s.referralId, REMINDED)[0].at, '2038-05-07T09:00:00+09:00');

      await skipTo('2038-05-10T17:14:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      await skipTo('2038-05-10T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, EXPIRED, OFFERED]);
      expectAt(handoffsOf(s.referralId, EXPIRED)[0].at, '2038-05-10T17:15:00+09:00');
      // Offered to B Mon 10 17:15: Tue 11 (1), Wed 12 (2), Thu 13 (3) -> due Thu 13 17:15; business time 6 h 45 + 24 h
      // + 24 h + 17 h 15 = 72 h, half = 36 h -> Wed 12 05:15, before opening -> reminder Wed 12 09:00.
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2038-05-13T17:15:00+09:00'),
        reminderAt: utc('2038-05-12T09:00:00+09:00'),
      });
    });

    it('a halfway point after closing time reminds at the next business day opening', async () => {
      // Offered Fri 2038-05-14 06:00 (before office hours). 3 business days: Mon 17 (1), Tue 18 (2), Wed 19 (3) -> due
      // Wed 19 17:15. Business time: Fri 18 h + Mon 24 h + Tue 24 h + Wed 17 h 15 = 83 h 15; half = 41 h 37 min 30 s:
      // 18 h to Fri's end, the weekend skipped, 23 h 37 min 30 s into Mon 17 = 23:37:30, after 17:15 -> the next
      // business day's opening, Tue 2038-05-18 09:00.
      await skipTo('2038-05-14T06:00:00+09:00');
      const s = scenario([ORG_A]);
      const { handle } = await submit(s);
      expect(await deadlineOf(handle)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2038-05-19T17:15:00+09:00'),
        reminderAt: utc('2038-05-18T09:00:00+09:00'),
      });

      await skipTo('2038-05-18T08:59:00+09:00'); // the halfway point itself, Mon 23:37:30, passed without a reminder
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED]);
      await skipTo('2038-05-18T09:01:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      expectAt(handoffsOf(s.referralId, REMINDED)[0].at, '2038-05-18T09:00:00+09:00');
    });
  });

  describe('per-category rules', () => {
    it('the deadlineRule of the workflow input replaces the defaults (offer 1, progress 2, unmatched 1 business day)', async () => {
      // Stored before tier1ResponseDays existed (the workflow completes it with the default).
      const rule = { offerResponseDays: 1, progressReminderDays: 2, unmatchedEscalationDays: 1 } as DeadlineRule;
      // P: offered to A Mon 2038-05-24 10:00 -> due 1 business day later, Tue 25 17:15. Business time 14 h + 17 h 15 =
      // 31 h 15; half = 15 h 37 min 30 s -> Tue 25 01:37:30, before opening -> reminder Tue 25 09:00.
      await skipTo('2038-05-24T10:00:00+09:00');
      const p = scenario([ORG_A], {}, rule);
      const { handle: offered } = await submit(p);
      expect(await deadlineOf(offered)).toEqual({
        kind: 'OFFER_RESPONSE',
        dueAt: utc('2038-05-25T17:15:00+09:00'),
        reminderAt: utc('2038-05-25T09:00:00+09:00'),
      });
      // Q: offered to B and accepted at once -> progress due 2 business days after Mon 24: Tue 25 (1), Wed 26 (2) ->
      // Wed 26 17:15.
      const q = scenario([ORG_B], {}, rule);
      const { handle: accepted } = await submit(q);
      await move(accepted, acceptReferralUpdate, { actor: partner(ORG_B) });
      expect(await deadlineOf(accepted)).toEqual({ kind: 'PROGRESS', dueAt: utc('2038-05-26T17:15:00+09:00'), reminderAt: null });

      await skipTo('2038-05-25T08:59:00+09:00');
      expect(kinds(p.referralId)).toEqual([SUBMITTED, OFFERED]);
      await skipTo('2038-05-25T09:01:00+09:00');
      expect(kinds(p.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      expectAt(handoffsOf(p.referralId, REMINDED)[0].at, '2038-05-25T09:00:00+09:00');

      // P expires Tue 25 17:15 to UNMATCHED (A was the only candidate); escalation due 1 business day later, Wed 26 17:15.
      await skipTo('2038-05-25T17:14:00+09:00');
      expect(kinds(p.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      await skipTo('2038-05-25T17:16:00+09:00');
      expect(kinds(p.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, EXPIRED, UNMATCHED]);
      expectAt(handoffsOf(p.referralId, EXPIRED)[0].at, '2038-05-25T17:15:00+09:00');
      expect(row(p.referralId).responseDueAt).toBe(utc('2038-05-26T17:15:00+09:00'));

      // Wed 26 17:15: P escalates, Q reminds (and its next progress deadline is 2 business days later: Thu 27 (1),
      // Fri 28 (2) -> Fri 28 17:15).
      await skipTo('2038-05-26T17:14:00+09:00');
      expect(kinds(p.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, EXPIRED, UNMATCHED]);
      expect(kinds(q.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED]);
      await skipTo('2038-05-26T17:16:00+09:00');
      expect(kinds(p.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, EXPIRED, UNMATCHED, ESCALATED]);
      expect(handoffsOf(p.referralId, ESCALATED)[0]).toMatchObject({
        actorUserId: null,
        note: 'つなぎ先なしのまま1営業日が過ぎたため、第1層SCへ引き継ぎました',
      });
      expectAt(handoffsOf(p.referralId, ESCALATED)[0].at, '2038-05-26T17:15:00+09:00');
      expect(kinds(q.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED, REMINDED]);
      expect(handoffsOf(q.referralId, REMINDED)[0]).toMatchObject({ toOrganizationId: ORG_B, note: expect.stringMatching(/^催促: 2営業日、/) });
      expectAt(handoffsOf(q.referralId, REMINDED)[0].at, '2038-05-26T17:15:00+09:00');
      expect(row(q.referralId).responseDueAt).toBe(utc('2038-05-28T17:15:00+09:00'));
    });

    it('a halfway point inside office hours is kept as it is (offer rule of 2 business days)', async () => {
      // Offered Mon 2038-05-31 10:00 with 2 days to answer: Tue Jun 1 (1), Wed 2 (2) -> due Wed 2 17:15. Business time
      // 14 h + 24 h + 17 h 15 = 55 h 15; half = 27 h 37 min 30 s -> Tue Jun 1 13:37:30, in office hours: the reminder
      // goes out then (plus half of however late after 10:00:00 the submission ran).
      await skipTo('2038-05-31T10:00:00+09:00');
      const s = scenario([ORG_A], {}, { offerResponseDays: 2, progressReminderDays: 10, unmatchedEscalationDays: 5, tier1ResponseDays: 5 });
      const { handle } = await submit(s);
      const deadline = await deadlineOf(handle);
      expect(deadline).toMatchObject({ kind: 'OFFER_RESPONSE', dueAt: utc('2038-06-02T17:15:00+09:00') });
      expectAt(deadline?.reminderAt, '2038-06-01T13:37:30+09:00', 30_000);

      await skipTo('2038-06-01T13:37:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED]);
      await skipTo('2038-06-01T13:38:30+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED]);
      expectAt(handoffsOf(s.referralId, REMINDED)[0].at, '2038-06-01T13:37:30+09:00', 30_000);
    });
  });

  describe('versioning', () => {
    it(`a new referral records the '${DEADLINES_PATCH}' patch marker, and its history with fired timers replays`, async () => {
      // Offered Mon 2038-06-07 10:00: reminder Wed 9 09:00, due Thu 10 17:15 (as in the first test).
      await skipTo('2038-06-07T10:00:00+09:00');
      const s = scenario([ORG_A]);
      const { handle } = await submit(s);
      await skipTo('2038-06-10T17:16:00+09:00');
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, REMINDED, EXPIRED, UNMATCHED]);

      const history = await handle.fetchHistory();
      const markers = (history.events ?? []).filter((event) => event.markerRecordedEventAttributes);
      const patchIds = markers.flatMap((event) =>
        Object.values(event.markerRecordedEventAttributes?.details ?? {}).flatMap((payloads) =>
          (payloads.payloads ?? []).map((payload) => Buffer.from(payload.data ?? []).toString('utf8')),
        ),
      );
      expect(patchIds).toContainEqual(expect.stringContaining(`"${DEADLINES_PATCH}"`));
      expect(DEADLINES_PATCH).toBe('business-day-deadlines');
      expect((history.events ?? []).filter((event) => event.timerFiredEventAttributes)).toHaveLength(2);

      await expect(
        Worker.runReplayHistory({ workflowsPath: require.resolve('./referral.workflow') }, history, s.workflowId),
      ).resolves.toBeUndefined();
    });
  });

  // Kept last in the file: should the validator regress, the wedged workflow would keep the test server's
  // time-skipping lock even once terminated, and a later test could no longer skip time.
  describe('robustness', () => {
    it('refuses an extension by a number of days that is not a whole number of at least 1, and the referral carries on', async () => {
      // The validator refuses such a number: in the handler the calendar would throw a RangeError, which is no
      // ApplicationFailure, so the workflow task would fail on every retry and the referral would take no other move.
      // The api checks 1..30, but any other client can send it.
      const s = scenario([ORG_A]);
      const { handle } = await submit(s);
      // The client polls for the update's outcome until it has one: cancelled below, so that no poll outlives the test
      // (one that meets the closed connection after teardown fails whichever spec file runs next in this process).
      const polling = new AbortController();
      const update = harness.env.client.connection
        .withAbortSignal(polling.signal, () =>
          handle.executeUpdate(extendReferralDeadlineUpdate, { args: [{ actor: coordinator, businessDays: 0, reason: 'typo' }] }),
        )
        .then(
          () => 'the update succeeded',
          (error: unknown) => error,
        );
      let outcome: unknown;
      try {
        outcome = await Promise.race([update, realSleep(5_000).then(() => 'no answer within 5 s: the workflow task fails on the RangeError')]);
      } finally {
        polling.abort();
        await update;
      }
      expect(outcome).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (outcome as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).nonRetryable).toBe(true);
      expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED]);
      expect(await move(handle, acceptReferralUpdate, { actor: partner(ORG_A) })).toMatchObject({ status: ReferralStatus.ACCEPTED, lastSeq: 3 });
    });
  });
});
