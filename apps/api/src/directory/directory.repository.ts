// Reads of the directory's areas and organisations (and whether an organisation has an active user).
import { DataSource, EntityManager, In } from 'typeorm';
// A narrow entry, not @tsunagu/persistence: its index loads the Nest module, which the db tier cannot require.
import { AreaEntity, OrganizationEntity } from '@tsunagu/persistence/entities';
import type { OrganizationsArgs } from './dto/organizations.args';

export class DirectoryRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Every area, in the areas' sort order, then by code. */
  areas(): Promise<AreaEntity[]> {
    return this.db.getRepository(AreaEntity).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  areaByCode(code: string): Promise<AreaEntity | null> {
    return this.db.getRepository(AreaEntity).findOneBy({ code });
  }

  /** The areas with these ids, in no particular order (unknown ids left out). */
  areasByIds(ids: readonly string[]): Promise<AreaEntity[]> {
    return this.db
      .getRepository(AreaEntity)
      .createQueryBuilder('a')
      .whereInIds([...new Set(ids)])
      .getMany();
  }

  /** Id and code of the areas with these codes, for the codes that exist. */
  areaIdsByCode(codes: readonly string[]): Promise<Array<{ id: string; code: string }>> {
    return this.db.query(`SELECT id, code FROM area WHERE code = ANY ($1)`, [[...new Set(codes)]]);
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.db.getRepository(OrganizationEntity).findOneBy({ id });
  }

  /** The organisations with these ids, in no particular order (unknown ids left out). */
  findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
  }

  /** Whether the organisation has an active user of its own, of any role. */
  async hasActiveUser(organizationId: string): Promise<boolean> {
    const [row]: Array<{ found: boolean }> = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM app_user WHERE organization_id = $1 AND active) AS found`,
      [organizationId],
    );
    return row.found;
  }

  /** The organisations matching every filter given, by name then id. */
  organizations(filter: OrganizationsArgs): Promise<OrganizationEntity[]> {
    const query = this.db.getRepository(OrganizationEntity).createQueryBuilder('o').orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.category) query.andWhere(':category = ANY (o.categories)', { category: filter.category });
    if (filter.areaCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM organization_area oa JOIN area a ON a.id = oa.area_id WHERE oa.organization_id = o.id AND a.code = :areaCode)',
        { areaCode: filter.areaCode },
      );
    }
    return query.getMany();
  }
}
