// The notification preferences' and failed notifications' SQL on a real PostgreSQL (db tier): a user's choices and
// their replacement, the FAILED rows newest first to the millisecond with the cursor, and what a retry puts back.
import { randomUUID } from 'node:crypto';
import { NotificationDelivery, NotificationKind, NotificationStatus } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { NotificationsRepository } from './notifications.repository';

let t: TestDatabase;
let repo: NotificationsRepository;
beforeAll(async () => {
  t = await openTestDatabase();
  repo = new NotificationsRepository(t.db);
});
afterAll(() => t?.close());

describe('preferences', () => {
  it('reads a user’s choices only, and replaces a choice for the same kind', async () => {
    const [{ id: other }]: Array<{ id: string }> = await t.db.query(
      `INSERT INTO app_user (email, display_name, role, organization_id, password_hash) VALUES ('other@tsunagu.test', 'other', 'PARTNER', $1, 'x') RETURNING id`,
      [t.city.firstPartnerId],
    );
    const me = t.city.userId;
    expect(await repo.preferencesOf(me)).toEqual([]);
    await repo.upsertPreference(me, NotificationKind.OFFER, NotificationDelivery.DAILY_DIGEST);
    await repo.upsertPreference(me, NotificationKind.ESCALATED, NotificationDelivery.OFF);
    await repo.upsertPreference(other, NotificationKind.OFFER, NotificationDelivery.OFF);
    const sorted = async (userId: string) => (await repo.preferencesOf(userId)).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(await sorted(me)).toEqual([
      { kind: 'ESCALATED', delivery: 'OFF' },
      { kind: 'OFFER', delivery: 'DAILY_DIGEST' },
    ]);
    await t.db.query(`UPDATE notification_preference SET updated_at = now() - interval '1 day' WHERE user_id = $1`, [me]);
    await repo.upsertPreference(me, NotificationKind.OFFER, NotificationDelivery.IMMEDIATE);
    expect(await sorted(me)).toEqual([
      { kind: 'ESCALATED', delivery: 'OFF' },
      { kind: 'OFFER', delivery: 'IMMEDIATE' },
    ]);
    const [{ fresh }] = await t.db.query(
      `SELECT updated_at > now() - interval '1 minute' AS fresh FROM notification_preference WHERE user_id = $1 AND kind = 'OFFER'`,
      [me],
    );
    expect(fresh).toBe(true);
    expect(await sorted(other)).toEqual([{ kind: 'OFFER', delivery: 'OFF' }]);
  });
});

describe('failed notifications', () => {
  const ids = {
    // Two in the same millisecond (microseconds apart): the id decides, not the microseconds.
    sameMsEarlierMicros: 'ffffffff-0000-4000-8000-000000000001',
    sameMsLaterMicros: '00000000-0000-4000-8000-000000000002',
    newest: randomUUID(),
    oldest: randomUUID(),
    pending: randomUUID(),
    sent: randomUUID(),
  };
  async function notification(id: string, status: NotificationStatus, createdAt: string): Promise<void> {
    await t.db.query(
      `INSERT INTO notification (id, source_key, recipient_key, kind, recipient_email, facts, delivery, status, attempts, next_attempt_at,
                                 last_error, created_at)
       VALUES ($1, $2, 'someone', 'OFFER', 'someone@example.jp', '{}', 'IMMEDIATE', $3, 8, now() + interval '1 day', $4, $5)`,
      [id, `test:${id}`, status, status === NotificationStatus.FAILED ? '550 mailbox unavailable' : null, createdAt],
    );
  }
  beforeAll(async () => {
    await notification(ids.oldest, NotificationStatus.FAILED, '2026-12-01T09:00:00.000Z');
    await notification(ids.sameMsEarlierMicros, NotificationStatus.FAILED, '2026-12-01T10:00:00.123400Z');
    await notification(ids.sameMsLaterMicros, NotificationStatus.FAILED, '2026-12-01T10:00:00.123900Z');
    await notification(ids.newest, NotificationStatus.FAILED, '2026-12-01T11:00:00.000Z');
    await notification(ids.pending, NotificationStatus.PENDING, '2026-12-01T12:00:00.000Z');
    await notification(ids.sent, NotificationStatus.SENT, '2026-12-01T13:00:00.000Z');
  });

  it('pages FAILED rows newest first by (created_at to the millisecond, id), after the cursor', async () => {
    const first = await repo.pageOfFailed(2, null);
    expect(first.rows.map((n) => n.id)).toEqual([ids.newest, ids.sameMsEarlierMicros]);
    expect(first).toMatchObject({ totalCount: 4, hasNextPage: true });
    expect(first.rows[0]).toMatchObject({
      status: 'FAILED',
      attempts: 8,
      lastError: '550 mailbox unavailable',
      recipientEmail: 'someone@example.jp',
    });
    // The cursor holds the millisecond: the row in the same millisecond with a smaller id follows.
    const second = await repo.pageOfFailed(2, { createdAt: '2026-12-01T10:00:00.123Z', id: ids.sameMsEarlierMicros });
    expect(second.rows.map((n) => n.id)).toEqual([ids.sameMsLaterMicros, ids.oldest]);
    expect(second).toMatchObject({ totalCount: 4, hasNextPage: false });
    expect((await repo.pageOfFailed(10, { createdAt: '2026-12-01T09:00:00.000Z', id: ids.oldest })).rows).toEqual([]);
  });

  it('puts a FAILED row back to PENDING, due now, its attempts afresh; no other row', async () => {
    expect(await repo.requeueFailed(ids.oldest)).toBe(true);
    const row = await repo.getById(ids.oldest);
    expect(row).toMatchObject({ id: ids.oldest, status: 'PENDING', attempts: 0, lastError: null });
    expect(Math.abs(row.nextAttemptAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await repo.requeueFailed(ids.oldest)).toBe(false);
    expect(await repo.requeueFailed(ids.sent)).toBe(false);
    expect(await repo.requeueFailed(randomUUID())).toBe(false);
    expect(await repo.getById(ids.sent)).toMatchObject({ status: 'SENT', attempts: 8 });
    expect((await repo.pageOfFailed(10, null)).totalCount).toBe(3);
    await expect(repo.getById(randomUUID())).rejects.toThrow(/Could not find any entity/);
  });
});
