import type { UserEntity } from '@tsunagu/persistence';
import { auditTrailOf } from '../audit/audit-trail';

// An administrator who creates an account, or resets its password, knows its temporary password and could sign in as
// it before its owner does (docs/SECURITY.md, "Administrators and residents"). So signing in with a temporary password,
// and replacing one, are audit events of their own that name who issued it: a review sees an administrator's account
// followed by a first sign-in (from which address) and a password change that the owner did not make.

export const TEMPORARY_PASSWORD_SIGN_IN = 'account:temporaryPasswordSignIn';
export const TEMPORARY_PASSWORD_REPLACED = 'account:temporaryPasswordReplaced';

type Account = Pick<UserEntity, 'id' | 'role' | 'temporaryPasswordIssuedAt' | 'temporaryPasswordIssuedBy'>;

/** Adds the event to the request's audit trail (written with the mutation's own event). */
export function auditTemporaryPassword(
  context: object,
  operation: typeof TEMPORARY_PASSWORD_SIGN_IN | typeof TEMPORARY_PASSWORD_REPLACED,
  account: Account,
): void {
  auditTrailOf(context).add({
    actorUserId: account.id,
    actorRole: account.role,
    operation,
    objectType: 'User',
    objectId: account.id,
    result: 'OK',
    // issuedBy: the administrator's user id; null when the console issued it (npm run create-admin).
    details: { issuedBy: account.temporaryPasswordIssuedBy, issuedAt: account.temporaryPasswordIssuedAt?.toISOString() ?? null },
  });
}
