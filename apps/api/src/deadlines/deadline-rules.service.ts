import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineRule, DEFAULT_DEADLINE_RULE, NeedCategory } from '@tsunagu/domain';
import { DeadlineRuleEntity } from '@tsunagu/persistence';
import { SetDeadlineRuleInput } from './dto/set-deadline-rule.input';
import { DeadlineRuleModel } from './models/deadline-rule.model';

/**
 * Deadline rules per category. A referral takes its category's rule when it is submitted (it travels in the workflow
 * input), so changing a rule affects new referrals and never a running workflow's timers.
 */
@Injectable()
export class DeadlineRulesService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async all(): Promise<DeadlineRuleModel[]> {
    const rows = await this.db.getRepository(DeadlineRuleEntity).find();
    const byCategory = new Map(rows.map((row) => [row.category, row]));
    return Object.values(NeedCategory).map((category) => toModel(category, byCategory.get(category)));
  }

  async forCategory(category: NeedCategory): Promise<DeadlineRule> {
    const row = await this.db.getRepository(DeadlineRuleEntity).findOneBy({ category });
    const { customized: _customized, category: _category, ...rule } = toModel(category, row ?? undefined);
    return rule;
  }

  async set(input: SetDeadlineRuleInput): Promise<DeadlineRuleModel> {
    await this.db.getRepository(DeadlineRuleEntity).upsert(
      {
        category: input.category,
        offerResponseDays: input.offerResponseDays,
        progressReminderDays: input.progressReminderDays,
        unmatchedEscalationDays: input.unmatchedEscalationDays,
        // Left out: the column keeps its value (its default on a new row).
        ...(input.tier1ResponseDays != null ? { tier1ResponseDays: input.tier1ResponseDays } : {}),
      },
      ['category'],
    );
    return toModel(input.category, await this.db.getRepository(DeadlineRuleEntity).findOneByOrFail({ category: input.category }));
  }
}

function toModel(category: NeedCategory, row?: DeadlineRuleEntity): DeadlineRuleModel {
  const rule = row ?? DEFAULT_DEADLINE_RULE;
  return {
    category,
    offerResponseDays: rule.offerResponseDays,
    progressReminderDays: rule.progressReminderDays,
    unmatchedEscalationDays: rule.unmatchedEscalationDays,
    tier1ResponseDays: rule.tier1ResponseDays,
    customized: row !== undefined,
  };
}
