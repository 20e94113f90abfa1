// 地域課題 in jsdom with a stand-in GraphQL client (the real api is driven in test/browser/regional-issue.browser-spec.ts).
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Client, Provider } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { describe, expect, it, vi } from 'vitest';
import { SessionContext, type SessionState } from '../auth/session';
import { RegionalIssuePage } from './RegionalIssuePage';

function renderPage(regionalIssue: unknown) {
  const executeQuery = vi.fn(() => concat([fromValue({ operation: {}, data: { regionalIssue } }), never]));
  const client = { executeQuery } as unknown as Client;
  const session = { status: 'signed-in', viewer: { role: 'TIER1_COORDINATOR' } } as unknown as SessionState;
  render(
    <Provider value={client}>
      <SessionContext value={{ session, refresh: async () => undefined, reset: () => undefined }}>
        <MemoryRouter initialEntries={['/regional-issues/issue-1']}>
          <Routes>
            <Route path="/regional-issues/:id" element={<RegionalIssuePage />} />
          </Routes>
        </MemoryRouter>
      </SessionContext>
    </Provider>,
  );
  return { executeQuery };
}

const issue = (fields: Record<string, unknown>) => ({
  __typename: 'RegionalIssue',
  id: 'issue-1',
  title: '北部の通院の足',
  status: 'IN_IMPLEMENTATION',
  category: 'TRANSPORT',
  areas: [{ __typename: 'Area', code: 'N1', name: '北部' }],
  referralCount: 2,
  referrals: [{ __typename: 'Referral', id: 'ref-1', status: 'ESCALATED', category: 'TRANSPORT', area: { __typename: 'Area', name: '北部' } }],
  proposals: [
    {
      __typename: 'PolicyProposal',
      id: 'p-1',
      title: '通院移動支援の創設',
      status: 'ADOPTED',
      followUpActions: [
        { __typename: 'FollowUpAction', id: 'a-1', description: '予算要求', owner: '介護保険課', dueOn: '2027-03-31', doneAt: null, overdue: true },
        {
          __typename: 'FollowUpAction',
          id: 'a-2',
          description: '募集',
          owner: '社協',
          dueOn: '2027-06-30',
          doneAt: '2027-06-01T00:00:00.000Z',
          overdue: false,
        },
      ],
    },
  ],
  ...fields,
});

describe('地域課題', () => {
  it('shows the status, each follow-up action with its due day in 和暦 and the weekday, and the needs the viewer may open', () => {
    const { executeQuery } = renderPage(issue({}));
    expect(executeQuery.mock.calls[0]).toEqual([expect.objectContaining({ variables: { id: 'issue-1' } }), expect.anything()]);
    expect(screen.getByRole('heading', { level: 1, name: '北部の通院の足' })).toBeTruthy();
    expect(screen.getByText('施策実施中')).toBeTruthy();
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(['内容担当期日状況', '予算要求介護保険課令和9年3月31日(水)期日超過', '募集社協令和9年6月30日(水)完了']);
    expect(screen.getByRole('heading', { level: 2, name: 'つながっている依頼（2件）' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '移動支援（北部）' }).getAttribute('href')).toBe('/referrals/ref-1');
    expect(screen.getByText('ほか1件は、あなたの権限では表示されません。')).toBeTruthy();
  });

  it('is not found when the api returns no issue', () => {
    renderPage(null);
    expect(screen.getByRole('heading', { level: 1, name: '見つかりません' })).toBeTruthy();
  });
});
