import { AreaEntity } from './area.entity';
import { OrganizationEntity } from './organization.entity';
import { ReferralHandoffEntity } from './referral-handoff.entity';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';

export { AreaEntity, OrganizationEntity, ReferralEntity, ReferralHandoffEntity, UserEntity };

export const ENTITIES = [AreaEntity, OrganizationEntity, UserEntity, ReferralEntity, ReferralHandoffEntity];
