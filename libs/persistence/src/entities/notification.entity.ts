import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationDelivery, NotificationFacts, NotificationKind, NotificationStatus } from '@tsunagu/domain';

/**
 * The outbox (docs/NOTIFICATIONS.md): one mail to one recipient, written with the handoff that causes it, sent by the
 * worker's sender. `facts` holds only NotificationFacts: no resident, no free text.
 */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The cause's identity (`referral:<id>:<seq>`, `issue:<id>:<seq>`, `user:<id>:<kind>:<unique>`). */
  @Column({ name: 'source_key', type: 'text' })
  sourceKey: string;

  /** The recipient user's id, or `org:<id>` for an organisation's opted-in address. */
  @Column({ name: 'recipient_key', type: 'text' })
  recipientKey: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ name: 'recipient_email', type: 'text' })
  recipientEmail: string;

  @Column({ type: 'jsonb' })
  facts: NotificationFacts;

  @Column({ type: 'text' })
  delivery: NotificationDelivery;

  @Column({ type: 'text' })
  status: NotificationStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  /** The SMTP error of the last failed attempt (its code and message; never the mail). */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;
}

/** A user's choice for one kind; no row means IMMEDIATE. */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text' })
  delivery: NotificationDelivery;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
