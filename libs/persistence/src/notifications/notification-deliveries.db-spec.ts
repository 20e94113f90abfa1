// The sender's side of the outbox on a real PostgreSQL (db tier): which rows a claim takes and locks, how sent and failed
// attempts are recorded, the digest claim by recipient, and the due time of rows whose cause's clock is ahead.
import { NotificationDelivery, NotificationKind } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { countPendingNotifications, NotificationDeliveries } from './notification-deliveries';
import { NotificationOutbox } from './notification-outbox';

let t: TestDatabase;
let alice: string;
let bob: string;
beforeAll(async () => {
  t = await openTestDatabase();
  const user = async (email: string) =>
    (
      await t.db.query(
        `INSERT INTO app_user (email, display_name, role, organization_id, password_hash) VALUES ($1, $1, 'TIER1_COORDINATOR', NULL, 'not-a-hash') RETURNING id`,
        [email],
      )
    )[0].id as string;
  alice = await user('alice@tsunagu.test');
  bob = await user('bob@tsunagu.test');
});
afterAll(() => t?.close());
// Each test starts from an outbox with nothing to send.
beforeEach(() => t.db.query(`DELETE FROM notification`));

let n = 0;
async function enqueue(userId: string, at = new Date()): Promise<string> {
  n += 1;
  const sourceKey = `user:${userId}:test:${n}`;
  await t.db.transaction((tx) =>
    new NotificationOutbox(tx).enqueue({
      sourceKey,
      kind: NotificationKind.PASSWORD_RESET_DONE,
      facts: { recipientName: 'x' },
      recipients: { userId },
      at,
    }),
  );
  const [row] = await t.db.query(`SELECT id FROM notification WHERE source_key = $1`, [sourceKey]);
  return row.id as string;
}
const statusOf = async (id: string) =>
  (await t.db.query(`SELECT status, attempts, message_id, last_error, sent_at IS NOT NULL AS sent FROM notification WHERE id = $1`, [id]))[0];

it('claims the due immediate rows one at a time, oldest first; a second transaction skips the locked one', async () => {
  const older = await enqueue(alice, new Date(Date.now() - 60_000));
  const newer = await enqueue(bob);
  await t.db.transaction(async (tx) => {
    const [claimed] = await new NotificationDeliveries(tx).claimImmediate(1);
    expect(claimed).toMatchObject({ id: older, kind: 'PASSWORD_RESET_DONE', recipientEmail: 'alice@tsunagu.test', recipientKey: alice, attempts: 0 });
    // Another worker, meanwhile: not blocked, and takes the other row.
    await t.db.transaction(async (other) => expect((await new NotificationDeliveries(other).claimImmediate(5)).map((r) => r.id)).toEqual([newer]));
    await new NotificationDeliveries(tx).markSent([older], { domain: 'tsunagu.test' });
  });
  expect(await statusOf(older)).toEqual({ status: 'SENT', attempts: 1, message_id: `<n-${older}@tsunagu.test>`, last_error: null, sent: true });
  expect(await countPendingNotifications(t.db)).toBe(1);
});

it('a row whose cause is ahead of the database’s clock (the Temporal server’s time) is due at once, not then', async () => {
  const ahead = await enqueue(alice, new Date(Date.now() + 30 * 86_400_000));
  const claimed = await t.db.transaction((tx) => new NotificationDeliveries(tx).claimImmediate(5));
  expect(claimed.map((r) => r.id)).toEqual([ahead]);
});

