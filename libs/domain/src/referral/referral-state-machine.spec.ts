import { DeclineReason, Destination, HandoffKind, ReferralOutcome, ReferralStatus, ReturnReason } from '../enums';
import { ErrorCode, IllegalTransitionError } from '../errors';
import { ReferralActor, ReferralCommand, ReferralState, ReferralTransition } from './referral-state';
import { ALLOWED_FROM, applyReferralCommand, assertAllowed, isTier1HandBack, submitReferral } from './referral-state-machine';

// ---------------------------------------------------------------------------------------------------------------
// The expected transition table, written out independently of ALLOWED_FROM from DOMAIN.md, "Referral lifecycle":
//
//   SUBMITTED ──route──> OFFERED(org A) ──accept──> ACCEPTED ──start──> IN_PROGRESS ──complete──> COMPLETED(outcome)
//                            │ decline(reason) / no answer by deadline (EXPIRED)
//                            └──> OFFERED(org B, next candidate) ... ──no candidate left──> UNMATCHED
//   UNMATCHED ──tier-2 reassigns──> OFFERED(org X)      UNMATCHED or any open state ──escalate──> ESCALATED (to tier-1)
//   any open state ──withdraw(reason)──> WITHDRAWN
//   ACCEPTED / IN_PROGRESS (a partner holds it) ──return(reason)──> OFFERED(next candidate) or UNMATCHED
//   ESCALATED ──take (tier-1)──> IN_PROGRESS (held by tier-1's department)
//   ESCALATED or held by tier-1 ──complete(outcome) (tier-1)──> COMPLETED
//   ESCALATED or held by tier-1 ──return (tier-1 hands back)──> UNMATCHED
//   ESCALATED or held by tier-1 ──re-refer (tier-1)──> OFFERED(org X)
//
// "Open" = not finished: COMPLETED and WITHDRAWN are the only end states of the diagram.
// Escalating an ESCALATED referral is not a transition (it is already there), so ESCALATED is not a source of ESCALATE.
// NOTE is not drawn: it changes nothing and "everyone with access may add notes" (API.md), so any open state.
// ON_HOLD (DOMAIN.md, "On hold"): HOLD from ACCEPTED, IN_PROGRESS, UNMATCHED, ESCALATED (never OFFERED), and again
// from ON_HOLD (a new resume date); RESUME only from ON_HOLD; while on hold only RESUME, NOTE and WITHDRAW.
// ---------------------------------------------------------------------------------------------------------------
type Move = 'ACCEPT' | 'DECLINE' | 'START' | 'COMPLETE' | 'REASSIGN' | 'ESCALATE' | 'WITHDRAW' | 'NOTE' | 'TAKE' | 'RETURN' | 'HOLD' | 'RESUME';
const MOVES: readonly Move[] = [
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
const STATUSES: readonly ReferralStatus[] = Object.values(ReferralStatus);

const DIAGRAM: Record<Move, ReferralStatus[]> = {
  ACCEPT: [ReferralStatus.OFFERED],
  DECLINE: [ReferralStatus.OFFERED],
  START: [ReferralStatus.ACCEPTED],
  COMPLETE: [ReferralStatus.IN_PROGRESS, ReferralStatus.ESCALATED],
  REASSIGN: [ReferralStatus.UNMATCHED, ReferralStatus.ESCALATED],
  ESCALATE: [ReferralStatus.SUBMITTED, ReferralStatus.OFFERED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.UNMATCHED],
  WITHDRAW: [
    ReferralStatus.SUBMITTED,
    ReferralStatus.OFFERED,
    ReferralStatus.ACCEPTED,
    ReferralStatus.IN_PROGRESS,
    ReferralStatus.UNMATCHED,
    ReferralStatus.ESCALATED,
    ReferralStatus.ON_HOLD,
  ],
  NOTE: [
    ReferralStatus.SUBMITTED,
    ReferralStatus.OFFERED,
    ReferralStatus.ACCEPTED,
    ReferralStatus.IN_PROGRESS,
    ReferralStatus.UNMATCHED,
    ReferralStatus.ESCALATED,
    ReferralStatus.ON_HOLD,
  ],
  TAKE: [ReferralStatus.ESCALATED],
  RETURN: [ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ESCALATED],
  HOLD: [ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.UNMATCHED, ReferralStatus.ESCALATED, ReferralStatus.ON_HOLD],
  RESUME: [ReferralStatus.ON_HOLD],
};

// Moves the code allows beyond the drawn arrows, each with the reason it is taken as intended. Anything else that the
// code allows or forbids differently from DIAGRAM + EXTENSIONS fails the table test below.
// `when`: only in states of that holder (the table walks states held by partner A and by tier-1's department).
type Holder = 'partner' | 'tier1';
const EXTENSIONS: Array<{ move: Move; from: ReferralStatus; why: string; when?: Holder }> = [
  {
    move: 'REASSIGN',
    from: ReferralStatus.OFFERED,
    why: 'a coordinator may pull an open offer and give it to another partner; reassigning to the partner already offered is a CONFLICT',
  },
  {
    move: 'REASSIGN',
    from: ReferralStatus.IN_PROGRESS,
    when: 'tier1',
    why: 'tier-1 re-refers a need its department took to a partner (a partner in progress is not pulled away: only by tier-1, while it holds it)',
  },
];

// Moves the diagram draws but the holder forbids: a referral tier-1 holds is already with tier-1.
const RESTRICTIONS: Array<{ move: Move; when: Holder; why: string }> = [
  { move: 'ESCALATE', when: 'tier1', why: 'tier-1 already holds it: escalating it to tier-1 again is not a move' },
];

function expectedAllowed(move: Move, status: ReferralStatus, holder: Holder = 'partner'): boolean {
  if (RESTRICTIONS.some((r) => r.move === move && r.when === holder)) return false;
  return DIAGRAM[move].includes(status) || EXTENSIONS.some((e) => e.move === move && e.from === status && (e.when ?? holder) === holder);
}

const ORG_A = 'org-a';
const ORG_B = 'org-b';
const ORG_C = 'org-c';
const COUNCIL = 'org-council';
const CITY = 'org-city-kaigo';

const partnerA: ReferralActor = { userId: 'user-a', organizationId: ORG_A, proxy: false };
const partnerB: ReferralActor = { userId: 'user-b', organizationId: ORG_B, proxy: false };
const coordinator: ReferralActor = { userId: 'user-tier2', organizationId: COUNCIL, proxy: false };
const proxyForA: ReferralActor = { userId: 'user-tier2', organizationId: ORG_A, proxy: true };
const tier1: ReferralActor = { userId: 'user-tier1', organizationId: CITY, proxy: false };

function state(status: ReferralStatus, overrides: Partial<ReferralState> = {}): ReferralState {
  return { status, currentOrganizationId: null, offeredOrganizationIds: [], outcome: null, ...overrides };
}

/** A state as the workflow would really hold it in each status, with org A as the partner where one is involved. */
function realisticState(status: ReferralStatus): ReferralState {
  switch (status) {
    case ReferralStatus.SUBMITTED:
      return state(status);
    case ReferralStatus.OFFERED:
    case ReferralStatus.ACCEPTED:
    case ReferralStatus.IN_PROGRESS:
      return state(status, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] });
    case ReferralStatus.COMPLETED:
      return state(status, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A], outcome: ReferralOutcome.RESOLVED });
    case ReferralStatus.UNMATCHED:
    case ReferralStatus.ESCALATED:
    case ReferralStatus.WITHDRAWN:
      return state(status, { offeredOrganizationIds: [ORG_A] });
    case ReferralStatus.ON_HOLD:
      return state(status, {
        offeredOrganizationIds: [ORG_A],
        hold: { returnTo: ReferralStatus.UNMATCHED, resumeOn: '2027-01-15', heldByUserId: 'user-tier2' },
      });
  }
}

