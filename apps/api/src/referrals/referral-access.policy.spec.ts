import { GraphQLError } from 'graphql';
import { ErrorCode, ReferralStatus, Role } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import {
  actorForMove,
  assertMaySubmit,
  consentSight,
  maySeeAgeBand,
  maySeeSubject,
  ReferralFacts,
  ReferralMove,
  visibleSubjectItems,
} from './referral-access.policy';

const ROLES = Object.values(Role);
const MOVES: readonly ReferralMove[] = [
  'ACCEPT',
  'DECLINE',
  'START',
  'COMPLETE',
  'REASSIGN',
  'ESCALATE',
  'WITHDRAW',
  'NOTE',
  'TAKE',
  'RETURN',
  'HOLD',
  'RESUME',
];
const STATUSES = Object.values(ReferralStatus);

const HOLDER = 'org-holder';
const OTHER = 'org-other';
const COUNCIL = 'org-council';
const CITY = 'org-city';
const AREA = 'area-1';

/** Each role as a realistic user: partners belong to the holding organisation, coordinators to their bodies. */
function viewer(role: Role, overrides: Partial<Viewer> = {}): Viewer {
  const base: Record<Role, Pick<Viewer, 'organizationId' | 'areaId'>> = {
    [Role.ADMIN]: { organizationId: null, areaId: null },
    [Role.TIER1_COORDINATOR]: { organizationId: CITY, areaId: null },
    [Role.TIER2_COORDINATOR]: { organizationId: COUNCIL, areaId: AREA },
    [Role.PARTNER]: { organizationId: HOLDER, areaId: null },
    [Role.SUBCOMMITTEE]: { organizationId: 'org-subcommittee', areaId: null },
  };
  return { id: `user-${role.toLowerCase()}`, email: `${role.toLowerCase()}@example.jp`, displayName: role, role, ...base[role], ...overrides };
}

function facts(hasUsers: boolean | null, status = ReferralStatus.OFFERED): ReferralFacts {
  return { status, currentOrganizationId: hasUsers === null ? null : HOLDER, currentOrganizationHasUsers: hasUsers };
}

function expectGraphQLCode(fn: () => unknown, code: ErrorCode): GraphQLError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GraphQLError);
  expect((caught as GraphQLError).extensions.code).toBe(code);
  return caught as GraphQLError;
}

// Written out from docs/API.md "Referrals" and DOMAIN.md "Who works here":
//   partner moves (ACCEPT, DECLINE, START, COMPLETE): PARTNER for its own organisation; TIER2 as proxy for a partner
//     without users of its own; nobody else.
//   coordinator moves (REASSIGN, ESCALATE, WITHDRAW, HOLD, RESUME): TIER1 and TIER2 only.
//   NOTE: everyone with access.
//   TAKE: TIER1 only. RETURN: like the partner moves (tier-1's own, on what is escalated to it or it holds: below).
type Expected = 'OWN' | 'PROXY' | 'FORBIDDEN';
function expected(role: Role, move: ReferralMove, hasUsers: boolean | null): Expected {
  if (move === 'NOTE') return 'OWN';
  if (move === 'TAKE') return role === Role.TIER1_COORDINATOR ? 'OWN' : 'FORBIDDEN';
  if (['ACCEPT', 'DECLINE', 'START', 'COMPLETE', 'RETURN'].includes(move)) {
    if (role === Role.PARTNER) return 'OWN';
    if (role === Role.TIER2_COORDINATOR && hasUsers === false) return 'PROXY';
    return 'FORBIDDEN';
  }
  return role === Role.TIER1_COORDINATOR || role === Role.TIER2_COORDINATOR ? 'OWN' : 'FORBIDDEN';
}

