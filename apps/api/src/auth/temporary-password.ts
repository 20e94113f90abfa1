// When a temporary password (createUser, resetUserPassword, npm run create-admin) stops working. Pure: unit-tested.

/** Why a sign-in with the right temporary password is refused (extensions.reason, with code UNAUTHENTICATED). */
export const TEMPORARY_PASSWORD_EXPIRED = 'TEMPORARY_PASSWORD_EXPIRED';

export interface TemporaryPasswordFacts {
  mustChangePassword: boolean;
  temporaryPasswordIssuedAt: Date | null;
}

/**
 * Whether the user's password is a temporary one issued more than `hours` ago (TSUNAGU_TEMPORARY_PASSWORD_HOURS). One
 * with no issue time (migration 1765152000000 leaves none) counts as expired: an administrator resets it.
 */
export function temporaryPasswordExpired(user: TemporaryPasswordFacts, hours: number, now = new Date()): boolean {
  if (!user.mustChangePassword) return false;
  if (!user.temporaryPasswordIssuedAt) return true;
  return now.getTime() - user.temporaryPasswordIssuedAt.getTime() > hours * 3_600_000;
}
