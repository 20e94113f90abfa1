import type { EntityManager } from 'typeorm';
import { kanaSearchTerms } from '@tsunagu/domain';
import type {
  Destination,
  HandoffEvent,
  NeedCategory,
  PolicyHandoff,
  ReferralOutcome,
  ReferralStatus,
  StoredReferralDetails,
  SubjectKind,
} from '@tsunagu/domain';
import { blindIndexTerms, type DataKeyring } from '@tsunagu/crypto';
import { NAME_KANA_INDEX_PURPOSE, ReferralSealedColumn, sealReferralColumn } from '../crypto/referral-personal-data';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { ProvisionRecordWriter } from './provision-record-writer';

/** The submitted need, as the first write of a referral stores it (the workflow's submission plus its time). */
export interface ReferralSubmissionRow {
  clientRequestId: string;
  category: NeedCategory;
  areaId: string;
  summary: string;
  subjectKind: SubjectKind;
  subject: { displayName: string; nameKana?: string | null; ageBand: string | null; contact: string | null } | null;
  consent: { obtained: boolean; method: string; obtainedAt: string; givenBy?: string | null } | null;
  details?: StoredReferralDetails | null;
  destination: Destination;
  submittedByUserId: string;
  createdAt: string;
}

export interface ReferralHandoffRow extends HandoffEvent {
  seq: number;
  at: string;
}

/** One move of a referral: its new state and the handoffs that led to it (the workflow's RecordTransitionInput). */
export interface ReferralTransitionWrite {
  referralId: string;
  workflowId: string;
  status: ReferralStatus;
  currentOrganizationId: string | null;
  outcome: ReferralOutcome | null;
  responseDueAt?: string | null;
  /** While ON_HOLD: the resume date and the status to return to (referral.resume_on, resumes_to_status). */
  hold?: { resumeOn: string; returnTo: ReferralStatus } | null;
  lastSeq: number;
  at: string;
  /** Present on the first write only: creates the row. */
  submission?: ReferralSubmissionRow;
  handoffs: readonly ReferralHandoffRow[];
}

/** A policy-track entry for a referral whose workflow has ended (the workflow's RecordClosedReferralPolicyHandoffInput). */
export interface ClosedReferralPolicyHandoffWrite {
  referralId: string;
  /** The domain's one policy handoff shape; its `at` is not stored (the row is dated by the write). */
  handoff: Omit<PolicyHandoff, 'at'>;
}

/** The columns of a history row, in the order both inserts below give them. */
const HANDOFF_COLUMNS = `referral_id, seq, kind, from_organization_id, to_organization_id, actor_id, proxy, reason, note, at,
                                       regional_issue_id, regional_issue_seq, policy_proposal_id`;

/**
 * The only code that writes a referral's row and its handoff history (the worker's activities, the benchmark's floor).
 * Works in the transaction it is given, which the caller opens and commits: one move is one transaction, provision
 * records included. Idempotent: the row moves only `WHERE last_seq < new last_seq` and history rows are keyed, so a
 * retried or stale write changes nothing.
 */
export class ReferralWriter {
  constructor(
    private readonly tx: EntityManager,
    private readonly dataKeys: DataKeyring,
  ) {}

