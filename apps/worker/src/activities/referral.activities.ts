import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataKeyring } from '@tsunagu/crypto';
import { CandidateDirectory, sealReferralColumn } from '@tsunagu/persistence';
import type { FindNextCandidateInput, RecordTransitionInput, ReferralActivities } from '@tsunagu/temporal';
import { recordProvisions } from './provision-records';
import { storeOrRefuse } from './write-errors';

/** The referral workflow's activities: directory reads for routing and idempotent writes of the read model. */
@Injectable()
export class ReferralActivitiesService implements ReferralActivities {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DataKeyring) private readonly dataKeys: DataKeyring,
  ) {}

  /** Read-only: ranks the directory's candidates as suggestedOrganizations does (rule first, then least load). */
  async findNextCandidate(input: FindNextCandidateInput): Promise<string | null> {
    const [best] = await new CandidateDirectory(this.db).ranked(input, input.excludeOrganizationIds);
    return best?.id ?? null;
  }

  /** A write the database refuses for good fails as WRITE_REFUSED, not retried (write-errors.ts). */
  async recordReferralTransition(input: RecordTransitionInput): Promise<void> {
    await storeOrRefuse('recordReferralTransition', () => this.writeTransition(input));
  }

  private async writeTransition(input: RecordTransitionInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      const s = input.submission;
      if (s) {
        // Personal data is stored encrypted, bound to this row and column (libs/persistence/src/crypto).
        const seal = (column: Parameters<typeof sealReferralColumn>[1], value: string | null | undefined) =>
          sealReferralColumn(this.dataKeys, column, input.referralId, value);
        await tx.query(
          `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind,
             subject_display_name, subject_age_band, subject_contact, consent_obtained, consent_method, consent_obtained_at,
             destination, submitted_by_id, current_organization_id, outcome, last_seq, created_at, updated_at, consent_given_by)
           VALUES ($1, $2, $3, 'SUBMITTED', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, NULL, NULL, 0, $16, $16, $17)
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
          ],
        );
      }
      // last_seq guards against a stale retry overwriting a newer state.
      // TypeORM answers an UPDATE on PostgreSQL with [rows, rowCount].
      const [updatedRows]: [unknown[], number] = await tx.query(
        `UPDATE referral SET status = $2, current_organization_id = $3, outcome = $4, last_seq = $5, updated_at = $6,
                response_due_at = $7
          WHERE id = $1 AND last_seq < $5 RETURNING id`,
        [input.referralId, input.status, input.currentOrganizationId, input.outcome, input.lastSeq, input.at, input.responseDueAt ?? null],
      );
      if (updatedRows.length === 0) {
        const [existing] = await tx.query(`SELECT last_seq FROM referral WHERE id = $1`, [input.referralId]);
        if (!existing) throw new Error(`referral ${input.referralId} has no row to update`);
        return; // already applied by an earlier attempt
      }
      for (const h of input.handoffs) {
        await tx.query(
          `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, actor_id, proxy, reason, note, at,
                                         regional_issue_id, regional_issue_seq, policy_proposal_id)
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
      await recordProvisions(tx, input.referralId, input.handoffs);
    });
  }
}
