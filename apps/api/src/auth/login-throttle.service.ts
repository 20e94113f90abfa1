import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationKind } from '@tsunagu/domain';
import { errorForLog, NotificationOutbox } from '@tsunagu/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { tooManyAttempts } from '../common/graphql-errors';
import { UsersRepository } from '../users/users.repository';
import { LoginAttemptsRepository } from './login-attempts.repository';
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
  private readonly attempts: LoginAttemptsRepository;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.attempts = new LoginAttemptsRepository(db);
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
    const row = await this.attempts.recordAttempt(emailHash, address, passwordChangedAt, limits);
    if (Number(row.id) % PRUNE_EVERY === 0) this.prune();
    const decision = decideLoginAttempt(new Date(Number(row.at)), limits.windowSeconds, [
      { limit: limits.maxFailuresPerAccount, failures: row.account.map((at) => new Date(Number(at))) },
      { limit: limits.maxFailuresPerAddress, failures: row.address.map((at) => new Date(Number(at))) },
    ]);
    if (!decision.allowed) {
      await this.db.transaction(async (tx) => {
        await new LoginAttemptsRepository(tx).deleteAttempt(row.id);
        if (row.account.length >= limits.maxFailuresPerAccount) await this.tellLocked(tx, email, row.account);
      });
      throw tooManyAttempts(decision.retryAfterSeconds);
    }
    return { id: row.id };
  }

  /** The password was right: the attempt is a success, and clears this address's earlier failures for the account. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.attempts.markSucceeded(attempt.id);
  }

  /**
   * The account's limit is reached: its user is told by mail (docs/NOTIFICATIONS.md, SIGN_IN_LOCKED). Keyed on the
   * oldest failure that counts, so every refused attempt of one lock-out makes the same outbox row (written once).
   */
  private async tellLocked(tx: EntityManager, email: string, failures: number[]): Promise<void> {
    const user = await new UsersRepository(tx).findActiveNameByEmail(email.trim().toLowerCase());
    if (!user) return; // an unknown address: nobody to tell
    const oldest = Math.min(...failures.map(Number));
    await new NotificationOutbox(tx).enqueue({
      sourceKey: `user:${user.id}:${NotificationKind.SIGN_IN_LOCKED}:${oldest}`,
      kind: NotificationKind.SIGN_IN_LOCKED,
      facts: { recipientName: user.displayName },
      recipients: { userId: user.id },
      at: new Date(),
    });
  }

  private prune(): void {
    this.attempts
      .deleteOlderThan(KEEP_SECONDS)
      // Class, message and stack only: the error object would carry the query's parameters.
      .catch((error: unknown) => new Logger('LoginThrottle').error(`api: pruning old login attempts failed: ${errorForLog(error)}`));
  }
}
