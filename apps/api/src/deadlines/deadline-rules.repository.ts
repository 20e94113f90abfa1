// The deadline rules stored per need category (deadline_rule); a category without a row uses the default rule.
import type { DataSource, EntityManager } from 'typeorm';
import type { NeedCategory } from '@tsunagu/domain';
// A narrow entry, not @tsunagu/persistence: its index loads the Nest module, which the db tier cannot require.
import { DeadlineRuleEntity } from '@tsunagu/persistence/entities';

/** A category's deadlines as set; tier1ResponseDays left out keeps the column's value (its default on a new row). */
export interface DeadlineRuleValues {
  category: NeedCategory;
  offerResponseDays: number;
  progressReminderDays: number;
  unmatchedEscalationDays: number;
  tier1ResponseDays?: number;
}

export class DeadlineRulesRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Every stored rule, in no particular order. */
  all(): Promise<DeadlineRuleEntity[]> {
    return this.db.getRepository(DeadlineRuleEntity).find();
  }

  findByCategory(category: NeedCategory): Promise<DeadlineRuleEntity | null> {
    return this.db.getRepository(DeadlineRuleEntity).findOneBy({ category });
  }

  /** Inserts or replaces the category's rule; the row as stored. */
  async upsert(values: DeadlineRuleValues): Promise<DeadlineRuleEntity> {
    await this.db.getRepository(DeadlineRuleEntity).upsert(values, ['category']);
    return this.db.getRepository(DeadlineRuleEntity).findOneByOrFail({ category: values.category });
  }
}
