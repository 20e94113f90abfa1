// ReferralWriter on a real PostgreSQL (db tier): the delicate parts of the read model's writes, without Temporal.
import { randomUUID } from 'node:crypto';
import { Destination, HandoffKind, NeedCategory, ReferralOutcome, ReferralStatus, RegionalIssueStatus, SubjectKind } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { openReferralColumn, openReferralPersonalData } from '../crypto/referral-personal-data';
import { ProvisionRecordEntity, ReferralEntity, ReferralHandoffEntity } from '../entities';
import { ReferralHandoffRow, ReferralTransitionWrite, ReferralWriter } from './referral-writer';
import { RegionalIssueWriter } from './regional-issue-writer';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

const write = (input: ReferralTransitionWrite) => t.db.transaction((tx) => new ReferralWriter(tx, t.dataKeys).recordTransition(input));

const AT = ['2026-12-01T01:00:00.000Z', '2026-12-01T02:00:00.000Z', '2026-12-01T03:00:00.000Z', '2026-12-01T04:00:00.000Z'];

function handoff(seq: number, kind: HandoffKind, to: string | null, at: string, actorUserId: string | null = null): ReferralHandoffRow {
  return { seq, kind, fromOrganizationId: null, toOrganizationId: to, actorUserId, proxy: false, reason: null, note: null, at };
}

/** The workflow's moves of one referral: submitted and offered to the first partner, accepted, started. */
function moves(referralId = randomUUID()) {
  const { areaId, firstPartnerId: partner, userId, homeOrganizationId } = t.city;
  const base = { referralId, workflowId: `referral-test:${referralId}`, outcome: null, responseDueAt: null };
  const submit: ReferralTransitionWrite = {
    ...base,
    status: ReferralStatus.OFFERED,
    currentOrganizationId: partner,
    responseDueAt: '2026-12-04T08:00:00.000Z',
    lastSeq: 2,
    at: AT[0],
    submission: {
      clientRequestId: `form-${referralId}`,
      category: NeedCategory.TRANSPORT,
      areaId,
      summary: '週2回の通院に送迎が必要',
      subjectKind: SubjectKind.PERSON,
      subject: { displayName: '山田 H.', ageBand: '80代', contact: '072-000-1111' },
      consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z', givenBy: '本人' },
      destination: Destination.PARTNER,
      submittedByUserId: userId,
      createdAt: AT[0],
    },
    handoffs: [
      { ...handoff(1, HandoffKind.SUBMITTED, null, AT[0], userId), fromOrganizationId: homeOrganizationId },
      handoff(2, HandoffKind.OFFERED, partner, AT[0]),
    ],
  };
  const accept: ReferralTransitionWrite = {
    ...base,
    status: ReferralStatus.ACCEPTED,
    currentOrganizationId: partner,
    lastSeq: 3,
    at: AT[1],
    handoffs: [handoff(3, HandoffKind.ACCEPTED, partner, AT[1], userId)],
  };
  const start: ReferralTransitionWrite = {
    ...base,
    status: ReferralStatus.IN_PROGRESS,
    currentOrganizationId: partner,
    lastSeq: 4,
    at: AT[2],
    handoffs: [handoff(4, HandoffKind.STARTED, partner, AT[2], userId)],
  };
  return { referralId, submit, accept, start };
}

async function rowOf(referralId: string) {
  const [row] = await t.db.query(
    `SELECT status, current_organization_id, outcome, last_seq, response_due_at, updated_at, subject_display_name, consent_given_by
       FROM referral WHERE id = $1`,
    [referralId],
  );
  return row;
}

async function handoffsOf(referralId: string): Promise<Array<{ seq: number; kind: string }>> {
  return t.db.query(`SELECT seq, kind, regional_issue_id, regional_issue_seq FROM referral_handoff WHERE referral_id = $1 ORDER BY seq`, [
    referralId,
  ]);
}

