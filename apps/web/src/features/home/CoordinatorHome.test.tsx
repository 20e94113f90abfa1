// The coordinator's home in jsdom with a stand-in GraphQL client (the real api is driven in test/browser/): a referral
// in 「対応が必要な依頼」 stays in the full list (its counts and tabs are of everything found) but is marked there, and
// the lists refresh themselves every 20 s without touching what the person typed.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Client, Provider } from 'urql';
import { fromValue } from 'wonka';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionContext, type SessionState } from '../auth/session';
import { CoordinatorHome, HOME_POLL_MS, ROWS_AT_ONCE } from './CoordinatorHome';

const viewer = {
  id: 'user-1',
  displayName: '川西 SC',
  email: 'tier2@tsunagu.test',
  role: 'TIER2_COORDINATOR' as const,
  mustChangePassword: false,
  canReadKeptMail: false,
  organization: { id: 'council', name: '社会福祉協議会' },
  area: { id: 'area-1', name: '川西' },
};

const row = (id: string, summary: string, status: string) => ({
  __typename: 'Referral',
  id,
  summary,
  category: 'TRANSPORT',
  status,
  createdAt: '2026-12-01T01:00:00.000Z',
  responseDueAt: null,
  currentOrganization: null,
});

function OpenedReferral() {
  return <p>opened {useLocation().pathname}</p>;
}

function renderHome(rows: { attention: ReturnType<typeof row>[]; list: ReturnType<typeof row>[] }) {
  const executeQuery = vi.fn((operation: { query: { definitions: Array<{ name?: { value: string } }> } }, _options?: { requestPolicy?: string }) => {
    const name = operation.query.definitions[0].name?.value;
    const data =
      name === 'HomeOrganizations'
        ? { organizations: [] }
        : {
            attention: { totalCount: rows.attention.length, edges: rows.attention.map((node) => ({ node })) },
            list: {
              totalCount: rows.list.length,
              countsByStatus: [{ status: 'UNMATCHED', count: rows.list.length }],
              edges: rows.list.map((node) => ({ node })),
            },
          };
    return fromValue({ operation, data, stale: false, hasNext: false });
  });
  const client = { executeQuery } as unknown as Client;
  const session: SessionState = { status: 'signed-in', viewer };
  render(
    <Provider value={client}>
      <SessionContext value={{ session, refresh: async () => undefined, reset: () => undefined }}>
        <MemoryRouter initialEntries={['/?q=送迎']}>
          <Routes>
            <Route path="/" element={<CoordinatorHome />} />
            <Route path="/referrals/:id" element={<OpenedReferral />} />
          </Routes>
        </MemoryRouter>
      </SessionContext>
    </Provider>,
  );
  const homeQueries = () => executeQuery.mock.calls.filter(([operation]) => operation.query.definitions[0].name?.value === 'CoordinatorHome');
  return { homeQueries };
}

// Rendering a page of rows in jsdom takes seconds on a loaded machine: more than vitest's 5 s default.
describe('the coordinator home', { timeout: 20_000 }, () => {
  afterEach(() => vi.useRealTimers());

  it('marks in the full list the referrals that are also in 「対応が必要な依頼」, and only those', () => {
    const urgent = row('r-1', '急ぎの送迎', 'UNMATCHED');
    renderHome({ attention: [urgent], list: [urgent, row('r-2', '普段の送迎', 'OFFERED')] });
    const attention = screen.getByRole('list', { name: '対応が必要な依頼' });
    const list = screen.getByRole('list', { name: '依頼の一覧' });
    expect(within(attention).queryByText('対応が必要（上の一覧にもあります）')).toBeNull();
    const [first, second] = within(list).getAllByRole('listitem');
    expect(within(first).getByRole('link').textContent).toBe('急ぎの送迎');
    expect(within(first).getByText('対応が必要（上の一覧にもあります）')).toBeTruthy();
    expect(within(second).queryByText('対応が必要（上の一覧にもあります）')).toBeNull();
  });

  it(`draws ${ROWS_AT_ONCE} rows of a list at once, and the rest of what was fetched on 「さらに表示」`, () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(`r-${i}`, `送迎 ${i}`, 'OFFERED'));
    renderHome({ attention: [], list: rows });
    const list = screen.getByRole('list', { name: '依頼の一覧' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(ROWS_AT_ONCE);
    fireEvent.click(screen.getByRole('button', { name: 'さらに 5 件を表示' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(25);
    expect(screen.queryByRole('button', { name: /さらに/ })).toBeNull();
  });

  it('opens a row in the console on a plain click, and leaves a click with a modifier key to the browser (a new tab)', () => {
    renderHome({ attention: [], list: [row('r-2', '普段の送迎', 'OFFERED')] });
    const link = within(screen.getByRole('list', { name: '依頼の一覧' })).getByRole('link', { name: '普段の送迎' });
    expect(link.getAttribute('href')).toBe('/referrals/r-2');
    // Whether the console took the click, seen after React's handler (jsdom would otherwise try to navigate).
    let taken: boolean | undefined;
    const watch = (event: MouseEvent) => {
      taken = event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener('click', watch);
    try {
      fireEvent.click(link, { ctrlKey: true });
      expect(taken).toBe(false);
      expect(screen.queryByText(/^opened/)).toBeNull();
      fireEvent.click(link);
      expect(taken).toBe(true);
    } finally {
      window.removeEventListener('click', watch);
    }
    expect(screen.getByText('opened /referrals/r-2')).toBeTruthy();
  });

  it('asks again every 20 s, from the network, with the same search, keeping the typed text and the focus', async () => {
    vi.useFakeTimers();
    const { homeQueries } = renderHome({ attention: [], list: [row('r-2', '普段の送迎', 'OFFERED')] });
    const box = screen.getByRole('searchbox');
    box.focus();
    expect(homeQueries()).toHaveLength(1);
    await act(async () => {
      vi.advanceTimersByTime(HOME_POLL_MS);
    });
    const [request, options] = homeQueries().at(-1)! as unknown as [{ variables: { filter: unknown } }, { requestPolicy: string }];
    expect(homeQueries().length).toBeGreaterThan(1);
    expect(options.requestPolicy).toBe('network-only');
    expect(request.variables.filter).toEqual({ text: '送迎' });
    expect((box as HTMLInputElement).value).toBe('送迎');
    expect(document.activeElement).toBe(box);
    // The quiet refresh announces nothing.
    expect(screen.queryByText('更新しています…')).toBeNull();
  });
});