/** Org A holds the referral in every status, so a partner move by org A can only fail on the status. */
function heldByAState(status: ReferralStatus): ReferralState {
  const hold = status === ReferralStatus.ON_HOLD ? { returnTo: ReferralStatus.ACCEPTED, resumeOn: '2027-01-15', heldByUserId: 'user-tier2' } : null;
  return state(status, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A], hold });
}

/** Tier-1's department holds the referral in every status (it took it), so tier-1's moves can only fail on the status. */
function heldByTier1State(status: ReferralStatus): ReferralState {
  const held = state(status, { currentOrganizationId: CITY, offeredOrganizationIds: [ORG_A], heldByTier1: true });
  if (status !== ReferralStatus.ON_HOLD) return held;
  return { ...held, hold: { returnTo: ReferralStatus.IN_PROGRESS, resumeOn: '2027-01-15', heldByUserId: 'user-tier1' } };
}

/** A well-formed command of each type, made by tier-1 (what its department holds, tier-1 answers and steers). */
function tier1CommandFor(move: Move): ReferralCommand {
  return { ...commandFor(move), actor: tier1 } as ReferralCommand;
}

/** A well-formed command of each type; partner moves come from org A, the rest from a coordinator. */
function commandFor(move: Move): ReferralCommand {
  switch (move) {
    case 'ACCEPT':
      return { type: 'ACCEPT', actor: partnerA, note: 'we can help' };
    case 'DECLINE':
      return { type: 'DECLINE', actor: partnerA, reason: DeclineReason.NO_CAPACITY, note: 'full', offerTo: ORG_B };
    case 'START':
      return { type: 'START', actor: partnerA, note: 'first visit' };
    case 'COMPLETE':
      return { type: 'COMPLETE', actor: partnerA, outcome: ReferralOutcome.RESOLVED, note: 'done' };
    case 'REASSIGN':
      return { type: 'REASSIGN', actor: coordinator, organizationId: ORG_C, note: 'try C' };
    case 'ESCALATE':
      return { type: 'ESCALATE', actor: coordinator, note: 'city-wide' };
    case 'WITHDRAW':
      return { type: 'WITHDRAW', actor: coordinator, reason: 'resident moved away' };
    case 'NOTE':
      return { type: 'NOTE', actor: coordinator, note: 'called the resident' };
    case 'TAKE':
      return { type: 'TAKE', actor: tier1, note: 'city hall takes it' };
    case 'RETURN':
      return { type: 'RETURN', actor: partnerA, reason: ReturnReason.CANNOT_CONTINUE, note: 'no driver', offerTo: ORG_B };
    case 'HOLD':
      return { type: 'HOLD', actor: coordinator, resumeOn: '2027-01-15', reason: '本人が入院中' };
    case 'RESUME':
      return { type: 'RESUME', actor: coordinator, note: '退院されました' };
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Applies a command to a deep-frozen copy of the state and checks the input came back untouched. */
function apply(input: ReferralState, command: ReferralCommand): ReferralTransition {
  const before = structuredClone(input);
  const frozen = deepFreeze(structuredClone(input));
  const frozenCommand = deepFreeze(structuredClone(command));
  try {
    return applyReferralCommand(frozen, frozenCommand);
  } finally {
    expect(frozen).toEqual(before);
  }
}

function kinds(transition: ReferralTransition): HandoffKind[] {
  return transition.handoffs.map((h) => h.kind);
}

function expectConflict(fn: () => unknown): IllegalTransitionError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(IllegalTransitionError);
  expect((caught as IllegalTransitionError).code).toBe(ErrorCode.CONFLICT);
  return caught as IllegalTransitionError;
}

describe('referral state machine: the transition table', () => {
  const table = STATUSES.flatMap((status) => MOVES.map((move) => ({ status, move, allowed: expectedAllowed(move, status) })));

  it('covers every status × every move (9 × 12)', () => {
    expect(STATUSES).toHaveLength(9);
    expect(table).toHaveLength(108);
  });

  it('agrees cell by cell with ALLOWED_FROM (what the code declares: allowed in some state of that status)', () => {
    const declared = Object.fromEntries(table.map(({ status, move }) => [`${status} ${move}`, ALLOWED_FROM[move].includes(status)]));
    const expected = Object.fromEntries(
      table.map(({ status, move, allowed }) => [`${status} ${move}`, allowed || expectedAllowed(move, status, 'tier1')]),
    );
    expect(declared).toEqual(expected);
    expect(ALLOWED_FROM.SUBMIT).toEqual([]);
  });

  describe.each(table)('$move from $status (allowed: $allowed)', ({ status, move, allowed }) => {
    it.each([
      ['a realistic state', realisticState],
      ['a state held by the acting partner', heldByAState],
    ])('on %s', (_label, makeState) => {
      const input = makeState(status);
      const command = commandFor(move);
      if (allowed) {
        expect(() => assertAllowed(input, command)).not.toThrow();
        const transition = apply(input, command);
        expect(transition.handoffs.length).toBeGreaterThan(0);
      } else {
        expectConflict(() => assertAllowed(input, command));
        expectConflict(() => apply(input, command));
      }
    });
  });

  describe.each(STATUSES.flatMap((status) => MOVES.map((move) => ({ status, move, allowed: expectedAllowed(move, status, 'tier1') }))))(
    '$move by tier-1 from $status held by its department (allowed: $allowed)',
    ({ status, move, allowed }) => {
      it('agrees with the table', () => {
        const input = heldByTier1State(status);
        const command = tier1CommandFor(move);
        if (allowed) {
          expect(() => assertAllowed(input, command)).not.toThrow();
          expect(apply(input, command).handoffs.length).toBeGreaterThan(0);
        } else {
          expectConflict(() => assertAllowed(input, command));
          expectConflict(() => apply(input, command));
        }
      });
    },
  );

  it('refuses SUBMIT on an existing referral, whatever its status', () => {
    for (const status of STATUSES) {
      expectConflict(() =>
        applyReferralCommand(realisticState(status), {
          type: 'SUBMIT',
          actor: coordinator,
          destination: Destination.PARTNER,
          offerTo: ORG_A,
        }),
      );
    }
  });
});

describe('submitReferral', () => {
  it('to TIER1 escalates straight away: [SUBMITTED, ESCALATED], nobody holds it', () => {
    const command = deepFreeze({ type: 'SUBMIT' as const, actor: coordinator, destination: Destination.TIER1, offerTo: null });
    const t = submitReferral(command);
    expect(kinds(t)).toEqual([HandoffKind.SUBMITTED, HandoffKind.ESCALATED]);
    expect(t.state).toEqual({ status: ReferralStatus.ESCALATED, currentOrganizationId: null, offeredOrganizationIds: [], outcome: null });
    expect(t.handoffs[0]).toEqual({
      kind: HandoffKind.SUBMITTED,
      fromOrganizationId: COUNCIL,
      toOrganizationId: null,
      actorUserId: 'user-tier2',
      proxy: false,
      reason: null,
      note: null,
    });
    expect(t.handoffs[1]).toMatchObject({ fromOrganizationId: null, toOrganizationId: null, actorUserId: 'user-tier2' });
  });

  it('to TIER1 ignores any routing result', () => {
    const t = submitReferral({ type: 'SUBMIT', actor: coordinator, destination: Destination.TIER1, offerTo: ORG_A });
    expect(kinds(t)).toEqual([HandoffKind.SUBMITTED, HandoffKind.ESCALATED]);
    expect(t.state.currentOrganizationId).toBeNull();
    expect(t.state.offeredOrganizationIds).toEqual([]);
  });

  it('to a partner offers it: [SUBMITTED, OFFERED]', () => {
    const t = submitReferral({ type: 'SUBMIT', actor: coordinator, destination: Destination.PARTNER, offerTo: ORG_A });
    expect(kinds(t)).toEqual([HandoffKind.SUBMITTED, HandoffKind.OFFERED]);
    expect(t.state).toEqual({ status: ReferralStatus.OFFERED, currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A], outcome: null });
    expect(t.handoffs[1]).toEqual({
      kind: HandoffKind.OFFERED,
      fromOrganizationId: null,
      toOrganizationId: ORG_A,
      actorUserId: null,
      proxy: false,
      reason: null,
      note: null,
    });
  });

  it('with no candidate is UNMATCHED: [SUBMITTED, UNMATCHED]', () => {
    const t = submitReferral({ type: 'SUBMIT', actor: coordinator, destination: Destination.PARTNER, offerTo: null });
    expect(kinds(t)).toEqual([HandoffKind.SUBMITTED, HandoffKind.UNMATCHED]);
    expect(t.state).toEqual({ status: ReferralStatus.UNMATCHED, currentOrganizationId: null, offeredOrganizationIds: [], outcome: null });
  });
});

