// Notifications by mail (docs/NOTIFICATIONS.md) on the real stack: the worker sends the outbox to the e2e mail catcher
// (a real SMTP server, parsed with mailparser). Every kind a move causes, account events, preferences and the digest,
// retries after the server refused, FAILED mails an administrator retries, and a worker killed mid-send.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTestCity, e2eMailCatcher, GraphQLSession, queryRows, readE2eState, signIn, TestCity, writeE2eState } from '@tsunagu/testing/e2e';
import type { CaughtMail } from '@tsunagu/testing/servers/mail-catcher';
import { nextDigestAt } from '@tsunagu/domain';
import { ACCEPT, COMPLETE, DECLINE, ESCALATE, personNeed, REFERRAL_FIELDS, START, SUBMIT } from './support/documents';
import { isAlive, killWorker, startDetachedWorker } from './support/workers';

jest.setTimeout(180_000);

const RETURN = `mutation Return($id: ID!, $reason: ReturnReason!) { returnReferral(id: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`;
const SET_PREFERENCE = `mutation P($kind: NotificationKind!, $delivery: NotificationDelivery!) {
  setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery changeable } }`;
const CREATE_USER = `mutation C($input: CreateUserInput!) { createUser(input: $input) { user { id email } temporaryPassword } }`;
const RESET = `mutation R($id: ID!) { resetUserPassword(id: $id) { user { id } temporaryPassword } }`;
const FAILED = `query { failedNotifications(first: 50) { totalCount edges { node { id kind recipientEmail attempts lastError referralId } } } }`;
const RETRY = `mutation R($id: ID!) { retryNotification(id: $id) { id status attempts } }`;

const state = readE2eState();
const catcher = e2eMailCatcher();
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;
let admin: GraphQLSession;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'mail');
  [tier1, tier2, first, second, admin] = await Promise.all(
    [city.emails.tier1, city.emails.tier2, city.emails.first, city.emails.second, city.emails.admin].map((email) =>
      signIn(state.graphqlUrl, email, city.password),
    ),
  );
});

/** Mails to `email` whose subject has `title`, about `referralId` when given. */
const about = (email: string, title: string, referralId?: string) => (mail: CaughtMail) =>
  mail.envelope.to.includes(email) && mail.subject.includes(title) && (!referralId || (mail.text ?? '').includes(referralId));
const rowsOf = (sourcePrefix: string) =>
  queryRows<{
    kind: string;
    recipient_email: string;
    delivery: string;
    status: string;
    attempts: number;
    message_id: string | null;
    next_attempt_at: Date;
  }>(
    state.databaseUrl,
    `SELECT kind, recipient_email, delivery, status, attempts, message_id, next_attempt_at FROM notification WHERE source_key LIKE $1 ORDER BY created_at`,
    [`${sourcePrefix}%`],
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until no immediate mail is waiting: a refusal asked for next is then spent on the mail the test causes. */
async function outboxSettled(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await queryRows<{ n: number }>(
      state.databaseUrl,
      `SELECT count(*)::int AS n FROM notification WHERE status = 'PENDING' AND delivery = 'IMMEDIATE' AND next_attempt_at <= now() + interval '5 seconds'`,
    );
    if (n === 0) return;
    await sleep(200);
  }
  throw new Error('the outbox did not drain within 20 s');
}

async function submit(overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  return (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, overrides) })).submitReferral;
}

