// The sender's claims on a real PostgreSQL (db tier), with a recording transport in place of the SMTP server (the e2e
// tier sends to a real one): immediate rows are claimed in batches, each mail keeps its own Message-ID, and a mail the
// server refuses is retried later without holding back the rest of its batch.
import { randomUUID } from 'node:crypto';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import type { MailConfig } from './mail-config';
import { MailSender } from './mail-sender';

// The sender logs through Nest's Logger and imports @tsunagu/persistence's index, which loads Nest's modules: jest
// cannot require those (libs/testing/src/db/db-tier.ts). Nest's logging is not what is tested here; of the index, the
// sender needs NotificationDeliveries (its SQL, the real one from its own file) and errorForLog. (jest hoists these
// above the imports.)
jest.mock('@nestjs/common', () => ({
  Logger: class {
    error(): void {}
    warn(): void {}
  },
}));
jest.mock('@tsunagu/persistence', () => ({
  ...jest.requireActual('@tsunagu/persistence/notifications/notification-deliveries'),
  errorForLog: String,
}));

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());
beforeEach(() => t.db.query(`DELETE FROM notification`));

const config = (overrides: Partial<MailConfig> = {}): MailConfig => ({
  smtpUrl: 'smtp://127.0.0.1:1',
  from: 'no-reply@tsunagu.test',
  messageIdDomain: 'tsunagu.test',
  cityName: 'つなぐ市',
  consoleUrl: 'http://localhost:4000',
  pollMs: 1000,
  concurrency: 2,
  batchSize: 50,
  quietMs: 0,
  maxHoldMs: 0,
  senderNice: 19,
  maxAttempts: 8,
  retryBaseSeconds: 30,
  ...overrides,
});

/** Records what it is asked to send; refuses (451) mails to the addresses in `refuse`. */
function recordingTransport(refuse: string[] = []) {
  const sent: Array<{ to: string; messageId: string; subject: string }> = [];
  return {
    sent,
    sendMail: async (mail: { to: string; messageId: string; subject: string }) => {
      if (refuse.includes(mail.to)) throw Object.assign(new Error('try again later'), { responseCode: 451 });
      sent.push({ to: mail.to, messageId: mail.messageId, subject: mail.subject });
      return {} as never; // what nodemailer answers is not read
    },
  };
}

async function due(count: number, dueInSeconds = -1): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const [row]: Array<{ id: string }> = await t.db.query(
      `INSERT INTO notification (source_key, recipient_key, kind, recipient_email, facts, delivery, next_attempt_at)
       VALUES ($1, 'org:test', 'OFFER', $2, $3::jsonb, 'IMMEDIATE', now() + make_interval(secs => $4)) RETURNING id`,
      [
        `test:${randomUUID()}`,
        `partner-${n}@tsunagu.test`,
        JSON.stringify({ referralId: randomUUID(), category: 'TRANSPORT', areaName: '川西' }),
        dueInSeconds,
      ],
    );
    ids.push(row.id);
  }
  return ids;
}

const rows = (ids: string[]) =>
  t.db.query(
    `SELECT id, status, attempts, message_id, last_error, next_attempt_at > now() AS later FROM notification WHERE id = ANY($1::uuid[]) ORDER BY recipient_email`,
    [ids],
  ) as Promise<Array<{ id: string; status: string; attempts: number; message_id: string | null; last_error: string | null; later: boolean }>>;

it('claims the due immediate rows in batches of MAIL_BATCH_SIZE, each mail with its own Message-ID, and marks them SENT', async () => {
  const ids = await due(5);
  const [notYet] = await due(1, 3600);
  const transport = recordingTransport();
  const sender = new MailSender(t.db, transport, config({ batchSize: 2 }));

  expect(await sender.sendImmediateBatch()).toBe(2);
  expect(transport.sent).toHaveLength(2);
  await sender.drain();

  expect(transport.sent).toHaveLength(5);
  expect(transport.sent.map((mail) => mail.messageId).sort()).toEqual(ids.map((id) => `<n-${id}@tsunagu.test>`).sort());
  for (const row of await rows(ids)) expect(row).toMatchObject({ status: 'SENT', attempts: 1, message_id: `<n-${row.id}@tsunagu.test>` });
  expect(await rows([notYet])).toMatchObject([{ status: 'PENDING', attempts: 0, message_id: null }]);
});

it('notes a refused mail for a later attempt and still sends and marks the rest of its batch', async () => {
  const ids = await due(3);
  const transport = recordingTransport(['partner-1@tsunagu.test']);
  await new MailSender(t.db, transport, config()).drain();

  expect(transport.sent.map((mail) => mail.to).sort()).toEqual(['partner-0@tsunagu.test', 'partner-2@tsunagu.test']);
  const [first, refused, third] = await rows(ids);
  expect(first).toMatchObject({ status: 'SENT', attempts: 1 });
  expect(third).toMatchObject({ status: 'SENT', attempts: 1 });
  expect(refused).toMatchObject({ status: 'PENDING', attempts: 1, message_id: null, later: true, last_error: expect.stringContaining('451') });
});
