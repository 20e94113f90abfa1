import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Transporter } from 'nodemailer';
import { renderDigest, renderNotification, type MailContext, type RenderedMail } from '@tsunagu/domain';
import { ClaimedNotification, errorForLog, immediateMessageId, NotificationDeliveries } from '@tsunagu/persistence';
import { MailConfig, retryDelaySeconds } from './mail-config';

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
      const outbox = new NotificationDeliveries(tx);
      const [row] = await outbox.claimImmediate(1);
      if (!row) return false;
      const mail = renderNotification({ kind: row.kind, facts: row.facts }, this.context);
      await this.deliver(outbox, [row], immediateMessageId(row.id, this.config.messageIdDomain), mail);
      return true;
    });
  }

  /** Claims one recipient's due digest rows, sends them as one mail and marks them; false when none is due. */
  async sendOneDigest(): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const outbox = new NotificationDeliveries(tx);
      const rows = await outbox.claimDigest();
      if (rows === null) return false;
      if (rows.length === 0) return true; // another worker sent them between the two reads
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
      await this.deliver(outbox, rows, `<digest-${digestKey}@${this.config.messageIdDomain}>`, mail, true);
      return true;
    });
  }

  private async deliver(
    outbox: NotificationDeliveries,
    rows: ClaimedNotification[],
    messageId: string,
    mail: RenderedMail,
    digest = false,
  ): Promise<void> {
    const ids = rows.map((r) => r.id);
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: rows[0].recipientEmail,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
      });
    } catch (error) {
      const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
      const final = attempts >= this.config.maxAttempts;
      const problem = smtpProblem(error);
      await outbox.markAttemptFailed(ids, { attempts, problem, final, retryInSeconds: retryDelaySeconds(attempts, this.config.retryBaseSeconds) });
      const what = `${rows.length > 1 ? `digest of ${rows.length}` : rows[0].kind} ${messageId}`;
      if (final) this.log.error(`mail: ${what} FAILED after ${attempts} attempts (failedNotifications lists it): ${problem}`);
      else this.log.warn(`mail: ${what} attempt ${attempts} failed, retrying: ${problem}`);
      return;
    }
    await outbox.markSent(ids, digest ? { digest: messageId } : { domain: this.config.messageIdDomain });
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
