import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DirectoryService } from '../directory.service';
import { ImportedOrganization, OrganizationsRepository } from '../organizations.repository';
import { inCategoryOrder } from '../organizations.service';
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
      const organizations = new OrganizationsRepository(tx);
      for (const row of rows) {
        const written = await organizations.upsertByName(imported(row));
        if (written.created) created++;
        await organizations.replaceAreas(
          written.id,
          row.areaCodes.map((code) => areaIds.get(code)!),
        );
      }
    });
    return { imported: rows.length, created, updated: rows.length - created, errors: [] };
  }
}

/** The row's values as written (categories in the enum's order); the upsert (OrganizationsRepository.upsertByName) matches it by name. */
function imported(row: OrganizationRow): ImportedOrganization {
  return { ...row, categories: inCategoryOrder(row.categories) };
}
