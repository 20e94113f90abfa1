// The outbox on a real PostgreSQL (db tier): which rows each handoff writes through ReferralWriter, to whom, with which
// facts, in the handoff's transaction, once however often the write is repeated; preferences applied at write time.
// The moves that only timers make (reminders, expiry, automatic escalation) are covered here: the e2e tier cannot wait.
import { randomUUID } from 'node:crypto';
import { Destination, HandoffKind, NeedCategory, nextDigestAt, ReferralStatus, SubcommitteeDecision, SubjectKind } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { ReferralHandoffRow, ReferralTransitionWrite, ReferralWriter } from '../repositories/referral-writer';

let t: TestDatabase;
let partnerUser: string;
let tier1User: string;
beforeAll(async () => {
  t = await openTestDatabase();
  const user = async (email: string, role: string, organizationId: string | null) =>
    (
      await t.db.query(
        `INSERT INTO app_user (email, display_name, role, organization_id, password_hash) VALUES ($1, $1, $2, $3, 'not-a-hash') RETURNING id`,
        [email, role, organizationId],
      )
    )[0].id as string;
  partnerUser = await user('partner@tsunagu.test', 'PARTNER', t.city.firstPartnerId);
  await user('former@tsunagu.test', 'PARTNER', t.city.firstPartnerId).then((id) =>
    t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [id]),
  );
  tier1User = await user('tier1@tsunagu.test', 'TIER1_COORDINATOR', null);
  // The second partner has no users and opted in to mail at its address.
  await t.db.query(`UPDATE organization SET has_system_users = false, notification_email = 'silver@example.jp' WHERE id = $1`, [
    t.city.secondPartnerId,
  ]);
});
afterAll(() => t?.close());

const write = (input: ReferralTransitionWrite) => t.db.transaction((tx) => new ReferralWriter(tx, t.dataKeys).recordTransition(input));
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 1, minute)).toISOString();

function h(seq: number, kind: HandoffKind, details: Partial<ReferralHandoffRow> = {}): ReferralHandoffRow {
  return {
    seq,
    kind,
    fromOrganizationId: null,
    toOrganizationId: null,
    actorUserId: null,
    proxy: false,
    reason: null,
    note: null,
    at: at(seq),
    ...details,
  };
}

function transition(
  referralId: string,
  lastSeq: number,
  status: ReferralStatus,
  handoffs: ReferralHandoffRow[],
  extra: Partial<ReferralTransitionWrite> = {},
) {
  return {
    referralId,
    workflowId: `referral-test:${referralId}`,
    status,
    currentOrganizationId: null,
    outcome: null,
    responseDueAt: null,
    lastSeq,
    at: at(lastSeq),
    handoffs,
    ...extra,
  } satisfies ReferralTransitionWrite;
}

/** Submitted by the tier-2 coordinator and offered to the first partner (seq 1, 2). */
async function submitted(): Promise<string> {
  const referralId = randomUUID();
  const { userId, areaId, firstPartnerId, homeOrganizationId } = t.city;
  await write(
    transition(
      referralId,
      2,
      ReferralStatus.OFFERED,
      [
        h(1, HandoffKind.SUBMITTED, { actorUserId: userId, fromOrganizationId: homeOrganizationId }),
        h(2, HandoffKind.OFFERED, { toOrganizationId: firstPartnerId }),
      ],
      {
        currentOrganizationId: firstPartnerId,
        responseDueAt: '2026-12-04T08:15:00.000Z',
        submission: {
          clientRequestId: `form-${referralId}`,
          category: NeedCategory.TRANSPORT,
          areaId,
          summary: '週2回の通院に送迎が必要',
          subjectKind: SubjectKind.PERSON,
          subject: { displayName: '山田 H.', nameKana: 'やまだ', ageBand: '80代', contact: '072-000-1111' },
          consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z', givenBy: '本人' },
          destination: Destination.PARTNER,
          submittedByUserId: userId,
          createdAt: at(1),
        },
      },
    ),
  );
  return referralId;
}