describe('applyReferralCommand: results of each move', () => {
  const offeredToA = () => state(ReferralStatus.OFFERED, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] });

  it('ACCEPT: ACCEPTED, still held by A, one ACCEPTED handoff from A to A with the note', () => {
    const t = apply(offeredToA(), { type: 'ACCEPT', actor: partnerA, note: 'yes' });
    expect(t.state).toEqual({ status: ReferralStatus.ACCEPTED, currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A], outcome: null });
    expect(t.handoffs).toEqual([
      {
        kind: HandoffKind.ACCEPTED,
        fromOrganizationId: ORG_A,
        toOrganizationId: ORG_A,
        actorUserId: 'user-a',
        proxy: false,
        reason: null,
        note: 'yes',
      },
    ]);
  });

  it('DECLINE with a next candidate: [DECLINED, OFFERED], offered to B, both remembered', () => {
    const t = apply(offeredToA(), { type: 'DECLINE', actor: partnerA, reason: DeclineReason.OUT_OF_AREA, note: 'n', offerTo: ORG_B });
    expect(kinds(t)).toEqual([HandoffKind.DECLINED, HandoffKind.OFFERED]);
    expect(t.state).toEqual({ status: ReferralStatus.OFFERED, currentOrganizationId: ORG_B, offeredOrganizationIds: [ORG_A, ORG_B], outcome: null });
    expect(t.handoffs[0]).toEqual({
      kind: HandoffKind.DECLINED,
      fromOrganizationId: ORG_A,
      toOrganizationId: null,
      actorUserId: 'user-a',
      proxy: false,
      reason: DeclineReason.OUT_OF_AREA,
      note: 'n',
    });
    expect(t.handoffs[1]).toMatchObject({ kind: HandoffKind.OFFERED, fromOrganizationId: null, toOrganizationId: ORG_B, actorUserId: null });
  });

  it('DECLINE with no candidate left: [DECLINED, UNMATCHED], nobody holds it, A stays remembered', () => {
    const t = apply(offeredToA(), { type: 'DECLINE', actor: partnerA, reason: DeclineReason.NO_CAPACITY, offerTo: null });
    expect(kinds(t)).toEqual([HandoffKind.DECLINED, HandoffKind.UNMATCHED]);
    expect(t.state).toEqual({ status: ReferralStatus.UNMATCHED, currentOrganizationId: null, offeredOrganizationIds: [ORG_A], outcome: null });
    expect(t.handoffs[0].note).toBeNull();
    expect(t.handoffs[1]).toMatchObject({ fromOrganizationId: null, toOrganizationId: null, actorUserId: null, proxy: false });
  });

  it('START: IN_PROGRESS, one STARTED handoff', () => {
    const t = apply(state(ReferralStatus.ACCEPTED, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }), {
      type: 'START',
      actor: partnerA,
    });
    expect(t.state).toEqual({ status: ReferralStatus.IN_PROGRESS, currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A], outcome: null });
    expect(t.handoffs).toEqual([
      {
        kind: HandoffKind.STARTED,
        fromOrganizationId: ORG_A,
        toOrganizationId: ORG_A,
        actorUserId: 'user-a',
        proxy: false,
        reason: null,
        note: null,
      },
    ]);
  });

  // TAKEN_INTO_REGIONAL_ISSUE is tier-1's alone (see 'tier-1 owns escalated needs' below).
  const partnerOutcomes = Object.values(ReferralOutcome).filter((o) => o !== ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE);
  it.each(partnerOutcomes)('COMPLETE records the outcome %s on the state and the handoff', (outcome) => {
    const t = apply(state(ReferralStatus.IN_PROGRESS, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }), {
      type: 'COMPLETE',
      actor: partnerA,
      outcome,
      note: 'closed',
    });
    expect(t.state).toEqual({ status: ReferralStatus.COMPLETED, currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A], outcome });
    expect(t.handoffs).toEqual([
      {
        kind: HandoffKind.COMPLETED,
        fromOrganizationId: ORG_A,
        toOrganizationId: ORG_A,
        actorUserId: 'user-a',
        proxy: false,
        reason: outcome,
        note: 'closed',
      },
    ]);
  });

  it('REASSIGN an open offer: [REASSIGNED, OFFERED], from A to C', () => {
    const t = apply(offeredToA(), { type: 'REASSIGN', actor: coordinator, organizationId: ORG_C, note: 'C is closer' });
    expect(kinds(t)).toEqual([HandoffKind.REASSIGNED, HandoffKind.OFFERED]);
    expect(t.state).toEqual({ status: ReferralStatus.OFFERED, currentOrganizationId: ORG_C, offeredOrganizationIds: [ORG_A, ORG_C], outcome: null });
    expect(t.handoffs[0]).toEqual({
      kind: HandoffKind.REASSIGNED,
      fromOrganizationId: ORG_A,
      toOrganizationId: ORG_C,
      actorUserId: 'user-tier2',
      proxy: false,
      reason: null,
      note: 'C is closer',
    });
    expect(t.handoffs[1]).toMatchObject({ kind: HandoffKind.OFFERED, toOrganizationId: ORG_C, actorUserId: null });
  });

  it('REASSIGN an UNMATCHED referral: [REASSIGNED, OFFERED] from nobody', () => {
    const t = apply(state(ReferralStatus.UNMATCHED, { offeredOrganizationIds: [ORG_A, ORG_B] }), {
      type: 'REASSIGN',
      actor: coordinator,
      organizationId: ORG_C,
    });
    expect(kinds(t)).toEqual([HandoffKind.REASSIGNED, HandoffKind.OFFERED]);
    expect(t.handoffs[0]).toMatchObject({ fromOrganizationId: null, toOrganizationId: ORG_C });
    expect(t.state).toEqual({
      status: ReferralStatus.OFFERED,
      currentOrganizationId: ORG_C,
      offeredOrganizationIds: [ORG_A, ORG_B, ORG_C],
      outcome: null,
    });
  });

  it('REASSIGN back to a partner that was offered it before does not list it twice', () => {
    const t = apply(state(ReferralStatus.UNMATCHED, { offeredOrganizationIds: [ORG_A, ORG_B] }), {
      type: 'REASSIGN',
      actor: coordinator,
      organizationId: ORG_A,
    });
    expect(t.state.offeredOrganizationIds).toEqual([ORG_A, ORG_B]);
    expect(t.state.currentOrganizationId).toBe(ORG_A);
  });

  it('REASSIGN to the organisation already offered it is a CONFLICT', () => {
    const error = expectConflict(() => apply(offeredToA(), { type: 'REASSIGN', actor: coordinator, organizationId: ORG_A }));
    expect(error.message).toMatch(/already offered/);
  });

  it.each([ReferralStatus.OFFERED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS])(
    'ESCALATE from %s: ESCALATED, nobody holds it, handoff from the former holder',
    (status) => {
      const t = apply(state(status, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }), {
        type: 'ESCALATE',
        actor: coordinator,
        note: 'no local resource',
      });
      expect(t.state).toEqual({ status: ReferralStatus.ESCALATED, currentOrganizationId: null, offeredOrganizationIds: [ORG_A], outcome: null });
      expect(t.handoffs).toEqual([
        {
          kind: HandoffKind.ESCALATED,
          fromOrganizationId: ORG_A,
          toOrganizationId: null,
          actorUserId: 'user-tier2',
          proxy: false,
          reason: null,
          note: 'no local resource',
        },
      ]);
    },
  );

  it('WITHDRAW: WITHDRAWN, nobody holds it, the reason is recorded', () => {
    const t = apply(state(ReferralStatus.ACCEPTED, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }), {
      type: 'WITHDRAW',
      actor: coordinator,
      reason: 'resident moved',
    });
    expect(t.state).toEqual({ status: ReferralStatus.WITHDRAWN, currentOrganizationId: null, offeredOrganizationIds: [ORG_A], outcome: null });
    expect(t.handoffs).toEqual([
      {
        kind: HandoffKind.WITHDRAWN,
        fromOrganizationId: ORG_A,
        toOrganizationId: null,
        actorUserId: 'user-tier2',
        proxy: false,
        reason: 'resident moved',
        note: null,
      },
    ]);
  });

  it('NOTE: the state is unchanged, one NOTE handoff from the writer’s organisation', () => {
    const input = offeredToA();
    const t = apply(input, { type: 'NOTE', actor: partnerB, note: 'FYI' });
    expect(t.state).toEqual(input);
    expect(t.handoffs).toEqual([
      { kind: HandoffKind.NOTE, fromOrganizationId: ORG_B, toOrganizationId: null, actorUserId: 'user-b', proxy: false, reason: null, note: 'FYI' },
    ]);
  });
});

