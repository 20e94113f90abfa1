import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DirectoryService } from '../directory.service';
import { inCategoryOrder, replaceOrganizationAreas } from '../organizations.service';
import { ImportProblem, OrganizationRow, readOrganizationRows, sortProblems } from './organization-rows';

export interface OrganizationImportResult {
  imported: number;
  created: number;
  updated: number;
  errors: ImportProblem[];
}

/**
 * Imports organisations from a CSV file, all or nothing. Every row is checked first (the file, the cells, then the
 * areas against the directory); with any problem nothing is written and every problem is returned. Otherwise all rows
 * are written in one transaction.
 *
 * A row whose name matches an existing organisation updates it: kind, areas, categories and the three contacts become
 * the row's (a blank contact clears it); hasSystemUsers and acceptingReferrals change only when their cell is filled
 * in (blank keeps the current value; a new organisation gets true). Nothing is ever deleted.
 */
@Injectable()
export class OrganizationImportService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  async import(csv: string): Promise<OrganizationImportResult> {
    const { rows, problems } = readOrganizationRows(csv);
    const areaIds = await this.directory.areaIdsByCode(rows.flatMap((row) => row.areaCodes));
    const areaProblems = rows.flatMap((row) =>
      row.areaCodes
        .filter((code) => !areaIds.has(code))
        .map((code) => ({ line: row.line, field: 'areaCodes', message: `no area has the code "${code}"` })),
    );
    if (problems.length || areaProblems.length) {
      return { imported: 0, created: 0, updated: 0, errors: sortProblems([...problems, ...areaProblems]) };
    }

    let created = 0;
    await this.db.transaction(async (tx) => {
      for (const row of rows) {
        const [written] = await tx.query(UPSERT, upsertParameters(row));
        if (written.created) created++;
        await replaceOrganizationAreas(
          tx,
          written.id,
          row.areaCodes.map((code) => areaIds.get(code)!),
        );
      }
    });
    return { imported: rows.length, created, updated: rows.length - created, errors: [] };
  }
}

// Matched on the unique name, so a row is an update even if the organisation was created since the file was checked.
// xmax = 0 only on a freshly inserted row: that tells created from updated.
const UPSERT = `
  INSERT INTO organization (name, kind, categories, contact_name, contact_email, contact_phone, has_system_users, accepting_referrals)
  VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, true), COALESCE($8, true))
  ON CONFLICT (name) DO UPDATE SET
    kind = EXCLUDED.kind,
    categories = EXCLUDED.categories,
    contact_name = EXCLUDED.contact_name,
    contact_email = EXCLUDED.contact_email,
    contact_phone = EXCLUDED.contact_phone,
    has_system_users = COALESCE($7, organization.has_system_users),
    accepting_referrals = COALESCE($8, organization.accepting_referrals),
    updated_at = now()
  RETURNING id, (xmax = 0) AS created`;

function upsertParameters(row: OrganizationRow): unknown[] {
  return [
    row.name,
    row.kind,
    inCategoryOrder(row.categories),
    row.contactName,
    row.contactEmail,
    row.contactPhone,
    row.hasSystemUsers,
    row.acceptingReferrals,
  ];
}
