import { HandoffKind, ReferralStatus } from '../enums';

// The personal data of a PERSON referral's subject (DOMAIN.md, "Needs and referrals"), item by item, and what a partner
// gets of it when. One table for the api (what a partner sees) and the worker (what a handoff gives, as a provision
// record), so the two cannot drift apart. Pure: unit-tested. The rules in words: docs/SECURITY.md, "Personal data".

/** The items of ReferralSubject, named as its GraphQL fields. */
export type PersonalDataItem = 'displayName' | 'nameKana' | 'ageBand' | 'contact';

export const PERSONAL_DATA_ITEMS: readonly PersonalDataItem[] = ['displayName', 'nameKana', 'ageBand', 'contact'];

/**
 * What the organisation offered or holding a referral sees of the person, by the referral's status, given the
 * resident consented to sharing with partners. Offered: the age band (with the summary, enough to decide). Taken on:
 * everything. Any other status: nothing, and an organisation the referral has left (declined, expired, reassigned,
 * escalated, withdrawn) is no longer the current one, so it sees nothing either.
 */
export const PARTNER_SIGHT: Readonly<Record<ReferralStatus, readonly PersonalDataItem[]>> = {
  [ReferralStatus.SUBMITTED]: [],
  [ReferralStatus.OFFERED]: ['ageBand'],
  [ReferralStatus.ACCEPTED]: PERSONAL_DATA_ITEMS,
  [ReferralStatus.IN_PROGRESS]: PERSONAL_DATA_ITEMS,
  [ReferralStatus.COMPLETED]: PERSONAL_DATA_ITEMS,
  [ReferralStatus.UNMATCHED]: [],
  [ReferralStatus.ESCALATED]: [],
  [ReferralStatus.WITHDRAWN]: [],
  // Nothing while paused: the hold may have come before the partner took it on (docs/DOMAIN.md, "On hold").
  [ReferralStatus.ON_HOLD]: [],
};

/**
 * The items a handoff newly gives its recipient (`toOrganizationId`): an offer gives what an offered partner sees; an
 * acceptance what it sees beyond that. Each is a provision record when the item is present and consent was given.
 */
export const ITEMS_GIVEN_BY_HANDOFF: Readonly<Partial<Record<HandoffKind, readonly PersonalDataItem[]>>> = {
  [HandoffKind.OFFERED]: PARTNER_SIGHT[ReferralStatus.OFFERED],
  [HandoffKind.ACCEPTED]: PERSONAL_DATA_ITEMS.filter((item) => !PARTNER_SIGHT[ReferralStatus.OFFERED].includes(item)),
};

/** The items of `present` that a handoff of this kind gives its recipient, in PERSONAL_DATA_ITEMS order. */
export function itemsGivenBy(kind: HandoffKind, present: ReadonlySet<PersonalDataItem>): PersonalDataItem[] {
  const given = ITEMS_GIVEN_BY_HANDOFF[kind] ?? [];
  return PERSONAL_DATA_ITEMS.filter((item) => given.includes(item) && present.has(item));
}
