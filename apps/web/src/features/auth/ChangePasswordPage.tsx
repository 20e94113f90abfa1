import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorInfo, type ApiErrorInfo } from '../../shared/graphql/errors';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary, type FieldError } from '../../shared/ui/ErrorSummary';
import { TextField } from '../../shared/ui/TextField';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { ChangePasswordDocument } from './documents';
import { useSession, useViewer, type SignInNotice } from './session';
import { validateChangePassword, type ChangePasswordValues } from './validation';

const ID = 'change-password';

/**
 * Where a temporary password leads first (RequireSession sends every other route here until it is changed). The api
 * ends every session of the user on success, so the console signs in again with the new password.
 */
export function ChangePasswordPage() {
  usePageTitle(ja.changePassword.title);
  const viewer = useViewer();
  const { reset } = useSession();
  const navigate = useNavigate();
  const [, change] = useMutation(ChangePasswordDocument);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { register, handleSubmit, formState, setFocus } = useForm<ChangePasswordValues>({
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  // The api has ended every session of the user already: signed out here too, and the sign-in page says why.
  const signInAgain = async (notice: SignInNotice) => {
    reset(notice);
    await navigate('/sign-in', { replace: true });
  };

  const onSubmit = handleSubmit(async (values) => {
    const problems = validateChangePassword(values);
    setErrors(problems);
    if (problems.length) return setFocus(problems[0].field as keyof ChangePasswordValues);
    const result = await change({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    const info = apiErrorInfo(result.error);
    if (!info) return signInAgain('passwordChanged');
    if (info.code === 'UNAUTHENTICATED' && info.reason !== 'TEMPORARY_PASSWORD_EXPIRED') return signInAgain('sessionEnded');
    const failures = changePasswordFailures(info);
    setErrors(failures);
    setFocus(failures[0].field as keyof ChangePasswordValues);
  });

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-std-32B-150">{ja.changePassword.title}</h1>
      <p>{viewer.mustChangePassword ? ja.changePassword.leadTemporary : ja.changePassword.lead}</p>
      <ErrorSummary errors={errors} idPrefix={ID} />
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label={ja.changePassword.title}>
        {/* For password managers: the account whose password changes. */}
        <input type="email" name="username" autoComplete="username" value={viewer.email} readOnly hidden />
        <TextField
          id={`${ID}-currentPassword`}
          label={ja.changePassword.current}
          hint={viewer.mustChangePassword ? ja.changePassword.currentHint : undefined}
          type="password"
          autoComplete="current-password"
          required
          error={errorOf('currentPassword')}
          {...register('currentPassword')}
        />
        <TextField
          id={`${ID}-newPassword`}
          label={ja.changePassword.next}
          hint={ja.changePassword.nextHint}
          type="password"
          autoComplete="new-password"
          required
          error={errorOf('newPassword')}
          {...register('newPassword')}
        />
        <TextField
          id={`${ID}-confirmPassword`}
          label={ja.changePassword.confirm}
          type="password"
          autoComplete="new-password"
          required
          error={errorOf('confirmPassword')}
          {...register('confirmPassword')}
        />
        <div>
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? ja.changePassword.submitting : ja.changePassword.submit}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** The api's refusal, by field: BAD_USER_INPUT names currentPassword and/or newPassword (docs/API.md "Bad input"). */
export function changePasswordFailures(info: ApiErrorInfo): FieldError[] {
  if (info.network) return [{ field: 'currentPassword', message: ja.errors.network }];
  if (info.reason === 'TEMPORARY_PASSWORD_EXPIRED') return [{ field: 'currentPassword', message: ja.errors.temporaryPasswordExpired }];
  if (info.retryAfterSeconds !== null)
    return [{ field: 'currentPassword', message: ja.errors.tooManyAttempts(Math.max(1, Math.ceil(info.retryAfterSeconds / 60))) }];
  const failures: FieldError[] = [];
  if (info.fields.includes('currentPassword')) failures.push({ field: 'currentPassword', message: ja.errors.wrongCurrentPassword });
  if (info.fields.includes('newPassword')) failures.push({ field: 'newPassword', message: ja.errors.weakNewPassword });
  return failures.length ? failures : [{ field: 'currentPassword', message: ja.errors.unexpected }];
}