async function provisionsOf(referralId: string): Promise<Array<{ handoff_seq: number; items: string[]; recipient_organization_id: string }>> {
  return t.db.query(
    `SELECT handoff_seq, items, recipient_organization_id, consent_method FROM provision_record WHERE referral_id = $1 ORDER BY handoff_seq`,
    [referralId],
  );
}

describe('ReferralWriter.recordTransition', () => {
  it('creates the row with its personal data sealed, the handoffs and the provision record of the offer', async () => {
    const { referralId, submit } = moves();
    await write(submit);

    const row = await rowOf(referralId);
    expect(row).toMatchObject({ status: 'OFFERED', current_organization_id: t.city.firstPartnerId, outcome: null, last_seq: 2 });
    expect(row.response_due_at.toISOString()).toBe('2026-12-04T08:00:00.000Z');
    expect(row.subject_display_name).not.toContain('山田');
    expect(openReferralColumn(t.dataKeys, 'subject_display_name', referralId, row.subject_display_name)).toBe('山田 H.');
    expect(openReferralColumn(t.dataKeys, 'consent_given_by', referralId, row.consent_given_by)).toBe('本人');
    expect(await handoffsOf(referralId)).toMatchObject([
      { seq: 1, kind: 'SUBMITTED' },
      { seq: 2, kind: 'OFFERED' },
    ]);
    // The offer shows the partner the age band only; the consent is copied from the row as stored (sealed).
    const [record, ...more] = await provisionsOf(referralId);
    expect(more).toEqual([]);
    expect(record).toMatchObject({ handoff_seq: 2, items: ['ageBand'], recipient_organization_id: t.city.firstPartnerId });
    expect(openReferralColumn(t.dataKeys, 'consent_method', referralId, (record as unknown as { consent_method: string }).consent_method)).toBe(
      '書面',
    );
  });

  it('writes what the entities the api reads with find in their columns', async () => {
    const { referralId, submit, accept } = moves();
    await write(submit);
    await write(accept);

    const referral = openReferralPersonalData(t.dataKeys, await t.db.getRepository(ReferralEntity).findOneByOrFail({ id: referralId }));
    expect(referral).toMatchObject({
      workflowId: submit.workflowId,
      clientRequestId: submit.submission!.clientRequestId,
      status: ReferralStatus.ACCEPTED,
      category: NeedCategory.TRANSPORT,
      areaId: t.city.areaId,
      subjectKind: SubjectKind.PERSON,
      subjectDisplayName: '山田 H.',
      subjectAgeBand: '80代',
      subjectContact: '072-000-1111',
      consentObtained: true,
      consentMethod: '書面',
      consentGivenBy: '本人',
      destination: Destination.PARTNER,
      submittedById: t.city.userId,
      currentOrganizationId: t.city.firstPartnerId,
      responseDueAt: null,
      outcome: null,
      lastSeq: 3,
      personalDataErasedAt: null,
    });
    expect(referral.consentObtainedAt?.toISOString()).toBe('2026-11-20T01:00:00.000Z');
    expect([referral.createdAt.toISOString(), referral.updatedAt.toISOString()]).toEqual([AT[0], AT[1]]);
    const handoffs = await t.db.getRepository(ReferralHandoffEntity).find({ where: { referralId }, order: { seq: 'ASC' } });
    expect(handoffs.map((h) => [h.seq, h.kind, h.fromOrganizationId, h.toOrganizationId, h.actorId, h.at.toISOString()])).toEqual([
      [1, 'SUBMITTED', t.city.homeOrganizationId, null, t.city.userId, AT[0]],
      [2, 'OFFERED', null, t.city.firstPartnerId, null, AT[0]],
      [3, 'ACCEPTED', null, t.city.firstPartnerId, t.city.userId, AT[1]],
    ]);
    const records = await t.db.getRepository(ProvisionRecordEntity).find({ where: { referralId }, order: { handoffSeq: 'ASC' } });
    expect(records.map((r) => [r.handoffSeq, r.recipientOrganizationId, r.items, r.at.toISOString()])).toEqual([
      [2, t.city.firstPartnerId, ['ageBand'], AT[0]],
      [3, t.city.firstPartnerId, ['displayName', 'contact'], AT[1]],
    ]);
  });

  it('changes nothing when the same write is retried: no second row, handoff or provision record', async () => {
    const { referralId, submit, accept } = moves();
    await write(submit);
    await write(accept);
    const before = { row: await rowOf(referralId), handoffs: await handoffsOf(referralId), provisions: await provisionsOf(referralId) };

    await write(submit);
    await write(accept);

    expect({ row: await rowOf(referralId), handoffs: await handoffsOf(referralId), provisions: await provisionsOf(referralId) }).toEqual(before);
    expect(before.handoffs.map((h) => h.seq)).toEqual([1, 2, 3]);
    // Accepting gives the name and the contact: one more record, once.
    expect(before.provisions.map((p) => [p.handoff_seq, p.items])).toEqual([
      [2, ['ageBand']],
      [3, ['displayName', 'contact']],
    ]);
  });

  it('changes nothing on a stale write (a lower last_seq) arriving after a newer one', async () => {
    const { referralId, submit, accept, start } = moves();
    await write(submit);
    await write(accept);
    await write(start);
    const before = { row: await rowOf(referralId), handoffs: await handoffsOf(referralId), provisions: await provisionsOf(referralId) };

    // The late attempt of the accept, now with a different state it would have written.
    await write({
      ...accept,
      status: ReferralStatus.COMPLETED,
      outcome: ReferralOutcome.RESOLVED,
      handoffs: [handoff(3, HandoffKind.NOTE, null, AT[3])],
    });

    expect({ row: await rowOf(referralId), handoffs: await handoffsOf(referralId), provisions: await provisionsOf(referralId) }).toEqual(before);
    expect(before.row).toMatchObject({ status: 'IN_PROGRESS', last_seq: 4 });
  });

  it('fails, writing nothing, when a later move finds no row (its submission was never stored)', async () => {
    const { referralId, accept } = moves();
    await expect(write(accept)).rejects.toThrow(`referral ${referralId} has no row to update`);
    expect(await handoffsOf(referralId)).toEqual([]);
  });

  it('stores a submission once when two attempts of it run at the same time', async () => {
    const { referralId, submit } = moves();
    await Promise.all([write(submit), write(submit), write(submit)]);

    expect(await rowOf(referralId)).toMatchObject({ status: 'OFFERED', last_seq: 2 });
    expect((await handoffsOf(referralId)).map((h) => h.seq)).toEqual([1, 2]);
    expect((await provisionsOf(referralId)).map((p) => p.handoff_seq)).toEqual([2]);
  });

  it('ends with the newest state and every handoff once when consecutive writes and a stale retry run at the same time', async () => {
    const { referralId, submit, accept, start } = moves();
    await write(submit);
    await write(accept);

    // The accept's attempt that timed out on Temporal's side still running while the next move's write goes in.
    await Promise.all([write(accept), write(start), write(accept)]);

    expect(await rowOf(referralId)).toMatchObject({ status: 'IN_PROGRESS', last_seq: 4 });
    expect((await handoffsOf(referralId)).map((h) => [h.seq, h.kind])).toEqual([
      [1, 'SUBMITTED'],
      [2, 'OFFERED'],
      [3, 'ACCEPTED'],
      [4, 'STARTED'],
    ]);
    expect((await provisionsOf(referralId)).map((p) => p.handoff_seq)).toEqual([2, 3]);
  });

  it('lets the next write wait for the row lock of the one before it, then applies it on top', async () => {
    const { referralId, submit, accept, start } = moves();
    await write(submit);

    let acceptHoldsTheRow!: () => void;
    const locked = new Promise<void>((resolve) => (acceptHoldsTheRow = resolve));
    const order: string[] = [];
    const slowAccept = t.db.transaction(async (tx) => {
      await new ReferralWriter(tx, t.dataKeys).recordTransition(accept);
      acceptHoldsTheRow();
      await new Promise((resolve) => setTimeout(resolve, 300));
      order.push('accept committed');
    });
    await locked;
    const next = write(start).then(() => order.push('start committed'));
    await Promise.all([slowAccept, next]);

    expect(order).toEqual(['accept committed', 'start committed']);
    expect(await rowOf(referralId)).toMatchObject({ status: 'IN_PROGRESS', last_seq: 4 });
    expect((await handoffsOf(referralId)).map((h) => h.seq)).toEqual([1, 2, 3, 4]);
  });
});

