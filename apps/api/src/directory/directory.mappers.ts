import { AreaEntity, OrganizationEntity, UserEntity } from '@tsunagu/persistence';
import { AreaModel } from './models/area.model';
import { OrganizationModel } from './models/organization.model';
import { UserModel } from '../users/models/user.model';

// Entities stay in persistence; GraphQL sees only these models.

export function toAreaModel(area: AreaEntity): AreaModel {
  return { id: area.id, code: area.code, name: area.name };
}

export function toOrganizationModel(org: OrganizationEntity): OrganizationModel {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    categories: org.categories,
    acceptingReferrals: org.acceptingReferrals,
    hasSystemUsers: org.hasSystemUsers,
    contactName: org.contactName,
    contactEmail: org.contactEmail,
    contactPhone: org.contactPhone,
    notificationEmail: org.notificationEmail,
  };
}

export function toUserModel(user: Pick<UserEntity, 'id' | 'email' | 'displayName' | 'role' | 'organizationId' | 'areaId'>): UserModel {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    areaId: user.areaId,
  };
}
