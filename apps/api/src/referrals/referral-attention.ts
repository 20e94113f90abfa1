// "Needs me now" (docs/API.md, "Needs me now"): which referrals wait for the viewer, and how urgently, as SQL on the
// referral row. Pure: no Nest, no TypeORM; the cut-off for "deadline within 2 business days" comes from the calendar.
import { addBusinessDays, HandoffKind, Role } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import type { SqlExpression } from './referral-scope';

/** Business days ahead within which a running deadline counts as soon. */
export const SOON_BUSINESS_DAYS = 2;

/** Latest entries that answer an escalation and wait for the tier-2 coordinator to act on the answer. */
export const ANSWERED_ESCALATION_KINDS: readonly HandoffKind[] = [
  HandoffKind.RETURNED,
  HandoffKind.SUBCOMMITTEE_DECISION,
  HandoffKind.POLICY_IMPLEMENTED,
  HandoffKind.ISSUE_CLOSED,
];

/** The end of the SOON_BUSINESS_DAYS-th business day after today (Japan time): 17:15 JST. */
export function soonCutoff(now: Date): Date {
  return addBusinessDays(now, SOON_BUSINESS_DAYS);
}

/**
 * The urgency of the referral row `alias` for the viewer: 1 to 4 for each reason it needs them (lower first), 9 when it
 * does not. Tier-2 coordinators: 1 UNMATCHED, 2 offered to a partner without users (the coordinator records its
 * answer), 3 a running deadline within 2 business days, 4 an escalation answered (its latest entry hands it back or
 * closes its policy track). Tier-1: 1 ESCALATED (theirs to take), 3. Partners: 1 offered to their organisation, 3 on
 * one it holds. Everyone else: 9.
 */
export function urgencySql(viewer: Viewer, alias: string, now: Date): SqlExpression {
  const soon = `(${alias}.response_due_at IS NOT NULL AND ${alias}.response_due_at <= :urgencySoon)`;
  const params = { urgencySoon: soonCutoff(now) };
  switch (viewer.role) {
    case Role.TIER2_COORDINATOR: {
      const kinds = ANSWERED_ESCALATION_KINDS.map((kind) => `'${kind}'`).join(', ');
      return {
        sql: `(CASE WHEN ${alias}.status = 'UNMATCHED' THEN 1
                    WHEN ${alias}.status = 'OFFERED' AND EXISTS (SELECT 1 FROM organization uo
                          WHERE uo.id = ${alias}.current_organization_id AND uo.has_system_users = false) THEN 2
                    WHEN ${soon} THEN 3
                    WHEN EXISTS (SELECT 1 FROM referral_handoff uh WHERE uh.referral_id = ${alias}.id AND uh.seq = ${alias}.last_seq
                                    AND uh.kind IN (${kinds})) THEN 4
                    ELSE 9 END)`,
        params,
      };
    }
    case Role.TIER1_COORDINATOR:
      return { sql: `(CASE WHEN ${alias}.status = 'ESCALATED' THEN 1 WHEN ${soon} THEN 3 ELSE 9 END)`, params };
    case Role.PARTNER:
      // As the partner sees it: a referral that has left its organisation is no longer current_organization_id's.
      return {
        sql: `(CASE WHEN ${alias}.current_organization_id = :urgencyOrgId AND ${alias}.status = 'OFFERED' THEN 1
                    WHEN ${alias}.current_organization_id = :urgencyOrgId AND ${soon} THEN 3 ELSE 9 END)`,
        params: { ...params, urgencyOrgId: viewer.organizationId },
      };
    default:
      return { sql: '9', params: {} };
  }
}
