import { OrganizationKind, Role } from '@tsunagu/domain';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from './demo-data';

describe('demo data', () => {
  it('places every user in an organisation of the demo city (the seed looks it up by name)', () => {
    const names = new Set(DEMO_ORGANIZATIONS.map((org) => org.name));
    for (const user of DEMO_USERS) if (user.organization) expect(names).toContain(user.organization);
  });

  it('has a user for the KAWANISHI community support centre, so a person can try a centre’s side', () => {
    const centre = DEMO_ORGANIZATIONS.find((org) => org.kind === OrganizationKind.COMMUNITY_SUPPORT_CENTER && org.areas.includes('KAWANISHI'));
    expect(DEMO_USERS.find((user) => user.email === 'center@tsunagu.test')).toMatchObject({ role: Role.PARTNER, organization: centre?.name });
    // A partner user needs an organisation that declares system users (user-placement.ts).
    expect(centre?.hasSystemUsers ?? true).toBe(true);
  });
});
