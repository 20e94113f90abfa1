// 通知設定 in jsdom with a stand-in GraphQL client (the real api is driven in test/browser/notification-settings.browser-spec.ts).
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Client, CombinedError, Provider } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { describe, expect, it, vi } from 'vitest';
import { SessionContext, type SessionState } from '../auth/session';
import { NotificationSettingsPage } from './NotificationSettingsPage';
import { PREFERENCE_GROUPS } from './preferences';

const ACCOUNT = ['ACCOUNT_CREATED', 'PASSWORD_RESET_DONE', 'SIGN_IN_LOCKED'];
const preferences = PREFERENCE_GROUPS.flatMap(({ kinds }) => kinds).map((kind) => ({
  __typename: 'NotificationPreference',
  kind,
  delivery: kind === 'PROGRESS_REMINDER' ? 'DAILY_DIGEST' : 'IMMEDIATE',
  changeable: !ACCOUNT.includes(kind),
}));

function renderPage(mutationResult: (variables: Record<string, unknown>) => unknown = () => ({})) {
  // Sources that stay open, as the client's do: urql clears the error of a query whose source ends.
  const executeQuery = vi.fn(() => concat([fromValue({ operation: {}, data: { myNotificationPreferences: preferences } }), never]));
  const executeMutation = vi.fn((request: { variables: Record<string, unknown> }) =>
    fromValue({ operation: {}, ...(mutationResult(request.variables) as object) }),
  );
  const client = { executeQuery, executeMutation } as unknown as Client;
  const session = { status: 'signed-in', viewer: { role: 'PARTNER' } } as unknown as SessionState;
  render(
    <Provider value={client}>
      <SessionContext value={{ session, refresh: async () => undefined, reset: () => undefined }}>
        <MemoryRouter initialEntries={['/settings/notifications']}>
          <NotificationSettingsPage />
        </MemoryRouter>
      </SessionContext>
    </Provider>,
  );
  return { executeQuery, executeMutation };
}

const sent = (executeMutation: ReturnType<typeof renderPage>['executeMutation']) =>
  executeMutation.mock.calls.map(([request]) => (request as { variables: unknown }).variables);

describe('通知設定', () => {
  it('shows each kind with its three choices, checked as the api says; account events are shown, not offered', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: '通知設定' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '依頼の打診と回答',
      '期限と催促',
      '地域課題と部会',
      'アカウント',
    ]);
    const offer = screen.getByRole('group', { name: '新しい依頼の打診' });
    expect(
      within(offer)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual(['すぐに', '毎朝まとめて（開庁日8:30）', '受け取らない']);
    expect(within(offer).getByRole('radio', { name: 'すぐに' })).toHaveProperty('checked', true);
    expect(within(screen.getByRole('group', { name: '進捗の記録の催促' })).getByRole('radio', { name: '毎朝まとめて（開庁日8:30）' })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.getAllByRole('group')).toHaveLength(14);
    const account = screen.getByRole('region', { name: 'アカウント' });
    expect(within(account).queryAllByRole('radio')).toEqual([]);
    expect(within(account).getAllByText('すぐに（変更できません）')).toHaveLength(3);
  });

  it('sends only what changed, when 保存する is pressed, and says it is saved', async () => {
    const { executeMutation, executeQuery } = renderPage((variables) => ({
      data: { setNotificationPreference: { ...variables, changeable: true } },
    }));
    await userEvent.click(within(screen.getByRole('group', { name: '新しい依頼の打診' })).getByRole('radio', { name: '毎朝まとめて（開庁日8:30）' }));
    await userEvent.click(within(screen.getByRole('group', { name: '依頼の完了' })).getByRole('radio', { name: '受け取らない' }));
    await userEvent.click(within(screen.getByRole('group', { name: '依頼の受諾' })).getByRole('radio', { name: '受け取らない' }));
    await userEvent.click(within(screen.getByRole('group', { name: '依頼の受諾' })).getByRole('radio', { name: 'すぐに' }));
    expect(executeMutation).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: '保存する' }));
    await screen.findByText('通知設定を保存しました。');
    expect(sent(executeMutation)).toEqual([
      { kind: 'OFFER', delivery: 'DAILY_DIGEST' },
      { kind: 'COMPLETED', delivery: 'OFF' },
    ]);
    expect(executeQuery.mock.calls.length).toBeGreaterThan(1);
  });

  it('says nothing changed without sending, and says what was not saved when the api refuses', async () => {
    const refusal = new CombinedError({ graphQLErrors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT', fields: ['delivery'] } }] });
    const { executeMutation } = renderPage((variables) =>
      variables.kind === 'COMPLETED' ? { error: refusal } : { data: { setNotificationPreference: variables } },
    );
    await userEvent.click(screen.getByRole('button', { name: '保存する' }));
    await screen.findByText('変更はありません。');
    expect(executeMutation).not.toHaveBeenCalled();

    await userEvent.click(within(screen.getByRole('group', { name: '新しい依頼の打診' })).getByRole('radio', { name: '受け取らない' }));
    await userEvent.click(within(screen.getByRole('group', { name: '依頼の完了' })).getByRole('radio', { name: '受け取らない' }));
    await userEvent.click(screen.getByRole('button', { name: '保存する' }));
    expect((await screen.findByRole('alert')).textContent).toBe('2 件の変更のうち 1 件を保存しました。残りはもう一度お試しください。');
  });
});
