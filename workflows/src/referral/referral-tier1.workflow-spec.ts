// Tier-1 owns escalated needs; holders hand a referral back (DOMAIN.md, "Every need reaches an end: tier-1 and
// hand-backs"), on Temporal's time-skipping test server with the in-memory read model (testing/referral-test-harness.ts).
// With TSUNAGU_RECORD_HISTORY=<name> the history of that scenario is written to workflows/histories/ (README there).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { Destination, HandoffKind, ReferralActor, ReferralOutcome, ReferralStatus, ReturnReason } from '@tsunagu/domain';
import {
  acceptReferralUpdate,
  addReferralNoteUpdate,
  completeReferralUpdate,
  escalateReferralUpdate,
  reassignReferralUpdate,
  referralStateQuery,
  returnReferralUpdate,
  startReferralUpdate,
  takeReferralUpdate,
  withdrawReferralUpdate,
} from '@tsunagu/workflow-contracts';
import { coordinator, ORG_A, ORG_B, ORG_C, partner, proxyFor, ReferralHandle, useReferralWorkflowHarness } from './testing/referral-test-harness';

jest.setTimeout(60_000);

const harness = useReferralWorkflowHarness('referral-tier1-spec');
const { scenario, submit, move, row, kinds, history, expectPersisted, expectConflict, findCalls } = harness;

const CITY = 'org-city-kaigo';
const tier1: ReferralActor = { userId: 'user-tier1', organizationId: CITY, proxy: false };
const { SUBMITTED, OFFERED, ACCEPTED, STARTED, ESCALATED, TAKEN, RETURNED, COMPLETED, UNMATCHED, REASSIGNED, WITHDRAWN, NOTE } = HandoffKind;

/** The history just made replays on the current code; written to workflows/histories/ when asked to. */
async function expectReplays(handle: ReferralHandle, name: string): Promise<void> {
  const history = await handle.fetchHistory();
  await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../index') }, history, name)).resolves.toBeUndefined();
  if (process.env.TSUNAGU_RECORD_HISTORY === name) {
    writeFileSync(
      join(__dirname, '..', '..', 'histories', `${name}.json`),
      `${JSON.stringify(JSON.parse(historyToJSON(history as never)), null, 2)}\n`,
    );
  }
}

async function deadlineOf(handle: ReferralHandle) {
  return (await handle.query(referralStateQuery)).deadline;
}

