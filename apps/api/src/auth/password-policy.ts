// The rules a new password must meet. Pure: unit-tested, and shared by every place a user chooses a password.
import COMMON_PASSWORDS from './common-passwords.json';

export const PASSWORD_MIN_LENGTH = 12;
/** The login form accepts up to 200 characters; a longer password could never be used to sign in. */
export const PASSWORD_MAX_LENGTH = 200;

/** The data file's list (common-passwords.json), as compared: normalised by `comparable`. */
const COMMON = new Set(COMMON_PASSWORDS.passwords.map(comparable));

export interface PasswordContext {
  /** The user's email: a password equal to it is the first guess. */
  email: string;
  /** The password being replaced, when the user typed it. */
  currentPassword?: string;
}

/**
 * What is wrong with a new password, as messages for the `newPassword` field; empty when it is acceptable. Length
 * counts characters (code points), so a Japanese passphrase of 12 characters passes; spaces around it do not count
 * towards the minimum. Nothing is trimmed or normalised in what is stored: the password is kept exactly as typed, and
 * signing in compares it exactly. The comparisons with common passwords and the email ignore case, surrounding spaces
 * and full-width forms (ＰＡＳＳＷＯＲＤ１２３４ is password1234).
 */
export function passwordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  const trimmed = password.trim();
  if (trimmed === '') problems.push('must not be blank');
  else if ([...trimmed].length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  const candidate = comparable(password);
  if (candidate && (COMMON.has(candidate) || /^(.{1,4})\1+$/u.test(candidate))) {
    problems.push('is too common or too predictable (a well-known password, a keyboard run, a short pattern repeated)');
  }
  if (candidate === comparable(context.email)) problems.push('must not be your email address');
  if (context.currentPassword !== undefined && password === context.currentPassword) problems.push('must differ from the current password');
  return problems;
}

/** How passwords are compared with the list and the email: NFKC (full-width to ASCII), trimmed, lower-case. */
function comparable(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}