it('with a pause, holds immediate mail while rows keep coming; sends after the pause, or once one has waited too long', async () => {
  const pause = { quietMs: 60_000, maxHoldMs: 600_000 };
  const claim = () => t.db.transaction(async (tx) => (await new NotificationDeliveries(tx).claimImmediate(5, pause)).map((r) => r.id));
  const first = await enqueue(alice);
  expect(await claim()).toEqual([]); // written just now: the moves have not paused
  expect((await t.db.transaction((tx) => new NotificationDeliveries(tx).claimImmediate(5))).map((r) => r.id)).toEqual([first]); // no pause asked
  await t.db.query(`UPDATE notification SET created_at = now() - interval '2 minutes'`);
  expect(await claim()).toEqual([first]); // nothing written for a minute: sent
  const fresh = await enqueue(bob);
  expect(await claim()).toEqual([]); // a new row: held again, the older one too
  const waitedTooLong = await enqueue(bob, new Date(Date.now() - 11 * 60_000)); // due 11 minutes ago, over maxHoldMs
  expect((await claim()).sort()).toEqual([first, fresh, waitedTooLong].sort());
});

it('a failed attempt is noted and due again later; the last one is FAILED', async () => {
  const id = await enqueue(alice);
  await t.db.transaction((tx) =>
    new NotificationDeliveries(tx).markAttemptFailed([id], { attempts: 1, problem: 'EENVELOPE 451 try later', final: false, retryInSeconds: 30 }),
  );
  expect(await statusOf(id)).toEqual({ status: 'PENDING', attempts: 1, message_id: null, last_error: 'EENVELOPE 451 try later', sent: false });
  expect(await t.db.transaction((tx) => new NotificationDeliveries(tx).claimImmediate(5))).toEqual([]); // not due for 30 s
  await t.db.transaction((tx) =>
    new NotificationDeliveries(tx).markAttemptFailed([id], { attempts: 8, problem: 'ECONNREFUSED', final: true, retryInSeconds: 3600 }),
  );
  expect(await statusOf(id)).toMatchObject({ status: 'FAILED', attempts: 8, last_error: 'ECONNREFUSED' });
  expect(await countPendingNotifications(t.db)).toBe(0);
});

it('a digest claim takes all of one recipient’s due digest rows; another worker gets the other recipient', async () => {
  const digest = async (userId: string, offsetMs: number) => {
    const id = await enqueue(userId);
    await t.db.query(`UPDATE notification SET delivery = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`, [
      id,
      NotificationDelivery.DAILY_DIGEST,
      offsetMs / 1000,
    ]);
    return id;
  };
  const a1 = await digest(alice, -120_000);
  const a2 = await digest(alice, -60_000);
  await digest(alice, 3_600_000); // not due yet
  const b1 = await digest(bob, -30_000);
  await t.db.transaction(async (tx) => {
    const rows = await new NotificationDeliveries(tx).claimDigest();
    expect(rows?.map((r) => r.id)).toEqual([a1, a2]);
    await t.db.transaction(async (other) => expect((await new NotificationDeliveries(other).claimDigest())?.map((r) => r.id)).toEqual([b1]));
  });
  expect(await t.db.transaction((tx) => new NotificationDeliveries(tx).claimImmediate(5))).toEqual([]);
  await t.db.transaction(async (tx) => new NotificationDeliveries(tx).markSent([a1, a2], { digest: '<digest-x@tsunagu.test>' }));
  expect((await statusOf(a2)).message_id).toBe('<digest-x@tsunagu.test>');
  await t.db.query(`UPDATE notification SET status = 'SENT'`);
  expect(await t.db.transaction((tx) => new NotificationDeliveries(tx).claimDigest())).toBeNull();
});

it('a batch claim takes up to its size, and one markSent gives each immediate row its own Message-ID', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push(await enqueue(i % 2 ? bob : alice, new Date(Date.now() - (10 - i) * 1000)));
  await t.db.transaction(async (tx) => {
    const batch = await new NotificationDeliveries(tx).claimImmediate(3);
    expect(batch.map((r) => r.id)).toEqual(ids.slice(0, 3));
    await new NotificationDeliveries(tx).markSent(
      batch.map((r) => r.id),
      { domain: 'tsunagu.test' },
    );
  });
  for (const id of ids.slice(0, 3)) expect(await statusOf(id)).toMatchObject({ status: 'SENT', attempts: 1, message_id: `<n-${id}@tsunagu.test>` });
  expect(await countPendingNotifications(t.db)).toBe(1);
});
