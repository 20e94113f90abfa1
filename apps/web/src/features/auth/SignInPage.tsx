import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorInfo, type ApiErrorInfo } from '../../shared/graphql/errors';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary, type FieldError } from '../../shared/ui/ErrorSummary';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { SignInDocument } from './documents';
import { useSession } from './session';
import { validateSignIn, type SignInValues } from './validation';

const ID = 'sign-in';

export function SignInPage() {
  usePageTitle(ja.signIn.title);
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const [, signIn] = useMutation(SignInDocument);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { register, handleSubmit, formState, setFocus } = useForm<SignInValues>({ defaultValues: { email: '', password: '' } });

  const notice = session.status === 'signed-out' ? session.notice : undefined;
  if (session.status === 'signed-in') return <Navigate to={session.viewer.mustChangePassword ? '/change-password' : '/'} replace />;

  const onSubmit = handleSubmit(async (values) => {
    const problems = validateSignIn(values);
    setErrors(problems);
    if (problems.length) return setFocus(problems[0].field as keyof SignInValues);
    const result = await signIn({ email: values.email.trim(), password: values.password });
    const failure = signInFailure(apiErrorInfo(result.error));
    if (failure) {
      setErrors([failure]);
      return setFocus(failure.field as keyof SignInValues);
    }
    await refresh();
    await navigate(result.data?.login.mustChangePassword ? '/change-password' : '/', { replace: true });
  });

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-std-32B-150">{ja.signIn.title}</h1>
      {notice && <Notice>{ja.signIn[notice]}</Notice>}
      <p>{ja.signIn.lead}</p>
      <ErrorSummary errors={errors} idPrefix={ID} />
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label={ja.signIn.title}>
        <TextField
          id={`${ID}-email`}
          label={ja.signIn.email}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          error={errorOf('email')}
          {...register('email')}
        />
        <TextField
          id={`${ID}-password`}
          label={ja.signIn.password}
          type="password"
          autoComplete="current-password"
          required
          error={errorOf('password')}
          {...register('password')}
        />
        <div>
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? ja.signIn.submitting : ja.signIn.submit}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** The api's refusal as the form shows it: on the password field (the api never says which of the two was wrong). */
export function signInFailure(info: ApiErrorInfo | null): FieldError | null {
  if (!info) return null;
  if (info.network) return { field: 'password', message: ja.errors.network };
  if (info.reason === 'TEMPORARY_PASSWORD_EXPIRED') return { field: 'password', message: ja.errors.temporaryPasswordExpired };
  if (info.retryAfterSeconds !== null)
    return { field: 'password', message: ja.errors.tooManyAttempts(Math.max(1, Math.ceil(info.retryAfterSeconds / 60))) };
  if (info.code === 'UNAUTHENTICATED') return { field: 'password', message: ja.errors.wrongCredentials };
  if (info.code === 'BAD_USER_INPUT' && info.fields.includes('email')) return { field: 'email', message: ja.form.emailFormat };
  return { field: 'password', message: ja.errors.unexpected };
}
