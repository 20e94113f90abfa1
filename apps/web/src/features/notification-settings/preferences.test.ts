import { describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../shared/graphql/generated/graphql';
import { changedPreferences, groupPreferences, PREFERENCE_GROUPS, type Preference } from './preferences';

const ACCOUNT = ['ACCOUNT_CREATED', 'PASSWORD_RESET_DONE', 'SIGN_IN_LOCKED'];
const every = (): Preference[] =>
  PREFERENCE_GROUPS.flatMap(({ kinds }) => kinds).map((kind) => ({ kind, delivery: 'IMMEDIATE', changeable: !ACCOUNT.includes(kind) }));

describe('通知設定: the groups and what changed', () => {
  it('lists every kind of the schema once', () => {
    const kinds = PREFERENCE_GROUPS.flatMap(({ kinds }) => kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toHaveLength(17);
  });

  it('puts the api’s preferences in the groups, a kind no group lists at the end of the first, and leaves out empty groups', () => {
    const preferences = [...every().filter((p) => p.kind !== 'FOLLOW_UP_ACTION_DUE' && p.kind !== 'SUBCOMMITTEE_DECISION')];
    preferences.push({ kind: 'SOMETHING_NEW' as NotificationKind, delivery: 'OFF', changeable: true });
    const groups = groupPreferences(preferences);
    expect(groups.map((g) => g.group)).toEqual(['referral', 'deadlines', 'account']);
    expect(groups[0].preferences.map((p) => p.kind).at(-1)).toBe('SOMETHING_NEW');
  });

  it('sends only changeable kinds whose choice differs', () => {
    const preferences = every();
    expect(changedPreferences(preferences, {})).toEqual([]);
    expect(changedPreferences(preferences, { OFFER: 'IMMEDIATE', COMPLETED: 'OFF', ACCEPTED: 'DAILY_DIGEST', SIGN_IN_LOCKED: 'OFF' })).toEqual([
      { kind: 'ACCEPTED', delivery: 'DAILY_DIGEST' },
      { kind: 'COMPLETED', delivery: 'OFF' },
    ]);
  });
});
