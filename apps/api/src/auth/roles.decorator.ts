import { SetMetadata } from '@nestjs/common';
import { Role } from '@tsunagu/domain';

export const ROLES = 'tsunagu:roles';

/**
 * Only these roles may call the operation; the AuthGuard answers anyone else FORBIDDEN, before the arguments are
 * validated (guards run before pipes). Every query and mutation says who may call it, with @Roles, @AnyRole or @Public
 * (access-matrix.spec.ts fails otherwise, and the guard refuses an operation that says nothing). Rules that depend on
 * the object too (which referral, which organisation) are policy functions in the service, on top of this.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Any signed-in user may call the operation (what they see or may change is still decided by the service). */
export const AnyRole = () => SetMetadata(ROLES, Object.values(Role));

export const ALLOWED_WITH_TEMPORARY_PASSWORD = 'tsunagu:allowed-with-temporary-password';

/**
 * The operation works while the user's password is a temporary one (me, changeMyPassword, signOut). Everything else
 * answers FORBIDDEN with `extensions.reason: PASSWORD_CHANGE_REQUIRED` until they have chosen their own.
 */
export const AllowedWithTemporaryPassword = () => SetMetadata(ALLOWED_WITH_TEMPORARY_PASSWORD, true);
