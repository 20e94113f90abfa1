import { AreaEntity } from './area.entity';
import { AuditEventEntity } from './audit-event.entity';
import { DeadlineRuleEntity } from './deadline-rule.entity';
import { NotificationEntity, NotificationPreferenceEntity } from './notification.entity';
import { OrganizationEntity } from './organization.entity';
import { AgendaItemEntity, FollowUpActionEntity, PolicyProposalEntity, SubcommitteeMeetingEntity } from './policy-proposal.entity';
import { ProvisionRecordEntity } from './provision-record.entity';
import { ReferralHandoffEntity } from './referral-handoff.entity';
import { ReferralEntity } from './referral.entity';
import { RegionalIssueEventEntity } from './regional-issue-event.entity';
import { RegionalIssueAreaEntity, RegionalIssueEntity, RegionalIssueReferralEntity } from './regional-issue.entity';
import { RoutingPreferenceEntity } from './routing-preference.entity';
import { UserEntity } from './user.entity';

export {
  AgendaItemEntity,
  FollowUpActionEntity,
  PolicyProposalEntity,
  RegionalIssueAreaEntity,
  RegionalIssueEntity,
  RegionalIssueEventEntity,
  RegionalIssueReferralEntity,
  SubcommitteeMeetingEntity,
};
export { NotificationEntity, NotificationPreferenceEntity };
export {
  AreaEntity,
  AuditEventEntity,
  DeadlineRuleEntity,
  OrganizationEntity,
  ProvisionRecordEntity,
  ReferralEntity,
  ReferralHandoffEntity,
  RoutingPreferenceEntity,
  UserEntity,
};

export const ENTITIES = [
  AreaEntity,
  OrganizationEntity,
  UserEntity,
  ReferralEntity,
  ReferralHandoffEntity,
  DeadlineRuleEntity,
  RoutingPreferenceEntity,
  ProvisionRecordEntity,
  AuditEventEntity,
  // The policy track.
  RegionalIssueEntity,
  RegionalIssueAreaEntity,
  RegionalIssueReferralEntity,
  PolicyProposalEntity,
  SubcommitteeMeetingEntity,
  AgendaItemEntity,
  FollowUpActionEntity,
  RegionalIssueEventEntity,
  // Notifications by mail.
  NotificationEntity,
  NotificationPreferenceEntity,
];
