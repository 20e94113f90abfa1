import { createHash } from 'node:crypto';
import { HandoffKind, holdNote, isDeadlineExtensionNote } from '@tsunagu/domain';
import type { ReferralMove } from './referral-access.policy';

// Repeating an answer is safe (docs/ARCHITECTURE.md, "Bounded Temporal calls and safe repeats"). Pure: unit-tested.

/** The payload of each move, beyond the actor (which the commands service decides). */
export type MovePayload =
  | { move: 'ACCEPT' | 'START'; note?: string | null }
  | { move: 'DECLINE'; reason: string; note?: string | null }
  | { move: 'COMPLETE'; outcome: string; note?: string | null }
  | { move: 'REASSIGN'; organizationId: string; note?: string | null }
  | { move: 'ESCALATE' | 'NOTE'; note: string }
  | { move: 'WITHDRAW'; reason: string }
  | { move: 'EXTEND_DEADLINE'; businessDays: number; reason: string }
  | { move: 'TAKE'; note?: string | null }
  | { move: 'RETURN'; reason: string; note?: string | null }
  | { move: 'HOLD'; resumeOn: string; reason: string }
  | { move: 'RESUME'; note?: string | null };

/** The handoff each move writes first, by the person who made it. */
const HANDOFF_OF: Readonly<Record<ReferralMove, HandoffKind>> = {
  ACCEPT: HandoffKind.ACCEPTED,
  DECLINE: HandoffKind.DECLINED,
  START: HandoffKind.STARTED,
  COMPLETE: HandoffKind.COMPLETED,
  REASSIGN: HandoffKind.REASSIGNED,
  ESCALATE: HandoffKind.ESCALATED,
  WITHDRAW: HandoffKind.WITHDRAWN,
  NOTE: HandoffKind.NOTE,
  EXTEND_DEADLINE: HandoffKind.DEADLINE_EXTENDED,
  TAKE: HandoffKind.TAKEN,
  RETURN: HandoffKind.RETURNED,
  HOLD: HandoffKind.PUT_ON_HOLD,
  RESUME: HandoffKind.RESUMED,
};

/**
 * Moves that a repeat would not refuse (a second note, a second extension, a hold again while on hold): checked before
 * they are sent. The others are refused as CONFLICT when repeated, and checked only then.
 */
export const ADDITIVE_MOVES: readonly ReferralMove[] = ['NOTE', 'EXTEND_DEADLINE', 'HOLD'];

/** The referral's latest handoff made by a person (not routing, timers or the policy track). */
export interface LastPersonHandoff {
  kind: string;
  actorId: string | null;
  toOrganizationId: string | null;
  reason: string | null;
  note: string | null;
}

/**
 * Whether `payload` from this viewer is a repeat of a move that already took effect: the referral's latest handoff by
 * a person is the same move by the same user with the same content. Such a request is answered with the referral as
 * it is, instead of CONFLICT or a second note.
 */
export function isRepeatOf(last: LastPersonHandoff | null, viewerId: string, payload: MovePayload): boolean {
  if (!last || last.kind !== HANDOFF_OF[payload.move] || last.actorId !== viewerId) return false;
  const note = 'note' in payload ? payload.note : undefined;
  switch (payload.move) {
    case 'ACCEPT':
    case 'START':
    case 'TAKE':
    case 'ESCALATE':
    case 'NOTE':
    case 'RESUME':
      return same(last.note, note);
    case 'HOLD':
      // The workflow writes the resume date into the handoff's note (holdNote).
      return same(last.reason, payload.reason) && same(last.note, holdNote(payload.resumeOn));
    case 'DECLINE':
    case 'RETURN':
      return same(last.reason, payload.reason) && same(last.note, note);
    case 'COMPLETE':
      return same(last.reason, payload.outcome) && same(last.note, note);
    case 'REASSIGN':
      return last.toOrganizationId === payload.organizationId && same(last.note, note);
    case 'WITHDRAW':
      return same(last.reason, payload.reason);
    case 'EXTEND_DEADLINE':
      // The workflow writes the days into the handoff's note (deadlineExtensionNote).
      return same(last.reason, payload.reason) && isDeadlineExtensionNote(last.note, payload.businessDays);
  }
}

/**
 * The Update id of a move: the same viewer sending the same move with the same content on the same state of the
 * referral (its last_seq as the api read it) gets the same id, so Temporal joins a repeat to the first Update while
 * that is still pending instead of running it twice. Once the first took effect, last_seq has moved and a repeat is a
 * new Update (refused, then answered by isRepeatOf).
 */
export function moveUpdateId(viewerId: string, referral: { id: string; lastSeq: number }, payload: MovePayload): string {
  const content = createHash('sha256').update(JSON.stringify(payload)).digest('base64url').slice(0, 22);
  return `${payload.move}:${viewerId}:${referral.id}:${referral.lastSeq}:${content}`;
}

function same(stored: string | null | undefined, sent: string | null | undefined): boolean {
  return normal(stored) === normal(sent);
}

function normal(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').trim();
}
