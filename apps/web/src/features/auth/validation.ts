// What the sign-in and password forms check before sending (the api checks again and has the last word). Pure: tested
// in validation.test.ts; messages from the catalogue.
import { ja } from '../../shared/i18n/ja';
import type { FieldError } from '../../shared/ui/ErrorSummary';

/** The api's minimum (apps/api/src/auth/password-policy.ts); common passwords and the email it alone can check. */
export const MIN_PASSWORD_LENGTH = 12;

// One @, something on both sides, a dot in the domain: enough to catch a typo; the api decides who exists.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignInValues {
  email: string;
  password: string;
}

export function validateSignIn({ email, password }: SignInValues): FieldError[] {
  const errors: FieldError[] = [];
  if (!email.trim()) errors.push({ field: 'email', message: ja.form.required(ja.signIn.email) });
  else if (!EMAIL.test(email.trim())) errors.push({ field: 'email', message: ja.form.emailFormat });
  if (!password) errors.push({ field: 'password', message: ja.form.required(ja.signIn.password) });
  return errors;
}

export interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function validateChangePassword({ currentPassword, newPassword, confirmPassword }: ChangePasswordValues): FieldError[] {
  const errors: FieldError[] = [];
  if (!currentPassword) errors.push({ field: 'currentPassword', message: ja.form.required(ja.changePassword.current) });
  if (!newPassword) errors.push({ field: 'newPassword', message: ja.form.required(ja.changePassword.next) });
  else if ([...newPassword].length < MIN_PASSWORD_LENGTH || !newPassword.trim())
    errors.push({ field: 'newPassword', message: ja.form.passwordTooShort });
  else if (newPassword === currentPassword) errors.push({ field: 'newPassword', message: ja.form.sameAsCurrent });
  if (!confirmPassword) errors.push({ field: 'confirmPassword', message: ja.form.required(ja.changePassword.confirm) });
  else if (newPassword && confirmPassword !== newPassword) errors.push({ field: 'confirmPassword', message: ja.form.passwordsDiffer });
  return errors;
}
