import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NeedCategory } from '@tsunagu/domain';

/** The deadlines of one need category; categories without a row use DEFAULT_DEADLINE_RULE. */
@Entity({ name: 'deadline_rule' })
export class DeadlineRuleEntity {
  @PrimaryColumn({ type: 'text' })
  category: NeedCategory;

  @Column({ name: 'offer_response_days', type: 'integer' })
  offerResponseDays: number;

  @Column({ name: 'progress_reminder_days', type: 'integer' })
  progressReminderDays: number;

  @Column({ name: 'unmatched_escalation_days', type: 'integer' })
  unmatchedEscalationDays: number;

  @Column({ name: 'tier1_response_days', type: 'integer' })
  tier1ResponseDays: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
