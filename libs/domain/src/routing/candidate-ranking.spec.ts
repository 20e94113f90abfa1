import { NeedCategory, OrganizationKind } from '../enums';
import { CandidateOrganization, isCandidate, rankCandidates, RoutingNeed } from './candidate-ranking';

// Written out from DOMAIN.md ("Organisations"): the partners a need can go to. The city's own bodies (departments,
// the social welfare council that employs the tier-2 coordinators, the subcommittee) never take referrals.
const PARTNER_KINDS = [
  OrganizationKind.COMMUNITY_SUPPORT_CENTER,
  OrganizationKind.NPO,
  OrganizationKind.VOLUNTEER_GROUP,
  OrganizationKind.SILVER_HR_CENTER,
  OrganizationKind.CIVIC_ACTIVITY_CENTER,
  OrganizationKind.BUSINESS,
];
const NEVER_CANDIDATES = [OrganizationKind.CITY_DEPARTMENT, OrganizationKind.SOCIAL_WELFARE_COUNCIL, OrganizationKind.SUBCOMMITTEE];

const NORTH = 'area-north';
const SOUTH = 'area-south';
const need: RoutingNeed = { category: NeedCategory.SHOPPING, areaId: NORTH };

function org(id: string, overrides: Partial<CandidateOrganization> = {}): CandidateOrganization {
  return {
    id,
    name: `Org ${id}`,
    kind: OrganizationKind.NPO,
    areaIds: [NORTH],
    categories: [NeedCategory.SHOPPING],
    acceptingReferrals: true,
    openReferrals: 0,
    ...overrides,
  };
}

const ids = (orgs: readonly CandidateOrganization[]) => orgs.map((o) => o.id);

describe('rankCandidates / isCandidate', () => {
  it('the two lists of kinds cover every OrganizationKind', () => {
    expect([...PARTNER_KINDS, ...NEVER_CANDIDATES].sort()).toEqual(Object.values(OrganizationKind).sort());
  });

  it.each(PARTNER_KINDS)('a %s that fits is a candidate', (kind) => {
    expect(isCandidate(org('x', { kind }), need)).toBe(true);
    expect(ids(rankCandidates([org('x', { kind })], need))).toEqual(['x']);
  });

  it.each(NEVER_CANDIDATES)('a %s is never a candidate, even when it fits in every other way', (kind) => {
    const body = org('x', { kind, areaIds: [NORTH, SOUTH], categories: Object.values(NeedCategory) });
    expect(isCandidate(body, need)).toBe(false);
    expect(rankCandidates([body], need)).toEqual([]);
  });

  it('keeps only organisations serving the need’s area', () => {
    const orgs = [org('north'), org('south', { areaIds: [SOUTH] }), org('both', { areaIds: [SOUTH, NORTH] }), org('none', { areaIds: [] })];
    expect(ids(rankCandidates(orgs, need))).toEqual(['both', 'north']);
  });

  it('keeps only organisations taking the need’s category', () => {
    const orgs = [
      org('shop'),
      org('transport', { categories: [NeedCategory.TRANSPORT] }),
      org('several', { categories: [NeedCategory.TRANSPORT, NeedCategory.SHOPPING] }),
      org('nothing', { categories: [] }),
    ];
    expect(ids(rankCandidates(orgs, need))).toEqual(['several', 'shop']);
  });

  it('keeps only organisations with capacity (acceptingReferrals)', () => {
    const orgs = [org('open'), org('full', { acceptingReferrals: false })];
    expect(ids(rankCandidates(orgs, need))).toEqual(['open']);
    expect(isCandidate(org('full', { acceptingReferrals: false }), need)).toBe(false);
  });

  it('leaves out the excluded organisations (those already offered it)', () => {
    const orgs = [org('a', { name: 'A' }), org('b', { name: 'B' }), org('c', { name: 'C' })];
    expect(ids(rankCandidates(orgs, need, ['b']))).toEqual(['a', 'c']);
    expect(ids(rankCandidates(orgs, need, ['a', 'b', 'c']))).toEqual([]);
    expect(ids(rankCandidates(orgs, need, ['not-listed']))).toEqual(['a', 'b', 'c']);
    expect(ids(rankCandidates(orgs, need))).toEqual(['a', 'b', 'c']);
  });

  it('orders by name, then by id for equal names (when loads are equal and no rule applies)', () => {
    const orgs = [
      org('id-3', { name: 'とくし丸' }),
      org('id-2', { name: 'Beta' }),
      org('id-9', { name: 'Alpha' }),
      org('id-1', { name: 'Alpha' }),
      org('id-5', { name: 'シルバー人材センター' }),
    ];
    // Names compare by UTF-16 code units: Latin before kana; カタカナ (シ U+30B7) after ひらがな (と U+3068).
    expect(ids(rankCandidates(orgs, need))).toEqual(['id-1', 'id-9', 'id-2', 'id-3', 'id-5']);
  });

  it('gives the same order whatever order the directory lists them in', () => {
    const orgs = [org('b2', { name: 'B' }), org('a1', { name: 'A' }), org('b1', { name: 'B' }), org('c1', { name: 'C' }), org('a2', { name: 'A' })];
    const expected = ['a1', 'a2', 'b1', 'b2', 'c1'];
    for (let shift = 0; shift < orgs.length; shift++) {
      const rotated = [...orgs.slice(shift), ...orgs.slice(0, shift)];
      expect(ids(rankCandidates(rotated, need))).toEqual(expected);
      expect(ids(rankCandidates([...rotated].reverse(), need))).toEqual(expected);
    }
  });

  it('does not reorder or change the list it is given', () => {
    const orgs = Object.freeze([org('z', { name: 'Z' }), org('a', { name: 'A' })]);
    const copy = structuredClone(orgs);
    rankCandidates(orgs, need);
    expect(orgs).toEqual(copy);
  });

  it('applies every filter together', () => {
    const orgs = [
      org('fits', { name: 'M', kind: OrganizationKind.BUSINESS }),
      org('fits-too', { name: 'K', kind: OrganizationKind.SILVER_HR_CENTER }),
      org('wrong-area', { areaIds: [SOUTH] }),
      org('wrong-category', { categories: [NeedCategory.WATCH_OVER] }),
      org('full', { acceptingReferrals: false }),
      org('city', { kind: OrganizationKind.CITY_DEPARTMENT }),
      org('council', { kind: OrganizationKind.SOCIAL_WELFARE_COUNCIL }),
      org('subcommittee', { kind: OrganizationKind.SUBCOMMITTEE }),
      org('declined-already', { name: 'A' }),
    ];
    expect(ids(rankCandidates(orgs, need, ['declined-already']))).toEqual(['fits-too', 'fits']);
  });

  it('applies every filter to preferred organisations too', () => {
    const orgs = [
      org('open', { name: 'Z' }),
      org('full', { name: 'A', acceptingReferrals: false }),
      org('south', { name: 'B', areaIds: [SOUTH] }),
      org('declined', { name: 'C' }),
      org('city', { name: 'D', kind: OrganizationKind.CITY_DEPARTMENT }),
    ];
    expect(ids(rankCandidates(orgs, need, ['declined'], ['full', 'south', 'declined', 'city', 'open']))).toEqual(['open']);
  });
});

