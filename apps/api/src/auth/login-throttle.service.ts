import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationKind } from '@tsunagu/domain';
import { errorForLog, NotificationOutbox } from '@tsunagu/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { tooManyAttempts } from '../common/graphql-errors';
import { clientAddressKey, decideLoginAttempt } from './login-rate-limit';

/** An attempt recorded as a failure until `succeeded` says otherwise. */
export interface LoginAttempt {
  id: string;
}

/** Attempts older than this are deleted (the longest window allowed is a day). */
const KEEP_SECONDS = 24 * 60 * 60;
/** Every this many attempts, one process deletes the old ones. */
const PRUNE_EVERY = 100;

/**
 * Rate limiting of password checks (sign-in, and the current password when changing it), per account and per client
 * address, in the `login_attempt` table so every api process sees the same counts.
 *
 * An attempt is written as a failure *before* the password is checked, and the failures recorded before it decide
 * whether it may go ahead: so concurrent guesses, on one process or many, count against each other. A refused attempt
 * is deleted again (it checked no password, so it does not lengthen the block). A failure stops counting when the window
 * has passed it, when the same account later signs in successfully from the same address (a typo followed by the right
 * password; a success elsewhere does not clear an attacker's failures), and, for the account's count, when its password
 * has changed since (an administrator's reset lifts the block).
 */
@Injectable()
export class LoginThrottle {
  private readonly emailKey: Buffer;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.emailKey = createHmac('sha256', config.jwtSecret).update('tsunagu:login_attempt:email_hash').digest();
  }

  /**
   * Records an attempt for the account (an email, known or not) from the client address, and throws the rate-limit
   * error when it may not go ahead. `passwordChangedAt` is the account's, when the email belongs to a user.
   */
  async begin(email: string, clientAddress: string | undefined, passwordChangedAt: Date | null): Promise<LoginAttempt> {
    const limits = this.config.loginLimits;
    const emailHash = createHmac('sha256', this.emailKey).update(email.trim().toLowerCase()).digest('hex');
    const address = clientAddressKey(clientAddress);
    const [row]: Array<{ id: string; at: number; account: number[]; address: number[] }> = await this.db.query(
      `WITH mine AS (
         INSERT INTO login_attempt (email_hash, client_address, success) VALUES ($1, $2, false) RETURNING id, at
       )
       SELECT mine.id::text AS id, extract(epoch FROM mine.at) * 1000 AS at,
              ARRAY(SELECT extract(epoch FROM f.at) * 1000 FROM login_attempt f
                     WHERE f.email_hash = $1 AND NOT f.success AND f.id < mine.id
                       AND f.at > greatest(mine.at - make_interval(secs => $3), $4::timestamptz)
                       AND NOT EXISTS (SELECT 1 FROM login_attempt s WHERE s.email_hash = f.email_hash
                                          AND s.client_address = f.client_address AND s.success AND s.id > f.id)
                     ORDER BY f.id DESC LIMIT $5) AS account,
              ARRAY(SELECT extract(epoch FROM f.at) * 1000 FROM login_attempt f
                     WHERE f.client_address = $2 AND NOT f.success AND f.id < mine.id
                       AND f.at > mine.at - make_interval(secs => $3)
                       AND NOT EXISTS (SELECT 1 FROM login_attempt s WHERE s.email_hash = f.email_hash
                                          AND s.client_address = f.client_address AND s.success AND s.id > f.id)
                     ORDER BY f.id DESC LIMIT $6) AS address
         FROM mine`,
      [emailHash, address, limits.windowSeconds, passwordChangedAt, limits.maxFailuresPerAccount, limits.maxFailuresPerAddress],
    );
    if (Number(row.id) % PRUNE_EVERY === 0) this.prune();
    const decision = decideLoginAttempt(new Date(Number(row.at)), limits.windowSeconds, [
      { limit: limits.maxFailuresPerAccount, failures: row.account.map((at) => new Date(Number(at))) },
      { limit: limits.maxFailuresPerAddress, failures: row.address.map((at) => new Date(Number(at))) },
    ]);
    if (!decision.allowed) {
      await this.db.transaction(async (tx) => {
        await tx.query(`DELETE FROM login_attempt WHERE id = $1`, [row.id]);
        if (row.account.length >= limits.maxFailuresPerAccount) await this.tellLocked(tx, email, row.account);
      });
      throw tooManyAttempts(decision.retryAfterSeconds);
    }
    return { id: row.id };
  }

  /** The password was right: the attempt is a success, and clears this address's earlier failures for the account. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.db.query(`UPDATE login_attempt SET success = true WHERE id = $1`, [attempt.id]);
  }

  /**
   * The account's limit is reached: its user is told by mail (docs/NOTIFICATIONS.md, SIGN_IN_LOCKED). Keyed on the
   * oldest failure that counts, so every refused attempt of one lock-out makes the same outbox row (written once).
   */
  private async tellLocked(tx: EntityManager, email: string, failures: number[]): Promise<void> {
    const [user]: Array<{ id: string; display_name: string }> = await tx.query(`SELECT id, display_name FROM app_user WHERE email = $1 AND active`, [
      email.trim().toLowerCase(),
    ]);
    if (!user) return; // an unknown address: nobody to tell
    const oldest = Math.min(...failures.map(Number));
    await new NotificationOutbox(tx).enqueue({
      sourceKey: `user:${user.id}:${NotificationKind.SIGN_IN_LOCKED}:${oldest}`,
      kind: NotificationKind.SIGN_IN_LOCKED,
      facts: { recipientName: user.display_name },
      recipients: { userId: user.id },
      at: new Date(),
    });
  }

  private prune(): void {
    this.db
      .query(`DELETE FROM login_attempt WHERE at < now() - make_interval(secs => $1)`, [KEEP_SECONDS])
      // Class, message and stack only: the error object would carry the query's parameters.
      .catch((error: unknown) => new Logger('LoginThrottle').error(`api: pruning old login attempts failed: ${errorForLog(error)}`));
  }
}
