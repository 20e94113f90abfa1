// The move forms in jsdom with a stand-in GraphQL client (the real api is driven in test/browser/partner.browser-spec.ts).
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, CombinedError, Provider } from 'urql';
import { fromValue } from 'wonka';
import { describe, expect, it, vi } from 'vitest';
import type { ReferralAction } from '../../shared/graphql/generated/graphql';
import { MoveForm } from './MoveForm';
import { EMPTY_MOVE, moveFailures, validateMove } from './moves';

function renderMove(action: ReferralAction, answer: () => unknown = () => ({ data: { ok: { id: 'r1' } } })) {
  const executeMutation = vi.fn(() => fromValue(answer()));
  const executeQuery = vi.fn(() => fromValue({ data: { suggestedOrganizations: [] } }));
  const client = { executeMutation, executeQuery } as unknown as Client;
  const onDone = vi.fn();
  render(
    <Provider value={client}>
      <MoveForm referralId="r1" action={action} proxy={false} idPrefix="move" onDone={onDone} onCancel={() => undefined} />
    </Provider>,
  );
  return { executeMutation, onDone };
}

describe('the decline form', () => {
  it('asks for the reason in Japanese by the field, announces it, focuses it, and sends nothing', async () => {
    const { executeMutation, onDone } = renderMove('DECLINE');
    await userEvent.click(screen.getByRole('button', { name: '辞退する' }));
    const reason = screen.getByLabelText(/辞退の理由/);
    expect(reason).toHaveProperty('ariaInvalid', 'true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)!.textContent).toBe('辞退の理由を選んでください。');
    expect(screen.getByRole('alert').textContent).toContain('入力内容を確認してください');
    expect(document.activeElement).toBe(reason);
    expect(executeMutation).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends the chosen code and the note, and leaves an empty note out', async () => {
    const { executeMutation, onDone } = renderMove('DECLINE');
    await userEvent.selectOptions(screen.getByLabelText(/辞退の理由/), '受入れ余力なし');
    await userEvent.click(screen.getByRole('button', { name: '辞退する' }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect((executeMutation.mock.calls[0] as unknown as [{ variables: unknown }])[0].variables).toEqual({ id: 'r1', reason: 'NO_CAPACITY' });
    expect(onDone).toHaveBeenCalledWith('DECLINE');
  });

  it('shows the api’s Japanese message by the field it names', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [
        {
          message: 'bad',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: ['note'],
            problems: [{ field: 'note', message: 'too long', messageJa: '2000文字以内で入力してください' }],
          },
        },
      ],
    });
    const { onDone } = renderMove('DECLINE', () => ({ error: refusal }));
    await userEvent.selectOptions(screen.getByLabelText(/辞退の理由/), 'その他');
    await userEvent.type(screen.getByLabelText(/メモ/), 'x');
    await userEvent.click(screen.getByRole('button', { name: '辞退する' }));
    const note = screen.getByLabelText(/メモ/);
    expect(document.getElementById(note.getAttribute('aria-describedby')!)!.textContent).toBe('2000文字以内で入力してください');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('the moves’ checks', () => {
  it('require only what each move needs', () => {
    expect(validateMove('ACCEPT', EMPTY_MOVE)).toEqual([]);
    expect(validateMove('EXTEND_DEADLINE', EMPTY_MOVE).map((e) => e.field)).toEqual(['businessDays', 'reason']);
    expect(validateMove('NOTE', { ...EMPTY_MOVE, note: '　 ' })).toEqual([{ field: 'note', message: 'メモを入力してください。' }]);
  });

  it('put an error about no field of the form (a conflict) above the form, in the api’s words', () => {
    const conflict = new CombinedError({
      graphQLErrors: [{ message: 'conflict', extensions: { code: 'CONFLICT', messageJa: 'この依頼は「完了」のため、受諾はできません' } }],
    });
    expect(moveFailures('ACCEPT', conflict)).toEqual([{ field: 'form', message: 'この依頼は「完了」のため、受諾はできません' }]);
    const badDays = new CombinedError({
      graphQLErrors: [
        { message: 'bad', extensions: { code: 'BAD_USER_INPUT', fields: ['businessDays'], messageJa: '1から30の数で入力してください' } },
      ],
    });
    expect(moveFailures('EXTEND_DEADLINE', badDays)).toEqual([{ field: 'businessDays', message: '1から30の数で入力してください' }]);
  });
});