interface Row {
  source_key: string;
  kind: string;
  recipient_email: string;
  delivery: string;
  facts: Record<string, unknown>;
  next_attempt_at: Date;
}
const rowsOf = (referralId: string): Promise<Row[]> =>
  t.db.query(
    `SELECT source_key, kind, recipient_email, delivery, facts, next_attempt_at FROM notification WHERE source_key LIKE $1 ORDER BY source_key, recipient_email`,
    [`referral:${referralId}:%`],
  );
const summary = (rows: Row[]) => rows.map((r) => `${r.source_key.split(':')[2]} ${r.kind} ${r.recipient_email}`);

it('an offer: the offered partner’s active users, with the facts and no resident; written once however often repeated', async () => {
  const id = await submitted();
  const rows = await rowsOf(id);
  expect(summary(rows)).toEqual(['2 OFFER partner@tsunagu.test']);
  expect(rows[0].facts).toEqual({
    referralId: id,
    category: 'TRANSPORT',
    areaName: '川西',
    dueAt: '2026-12-04T08:15:00.000Z',
    organizationName: 'NPO法人 つながり移動支援',
  });
  // A retried activity: the same transition again, then the row check's own path (last_seq already there).
  await t.db.transaction(async (tx) => {
    await tx.query(`UPDATE referral SET last_seq = 1 WHERE id = $1`, [id]);
    await tx.query(`DELETE FROM provision_record WHERE referral_id = $1`, [id]);
  });
  await write(
    transition(id, 2, ReferralStatus.OFFERED, [h(2, HandoffKind.OFFERED, { toOrganizationId: t.city.firstPartnerId })], {
      currentOrganizationId: t.city.firstPartnerId,
    }),
  );
  expect(summary(await rowsOf(id))).toEqual(['2 OFFER partner@tsunagu.test']);
});

it('reminder, expiry to a partner without users (its opted-in address), unmatched, automatic escalation and tier-1’s reminder', async () => {
  const id = await submitted();
  const { firstPartnerId, secondPartnerId } = t.city;
  await write(
    transition(id, 3, ReferralStatus.OFFERED, [h(3, HandoffKind.REMINDED, { toOrganizationId: firstPartnerId, note: '催促' })], {
      currentOrganizationId: firstPartnerId,
    }),
  );
  await write(
    transition(
      id,
      5,
      ReferralStatus.OFFERED,
      [h(4, HandoffKind.EXPIRED, { fromOrganizationId: firstPartnerId }), h(5, HandoffKind.OFFERED, { toOrganizationId: secondPartnerId })],
      {
        currentOrganizationId: secondPartnerId,
      },
    ),
  );
  await write(
    transition(id, 7, ReferralStatus.UNMATCHED, [
      h(6, HandoffKind.DECLINED, { fromOrganizationId: secondPartnerId, reason: 'NO_CAPACITY', actorUserId: t.city.userId, proxy: true }),
      h(7, HandoffKind.UNMATCHED),
    ]),
  );
  await write(transition(id, 8, ReferralStatus.ESCALATED, [h(8, HandoffKind.ESCALATED, { note: '自動' })]));
  await write(transition(id, 9, ReferralStatus.ESCALATED, [h(9, HandoffKind.REMINDED)], { responseDueAt: '2026-12-10T08:15:00.000Z' }));

  const rows = await rowsOf(id);
  expect(summary(rows)).toEqual([
    '2 OFFER partner@tsunagu.test',
    '3 OFFER_REMINDER partner@tsunagu.test',
    '4 OFFER_EXPIRED tier2@tsunagu.test',
    '5 OFFER silver@example.jp',
    // 6: the coordinator declined for the shop (proxy): the actor is not told of their own move.
    '7 UNMATCHED tier2@tsunagu.test',
    '8 ESCALATED tier1@tsunagu.test',
    '8 ESCALATED tier2@tsunagu.test',
    '9 TIER1_REMINDER tier1@tsunagu.test',
  ]);
  expect(rows.find((r) => r.kind === 'OFFER_EXPIRED')!.facts.organizationName).toBe('NPO法人 つながり移動支援');
  expect(rows.find((r) => r.kind === 'ESCALATED')!.facts.automatic).toBe(true);
  expect(rows.find((r) => r.kind === 'TIER1_REMINDER')!.facts.dueAt).toBe('2026-12-10T08:15:00.000Z');
  expect(JSON.stringify(rows)).not.toMatch(/山田|やまだ|072-000|通院|催促|自動|本人|書面/);
});