describe('actorForMove: every role × every move', () => {
  const table = ROLES.flatMap((role) =>
    MOVES.flatMap((move) => ([true, false, null] as const).map((hasUsers) => ({ role, move, hasUsers, outcome: expected(role, move, hasUsers) }))),
  );

  it('covers 5 roles × 12 moves × 3 holder situations', () => {
    expect(table).toHaveLength(180);
  });

  it.each(table)('$role $move (holder has users: $hasUsers) → $outcome', ({ role, move, hasUsers, outcome }) => {
    const v = viewer(role);
    const call = () => actorForMove(v, facts(hasUsers), move);
    switch (outcome) {
      case 'OWN':
        expect(call()).toEqual({ userId: v.id, organizationId: v.organizationId, proxy: false });
        break;
      case 'PROXY':
        expect(call()).toEqual({ userId: v.id, organizationId: HOLDER, proxy: true });
        break;
      case 'FORBIDDEN':
        expectGraphQLCode(call, ErrorCode.FORBIDDEN);
        break;
    }
  });
});

describe('actorForMove: details', () => {
  it('a partner always acts for its own organisation, never for the holder it names', () => {
    const partner = viewer(Role.PARTNER, { organizationId: OTHER });
    for (const move of ['ACCEPT', 'DECLINE', 'START', 'COMPLETE', 'NOTE'] as const) {
      expect(actorForMove(partner, facts(true), move)).toEqual({ userId: partner.id, organizationId: OTHER, proxy: false });
      expect(actorForMove(partner, facts(false), move)).toEqual({ userId: partner.id, organizationId: OTHER, proxy: false });
    }
  });

  it('a tier-2 proxy answer is recorded for the current organisation, whatever the coordinator’s own', () => {
    const t2 = viewer(Role.TIER2_COORDINATOR);
    const referral: ReferralFacts = { status: ReferralStatus.IN_PROGRESS, currentOrganizationId: 'org-shop', currentOrganizationHasUsers: false };
    expect(actorForMove(t2, referral, 'COMPLETE')).toEqual({ userId: t2.id, organizationId: 'org-shop', proxy: true });
  });

  it('a tier-2 coordinator may not answer for a partner that has users (or when nobody holds it)', () => {
    const t2 = viewer(Role.TIER2_COORDINATOR);
    expect(expectGraphQLCode(() => actorForMove(t2, facts(true), 'ACCEPT'), ErrorCode.FORBIDDEN).message).toMatch(
      /has an active user and answers for itself/,
    );
    expectGraphQLCode(() => actorForMove(t2, facts(null, ReferralStatus.UNMATCHED), 'ACCEPT'), ErrorCode.FORBIDDEN);
  });

  it('the tier-1 coordinator never answers for a partner, even one without users', () => {
    expectGraphQLCode(() => actorForMove(viewer(Role.TIER1_COORDINATOR), facts(false), 'ACCEPT'), ErrorCode.FORBIDDEN);
  });

  it('coordinator moves and notes are never proxy updates', () => {
    for (const role of [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR]) {
      for (const move of ['REASSIGN', 'ESCALATE', 'WITHDRAW', 'NOTE'] as const) {
        expect(actorForMove(viewer(role), facts(false), move).proxy).toBe(false);
      }
    }
  });
});

