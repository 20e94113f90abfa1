// The new-referral form in jsdom with a stand-in GraphQL client (the real api is driven in test/browser/): each
// category's form asks for its own required detail, errors sit by their fields and are announced, nothing is sent
// while anything is wrong, and the api's problems land on the inputs they name.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Client, Provider } from 'urql';
import { fromValue } from 'wonka';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionContext, type SessionState } from '../../auth/session';
import { NewReferralPage } from './NewReferralPage';

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

function renderForm(submit: () => unknown = () => ({ data: { submitReferral: { id: 'r-1' } } })) {
  const executeQuery = vi.fn((operation: { query: { definitions: Array<{ name?: { value: string } }> } }) => {
    const name = operation.query.definitions[0].name?.value;
    const data =
      name === 'NewReferralAreas'
        ? { areas: [{ id: 'area-1', code: 'KAWANISHI', name: '川西' }] }
        : { suggestedOrganizations: [{ id: 'org-1', name: 'NPO 川西', answeredByProxy: false }] };
    return fromValue({ operation, data, stale: false, hasNext: false });
  });
  const executeMutation = vi.fn(() => fromValue(submit()));
  const client = { executeQuery, executeMutation } as unknown as Client;
  const session: SessionState = { status: 'signed-in', viewer };
  render(
    <Provider value={client}>
      <SessionContext value={{ session, refresh: async () => undefined, reset: () => undefined }}>
        <MemoryRouter initialEntries={['/referrals/new']}>
          <NewReferralPage />
        </MemoryRouter>
      </SessionContext>
    </Provider>,
  );
  return { executeMutation };
}

function describedText(element: HTMLElement): string {
  return (element.closest('fieldset') ?? element)
    .getAttribute('aria-describedby')!
    .split(' ')
    .map((id) => document.getElementById(id)!.textContent)
    .join(' ');
}

describe('the new-referral form', () => {
  beforeEach(() => localStorage.clear());

  it.each([
    ['移動支援', /^通院/, '目的を選んでください。'],
    ['買い物支援', /^個人$/, '対象の範囲を選んでください。'],
    ['家事支援', /^ごみ出し/, '支援内容を1つ以上選んでください。'],
    ['通いの場・居場所', /^サロン/, '居場所の種類を選んでください。'],
    ['見守り', /^訪問/, '見守りの方法を1つ以上選んでください。'],
    ['その他', /^内容/, '内容を入力してください。'],
  ])('%s: its required detail is asked for by the field, announced, and nothing is sent', async (category, firstInput, message) => {
    const { executeMutation } = renderForm();
    await userEvent.selectOptions(screen.getByLabelText(/^支援の種類/), category);
    await userEvent.click(screen.getByRole('button', { name: 'この内容で登録する' }));

    const input = screen.getAllByLabelText(firstInput).at(-1)!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(input)).toContain(message);
    expect(screen.getAllByRole('alert')[0].textContent).toContain(message);
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('refuses a ふりがな that is not kana, by its field', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText(/^ふりがな/), 'Yamada');
    await userEvent.click(screen.getByRole('button', { name: 'この内容で登録する' }));
    const kana = screen.getByLabelText(/^ふりがな/);
    expect(kana.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(kana)).toContain('ふりがなは、ひらがな・カタカナで入力してください。');
  });

  it('sends a complete TRANSPORT need once with the key made when the form opened, and shows the api’s problems by their fields', async () => {
    const { executeMutation } = renderForm(() => ({
      operation: {},
      error: {
        graphQLErrors: [
          {
            message: 'bad',
            extensions: {
              code: 'BAD_USER_INPUT',
              messageJa: '入力内容を確認してください',
              problems: [{ field: 'details.transport.days[1]', message: 'repeated', messageJa: '同じ曜日が2回あります' }],
            },
          },
        ],
      },
    }));
    const key = JSON.parse(localStorage.getItem('tsunagu:referral-draft:user-1') ?? 'null')?.clientRequestId;
    await userEvent.selectOptions(screen.getByLabelText(/^支援の種類/), '移動支援');
    await userEvent.type(screen.getByLabelText(/^依頼内容/), '週2回の通院');
    await userEvent.click(screen.getByLabelText(/^通院/));
    await userEvent.type(screen.getByLabelText(/^氏名/), '山田 太郎');
    await userEvent.click(screen.getByLabelText(/同意を得ています/));
    await userEvent.type(screen.getByLabelText(/^同意の方法/), '書面');
    await userEvent.type(screen.getByLabelText(/^同意を得た日/), '2026-01-05');
    await userEvent.click(screen.getByRole('button', { name: 'この内容で登録する' }));

    expect(executeMutation).toHaveBeenCalledTimes(1);
    const sent = (executeMutation.mock.calls[0] as unknown as [{ variables: { input: { clientRequestId: string; details: unknown } } }])[0].variables
      .input;
    const draft = JSON.parse(localStorage.getItem('tsunagu:referral-draft:user-1')!);
    expect(sent.clientRequestId).toBe(draft.clientRequestId);
    if (key) expect(sent.clientRequestId).toBe(key);
    expect(sent.details).toEqual({ transport: { purpose: 'HOSPITAL', days: [] } });
    const monday = screen.getByLabelText('月');
    expect(monday.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(monday)).toContain('同じ曜日が2回あります');
  });
});
