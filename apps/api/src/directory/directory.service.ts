import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AreaEntity, OrganizationEntity } from '@tsunagu/persistence';
import { OrganizationsArgs } from './dto/organizations.args';

/** Reads of the directory: areas and organisations. Everyone signed in may read it. */
@Injectable()
export class DirectoryService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  areas(): Promise<AreaEntity[]> {
    return this.db.getRepository(AreaEntity).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  areaByCode(code: string): Promise<AreaEntity | null> {
    return this.db.getRepository(AreaEntity).findOneBy({ code });
  }

  /** Area ids by code, for the codes that exist. */
  async areaIdsByCode(codes: readonly string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows: Array<{ id: string; code: string }> = await this.db.query(`SELECT id, code FROM area WHERE code = ANY ($1)`, [[...new Set(codes)]]);
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  organization(id: string): Promise<OrganizationEntity | null> {
    return this.db.getRepository(OrganizationEntity).findOneBy({ id });
  }

  /**
   * Whether the organisation has an active user of its own, of any role: a partner's are PARTNER users, and the city
   * department holding a need tier-1 took has tier-1, whom nobody answers for (docs/DOMAIN.md, "Proxy answers"). Without one, nobody can answer for it but a tier-2 coordinator (a proxy update), whatever its
   * hasSystemUsers says. Sign-in rate limits and an expired temporary password do not count: they pass, or an
   * administrator lifts them.
   */
  async hasActiveUser(organizationId: string): Promise<boolean> {
    const [row]: Array<{ found: boolean }> = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM app_user WHERE organization_id = $1 AND active) AS found`,
      [organizationId],
    );
    return row.found;
  }

  /** The organisations with these ids, in the order of the ids (unknown ids left out). */
  async organizationsInOrder(ids: readonly string[]): Promise<OrganizationEntity[]> {
    if (!ids.length) return [];
    const found = new Map((await this.db.getRepository(OrganizationEntity).findBy({ id: In([...ids]) })).map((org) => [org.id, org]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

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
