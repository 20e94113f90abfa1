import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Destination, NeedCategory, ReferralOutcome, ReferralStatus, SubjectKind } from '@tsunagu/domain';

/**
 * The read model of one referral: written only by the worker's activities, read by the api. The personal data columns
 * (subject_* but the kana index, consent_method, consent_given_by) hold values encrypted per row and column (`enc:v1:...`,
 * crypto/referral-personal-data.ts): the api opens them when it loads a row.
 */
@Entity({ name: 'referral' })
export class ReferralEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId: string;

  @Column({ name: 'client_request_id', type: 'text' })
  clientRequestId: string;

  @Column({ type: 'text' })
  status: ReferralStatus;

  @Column({ type: 'text' })
  category: NeedCategory;

  @Column({ name: 'area_id', type: 'uuid' })
  areaId: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind: SubjectKind;

  @Column({ name: 'subject_display_name', type: 'text', nullable: true })
  subjectDisplayName: string | null;

  @Column({ name: 'subject_age_band', type: 'text', nullable: true })
  subjectAgeBand: string | null;

  /** ふりがな, normalised to hiragana (libs/domain/src/text/kana.ts); encrypted like the name. */
  @Column({ name: 'subject_name_kana', type: 'text', nullable: true })
  subjectNameKana: string | null;

  /** Keyed blind index of the ふりがな (`<key id>:<hmac hex>` per term): search without decrypting. */
  @Column({ name: 'subject_name_kana_index', type: 'text', array: true, nullable: true, select: false })
  subjectNameKanaIndex: string[] | null;

  /** The category's details (StoredReferralDetails, with `version`); null when submitted without. */
  @Column({ type: 'jsonb', nullable: true })
  details: unknown;

  @Column({ name: 'subject_contact', type: 'text', nullable: true })
  subjectContact: string | null;

  @Column({ name: 'consent_obtained', type: 'boolean', nullable: true })
  consentObtained: boolean | null;

  @Column({ name: 'consent_method', type: 'text', nullable: true })
  consentMethod: string | null;

  @Column({ name: 'consent_obtained_at', type: 'timestamptz', nullable: true })
  consentObtainedAt: Date | null;

  /** Who consented: 本人, 家族(長女), ... (optional in the API). */
  @Column({ name: 'consent_given_by', type: 'text', nullable: true })
  consentGivenBy: string | null;

  @Column({ type: 'text' })
  destination: Destination;

  @Column({ name: 'submitted_by_id', type: 'uuid' })
  submittedById: string;

  @Column({ name: 'current_organization_id', type: 'uuid', nullable: true })
  currentOrganizationId: string | null;

  @Column({ name: 'response_due_at', type: 'timestamptz', nullable: true })
  responseDueAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: ReferralOutcome | null;

  /** While ON_HOLD: the JST date (YYYY-MM-DD) the coordinator means to resume on; null otherwise. */
  @Column({ name: 'resume_on', type: 'date', nullable: true })
  resumeOn: string | null;

  /** While ON_HOLD: the status resumeReferral returns to; null otherwise. */
  @Column({ name: 'resumes_to_status', type: 'text', nullable: true })
  resumesToStatus: ReferralStatus | null;

  /** Sequence number of the newest handoff applied: makes a retried write a no-op. */
  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** When retention erased its personal data (the subject and consent columns are NULL since); null while kept. */
  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;
}
