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
    ...overrides,
  };
}

const actions = (v: Viewer, f: ActionFacts) => availableActions(v, f).map((a) => (a.proxy ? `${a.action}(proxy)` : a.action));

describe('availableActions', () => {
  it('the partner offered a referral may accept, decline, note and ask for more time; nothing else', () => {
    expect(actions(viewer(Role.PARTNER, HOLDER), facts(ReferralStatus.OFFERED))).toEqual(['ACCEPT', 'DECLINE', 'NOTE', 'EXTEND_DEADLINE']);
    expect(actions(viewer(Role.PARTNER, HOLDER), facts(ReferralStatus.ACCEPTED))).toEqual(['START', 'NOTE', 'EXTEND_DEADLINE']);
    expect(actions(viewer(Role.PARTNER, HOLDER), facts(ReferralStatus.IN_PROGRESS))).toEqual(['COMPLETE', 'NOTE', 'EXTEND_DEADLINE']);
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
    expect(actions(tier2, facts(ReferralStatus.ESCALATED))).toEqual(['REASSIGN', 'WITHDRAW', 'NOTE']);
  });

  it('without consent a PERSON referral cannot be reassigned; without a running deadline nothing is extended', () => {
    const tier2 = viewer(Role.TIER2_COORDINATOR, 'org-council');
    expect(actions(tier2, facts(ReferralStatus.UNMATCHED, { consentObtained: false, deadlineRunning: false }))).toEqual([
      'ESCALATE',
      'WITHDRAW',
      'NOTE',
    ]);
    expect(actions(tier2, facts(ReferralStatus.UNMATCHED, { subjectKind: SubjectKind.AREA, consentObtained: null }))).toContain('REASSIGN');
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
    };
    for (const [move, expected] of Object.entries(MOVE_ROLES)) {
      const declared = new RegExp(`@Roles\\(([^)]*)\\)\\s*@Mutation\\([^\\n]*\\n\\s*async ${METHOD[move]}\\(`).exec(source)?.[1];
      expect({ move, roles: roles(declared ?? '').sort() }).toEqual({ move, roles: [...expected!].sort() });
    }
  });
});
