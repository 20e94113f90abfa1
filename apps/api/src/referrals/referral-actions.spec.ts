import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReferralStatus, Role, SubjectKind } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import { ActionFacts, availableActions, MOVE_ROLES, PERSON_MOVES, ReferralAction } from './referral-actions';

const HOLDER = 'org-holder';

function viewer(role: Role, organizationId: string | null = null): Viewer {
  return { id: `user-${role}`, email: `${role}@x.test`, displayName: role, role, organizationId, areaId: 'area-1' };
}

function facts(status: ReferralStatus, overrides: Partial<ActionFacts> = {}): ActionFacts {
  return {
    status,
    currentOrganizationId: [ReferralStatus.OFFERED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS].includes(status) ? HOLDER : null,
    currentOrganizationHasUsers: true,
    subjectKind: SubjectKind.PERSON,
    consentObtained: true,
    deadlineRunning: [ReferralStatus.OFFERED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.UNMATCHED].includes(status),
    leftAtSeq: null,
    heldByTier1: false,
    ...overrides,
  };
}

const actions = (v: Viewer, f: ActionFacts) => availableActions(v, f).map((a) => (a.proxy ? `${a.action}(proxy)` : a.action));

describe('availableActions', () => {
  it('the partner offered a referral may accept, decline, note and ask for more time; nothing else', () => {
    expect(actions(viewer(Role.PARTNER, HOLDER), facts(ReferralStatus.OFFERED))).toEqual(['ACCEPT', 'DECLINE', 'NOTE', 'EXTEND_DEADLINE']);
    expect(actions(viewer(Role.PARTNER, HOLDER), facts(ReferralStatus.ACCEPTED))).toEqual(['START', 'NOTE', 'EXTEND_DEADLINE', 'RETURN']);
    expect(actions(viewer(Role.PARTNER, HOLDER), facts(ReferralStatus.IN_PROGRESS))).toEqual(['COMPLETE', 'NOTE', 'EXTEND_DEADLINE', 'RETURN']);
  });

  it('another partner, or one the referral has left, may only add notes', () => {
    expect(actions(viewer(Role.PARTNER, 'org-other'), facts(ReferralStatus.OFFERED))).toEqual(['NOTE']);
    expect(actions(viewer(Role.PARTNER, HOLDER), facts(ReferralStatus.UNMATCHED, { leftAtSeq: 3 }))).toEqual(['NOTE']);
  });

  it('a tier-2 coordinator steers, and answers by proxy only for a partner without users', () => {
    const tier2 = viewer(Role.TIER2_COORDINATOR, 'org-council');
    expect(actions(tier2, facts(ReferralStatus.OFFERED))).toEqual(['REASSIGN', 'ESCALATE', 'WITHDRAW', 'NOTE', 'EXTEND_DEADLINE']);
    expect(actions(tier2, facts(ReferralStatus.OFFERED, { currentOrganizationHasUsers: false }))).toEqual([
      'ACCEPT(proxy)',
      'DECLINE(proxy)',
      'REASSIGN',
      'ESCALATE',
      'WITHDRAW',
      'NOTE',
      'EXTEND_DEADLINE',
    ]);
    expect(actions(tier2, facts(ReferralStatus.ESCALATED))).toEqual(['REASSIGN', 'WITHDRAW', 'NOTE', 'HOLD']);
  });

  it('without consent a PERSON referral cannot be reassigned; without a running deadline nothing is extended', () => {
    const tier2 = viewer(Role.TIER2_COORDINATOR, 'org-council');
    expect(actions(tier2, facts(ReferralStatus.UNMATCHED, { consentObtained: false, deadlineRunning: false }))).toEqual([
      'ESCALATE',
      'WITHDRAW',
      'NOTE',
      'HOLD',
    ]);
    expect(actions(tier2, facts(ReferralStatus.UNMATCHED, { subjectKind: SubjectKind.AREA, consentObtained: null }))).toContain('REASSIGN');
  });

  it('tier-1 takes, closes and hands back an escalated need; what its department holds it completes, re-refers, returns', () => {
    const tier1 = viewer(Role.TIER1_COORDINATOR, 'org-city');
    expect(actions(tier1, facts(ReferralStatus.ESCALATED))).toEqual(['COMPLETE', 'REASSIGN', 'WITHDRAW', 'NOTE', 'TAKE', 'RETURN', 'HOLD']);
    const held = facts(ReferralStatus.IN_PROGRESS, { currentOrganizationId: 'org-city', heldByTier1: true });
    expect(actions(tier1, held)).toEqual(['COMPLETE', 'REASSIGN', 'WITHDRAW', 'NOTE', 'EXTEND_DEADLINE', 'RETURN', 'HOLD']);
    // Nobody escalates what tier-1 holds, and nobody answers for tier-1 by proxy (its department has a user).
    expect(actions(viewer(Role.TIER2_COORDINATOR, 'org-council'), held)).toEqual(['WITHDRAW', 'NOTE', 'EXTEND_DEADLINE', 'HOLD']);
    // A partner's work in progress stays the partner's.
    expect(actions(tier1, facts(ReferralStatus.IN_PROGRESS))).toEqual(['ESCALATE', 'WITHDRAW', 'NOTE', 'EXTEND_DEADLINE', 'HOLD']);
  });

  it('on hold: a coordinator resumes, moves the date, notes or withdraws; the partner only notes', () => {
    const onHold = facts(ReferralStatus.ON_HOLD, { currentOrganizationId: HOLDER, deadlineRunning: false });
    expect(actions(viewer(Role.TIER2_COORDINATOR, 'org-council'), onHold)).toEqual(['WITHDRAW', 'NOTE', 'HOLD', 'RESUME']);
    expect(actions(viewer(Role.PARTNER, HOLDER), onHold)).toEqual(['NOTE']);
  });

  it('closed referrals take no moves; administrators only note, the subcommittee nothing', () => {
    for (const status of [ReferralStatus.COMPLETED, ReferralStatus.WITHDRAWN]) {
      for (const role of Object.values(Role)) expect(actions(viewer(role, HOLDER), facts(status))).toEqual([]);
    }
    expect(actions(viewer(Role.ADMIN), facts(ReferralStatus.OFFERED))).toEqual(['NOTE']);
    expect(actions(viewer(Role.SUBCOMMITTEE, 'org-sub'), facts(ReferralStatus.OFFERED))).toEqual([]);
  });

  it('covers every move a person makes, and the GraphQL enum names each (add new moves to ReferralAction)', () => {
    expect([...PERSON_MOVES].sort()).toEqual(Object.values(ReferralAction).sort());
  });

  it("MOVE_ROLES says what the resolvers' @Roles say (read from the source: Nest does not load in unit tests)", () => {
    const source = readFileSync(join(__dirname, 'referrals.resolver.ts'), 'utf8');
    const lists = new Map([...source.matchAll(/^const (\w+) = \[([^\]]*)\];/gm)].map((m) => [m[1], m[2]]));
    const roles = (args: string): string[] =>
      args.split(',').flatMap((arg) => {
        const item = arg.trim();
        if (item.startsWith('...')) return roles(lists.get(item.slice(3))!);
        return item ? [item.replace(/^Role\./, '')] : [];
      });
    const METHOD: Record<string, string> = {
      ACCEPT: 'acceptReferral',
      DECLINE: 'declineReferral',
      START: 'startReferral',
      COMPLETE: 'completeReferral',
      REASSIGN: 'reassignReferral',
      ESCALATE: 'escalateReferral',
      WITHDRAW: 'withdrawReferral',
      NOTE: 'addReferralNote',
      EXTEND_DEADLINE: 'extendReferralDeadline',
      TAKE: 'takeReferral',
      RETURN: 'returnReferral',
      HOLD: 'holdReferral',
      RESUME: 'resumeReferral',
    };
    for (const [move, expected] of Object.entries(MOVE_ROLES)) {
      const declared = new RegExp(`@Roles\\(([^)]*)\\)\\s*@Mutation\\((?:(?!async )[\\s\\S])*?\\n\\s*async ${METHOD[move]}\\(`).exec(source)?.[1];
      expect({ move, roles: roles(declared ?? '').sort() }).toEqual({ move, roles: [...expected!].sort() });
    }
  });
});
