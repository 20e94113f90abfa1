import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Transporter } from 'nodemailer';
import { NotificationFacts, NotificationKind, renderDigest, renderNotification, type MailContext, type RenderedMail } from '@tsunagu/domain';
import { errorForLog } from '@tsunagu/persistence';
import { MailConfig, retryDelaySeconds } from './mail-config';

interface OutboxRow {
  id: string;
  kind: NotificationKind;
  recipient_key: string;
  recipient_email: string;
  facts: NotificationFacts;
  attempts: number;
}

/**
 * Sends the outbox (docs/NOTIFICATIONS.md). Each claim is one transaction: lock a due row (`FOR UPDATE SKIP LOCKED`,
 * so several workers share the rows), send it, mark it SENT or note the failure, commit. A worker killed between the
 * server's 250 and the commit leaves the row PENDING: it is sent again, with the same Message-ID (derived from the
 * row), so the receiving side can tell the duplicate. A digest claims all of one user's due digest rows at once.
 */
export class MailSender {
  private readonly log = new Logger('MailSender');
  private readonly context: MailContext;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly transport: Pick<Transporter, 'sendMail'>,
    private readonly config: MailConfig,
  ) {
    this.context = { cityName: config.cityName, consoleUrl: config.consoleUrl };
  }

  start(): void {
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.drain().catch((error) => this.log.error(`mail: sending failed, trying again shortly:\n${errorForLog(error)}`));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.config.pollMs);
    };
    void loop();
  }

  /** Waits for the mails being sent, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Everything due now: `concurrency` lanes claim until none is left. */
  async drain(): Promise<void> {
    const lane = async () => {
      while (!this.stopped && ((await this.sendOneImmediate()) || (await this.sendOneDigest()))) {
        // next claim
      }
    };
    await Promise.all(Array.from({ length: this.config.concurrency }, lane));
  }

  /** Claims, sends and marks one immediate row; false when none is due. */
  async sendOneImmediate(): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row]: OutboxRow[] = await tx.query(
        `SELECT id, kind, recipient_key, recipient_email, facts, attempts FROM notification
          WHERE status = 'PENDING' AND delivery = 'IMMEDIATE' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return false;
      const mail = renderNotification({ kind: row.kind, facts: row.facts }, this.context);
      await this.deliver(tx, [row], row.recipient_email, `<n-${row.id}@${this.config.messageIdDomain}>`, mail);
      return true;
    });
  }

  /** Claims one recipient's due digest rows, sends them as one mail and marks them; false when none is due. */
  async sendOneDigest(): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [first]: Array<{ recipient_key: string }> = await tx.query(
        `SELECT recipient_key FROM notification
          WHERE status = 'PENDING' AND delivery = 'DAILY_DIGEST' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!first) return false;
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, kind, recipient_key, recipient_email, facts, attempts FROM notification
          WHERE recipient_key = $1 AND status = 'PENDING' AND delivery = 'DAILY_DIGEST' AND next_attempt_at <= now()
          ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
        [first.recipient_key],
      );
      if (rows.length === 0) return true; // another worker took them between the two reads
      // The same rows give the same Message-ID, so a digest sent again after a crash is recognisably the same.
      const digestKey = createHash('sha256')
        .update(rows.map((r) => r.id).join(','))
        .digest('hex')
        .slice(0, 32);
      const mail = renderDigest(
        rows.map((r) => ({ kind: r.kind, facts: r.facts })),
        new Date(),
        this.context,
      );
      await this.deliver(tx, rows, rows[0].recipient_email, `<digest-${digestKey}@${this.config.messageIdDomain}>`, mail);
      return true;
    });
  }

  private async deliver(tx: EntityManager, rows: OutboxRow[], to: string, messageId: string, mail: RenderedMail): Promise<void> {
    const ids = rows.map((r) => r.id);
    try {
      await this.transport.sendMail({ from: this.config.from, to, subject: mail.subject, text: mail.text, html: mail.html, messageId });
    } catch (error) {
      const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
      const failed = attempts >= this.config.maxAttempts;
      const problem = smtpProblem(error);
      await tx.query(
        `UPDATE notification SET attempts = $2, last_error = $3, status = $4,
                next_attempt_at = now() + make_interval(secs => $5) WHERE id = ANY($1::uuid[])`,
        [ids, attempts, problem, failed ? 'FAILED' : 'PENDING', retryDelaySeconds(attempts, this.config.retryBaseSeconds)],
      );
      const what = `${rows.length > 1 ? `digest of ${rows.length}` : rows[0].kind} ${messageId}`;
      if (failed) this.log.error(`mail: ${what} FAILED after ${attempts} attempts (failedNotifications lists it): ${problem}`);
      else this.log.warn(`mail: ${what} attempt ${attempts} failed, retrying: ${problem}`);
      return;
    }
    await tx.query(`UPDATE notification SET status = 'SENT', sent_at = now(), message_id = $2, attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [
      ids,
      messageId,
    ]);
  }
}

/** The SMTP answer (code and text) or the connection error: what an administrator needs, not the mail. */
function smtpProblem(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const text = e.response ?? e.message ?? String(error);
  return [e.code, e.responseCode, text]
    .filter((part) => part !== undefined && part !== '')
    .join(' ')
    .slice(0, 500);
}
