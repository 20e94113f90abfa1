import { GraphQLError } from 'graphql';
import { ErrorCode, Role } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import { assertMaySetCapacity } from './directory-access.policy';

const OWN = 'org-own';
const viewer = (role: Role, organizationId: string | null = OWN): Viewer => ({
  id: 'user',
  email: 'user@example.jp',
  displayName: 'User',
  role,
  organizationId,
  areaId: null,
});

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return String((error as GraphQLError).extensions.code);
  }
}

describe('assertMaySetCapacity', () => {
  it('lets an administrator switch any organisation', () => {
    expect(codeOf(() => assertMaySetCapacity(viewer(Role.ADMIN, null), OWN))).toBeNull();
    expect(codeOf(() => assertMaySetCapacity(viewer(Role.ADMIN, null), 'org-other'))).toBeNull();
  });

  it('lets partner staff switch their own organisation only; another is NOT_FOUND', () => {
    expect(codeOf(() => assertMaySetCapacity(viewer(Role.PARTNER), OWN))).toBeNull();
    expect(codeOf(() => assertMaySetCapacity(viewer(Role.PARTNER), 'org-other'))).toBe(ErrorCode.NOT_FOUND);
  });

  it.each([Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.SUBCOMMITTEE])('refuses a %s, even for its own organisation', (role) => {
    expect(codeOf(() => assertMaySetCapacity(viewer(role), OWN))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => assertMaySetCapacity(viewer(role), 'org-other'))).toBe(ErrorCode.FORBIDDEN);
  });
});
