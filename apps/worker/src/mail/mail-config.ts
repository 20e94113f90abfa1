import { readInteger, readString, readUrl, type Env } from '@tsunagu/domain';

/** The sender's settings (docs/OPERATIONS.md, "Mail"); read and checked at the worker's start. */
export interface MailConfig {
  /** Unset: mail is off, rows wait in the outbox (docs/NOTIFICATIONS.md). */
  smtpUrl: string | null;
  /** The From address: `no-reply@…` or `つなぐ <no-reply@…>`. */
  from: string;
  /** The domain of Message-IDs: MAIL_FROM's. */
  messageIdDomain: string;
  cityName: string;
  /** Without a trailing slash. */
  consoleUrl: string;
  pollMs: number;
  /** Mails of a batch sent at once, and the SMTP connections kept open (nodemailer's pool). */
  concurrency: number;
  /** Immediate rows claimed (locked, sent, marked) per transaction. */
  batchSize: number;
  /** Immediate mail waits until no immediate row was written for this long (the moves pause)… */
  quietMs: number;
  /** …or until a due row has waited this long. */
  maxHoldMs: number;
  /** The sender process's nice value: 19, the lowest priority, so on a busy machine mail waits and the moves do not. */
  senderNice: number;
  maxAttempts: number;
  retryBaseSeconds: number;
}

export function readMailConfig(env: Env): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() ? readUrl(env, 'SMTP_URL', ['smtp', 'smtps']) : null;
  const from = readString(env, 'MAIL_FROM', 'no-reply@tsunagu.invalid');
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1];
  if (!domain) throw new Error(`Configuration error: MAIL_FROM must be an email address, got "${from}"`);
  return {
    smtpUrl,
    from,
    messageIdDomain: domain,
    cityName: readString(env, 'TSUNAGU_CITY_NAME', 'つなぐ市'),
    consoleUrl: readUrl(env, 'CONSOLE_URL', ['http', 'https'], 'http://localhost:4000').replace(/\/+$/, ''),
    pollMs: readInteger(env, 'MAIL_POLL_MS', 1000, { min: 50, max: 60_000 }),
    concurrency: readInteger(env, 'MAIL_CONCURRENCY', 4, { min: 1, max: 32 }),
    batchSize: readInteger(env, 'MAIL_BATCH_SIZE', 50, { min: 1, max: 1000 }),
    quietMs: readInteger(env, 'MAIL_QUIET_MS', 1000, { min: 0, max: 60_000 }),
    maxHoldMs: readInteger(env, 'MAIL_MAX_HOLD_MS', 30_000, { min: 0, max: 600_000 }),
    senderNice: readInteger(env, 'MAIL_SENDER_NICE', 19, { min: 0, max: 19 }),
    maxAttempts: readInteger(env, 'MAIL_MAX_ATTEMPTS', 8, { min: 1, max: 100 }),
    retryBaseSeconds: readInteger(env, 'MAIL_RETRY_BASE_SECONDS', 30, { min: 1, max: 3600 }),
  };
}

/** The wait before attempt `attempts + 1`: base × 2^(attempts − 1), at most an hour. */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempts - 1));
}
