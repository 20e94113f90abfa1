import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NeedCategory } from '@tsunagu/domain';
import { OrganizationEntity } from '@tsunagu/persistence';
import type { Viewer } from '../common/viewer';
import { badUserInput, FieldProblem, notFound } from '../common/graphql-errors';
import { isUniqueViolation } from '../common/unique-violation';
import { assertMaySetCapacity } from './directory-access.policy';
import { DirectoryService } from './directory.service';
import { CreateOrganizationInput, UpdateOrganizationInput } from './dto/organization.input';
import { OrganizationsRepository } from './organizations.repository';

/**
 * Changes to organisations: an administrator creates and edits them; partner staff switch their own capacity.
 * Each change is one transaction (the row and its areas together).
 */
@Injectable()
export class OrganizationsService {
  private readonly organizations: OrganizationsRepository;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly directory: DirectoryService,
  ) {
    this.organizations = new OrganizationsRepository(db);
  }

  async create(input: CreateOrganizationInput): Promise<OrganizationEntity> {
    const problems: FieldProblem[] = [];
    const areaIds = await this.areaIds(input.areaCodes, problems);
    if (await this.nameTakenBy(input.name)) problems.push(nameTaken(input.name));
    if (problems.length) throw badUserInput(problems);

    const id = await this.write(input.name, async (organizations) => {
      const created = await organizations.insert({
        name: input.name,
        kind: input.kind,
        categories: inCategoryOrder(input.categories),
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
        contactPhone: input.contactPhone ?? null,
        notificationEmail: input.notificationEmail ?? null,
        hasSystemUsers: input.hasSystemUsers,
        acceptingReferrals: input.acceptingReferrals,
      });
      await organizations.replaceAreas(created, areaIds);
      return created;
    });
    return (await this.directory.organization(id))!;
  }

  async update(id: string, input: UpdateOrganizationInput): Promise<OrganizationEntity> {
    const org = await this.directory.organization(id);
    if (!org) throw notFound('Organization');
    const problems: FieldProblem[] = [];
    const areaIds = input.areaCodes === undefined ? null : await this.areaIds(input.areaCodes, problems);
    if (input.name !== undefined && input.name !== org.name) {
      const holder = await this.nameTakenBy(input.name);
      if (holder && holder !== id) problems.push(nameTaken(input.name));
    }
    if (problems.length) throw badUserInput(problems);

    await this.write(input.name ?? org.name, async (organizations) => {
      await organizations.update(id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.categories !== undefined && { categories: inCategoryOrder(input.categories) }),
        ...(input.contactName !== undefined && { contactName: input.contactName }),
        ...(input.contactEmail !== undefined && { contactEmail: input.contactEmail }),
        ...(input.contactPhone !== undefined && { contactPhone: input.contactPhone }),
        ...(input.notificationEmail !== undefined && { notificationEmail: input.notificationEmail }),
        ...(input.hasSystemUsers !== undefined && { hasSystemUsers: input.hasSystemUsers }),
        ...(input.acceptingReferrals !== undefined && { acceptingReferrals: input.acceptingReferrals }),
        updatedAt: new Date(),
      });
      if (areaIds) await organizations.replaceAreas(id, areaIds);
    });
    return (await this.directory.organization(id))!;
  }

  /** Capacity on or off: routing offers new needs only to organisations accepting referrals. Offers already out stay. */
  async setAcceptingReferrals(viewer: Viewer, id: string, accepting: boolean): Promise<OrganizationEntity> {
    assertMaySetCapacity(viewer, id);
    if (!(await this.organizations.setAcceptingReferrals(id, accepting))) throw notFound('Organization');
    return (await this.directory.organization(id))!;
  }

  /** The ids of the areas named, in order; each unknown code is a problem naming `areaCodes`. */
  private async areaIds(codes: readonly string[], problems: FieldProblem[]): Promise<string[]> {
    const unique = [...new Set(codes.map((code) => code.trim()))];
    const byCode = await this.directory.areaIdsByCode(unique);
    for (const code of unique.filter((c) => !byCode.has(c))) problems.push({ field: 'areaCodes', message: `no area has the code "${code}"` });
    return unique.flatMap((code) => byCode.get(code) ?? []);
  }

  /** The id of the organisation with this name, if any. */
  private nameTakenBy(name: string): Promise<string | null> {
    return this.organizations.idByName(name);
  }

  /**
   * Runs a write in a transaction, on a repository of that transaction; a name taken meanwhile by a concurrent write is
   * still BAD_USER_INPUT on `name`.
   */
  private async write<T>(name: string, work: (organizations: OrganizationsRepository) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction((tx) => work(new OrganizationsRepository(tx)));
    } catch (error) {
      if (isUniqueViolation(error, 'organization_name_key')) throw badUserInput([nameTaken(name)]);
      throw error;
    }
  }
}

/** Categories without repeats, in the order of the NeedCategory enum (so lists compare and read the same everywhere). */
export function inCategoryOrder(categories: readonly NeedCategory[]): NeedCategory[] {
  return Object.values(NeedCategory).filter((category) => categories.includes(category));
}

function nameTaken(name: string): FieldProblem {
  return { field: 'name', message: `another organisation is already called "${name}"` };
}
