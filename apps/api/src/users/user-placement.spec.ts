import { OrganizationKind as K, Role } from '@tsunagu/domain';
import { placementProblems } from './user-placement';

const org = (kind: K, hasSystemUsers = true) => ({ name: `a ${kind}`, kind, hasSystemUsers });
const area = { code: 'KAWANISHI' };
const fields = (facts: Parameters<typeof placementProblems>[0]) => placementProblems(facts).map((p) => p.field);

describe('placementProblems', () => {
  it('accepts each role where it belongs', () => {
    expect(placementProblems({ role: Role.ADMIN })).toEqual([]);
    expect(placementProblems({ role: Role.ADMIN, organization: org(K.CITY_DEPARTMENT) })).toEqual([]);
    expect(placementProblems({ role: Role.TIER1_COORDINATOR, organization: org(K.CITY_DEPARTMENT) })).toEqual([]);
    expect(placementProblems({ role: Role.TIER2_COORDINATOR, organization: org(K.SOCIAL_WELFARE_COUNCIL), area })).toEqual([]);
    for (const kind of [K.NPO, K.VOLUNTEER_GROUP, K.SILVER_HR_CENTER, K.CIVIC_ACTIVITY_CENTER, K.BUSINESS, K.COMMUNITY_SUPPORT_CENTER]) {
      expect(placementProblems({ role: Role.PARTNER, organization: org(kind) })).toEqual([]);
    }
    expect(placementProblems({ role: Role.SUBCOMMITTEE, organization: org(K.SUBCOMMITTEE) })).toEqual([]);
    expect(placementProblems({ role: Role.SUBCOMMITTEE, organization: org(K.CITY_DEPARTMENT) })).toEqual([]);
  });

  it('requires an organisation of every role but the administrator', () => {
    for (const role of [Role.TIER1_COORDINATOR, Role.PARTNER, Role.SUBCOMMITTEE]) {
      expect(fields({ role })).toEqual(['organizationId']);
    }
    expect(fields({ role: Role.TIER2_COORDINATOR, area })).toEqual(['organizationId']);
    expect(placementProblems({ role: Role.PARTNER })[0].message).toContain('must belong to an organisation (COMMUNITY_SUPPORT_CENTER, NPO');
  });

  it('requires a partner organisation of partner staff, and one that has system users', () => {
    for (const kind of [K.CITY_DEPARTMENT, K.SOCIAL_WELFARE_COUNCIL, K.SUBCOMMITTEE]) {
      expect(fields({ role: Role.PARTNER, organization: org(kind) })).toEqual(['organizationId']);
    }
    const [problem] = placementProblems({ role: Role.PARTNER, organization: org(K.BUSINESS, false) });
    expect(problem).toEqual({ field: 'organizationId', message: expect.stringContaining('set hasSystemUsers first') });
  });

  it('puts a tier-2 coordinator at the social welfare council, in an area', () => {
    expect(fields({ role: Role.TIER2_COORDINATOR, organization: org(K.NPO), area })).toEqual(['organizationId']);
    expect(fields({ role: Role.TIER2_COORDINATOR, organization: org(K.SOCIAL_WELFARE_COUNCIL) })).toEqual(['areaCode']);
    expect(placementProblems({ role: Role.TIER2_COORDINATOR, organization: org(K.CITY_DEPARTMENT), area })[0].message).toBe(
      'a TIER2_COORDINATOR cannot belong to "a CITY_DEPARTMENT", a CITY_DEPARTMENT; it must be one of (SOCIAL_WELFARE_COUNCIL)',
    );
  });

  it('gives an area to tier-2 coordinators only', () => {
    expect(fields({ role: Role.PARTNER, organization: org(K.NPO), area })).toEqual(['areaCode']);
    expect(fields({ role: Role.ADMIN, area })).toEqual(['areaCode']);
    expect(fields({ role: Role.TIER1_COORDINATOR, organization: org(K.CITY_DEPARTMENT), area })).toEqual(['areaCode']);
  });

  it('names unknown ids and codes', () => {
    expect(placementProblems({ role: Role.TIER2_COORDINATOR, organization: null, area: null })).toEqual([
      { field: 'organizationId', message: 'no organisation has this id' },
      { field: 'areaCode', message: 'no area has this code' },
    ]);
    expect(fields({ role: Role.ADMIN, organization: null })).toEqual(['organizationId']);
  });

  it('reports both fields at once', () => {
    expect(fields({ role: Role.TIER1_COORDINATOR, area })).toEqual(['organizationId', 'areaCode']);
  });
});
