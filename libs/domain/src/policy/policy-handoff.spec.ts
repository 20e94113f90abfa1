import { HandoffKind, NeedCategory, ReferralStatus } from '../enums';
import { recordPolicyHandoff } from '../referral/referral-state-machine';
import { createRegionalIssue, policyHandoffOf } from './regional-issue-state-machine';

// The policy handoff has one shape (PolicyHandoff): drafted by the issue's transition, numbered by its workflow, read by
// the referral's. It travels in the policyHandoff signal and the closed referral's activity input, which stored
// histories hold: its fields and their order must stay as they are.
describe('policyHandoffOf', () => {
  const AT = '2037-06-01T01:00:00.000Z';
  const created = createRegionalIssue(
    {
      type: 'CREATE',
      issueId: 'issue-1',
      title: '買い物の足がない',
      description: '',
      category: NeedCategory.TRANSPORT,
      areaIds: ['area-1'],
      referrals: [{ referralId: 'ref-1', workflowId: 'referral:u:1' }],
      createdByUserId: 'tier1',
    },
    AT,
  );

  it('numbers a draft with the issue and the seq of the event it mirrors, in the wire order', () => {
    const [draft] = created.handoffs;
    const handoff = policyHandoffOf('issue-1', draft, 2, AT);
    expect(JSON.stringify(handoff)).toBe(
      JSON.stringify({
        issueId: 'issue-1',
        issueSeq: 2,
        kind: HandoffKind.LINKED_TO_ISSUE,
        actorUserId: 'tier1',
        proposalId: null,
        reason: null,
        note: '買い物の足がない',
        at: AT,
      }),
    );
  });

  it('is what the referral side writes into its history', () => {
    const referral = { status: ReferralStatus.OFFERED, currentOrganizationId: 'org-a', offeredOrganizationIds: ['org-a'], outcome: null };
    const t = recordPolicyHandoff(referral, policyHandoffOf('issue-1', created.handoffs[0], 2, AT));
    expect(t.handoffs).toEqual([
      expect.objectContaining({ kind: HandoffKind.LINKED_TO_ISSUE, regionalIssueId: 'issue-1', regionalIssueSeq: 2, note: '買い物の足がない' }),
    ]);
  });
});