describe('actorForMove: tier-1 owns escalated needs', () => {
  const t1 = viewer(Role.TIER1_COORDINATOR);
  const escalated: ReferralFacts = { status: ReferralStatus.ESCALATED, currentOrganizationId: null, currentOrganizationHasUsers: null };
  const heldByCity: ReferralFacts = { status: ReferralStatus.IN_PROGRESS, currentOrganizationId: CITY, currentOrganizationHasUsers: true };
  const heldByPartner: ReferralFacts = { status: ReferralStatus.IN_PROGRESS, currentOrganizationId: HOLDER, currentOrganizationHasUsers: false };

  it.each(['COMPLETE', 'RETURN'] as const)('tier-1 may %s what is escalated to it or held by its department, in its own name', (move) => {
    expect(actorForMove(t1, escalated, move)).toEqual({ userId: t1.id, organizationId: CITY, proxy: false });
    expect(actorForMove(t1, heldByCity, move)).toEqual({ userId: t1.id, organizationId: CITY, proxy: false });
  });

  it.each(['COMPLETE', 'RETURN'] as const)('tier-1 may not %s a partner’s referral, even one without users', (move) => {
    expect(expectGraphQLCode(() => actorForMove(t1, heldByPartner, move), ErrorCode.FORBIDDEN).message).toMatch(
      /escalated to it or held by its department/,
    );
  });

  it('a tier-2 coordinator may not complete or return what tier-1 has (no proxy for the city)', () => {
    const t2 = viewer(Role.TIER2_COORDINATOR);
    for (const move of ['COMPLETE', 'RETURN'] as const) {
      expectGraphQLCode(() => actorForMove(t2, escalated, move), ErrorCode.FORBIDDEN);
      expectGraphQLCode(() => actorForMove(t2, heldByCity, move), ErrorCode.FORBIDDEN);
    }
  });

  it('a tier-2 coordinator returns as proxy for a partner without users', () => {
    const t2 = viewer(Role.TIER2_COORDINATOR);
    expect(actorForMove(t2, heldByPartner, 'RETURN')).toEqual({ userId: t2.id, organizationId: HOLDER, proxy: true });
  });

  it.each([Role.ADMIN, Role.TIER2_COORDINATOR, Role.PARTNER, Role.SUBCOMMITTEE])('%s may not take a referral', (role) => {
    expectGraphQLCode(() => actorForMove(viewer(role), escalated, 'TAKE'), ErrorCode.FORBIDDEN);
  });
});

describe('maySeeSubject', () => {
  // Partners see personal data only once their own organisation has taken the referral on.
  const PARTNER_SEES = [ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED];

  it.each(STATUSES)('coordinators see the subject when %s', (status) => {
    for (const role of [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR]) {
      expect(maySeeSubject(viewer(role), { status, currentOrganizationId: HOLDER, consentObtained: true })).toBe(true);
      expect(maySeeSubject(viewer(role), { status, currentOrganizationId: null, consentObtained: true })).toBe(true);
    }
  });

  it.each(STATUSES)('ADMIN and SUBCOMMITTEE never see the subject (%s)', (status) => {
    for (const role of [Role.ADMIN, Role.SUBCOMMITTEE]) {
      expect(maySeeSubject(viewer(role), { status, currentOrganizationId: HOLDER, consentObtained: true })).toBe(false);
      expect(maySeeSubject(viewer(role, { organizationId: HOLDER }), { status, currentOrganizationId: HOLDER, consentObtained: true })).toBe(false);
    }
  });

  it.each(STATUSES)('the holding partner sees it when %s only if it has taken it on', (status) => {
    expect(maySeeSubject(viewer(Role.PARTNER), { status, currentOrganizationId: HOLDER, consentObtained: true })).toBe(PARTNER_SEES.includes(status));
  });

  it.each(STATUSES)('another partner never sees it (%s)', (status) => {
    expect(maySeeSubject(viewer(Role.PARTNER, { organizationId: OTHER }), { status, currentOrganizationId: HOLDER, consentObtained: true })).toBe(
      false,
    );
  });

  it.each([false, null])('the holding partner does not see it without consent (consentObtained %s)', (consentObtained) => {
    expect(maySeeSubject(viewer(Role.PARTNER), { status: ReferralStatus.ACCEPTED, currentOrganizationId: HOLDER, consentObtained })).toBe(false);
  });

  it('a partner that was only offered it does not see it', () => {
    expect(maySeeSubject(viewer(Role.PARTNER), { status: ReferralStatus.OFFERED, currentOrganizationId: HOLDER, consentObtained: true })).toBe(false);
  });
});

