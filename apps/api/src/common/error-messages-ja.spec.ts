import { ErrorCode } from '@tsunagu/domain';
import { MESSAGE_JA_BY_CODE, messageJa, problemMessageJa, withMessageJa } from './error-messages-ja';
import { formatError } from './format-error';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the Japanese messages of errors', () => {
  it('has one for every ErrorCode (a code added without one fails here)', () => {
    for (const code of Object.values(ErrorCode)) {
      expect({ code, ja: JAPANESE.test(MESSAGE_JA_BY_CODE[code] ?? '') }).toEqual({ code, ja: true });
      expect(JAPANESE.test(messageJa({ message: 'x', extensions: { code } }))).toBe(true);
    }
  });

  it('gives the messages the brief names', () => {
    expect(messageJa({ message: 'Referral not found', extensions: { code: 'NOT_FOUND' } })).toBe('見つかりません');
    expect(messageJa({ message: 'x', extensions: { code: 'UNAVAILABLE', retryable: true } })).toBe(
      'ただいま処理できません。しばらくしてからもう一度お試しください',
    );
    expect(messageJa({ message: 'Cannot accept a referral that is COMPLETED', extensions: { code: 'CONFLICT' } })).toBe(
      'この依頼は「完了」のため、受諾はできません',
    );
    expect(messageJa({ message: 'Cannot extend_deadline a referral that is ESCALATED', extensions: { code: 'CONFLICT' } })).toBe(
      'この依頼は「第1層へ引継ぎ」のため、期限の延長はできません',
    );
    expect(messageJa({ message: 'The referral is WITHDRAWN and takes no more moves', extensions: { code: 'CONFLICT' } })).toBe(
      'この依頼は終了しているため、これ以上の操作はできません',
    );
  });

  it('falls back to the code’s message for an English message it does not know', () => {
    expect(messageJa({ message: 'Something new', extensions: { code: 'CONFLICT' } })).toBe(MESSAGE_JA_BY_CODE.CONFLICT);
    expect(messageJa({ message: 'A PARTNER cannot withdraw a referral', extensions: { code: 'FORBIDDEN' } })).toBe(MESSAGE_JA_BY_CODE.FORBIDDEN);
    expect(messageJa({ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } })).toBe('リクエストの形式が正しくありません');
  });

  it('says more for a reason: a temporary password, the rate limit, a refused write', () => {
    expect(messageJa({ message: 'x', extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' } })).toBe(
      '仮パスワードを変更してから操作してください',
    );
    expect(messageJa({ message: 'Too many attempts', extensions: { code: 'UNAUTHENTICATED', retryAfterSeconds: 60 } })).toBe(
      'ログインの試行回数が上限を超えました。60秒後にもう一度お試しください',
    );
    expect(messageJa({ message: 'x', extensions: { code: 'MOVE_NOT_RECORDED', reason: 'WRITE_REFUSED' } })).toMatch(/変更は行われていません/);
    expect(messageJa({ message: 'Email or password is wrong', extensions: { code: 'UNAUTHENTICATED' } })).toBe(
      'メールアドレスまたはパスワードが違います',
    );
    expect(
      messageJa({
        message: 'This partner has an active user and answers for itself; a coordinator records answers only for partners without one',
        extensions: { code: 'FORBIDDEN' },
      }),
    ).toMatch(/代理入力はできません/);
  });

  it('gives each field problem its own message, and one problem’s message to the whole error', () => {
    expect(problemMessageJa('is required when subjectKind is PERSON')).toBe('入力してください');
    expect(problemMessageJa('note must be shorter than or equal to 2000 characters')).toBe('2000文字以内で入力してください');
    expect(problemMessageJa('must be true before personal data can go to a partner')).toBe('連携先に個人情報を渡すには、本人の同意が必要です');
    expect(problemMessageJa('something else')).toBe('入力内容を確認してください');
    const formatted = withMessageJa({
      message: 'Invalid input: subject: is required when subjectKind is PERSON',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: ['subject'],
        problems: [{ field: 'subject', message: 'is required when subjectKind is PERSON' }],
      },
    });
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['subject'],
      problems: [{ field: 'subject', message: 'is required when subjectKind is PERSON', messageJa: '入力してください' }],
      messageJa: '入力してください',
    });
  });

  it('is on every error formatError lets out, internal ones too', () => {
    const format = formatError();
    expect(format({ message: 'relation "x" does not exist', extensions: { code: 'SOMETHING' } }, null).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      messageJa: MESSAGE_JA_BY_CODE.INTERNAL_SERVER_ERROR,
    });
    expect(format({ message: 'Referral not found', extensions: { code: 'NOT_FOUND' } }, null).extensions?.messageJa).toBe('見つかりません');
  });
});