describe('applyReferralCommand: only the organisation offered or holding may answer', () => {
  const cases: Array<{ move: Move; status: ReferralStatus }> = [
    { move: 'ACCEPT', status: ReferralStatus.OFFERED },
    { move: 'DECLINE', status: ReferralStatus.OFFERED },
    { move: 'START', status: ReferralStatus.ACCEPTED },
    { move: 'COMPLETE', status: ReferralStatus.IN_PROGRESS },
  ];
  const held = (status: ReferralStatus) => state(status, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] });
  const withActor = (move: Move, actor: ReferralActor): ReferralCommand => ({ ...commandFor(move), actor }) as ReferralCommand;

  it.each(cases)('$move from $status by the holder (org A) succeeds', ({ move, status }) => {
    expect(() => apply(held(status), withActor(move, partnerA))).not.toThrow();
  });

  it.each(cases)('$move from $status by another partner (org B) is a CONFLICT', ({ move, status }) => {
    expectConflict(() => assertAllowed(held(status), withActor(move, partnerB)));
    expectConflict(() => apply(held(status), withActor(move, partnerB)));
  });

  it.each(cases)('$move from $status by a coordinator answering in their own name is a CONFLICT', ({ move, status }) => {
    expectConflict(() => apply(held(status), withActor(move, coordinator)));
  });

  it.each(cases)('$move from $status by someone with no organisation is a CONFLICT', ({ move, status }) => {
    expectConflict(() => apply(held(status), withActor(move, { userId: 'x', organizationId: null, proxy: false })));
  });

  it.each(cases)('$move from $status as a proxy for the holder succeeds and is marked proxy', ({ move, status }) => {
    const t = apply(held(status), withActor(move, proxyForA));
    expect(t.handoffs[0].proxy).toBe(true);
    expect(t.handoffs[0].actorUserId).toBe('user-tier2');
  });

  it('a proxy for a partner that is not the holder is a CONFLICT', () => {
    expectConflict(() => apply(held(ReferralStatus.OFFERED), withActor('ACCEPT', { userId: 'user-tier2', organizationId: ORG_B, proxy: true })));
  });

  it.each<Move>(['REASSIGN', 'ESCALATE', 'WITHDRAW', 'NOTE'])('%s is not limited to the holder', (move) => {
    expect(() => apply(held(ReferralStatus.OFFERED), commandFor(move))).not.toThrow();
  });
});

