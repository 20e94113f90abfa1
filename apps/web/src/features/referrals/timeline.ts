// One history entry (Handoff) as a line of the timeline: what happened in the glossary's words, who did it, when in
// JST with the weekday and era, whether a coordinator entered it for the partner (代理入力), and the reason in Japanese.
import type { DeclineReason, HandoffKind, ReferralOutcome, ReturnReason } from '../../shared/graphql/generated/graphql';
import { formatJstDateTime } from '../../shared/dates/format';
import { ja } from '../../shared/i18n/ja';

export interface HandoffFields {
  seq: number;
  kind: HandoffKind;
  at: string;
  proxy: boolean;
  reason?: string | null;
  note?: string | null;
  actor?: { displayName: string } | null;
  fromOrganization?: { name: string } | null;
  toOrganization?: { name: string } | null;
}

export interface TimelineEntry {
  seq: number;
  title: string;
  when: string;
  /** ISO instant for <time dateTime>. */
  at: string;
  who: string;
  proxy: boolean;
  from: string | null;
  to: string | null;
  reason: string | null;
  note: string | null;
}

/**
 * Handoff.reason holds a code for declines (DeclineReason), returns (ReturnReason) and completions (ReferralOutcome),
 * and the person's own words for withdrawals, extensions and holds: codes get their Japanese word, words stay as they are.
 */
export function reasonText(kind: HandoffKind, reason: string | null | undefined): string | null {
  if (!reason) return null;
  const table: Record<string, string> | null =
    kind === 'DECLINED'
      ? (ja.labels.declineReason as Record<DeclineReason, string>)
      : kind === 'RETURNED'
        ? (ja.labels.returnReason as Record<ReturnReason, string>)
        : kind === 'COMPLETED'
          ? (ja.labels.outcome as Record<ReferralOutcome, string>)
          : null;
  return table && Object.prototype.hasOwnProperty.call(table, reason) ? table[reason] : reason;
}

export function timelineEntry(handoff: HandoffFields): TimelineEntry {
  return {
    seq: handoff.seq,
    title: ja.labels.handoff[handoff.kind] ?? handoff.kind,
    when: formatJstDateTime(handoff.at),
    at: handoff.at,
    who: handoff.actor?.displayName ?? ja.referral.system,
    proxy: handoff.proxy,
    from: handoff.fromOrganization?.name ?? null,
    to: handoff.toOrganization?.name ?? null,
    reason: reasonText(handoff.kind, handoff.reason),
    note: handoff.note ?? null,
  };
}