describe('what a move causes', () => {
  it('an offer reaches the offered partner: Japanese, category, area, due time in JST, a link, from MAIL_FROM, no resident', async () => {
    const referral = await submit();
    const mail = await catcher.waitFor(about(city.emails.first, '新しい依頼の打診', referral.id));
    expect(mail.subject).toBe('【テスト市 つなぐ】新しい依頼の打診があります');
    expect(mail.from).toBe('no-reply@tsunagu.test');
    expect(mail.messageId).toMatch(/^<n-[0-9a-f-]{36}@tsunagu\.test>$/);
    expect(mail.text).toContain('種別: 移動支援');
    expect(mail.text).toContain(`地区: テスト ${city.areaCode}`);
    expect(mail.text).toMatch(/回答期限: \d{4}年\d{1,2}月\d{1,2}日\(.\) 17:15/);
    expect(mail.text).toContain(`https://tsunagu.test.example/referrals/${referral.id}`);
    expect(mail.html).toContain(`href="https://tsunagu.test.example/referrals/${referral.id}"`);
    for (const resident of ['山田', '072-000-1111', '通院']) expect(mail.raw).not.toContain(resident);
    // The submitter made the move: not told of it. One row per recipient, keyed on the handoff.
    const rows = await rowsOf(`referral:${referral.id}:`);
    expect(rows.map((r) => [r.kind, r.recipient_email])).toEqual([['OFFER', city.emails.first]]);
  });

  it('declined, offered on, unmatched, escalated to tier-1; accepted, returned, completed: each to whom the issue says', async () => {
    const declinedTwice = await submit();
    await catcher.waitFor(about(city.emails.first, '新しい依頼の打診', declinedTwice.id));
    await first.data(DECLINE, { id: declinedTwice.id, reason: 'NO_CAPACITY' });
    const declined = await catcher.waitFor(about(city.emails.tier2, '依頼が辞退されました', declinedTwice.id));
    expect(declined.text).toContain('理由: 受入れ余力なし');
    expect(declined.text).toContain(`連携先: ${city.first.name}`);
    await catcher.waitFor(about(city.emails.second, '新しい依頼の打診', declinedTwice.id));
    await second.data(DECLINE, { id: declinedTwice.id, reason: 'OUT_OF_AREA' });
    await catcher.waitFor(about(city.emails.tier2, 'つなぎ先が見つかりません', declinedTwice.id));
    await tier2.data(ESCALATE, { id: declinedTwice.id, note: '市へ相談' });
    const escalated = await catcher.waitFor(about(city.emails.tier1, '第1層SCに上げられました', declinedTwice.id));
    expect(escalated.text).toContain('経緯: コーディネーターが');

    const worked = await submit();
    await first.data(ACCEPT, { id: worked.id });
    await catcher.waitFor(about(city.emails.tier2, '依頼が受けられました', worked.id));
    await first.data(RETURN, { id: worked.id, reason: 'CANNOT_CONTINUE' });
    const returned = await catcher.waitFor(about(city.emails.tier2, '依頼が差し戻されました', worked.id));
    expect(returned.text).toContain('理由: 対応の継続が困難');
    await catcher.waitFor(about(city.emails.second, '新しい依頼の打診', worked.id));
    await second.data(ACCEPT, { id: worked.id });
    await second.data(START, { id: worked.id });
    await second.data(COMPLETE, { id: worked.id, outcome: 'RESOLVED' });
    const completed = await catcher.waitFor(about(city.emails.tier2, '依頼が完了しました', worked.id));
    expect(completed.text).toContain('結果: 解決');

    // Nobody was told twice, and nobody of a move they made themselves.
    await outboxSettled();
    const rows = await rowsOf(`referral:${worked.id}:`);
    expect(rows.map((r) => `${r.kind} ${r.recipient_email}`)).toEqual([
      `OFFER ${city.emails.first}`,
      `ACCEPTED ${city.emails.tier2}`,
      `RETURNED ${city.emails.tier2}`,
      `OFFER ${city.emails.second}`,
      `ACCEPTED ${city.emails.tier2}`,
      `COMPLETED ${city.emails.tier2}`,
    ]);
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    const mails = (await catcher.mails()).filter((m) => (m.text ?? '').includes(worked.id));
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
  });

  it('a partner without users gets its offers at the address it opted in with (Organization.notificationEmail)', async () => {
    const address = `shop-${randomUUID().slice(0, 8)}@example.jp`;
    const { updateOrganization } = await admin.data(
      `mutation U($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { notificationEmail } }`,
      {
        id: city.shop.id,
        input: { notificationEmail: address },
      },
    );
    expect(updateOrganization).toEqual({ notificationEmail: address });
    const referral = await submit({
      category: 'SHOPPING',
      summary: '買い物の代行を週1回',
      subject: { displayName: '佐々木 K.', ageBand: '70代', contact: '072-000-2222' },
    });
    const mail = await catcher.waitFor(about(address, '新しい依頼の打診', referral.id));
    expect(mail.text).toContain('種別: 買い物支援');
  });

  it('an escalation at submission goes to tier-1', async () => {
    const referral = await submit({ destination: 'TIER1' });
    const mail = await catcher.waitFor(about(city.emails.tier1, '第1層SCに上げられました', referral.id));
    expect(mail.text).toContain('経緯: コーディネーターが');
  });
});