describe('applyReferralCommand: the proxy flag reaches the history', () => {
  it('a proxy decline marks the DECLINED handoff; the system OFFERED after it is not a proxy update', () => {
    const t = apply(state(ReferralStatus.OFFERED, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }), {
      type: 'DECLINE',
      actor: proxyForA,
      reason: DeclineReason.COULD_NOT_CONTACT,
      offerTo: ORG_B,
    });
    expect(t.handoffs.map((h) => [h.kind, h.proxy, h.actorUserId])).toEqual([
      [HandoffKind.DECLINED, true, 'user-tier2'],
      [HandoffKind.OFFERED, false, null],
    ]);
  });

  it('a proxy complete marks the COMPLETED handoff', () => {
    const t = apply(state(ReferralStatus.IN_PROGRESS, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }), {
      type: 'COMPLETE',
      actor: proxyForA,
      outcome: ReferralOutcome.PARTIALLY_RESOLVED,
    });
    expect(t.handoffs[0]).toMatchObject({ kind: HandoffKind.COMPLETED, proxy: true, reason: ReferralOutcome.PARTIALLY_RESOLVED });
    expect(t.state.outcome).toBe(ReferralOutcome.PARTIALLY_RESOLVED);
  });

  it('a proxy flag on submit is carried into the SUBMITTED handoff', () => {
    const t = submitReferral({ type: 'SUBMIT', actor: { ...coordinator, proxy: true }, destination: Destination.PARTNER, offerTo: ORG_A });
    expect(t.handoffs[0].proxy).toBe(true);
  });
});

