import { Role } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import { forbidden, notFound } from '../common/graphql-errors';

// Who may change what in the directory beyond the ADMIN-only operations (marked @Roles(Role.ADMIN)). Pure: unit-tested.

/**
 * Switching an organisation's capacity (acceptingReferrals): an administrator for any organisation, partner staff for
 * their own only. Another organisation does not exist for a partner (NOT_FOUND, as for an unknown id); every other
 * role is FORBIDDEN.
 */
export function assertMaySetCapacity(viewer: Viewer, organizationId: string): void {
  if (viewer.role === Role.ADMIN) return;
  if (viewer.role !== Role.PARTNER) throw forbidden(`A ${viewer.role} cannot switch an organisation's capacity`);
  if (viewer.organizationId !== organizationId) throw notFound('Organization');
}
