import { formatJstDateTime } from './jst-text';

// The history notes the referral workflow writes for people (docs/DOMAIN.md, "Japanese in what people read"): Japanese,
// times in JST. The English ones are kept for referrals whose workflow started before the 'japanese-notes' patch, so a
// replay writes what was written.

export type NoteLanguage = 'ja' | 'en';

/** The note of a DEADLINE_EXTENDED handoff; the api reads the days back from it (isDeadlineExtensionNote). */
export function deadlineExtensionNote(businessDays: number, dueAt: string, language: NoteLanguage = 'ja'): string {
  return language === 'ja' ? `${extensionPrefixJa(businessDays)}${formatJstDateTime(dueAt)}まで）` : `${extensionPrefixEn(businessDays)}${dueAt}`;
}

/**
 * Whether a DEADLINE_EXTENDED handoff's note records an extension by `businessDays`, in either language: the api tells a
 * repeated extension from a new one by it (apps/api/src/referrals/repeated-move.ts).
 */
export function isDeadlineExtensionNote(note: string | null, businessDays: number): boolean {
  const text = note ?? '';
  return text.startsWith(extensionPrefixJa(businessDays)) || text.startsWith(extensionPrefixEn(businessDays));
}

const extensionPrefixJa = (businessDays: number) => `期限を${businessDays}営業日延長しました（`;
const extensionPrefixEn = (businessDays: number) => `Deadline moved by ${businessDays} business day(s) to `;

/** A deadline's reminder, halfway to it: the holder or the organisation offered the referral is asked to answer. */
export function deadlineReminderNote(dueAt: string, language: NoteLanguage = 'ja'): string {
  return language === 'ja' ? `催促: 回答期限は${formatJstDateTime(dueAt)}です。期限までに回答してください` : `Reminder: please answer by ${dueAt}`;
}

/** No progress on a held referral for `businessDays`: the holder and the tier-2 coordinator are reminded. */
export function progressReminderNote(businessDays: number, language: NoteLanguage = 'ja'): string {
  return language === 'ja'
    ? `催促: ${businessDays}営業日、進捗の記録がありません（連携先と第2層SCにお知らせしました）`
    : `No update for ${businessDays} business days: reminding the holder and the coordinator`;
}

/** A referral UNMATCHED for `businessDays` goes to tier-1 on its own. */
export function autoEscalationNote(businessDays: number, language: NoteLanguage = 'ja'): string {
  return language === 'ja'
    ? `つなぎ先なしのまま${businessDays}営業日が過ぎたため、第1層SCへ引き継ぎました`
    : `UNMATCHED for ${businessDays} business days: escalated to tier-1`;
}
