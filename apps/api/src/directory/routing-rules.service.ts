import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NeedCategory, PARTNER_ORGANIZATION_KINDS } from '@tsunagu/domain';
import { AreaEntity, CandidateDirectory, OrganizationEntity } from '@tsunagu/persistence';
import { badUserInput, FieldProblem } from '../common/graphql-errors';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';
import { RoutingRulesArgs } from './dto/routing-rule.args';
import { RoutingRulesRepository } from './routing-rules.repository';

export interface RoutingRuleView {
  category: NeedCategory;
  area: AreaEntity;
  /** In rank order. */
  organizations: OrganizationEntity[];
}

const CATEGORY_ORDER = Object.values(NeedCategory);

/**
 * Routing rules (per category and area, the partners offered a need first) and the suggestions they lead to. The
 * suggestions come from CandidateDirectory, the same query and pure ranking the worker's routing activity uses.
 */
@Injectable()
export class RoutingRulesService {
  private readonly routingRules: RoutingRulesRepository;
  private readonly areaReads: DirectoryRepository;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly directory: DirectoryService,
  ) {
    this.routingRules = new RoutingRulesRepository(db);
    this.areaReads = new DirectoryRepository(db);
  }

  /** The rules, by area (in the areas' order) then category; an unknown area code matches none. */
  async rules(filter: RoutingRulesArgs): Promise<RoutingRuleView[]> {
    const rows = await this.routingRules.rules(CATEGORY_ORDER, filter.category ?? null, filter.areaCode ?? null);
    const areas = new Map((await this.areas(rows.map((r) => r.areaId))).map((area) => [area.id, area]));
    const organizations = new Map(
      (await this.directory.organizationsInOrder([...new Set(rows.map((r) => r.organizationId))])).map((org) => [org.id, org]),
    );
    const rules = new Map<string, RoutingRuleView>();
    for (const row of rows) {
      const key = `${row.areaId}/${row.category}`;
      if (!rules.has(key)) rules.set(key, { category: row.category, area: areas.get(row.areaId)!, organizations: [] });
      rules.get(key)!.organizations.push(organizations.get(row.organizationId)!);
    }
    return [...rules.values()];
  }

  /**
   * Replaces the rule for a category and area with this ordered list, in one transaction; an empty list deletes it.
   * Each id must be an existing partner organisation, named once.
   */
  async setRule(category: NeedCategory, areaCode: string, organizationIds: readonly string[]): Promise<RoutingRuleView> {
    const area = await this.directory.areaByCode(areaCode);
    const problems: FieldProblem[] = area ? [] : [{ field: 'areaCode', message: `no area has the code "${areaCode}"` }];
    const organizations = await this.directory.organizationsInOrder(organizationIds);
    const repeated = organizationIds.filter((id, index) => organizationIds.indexOf(id) !== index);
    if (repeated.length) problems.push({ field: 'organizationIds', message: `${[...new Set(repeated)].join(', ')} named more than once` });
    const unknown = organizationIds.filter((id) => !organizations.some((org) => org.id === id));
    if (unknown.length) problems.push({ field: 'organizationIds', message: `no organisation has the id ${[...new Set(unknown)].join(', ')}` });
    for (const org of organizations.filter((o) => !PARTNER_ORGANIZATION_KINDS.includes(o.kind))) {
      problems.push({ field: 'organizationIds', message: `"${org.name}" is a ${org.kind}, which does not take referrals` });
    }
    if (problems.length) throw badUserInput(problems);

    await this.db.transaction(async (tx) => {
      const routingRules = new RoutingRulesRepository(tx);
      // The lock first, in the same transaction as the replacement: a concurrent save of the same rule waits for it.
      await routingRules.lockRule(category, area!.id);
      await routingRules.replaceRule(category, area!.id, organizationIds);
    });
    return { category, area: area!, organizations: [...organizations] };
  }

  /** The partners a new need would be offered to, in the order routing would offer them. */
  async suggested(category: NeedCategory, areaCode: string): Promise<OrganizationEntity[]> {
    const area = await this.directory.areaByCode(areaCode);
    if (!area) throw badUserInput([{ field: 'areaCode', message: `no area has the code "${areaCode}"` }]);
    const ranked = await new CandidateDirectory(this.db).ranked({ category, areaId: area.id });
    return this.directory.organizationsInOrder(ranked.map((org) => org.id));
  }

  private async areas(ids: readonly string[]): Promise<AreaEntity[]> {
    return ids.length ? this.areaReads.areasByIds(ids) : [];
  }
}