describe('account events', () => {
  it('account created and password reset reach the user, never with the password', async () => {
    // Another area's partner: its new users get no offers of this file.
    const email = `mail-${randomUUID().slice(0, 8)}@test.example`;
    const created = (
      await admin.data(CREATE_USER, { input: { email, displayName: '新規 利用者', role: 'PARTNER', organizationId: city.elsewhere.id } })
    ).createUser;
    const welcome = await catcher.waitFor(about(email, 'アカウントが作成されました'));
    expect(welcome.text).toContain('新規 利用者 様');
    expect(welcome.raw).not.toContain(created.temporaryPassword);
    const reset = (await admin.data(RESET, { id: created.user.id })).resetUserPassword;
    const resetMail = await catcher.waitFor(about(email, 'パスワードがリセットされました'));
    expect(resetMail.raw).not.toContain(reset.temporaryPassword);
  });

  it('a sign-in lock-out tells the user once', async () => {
    const login = (password: string) =>
      fetch(state.graphqlUrl, {
        method: 'POST',
        // Another client address than the one every test signs in from (the api trusts X-Forwarded-For from loopback).
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' },
        body: JSON.stringify({
          query: `mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
          variables: { e: city.emails.second, p: password },
        }),
      }).then((r) => r.json() as Promise<{ errors?: Array<{ extensions: { retryAfterSeconds?: number } }> }>);
    // TSUNAGU_LOGIN_MAX_FAILURES_PER_ACCOUNT is 5 in the e2e stack: the 6th and 7th attempts are refused.
    const limited: boolean[] = [];
    for (let i = 0; i < 7; i++) limited.push((await login(`wrong-${i}`)).errors?.[0]?.extensions.retryAfterSeconds !== undefined);
    expect(limited).toEqual([false, false, false, false, false, true, true]);
    await catcher.waitFor(about(city.emails.second, 'サインインが一時的に制限されました'));
    await outboxSettled();
    const [{ n }] = await queryRows<{ n: number }>(
      state.databaseUrl,
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'SIGN_IN_LOCKED' AND recipient_email = $1`,
      [city.emails.second],
    );
    expect(n).toBe(1);
  });
});

describe('preferences and the digest', () => {
  it('account events cannot be turned off', async () => {
    const response = await tier2.send(SET_PREFERENCE, { kind: 'SIGN_IN_LOCKED', delivery: 'OFF' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['delivery'] });
    const { myNotificationPreferences } = await tier2.data(`query { myNotificationPreferences { kind delivery changeable } }`);
    expect(myNotificationPreferences).toContainEqual({ kind: 'SIGN_IN_LOCKED', delivery: 'IMMEDIATE', changeable: false });
  });

  it('OFF writes nothing; DAILY_DIGEST waits for 08:30 JST of the next business morning, then comes as one mail', async () => {
    const city2 = await createTestCity(state.databaseUrl, 'digest');
    const [coordinator, partner] = await Promise.all([
      signIn(state.graphqlUrl, city2.emails.tier2, city2.password),
      signIn(state.graphqlUrl, city2.emails.first, city2.password),
    ]);
    await coordinator.data(SET_PREFERENCE, { kind: 'ACCEPTED', delivery: 'OFF' });
    expect((await coordinator.data(SET_PREFERENCE, { kind: 'COMPLETED', delivery: 'DAILY_DIGEST' })).setNotificationPreference).toEqual({
      kind: 'COMPLETED',
      delivery: 'DAILY_DIGEST',
      changeable: true,
    });
    await coordinator.data(SET_PREFERENCE, { kind: 'DECLINED', delivery: 'DAILY_DIGEST' });

    const a = (await coordinator.data(SUBMIT, { input: personNeed(city2.areaCode) })).submitReferral;
    const b = (await coordinator.data(SUBMIT, { input: personNeed(city2.areaCode) })).submitReferral;
    const before = new Date();
    await partner.data(ACCEPT, { id: a.id });
    await partner.data(START, { id: a.id });
    await partner.data(COMPLETE, { id: a.id, outcome: 'RESOLVED' });
    await partner.data(DECLINE, { id: b.id, reason: 'NO_CAPACITY' });
    await outboxSettled();

    const rowsA = await rowsOf(`referral:${a.id}:`);
    expect(rowsA.map((r) => r.kind)).toEqual(['OFFER', 'COMPLETED']); // ACCEPTED is OFF for the coordinator
    const digestRows = [...rowsA.filter((r) => r.kind === 'COMPLETED'), ...(await rowsOf(`referral:${b.id}:`)).filter((r) => r.kind === 'DECLINED')];
    expect(digestRows).toHaveLength(2);
    for (const row of digestRows) {
      expect(row).toMatchObject({ delivery: 'DAILY_DIGEST', status: 'PENDING' });
      expect(new Date(row.next_attempt_at).getTime()).toBe(nextDigestAt(before).getTime());
    }
    expect((await catcher.mails()).filter((m) => m.envelope.to.includes(city2.emails.tier2))).toEqual([]);

    // The morning comes (the rows' time moved, not the clock): one mail lists both.
    await queryRows(state.databaseUrl, `UPDATE notification SET next_attempt_at = now() WHERE recipient_email = $1 AND delivery = 'DAILY_DIGEST'`, [
      city2.emails.tier2,
    ]);
    const digest = await catcher.waitFor(about(city2.emails.tier2, 'のお知らせ（2件）'));
    expect(digest.text).toContain('依頼が完了しました');
    expect(digest.text).toContain('依頼が辞退されました');
    expect(digest.text).toContain(`/referrals/${a.id}`);
    expect(digest.text).toContain(`/referrals/${b.id}`);
    expect(digest.messageId).toMatch(/^<digest-[0-9a-f]{32}@tsunagu\.test>$/);
    await outboxSettled();
    const sent = await queryRows<{ status: string; message_id: string }>(
      state.databaseUrl,
      `SELECT status, message_id FROM notification WHERE recipient_email = $1 AND delivery = 'DAILY_DIGEST'`,
      [city2.emails.tier2],
    );
    for (let i = 0; i < 40 && sent.some((r) => r.status !== 'SENT'); i++) await sleep(100);
    expect(sent.map((r) => [r.status, r.message_id])).toEqual([
      ['SENT', digest.messageId],
      ['SENT', digest.messageId],
    ]);
  });
});

describe('reliability', () => {
  it('a refused mail is retried with backoff and arrives', async () => {
    await outboxSettled();
    await catcher.refuseNext(2, 451);
    const referral = await submit();
    const mail = await catcher.waitFor(about(city.emails.first, '新しい依頼の打診', referral.id), 30_000);
    await outboxSettled();
    const [row] = await rowsOf(`referral:${referral.id}:`);
    expect(row).toMatchObject({ status: 'SENT', attempts: 3, message_id: mail.messageId });
  });

  it('after MAIL_MAX_ATTEMPTS it is FAILED, listed for administrators, and retryNotification sends it', async () => {
    await outboxSettled();
    await catcher.refuseNext(3, 550);
    const referral = await submit();
    let failed: { id: string; kind: string; recipientEmail: string; attempts: number; lastError: string; referralId: string } | undefined;
    for (let i = 0; i < 100 && !failed; i++) {
      const { failedNotifications } = await admin.data(FAILED);
      failed = failedNotifications.edges
        .map((e: { node: typeof failed }) => e.node)
        .find((n: { referralId: string }) => n.referralId === referral.id);
      if (!failed) await sleep(200);
    }
    expect(failed).toMatchObject({ kind: 'OFFER', recipientEmail: city.emails.first, attempts: 3 });
    expect(failed!.lastError).toContain('550');
    // Not for anyone else.
    expect((await tier1.send(FAILED)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect((await admin.data(RETRY, { id: failed!.id })).retryNotification).toEqual({ id: failed!.id, status: 'PENDING', attempts: 0 });
    const mail = await catcher.waitFor(about(city.emails.first, '新しい依頼の打診', referral.id));
    expect(mail.messageId).toBe(`<n-${failed!.id}@tsunagu.test>`);
    expect((await admin.send(RETRY, { id: failed!.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a worker killed after the server took the mail but before marking it sends it again with the same Message-ID', async () => {
    await outboxSettled();
    // The server keeps the next mail at once but answers 250 only after 20 s: the worker dies waiting.
    await catcher.delayNext(1, 20_000);
    const email = `killed-${randomUUID().slice(0, 8)}@test.example`;
    await admin.data(CREATE_USER, { input: { email, displayName: '再送 確認', role: 'PARTNER', organizationId: city.elsewhere.id } });
    const firstCopy = await catcher.waitFor(about(email, 'アカウントが作成されました'));
    const pid = readE2eState().workerPid;
    const senders = childrenOf(pid); // its mail sender process (none while one is being started again)
    if (isAlive(pid)) await killWorker(pid);
    // The sender ends with it: one left behind would go on claiming the outbox beside the next worker's.
    for (const sender of senders) await waitUntil(() => !isRunning(sender), 5_000, `the mail sender ${sender} outlived its killed worker ${pid}`);
    const [pending] = await queryRows<{ status: string }>(state.databaseUrl, `SELECT status FROM notification WHERE recipient_email = $1`, [email]);
    expect(pending.status).toBe('PENDING');

    const started = await startDetachedWorker();
    writeE2eState(process.env.TSUNAGU_E2E_STATE_FILE!, { ...readE2eState(), workerPid: started.child.pid! });
    const copies = await catcher.waitForCount(about(email, 'アカウントが作成されました'), 2, 60_000);
    expect(copies[1].messageId).toBe(firstCopy.messageId);
    await outboxSettled();
    const [sent] = await queryRows<{ status: string; message_id: string }>(
      state.databaseUrl,
      `SELECT status, message_id FROM notification WHERE recipient_email = $1`,
      [email],
    );
    expect(sent).toEqual({ status: 'SENT', message_id: firstCopy.messageId });
  });
});

/** Whether `pid` runs: not gone and not a zombie (an orphan's exit is reaped by whatever runs as pid 1, if it does). */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number, failure: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
