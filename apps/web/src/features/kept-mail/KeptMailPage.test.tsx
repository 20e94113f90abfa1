// 送信メール in jsdom with a stand-in GraphQL client (the real api and catcher are driven in test/browser/console.browser-spec.ts).
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Client, CombinedError, Provider } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { describe, expect, it, vi } from 'vitest';
import { SessionContext, type SessionState } from '../auth/session';
import { KeptMailPage } from './KeptMailPage';

function renderPage(result: unknown) {
  // A source that stays open, as the client's does: urql clears the error of a query whose source ends.
  const executeQuery = vi.fn(() => concat([fromValue(result), never]));
  const client = { executeQuery } as unknown as Client;
  const session = { status: 'signed-in', viewer: { role: 'ADMIN' } } as unknown as SessionState;
  render(
    <Provider value={client}>
      <SessionContext value={{ session, refresh: async () => undefined, reset: () => undefined }}>
        <MemoryRouter initialEntries={['/admin/mail']}>
          <KeptMailPage />
        </MemoryRouter>
      </SessionContext>
    </Provider>,
  );
  return { executeQuery };
}

const mail = {
  __typename: 'KeptMail',
  id: '20261207T000000000Z-0a0b0c0d',
  receivedAt: '2026-12-07T00:00:00.000Z',
  from: 'no-reply@tsunagu.test',
  to: ['npo@tsunagu.test'],
  recipients: ['npo@tsunagu.test', 'tier1@tsunagu.test'],
  subject: '【つなぐ】新しい依頼の打診',
  text: '移動支援の依頼が届きました。\n回答期限: 12月8日 17:00',
  html: '<p onclick="alert(1)">移動支援<script>alert(2)</script></p>',
};
const kept = (fields: Record<string, unknown>) => ({
  operation: {},
  data: { keptMails: { __typename: 'KeptMails', catcherEnabled: true, totalCount: 1, mails: [mail], ...fields } },
});

describe('送信メール', () => {
  it('lists each kept mail: subject, time in JST, To, the Bcc apart, the text, and the HTML only as its source', () => {
    const { executeQuery } = renderPage(kept({}));
    expect(executeQuery.mock.calls[0]).toEqual([expect.objectContaining({ variables: { first: 50 } }), expect.anything()]);
    expect(screen.getByRole('heading', { level: 1, name: '送信メール' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('保管しているメール（1 件）');

    const item = screen.getByRole('article', { name: '【つなぐ】新しい依頼の打診' });
    const text = item.textContent!;
    expect(text).toContain('12月7日');
    expect(text).toContain('09:00');
    expect(text).toContain('宛先npo@tsunagu.test');
    expect(text).toContain('その他の配信先tier1@tsunagu.test');
    expect(text).toContain('移動支援の依頼が届きました。\n回答期限: 12月8日 17:00');
    expect(within(item).getByText('HTML版のソースを見る')).toBeTruthy();
    expect(text).toContain('<script>alert(2)</script>');
    expect(item.querySelector('script, iframe, [onclick]')).toBeNull();
  });

  it('says when only the newest are shown, and when there is none yet', () => {
    renderPage(kept({ totalCount: 120 }));
    expect(screen.getByText('新しい順に 1 件を表示しています。')).toBeTruthy();
  });

  it('says there is no mail yet', () => {
    renderPage(kept({ totalCount: 0, mails: [] }));
    expect(screen.getByText('まだメールはありません。')).toBeTruthy();
  });

  it('says mail goes to a real server when the api keeps none', () => {
    renderPage(kept({ catcherEnabled: false, totalCount: 0, mails: [] }));
    expect(screen.getByRole('status').textContent).toBe('メールは設定されたメールサーバーから実際に配信されるため、この画面には表示されません。');
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
  });

  it('says the page is for administrators when the api refuses', () => {
    renderPage({ operation: {}, error: new CombinedError({ graphQLErrors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] }) });
    expect(screen.getByRole('alert').textContent).toBe('この画面はシステム管理者だけが使えます。');
  });
});
