// Password checks (login_attempt), for the rate limit of sign-ins: each attempt, whether it succeeded, and the failures
// that count against an account and a client address. No Nest here: the db tier runs these against a real PostgreSQL.
import type { DataSource, EntityManager } from 'typeorm';

/**
 * An attempt just recorded as a failure, with the earlier failures that count against it (epoch milliseconds, newest
 * first). The times are Postgres numerics, which may arrive as text: read them with Number().
 */
export interface RecordedAttempt {
  /** login_attempt's bigint id, as text. */
  id: string;
  /** When it was recorded (the database's clock), in epoch milliseconds. */
  at: number;
  /** The account's failures that count: within the window, after the password last changed, at most the account's limit. */
  account: number[];
  /** The client address's failures that count: within the window, at most the address's limit. */
  address: number[];
}

export interface AttemptLimits {
  windowSeconds: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export class LoginAttemptsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Records an attempt as a failure and reads, in the same statement, the failures before it that still count: so
   * concurrent guesses count against each other. A failure stops counting when the window has passed it and when the
   * same account later succeeded from the same address; for the account's count, also when it is older than
   * `passwordChangedAt`.
   */
  async recordAttempt(emailHash: string, clientAddress: string, passwordChangedAt: Date | null, limits: AttemptLimits): Promise<RecordedAttempt> {
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
      [emailHash, clientAddress, limits.windowSeconds, passwordChangedAt, limits.maxFailuresPerAccount, limits.maxFailuresPerAddress],
    );
    return row;
  }

  /** A refused attempt checked no password: it goes, so it does not lengthen the block. */
  async deleteAttempt(id: string): Promise<void> {
    await this.db.query(`DELETE FROM login_attempt WHERE id = $1`, [id]);
  }

  /** The password was right: a success clears this address's earlier failures for the account. */
  async markSucceeded(id: string): Promise<void> {
    await this.db.query(`UPDATE login_attempt SET success = true WHERE id = $1`, [id]);
  }

  /** Deletes the attempts older than `seconds`. */
  async deleteOlderThan(seconds: number): Promise<void> {
    await this.db.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(secs => $1)`, [seconds]);
  }
}