  async recordTransition(input: ReferralTransitionWrite): Promise<void> {
    const s = input.submission;
    if (s) {
      // Personal data is stored encrypted, bound to this row and column (libs/persistence/src/crypto).
      const seal = (column: ReferralSealedColumn, value: string | null | undefined) =>
        sealReferralColumn(this.dataKeys, column, input.referralId, value);
      await this.tx.query(
        `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind,
           subject_display_name, subject_age_band, subject_contact, consent_obtained, consent_method, consent_obtained_at,
           destination, submitted_by_id, current_organization_id, outcome, last_seq, created_at, updated_at, consent_given_by,
           subject_name_kana, subject_name_kana_index, details)
         VALUES ($1, $2, $3, 'SUBMITTED', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, NULL, NULL, 0, $16, $16, $17,
           $18, $19, $20)
         ON CONFLICT (id) DO NOTHING`,
        [
          input.referralId,
          input.workflowId,
          s.clientRequestId,
          s.category,
          s.areaId,
          s.summary,
          s.subjectKind,
          seal('subject_display_name', s.subject?.displayName),
          seal('subject_age_band', s.subject?.ageBand),
          seal('subject_contact', s.subject?.contact),
          s.consent?.obtained ?? null,
          seal('consent_method', s.consent?.method),
          s.consent?.obtainedAt ?? null,
          s.destination,
          s.submittedByUserId,
          s.createdAt,
          seal('consent_given_by', s.consent?.givenBy),
          seal('subject_name_kana', s.subject?.nameKana),
          // Normalised by the api; the terms let a search find the row without decrypting it.
          s.subject?.nameKana ? blindIndexTerms(this.dataKeys, NAME_KANA_INDEX_PURPOSE, kanaSearchTerms(s.subject.nameKana)) : null,
          s.details ? JSON.stringify(s.details) : null,
        ],
      );
    }
    // last_seq guards against a stale retry overwriting a newer state.
    // TypeORM answers an UPDATE on PostgreSQL with [rows, rowCount].
    const [updatedRows]: [unknown[], number] = await this.tx.query(
      `UPDATE referral SET status = $2, current_organization_id = $3, outcome = $4, last_seq = $5, updated_at = $6,
              response_due_at = $7, resume_on = $8, resumes_to_status = $9
        WHERE id = $1 AND last_seq < $5 RETURNING id`,
      [
        input.referralId,
        input.status,
        input.currentOrganizationId,
        input.outcome,
        input.lastSeq,
        input.at,
        input.responseDueAt ?? null,
        input.hold?.resumeOn ?? null,
        input.hold?.returnTo ?? null,
      ],
    );
    if (updatedRows.length === 0) {
      const [existing] = await this.tx.query(`SELECT last_seq FROM referral WHERE id = $1`, [input.referralId]);
      if (!existing) throw new Error(`referral ${input.referralId} has no row to update`);
      return; // already applied by an earlier attempt
    }
    for (const h of input.handoffs) {
      await this.tx.query(
        `INSERT INTO referral_handoff (${HANDOFF_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (referral_id, seq) DO NOTHING`,
        [
          input.referralId,
          h.seq,
          h.kind,
          h.fromOrganizationId,
          h.toOrganizationId,
          h.actorUserId,
          h.proxy,
          h.reason,
          h.note,
          h.at,
          // Policy-track entries (from a linked regional issue) name the issue event they mirror.
          h.regionalIssueId ?? null,
          h.regionalIssueSeq ?? null,
          h.policyProposalId ?? null,
        ],
      );
    }
    // Personal data a handoff gives a partner is recorded with it, in this transaction (docs/SECURITY.md).
    await new ProvisionRecordWriter(this.tx).recordProvisions(input.referralId, input.handoffs);
    // The mails these handoffs cause, in this transaction too (the outbox: docs/NOTIFICATIONS.md).
    await new NotificationOutbox(this.tx).forReferralHandoffs(input.referralId, input.status, input.handoffs);
  }

  /**
   * A policy entry for a referral whose workflow has ended (so nothing else writes its history any more): the next
   * seq under a lock on the referral row, skipped when the entry for this issue event is already there. updated_at is
   * left alone: it dates the referral's own last change (retention counts from it).
   */
  async recordClosedReferralPolicyHandoff(input: ClosedReferralPolicyHandoffWrite): Promise<void> {
    const h = input.handoff;
    const [referral]: Array<{ last_seq: number }> = await this.tx.query(`SELECT last_seq FROM referral WHERE id = $1 FOR UPDATE`, [input.referralId]);
    if (!referral) throw new Error(`referral ${input.referralId} has no row to write to`);
    const [existing] = await this.tx.query(
      `SELECT 1 FROM referral_handoff WHERE referral_id = $1 AND regional_issue_id = $2 AND regional_issue_seq = $3`,
      [input.referralId, h.issueId, h.issueSeq],
    );
    if (existing) return; // written by an earlier attempt
    const seq = referral.last_seq + 1;
    await this.tx.query(
      `INSERT INTO referral_handoff (${HANDOFF_COLUMNS})
       VALUES ($1, $2, $3, NULL, NULL, $4, false, $5, $6, now(), $7, $8, $9)`,
      [input.referralId, seq, h.kind, h.actorUserId, h.reason, h.note, h.issueId, h.issueSeq, h.proposalId],
    );
    await this.tx.query(`UPDATE referral SET last_seq = $2 WHERE id = $1`, [input.referralId, seq]);
    const [{ status }]: Array<{ status: ReferralStatus }> = await this.tx.query(`SELECT status FROM referral WHERE id = $1`, [input.referralId]);
    await new NotificationOutbox(this.tx).forReferralHandoffs(input.referralId, status, [
      {
        seq,
        kind: h.kind,
        fromOrganizationId: null,
        toOrganizationId: null,
        actorUserId: h.actorUserId,
        reason: h.reason,
        regionalIssueId: h.issueId,
        at: new Date().toISOString(),
      },
    ]);
  }
}