describe('referralWorkflow: tier-1 owns escalated needs', () => {
  it('take → IN_PROGRESS held by the department with the progress deadline → complete TAKEN_INTO_REGIONAL_ISSUE; the workflow ends', async () => {
    const s = scenario([ORG_A], { destination: Destination.TIER1 });
    const { handle } = await submit(s);
    expect(row(s.referralId).status).toBe(ReferralStatus.ESCALATED);

    const taken = await move(handle, takeReferralUpdate, { actor: tier1, note: 'city hall takes it' });
    expect(taken).toEqual({ referralId: s.referralId, status: ReferralStatus.IN_PROGRESS, lastSeq: 3 });
    expectPersisted(taken);
    expect(row(s.referralId).currentOrganizationId).toBe(CITY);
    expect(history(s.referralId)[2]).toMatchObject({ kind: TAKEN, fromOrganizationId: null, toOrganizationId: CITY, actorUserId: 'user-tier1' });
    expect(await handle.query(referralStateQuery)).toMatchObject({ heldByTier1: true, deadline: expect.objectContaining({ kind: 'PROGRESS' }) });
    expect(row(s.referralId).responseDueAt).not.toBeNull();

    // Nobody else may close it or send it to tier-1 again.
    await expectConflict(move(handle, completeReferralUpdate, { actor: partner(ORG_A), outcome: ReferralOutcome.RESOLVED }));
    await expectConflict(move(handle, escalateReferralUpdate, { actor: coordinator, note: 'again' }));
    await expectConflict(move(handle, takeReferralUpdate, { actor: tier1 }));

    await move(handle, addReferralNoteUpdate, { actor: tier1, note: 'linked to the northern transport issue' });
    const done = await move(handle, completeReferralUpdate, { actor: tier1, outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE, note: 'policy' });
    expect(done.status).toBe(ReferralStatus.COMPLETED);
    expect(row(s.referralId)).toMatchObject({ outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE, responseDueAt: null });
    expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED, TAKEN, NOTE, COMPLETED]);
    expect(await handle.result()).toEqual({
      referralId: s.referralId,
      status: ReferralStatus.COMPLETED,
      outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE,
    });
    await expectReplays(handle, 'referral-tier1-taken');
  });

  it('complete straight from ESCALATED, without taking', async () => {
    const s = scenario([ORG_A], { destination: Destination.TIER1 });
    const { handle } = await submit(s);
    await move(handle, completeReferralUpdate, { actor: tier1, outcome: ReferralOutcome.NO_LONGER_NEEDED });
    expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED, COMPLETED]);
    expect(row(s.referralId)).toMatchObject({
      status: ReferralStatus.COMPLETED,
      currentOrganizationId: CITY,
      outcome: ReferralOutcome.NO_LONGER_NEEDED,
    });
    await handle.result();
  });

  it('re-refers what it took to a partner: OFFERED with the offer deadline, no longer held by tier-1', async () => {
    const s = scenario([ORG_A], { destination: Destination.TIER1 });
    const { handle } = await submit(s);
    await move(handle, takeReferralUpdate, { actor: tier1 });
    const offered = await move(handle, reassignReferralUpdate, { actor: tier1, organizationId: ORG_C, note: 'C runs a shuttle now' });
    expect(offered.status).toBe(ReferralStatus.OFFERED);
    expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED, TAKEN, REASSIGNED, OFFERED]);
    expect(history(s.referralId)[3]).toMatchObject({ fromOrganizationId: CITY, toOrganizationId: ORG_C });
    const state = await handle.query(referralStateQuery);
    expect(state.heldByTier1).toBeUndefined();
    expect(state.deadline?.kind).toBe('OFFER_RESPONSE');
    // Now the partner's to answer.
    await move(handle, acceptReferralUpdate, { actor: partner(ORG_C) });
  });

  it('hands back to the tier-2 coordinator: UNMATCHED, no deadline, and no automatic escalation however long it waits', async () => {
    const s = scenario([ORG_A], { destination: Destination.TIER1 });
    const { handle } = await submit(s);
    await move(handle, takeReferralUpdate, { actor: tier1 });
    const findsBefore = findCalls.length;
    const back = await move(handle, returnReferralUpdate, { actor: tier1, reason: ReturnReason.LOCAL_RESOURCE_AVAILABLE, note: 'the salon can' });
    expect(back.status).toBe(ReferralStatus.UNMATCHED);
    expect(findCalls.length).toBe(findsBefore); // no routing
    expect(history(s.referralId).at(-1)).toMatchObject({
      kind: RETURNED,
      fromOrganizationId: CITY,
      toOrganizationId: null,
      reason: 'LOCAL_RESOURCE_AVAILABLE',
      note: 'the salon can',
    });
    expect(row(s.referralId)).toMatchObject({ currentOrganizationId: null, responseDueAt: null });
    expect(await deadlineOf(handle)).toBeNull();

    // 30 calendar days: well past the 5 business days after which an UNMATCHED referral escalates by itself.
    await harness.env.sleep(30 * 24 * 3600 * 1000);
    expect(row(s.referralId).status).toBe(ReferralStatus.UNMATCHED);
    expect(kinds(s.referralId)).toEqual([SUBMITTED, ESCALATED, TAKEN, RETURNED]);

    // A note keeps it so; the coordinator reassigning starts the offer's deadline again.
    await move(handle, addReferralNoteUpdate, { actor: coordinator, note: 'asking the salon' });
    expect(await deadlineOf(handle)).toBeNull();
    await move(handle, reassignReferralUpdate, { actor: coordinator, organizationId: ORG_B });
    expect((await deadlineOf(handle))?.kind).toBe('OFFER_RESPONSE');
  });

  it('hands back straight from ESCALATED (a manual escalation stays possible afterwards)', async () => {
    const s = scenario([ORG_A], { destination: Destination.TIER1 });
    const { handle } = await submit(s);
    await move(handle, returnReferralUpdate, { actor: tier1, reason: ReturnReason.LOCAL_RESOURCE_AVAILABLE });
    expect(row(s.referralId)).toMatchObject({ status: ReferralStatus.UNMATCHED, currentOrganizationId: null });
    expect(history(s.referralId).at(-1)).toMatchObject({ kind: RETURNED, fromOrganizationId: CITY });
    await move(handle, escalateReferralUpdate, { actor: coordinator, note: 'the salon closed' });
    expect(row(s.referralId).status).toBe(ReferralStatus.ESCALATED);
  });
});

