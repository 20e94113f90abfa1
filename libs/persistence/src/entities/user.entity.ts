import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@tsunagu/domain';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** The daily-life area of a tier-2 coordinator. */
  @Column({ name: 'area_id', type: 'uuid', nullable: true })
  areaId: string | null;

  /** argon2id hash. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Goes into every access token; bumped when the password changes or is reset and on deactivation, voiding them all. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  /** Failed sign-ins before this no longer count towards the account's rate limit. */
  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  /** The password is a temporary one an administrator handed out. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** When the outstanding temporary password was issued (it expires after TSUNAGU_TEMPORARY_PASSWORD_HOURS). */
  @Column({ name: 'temporary_password_issued_at', type: 'timestamptz', nullable: true })
  temporaryPasswordIssuedAt: Date | null;

  /** The administrator who issued it; null when the console did (npm run create-admin). */
  @Column({ name: 'temporary_password_issued_by', type: 'uuid', nullable: true })
  temporaryPasswordIssuedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
