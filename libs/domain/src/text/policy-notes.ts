import { formatJstDate } from './jst-text';
import type { NoteLanguage } from './referral-notes';

// The notes the policy track writes for people (docs/DOMAIN.md, "Japanese in what people read"): on the issue's
// history and, for a decision, on each linked referral's. English only for issues whose workflow started before the
// 'japanese-notes' patch (so a replay writes what was written).

/** The fields of an issue that a change touched, as the UPDATED event names them. */
export type IssueField = 'title' | 'description' | 'areas';

const FIELD_JA: Readonly<Record<IssueField, string>> = { title: '件名', description: '内容', areas: '圏域' };

export function issueChangedNote(fields: readonly IssueField[], language: NoteLanguage = 'ja'): string {
  return language === 'ja' ? `変更: ${fields.map((f) => FIELD_JA[f]).join('、')}` : `Changed: ${fields.join(', ')}`;
}

export function proposalRevisedNote(revision: number, title: string, language: NoteLanguage = 'ja'): string {
  return language === 'ja' ? `第${revision}版: ${title}` : `Revision ${revision}: ${title}`;
}

/** The meeting a decision was taken at, on each linked referral's history: 第2回 部会（2027年2月15日(月)）. */
export function decisionMeetingNote(meeting: { title: string; heldAt: string }, language: NoteLanguage = 'ja'): string {
  return language === 'ja' ? `${meeting.title}（${formatJstDate(meeting.heldAt)}）` : `${meeting.title} (${jstIsoDate(meeting.heldAt)})`;
}

/** A follow-up action added; `dueOn` is a calendar day, YYYY-MM-DD. */
export function actionAddedNote(action: { description: string; owner: string; dueOn: string }, language: NoteLanguage = 'ja'): string {
  return language === 'ja'
    ? `${action.description}（担当: ${action.owner}、期限: ${formatJstDate(dayInJst(action.dueOn))}）`
    : `${action.description} (owner: ${action.owner}, due ${action.dueOn})`;
}

/** A follow-up action's due day has come (recorded by the workflow at 09:00 JST). */
export function actionDueNote(action: { description: string; owner: string; dueOn: string }, language: NoteLanguage = 'ja'): string {
  return language === 'ja'
    ? `取組の期限です（${formatJstDate(dayInJst(action.dueOn))}）: ${action.description}（担当: ${action.owner}）`
    : `Due ${action.dueOn}: ${action.description} (owner: ${action.owner})`;
}

/** Noon JST of a calendar day, as an instant: its JST date is that day whatever the formatting. */
function dayInJst(dueOn: string): string {
  return `${dueOn}T12:00:00.000+09:00`;
}

/** The JST calendar day of an instant, YYYY-MM-DD (the English note's form). */
function jstIsoDate(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? instant : new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
}
