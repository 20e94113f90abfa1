import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { NeedCategory, OrganizationKind } from '@tsunagu/domain';
import { AreaEntity } from './area.entity';

@Entity({ name: 'organization' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: NeedCategory[];

  /** Capacity: whether it takes new referrals now. */
  @Column({ name: 'accepting_referrals', type: 'boolean', default: true })
  acceptingReferrals: boolean;

  /** Partners without users (some shops, for instance) have their answers recorded by a tier-2 coordinator. */
  @Column({ name: 'has_system_users', type: 'boolean', default: true })
  hasSystemUsers: boolean;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  /** Partners without users: mail about offers goes here when set (set = opted in; docs/NOTIFICATIONS.md). */
  @Column({ name: 'notification_email', type: 'text', nullable: true })
  notificationEmail: string | null;

  @ManyToMany(() => AreaEntity)
  @JoinTable({
    name: 'organization_area',
    joinColumn: { name: 'organization_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'area_id', referencedColumnName: 'id' },
  })
  areas: AreaEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
