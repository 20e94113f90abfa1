import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Transporter } from 'nodemailer';
import { renderDigest, renderNotification, type MailContext, type RenderedMail } from '@tsunagu/domain';
import { ClaimedNotification, errorForLog, immediateMessageId, NotificationDeliveries } from '@tsunagu/persistence';
import { MailConfig, retryDelaySeconds } from './mail-config';

/**
 * Sends the outbox (docs/NOTIFICATIONS.md). Each claim is one transaction: lock a batch of due rows (`FOR UPDATE SKIP
 * LOCKED`, so several workers share the rows), send them, mark them SENT or note the failures, commit. A worker killed
 * between a server's 250 and the commit leaves the batch PENDING: it is sent again, with the same Message-IDs (derived
 * from the rows), so the receiving side can tell the duplicates. A digest claims all of one user's due digest rows.
 * The SQL is NotificationDeliveries' (libs/persistence).
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

  /** Everything due now: immediate rows batch after batch, then the digests, until none is left. */
  async drain(): Promise<void> {
    while (!this.stopped && (await this.sendImmediateBatch()) === this.config.batchSize) {
      // a full batch: more may be due
    }
    while (!this.stopped && (await this.sendOneDigest())) {
      // next recipient's digest
    }
  }

  /**
   * Claims up to `batchSize` due immediate rows in one transaction, sends them over the pooled SMTP connections
   * (`concurrency` at once), marks them and commits; the number claimed. One transaction and two statements per batch
   * instead of four per mail: the sender's share of PostgreSQL's and its own CPU grows with batches, not mails
   * (docs/BENCHMARKS.md, "Mail"). A failed mail is noted on its row; the rest of the batch goes on.
   */
  async sendImmediateBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const outbox = new NotificationDeliveries(tx);
      const rows = await outbox.claimImmediate(this.config.batchSize, { quietMs: this.config.quietMs, maxHoldMs: this.config.maxHoldMs });
      if (rows.length === 0) return 0;
      const sent: string[] = [];
      let next = 0;
      const lane = async () => {
        while (next < rows.length) {
          const row = rows[next++];
          const mail = renderNotification({ kind: row.kind, facts: row.facts }, this.context);
          if (await this.deliver(outbox, [row], immediateMessageId(row.id, this.config.messageIdDomain), mail)) sent.push(row.id);
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.config.concurrency, rows.length) }, lane));
      if (sent.length) await outbox.markSent(sent, { domain: this.config.messageIdDomain });
      return rows.length;
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
      const messageId = `<digest-${digestKey}@${this.config.messageIdDomain}>`;
      if (await this.deliver(outbox, rows, messageId, mail))
        await outbox.markSent(
          rows.map((r) => r.id),
          { digest: messageId },
        );
      return true;
    });
  }

  /** Sends one mail; on failure notes it on its rows (retry later or FAILED) and answers false. */
  private async deliver(outbox: NotificationDeliveries, rows: ClaimedNotification[], messageId: string, mail: RenderedMail): Promise<boolean> {
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
      await outbox.markAttemptFailed(
        rows.map((r) => r.id),
        { attempts, problem, final, retryInSeconds: retryDelaySeconds(attempts, this.config.retryBaseSeconds) },
      );
      const what = `${rows.length > 1 ? `digest of ${rows.length}` : rows[0].kind} ${messageId}`;
      if (final) this.log.error(`mail: ${what} FAILED after ${attempts} attempts (failedNotifications lists it): ${problem}`);
      else this.log.warn(`mail: ${what} attempt ${attempts} failed, retrying: ${problem}`);
      return false;
    }
    return true;
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