it('progress reminder to the holder and the submitter; the resume date to the submitter; a subcommittee decision', async () => {
  const id = await submitted();
  const { firstPartnerId } = t.city;
  await write(
    transition(
      id,
      3,
      ReferralStatus.ACCEPTED,
      [h(3, HandoffKind.ACCEPTED, { fromOrganizationId: firstPartnerId, toOrganizationId: firstPartnerId, actorUserId: partnerUser })],
      { currentOrganizationId: firstPartnerId },
    ),
  );
  await write(
    transition(id, 4, ReferralStatus.IN_PROGRESS, [h(4, HandoffKind.REMINDED, { toOrganizationId: firstPartnerId })], {
      currentOrganizationId: firstPartnerId,
    }),
  );
  await write(
    transition(id, 5, ReferralStatus.ON_HOLD, [h(5, HandoffKind.REMINDED)], {
      currentOrganizationId: firstPartnerId,
      hold: { resumeOn: '2026-12-20', returnTo: ReferralStatus.IN_PROGRESS },
    }),
  );
  await write(
    transition(
      id,
      6,
      ReferralStatus.ON_HOLD,
      [h(6, HandoffKind.SUBCOMMITTEE_DECISION, { actorUserId: tier1User, reason: SubcommitteeDecision.ADOPTED, note: '議事録の要旨' })],
      {
        currentOrganizationId: firstPartnerId,
        hold: { resumeOn: '2026-12-20', returnTo: ReferralStatus.IN_PROGRESS },
      },
    ),
  );
  const rows = await rowsOf(id);
  expect(summary(rows)).toEqual([
    '2 OFFER partner@tsunagu.test',
    '3 ACCEPTED tier2@tsunagu.test',
    '4 PROGRESS_REMINDER partner@tsunagu.test',
    '4 PROGRESS_REMINDER tier2@tsunagu.test',
    '5 RESUME_DATE tier2@tsunagu.test',
    '6 SUBCOMMITTEE_DECISION tier2@tsunagu.test',
  ]);
  expect(rows.find((r) => r.kind === 'SUBCOMMITTEE_DECISION')!.facts).toMatchObject({ decision: 'ADOPTED' });
  expect(JSON.stringify(rows)).not.toContain('議事録');
});

it('preferences at write time: OFF writes nothing, DAILY_DIGEST is due at the next 08:30 JST business morning', async () => {
  await t.db.query(
    `INSERT INTO notification_preference (user_id, kind, delivery) VALUES ($1, 'ACCEPTED', 'OFF'), ($1, 'COMPLETED', 'DAILY_DIGEST')`,
    [t.city.userId],
  );
  const id = await submitted();
  const { firstPartnerId } = t.city;
  const partner = { fromOrganizationId: firstPartnerId, toOrganizationId: firstPartnerId, actorUserId: partnerUser };
  await write(transition(id, 3, ReferralStatus.ACCEPTED, [h(3, HandoffKind.ACCEPTED, partner)], { currentOrganizationId: firstPartnerId }));
  await write(
    transition(id, 4, ReferralStatus.COMPLETED, [h(4, HandoffKind.COMPLETED, { ...partner, reason: 'RESOLVED' })], {
      currentOrganizationId: firstPartnerId,
      outcome: null,
    }),
  );
  const rows = await rowsOf(id);
  expect(summary(rows)).toEqual(['2 OFFER partner@tsunagu.test', '4 COMPLETED tier2@tsunagu.test']);
  const completed = rows[1];
  expect(completed.delivery).toBe('DAILY_DIGEST');
  expect(new Date(completed.next_attempt_at).toISOString()).toBe(nextDigestAt(new Date(at(4))).toISOString());
  expect(completed.facts.outcome).toBe('RESOLVED');
});