describe('maySeeAgeBand and visibleSubjectItems', () => {
  // docs/SECURITY.md, "What a partner sees, and when": the partner offered a referral sees the age band (with the
  // summary, enough to decide); once it has taken it on, everything; once the referral has left it, nothing.
  const OFFERED_SEES = [ReferralStatus.OFFERED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED];
  const facts = (status: ReferralStatus, currentOrganizationId: string | null = HOLDER, consentObtained: boolean | null = true) => ({
    status,
    currentOrganizationId,
    consentObtained,
  });

  it.each(STATUSES)('the partner the referral is offered to or held by sees the age band when %s only if it is with it', (status) => {
    expect(maySeeAgeBand(viewer(Role.PARTNER), facts(status))).toBe(OFFERED_SEES.includes(status));
  });

  it('the offered partner sees the age band and nothing else; the holder sees everything', () => {
    expect(visibleSubjectItems(viewer(Role.PARTNER), facts(ReferralStatus.OFFERED))).toEqual(['ageBand']);
    expect(maySeeSubject(viewer(Role.PARTNER), facts(ReferralStatus.OFFERED))).toBe(false);
    for (const status of [ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED]) {
      expect([...visibleSubjectItems(viewer(Role.PARTNER), facts(status))].sort()).toEqual(['ageBand', 'contact', 'displayName', 'nameKana']);
    }
  });

  it.each(STATUSES)('a partner the referral has left (declined, expired, reassigned) sees nothing (%s, now with another)', (status) => {
    const former = viewer(Role.PARTNER, { organizationId: OTHER });
    expect(visibleSubjectItems(former, facts(status))).toEqual([]);
  });

  it.each([ReferralStatus.ESCALATED, ReferralStatus.WITHDRAWN, ReferralStatus.UNMATCHED])(
    'nobody outside the coordinators sees anything once the referral is with no partner (%s)',
    (status) => {
      for (const role of [Role.PARTNER, Role.ADMIN, Role.SUBCOMMITTEE]) {
        expect(visibleSubjectItems(viewer(role), facts(status, null))).toEqual([]);
      }
    },
  );

  it.each([false, null])('without consent (consentObtained %s) a partner sees not even the age band', (consentObtained) => {
    for (const status of OFFERED_SEES) {
      expect(visibleSubjectItems(viewer(Role.PARTNER), facts(status, HOLDER, consentObtained))).toEqual([]);
    }
  });

  it('a partner user without an organisation sees nothing, even of a referral nobody holds', () => {
    expect(visibleSubjectItems(viewer(Role.PARTNER, { organizationId: null }), facts(ReferralStatus.ESCALATED, null))).toEqual([]);
  });

  it.each(STATUSES)('coordinators see everything, ADMIN and SUBCOMMITTEE nothing (%s)', (status) => {
    for (const role of [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR]) {
      expect(maySeeAgeBand(viewer(role), facts(status))).toBe(true);
      expect(maySeeAgeBand(viewer(role), facts(status, null, false))).toBe(true);
    }
    for (const role of [Role.ADMIN, Role.SUBCOMMITTEE]) {
      expect(visibleSubjectItems(viewer(role, { organizationId: HOLDER }), facts(status))).toEqual([]);
    }
  });
});

