// What a partner sees of a referral that has left its organisation (docs/SECURITY.md, "A partner the referral has
// left"): the referral as it was when it left, its own part of the history, nothing later and nothing of other
// organisations. Which referral has left whom is decided in SQL (referral-scope.ts); this applies it. Pure: unit-tested.
import { HandoffKind, POLICY_HANDOFF_KINDS, ReferralStatus, Role } from '@tsunagu/domain';
import type { ReferralEntity } from '@tsunagu/persistence';
import type { Viewer } from '../common/viewer';
import type { HandoffRow } from '../common/loaders/loaders';

/** A referral row as one viewer sees it. `leftAtSeq`: the handoff that took it away from the viewer's organisation. */
export type SeenReferral = ReferralEntity & { leftAtSeq: number | null };

/** Where the referral stood for the viewer's organisation when it left it (formerPartnerColumns). */
export interface LeftState {
  leftAtSeq: number;
  leftAt: Date;
  status: ReferralStatus;
}

/**
 * The row as the viewer sees it. For an organisation the referral has left: the status that move left it in, no holder
 * (so none of the resident's data either: PARTNER_SIGHT needs the viewer's organisation to hold it), no deadline, no
 * outcome, last changed when it left. Anyone else: the row as it is.
 */
export function seenAsLeft(row: ReferralEntity, left: LeftState | undefined): SeenReferral {
  if (!left) return Object.assign(row, { leftAtSeq: null });
  return Object.assign(row, {
    status: left.status,
    currentOrganizationId: null,
    responseDueAt: null,
    outcome: null,
    resumeOn: null,
    resumesToStatus: null,
    updatedAt: left.leftAt,
    leftAtSeq: left.leftAtSeq,
  });
}

/**
 * The handoffs of a referral the viewer sees, oldest first. Partners never see the policy track's entries. An
 * organisation the referral has left (`leftAtSeq`) sees only its own part: the handoffs from or to it up to and
 * including the one that took the referral away, and the notes it wrote itself since; other organisations in them are
 * left out (`fromOrganization` / `toOrganization` null), so no later step, holder, user or note of another one shows.
 */
export function handoffsSeenBy(viewer: Viewer, leftAtSeq: number | null, rows: readonly HandoffRow[]): HandoffRow[] {
  if (viewer.role !== Role.PARTNER) return [...rows];
  const steps = rows.filter((row) => !POLICY_HANDOFF_KINDS.includes(row.kind));
  if (leftAtSeq === null) return steps;
  const own = viewer.organizationId;
  if (own === null) return [];
  const isOwn = (row: HandoffRow) => row.fromOrganizationId === own || row.toOrganizationId === own;
  return steps
    .filter((row) => (row.seq <= leftAtSeq && isOwn(row)) || (row.kind === HandoffKind.NOTE && row.fromOrganizationId === own))
    .map((row) => ({
      ...row,
      fromOrganizationId: row.fromOrganizationId === own ? own : null,
      toOrganizationId: row.toOrganizationId === own ? own : null,
    }));
}
