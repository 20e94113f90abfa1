import { MigrationInterface, QueryRunner } from 'typeorm';

// Notifications by mail (docs/NOTIFICATIONS.md): the outbox, one row per recipient written in the transaction of the
// handoff that causes it; each user's choice per kind; an opted-in address for partners without users.
export class Notifications1765757000000 implements MigrationInterface {
  name = 'Notifications1765757000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_key text NOT NULL,
        recipient_key text NOT NULL,
        kind text NOT NULL,
        recipient_user_id uuid REFERENCES app_user (id),
        recipient_email text NOT NULL,
        facts jsonb NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST')),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        message_id text,
        -- A retried activity writes the same handoff again: its rows are already there.
        CONSTRAINT notification_source_recipient_key UNIQUE (source_key, recipient_key)
      )`);
    // The sender's claim: due rows only.
    await db.query(`CREATE INDEX notification_due_idx ON notification (delivery, next_attempt_at) WHERE status = 'PENDING'`);
    await db.query(`CREATE INDEX notification_failed_idx ON notification (created_at) WHERE status = 'FAILED'`);
    await db.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
    // Set = the organisation opted in to mail at this address (partners without users only).
    await db.query(`ALTER TABLE organization ADD COLUMN notification_email text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organization DROP COLUMN notification_email`);
    await db.query(`DROP TABLE notification_preference`);
    await db.query(`DROP TABLE notification`);
  }
}
