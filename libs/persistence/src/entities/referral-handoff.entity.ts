import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HandoffKind } from '@tsunagu/domain';

/** One step of a referral's append-only history. (referral_id, seq) is unique, so a retried write adds nothing. */
@Entity({ name: 'referral_handoff' })
export class ReferralHandoffEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'text' })
  kind: HandoffKind;

  @Column({ name: 'from_organization_id', type: 'uuid', nullable: true })
  fromOrganizationId: string | null;

  @Column({ name: 'to_organization_id', type: 'uuid', nullable: true })
  toOrganizationId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'boolean', default: false })
  proxy: boolean;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Policy-track entries: the regional issue and the issue event (regional_issue_event.seq) this one mirrors. */
  @Column({ name: 'regional_issue_id', type: 'uuid', nullable: true })
  regionalIssueId: string | null;

  @Column({ name: 'regional_issue_seq', type: 'integer', nullable: true })
  regionalIssueSeq: number | null;

  @Column({ name: 'policy_proposal_id', type: 'uuid', nullable: true })
  policyProposalId: string | null;
}
