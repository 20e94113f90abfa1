import { PolicyProposalStatus, Role } from '@tsunagu/domain';
import type { Viewer } from '../../common/viewer';
import { isCalendarDate } from './policy-fields';
import { todayInJapan, toFollowUpActionModel } from './policy.mappers';
import { issueScope, meetingScope, proposalScope, seesProposalStatus } from './policy-scope';

const viewer = (role: Role, extra: Partial<Viewer> = {}): Viewer => ({
  id: 'u-1',
  email: 'x@test.example',
  displayName: 'x',
  role,
  organizationId: 'o-1',
  areaId: null,
  ...extra,
});

describe('policy scope', () => {
  it('gives tier-1 and administrators everything, partners nothing', () => {
    for (const role of [Role.ADMIN, Role.TIER1_COORDINATOR]) {
      expect(issueScope(viewer(role), 'i').sql).toBe('true');
      expect(proposalScope(viewer(role), 'p', 'i').sql).toBe('true');
      expect(meetingScope(viewer(role), 'm').sql).toBe('true');
      expect(seesProposalStatus(viewer(role), PolicyProposalStatus.DRAFT)).toBe(true);
    }
    expect(issueScope(viewer(Role.PARTNER), 'i').sql).toBe('false');
    expect(proposalScope(viewer(Role.PARTNER), 'p', 'i').sql).toContain('false');
    expect(meetingScope(viewer(Role.PARTNER), 'm').sql).toBe('false');
  });

  it('shows the subcommittee issues with a proposal past DRAFT, no drafts, every meeting', () => {
    const v = viewer(Role.SUBCOMMITTEE);
    expect(issueScope(v, 'i').sql).toMatch(/policy_proposal .*status <> 'DRAFT'/s);
    expect(proposalScope(v, 'p', 'i').sql).toContain("p.status <> 'DRAFT'");
    expect(meetingScope(v, 'm').sql).toBe('true');
    expect(seesProposalStatus(v, PolicyProposalStatus.DRAFT)).toBe(false);
    expect(seesProposalStatus(v, PolicyProposalStatus.SUBMITTED)).toBe(true);
  });

  it('shows a tier-2 coordinator issues linked to referrals they see, by the referral rules', () => {
    const v = viewer(Role.TIER2_COORDINATOR, { areaId: 'a-1' });
    const scope = issueScope(v, 'i');
    expect(scope.sql).toContain('regional_issue_referral');
    expect(scope.sql).toContain('scope_r.area_id = :viewerAreaId OR scope_r.submitted_by_id = :viewerId');
    expect(scope.params).toEqual({ viewerAreaId: 'a-1', viewerId: 'u-1' });
    expect(meetingScope(v, 'm').sql).toContain('agenda_item');
  });
});

describe('due days', () => {
  it('takes only days that exist, written YYYY-MM-DD', () => {
    expect(['2027-03-31', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2027-02-29', '2027-13-01', '2027-3-1', '2027/03/01', '', 20270301, null].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('counts an action overdue from the day after its due day, in Japan', () => {
    // 2027-03-31 15:30 UTC is 2027-04-01 00:30 in Japan.
    const now = new Date('2027-03-31T15:30:00Z');
    expect(todayInJapan(now)).toBe('2027-04-01');
    const action = {
      id: 'a',
      proposalId: 'p',
      description: 'd',
      owner: 'o',
      dueOn: '2027-03-31',
      createdAt: now,
      remindedAt: null,
      doneAt: null,
      doneById: null,
      doneNote: null,
    };
    expect(toFollowUpActionModel(action, now).overdue).toBe(true);
    expect(toFollowUpActionModel({ ...action, dueOn: '2027-04-01' }, now).overdue).toBe(false);
    expect(toFollowUpActionModel({ ...action, doneAt: now }, now).overdue).toBe(false);
  });
});