describe('rankCandidates: routing rule, then least load', () => {
  const a = org('a', { name: 'A', openReferrals: 0 });
  const b = org('b', { name: 'B', openReferrals: 5 });
  const c = org('c', { name: 'C', openReferrals: 2 });
  const d = org('d', { name: 'D', openReferrals: 1 });

  it('puts the preferred organisations first, in the rule’s order, whatever their load', () => {
    expect(ids(rankCandidates([a, b, c, d], need, [], ['c', 'b']))).toEqual(['c', 'b', 'a', 'd']);
    expect(ids(rankCandidates([a, b, c, d], need, [], ['b', 'c']))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(rankCandidates([a, b, c, d], need, [], ['d', 'c', 'b', 'a']))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('skips a preference naming a non-candidate or an unknown id, and keeps the rest of the rule’s order', () => {
    const orgs = [a, b, c, d, org('full', { name: 'F', acceptingReferrals: false }), org('elsewhere', { name: 'E', areaIds: [SOUTH] })];
    expect(ids(rankCandidates(orgs, need, [], ['full', 'c', 'ghost', 'elsewhere', 'b']))).toEqual(['c', 'b', 'a', 'd']);
    expect(ids(rankCandidates(orgs, need, [], ['full', 'ghost']))).toEqual(['a', 'd', 'c', 'b']);
  });

  it('skips a preferred organisation already offered the need, and goes on down the rule', () => {
    expect(ids(rankCandidates([a, b, c, d], need, ['c'], ['c', 'b']))).toEqual(['b', 'a', 'd']);
    expect(ids(rankCandidates([a, b, c, d], need, ['c', 'b'], ['c', 'b']))).toEqual(['a', 'd']);
  });

  it('lists a preference named twice once, at its first place', () => {
    expect(ids(rankCandidates([a, b, c, d], need, [], ['b', 'c', 'b']))).toEqual(['b', 'c', 'a', 'd']);
  });

  it('orders the candidates outside the rule least-loaded first, before names', () => {
    expect(ids(rankCandidates([a, b, c, d], need))).toEqual(['a', 'd', 'c', 'b']);
    const busyFirstByName = [org('x', { name: 'Alpha', openReferrals: 3 }), org('y', { name: 'Zeta', openReferrals: 0 })];
    expect(ids(rankCandidates(busyFirstByName, need))).toEqual(['y', 'x']);
  });

  it('breaks equal loads by name, then by id', () => {
    const orgs = [
      org('id-4', { name: 'B', openReferrals: 1 }),
      org('id-3', { name: 'A', openReferrals: 1 }),
      org('id-2', { name: 'A', openReferrals: 1 }),
      org('id-1', { name: 'C', openReferrals: 0 }),
    ];
    expect(ids(rankCandidates(orgs, need))).toEqual(['id-1', 'id-2', 'id-3', 'id-4']);
  });

  it('is deterministic: any order of the directory and of ties gives the same result', () => {
    const orgs = [a, b, c, d, org('e', { name: 'A', openReferrals: 0 }), org('f', { name: 'F', openReferrals: 2 })];
    const expected = ids(rankCandidates(orgs, need, [], ['f']));
    expect(expected).toEqual(['f', 'a', 'e', 'd', 'c', 'b']);
    for (let shift = 0; shift < orgs.length; shift++) {
      const rotated = [...orgs.slice(shift), ...orgs.slice(0, shift)];
      expect(ids(rankCandidates(rotated, need, [], ['f']))).toEqual(expected);
      expect(ids(rankCandidates([...rotated].reverse(), need, [], ['f']))).toEqual(expected);
    }
  });

  it('does not change the lists it is given', () => {
    const orgs = Object.freeze([b, a, c]);
    const preferences = Object.freeze(['c']);
    const copy = structuredClone(orgs);
    expect(ids(rankCandidates(orgs, need, [], preferences))).toEqual(['c', 'a', 'b']);
    expect(orgs).toEqual(copy);
    expect(preferences).toEqual(['c']);
  });

  it('with no candidates left gives an empty list, whatever the rule says', () => {
    expect(rankCandidates([a, b], need, ['a', 'b'], ['a', 'b'])).toEqual([]);
    expect(rankCandidates([], need, [], ['a'])).toEqual([]);
  });
});
