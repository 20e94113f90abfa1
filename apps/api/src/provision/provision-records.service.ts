import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataKeyring } from '@tsunagu/crypto';
import { openReferralColumn, ProvisionRecordEntity } from '@tsunagu/persistence';
import { badUserInput } from '../common/graphql-errors';
import type { Page } from '../common/pagination/connection';
import { decodeKeyCursor, encodeKeyCursor, isoInstantPart, uuidPart } from '../common/pagination/key-cursor';
import { periodProblems } from './period';
import { ProvisionCsvRow } from './provision-csv';

export type ProvisionRecordPage = Page<ProvisionRecordEntity>;

/** At most this many records go into one CSV file; a longer period is refused (ask for a shorter one). */
export const PROVISION_CSV_MAX_ROWS = 50_000;

/**
 * Reads of provision_record for audits: a period, oldest first. Who may read them is decided by the resolver's
 * @Roles (administrators and the tier-1 coordinator); the worker alone writes them.
 */
@Injectable()
export class ProvisionRecordsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly keys: DataKeyring,
  ) {}

  async page(from: Date, to: Date, first: number, after?: string): Promise<ProvisionRecordPage> {
    assertPeriod(from, to);
    const query = this.db.getRepository(ProvisionRecordEntity).createQueryBuilder('p').where('p.at >= :from AND p.at < :to', { from, to });
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(p.at, p.id) > (:cursorAt, :cursorId)', { cursorAt: cursor.at, cursorId: cursor.id });
    }
    const rows = await query
      .orderBy('p.at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(first + 1)
      .getMany();
    return { rows: rows.slice(0, first).map((row) => this.open(row)), totalCount, hasNextPage: rows.length > first };
  }

  /** Every record of the period with its recipient's name, oldest first, for the CSV export. */
  async csvRows(from: Date, to: Date): Promise<ProvisionCsvRow[]> {
    assertPeriod(from, to);
    const rows: ProvisionCsvRow[] = await this.db.query(
      `SELECT p.id, p.at, p.referral_id AS "referralId", p.recipient_organization_id AS "recipientOrganizationId",
              o.name AS "recipientOrganizationName", p.items, p.consent_obtained AS "consentObtained",
              p.consent_method AS "consentMethod", p.consent_obtained_at AS "consentObtainedAt",
              p.consent_given_by AS "consentGivenBy", p.handoff_seq AS "handoffSeq"
         FROM provision_record p JOIN organization o ON o.id = p.recipient_organization_id
        WHERE p.at >= $1 AND p.at < $2
        ORDER BY p.at, p.id
        LIMIT $3`,
      [from, to, PROVISION_CSV_MAX_ROWS + 1],
    );
    if (rows.length > PROVISION_CSV_MAX_ROWS) {
      throw badUserInput([{ field: 'to', message: `the period holds more than ${PROVISION_CSV_MAX_ROWS} records: export a shorter one` }]);
    }
    return rows.map((row) => this.open(row));
  }

  /**
   * The consent's free text in clear. A record holds the referral's stored values as they were (sealed with the
   * referral's column and id as associated data, or clear from before encryption), so they open as the referral's do.
   */
  private open<T extends Pick<ProvisionRecordEntity, 'referralId' | 'consentMethod' | 'consentGivenBy'>>(row: T): T {
    row.consentMethod = openReferralColumn(this.keys, 'consent_method', row.referralId, row.consentMethod);
    row.consentGivenBy = openReferralColumn(this.keys, 'consent_given_by', row.referralId, row.consentGivenBy);
    return row;
  }
}

function assertPeriod(from: Date, to: Date): void {
  const problems = periodProblems(from, to);
  if (problems.length) throw badUserInput(problems);
}

/** [at as an ISO instant, id]. */
export function encodeProvisionCursor(row: Pick<ProvisionRecordEntity, 'at' | 'id'>): string {
  return encodeKeyCursor([row.at.toISOString(), row.id]);
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = decodeKeyCursor(cursor, [isoInstantPart, uuidPart]);
  return { at, id };
}