describe('referralWorkflow: a partner hands a referral back', () => {
  it('after accepting: RETURNED, then offered to the next candidate not yet offered; after starting, with none left: UNMATCHED, which escalates as usual', async () => {
    const s = scenario([ORG_A, ORG_B]);
    const { handle } = await submit(s);
    await move(handle, acceptReferralUpdate, { actor: partner(ORG_A) });
    const returned = await move(handle, returnReferralUpdate, { actor: partner(ORG_A), reason: ReturnReason.NO_CAPACITY, note: 'driver left' });
    expect(returned.status).toBe(ReferralStatus.OFFERED);
    expectPersisted(returned);
    expect(findCalls.at(-1)?.excludeOrganizationIds).toEqual([ORG_A]);
    expect(row(s.referralId).currentOrganizationId).toBe(ORG_B);
    expect(history(s.referralId).slice(-2)).toEqual([
      expect.objectContaining({
        kind: RETURNED,
        fromOrganizationId: ORG_A,
        toOrganizationId: null,
        reason: 'NO_CAPACITY',
        note: 'driver left',
        proxy: false,
      }),
      expect.objectContaining({ kind: OFFERED, toOrganizationId: ORG_B, actorUserId: null }),
    ]);
    expect((await deadlineOf(handle))?.kind).toBe('OFFER_RESPONSE');

    // A cannot return it again: it no longer holds it.
    await expectConflict(move(handle, returnReferralUpdate, { actor: partner(ORG_A), reason: ReturnReason.OTHER }));

    await move(handle, acceptReferralUpdate, { actor: partner(ORG_B) });
    await move(handle, startReferralUpdate, { actor: partner(ORG_B) });
    const unmatched = await move(handle, returnReferralUpdate, { actor: partner(ORG_B), reason: ReturnReason.CANNOT_CONTINUE });
    expect(unmatched.status).toBe(ReferralStatus.UNMATCHED);
    expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED, RETURNED, OFFERED, ACCEPTED, STARTED, RETURNED, UNMATCHED]);
    // A partner's return is not tier-1's hand-back: the UNMATCHED escalation deadline runs.
    expect((await deadlineOf(handle))?.kind).toBe('UNMATCHED_ESCALATION');

    // And tier-1, once it escalates, can take it and hand it back; then it is withdrawn.
    await harness.env.sleep(30 * 24 * 3600 * 1000);
    expect(row(s.referralId).status).toBe(ReferralStatus.ESCALATED);
    await move(handle, takeReferralUpdate, { actor: tier1 });
    await move(handle, returnReferralUpdate, { actor: tier1, reason: ReturnReason.LOCAL_RESOURCE_AVAILABLE });
    await move(handle, withdrawReferralUpdate, { actor: coordinator, reason: 'resident moved away' });
    // While it waited for tier-1 its deadline reminded (TIER1_RESPONSE); the moves after the escalation are these.
    expect(
      kinds(s.referralId)
        .filter((kind) => kind !== HandoffKind.REMINDED)
        .slice(-4),
    ).toEqual([ESCALATED, TAKEN, RETURNED, WITHDRAWN]);
    await handle.result();
    await expectReplays(handle, 'referral-returned');
  });

  it('a proxy return for a partner without users is marked proxy', async () => {
    const s = scenario([ORG_A, ORG_B]);
    const { handle } = await submit(s);
    await move(handle, acceptReferralUpdate, { actor: proxyFor(ORG_A) });
    await move(handle, returnReferralUpdate, { actor: proxyFor(ORG_A), reason: ReturnReason.COULD_NOT_CONTACT });
    expect(history(s.referralId).at(-2)).toMatchObject({ kind: RETURNED, proxy: true, actorUserId: coordinator.userId, fromOrganizationId: ORG_A });
    expect(row(s.referralId).currentOrganizationId).toBe(ORG_B);
  });

  it('refuses a return while only offered (decline instead) and by another partner', async () => {
    const s = scenario([ORG_A, ORG_B]);
    const { handle } = await submit(s);
    await expectConflict(move(handle, returnReferralUpdate, { actor: partner(ORG_A), reason: ReturnReason.OTHER }));
    await move(handle, acceptReferralUpdate, { actor: partner(ORG_A) });
    await expectConflict(move(handle, returnReferralUpdate, { actor: partner(ORG_B), reason: ReturnReason.OTHER }));
    expect(kinds(s.referralId)).toEqual([SUBMITTED, OFFERED, ACCEPTED]);
  });
});
