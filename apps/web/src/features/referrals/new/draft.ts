// The new-referral form's draft: every field and the idempotency key, kept on this device only (localStorage, one key
// per user) until it is sent or discarded, at most 24 hours, and removed at sign-out. A reload or a lost connection
// keeps the work; the same key means a resend never makes a second referral.
import type { NewReferralValues } from './form-model';

const PREFIX = 'tsunagu:referral-draft:';
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface ReferralDraft {
  clientRequestId: string;
  /** When the form was opened (ms): the draft lives 24 hours from then, however often it is saved. */
  startedAt: number;
  values: NewReferralValues;
}

function keyFor(userId: string): string {
  return `${PREFIX}${userId}`;
}

/** The user's draft, or null when there is none, it is older than 24 hours (then removed) or unreadable. */
export function loadDraft(userId: string, now = Date.now(), storage: Storage = localStorage): ReferralDraft | null {
  const raw = storage.getItem(keyFor(userId));
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as ReferralDraft;
    if (
      typeof draft.clientRequestId === 'string' &&
      typeof draft.startedAt === 'number' &&
      now - draft.startedAt < DRAFT_LIFETIME_MS &&
      now >= draft.startedAt
    )
      return draft;
  } catch {
    // An unreadable draft is no draft.
  }
  storage.removeItem(keyFor(userId));
  return null;
}

export function saveDraft(userId: string, draft: ReferralDraft, storage: Storage = localStorage): void {
  try {
    storage.setItem(keyFor(userId), JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the form works on, only without the draft.
  }
}

export function discardDraft(userId: string, storage: Storage = localStorage): void {
  storage.removeItem(keyFor(userId));
}

/** At sign-out: every user's draft on this device goes (a shared tablet keeps no resident's data). */
export function discardAllDrafts(storage: Storage = localStorage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  keys.forEach((key) => storage.removeItem(key));
}

/** A new idempotency key, made when the form opens. */
export function newClientRequestId(): string {
  return crypto.randomUUID();
}