describe('assertMaySubmit', () => {
  it('the tier-1 coordinator may submit for any area', () => {
    expect(() => assertMaySubmit(viewer(Role.TIER1_COORDINATOR), AREA)).not.toThrow();
    expect(() => assertMaySubmit(viewer(Role.TIER1_COORDINATOR), 'area-2')).not.toThrow();
    expect(() => assertMaySubmit(viewer(Role.TIER1_COORDINATOR), null)).not.toThrow();
  });

  it('a tier-2 coordinator may submit for their own area, and passes the role-only check', () => {
    expect(() => assertMaySubmit(viewer(Role.TIER2_COORDINATOR), AREA)).not.toThrow();
    expect(() => assertMaySubmit(viewer(Role.TIER2_COORDINATOR), null)).not.toThrow();
  });

  it('a tier-2 coordinator may not submit for another area', () => {
    expectGraphQLCode(() => assertMaySubmit(viewer(Role.TIER2_COORDINATOR), 'area-2'), ErrorCode.FORBIDDEN);
  });

  it('a tier-2 coordinator with no area may not submit for any area', () => {
    expectGraphQLCode(() => assertMaySubmit(viewer(Role.TIER2_COORDINATOR, { areaId: null }), AREA), ErrorCode.FORBIDDEN);
  });

  it.each([Role.PARTNER, Role.ADMIN, Role.SUBCOMMITTEE])('a %s may not submit, not even on the role-only check', (role) => {
    expectGraphQLCode(() => assertMaySubmit(viewer(role), null), ErrorCode.FORBIDDEN);
    expectGraphQLCode(() => assertMaySubmit(viewer(role, { areaId: AREA }), AREA), ErrorCode.FORBIDDEN);
  });
});

describe('visibleSubjectItems while ON_HOLD (docs/SECURITY.md, "Personal data")', () => {
  const onHold = (resumesToStatus: ReferralStatus | null, currentOrganizationId: string | null = HOLDER) => ({
    status: ReferralStatus.ON_HOLD,
    currentOrganizationId,
    consentObtained: true,
    resumesToStatus,
  });

  it.each([ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS])('the holding partner keeps all of it when the hold came from %s', (from) => {
    expect(maySeeSubject(viewer(Role.PARTNER), onHold(from))).toBe(true);
  });

  it('another partner sees nothing; without a status to return to nothing either', () => {
    expect(visibleSubjectItems(viewer(Role.PARTNER, { organizationId: OTHER }), onHold(ReferralStatus.ACCEPTED))).toEqual([]);
    expect(visibleSubjectItems(viewer(Role.PARTNER), onHold(null))).toEqual([]);
    expect(visibleSubjectItems(viewer(Role.PARTNER), onHold(ReferralStatus.UNMATCHED, null))).toEqual([]);
  });

  it('without consent the holder sees nothing', () => {
    expect(visibleSubjectItems(viewer(Role.PARTNER), { ...onHold(ReferralStatus.ACCEPTED), consentObtained: false })).toEqual([]);
  });
});

describe('consentSight', () => {
  const facts = (status: ReferralStatus, consentObtained: boolean | null = true) => ({ status, currentOrganizationId: HOLDER, consentObtained });

  it.each(STATUSES)('coordinators see all of it, consented or not (%s)', (status) => {
    for (const role of [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR]) {
      expect(consentSight(viewer(role), facts(status))).toBe('all');
      expect(consentSight(viewer(role), facts(status, false))).toBe('all');
    }
  });

  it.each(STATUSES)('ADMIN and SUBCOMMITTEE see none of it (%s)', (status) => {
    for (const role of [Role.ADMIN, Role.SUBCOMMITTEE]) expect(consentSight(viewer(role), facts(status))).toBe('none');
  });

  it('the partner on offer sees whether and when; once it has taken the referral on, all; another partner nothing', () => {
    expect(consentSight(viewer(Role.PARTNER), facts(ReferralStatus.OFFERED))).toBe('fact');
    expect(consentSight(viewer(Role.PARTNER), facts(ReferralStatus.ACCEPTED))).toBe('all');
    expect(consentSight(viewer(Role.PARTNER), facts(ReferralStatus.COMPLETED))).toBe('all');
    expect(consentSight(viewer(Role.PARTNER), facts(ReferralStatus.UNMATCHED))).toBe('none');
    expect(consentSight(viewer(Role.PARTNER, { organizationId: OTHER }), facts(ReferralStatus.ACCEPTED))).toBe('none');
    expect(consentSight(viewer(Role.PARTNER), facts(ReferralStatus.ACCEPTED, false))).toBe('none');
  });
});
