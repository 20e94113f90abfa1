import { HandoffKind, ReferralOutcome, ReferralStatus } from '../enums';
import { IllegalTransitionError } from '../errors';
import type { PolicyHandoff, ReferralState } from '../referral/referral-state';
import { closesWithRegionalIssue, closeWithRegionalIssue, isFinalIssueEntry } from './needs-closed-by-policy';

const S = ReferralStatus;
const state = (status: ReferralStatus, extra: Partial<ReferralState> & { heldByTier1?: boolean } = {}): ReferralState => ({
  status,
  currentOrganizationId: status === S.ESCALATED || status === S.UNMATCHED ? null : 'org-partner',
  offeredOrganizationIds: ['org-partner'],
  outcome: null,
  ...extra,
});
const entry = (kind: HandoffKind): Omit<PolicyHandoff, 'at'> => ({
  issueId: 'issue-1',
  issueSeq: 9,
  kind,
  actorUserId: 'user-tier1',
  proposalId: null,
  reason: kind === HandoffKind.ISSUE_CLOSED ? '民間事業者が運行を始めた' : null,
  note: null,
});

describe('closesWithRegionalIssue: which referrals end with their issue', () => {
  const ENDS: ReferralStatus[] = [S.ESCALATED, S.UNMATCHED];
  it.each(Object.values(S))('%s', (status) => {
    expect(closesWithRegionalIssue(state(status))).toBe(ENDS.includes(status));
  });

  it('IN_PROGRESS ends only when tier-1’s department holds it (heldByTier1)', () => {
    expect(closesWithRegionalIssue({ ...state(S.IN_PROGRESS), heldByTier1: true })).toBe(true);
    expect(closesWithRegionalIssue({ ...state(S.IN_PROGRESS), heldByTier1: false })).toBe(false);
    expect(closesWithRegionalIssue(state(S.IN_PROGRESS))).toBe(false);
  });
});

describe('closeWithRegionalIssue', () => {
  it.each([
    [HandoffKind.POLICY_IMPLEMENTED, '地域課題が実施済みとなったため完了しました'],
    [HandoffKind.ISSUE_CLOSED, '地域課題が終了となったため完了しました'],
  ])('%s on an ESCALATED referral: the entry, then COMPLETED by the system with TAKEN_INTO_REGIONAL_ISSUE', (kind, note) => {
    const before = state(S.ESCALATED);
    const t = closeWithRegionalIssue(before, entry(kind));
    expect(t.state).toEqual({ ...before, status: S.COMPLETED, outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE });
    expect(t.handoffs.map((h) => h.kind)).toEqual([kind, HandoffKind.COMPLETED]);
    expect(t.handoffs[0]).toMatchObject({ regionalIssueId: 'issue-1', regionalIssueSeq: 9 });
    expect(t.handoffs[1]).toEqual({
      kind: HandoffKind.COMPLETED,
      fromOrganizationId: null,
      toOrganizationId: null,
      actorUserId: null,
      proxy: false,
      reason: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE,
      note,
    });
  });

  it.each([S.OFFERED, S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD, S.COMPLETED, S.WITHDRAWN])('a %s referral gets only the entry', (status) => {
    const before = state(status);
    const t = closeWithRegionalIssue(before, entry(HandoffKind.ISSUE_CLOSED));
    expect(t.state).toBe(before);
    expect(t.handoffs.map((h) => h.kind)).toEqual([HandoffKind.ISSUE_CLOSED]);
  });

  it.each([HandoffKind.LINKED_TO_ISSUE, HandoffKind.PROPOSAL_SUBMITTED, HandoffKind.SUBCOMMITTEE_DECISION, HandoffKind.UNLINKED_FROM_ISSUE])(
    '%s is not final: an ESCALATED referral gets only the entry',
    (kind) => {
      expect(isFinalIssueEntry(kind)).toBe(false);
      const t = closeWithRegionalIssue(state(S.ESCALATED), entry(kind));
      expect(t.state.status).toBe(S.ESCALATED);
      expect(t.handoffs).toHaveLength(1);
    },
  );

  it('refuses a kind that is not a policy kind', () => {
    expect(() => closeWithRegionalIssue(state(S.ESCALATED), entry(HandoffKind.COMPLETED))).toThrow(IllegalTransitionError);
  });
});
