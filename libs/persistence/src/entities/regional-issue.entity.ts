import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NeedCategory, RegionalIssueStatus } from '@tsunagu/domain';

/**
 * The read model of one regional issue (地域課題): written only by the worker's `recordRegionalIssueTransition` (the
 * whole state, guarded by last_seq), read by the api. Its areas, current referral links, proposals with their agenda
 * entries and follow-up actions, and its history are in the entities below.
 */
@Entity({ name: 'regional_issue' })
export class RegionalIssueEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  category: NeedCategory;

  @Column({ type: 'text' })
  status: RegionalIssueStatus;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An area the issue affects. */
@Entity({ name: 'regional_issue_area' })
export class RegionalIssueAreaEntity {
  @PrimaryColumn({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @PrimaryColumn({ name: 'area_id', type: 'uuid' })
  areaId: string;
}

/** A referral currently linked to the issue as evidence (links and unlinks are in regional_issue_event). */
@Entity({ name: 'regional_issue_referral' })
export class RegionalIssueReferralEntity {
  @PrimaryColumn({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @PrimaryColumn({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @Column({ name: 'linked_at', type: 'timestamptz' })
  linkedAt: Date;

  @Column({ name: 'linked_by_id', type: 'uuid' })
  linkedById: string;
}
