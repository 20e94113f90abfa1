import { HandoffKind, ReferralStatus } from '../enums';
import { ITEMS_GIVEN_BY_HANDOFF, itemsGivenBy, PARTNER_SIGHT, PERSONAL_DATA_ITEMS, PersonalDataItem } from './personal-data';

const ALL = new Set<PersonalDataItem>(PERSONAL_DATA_ITEMS);

describe('PARTNER_SIGHT', () => {
  it('gives the offered partner the age band only, enough to decide', () => {
    expect(PARTNER_SIGHT[ReferralStatus.OFFERED]).toEqual(['ageBand']);
  });

  it.each([ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED])('gives the holder everything when %s', (status) => {
    expect([...PARTNER_SIGHT[status]].sort()).toEqual(['ageBand', 'contact', 'displayName', 'nameKana']);
  });

  it.each([ReferralStatus.SUBMITTED, ReferralStatus.UNMATCHED, ReferralStatus.ESCALATED, ReferralStatus.WITHDRAWN])(
    'gives nothing when %s (no partner holds it)',
    (status) => {
      expect(PARTNER_SIGHT[status]).toEqual([]);
    },
  );

  it('covers every status', () => {
    expect(Object.keys(PARTNER_SIGHT).sort()).toEqual(Object.values(ReferralStatus).sort());
  });
});

describe('itemsGivenBy: what a handoff gives its recipient (a provision record)', () => {
  it('an offer gives the age band', () => {
    expect(itemsGivenBy(HandoffKind.OFFERED, ALL)).toEqual(['ageBand']);
  });

  it('an acceptance gives the rest: name and contact', () => {
    expect(itemsGivenBy(HandoffKind.ACCEPTED, ALL)).toEqual(['displayName', 'nameKana', 'contact']);
  });

  it('offer and acceptance together give exactly what the holder sees', () => {
    const given = new Set([...itemsGivenBy(HandoffKind.OFFERED, ALL), ...itemsGivenBy(HandoffKind.ACCEPTED, ALL)]);
    expect([...given].sort()).toEqual([...PARTNER_SIGHT[ReferralStatus.ACCEPTED]].sort());
  });

  it('gives only the items the subject has', () => {
    expect(itemsGivenBy(HandoffKind.OFFERED, new Set(['displayName', 'contact']))).toEqual([]);
    expect(itemsGivenBy(HandoffKind.ACCEPTED, new Set(['displayName', 'ageBand']))).toEqual(['displayName']);
    expect(itemsGivenBy(HandoffKind.ACCEPTED, new Set())).toEqual([]);
  });

  it.each(Object.values(HandoffKind).filter((kind) => kind !== HandoffKind.OFFERED && kind !== HandoffKind.ACCEPTED))(
    'a %s handoff gives nothing',
    (kind) => {
      expect(itemsGivenBy(kind, ALL)).toEqual([]);
      expect(ITEMS_GIVEN_BY_HANDOFF[kind]).toBeUndefined();
    },
  );
});
