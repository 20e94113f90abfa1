// Who sees which referrals, as SQL (docs/SECURITY.md, "Principles"). Pure: no Nest, no TypeORM.
import { Role } from '@tsunagu/domain';
import type { Viewer } from '../auth/viewer';

/** A SQL condition (and its named parameters) on a referral row: whether the viewer may see it. */
export interface SqlScope {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Who sees which referrals, as a condition on the referral row `alias` (docs/SECURITY.md): ADMIN and TIER1 all; TIER2
 * their area's and those they submitted; a PARTNER those ever offered to its organisation; anyone else none. Used by
 * every read that shows referrals, the policy track's too.
 */
export function referralScope(viewer: Viewer, alias: string): SqlScope {
  switch (viewer.role) {
    case Role.ADMIN:
    case Role.TIER1_COORDINATOR:
      return { sql: 'true', params: {} };
    case Role.TIER2_COORDINATOR:
      return {
        sql: `(${alias}.area_id = :viewerAreaId OR ${alias}.submitted_by_id = :viewerId)`,
        params: { viewerAreaId: viewer.areaId, viewerId: viewer.id },
      };
    case Role.PARTNER:
      // Offered to the partner's organisation at some point: it keeps seeing the history of what it was offered.
      return {
        sql: `EXISTS (SELECT 1 FROM referral_handoff h WHERE h.referral_id = ${alias}.id AND h.kind = 'OFFERED' AND h.to_organization_id = :viewerOrgId)`,
        params: { viewerOrgId: viewer.organizationId },
      };
    default:
      return { sql: 'false', params: {} };
  }
}
