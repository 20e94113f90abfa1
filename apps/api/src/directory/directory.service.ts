import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AreaEntity, OrganizationEntity } from '@tsunagu/persistence';
import { DirectoryRepository } from './directory.repository';
import { OrganizationsArgs } from './dto/organizations.args';

/** Reads of the directory: areas and organisations. Everyone signed in may read it. */
@Injectable()
export class DirectoryService {
  private readonly repository: DirectoryRepository;

  constructor(@Inject(DataSource) db: DataSource) {
    this.repository = new DirectoryRepository(db);
  }

  areas(): Promise<AreaEntity[]> {
    return this.repository.areas();
  }

  areaByCode(code: string): Promise<AreaEntity | null> {
    return this.repository.areaByCode(code);
  }

  /** Area ids by code, for the codes that exist. */
  async areaIdsByCode(codes: readonly string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await this.repository.areaIdsByCode(codes);
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  organization(id: string): Promise<OrganizationEntity | null> {
    return this.repository.findById(id);
  }

  /**
   * Whether the organisation has an active user of its own, of any role: a partner's are PARTNER users, and the city
   * department holding a need tier-1 took has tier-1, whom nobody answers for (docs/DOMAIN.md, "Proxy answers"). Without one, nobody can answer for it but a tier-2 coordinator (a proxy update), whatever its
   * hasSystemUsers says. Sign-in rate limits and an expired temporary password do not count: they pass, or an
   * administrator lifts them.
   */
  hasActiveUser(organizationId: string): Promise<boolean> {
    return this.repository.hasActiveUser(organizationId);
  }

  /** The organisations with these ids, in the order of the ids (unknown ids left out). */
  async organizationsInOrder(ids: readonly string[]): Promise<OrganizationEntity[]> {
    if (!ids.length) return [];
    const found = new Map((await this.repository.findByIds(ids)).map((org) => [org.id, org]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  organizations(filter: OrganizationsArgs): Promise<OrganizationEntity[]> {
    return this.repository.organizations(filter);
  }
}
