import { AreaEntity } from './area.entity';
import { AuditEventEntity } from './audit-event.entity';
import { DeadlineRuleEntity } from './deadline-rule.entity';
import { OrganizationEntity } from './organization.entity';
import { ProvisionRecordEntity } from './provision-record.entity';
import { ReferralHandoffEntity } from './referral-handoff.entity';
import { ReferralEntity } from './referral.entity';
import { RoutingPreferenceEntity } from './routing-preference.entity';
import { UserEntity } from './user.entity';

export { AreaEntity, AuditEventEntity, DeadlineRuleEntity, OrganizationEntity, ProvisionRecordEntity, ReferralEntity, ReferralHandoffEntity, RoutingPreferenceEntity, UserEntity };

export const ENTITIES = [AreaEntity, OrganizationEntity, UserEntity, ReferralEntity, ReferralHandoffEntity, DeadlineRuleEntity, RoutingPreferenceEntity, ProvisionRecordEntity, AuditEventEntity];
