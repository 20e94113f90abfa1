import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, REFERRAL_STATUS_LABELS, REGIONAL_ISSUE_STATUS_LABELS, POLICY_PROPOSAL_STATUS_LABELS } from '@tsunagu/domain';

// The Japanese message of every error, for people (docs/API.md, "Errors"): extensions.messageJa, which a form shows as
// it is, beside the stable extensions.code that programs read. `message` stays English for logs and scripts. One
// catalogue, applied by formatError to every error that leaves the api; words from shared/design/GLOSSARY.md.

/** The message of each code when nothing more precise is known. A Record: a code added without one does not compile. */
export const MESSAGE_JA_BY_CODE: Readonly<Record<ErrorCode, string>> = {
  [ErrorCode.UNAUTHENTICATED]: 'ログインしてください',
  [ErrorCode.FORBIDDEN]: 'この操作を行う権限がありません',
  [ErrorCode.NOT_FOUND]: '見つかりません',
  [ErrorCode.BAD_USER_INPUT]: '入力内容に誤りがあります。確認して、もう一度送信してください',
  [ErrorCode.CONFLICT]: '現在の状態ではこの操作はできません。画面を更新して、状態を確認してください',
  [ErrorCode.UNAVAILABLE]: 'ただいま処理できません。しばらくしてからもう一度お試しください',
  [ErrorCode.INTERNAL_SERVER_ERROR]: 'システムエラーが発生しました。システム管理者にお問い合わせください',
  [ErrorCode.MOVE_NOT_RECORDED]: '記録できませんでした。変更は行われていません',
};

/** Apollo's own codes for a request that is no GraphQL a server can run (a client program's bug, not a person's). */
const REQUEST_ERROR_JA = 'リクエストの形式が正しくありません';

/** `extensions.reason` values that say more than their code. */
export const MESSAGE_JA_BY_REASON: Readonly<Record<string, string>> = {
  PASSWORD_CHANGE_REQUIRED: '仮パスワードを変更してから操作してください',
  TEMPORARY_PASSWORD_EXPIRED: '仮パスワードの有効期限が切れています。システム管理者に再発行を依頼してください',
  WRITE_REFUSED: '入力された値を記録できませんでした。内容を確認してください（変更は行われていません）',
  RELEASED_BY_OPERATOR: '記録できなかったため、処理を取り消しました。変更は行われていません',
};

/** The verbs of the referral moves, as in "Cannot accept a referral that is COMPLETED" (the state machine's command types). */
const MOVE_JA: Readonly<Record<string, string>> = {
  accept: '受諾',
  decline: '辞退',
  start: '対応開始',
  complete: '完了の記録',
  reassign: '依頼先の変更',
  escalate: '第1層への引継ぎ',
  withdraw: '取下げ',
  note: 'メモの追加',
  extend_deadline: '期限の延長',
  take: '引受け',
  return: '差戻し',
  hold: '保留',
  put_on_hold: '保留',
  resume: '再開',
};

type Rule = readonly [RegExp, (match: RegExpExecArray) => string];

const label = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;

/** The common English messages of CONFLICT, FORBIDDEN and UNAUTHENTICATED (the workflows' and the api's), by pattern. */
const MESSAGE_RULES: Readonly<Partial<Record<ErrorCode, readonly Rule[]>>> = {
  [ErrorCode.CONFLICT]: [
    [
      /^Cannot (\w+) a referral that is ([A-Z_]+)/,
      (m) => `この依頼は「${label(REFERRAL_STATUS_LABELS, m[2])}」のため、${MOVE_JA[m[1]] ?? 'この操作'}はできません`,
    ],
    [/^Only the organisation the referral is offered to or held by can/, () => 'この依頼の依頼先・担当の連携先だけが行えます'],
    [/^The referral (is [A-Z_]+ and takes|has closed and takes) no more moves/, () => 'この依頼は終了しているため、これ以上の操作はできません'],
    [/^The referral has left your organisation/, () => 'この依頼は既に貴団体から他へ移っています。メモの追加のみできます'],
    [/^The resident has not consented/, () => '本人の同意がないため、連携先にはつなげません（社会福祉協議会または第1層SCで対応します）'],
    [/^The regional issue is ([A-Z_]+)/, (m) => `この地域課題は「${label(REGIONAL_ISSUE_STATUS_LABELS, m[1])}」のため、変更できません`],
    [
      /^Cannot [\w ]+ a proposal that is ([A-Z_]+)/,
      (m) => `この施策提言は「${label(POLICY_PROPOSAL_STATUS_LABELS, m[1])}」のため、この操作はできません`,
    ],
  ],
  [ErrorCode.FORBIDDEN]: [
    [/has an active user and answers for itself/, () => 'この連携先には利用者がいるため、代理入力はできません（連携先が自ら回答します）'],
  ],
  [ErrorCode.UNAUTHENTICATED]: [
    [/^Email or password is wrong/, () => 'メールアドレスまたはパスワードが違います'],
    [/^The token is invalid or has expired/, () => 'ログインの有効期限が切れました。もう一度ログインしてください'],
  ],
};