describe('applyReferralCommand never changes its input', () => {
  // apply() already runs every move on a deep-frozen state; here the returned state must also be a new object
  // whenever something changed, so a caller holding the old state never sees the new one.
  it.each<[Move, ReferralStatus]>([
    ['ACCEPT', ReferralStatus.OFFERED],
    ['DECLINE', ReferralStatus.OFFERED],
    ['START', ReferralStatus.ACCEPTED],
    ['COMPLETE', ReferralStatus.IN_PROGRESS],
    ['REASSIGN', ReferralStatus.OFFERED],
    ['ESCALATE', ReferralStatus.OFFERED],
    ['WITHDRAW', ReferralStatus.OFFERED],
  ])('%s from %s returns a new state object', (move, status) => {
    const input = deepFreeze(state(status, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }));
    const t = applyReferralCommand(input, commandFor(move));
    expect(t.state).not.toBe(input);
    expect(input).toEqual(state(status, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }));
  });

  it('a frozen offered list is extended by copy, not push', () => {
    const input = deepFreeze(state(ReferralStatus.OFFERED, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] }));
    const t = applyReferralCommand(input, commandFor('DECLINE'));
    expect(input.offeredOrganizationIds).toEqual([ORG_A]);
    expect(t.state.offeredOrganizationIds).toEqual([ORG_A, ORG_B]);
  });
});

