// The sign-in form in jsdom, with a stand-in GraphQL client (the real api is driven in test/browser/).
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Client, Provider } from 'urql';
import { fromValue } from 'wonka';
import { describe, expect, it, vi } from 'vitest';
import { SessionContext, type SessionState } from './session';
import { SignInPage, signInFailure } from './SignInPage';

function renderSignIn(login: () => unknown) {
  const executeMutation = vi.fn(() => fromValue(login()));
  const client = { executeMutation } as unknown as Client;
  const session: SessionState = { status: 'signed-out' };
  render(
    <Provider value={client}>
      <SessionContext value={{ session, refresh: async () => undefined, reset: () => undefined }}>
        <MemoryRouter initialEntries={['/sign-in']}>
          <SignInPage />
        </MemoryRouter>
      </SessionContext>
    </Provider>,
  );
  return { executeMutation };
}

describe('the sign-in page', () => {
  it('shows Japanese errors tied to their fields, announces them, focuses the first, and sends nothing', async () => {
    const { executeMutation } = renderSignIn(() => ({}));
    await userEvent.click(screen.getByRole('button', { name: 'ログイン' }));

    const email = screen.getByLabelText(/メールアドレス/);
    const password = screen.getByLabelText(/パスワード/);
    expect(email).toHaveProperty('ariaInvalid', 'true');
    expect(password).toHaveProperty('ariaInvalid', 'true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('メールアドレスを入力してください。');
    expect(document.getElementById(password.getAttribute('aria-describedby')!)!.textContent).toBe('パスワードを入力してください。');
    expect(screen.getByRole('alert').textContent).toContain('入力内容を確認してください');
    expect(document.activeElement).toBe(email);
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('puts the api’s refusal of a wrong password on the password field, in Japanese', async () => {
    renderSignIn(() => ({
      operation: {},
      error: { graphQLErrors: [{ message: 'Email or password is wrong', extensions: { code: 'UNAUTHENTICATED' } }], networkError: undefined },
    }));
    await userEvent.type(screen.getByLabelText(/メールアドレス/), 'tier2@tsunagu.test');
    await userEvent.type(screen.getByLabelText(/パスワード/), 'machigai');
    await userEvent.click(screen.getByRole('button', { name: 'ログイン' }));

    const password = await screen.findByLabelText(/パスワード/);
    await vi.waitFor(() => expect(password).toHaveProperty('ariaInvalid', 'true'));
    expect(document.getElementById(password.getAttribute('aria-describedby')!)!.textContent).toBe(
      'メールアドレスまたはパスワードが正しくありません。',
    );
    expect(document.activeElement).toBe(password);
  });
});

describe('what the api’s refusals say', () => {
  const info = { network: false, code: 'UNAUTHENTICATED', reason: null, fields: [], retryAfterSeconds: null };
  it.each([
    ['a wrong password', info, 'メールアドレスまたはパスワードが正しくありません。'],
    [
      'too many failures (rounded up to minutes)',
      { ...info, retryAfterSeconds: 61 },
      'ログインの失敗が続いたため、一時的にログインできません。約2分後にもう一度お試しください。',
    ],
    [
      'an expired temporary password',
      { ...info, reason: 'TEMPORARY_PASSWORD_EXPIRED' },
      '仮のパスワードの有効期限が切れています。システム管理者に再発行を依頼してください。',
    ],
    ['no connection', { ...info, network: true, code: null }, 'サーバーに接続できませんでした。ネットワークを確かめて、もう一度お試しください。'],
  ])('%s', (_label, given, message) => {
    expect(signInFailure(given)).toEqual({ field: 'password', message });
  });
});
