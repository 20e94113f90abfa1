// Every word the console shows, in one place (none in components). Enum labels follow the GLOSSARY
// (shared/design/GLOSSARY.md); the api's own labels (libs/domain/src/text/labels.ts, another branch) will replace the
// enum tables here when the two are unified.
import type { Role } from '../graphql/generated/graphql';

export const ja = {
  app: {
    name: 'つなぐ',
    tagline: '生活支援コーディネーターの依頼管理',
    skipToContent: '本文へ移動',
    loading: '読み込み中…',
    retry: 'もう一度読み込む',
    primaryNavigation: 'メインメニュー',
    signedInAs: 'ログイン中',
    organization: '所属',
    organizationNone: '所属なし',
    role: '役割',
  },
  nav: {
    home: 'ホーム',
    newReferral: '新規依頼',
    inbox: '受信箱',
  },
  signIn: {
    title: 'ログイン',
    lead: '所属先から通知されたメールアドレスとパスワードを入力してください。',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'ログイン',
    submitting: 'ログインしています…',
    signedOut: 'ログアウトしました。',
    passwordChanged: 'パスワードを変更しました。新しいパスワードでログインしてください。',
    sessionEnded: 'ログインの有効期限が切れました。もう一度ログインしてください。',
  },
  changePassword: {
    title: 'パスワードの変更',
    leadTemporary: '仮のパスワードでログインしています。ご自身で決めたパスワードに変更してください。変更するまで他の画面は使えません。',
    lead: '新しいパスワードを決めてください。変更後は、新しいパスワードでもう一度ログインします。',
    current: '現在のパスワード',
    currentHint: '仮のパスワードでログインした方は、その仮のパスワードを入力してください。',
    next: '新しいパスワード',
    nextHint: '12文字以上。よく使われるパスワード、メールアドレス、現在のパスワードは使えません。',
    confirm: '新しいパスワード（確認）',
    submit: 'パスワードを変更する',
    submitting: '変更しています…',
  },
  signOut: {
    action: 'ログアウト',
    pending: 'ログアウトしています…',
  },
  home: {
    title: 'ホーム',
    welcome: (name: string) => `${name} さん、こんにちは。`,
    today: (date: string) => `今日は ${date} です。`,
    referralCount: '見られる依頼の件数',
    referralCountValue: (count: number) => `${count.toLocaleString('ja-JP')} 件`,
    nextSession: '依頼の一覧・登録・回答の画面は準備中です。',
  },
  inbox: {
    title: '受信箱',
  },
  notFound: {
    title: '見つかりません',
    body: 'お探しのページは見つかりません。URL が正しいか確かめてください。',
    backHome: 'ホームへ戻る',
  },
  form: {
    errorSummaryTitle: '入力内容を確認してください',
    required: (label: string) => `${label}を入力してください。`,
    emailFormat: 'メールアドレスの形式で入力してください（例: yamada@example.jp）。',
    passwordTooShort: 'パスワードは12文字以上にしてください。',
    passwordsDiffer: '確認用のパスワードが一致しません。',
    sameAsCurrent: '現在のパスワードと違うものにしてください。',
    requiredMark: '必須',
  },
  errors: {
    wrongCredentials: 'メールアドレスまたはパスワードが正しくありません。',
    tooManyAttempts: (minutes: number) => `ログインの失敗が続いたため、一時的にログインできません。約${minutes}分後にもう一度お試しください。`,
    temporaryPasswordExpired: '仮のパスワードの有効期限が切れています。システム管理者に再発行を依頼してください。',
    wrongCurrentPassword: '現在のパスワードが正しくありません。',
    weakNewPassword: 'このパスワードは使えません。12文字以上で、よく使われるもの・メールアドレス・現在のパスワード以外にしてください。',
    network: 'サーバーに接続できませんでした。ネットワークを確かめて、もう一度お試しください。',
    unexpected: '予期しないエラーが発生しました。時間をおいてもう一度お試しください。',
    loadFailed: '情報を読み込めませんでした。',
  },
  roles: {
    ADMIN: 'システム管理者',
    PARTNER: '連携先',
    SUBCOMMITTEE: '生活支援体制整備部会',
    TIER1_COORDINATOR: '第1層生活支援コーディネーター',
    TIER2_COORDINATOR: '第2層生活支援コーディネーター',
  } satisfies Record<Role, string>,
  dates: {
    jst: '日本時間',
  },
} as const;

export type Catalogue = typeof ja;