describe('tier-1 owns escalated needs; holders hand a referral back', () => {
  const escalated = () => state(ReferralStatus.ESCALATED, { offeredOrganizationIds: [ORG_A] });
  const takenByTier1 = () => heldByTier1State(ReferralStatus.IN_PROGRESS);
  const heldByA = (status: ReferralStatus) => state(status, { currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A] });

  it('TAKE: IN_PROGRESS, held by tier-1’s department, one TAKEN handoff to it', () => {
    const t = apply(escalated(), { type: 'TAKE', actor: tier1, note: 'city hall handles it' });
    expect(t.state).toEqual({
      status: ReferralStatus.IN_PROGRESS,
      currentOrganizationId: CITY,
      offeredOrganizationIds: [ORG_A],
      outcome: null,
      heldByTier1: true,
    });
    expect(t.handoffs).toEqual([
      {
        kind: HandoffKind.TAKEN,
        fromOrganizationId: null,
        toOrganizationId: CITY,
        actorUserId: 'user-tier1',
        proxy: false,
        reason: null,
        note: 'city hall handles it',
      },
    ]);
  });

  it('TAKE by someone without an organisation is a CONFLICT', () => {
    expectConflict(() => apply(escalated(), { type: 'TAKE', actor: { userId: 'x', organizationId: null, proxy: false } }));
  });

  it('COMPLETE after taking: COMPLETED by the department, TAKEN_INTO_REGIONAL_ISSUE allowed', () => {
    const t = apply(takenByTier1(), { type: 'COMPLETE', actor: tier1, outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE });
    expect(t.state).toMatchObject({
      status: ReferralStatus.COMPLETED,
      currentOrganizationId: CITY,
      outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE,
    });
    expect(t.handoffs[0]).toMatchObject({
      kind: HandoffKind.COMPLETED,
      fromOrganizationId: CITY,
      toOrganizationId: CITY,
      reason: 'TAKEN_INTO_REGIONAL_ISSUE',
    });
  });

  it('COMPLETE straight from ESCALATED: the closing department is recorded as holder', () => {
    const t = apply(escalated(), { type: 'COMPLETE', actor: tier1, outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE, note: 'issue #3' });
    expect(t.state).toEqual({
      status: ReferralStatus.COMPLETED,
      currentOrganizationId: CITY,
      offeredOrganizationIds: [ORG_A],
      outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE,
      heldByTier1: true,
    });
    expect(t.handoffs[0]).toMatchObject({ kind: HandoffKind.COMPLETED, fromOrganizationId: CITY, toOrganizationId: CITY, actorUserId: 'user-tier1' });
  });

  it('COMPLETE as TAKEN_INTO_REGIONAL_ISSUE by a partner (or its proxy) is a CONFLICT', () => {
    for (const actor of [partnerA, proxyForA]) {
      expectConflict(() =>
        apply(heldByA(ReferralStatus.IN_PROGRESS), { type: 'COMPLETE', actor, outcome: ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE }),
      );
    }
  });

  it('a partner cannot complete what tier-1 holds', () => {
    expectConflict(() => apply(takenByTier1(), { type: 'COMPLETE', actor: partnerA, outcome: ReferralOutcome.RESOLVED }));
  });

  it.each([ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS])('RETURN by the partner from %s: [RETURNED, OFFERED next]', (status) => {
    const t = apply(heldByA(status), { type: 'RETURN', actor: partnerA, reason: ReturnReason.NO_CAPACITY, note: 'staff ill', offerTo: ORG_B });
    expect(kinds(t)).toEqual([HandoffKind.RETURNED, HandoffKind.OFFERED]);
    expect(t.handoffs[0]).toEqual({
      kind: HandoffKind.RETURNED,
      fromOrganizationId: ORG_A,
      toOrganizationId: null,
      actorUserId: 'user-a',
      proxy: false,
      reason: 'NO_CAPACITY',
      note: 'staff ill',
    });
    expect(t.state).toEqual({ status: ReferralStatus.OFFERED, currentOrganizationId: ORG_B, offeredOrganizationIds: [ORG_A, ORG_B], outcome: null });
  });

  it('RETURN by the partner with no candidate left: [RETURNED, UNMATCHED], nobody holds it', () => {
    const t = apply(heldByA(ReferralStatus.IN_PROGRESS), { type: 'RETURN', actor: partnerA, reason: ReturnReason.OTHER, offerTo: null });
    expect(kinds(t)).toEqual([HandoffKind.RETURNED, HandoffKind.UNMATCHED]);
    expect(t.state).toMatchObject({ status: ReferralStatus.UNMATCHED, currentOrganizationId: null });
  });

  it('RETURN as a proxy for the holder is marked proxy', () => {
    const t = apply(heldByA(ReferralStatus.ACCEPTED), { type: 'RETURN', actor: proxyForA, reason: ReturnReason.COULD_NOT_CONTACT, offerTo: null });
    expect(t.handoffs[0]).toMatchObject({ kind: HandoffKind.RETURNED, proxy: true, actorUserId: 'user-tier2', fromOrganizationId: ORG_A });
  });

  it.each([partnerB, coordinator, { ...proxyForA, organizationId: ORG_B }])('RETURN by anyone but the holder is a CONFLICT (%o)', (actor) => {
    expectConflict(() => apply(heldByA(ReferralStatus.IN_PROGRESS), { type: 'RETURN', actor, reason: ReturnReason.OTHER, offerTo: ORG_B }));
  });

  it.each([
    ['ESCALATED', escalated],
    ['held by its department', takenByTier1],
  ])('RETURN by tier-1 (%s): one RETURNED handoff, UNMATCHED, nobody holds it, no routing', (_label, make) => {
    const t = apply(make(), { type: 'RETURN', actor: tier1, reason: ReturnReason.LOCAL_RESOURCE_AVAILABLE, note: 'the salon can', offerTo: ORG_B });
    expect(t.handoffs).toEqual([
      {
        kind: HandoffKind.RETURNED,
        fromOrganizationId: CITY,
        toOrganizationId: null,
        actorUserId: 'user-tier1',
        proxy: false,
        reason: 'LOCAL_RESOURCE_AVAILABLE',
        note: 'the salon can',
      },
    ]);
    expect(t.state).toEqual({ status: ReferralStatus.UNMATCHED, currentOrganizationId: null, offeredOrganizationIds: [ORG_A], outcome: null });
    expect(isTier1HandBack(make())).toBe(true);
  });

  it('isTier1HandBack is false while a partner holds it', () => {
    expect(isTier1HandBack(heldByA(ReferralStatus.IN_PROGRESS))).toBe(false);
  });

  it('REASSIGN by tier-1 from what its department holds: OFFERED to the partner, no longer held by tier-1', () => {
    const t = apply(takenByTier1(), { type: 'REASSIGN', actor: tier1, organizationId: ORG_C, note: 'C can' });
    expect(kinds(t)).toEqual([HandoffKind.REASSIGNED, HandoffKind.OFFERED]);
    expect(t.handoffs[0]).toMatchObject({ fromOrganizationId: CITY, toOrganizationId: ORG_C });
    expect(t.state).toEqual({ status: ReferralStatus.OFFERED, currentOrganizationId: ORG_C, offeredOrganizationIds: [ORG_A, ORG_C], outcome: null });
  });

  it('REASSIGN of what tier-1 holds by a tier-2 coordinator, or of a partner’s work in progress, is a CONFLICT', () => {
    expectConflict(() => apply(takenByTier1(), { type: 'REASSIGN', actor: coordinator, organizationId: ORG_C }));
    expectConflict(() => apply(heldByA(ReferralStatus.IN_PROGRESS), { type: 'REASSIGN', actor: tier1, organizationId: ORG_C }));
  });

  it('ESCALATE of what tier-1 holds is a CONFLICT', () => {
    expectConflict(() => apply(takenByTier1(), { type: 'ESCALATE', actor: coordinator, note: 'again' }));
  });

  it('a state without heldByTier1 (stored before it existed) is a partner’s', () => {
    const stored = heldByA(ReferralStatus.IN_PROGRESS);
    expect('heldByTier1' in stored).toBe(false);
    expect(isTier1HandBack(stored)).toBe(false);
  });
});

