import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersonalDataItem } from '@tsunagu/domain';

/**
 * One offer of a resident's personal data to a partner: who received which items about whom, when, under which consent
 * (copied as it stood then). Written by the worker in the transaction of the handoff that gives the data; never updated.
 * consent_method and consent_given_by are the referral's stored values, copied as they are: sealed ones open with the
 * referral's associated data (openReferralColumn with referralId), as the api does.
 */
@Entity({ name: 'provision_record' })
export class ProvisionRecordEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @Column({ name: 'recipient_organization_id', type: 'uuid' })
  recipientOrganizationId: string;

  @Column({ type: 'text', array: true })
  items: PersonalDataItem[];

  @Column({ name: 'consent_obtained', type: 'boolean', nullable: true })
  consentObtained: boolean | null;

  @Column({ name: 'consent_method', type: 'text', nullable: true })
  consentMethod: string | null;

  @Column({ name: 'consent_obtained_at', type: 'timestamptz', nullable: true })
  consentObtainedAt: Date | null;

  @Column({ name: 'consent_given_by', type: 'text', nullable: true })
  consentGivenBy: string | null;

  /** The handoff that gave the data (referral_handoff.seq of the same referral). */
  @Column({ name: 'handoff_seq', type: 'integer' })
  handoffSeq: number;

  @Column({ type: 'timestamptz' })
  at: Date;
}
