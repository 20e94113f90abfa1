// Reads of provision_record (what personal data went to which partner, under which consent); the worker alone writes it.
import type { DataSource, EntityManager } from 'typeorm';
// A narrow entry, not @tsunagu/persistence: its index loads the Nest module, which the db tier cannot require.
import { ProvisionRecordEntity } from '@tsunagu/persistence/entities';
import type { ProvisionCsvRow } from './provision-csv';

export class ProvisionRecordsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * The records of [from, to) after the key (at, id) if given, oldest first, at most `limit` of them, as stored (consent
   * text sealed); with how many the period holds (the key left out).
   */
  async page(
    from: Date,
    to: Date,
    after: { at: string; id: string } | undefined,
    limit: number,
  ): Promise<{ rows: ProvisionRecordEntity[]; totalCount: number }> {
    const query = this.db.getRepository(ProvisionRecordEntity).createQueryBuilder('p').where('p.at >= :from AND p.at < :to', { from, to });
    const totalCount = await query.clone().getCount();
    if (after) query.andWhere('(p.at, p.id) > (:cursorAt, :cursorId)', { cursorAt: after.at, cursorId: after.id });
    const rows = await query.orderBy('p.at', 'ASC').addOrderBy('p.id', 'ASC').take(limit).getMany();
    return { rows, totalCount };
  }

  /** The records of [from, to) with their recipient's name, oldest first, at most `limit` of them, as stored (consent text sealed). */
  csvRows(from: Date, to: Date, limit: number): Promise<ProvisionCsvRow[]> {
    return this.db.query(
      `SELECT p.id, p.at, p.referral_id AS "referralId", p.recipient_organization_id AS "recipientOrganizationId",
              o.name AS "recipientOrganizationName", p.items, p.consent_obtained AS "consentObtained",
              p.consent_method AS "consentMethod", p.consent_obtained_at AS "consentObtainedAt",
              p.consent_given_by AS "consentGivenBy", p.handoff_seq AS "handoffSeq"
         FROM provision_record p JOIN organization o ON o.id = p.recipient_organization_id
        WHERE p.at >= $1 AND p.at < $2
        ORDER BY p.at, p.id
        LIMIT $3`,
      [from, to, limit],
    );
  }
}
