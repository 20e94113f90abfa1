// Who sees which referrals, as SQL (docs/SECURITY.md, "Principles"). Pure: no Nest, no TypeORM.
import { HandoffKind, Role } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';

/** A SQL condition (and its named parameters) on a referral row: whether the viewer may see it. */
export interface SqlScope {
  sql: string;
  params: Record<string, unknown>;
}

/** A SQL expression on a referral row (and its named parameters), e.g. the status the viewer sees. */
export type SqlExpression = SqlScope;

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

/**
 * The handoffs that take a referral away from the organisation offered it or holding it (its `from_organization_id`):
 * its own decline, the expiry of its offer, a reassignment elsewhere, an escalation or a withdrawal while it had it, or
 * its own return (handing it back after taking it on).
 */
export const LEAVING_HANDOFF_KINDS: readonly HandoffKind[] = [
  HandoffKind.DECLINED,
  HandoffKind.RETURNED,
  HandoffKind.EXPIRED,
  HandoffKind.REASSIGNED,
  HandoffKind.ESCALATED,
  HandoffKind.WITHDRAWN,
];

/**
 * The handoff `lh` that took the referral `alias` away from the viewer's organisation after its latest offer to it
 * (none while it is offered to or held by it, or was held to the end), with the handoff `nh` right after it (where
 * the same move sent the referral: OFFERED elsewhere or UNMATCHED). At most one row: once a referral has left an
 * organisation, only a new offer to it can make it the holder again.
 */
function leftHandoffFrom(alias: string): string {
  const kinds = LEAVING_HANDOFF_KINDS.map((kind) => `'${kind}'`).join(', ');
  return `FROM referral_handoff lh LEFT JOIN referral_handoff nh ON nh.referral_id = lh.referral_id AND nh.seq = lh.seq + 1
     WHERE lh.referral_id = ${alias}.id AND lh.from_organization_id = :viewerOrgId AND lh.kind IN (${kinds})
       AND lh.seq > (SELECT max(oh.seq) FROM referral_handoff oh
                      WHERE oh.referral_id = ${alias}.id AND oh.kind = 'OFFERED' AND oh.to_organization_id = :viewerOrgId)
     ORDER BY lh.seq DESC LIMIT 1`;
}

/**
 * What a partner whose organisation the referral has left sees, as SQL expressions on the row `alias`
 * (docs/SECURITY.md, "A partner the referral has left"): the seq and time of the handoff that took it away (null when
 * it has not left), and the status that move left the referral in. Null for every other viewer.
 */
export function formerPartnerColumns(
  viewer: Viewer,
  alias: string,
): { leftAtSeq: string; leftAt: string; status: string; params: Record<string, unknown> } | null {
  if (viewer.role !== Role.PARTNER) return null;
  const from = leftHandoffFrom(alias);
  return {
    leftAtSeq: `(SELECT lh.seq ${from})`,
    leftAt: `(SELECT lh.at ${from})`,
    // Escalated or withdrawn: that status. Declined, expired, reassigned, returned: the move offered it elsewhere (OFFERED, with
    // no holder the partner may see) or found nobody (UNMATCHED).
    status: `(SELECT CASE WHEN lh.kind IN ('${HandoffKind.ESCALATED}', '${HandoffKind.WITHDRAWN}') THEN lh.kind
                          WHEN nh.kind = '${HandoffKind.UNMATCHED}' THEN 'UNMATCHED' ELSE 'OFFERED' END ${from})`,
    params: { viewerOrgId: viewer.organizationId },
  };
}

/** The status of the referral row `alias` as the viewer sees it: as it was when it left the viewer's organisation, if it has. */
export function seenStatusSql(viewer: Viewer, alias: string): SqlExpression {
  const former = formerPartnerColumns(viewer, alias);
  if (!former) return { sql: `${alias}.status`, params: {} };
  return { sql: `COALESCE(${former.status}, ${alias}.status)`, params: former.params };
}

/** The organisation holding or offered the referral row `alias`, as the viewer sees it: none once it has left the viewer's. */
export function seenHolderSql(viewer: Viewer, alias: string): SqlExpression {
  const former = formerPartnerColumns(viewer, alias);
  if (!former) return { sql: `${alias}.current_organization_id`, params: {} };
  return { sql: `CASE WHEN ${former.leftAtSeq} IS NULL THEN ${alias}.current_organization_id END`, params: former.params };
}
