// Routing rules (routing_preference): per category and area, the partners offered a need first, in rank order.
import type { DataSource, EntityManager } from 'typeorm';
import type { NeedCategory } from '@tsunagu/domain';

export interface RoutingRuleRow {
  category: NeedCategory;
  areaId: string;
  organizationId: string;
}

export class RoutingRulesRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * One row per ranked organisation of the rules matching the filters (null: any; an unknown area code matches none),
   * by area (in the areas' order), then category in `categoryOrder`, then rank.
   */
  rules(categoryOrder: readonly NeedCategory[], category: NeedCategory | null, areaCode: string | null): Promise<RoutingRuleRow[]> {
    return this.db.query(
      `SELECT rp.category, rp.area_id AS "areaId", rp.organization_id AS "organizationId"
         FROM routing_preference rp JOIN area a ON a.id = rp.area_id
        WHERE ($2::text IS NULL OR rp.category = $2) AND ($3::text IS NULL OR a.code = $3)
        ORDER BY a.sort_order, a.code, array_position($1::text[], rp.category), rp.rank`,
      [categoryOrder, category, areaCode],
    );
  }

  /** Holds the rule of this category and area until the transaction ends (run it on a transaction's manager). */
  async lockRule(category: NeedCategory, areaId: string): Promise<void> {
    // Two administrators saving the same rule at once: the second waits, then replaces the first's list whole.
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`routing_preference:${category}:${areaId}`]);
  }

  /** Makes the rule exactly these organisations, ranked in this order; an empty list deletes it. */
  async replaceRule(category: NeedCategory, areaId: string, organizationIds: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM routing_preference WHERE category = $1 AND area_id = $2`, [category, areaId]);
    if (organizationIds.length) {
      await this.db.query(
        `INSERT INTO routing_preference (category, area_id, rank, organization_id)
         SELECT $1, $2, ids.rank, ids.id FROM unnest($3::uuid[]) WITH ORDINALITY AS ids (id, rank)`,
        [category, areaId, organizationIds],
      );
    }
  }
}
