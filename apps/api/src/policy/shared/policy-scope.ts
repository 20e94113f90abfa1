// Who sees what of the policy track (docs/SECURITY.md, "The policy track"), as SQL conditions on the read model's rows.
// Pure: the query service and the loaders compose these into their queries; unit-tested.
import { PolicyProposalStatus, RegionalIssueStatus, Role } from '@tsunagu/domain';
import type { Viewer } from '../../common/viewer';
import { referralScope, SqlScope } from '../../referrals/referral-scope';

/** Roles that read every issue, proposal (drafts too) and meeting. */
const FULL_READERS: readonly Role[] = [Role.ADMIN, Role.TIER1_COORDINATOR];

/** Final issues take no more changes; their workflows have ended or are ending. */
export const FINAL_ISSUE_STATUSES: readonly RegionalIssueStatus[] = [RegionalIssueStatus.IMPLEMENTED, RegionalIssueStatus.CLOSED];

export function seesDraftProposals(viewer: Viewer): boolean {
  return FULL_READERS.includes(viewer.role);
}

/** Whether the viewer may see a proposal in this status of an issue they see. */
export function seesProposalStatus(viewer: Viewer, status: PolicyProposalStatus): boolean {
  return status !== PolicyProposalStatus.DRAFT || seesDraftProposals(viewer);
}

/**
 * Issues the viewer may see, as a condition on the regional_issue row `alias`: ADMIN and TIER1 all; the subcommittee
 * those with a proposal past DRAFT (what is put to it); a tier-2 coordinator those currently linked to a referral they
 * see; partners none.
 */
export function issueScope(viewer: Viewer, alias: string): SqlScope {
  if (FULL_READERS.includes(viewer.role)) return { sql: 'true', params: {} };
  switch (viewer.role) {
    case Role.SUBCOMMITTEE:
      return {
        sql: `EXISTS (SELECT 1 FROM policy_proposal scope_p WHERE scope_p.issue_id = ${alias}.id AND scope_p.status <> 'DRAFT')`,
        params: {},
      };
    case Role.TIER2_COORDINATOR: {
      const referrals = referralScope(viewer, 'scope_r');
      return {
        sql: `EXISTS (SELECT 1 FROM regional_issue_referral scope_l JOIN referral scope_r ON scope_r.id = scope_l.referral_id
                       WHERE scope_l.issue_id = ${alias}.id AND ${referrals.sql})`,
        params: referrals.params,
      };
    }
    default:
      return { sql: 'false', params: {} };
  }
}

/** Proposals the viewer may see, as a condition on policy_proposal `alias` joined to its issue `issueAlias`. */
export function proposalScope(viewer: Viewer, alias: string, issueAlias: string): SqlScope {
  const issues = issueScope(viewer, issueAlias);
  if (seesDraftProposals(viewer)) return issues;
  return { sql: `(${alias}.status <> 'DRAFT' AND ${issues.sql})`, params: issues.params };
}

/**
 * Meetings the viewer may see, as a condition on subcommittee_meeting `alias`: ADMIN, TIER1 and the subcommittee all;
 * a tier-2 coordinator a meeting that has a proposal of an issue they see on its agenda (reached through the issue);
 * partners none.
 */
export function meetingScope(viewer: Viewer, alias: string): SqlScope {
  if (FULL_READERS.includes(viewer.role) || viewer.role === Role.SUBCOMMITTEE) return { sql: 'true', params: {} };
  if (viewer.role !== Role.TIER2_COORDINATOR) return { sql: 'false', params: {} };
  const proposals = proposalScope(viewer, 'scope_mp', 'scope_mi');
  return {
    sql: `EXISTS (SELECT 1 FROM agenda_item scope_a JOIN policy_proposal scope_mp ON scope_mp.id = scope_a.proposal_id
                    JOIN regional_issue scope_mi ON scope_mi.id = scope_mp.issue_id
                   WHERE scope_a.meeting_id = ${alias}.id AND ${proposals.sql})`,
    params: proposals.params,
  };
}