/** The field problems' messages (extensions.problems[].message), by pattern: what a form shows beside the field. */
const PROBLEM_RULES: readonly Rule[] = [
  [/^is required|must not be blank|has no visible character/, () => '入力してください'],
  [/^must be empty/, () => '入力できません（空にしてください）'],
  [/^must be true before personal data can go to a partner/, () => '連携先に個人情報を渡すには、本人の同意が必要です'],
  [/^no area has/, () => '該当する圏域がありません'],
  [/^no organisation has/, () => '該当する団体がありません'],
  [/^no referral has/, () => '該当する依頼がありません'],
  [/control character|surrogate/, () => '使用できない文字が含まれています'],
  [/(shorter than or equal to|at most) (\d+) characters/, (m) => `${m[2]}文字以内で入力してください`],
  [/date and time with a time zone|calendar day|YYYY-MM-DD|must be a valid ISO 8601/, () => '日付・時刻の形式が正しくありません'],
  [/^must be later than/, () => '開始より後の日時を指定してください'],
  [/^is not a cursor/, () => 'ページの指定が正しくありません。一覧を読み込み直してください'],
  [/^is not your current password/, () => '現在のパスワードが違います'],
  [/^another user already has this email address/, () => 'このメールアドレスは既に使われています'],
  [/^another organisation is already called/, () => '同じ名前の団体が既にあります'],
  [/more than \d+ tokens|levels deep|aliases/, () => 'リクエストが大きすぎます'],
];

function byRules(rules: readonly Rule[], message: string): string | null {
  for (const [pattern, text] of rules) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return null;
}

/** The Japanese message of one field problem; a generic one when its English message is not in the catalogue. */
export function problemMessageJa(message: string): string {
  return byRules(PROBLEM_RULES, message) ?? '入力内容を確認してください';
}

/** The Japanese message of an error as it leaves the api (code, reason and message already final). */
export function messageJa(formatted: Pick<GraphQLFormattedError, 'message' | 'extensions'>): string {
  const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const reason = formatted.extensions?.reason;
  if (typeof reason === 'string' && MESSAGE_JA_BY_REASON[reason]) return MESSAGE_JA_BY_REASON[reason];
  const retryAfter = formatted.extensions?.retryAfterSeconds;
  if (code === ErrorCode.UNAUTHENTICATED && typeof retryAfter === 'number') {
    return `ログインの試行回数が上限を超えました。${retryAfter}秒後にもう一度お試しください`;
  }
  if (code === ErrorCode.BAD_USER_INPUT) {
    const problems = formatted.extensions?.problems;
    if (formatted.extensions?.limit) return 'リクエストが大きすぎます。検索条件や取得する項目を減らしてください';
    if (Array.isArray(problems) && problems.length === 1) return problemMessageJa(String((problems[0] as { message?: unknown }).message ?? ''));
    return MESSAGE_JA_BY_CODE[ErrorCode.BAD_USER_INPUT];
  }
  if (!(code in MESSAGE_JA_BY_CODE)) return REQUEST_ERROR_JA;
  return byRules(MESSAGE_RULES[code as ErrorCode] ?? [], formatted.message) ?? MESSAGE_JA_BY_CODE[code as ErrorCode];
}

/** The error with extensions.messageJa, and a messageJa on each of its field problems. */
export function withMessageJa(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = { ...formatted.extensions };
  if (Array.isArray(extensions.problems)) {
    extensions.problems = extensions.problems.map((problem: { message?: unknown }) => ({
      ...problem,
      messageJa: problemMessageJa(String(problem.message ?? '')),
    }));
  }
  return { ...formatted, extensions: { ...extensions, messageJa: messageJa({ message: formatted.message, extensions }) } };
}