describe('ReferralWriter.recordClosedReferralPolicyHandoff', () => {
  const policy = (referralId: string, issueId: string, issueSeq: number) => ({
    referralId,
    handoff: {
      issueId,
      issueSeq,
      kind: HandoffKind.SUBCOMMITTEE_DECISION,
      actorUserId: t.city.userId,
      proposalId: null,
      reason: 'ADOPTED',
      note: null,
      at: AT[3],
    },
  });
  const append = (input: ReturnType<typeof policy>) =>
    t.db.transaction((tx) => new ReferralWriter(tx, t.dataKeys).recordClosedReferralPolicyHandoff(input));

  async function closedReferralAndIssue() {
    const { referralId, submit } = moves();
    await write(submit);
    await write({
      referralId,
      workflowId: submit.workflowId,
      status: ReferralStatus.WITHDRAWN,
      currentOrganizationId: null,
      outcome: null,
      lastSeq: 3,
      at: AT[1],
      handoffs: [handoff(3, HandoffKind.WITHDRAWN, null, AT[1], t.city.userId)],
    });
    const issueId = randomUUID();
    await t.db.transaction((tx) =>
      new RegionalIssueWriter(tx).recordTransition({
        workflowId: `regional-issue:${issueId}`,
        lastSeq: 1,
        state: {
          issueId,
          title: '買い物の足がない',
          description: '坂の上の団地',
          category: NeedCategory.TRANSPORT,
          areaIds: [t.city.areaId],
          status: RegionalIssueStatus.OPEN,
          closedReason: null,
          createdByUserId: t.city.userId,
          createdAt: AT[0],
          updatedAt: AT[0],
          referrals: [],
          proposals: [],
        },
        events: [],
      }),
    );
    const [{ updated_at: updatedAt }] = await t.db.query(`SELECT updated_at FROM referral WHERE id = $1`, [referralId]);
    return { referralId, issueId, updatedAt: updatedAt as Date };
  }

  it('appends at the next seq, once per issue event, and leaves updated_at alone', async () => {
    const { referralId, issueId, updatedAt } = await closedReferralAndIssue();

    await append(policy(referralId, issueId, 5));
    await append(policy(referralId, issueId, 5)); // the retry
    await append(policy(referralId, issueId, 6));

    expect((await handoffsOf(referralId)).slice(3)).toMatchObject([
      { seq: 4, kind: 'SUBCOMMITTEE_DECISION', regional_issue_id: issueId, regional_issue_seq: 5 },
      { seq: 5, kind: 'SUBCOMMITTEE_DECISION', regional_issue_id: issueId, regional_issue_seq: 6 },
    ]);
    expect(await rowOf(referralId)).toMatchObject({ status: 'WITHDRAWN', last_seq: 5, updated_at: updatedAt });
  });

  it('numbers concurrent entries one after the other under the row lock, each issue event once', async () => {
    const { referralId, issueId } = await closedReferralAndIssue();

    await Promise.all([7, 8, 7, 9, 8].map((issueSeq) => append(policy(referralId, issueId, issueSeq))));

    const entries = (await handoffsOf(referralId)).slice(3) as unknown as Array<{ seq: number; regional_issue_seq: number }>;
    expect(entries.map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(entries.map((e) => e.regional_issue_seq).sort()).toEqual([7, 8, 9]);
    expect(await rowOf(referralId)).toMatchObject({ last_seq: 6 });
  });

  it('fails when the referral has no row', async () => {
    const { issueId } = await closedReferralAndIssue();
    const missing = randomUUID();
    await expect(append(policy(missing, issueId, 1))).rejects.toThrow(`referral ${missing} has no row to write to`);
  });
});
