import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineRule, DEFAULT_DEADLINE_RULE, NeedCategory } from '@tsunagu/domain';
import { DeadlineRuleEntity } from '@tsunagu/persistence';
import { DeadlineRulesRepository } from './deadline-rules.repository';
import { SetDeadlineRuleInput } from './dto/set-deadline-rule.input';
import { DeadlineRuleModel } from './models/deadline-rule.model';

/**
 * Deadline rules per category. A referral takes its category's rule when it is submitted (it travels in the workflow
 * input), so changing a rule affects new referrals and never a running workflow's timers.
 */
@Injectable()
export class DeadlineRulesService {
  private readonly repository: DeadlineRulesRepository;

  constructor(@Inject(DataSource) db: DataSource) {
    this.repository = new DeadlineRulesRepository(db);
  }

  async all(): Promise<DeadlineRuleModel[]> {
    const rows = await this.repository.all();
    const byCategory = new Map(rows.map((row) => [row.category, row]));
    return Object.values(NeedCategory).map((category) => toModel(category, byCategory.get(category)));
  }

  async forCategory(category: NeedCategory): Promise<DeadlineRule> {
    const row = await this.repository.findByCategory(category);
    const { customized: _customized, category: _category, ...rule } = toModel(category, row ?? undefined);
    return rule;
  }

  async set(input: SetDeadlineRuleInput): Promise<DeadlineRuleModel> {
    const row = await this.repository.upsert({
      category: input.category,
      offerResponseDays: input.offerResponseDays,
      progressReminderDays: input.progressReminderDays,
      unmatchedEscalationDays: input.unmatchedEscalationDays,
      // Left out: the column keeps its value (its default on a new row).
      ...(input.tier1ResponseDays != null ? { tier1ResponseDays: input.tier1ResponseDays } : {}),
    });
    return toModel(input.category, row);
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
