import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataKeyring } from '@tsunagu/crypto';
import { openReferralColumn, ProvisionRecordEntity } from '@tsunagu/persistence';
import { badUserInput } from '../common/graphql-errors';
import type { Page } from '../common/pagination/connection';
import { decodeKeyCursor, encodeKeyCursor, isoInstantPart, uuidPart } from '../common/pagination/key-cursor';
import { periodProblems } from './period';
import { ProvisionCsvRow } from './provision-csv';
import { ProvisionRecordsRepository } from './provision-records.repository';

export type ProvisionRecordPage = Page<ProvisionRecordEntity>;

/** At most this many records go into one CSV file; a longer period is refused (ask for a shorter one). */
export const PROVISION_CSV_MAX_ROWS = 50_000;

/**
 * Reads of provision_record for audits: a period, oldest first. Who may read them is decided by the resolver's
 * @Roles (administrators and the tier-1 coordinator); the worker alone writes them.
 */
@Injectable()
export class ProvisionRecordsService {
  private readonly repository: ProvisionRecordsRepository;

  constructor(
    @Inject(DataSource) db: DataSource,
    private readonly keys: DataKeyring,
  ) {
    this.repository = new ProvisionRecordsRepository(db);
  }

  async page(from: Date, to: Date, first: number, after?: string): Promise<ProvisionRecordPage> {
    assertPeriod(from, to);
    const cursor = after ? decodeCursor(after) : undefined;
    const { rows, totalCount } = await this.repository.page(from, to, cursor, first + 1);
    return { rows: rows.slice(0, first).map((row) => this.open(row)), totalCount, hasNextPage: rows.length > first };
  }

  /** Every record of the period with its recipient's name, oldest first, for the CSV export. */
  async csvRows(from: Date, to: Date): Promise<ProvisionCsvRow[]> {
    assertPeriod(from, to);
    const rows = await this.repository.csvRows(from, to, PROVISION_CSV_MAX_ROWS + 1);
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
