import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the append-only audit log: a mutation (operation = the GraphQL field, e.g. `acceptReferral`) or a read
 * of personal data (`read:Referral.subject`). Written by the api only, one INSERT per request.
 */
@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  /** bigserial: a string, since it may pass 2^53. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The actor's role, or ANONYMOUS when nobody is signed in (a failed login). */
  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ type: 'text' })
  operation: string;

  @Column({ name: 'object_type', type: 'text', nullable: true })
  objectType: string | null;

  @Column({ name: 'object_id', type: 'text', nullable: true })
  objectId: string | null;

  /** OK, or the error code the caller got. */
  @Column({ type: 'text' })
  result: string;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress: string | null;

  /** The request's id (X-Request-Id), as in the api's log lines of that request; null outside a request. */
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  /** Safe details only: enum, number, boolean and id arguments; never personal data, passwords or tokens. */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