describe('applyReferralCommand: holding and resuming (DOMAIN.md, "On hold")', () => {
  const hold: ReferralCommand = { type: 'HOLD', actor: coordinator, resumeOn: '2027-01-15', reason: '本人が入院中' };

  it.each([ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS])(
    'HOLD from %s: ON_HOLD, the partner still holds it, the status to return to kept',
    (status) => {
      const t = apply(heldByAState(status), hold);
      expect(t.state).toMatchObject({
        status: ReferralStatus.ON_HOLD,
        currentOrganizationId: ORG_A,
        hold: { returnTo: status, resumeOn: '2027-01-15', heldByUserId: 'user-tier2' },
      });
      expect(t.handoffs).toEqual([
        {
          kind: HandoffKind.PUT_ON_HOLD,
          fromOrganizationId: ORG_A,
          toOrganizationId: ORG_A,
          actorUserId: 'user-tier2',
          proxy: false,
          reason: '本人が入院中',
          note: '2027年1月15日(金)まで保留にしました（期限は再開まで止まります）',
        },
      ]);
    },
  );

  it('HOLD again while on hold moves the date and keeps the status to return to', () => {
    const t = apply(heldByAState(ReferralStatus.ON_HOLD), { ...hold, resumeOn: '2027-02-01' } as ReferralCommand);
    expect(t.state.hold).toEqual({ returnTo: ReferralStatus.ACCEPTED, resumeOn: '2027-02-01', heldByUserId: 'user-tier2' });
  });

  it('HOLD from OFFERED is a CONFLICT: the offer waits for the partner', () => {
    expect(expectConflict(() => apply(heldByAState(ReferralStatus.OFFERED), hold)).message).toMatch(/OFFERED/);
  });

  it('RESUME returns to the status it came from, same holder, hold cleared, one RESUMED handoff', () => {
    const t = apply(heldByAState(ReferralStatus.ON_HOLD), { type: 'RESUME', actor: coordinator, note: '退院' });
    expect(t.state).toEqual({ status: ReferralStatus.ACCEPTED, currentOrganizationId: ORG_A, offeredOrganizationIds: [ORG_A], outcome: null });
    expect(kinds(t)).toEqual([HandoffKind.RESUMED]);
    expect(t.handoffs[0]).toMatchObject({ fromOrganizationId: ORG_A, toOrganizationId: ORG_A, actorUserId: 'user-tier2', note: '退院' });
  });

  it('RESUME without a remembered status is a CONFLICT', () => {
    expectConflict(() => apply(state(ReferralStatus.ON_HOLD), { type: 'RESUME', actor: coordinator }));
  });

  it('WITHDRAW while on hold clears the hold', () => {
    const t = apply(heldByAState(ReferralStatus.ON_HOLD), { type: 'WITHDRAW', actor: coordinator, reason: '転居' });
    expect(t.state).toEqual({ status: ReferralStatus.WITHDRAWN, currentOrganizationId: null, offeredOrganizationIds: [ORG_A], outcome: null });
  });

  it('REMIND while on hold is addressed to the coordinator (no organisation), while ESCALATED to tier-1 (none either)', () => {
    expect(apply(heldByAState(ReferralStatus.ON_HOLD), { type: 'REMIND', note: 'x' }).handoffs[0].toOrganizationId).toBeNull();
    expect(apply(realisticState(ReferralStatus.ESCALATED), { type: 'REMIND', note: 'x' }).handoffs[0].toOrganizationId).toBeNull();
    expectConflict(() => apply(realisticState(ReferralStatus.UNMATCHED), { type: 'REMIND', note: 'x' }));
  });
});
