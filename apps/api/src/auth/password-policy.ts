// The rules a new password must meet. Pure: unit-tested, and shared by every place a user chooses a password.

export const PASSWORD_MIN_LENGTH = 12;
/** The login form accepts up to 200 characters; a longer password could never be used to sign in. */
export const PASSWORD_MAX_LENGTH = 200;

export interface PasswordContext {
  /** The user's email: a password equal to it is the first guess. */
  email: string;
  /** The password being replaced, when the user typed it. */
  currentPassword?: string;
}

/**
 * What is wrong with a new password, as messages for the `newPassword` field; empty when it is acceptable. Length
 * counts characters (code points), so a Japanese passphrase of 12 characters passes. Nothing is trimmed or normalised:
 * the password is stored exactly as typed, and signing in compares it exactly.
 */
export function passwordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  if (password.trim().toLowerCase() === context.email.trim().toLowerCase()) problems.push('must not be your email address');
  if (context.currentPassword !== undefined && password === context.currentPassword) problems.push('must differ from the current password');
  return problems;
}
