// Writes of organisations: their rows (created, edited, upserted by name on import), capacity and the areas each serves.
import type { DataSource, DeepPartial, EntityManager, Repository } from 'typeorm';
// A narrow entry, not @tsunagu/persistence: its index loads the Nest module, which the db tier cannot require.
import { OrganizationEntity } from '@tsunagu/persistence/entities';
import type { OrganizationRow } from './import/organization-rows';

/** The columns an edit may change (those left out keep their value). */
export type OrganizationChanges = Parameters<Repository<OrganizationEntity>['update']>[1];

/** An imported row's values (a null hasSystemUsers or acceptingReferrals keeps the current value; true on a new row). */
export type ImportedOrganization = Omit<OrganizationRow, 'line' | 'areaCodes'>;

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

export class OrganizationsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts a new organisation; its id. Lets a unique violation (organization_name_key) through. */
  async insert(values: DeepPartial<OrganizationEntity>): Promise<string> {
    const organizations = this.db.getRepository(OrganizationEntity);
    const org = await organizations.save(organizations.create(values));
    return org.id;
  }

  /** Changes these columns of the organisation. Lets a unique violation (organization_name_key) through. */
  async update(id: string, changes: OrganizationChanges): Promise<void> {
    await this.db.getRepository(OrganizationEntity).update(id, changes);
  }

  /** Inserts the organisation or, if one has its name, updates it; its id and whether it was created. */
  async upsertByName(row: ImportedOrganization): Promise<{ id: string; created: boolean }> {
    const [written] = await this.db.query(UPSERT, [
      row.name,
      row.kind,
      row.categories,
      row.contactName,
      row.contactEmail,
      row.contactPhone,
      row.hasSystemUsers,
      row.acceptingReferrals,
    ]);
    return written;
  }

  /** Sets whether the organisation accepts referrals; false when there is no such organisation. */
  async setAcceptingReferrals(id: string, accepting: boolean): Promise<boolean> {
    const [rows]: [Array<{ id: string }>, number] = await this.db.query(
      `UPDATE organization SET accepting_referrals = $2, updated_at = now() WHERE id = $1 RETURNING id`,
      [id, accepting],
    );
    return rows.length > 0;
  }

  /** The id of the organisation with this name, if any. */
  async idByName(name: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT id FROM organization WHERE name = $1`, [name]);
    return row?.id ?? null;
  }

  /** Makes the organisation serve exactly these areas. */
  async replaceAreas(organizationId: string, areaIds: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM organization_area WHERE organization_id = $1 AND NOT (area_id = ANY ($2::uuid[]))`, [organizationId, areaIds]);
    await this.db.query(`INSERT INTO organization_area (organization_id, area_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      organizationId,
      areaIds,
    ]);
  }
}
