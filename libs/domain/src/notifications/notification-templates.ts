import { DeclineReason, ReturnReason } from '../enums';
import { formatJstDate, formatJstDateTime } from '../text/jst-text';
import {
  DECLINE_REASON_LABELS,
  NEED_CATEGORY_LABELS,
  REFERRAL_OUTCOME_LABELS,
  RETURN_REASON_LABELS,
  SUBCOMMITTEE_DECISION_LABELS,
} from '../text/labels';
import { NotificationFacts, NotificationKind } from './notification-kinds';

/** What the templates need besides the facts: configured per city (TSUNAGU_CITY_NAME, CONSOLE_URL). */
export interface MailContext {
  cityName: string;
  /** The console's address, without a trailing slash; links are `<consoleUrl>/referrals/<id>`. */
  consoleUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One notification as the templates read it. */
export interface NotificationToRender {
  kind: NotificationKind;
  facts: NotificationFacts;
}

interface KindText {
  /** The subject after the city's prefix, and the first line of the body. */
  title: string;
  /** What the reader is asked to do, or why they are told. */
  lead: string;
}

// Japanese, the glossary's words (docs/DOMAIN.md). No placeholder takes free text: only the facts' codes and the
// directory's names.
const KIND_TEXT: Readonly<Record<NotificationKind, KindText>> = {
  [NotificationKind.OFFER]: { title: '新しい依頼の打診があります', lead: '回答期限までに、受けるか辞退するかをコンソールで回答してください。' },
  [NotificationKind.OFFER_REMINDER]: { title: '打診への回答をお願いします', lead: '回答期限が近づいています。コンソールで回答してください。' },
  [NotificationKind.OFFER_EXPIRED]: {
    title: '打診が回答期限を過ぎました',
    lead: '連携先から期限内に回答がありませんでした。次の連携先に打診しているか、つなぎ先なしです。',
  },
  [NotificationKind.UNMATCHED]: {
    title: 'つなぎ先が見つかりません',
    lead: '打診できる連携先がありません。別の連携先を選ぶか、第1層SCに上げてください。',
  },
  [NotificationKind.ESCALATED]: { title: '依頼が第1層SCに上げられました', lead: '第1層SCの対応を待っています。' },
  [NotificationKind.TIER1_REMINDER]: {
    title: '第1層SCの対応をお願いします',
    lead: '第1層SCに上げられた依頼の対応期限が近づいているか、過ぎています。',
  },
  [NotificationKind.ACCEPTED]: { title: '依頼が受けられました', lead: '連携先が依頼を受けました。' },
  [NotificationKind.DECLINED]: { title: '依頼が辞退されました', lead: '連携先が依頼を辞退しました。' },
  [NotificationKind.RETURNED]: { title: '依頼が差し戻されました', lead: '依頼が差し戻されました。次のつなぎ先をご確認ください。' },
  [NotificationKind.COMPLETED]: { title: '依頼が完了しました', lead: '依頼の対応が完了しました。' },
  [NotificationKind.PROGRESS_REMINDER]: {
    title: '進捗の記録をお願いします',
    lead: 'しばらく進捗の記録がありません。コンソールで状況を記録してください。',
  },
  [NotificationKind.RESUME_DATE]: { title: '保留中の依頼の再開予定日です', lead: '再開するか、保留を続けるかをコンソールで決めてください。' },
  [NotificationKind.FOLLOW_UP_ACTION_DUE]: { title: 'フォローアップの期日です', lead: '採択された施策のフォローアップが期日を迎えました。' },
  [NotificationKind.SUBCOMMITTEE_DECISION]: {
    title: '部会で決定がありました',
    lead: 'あなたの依頼がつながっている地域課題について、部会で決定がありました。',
  },
  [NotificationKind.ACCOUNT_CREATED]: {
    title: 'アカウントが作成されました',
    lead: '管理者があなたのアカウントを作成しました。仮パスワードは管理者から受け取ってください。',
  },
  [NotificationKind.PASSWORD_RESET_DONE]: {
    title: 'パスワードがリセットされました',
    lead: '管理者があなたのパスワードをリセットしました。新しい仮パスワードは管理者から受け取ってください。心当たりがない場合は管理者に連絡してください。',
  },
  [NotificationKind.SIGN_IN_LOCKED]: {
    title: 'サインインが一時的に制限されました',
    lead: 'パスワードの誤りが続いたため、サインインを一時的に制限しました。心当たりがない場合は管理者に連絡してください。',
  },
};

const FOOTER = 'このメールは送信専用です。個人情報はメールに記載していません。内容はコンソールで確認してください。';

/** Subject, plain text and HTML of one notification (docs/NOTIFICATIONS.md, "What a mail may contain"). */
export function renderNotification(notification: NotificationToRender, context: MailContext): RenderedMail {
  const { title, lead } = KIND_TEXT[notification.kind];
  const facts = factLines(notification.kind, notification.facts);
  const link = linkOf(notification.facts, context);
  const greeting = notification.facts.recipientName ? `${notification.facts.recipientName} 様` : null;
  const signature = `${context.cityName} 生活支援体制整備事業 つなぐ`;

  const text = [
    ...(greeting ? [greeting, ''] : []),
    title,
    lead,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(link ? ['', `コンソールで開く: ${link}`] : []),
    '',
    '--',
    FOOTER,
    signature,
    '',
  ].join('\n');

  const html = [
    '<!doctype html><html lang="ja"><body>',
    greeting ? `<p>${escapeHtml(greeting)}</p>` : '',
    `<h1 style="font-size:1.2em">${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(lead)}</p>`,
    facts.length
      ? `<table>${facts.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`
      : '',
    link ? `<p><a href="${escapeHtml(link)}">コンソールで開く</a></p>` : '',
    `<hr><p style="font-size:0.9em">${escapeHtml(FOOTER)}<br>${escapeHtml(signature)}</p>`,
    '</body></html>',
  ].join('');

  return { subject: `【${context.cityName} つなぐ】${title}`, text, html };
}

/** One mail listing a user's digest rows, oldest first: their titles, facts and links. */
export function renderDigest(notifications: readonly NotificationToRender[], digestAt: Date, context: MailContext): RenderedMail {
  const title = `${formatJstDate(digestAt)}のお知らせ（${notifications.length}件）`;
  const signature = `${context.cityName} 生活支援体制整備事業 つなぐ`;
  const items = notifications.map((n) => ({ title: KIND_TEXT[n.kind].title, facts: factLines(n.kind, n.facts), link: linkOf(n.facts, context) }));

  const text = [
    title,
    '',
    ...items.flatMap((item, i) => [
      `${i + 1}. ${item.title}`,
      ...item.facts.map(([label, value]) => `   ${label}: ${value}`),
      ...(item.link ? [`   コンソールで開く: ${item.link}`] : []),
      '',
    ]),
    '--',
    FOOTER,
    signature,
    '',
  ].join('\n');

  const html = [
    '<!doctype html><html lang="ja"><body>',
    `<h1 style="font-size:1.2em">${escapeHtml(title)}</h1><ol>`,
    ...items.map(
      (item) =>
        `<li><p><strong>${escapeHtml(item.title)}</strong></p>` +
        (item.facts.length
          ? `<table>${item.facts.map(([l, v]) => `<tr><th align="left">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`
          : '') +
        (item.link ? `<p><a href="${escapeHtml(item.link)}">コンソールで開く</a></p>` : '') +
        '</li>',
    ),
    `</ol><hr><p style="font-size:0.9em">${escapeHtml(FOOTER)}<br>${escapeHtml(signature)}</p>`,
    '</body></html>',
  ].join('');

  return { subject: `【${context.cityName} つなぐ】${title}`, text, html };
}

function factLines(kind: NotificationKind, f: NotificationFacts): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  if (f.referralId) lines.push(['依頼番号', f.referralId]);
  if (f.category) lines.push(['種別', NEED_CATEGORY_LABELS[f.category] ?? f.category]);
  if (f.areaName) lines.push(['地区', f.areaName]);
  if (f.organizationName) lines.push(['連携先', f.organizationName]);
  if (f.dueAt) lines.push([kind === NotificationKind.TIER1_REMINDER ? '対応期限' : '回答期限', formatJstDateTime(f.dueAt)]);
  if (f.reasonCode) lines.push(['理由', reasonLabel(f.reasonCode)]);
  if (f.outcome) lines.push(['結果', REFERRAL_OUTCOME_LABELS[f.outcome] ?? f.outcome]);
  if (f.automatic !== undefined && kind === NotificationKind.ESCALATED)
    lines.push(['経緯', f.automatic ? 'つなぎ先なしの期間を過ぎたため自動で' : 'コーディネーターが']);
  if (f.decision) lines.push(['部会の決定', SUBCOMMITTEE_DECISION_LABELS[f.decision] ?? f.decision]);
  if (f.regionalIssueId) lines.push(['地域課題番号', f.regionalIssueId]);
  if (f.actionDueOn) lines.push(['期日', formatJstDate(`${f.actionDueOn}T00:00:00+09:00`)]);
  return lines;
}

/** A decline or return reason's label; a code neither enum knows is shown as it is (codes are never free text). */
function reasonLabel(code: string): string {
  if (code in DECLINE_REASON_LABELS) return DECLINE_REASON_LABELS[code as DeclineReason];
  if (code in RETURN_REASON_LABELS) return RETURN_REASON_LABELS[code as ReturnReason];
  return code;
}

function linkOf(f: NotificationFacts, context: MailContext): string | null {
  if (f.referralId) return `${context.consoleUrl}/referrals/${encodeURIComponent(f.referralId)}`;
  if (f.regionalIssueId) return `${context.consoleUrl}/regional-issues/${encodeURIComponent(f.regionalIssueId)}`;
  return null;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
