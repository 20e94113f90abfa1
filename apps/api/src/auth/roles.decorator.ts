import { SetMetadata } from '@nestjs/common';
import { Role } from '@tsunagu/domain';

export const ROLES = 'tsunagu:roles';

/**
 * Only these roles may call the operation; the AuthGuard answers anyone else FORBIDDEN (before arguments are
 * validated). For rules that depend on the object too, use a policy function in the service instead.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
