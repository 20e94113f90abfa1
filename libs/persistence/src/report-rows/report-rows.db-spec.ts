// The reports' summary row on a real PostgreSQL (db tier): kept by the triggers as ReferralWriter records each kind of
// move, equal to what a rebuild computes from the handoffs, unchanged by a retried write, and a rebuild of the whole
// database equal to what the writes kept.
import { randomUUID } from 'node:crypto';
import {
  businessDaysBetween,
  DeclineReason,
  Destination,
  HandoffKind,
  NeedCategory,
  ReferralOutcome,
  ReferralStatus,
  SubjectKind,
} from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { ReferralHandoffRow, ReferralTransitionWrite, ReferralWriter } from '../repositories/referral-writer';
import { rebuildReportRows } from './report-rows';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

const write = (input: ReferralTransitionWrite) => t.db.transaction((tx) => new ReferralWriter(tx, t.dataKeys).recordTransition(input));

const kept = async (id: string) => (await t.db.query(`SELECT * FROM referral_report_row WHERE id = $1`, [id]))[0];

/** The row a rebuild computes for the referral now, in a transaction rolled back afterwards (the kept row stays). */
async function rebuilt(id: string): Promise<Record<string, unknown>> {
  const runner = t.db.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query(`DELETE FROM referral_report_row WHERE id = $1`, [id]);
    await runner.query(`SELECT refresh_referral_report_rows($1::uuid[])`, [[id]]);
    return (await runner.query(`SELECT * FROM referral_report_row WHERE id = $1`, [id]))[0];
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/** The moves of one referral through ReferralWriter, each with its seq; `status` and holder as the workflow leaves them. */
function referralMoves(submittedAt: string) {
  const { areaId, firstPartnerId: p1, secondPartnerId: p2, userId, homeOrganizationId } = t.city;
  const referralId = randomUUID();
  let seq = 0;
  const h = (kind: HandoffKind, at: string, from: string | null, to: string | null, reason: string | null = null): ReferralHandoffRow => ({
    seq: ++seq,
    kind,
    fromOrganizationId: from,
    toOrganizationId: to,
    actorUserId: userId,
    proxy: false,
    reason,
    note: null,
    at,
  });
  const move = (
    status: ReferralStatus,
    holder: string | null,
    at: string,
    handoffs: ReferralHandoffRow[],
    extra: Partial<ReferralTransitionWrite> = {},
  ): ReferralTransitionWrite => ({
    referralId,
    workflowId: `referral-test:${referralId}`,
    status,
    currentOrganizationId: holder,
    outcome: null,
    responseDueAt: null,
    lastSeq: seq,
    at,
    handoffs,
    ...extra,
  });
  const submission = {
    clientRequestId: `form-${referralId}`,
    category: NeedCategory.SHOPPING,
    areaId,
    summary: '買い物の付き添い',
    subjectKind: SubjectKind.PERSON,
    subject: { displayName: '佐藤 K.', ageBand: '70代', contact: '072-000-2222' },
    consent: { obtained: true, method: '口頭', obtainedAt: submittedAt, givenBy: '本人' },
    destination: Destination.PARTNER,
    submittedByUserId: userId,
    createdAt: submittedAt,
  };
  return { referralId, p1, p2, homeOrganizationId, h, move, submission };
}

it('follows every kind of move as the rebuild would compute it, business days by the city calendar, retries changing nothing', async () => {
  // Friday 2026-12-25 10:00 JST; accepted on 2027-01-05 (after the year-end closure), completed on 2027-01-12 (after 成人の日).
  const SUBMITTED_AT = '2026-12-25T01:00:00.000Z';
  const { referralId, p1, p2, homeOrganizationId, h, move, submission } = referralMoves(SUBMITTED_AT);
  const steps: [string, ReferralTransitionWrite][] = [];
  const add = (name: string, m: ReferralTransitionWrite) => steps.push([name, m]);
  add(
    'submitted and offered',
    move(
      ReferralStatus.OFFERED,
      p1,
      SUBMITTED_AT,
      [h(HandoffKind.SUBMITTED, SUBMITTED_AT, homeOrganizationId, null), h(HandoffKind.OFFERED, SUBMITTED_AT, null, p1)],
      {
        submission,
      },
    ),
  );
  add(
    'declined and offered on',
    move(ReferralStatus.OFFERED, p2, '2026-12-25T05:00:00.000Z', [
      h(HandoffKind.DECLINED, '2026-12-25T05:00:00.000Z', p1, null, DeclineReason.NO_CAPACITY),
      h(HandoffKind.OFFERED, '2026-12-25T05:00:00.000Z', null, p2),
    ]),
  );
  add(
    'expired, nobody left: unmatched',
    move(ReferralStatus.UNMATCHED, null, '2026-12-28T08:00:00.000Z', [
      h(HandoffKind.EXPIRED, '2026-12-28T08:00:00.000Z', p2, null),
      h(HandoffKind.UNMATCHED, '2026-12-28T08:00:00.000Z', null, null),
    ]),
  );
  add(
    'escalated',
    move(ReferralStatus.ESCALATED, null, '2026-12-28T09:00:00.000Z', [h(HandoffKind.ESCALATED, '2026-12-28T09:00:00.000Z', null, null)]),
  );
  add(
    'offered by tier-1',
    move(ReferralStatus.OFFERED, p2, '2027-01-04T01:00:00.000Z', [h(HandoffKind.OFFERED, '2027-01-04T01:00:00.000Z', null, p2)]),
  );
  add('accepted', move(ReferralStatus.ACCEPTED, p2, '2027-01-05T00:00:00.000Z', [h(HandoffKind.ACCEPTED, '2027-01-05T00:00:00.000Z', p2, p2)]));
  add(
    'put on hold',
    move(ReferralStatus.ON_HOLD, p2, '2027-01-06T00:00:00.000Z', [h(HandoffKind.PUT_ON_HOLD, '2027-01-06T00:00:00.000Z', p2, p2)], {
      hold: { resumeOn: '2027-01-08', returnTo: ReferralStatus.ACCEPTED },
    }),
  );
  add('resumed', move(ReferralStatus.ACCEPTED, p2, '2027-01-08T00:00:00.000Z', [h(HandoffKind.RESUMED, '2027-01-08T00:00:00.000Z', p2, p2)]));
  add('started', move(ReferralStatus.IN_PROGRESS, p2, '2027-01-08T01:00:00.000Z', [h(HandoffKind.STARTED, '2027-01-08T01:00:00.000Z', p2, p2)]));
  add(
    'completed',
    move(
      ReferralStatus.COMPLETED,
      p2,
      '2027-01-12T03:00:00.000Z',
      [h(HandoffKind.COMPLETED, '2027-01-12T03:00:00.000Z', p2, p2, ReferralOutcome.RESOLVED)],
      {
        outcome: ReferralOutcome.RESOLVED,
      },
    ),
  );

  for (const [name, m] of steps) {
    await write(m);
    const row = await kept(referralId);
    expect({ name, row }).toEqual({ name, row: await rebuilt(referralId) });
    expect({ name, status: row.status, holder: row.current_organization_id }).toEqual({ name, status: m.status, holder: m.currentOrganizationId });
    // An activity's retry writes the same move again: nothing changes.
    await write(m);
    expect({ name, row: await kept(referralId) }).toEqual({ name, row });
  }

  const row = await kept(referralId);
  expect(row).toMatchObject({
    area_id: t.city.areaId,
    category: 'SHOPPING',
    subject_kind: 'PERSON',
    destination: 'PARTNER',
    status: 'COMPLETED',
    outcome: 'RESOLVED',
    month: '2026-12',
    ever_unmatched: true,
    ever_escalated: true,
    offers: 3,
    offers_accepted: 1,
    offers_declined: 1,
    offers_expired: 1,
    offers_other: 0,
    offers_open: 0,
    declined_reasons: ['NO_CAPACITY'],
    // P2 accepted; P1 was offered before it (P2's own earlier offer does not count).
    tried_before_acceptance: 1,
  });
  expect(row.first_answer_at.toISOString()).toBe('2026-12-25T05:00:00.000Z');
  expect(row.accepted_at.toISOString()).toBe('2027-01-05T00:00:00.000Z');
  expect(row.completed_at.toISOString()).toBe('2027-01-12T03:00:00.000Z');
  const submitted = new Date(SUBMITTED_AT);
  expect([row.first_answer_business_days, row.acceptance_business_days, row.completion_business_days]).toEqual([
    businessDaysBetween(submitted, row.first_answer_at),
    businessDaysBetween(submitted, row.accepted_at),
    businessDaysBetween(submitted, row.completed_at),
  ]);
  // Same day: 0. Acceptance: Dec 28, then the closure (Dec 29 to Jan 3), Jan 4, Jan 5. Completion: Jan 6, 7, 8, not
  // the 9th and 10th (weekend) nor the 11th (成人の日), the 12th.
  expect([row.first_answer_business_days, row.acceptance_business_days, row.completion_business_days]).toEqual([0, 3, 7]);
});

it('counts a withdrawal while offered as an offer ended otherwise, and an open offer as open', async () => {
  const at = '2026-12-01T00:00:00.000Z';
  const withdrawn = referralMoves(at);
  await write(
    withdrawn.move(
      ReferralStatus.OFFERED,
      withdrawn.p1,
      at,
      [withdrawn.h(HandoffKind.SUBMITTED, at, withdrawn.homeOrganizationId, null), withdrawn.h(HandoffKind.OFFERED, at, null, withdrawn.p1)],
      { submission: withdrawn.submission },
    ),
  );
  expect(await kept(withdrawn.referralId)).toMatchObject({
    offers: 1,
    offers_open: 1,
    offers_other: 0,
    tried_before_acceptance: null,
    first_answer_at: null,
  });
  await write(
    withdrawn.move(ReferralStatus.WITHDRAWN, null, '2026-12-02T00:00:00.000Z', [
      withdrawn.h(HandoffKind.WITHDRAWN, '2026-12-02T00:00:00.000Z', withdrawn.p1, null),
    ]),
  );
  const row = await kept(withdrawn.referralId);
  expect(row).toMatchObject({ status: 'WITHDRAWN', offers: 1, offers_open: 0, offers_other: 1, ever_unmatched: false, ever_escalated: false });
  expect(row).toEqual(await rebuilt(withdrawn.referralId));
});

it('rebuilds the whole table from the handoffs to exactly what the writes kept', async () => {
  const before = await t.db.query(`SELECT * FROM referral_report_row ORDER BY id`);
  expect(before.length).toBeGreaterThanOrEqual(2);
  await t.db.query(`DELETE FROM referral_report_row`);
  const batches: number[] = [];
  const n = await rebuildReportRows((sql, params) => t.db.query(sql, params), {
    batch: 1,
    transaction: (work) => t.db.transaction((tx) => work((sql, params) => tx.query(sql, params))),
    onBatch: ({ referrals }) => batches.push(referrals),
  });
  expect(n).toBe(before.length);
  expect(batches).toHaveLength(before.length);
  expect(await t.db.query(`SELECT * FROM referral_report_row ORDER BY id`)).toEqual(before);
});
