// What the 通知設定 form shows and sends, free of React: the kinds in groups a person recognises, and which choices
// changed (only those are sent).
import type { NotificationDelivery, NotificationKind } from '../../shared/graphql/generated/graphql';

export type PreferenceGroup = 'referral' | 'deadlines' | 'policy' | 'account';

/** Every kind once, in the order a coordinator or partner meets them. */
export const PREFERENCE_GROUPS: ReadonlyArray<{ group: PreferenceGroup; kinds: readonly NotificationKind[] }> = [
  { group: 'referral', kinds: ['OFFER', 'ACCEPTED', 'DECLINED', 'RETURNED', 'COMPLETED', 'UNMATCHED', 'ESCALATED'] },
  { group: 'deadlines', kinds: ['OFFER_REMINDER', 'OFFER_EXPIRED', 'TIER1_REMINDER', 'PROGRESS_REMINDER', 'RESUME_DATE'] },
  { group: 'policy', kinds: ['FOLLOW_UP_ACTION_DUE', 'SUBCOMMITTEE_DECISION'] },
  { group: 'account', kinds: ['ACCOUNT_CREATED', 'PASSWORD_RESET_DONE', 'SIGN_IN_LOCKED'] },
];

export const DELIVERIES: readonly NotificationDelivery[] = ['IMMEDIATE', 'DAILY_DIGEST', 'OFF'];

export interface Preference {
  kind: NotificationKind;
  delivery: NotificationDelivery;
  changeable: boolean;
}

export type Choices = Partial<Record<NotificationKind, NotificationDelivery>>;

/**
 * The groups with the api's preferences in them. A kind the api names that no group lists (one added later) goes to
 * the end of the first group rather than disappear; a group the api gives nothing for is left out.
 */
export function groupPreferences(preferences: readonly Preference[]): Array<{ group: PreferenceGroup; preferences: Preference[] }> {
  const byKind = new Map(preferences.map((preference) => [preference.kind, preference]));
  const listed = new Set(PREFERENCE_GROUPS.flatMap((entry) => entry.kinds));
  const unlisted = preferences.filter((preference) => !listed.has(preference.kind));
  return PREFERENCE_GROUPS.map(({ group, kinds }, index) => ({
    group,
    preferences: [...kinds.flatMap((kind) => byKind.get(kind) ?? []), ...(index === 0 ? unlisted : [])],
  })).filter((entry) => entry.preferences.length > 0);
}

/** The changeable kinds whose choice differs from what the api has. */
export function changedPreferences(
  preferences: readonly Preference[],
  choices: Choices,
): Array<{ kind: NotificationKind; delivery: NotificationDelivery }> {
  return preferences
    .filter((preference) => preference.changeable && choices[preference.kind] && choices[preference.kind] !== preference.delivery)
    .map((preference) => ({ kind: preference.kind, delivery: choices[preference.kind]! }));
}
