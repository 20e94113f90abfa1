import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationFacts, NotificationKind } from '@tsunagu/domain';

/** An outbox row claimed for sending: locked until the claiming transaction ends. */
export interface ClaimedNotification {
  id: string;
  kind: NotificationKind;
  recipientKey: string;
  recipientEmail: string;
  facts: NotificationFacts;
  attempts: number;
}

interface Row {
  id: string;
  kind: NotificationKind;
  recipient_key: string;
  recipient_email: string;
  facts: NotificationFacts;
  attempts: number;
}

/** An immediate row's Message-ID: derived from the row, so a mail sent again after a crash carries the same one. */
export function immediateMessageId(id: string, domain: string): string {
  return `<n-${id}@${domain}>`;
}

const toClaimed = (r: Row): ClaimedNotification => ({
  id: r.id,
  kind: r.kind,
  recipientKey: r.recipient_key,
  recipientEmail: r.recipient_email,
  facts: r.facts,
  attempts: r.attempts,
});

/** Rows written and not yet sent or failed: the outbox backlog gauge (docs/OPERATIONS.md, "Metrics and health"). */
export async function countPendingNotifications(db: DataSource | EntityManager): Promise<number> {
  const [row] = (await db.query(`SELECT count(*)::int AS pending FROM notification WHERE status = 'PENDING'`)) as { pending: number }[];
  return row.pending;
}

/**
 * The sender's side of the outbox (docs/NOTIFICATIONS.md, "Delivery states and the sender"), in the transaction it is
 * given: the sender claims, sends while the rows stay locked, then marks them, and commits. Rows are locked with
 * `FOR UPDATE SKIP LOCKED`, so several workers share the work without waiting on each other.
 */
export class NotificationDeliveries {
  constructor(private readonly tx: EntityManager) {}

  /**
   * Up to `limit` due immediate rows, the longest due first, locked; none when none is due. With `pause`, none either
   * while handoffs are still coming (an immediate row written within the last `quietMs`), unless a due row has waited
   * `maxHoldMs`: mail goes out in the pauses between moves, so sending never competes with them for the CPU, and is at
   * most `maxHoldMs` late when the moves never pause (docs/NOTIFICATIONS.md, "Delivery states and the sender").
   */
  async claimImmediate(limit: number, pause?: { quietMs: number; maxHoldMs: number }): Promise<ClaimedNotification[]> {
    const rows: Row[] = await this.tx.query(
      `SELECT id, kind, recipient_key, recipient_email, facts, attempts FROM notification
        WHERE status = 'PENDING' AND delivery = 'IMMEDIATE' AND next_attempt_at <= now()
          AND ($2::int = 0
               OR NOT EXISTS (SELECT 1 FROM notification WHERE status = 'PENDING' AND delivery = 'IMMEDIATE'
                               AND created_at > now() - make_interval(secs => $2::int / 1000.0))
               OR EXISTS (SELECT 1 FROM notification WHERE status = 'PENDING' AND delivery = 'IMMEDIATE'
                           AND next_attempt_at <= now() - make_interval(secs => $3::int / 1000.0)))
        ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, pause?.quietMs ?? 0, pause?.maxHoldMs ?? 0],
    );
    return rows.map(toClaimed);
  }

  /**
   * All due digest rows of the recipient due first, locked, oldest first; null when no digest is due, [] when another
   * worker sent them between the two reads.
   */
  async claimDigest(): Promise<ClaimedNotification[] | null> {
    // One lane per recipient: an advisory lock on the recipient (held until commit) keeps two lanes or workers from
    // each sending a part of one user's digest. Row locks alone would not: each could lock a different row.
    // OFFSET 0 keeps the lock out of the subquery: PostgreSQL would otherwise push it down into the grouping, where it
    // runs for every recipient before the LIMIT, and one lane would hold all recipients' locks.
    const [first]: Array<{ recipient_key: string }> = await this.tx.query(
      `SELECT recipient_key FROM (
         SELECT recipient_key, min(next_attempt_at) AS due FROM notification
          WHERE status = 'PENDING' AND delivery = 'DAILY_DIGEST' AND next_attempt_at <= now()
          GROUP BY recipient_key ORDER BY due OFFSET 0) d
        WHERE pg_try_advisory_xact_lock(hashtext('tsunagu:digest:' || d.recipient_key)) LIMIT 1`,
    );
    if (!first) return null;
    const rows: Row[] = await this.tx.query(
      `SELECT id, kind, recipient_key, recipient_email, facts, attempts FROM notification
        WHERE recipient_key = $1 AND status = 'PENDING' AND delivery = 'DAILY_DIGEST' AND next_attempt_at <= now()
        ORDER BY created_at, id FOR UPDATE`,
      [first.recipient_key],
    );
    return rows.map(toClaimed);
  }

  /**
   * Marks rows SENT with the Message-ID they went out with: a digest's (one for all its rows), or each immediate row's
   * own, `<n-<row id>@<domain>>` (the same on every attempt, docs/NOTIFICATIONS.md).
   */
  async markSent(ids: readonly string[], messageId: { digest: string } | { domain: string }): Promise<void> {
    await this.tx.query(
      `UPDATE notification SET status = 'SENT', sent_at = now(), attempts = attempts + 1,
              message_id = COALESCE($2, '<n-' || id || '@' || $3 || '>') WHERE id = ANY($1::uuid[])`,
      [ids, 'digest' in messageId ? messageId.digest : null, 'domain' in messageId ? messageId.domain : null],
    );
  }

  /** A failed attempt: FAILED when it was the last one, else PENDING again, due after `retryInSeconds`. */
  async markAttemptFailed(
    ids: readonly string[],
    attempt: { attempts: number; problem: string; final: boolean; retryInSeconds: number },
  ): Promise<void> {
    await this.tx.query(
      `UPDATE notification SET attempts = $2, last_error = $3, status = $4,
              next_attempt_at = now() + make_interval(secs => $5) WHERE id = ANY($1::uuid[])`,
      [ids, attempt.attempts, attempt.problem, attempt.final ? 'FAILED' : 'PENDING', attempt.retryInSeconds],
    );
  }
}
