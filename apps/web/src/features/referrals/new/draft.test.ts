// The draft: per user, on this device only, at most 24 hours from when the form opened, gone at sign-out.
import { beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_LIFETIME_MS, discardAllDrafts, discardDraft, loadDraft, saveDraft } from './draft';
import { emptyValues } from './form-model';

const T0 = Date.parse('2026-12-10T08:00:00Z');

function draft(startedAt = T0) {
  return { clientRequestId: 'key-1', startedAt, values: { ...emptyValues('KAWANISHI'), summary: '通院の送迎' } };
}

describe('the new-referral draft', () => {
  beforeEach(() => localStorage.clear());

  it('comes back for the same user with its idempotency key, and not for another user', () => {
    saveDraft('user-a', draft());
    expect(loadDraft('user-a', T0 + 60_000)).toEqual(draft());
    expect(loadDraft('user-b', T0 + 60_000)).toBeNull();
  });

  it('expires 24 hours after the form opened, however often it was saved, and is removed then', () => {
    saveDraft('user-a', draft());
    expect(loadDraft('user-a', T0 + DRAFT_LIFETIME_MS - 1)?.clientRequestId).toBe('key-1');
    saveDraft('user-a', draft());
    expect(loadDraft('user-a', T0 + DRAFT_LIFETIME_MS)).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('is no draft when unreadable or dated in the future (a wrong device clock)', () => {
    localStorage.setItem('tsunagu:referral-draft:user-a', '{not json');
    expect(loadDraft('user-a', T0)).toBeNull();
    saveDraft('user-a', draft(T0 + 3_600_000));
    expect(loadDraft('user-a', T0)).toBeNull();
  });

  it('goes when sent or discarded, and every user’s goes at sign-out, other keys left alone', () => {
    saveDraft('user-a', draft());
    discardDraft('user-a');
    expect(loadDraft('user-a', T0)).toBeNull();
    saveDraft('user-a', draft());
    saveDraft('user-b', draft());
    localStorage.setItem('something-else', 'kept');
    discardAllDrafts();
    expect(loadDraft('user-a', T0)).toBeNull();
    expect(loadDraft('user-b', T0)).toBeNull();
    expect(localStorage.getItem('something-else')).toBe('kept');
  });
});
