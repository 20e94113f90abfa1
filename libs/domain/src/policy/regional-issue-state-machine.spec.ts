import {
  HandoffKind,
  NeedCategory,
  PolicyProposalStatus,
  RegionalIssueEventKind,
  RegionalIssueStatus,
  ReferralStatus,
  SubcommitteeDecision,
} from '../enums';
import { ErrorCode, IllegalTransitionError, InvalidInputError, NotFoundError } from '../errors';
import { recordPolicyHandoff } from '../referral/referral-state-machine';
import { RegionalIssueCommand, RegionalIssueState, RegionalIssueTransition } from './regional-issue-state';
import {
  actionReminderAt,
  applyRegionalIssueCommand,
  createRegionalIssue,
  deriveIssueStatus,
  isCalendarDate,
  nextActionReminder,
} from './regional-issue-state-machine';

// ---------------------------------------------------------------------------------------------------------------
// The expected rules, written out from the design (policy track, "Lifecycle rules") independently of the code:
//
//   proposal:  draft ──> DRAFT ──submit──> SUBMITTED ──agenda(meeting M)──> ON_AGENDA ──decide at M──> ADOPTED
//                 │ revise (rev+1)                                              │           └──> REJECTED (final for it)
//              CONTINUED <──────────────────────────────────────────────────────┘ CONTINUED ──agenda(later meeting)──> ON_AGENDA
//              CONTINUED: revise allowed;  ADOPTED: add actions; every action done ──> IMPLEMENTED
//   issue status derived: IMPLEMENTED > IN_IMPLEMENTATION (ADOPTED) > IN_DELIBERATION (SUBMITTED/ON_AGENDA/CONTINUED)
//   > OPEN; CLOSED by tier-1, only from OPEN. IMPLEMENTED and CLOSED are final: every move is CONFLICT.
//   draft only while OPEN or IN_DELIBERATION; update, link, unlink while not final.
// ---------------------------------------------------------------------------------------------------------------
const PS = PolicyProposalStatus;
const IS = RegionalIssueStatus;
type ProposalMove = 'REVISE' | 'SUBMIT' | 'ADD_TO_AGENDA' | 'REMOVE_FROM_AGENDA' | 'DECIDE' | 'ADD_ACTION';
const PROPOSAL_TABLE: Record<ProposalMove, PolicyProposalStatus[]> = {
  REVISE: [PS.DRAFT, PS.CONTINUED],
  SUBMIT: [PS.DRAFT],
  ADD_TO_AGENDA: [PS.SUBMITTED, PS.CONTINUED],
  REMOVE_FROM_AGENDA: [PS.ON_AGENDA],
  DECIDE: [PS.ON_AGENDA],
  ADD_ACTION: [PS.ADOPTED],
};
type IssueMove = 'UPDATE' | 'LINK' | 'UNLINK' | 'CLOSE' | 'DRAFT';
const ISSUE_TABLE: Record<IssueMove, RegionalIssueStatus[]> = {
  UPDATE: [IS.OPEN, IS.IN_DELIBERATION, IS.IN_IMPLEMENTATION],
  LINK: [IS.OPEN, IS.IN_DELIBERATION, IS.IN_IMPLEMENTATION],
  UNLINK: [IS.OPEN, IS.IN_DELIBERATION, IS.IN_IMPLEMENTATION],
  CLOSE: [IS.OPEN],
  DRAFT: [IS.OPEN, IS.IN_DELIBERATION],
};
/** The issue status a single proposal in each status gives. */
const ISSUE_STATUS_OF: Record<PolicyProposalStatus, RegionalIssueStatus> = {
  [PS.DRAFT]: IS.OPEN,
  [PS.REJECTED]: IS.OPEN,
  [PS.SUBMITTED]: IS.IN_DELIBERATION,
  [PS.ON_AGENDA]: IS.IN_DELIBERATION,
  [PS.CONTINUED]: IS.IN_DELIBERATION,
  [PS.ADOPTED]: IS.IN_IMPLEMENTATION,
  [PS.IMPLEMENTED]: IS.IMPLEMENTED,
};

const TIER1 = 'user-tier1';
const SECRETARY = 'user-secretary';
const R1 = { referralId: 'ref-1', workflowId: 'referral:u:1' };
const R2 = { referralId: 'ref-2', workflowId: 'referral:u:2' };
const R3 = { referralId: 'ref-3', workflowId: 'referral:u:3' };
const M1 = 'meeting-1';
const M2 = 'meeting-2';
const M3 = 'meeting-3';
const P1 = 'proposal-1';
let clock = Date.parse('2037-06-01T00:00:00Z');
const tick = () => new Date((clock += 60_000)).toISOString();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Applies a move to a frozen state (so any change in place throws). */
function apply(state: RegionalIssueState, command: RegionalIssueCommand): RegionalIssueTransition {
  return applyRegionalIssueCommand(deepFreeze(state), command, tick());
}

function run(state: RegionalIssueState, ...commands: RegionalIssueCommand[]): RegionalIssueState {
  return commands.reduce((s, c) => apply(s, c).state, state);
}

function created(referrals = [R1, R2]): RegionalIssueState {
  return createRegionalIssue(
    {
      type: 'CREATE',
      issueId: 'issue-1',
      title: 'No transport to hospitals in the north',
      description: 'Three areas report it',
      category: NeedCategory.TRANSPORT,
      areaIds: ['area-a', 'area-b', 'area-a'],
      referrals,
      createdByUserId: TIER1,
    },
    tick(),
  ).state;
}

const draft = (proposalId = P1, title = 'Community bus'): RegionalIssueCommand => ({
  type: 'DRAFT',
  actorUserId: TIER1,
  proposalId,
  title,
  body: 'Run a bus',
});
const submit = (proposalId = P1): RegionalIssueCommand => ({ type: 'SUBMIT', actorUserId: TIER1, proposalId });
const agenda = (meetingId: string, proposalId = P1): RegionalIssueCommand => ({
  type: 'ADD_TO_AGENDA',
  actorUserId: SECRETARY,
  proposalId,
  meetingId,
});
const offAgenda = (meetingId: string, proposalId = P1, reason = '部会の日程変更'): RegionalIssueCommand => ({
  type: 'REMOVE_FROM_AGENDA',
  actorUserId: SECRETARY,
  proposalId,
  meetingId,
  reason,
});
const decide = (meetingId: string, decision: SubcommitteeDecision, proposalId = P1): RegionalIssueCommand => ({
  type: 'DECIDE',
  actorUserId: SECRETARY,
  proposalId,
  meetingId,
  decision,
  minutes: `Decided ${decision}`,
  meeting: { title: '第3回 部会', heldAt: '2037-07-10T05:00:00.000Z' },
});
const addAction = (actionId: string, dueOn = '2037-09-01', proposalId = P1): RegionalIssueCommand => ({
  type: 'ADD_ACTION',
  actorUserId: TIER1,
  proposalId,
  actionId,
  description: `Action ${actionId}`,
  owner: '企画政策課',
  dueOn,
});
const complete = (actionId: string, proposalId = P1): RegionalIssueCommand => ({
  type: 'COMPLETE_ACTION',
  actorUserId: TIER1,
  proposalId,
  actionId,
  note: 'done',
});

/** An issue (with R1 and R2 linked) whose one proposal P1 is in `status`; an ADOPTED one has one open action A1. */
function withProposalIn(status: PolicyProposalStatus): RegionalIssueState {
  const s = run(created(), draft());
  switch (status) {
    case PS.DRAFT:
      return s;
    case PS.SUBMITTED:
      return run(s, submit());
    case PS.ON_AGENDA:
      return run(s, submit(), agenda(M1));
    case PS.CONTINUED:
      return run(s, submit(), agenda(M1), decide(M1, SubcommitteeDecision.CONTINUED));
    case PS.REJECTED:
      return run(s, submit(), agenda(M1), decide(M1, SubcommitteeDecision.REJECTED));
    case PS.ADOPTED:
      return run(s, submit(), agenda(M1), decide(M1, SubcommitteeDecision.ADOPTED), addAction('A1'));
    case PS.IMPLEMENTED:
      return run(s, submit(), agenda(M1), decide(M1, SubcommitteeDecision.ADOPTED), addAction('A1'), complete('A1'));
  }
}

function withIssueIn(status: RegionalIssueStatus): RegionalIssueState {
  switch (status) {
    case IS.OPEN:
      return withProposalIn(PS.DRAFT);
    case IS.IN_DELIBERATION:
      return withProposalIn(PS.SUBMITTED);
    case IS.IN_IMPLEMENTATION:
      return withProposalIn(PS.ADOPTED);
    case IS.IMPLEMENTED:
      return withProposalIn(PS.IMPLEMENTED);
    case IS.CLOSED:
      return run(created(), { type: 'CLOSE', actorUserId: TIER1, reason: 'Solved by a private operator' });
  }
}

function proposalMove(move: ProposalMove): RegionalIssueCommand {
  switch (move) {
    case 'REVISE':
      return { type: 'REVISE', actorUserId: TIER1, proposalId: P1, title: 'Community bus v2', body: 'Twice a week' };
    case 'SUBMIT':
      return submit();
    case 'ADD_TO_AGENDA':
      return agenda(M2);
    case 'REMOVE_FROM_AGENDA':
      return offAgenda(M1);
    case 'DECIDE':
      return decide(M1, SubcommitteeDecision.ADOPTED);
    case 'ADD_ACTION':
      return addAction('A9');
  }
}

function issueMove(move: IssueMove): RegionalIssueCommand {
  switch (move) {
    case 'UPDATE':
      return { type: 'UPDATE', actorUserId: TIER1, title: 'Renamed' };
    case 'LINK':
      return { type: 'LINK', actorUserId: TIER1, referrals: [R3] };
    case 'UNLINK':
      return { type: 'UNLINK', actorUserId: TIER1, referralId: R1.referralId, reason: 'Linked by mistake' };
    case 'CLOSE':
      return { type: 'CLOSE', actorUserId: TIER1, reason: 'Out of scope' };
    case 'DRAFT':
      return draft('proposal-2', 'Another idea');
  }
}

function errorOf(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

describe('the fixtures reach the statuses they claim', () => {
  it.each(Object.values(PS))('one proposal %s gives the derived issue status', (status) => {
    const s = withProposalIn(status);
    expect(s.proposals.map((p) => p.status)).toEqual([status]);
    expect(s.status).toBe(ISSUE_STATUS_OF[status]);
  });
});

describe('proposal moves × proposal statuses (the full table)', () => {
  const cases = (Object.keys(PROPOSAL_TABLE) as ProposalMove[]).flatMap((move) => Object.values(PS).map((status) => [move, status] as const));
  it.each(cases)('%s on a proposal that is %s', (move, status) => {
    const before = withProposalIn(status);
    const error = errorOf(() => apply(before, proposalMove(move)));
    if (PROPOSAL_TABLE[move].includes(status)) {
      expect(error).toBeUndefined();
    } else {
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect((error as IllegalTransitionError).code).toBe(ErrorCode.CONFLICT);
    }
  });

  it('complete a follow-up action: only an open action of an ADOPTED proposal; done ones are CONFLICT, unknown NOT_FOUND', () => {
    for (const status of Object.values(PS)) {
      const s = withProposalIn(status);
      const error = errorOf(() => apply(s, complete('A1')));
      if (status === PS.ADOPTED) expect(error).toBeUndefined();
      else if (status === PS.IMPLEMENTED)
        expect(error).toBeInstanceOf(IllegalTransitionError); // the issue is final
      else expect(error).toBeInstanceOf(NotFoundError); // no action A1 exists
    }
    const twoActions = run(withProposalIn(PS.ADOPTED), addAction('A2'), complete('A1'));
    expect(errorOf(() => apply(twoActions, complete('A1')))).toBeInstanceOf(IllegalTransitionError);
  });
});

describe('issue moves × issue statuses (the full table)', () => {
  const cases = (Object.keys(ISSUE_TABLE) as IssueMove[]).flatMap((move) => Object.values(IS).map((status) => [move, status] as const));
  it.each(cases)('%s on an issue that is %s', (move, status) => {
    const before = withIssueIn(status);
    expect(before.status).toBe(status);
    const error = errorOf(() => apply(before, issueMove(move)));
    if (ISSUE_TABLE[move].includes(status)) {
      expect(error).toBeUndefined();
    } else {
      expect(error).toBeInstanceOf(IllegalTransitionError);
    }
  });

  it.each([IS.IMPLEMENTED, IS.CLOSED])('a %s issue refuses every move with CONFLICT', (status) => {
    const s = withIssueIn(status);
    const moves: RegionalIssueCommand[] = [
      ...(Object.keys(ISSUE_TABLE) as IssueMove[]).map(issueMove),
      ...(Object.keys(PROPOSAL_TABLE) as ProposalMove[]).map(proposalMove),
      complete('A1'),
      { type: 'ACTION_DUE', proposalId: P1, actionId: 'A1' },
    ];
    for (const move of moves) expect(errorOf(() => apply(s, move))).toBeInstanceOf(IllegalTransitionError);
  });
});

describe('derived issue status', () => {
  const proposal = (status: PolicyProposalStatus) => ({ ...withProposalIn(PS.DRAFT).proposals[0], status });
  it.each([
    [[], IS.OPEN],
    [[PS.DRAFT, PS.REJECTED], IS.OPEN],
    [[PS.DRAFT, PS.SUBMITTED], IS.IN_DELIBERATION],
    [[PS.REJECTED, PS.ON_AGENDA], IS.IN_DELIBERATION],
    [[PS.CONTINUED], IS.IN_DELIBERATION],
    [[PS.ADOPTED, PS.DRAFT], IS.IN_IMPLEMENTATION],
    [[PS.SUBMITTED, PS.ADOPTED], IS.IN_IMPLEMENTATION],
    [[PS.REJECTED, PS.IMPLEMENTED], IS.IMPLEMENTED],
  ] as Array<[PolicyProposalStatus[], RegionalIssueStatus]>)('proposals %j give %s', (statuses, expected) => {
    expect(deriveIssueStatus({ status: IS.OPEN, proposals: statuses.map(proposal) })).toBe(expected);
  });

  it('CLOSED stays CLOSED whatever the proposals', () => {
    expect(deriveIssueStatus({ status: IS.CLOSED, proposals: [proposal(PS.DRAFT)] })).toBe(IS.CLOSED);
  });
});

describe('creation and links', () => {
  it('creates an OPEN issue with unique areas, one CREATED and one REFERRAL_LINKED per referral, each linked referral told', () => {
    const t = createRegionalIssue(
      {
        type: 'CREATE',
        issueId: 'i',
        title: 'T',
        description: '',
        category: NeedCategory.SHOPPING,
        areaIds: ['a', 'b', 'a'],
        referrals: [R1, R2, R1],
        createdByUserId: TIER1,
      },
      '2037-06-01T00:00:00.000Z',
    );
    expect(t.state).toMatchObject({ status: IS.OPEN, areaIds: ['a', 'b'], createdAt: '2037-06-01T00:00:00.000Z', proposals: [] });
    expect(t.state.referrals.map((r) => r.referralId)).toEqual(['ref-1', 'ref-2']);
    expect(t.events.map((e) => [e.kind, e.referralId])).toEqual([
      [RegionalIssueEventKind.CREATED, null],
      [RegionalIssueEventKind.REFERRAL_LINKED, 'ref-1'],
      [RegionalIssueEventKind.REFERRAL_LINKED, 'ref-2'],
    ]);
    expect(t.handoffs.map((h) => [h.referralId, h.kind, h.event, h.note])).toEqual([
      ['ref-1', HandoffKind.LINKED_TO_ISSUE, 1, 'T'],
      ['ref-2', HandoffKind.LINKED_TO_ISSUE, 2, 'T'],
    ]);
  });

  it('refuses an empty title or no area (BAD_USER_INPUT)', () => {
    const base = { type: 'CREATE' as const, issueId: 'i', description: '', category: NeedCategory.SHOPPING, referrals: [], createdByUserId: TIER1 };
    expect(errorOf(() => createRegionalIssue({ ...base, title: '  ', areaIds: ['a'] }, tick()))).toBeInstanceOf(InvalidInputError);
    expect(errorOf(() => createRegionalIssue({ ...base, title: 'T', areaIds: [] }, tick()))).toBeInstanceOf(InvalidInputError);
  });

  it('link skips referrals already linked; linking only those changes nothing', () => {
    const s = created();
    const t = apply(s, { type: 'LINK', actorUserId: TIER1, referrals: [R1, R3], note: 'same need' });
    expect(t.events).toEqual([expect.objectContaining({ kind: RegionalIssueEventKind.REFERRAL_LINKED, referralId: 'ref-3', note: 'same need' })]);
    expect(t.handoffs).toEqual([expect.objectContaining({ referralId: 'ref-3', kind: HandoffKind.LINKED_TO_ISSUE, event: 0 })]);
    const again = apply(t.state, { type: 'LINK', actorUserId: TIER1, referrals: [R1, R3] });
    expect(again).toEqual({ state: t.state, events: [], handoffs: [] });
    expect(errorOf(() => apply(s, { type: 'LINK', actorUserId: TIER1, referrals: [] }))).toBeInstanceOf(InvalidInputError);
  });

  it('unlink tells only the unlinked referral, with the reason; a referral not linked is NOT_FOUND', () => {
    const t = apply(created(), { type: 'UNLINK', actorUserId: TIER1, referralId: 'ref-2', reason: 'Other category' });
    expect(t.state.referrals.map((r) => r.referralId)).toEqual(['ref-1']);
    expect(t.handoffs).toEqual([
      expect.objectContaining({ referralId: 'ref-2', workflowId: R2.workflowId, kind: HandoffKind.UNLINKED_FROM_ISSUE, reason: 'Other category' }),
    ]);
    expect(errorOf(() => apply(t.state, { type: 'UNLINK', actorUserId: TIER1, referralId: 'ref-2', reason: 'x' }))).toBeInstanceOf(NotFoundError);
    expect(errorOf(() => apply(t.state, { type: 'UNLINK', actorUserId: TIER1, referralId: 'ref-1', reason: ' ' }))).toBeInstanceOf(InvalidInputError);
  });

  it('update changes what is given; an empty title or no areas is BAD_USER_INPUT; no change records nothing', () => {
    const s = created();
    const t = apply(s, { type: 'UPDATE', actorUserId: TIER1, areaIds: ['area-c'], description: null });
    expect(t.state.areaIds).toEqual(['area-c']);
    expect(t.state.title).toBe(s.title);
    expect(t.events).toEqual([expect.objectContaining({ kind: RegionalIssueEventKind.UPDATED })]);
    expect(apply(s, { type: 'UPDATE', actorUserId: TIER1, title: s.title }).events).toEqual([]);
    expect(errorOf(() => apply(s, { type: 'UPDATE', actorUserId: TIER1, title: '' }))).toBeInstanceOf(InvalidInputError);
    expect(errorOf(() => apply(s, { type: 'UPDATE', actorUserId: TIER1, areaIds: [] }))).toBeInstanceOf(InvalidInputError);
  });

  it('close records the reason and tells every linked referral; needs a reason', () => {
    const t = apply(created(), { type: 'CLOSE', actorUserId: TIER1, reason: 'Solved' });
    expect(t.state).toMatchObject({ status: IS.CLOSED, closedReason: 'Solved' });
    expect(t.handoffs.map((h) => [h.referralId, h.kind, h.reason])).toEqual([
      ['ref-1', HandoffKind.ISSUE_CLOSED, 'Solved'],
      ['ref-2', HandoffKind.ISSUE_CLOSED, 'Solved'],
    ]);
    expect(errorOf(() => apply(created(), { type: 'CLOSE', actorUserId: TIER1, reason: '' }))).toBeInstanceOf(InvalidInputError);
  });
});

describe('proposals, the subcommittee and follow-up actions', () => {
  it('draft makes revision 1; revise counts up and keeps the status; an empty title is BAD_USER_INPUT', () => {
    const s = run(created(), draft());
    expect(s.proposals[0]).toMatchObject({ status: PS.DRAFT, revision: 1, createdByUserId: TIER1, agenda: [], actions: [] });
    const revised = run(s, proposalMove('REVISE'));
    expect(revised.proposals[0]).toMatchObject({ status: PS.DRAFT, revision: 2, title: 'Community bus v2' });
    const continued = run(withProposalIn(PS.CONTINUED), proposalMove('REVISE'));
    expect(continued.proposals[0]).toMatchObject({ status: PS.CONTINUED, revision: 2 });
    expect(errorOf(() => apply(s, draft('p2', '')))).toBeInstanceOf(InvalidInputError);
    expect(errorOf(() => apply(s, { type: 'REVISE', actorUserId: TIER1, proposalId: P1, title: ' ', body: '' }))).toBeInstanceOf(InvalidInputError);
  });

  it('an unknown proposal is NOT_FOUND for every proposal move', () => {
    const s = withProposalIn(PS.ADOPTED);
    const moves: RegionalIssueCommand[] = [
      { type: 'REVISE', actorUserId: TIER1, proposalId: 'nope', title: 't', body: '' },
      submit('nope'),
      agenda(M2, 'nope'),
      decide(M1, SubcommitteeDecision.ADOPTED, 'nope'),
      addAction('A5', '2037-09-01', 'nope'),
      complete('A1', 'nope'),
    ];
    for (const move of moves) expect(errorOf(() => apply(s, move))).toBeInstanceOf(NotFoundError);
    expect(errorOf(() => apply(s, complete('nope')))).toBeInstanceOf(NotFoundError);
  });

  it('submit tells every linked referral with the proposal; the issue goes IN_DELIBERATION', () => {
    const t = apply(run(created(), draft()), submit());
    expect(t.state.status).toBe(IS.IN_DELIBERATION);
    expect(t.state.proposals[0].submittedAt).not.toBeNull();
    expect(t.handoffs.map((h) => [h.referralId, h.kind, h.proposalId, h.note])).toEqual([
      ['ref-1', HandoffKind.PROPOSAL_SUBMITTED, P1, 'Community bus'],
      ['ref-2', HandoffKind.PROPOSAL_SUBMITTED, P1, 'Community bus'],
    ]);
  });

  it('CONTINUED goes on a later meeting, never back on the same one; a decision needs the meeting holding it', () => {
    const continued = withProposalIn(PS.CONTINUED);
    expect(errorOf(() => apply(continued, agenda(M1)))).toBeInstanceOf(IllegalTransitionError);
    const onM2 = run(continued, agenda(M2));
    expect(onM2.proposals[0].agenda.map((e) => [e.meetingId, e.decision])).toEqual([
      [M1, SubcommitteeDecision.CONTINUED],
      [M2, null],
    ]);
    expect(errorOf(() => apply(onM2, decide(M1, SubcommitteeDecision.ADOPTED)))).toBeInstanceOf(IllegalTransitionError);
    expect(errorOf(() => apply(onM2, decide(M3, SubcommitteeDecision.ADOPTED)))).toBeInstanceOf(IllegalTransitionError);
    const t = apply(onM2, decide(M2, SubcommitteeDecision.ADOPTED));
    expect(t.state.status).toBe(IS.IN_IMPLEMENTATION);
    expect(t.state.proposals[0].agenda[1]).toMatchObject({
      decision: SubcommitteeDecision.ADOPTED,
      minutes: 'Decided ADOPTED',
      decidedByUserId: SECRETARY,
    });
    expect(t.events).toEqual([
      expect.objectContaining({ kind: RegionalIssueEventKind.DECISION_RECORDED, meetingId: M2, decision: SubcommitteeDecision.ADOPTED }),
    ]);
    expect(t.handoffs.map((h) => [h.kind, h.reason, h.note])).toEqual([
      [HandoffKind.SUBCOMMITTEE_DECISION, 'ADOPTED', '第3回 部会（2037年7月10日(金)）'],
      [HandoffKind.SUBCOMMITTEE_DECISION, 'ADOPTED', '第3回 部会（2037年7月10日(金)）'],
    ]);
  });

  it('a decision needs minutes and a known decision (BAD_USER_INPUT)', () => {
    const s = withProposalIn(PS.ON_AGENDA);
    expect(errorOf(() => apply(s, { ...decide(M1, SubcommitteeDecision.ADOPTED), minutes: '' } as RegionalIssueCommand))).toBeInstanceOf(
      InvalidInputError,
    );
    expect(errorOf(() => apply(s, { ...decide(M1, 'MAYBE' as SubcommitteeDecision) }))).toBeInstanceOf(InvalidInputError);
  });

  it('REJECTED is final for the proposal; tier-1 may draft another; a second adoption is CONFLICT', () => {
    const rejected = withProposalIn(PS.REJECTED);
    expect(rejected.status).toBe(IS.OPEN);
    const s = run(rejected, draft('p2', 'Taxi vouchers'), submit('p2'), agenda(M2, 'p2'), decide(M2, SubcommitteeDecision.ADOPTED, 'p2'));
    expect(s.status).toBe(IS.IN_IMPLEMENTATION);

    const two = run(
      created(),
      draft('pa'),
      draft('pb'),
      submit('pa'),
      submit('pb'),
      agenda(M1, 'pa'),
      agenda(M1, 'pb'),
      decide(M1, SubcommitteeDecision.ADOPTED, 'pa'),
    );
    const error = errorOf(() => apply(two, decide(M1, SubcommitteeDecision.ADOPTED, 'pb')));
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(run(two, decide(M1, SubcommitteeDecision.REJECTED, 'pb')).proposals.map((p) => p.status)).toEqual([PS.ADOPTED, PS.REJECTED]);
  });

  it('an ADOPTED proposal without actions stays ADOPTED; when every action is done it and the issue are IMPLEMENTED', () => {
    const adopted = run(withProposalIn(PS.ON_AGENDA), decide(M1, SubcommitteeDecision.ADOPTED));
    expect(adopted.proposals[0]).toMatchObject({ status: PS.ADOPTED, actions: [] });
    const s = run(adopted, addAction('A1', '2037-09-01'), addAction('A2', '2037-08-15'));
    const first = apply(s, complete('A2'));
    expect(first.state.status).toBe(IS.IN_IMPLEMENTATION);
    expect(first.events.map((e) => e.kind)).toEqual([RegionalIssueEventKind.ACTION_DONE]);
    expect(first.handoffs).toEqual([]);
    const last = apply(first.state, complete('A1'));
    expect(last.state.status).toBe(IS.IMPLEMENTED);
    expect(last.state.proposals[0].status).toBe(PS.IMPLEMENTED);
    expect(last.state.proposals[0].actions.find((a) => a.actionId === 'A1')).toMatchObject({ doneByUserId: TIER1, doneNote: 'done' });
    expect(last.events.map((e) => e.kind)).toEqual([RegionalIssueEventKind.ACTION_DONE, RegionalIssueEventKind.IMPLEMENTED]);
    expect(last.handoffs.map((h) => [h.referralId, h.kind, h.event, h.proposalId])).toEqual([
      ['ref-1', HandoffKind.POLICY_IMPLEMENTED, 1, P1],
      ['ref-2', HandoffKind.POLICY_IMPLEMENTED, 1, P1],
    ]);
  });

  it.each(['2038-02-29', '2038-02-30', '2038-13-01', '2038-1-05', '20380105', '', 'tomorrow'])('a due day %j is BAD_USER_INPUT', (dueOn) => {
    const error = errorOf(() => apply(withProposalIn(PS.ADOPTED), addAction('A5', dueOn)));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('dueOn');
  });

  it('an action needs a description and an owner', () => {
    const s = withProposalIn(PS.ADOPTED);
    expect(errorOf(() => apply(s, { ...addAction('A5'), owner: ' ' } as RegionalIssueCommand))).toBeInstanceOf(InvalidInputError);
    expect(errorOf(() => apply(s, { ...addAction('A5'), description: '' } as RegionalIssueCommand))).toBeInstanceOf(InvalidInputError);
  });

  it('isCalendarDate accepts real days only', () => {
    expect(['2036-02-29', '2037-12-31', '2038-01-01'].every(isCalendarDate)).toBe(true);
    expect(['2037-02-29', '2037-04-31', '2037-00-10', 12].some(isCalendarDate)).toBe(false);
  });
});

describe('taking a proposal off an agenda before the meeting', () => {
  it('puts a proposal on its first agenda back to SUBMITTED, with an event and no referral entry', () => {
    const t = apply(withProposalIn(PS.ON_AGENDA), offAgenda(M1));
    expect(t.state.proposals[0]).toMatchObject({ status: PS.SUBMITTED, agenda: [] });
    expect(t.state.status).toBe(IS.IN_DELIBERATION);
    expect(t.events).toEqual([
      expect.objectContaining({ kind: RegionalIssueEventKind.REMOVED_FROM_AGENDA, proposalId: P1, meetingId: M1, note: '部会の日程変更' }),
    ]);
    expect(t.handoffs).toEqual([]);
  });

  it('puts a continued proposal back to CONTINUED, keeping the earlier meeting and its decision', () => {
    const onSecond = run(withProposalIn(PS.CONTINUED), agenda(M2));
    const t = apply(onSecond, offAgenda(M2));
    expect(t.state.proposals[0].status).toBe(PS.CONTINUED);
    expect(t.state.proposals[0].agenda).toEqual([expect.objectContaining({ meetingId: M1, decision: SubcommitteeDecision.CONTINUED })]);
  });

  it('lets the proposal go on another meeting’s agenda, and on the same one again', () => {
    const off = run(withProposalIn(PS.ON_AGENDA), offAgenda(M1));
    expect(apply(off, agenda(M2)).state.proposals[0]).toMatchObject({ status: PS.ON_AGENDA, agenda: [expect.objectContaining({ meetingId: M2 })] });
    expect(apply(off, agenda(M1)).state.proposals[0].status).toBe(PS.ON_AGENDA);
  });

  it('refuses another meeting than the current one (CONFLICT), an empty reason (BAD_USER_INPUT) and an unknown proposal (NOT_FOUND)', () => {
    const s = withProposalIn(PS.ON_AGENDA);
    expect(errorOf(() => apply(s, offAgenda(M2)))).toBeInstanceOf(IllegalTransitionError);
    const blank = errorOf(() => apply(s, offAgenda(M1, P1, ' ')));
    expect(blank).toBeInstanceOf(InvalidInputError);
    expect((blank as InvalidInputError).field).toBe('reason');
    expect(errorOf(() => apply(s, offAgenda(M1, 'proposal-x')))).toBeInstanceOf(NotFoundError);
  });

  it('refuses a decided item: after the decision the proposal is no longer ON_AGENDA', () => {
    for (const status of [PS.CONTINUED, PS.REJECTED, PS.ADOPTED]) {
      expect(errorOf(() => apply(withProposalIn(status), offAgenda(M1)))).toBeInstanceOf(IllegalTransitionError);
    }
  });
});

describe('follow-up action reminders', () => {
  it('are due at 09:00 JST of the due day', () => {
    expect(actionReminderAt('2037-09-01')).toBe('2037-09-01T00:00:00.000Z');
    expect(actionReminderAt('2038-01-04')).toBe('2038-01-04T00:00:00.000Z');
  });

  it('the next is the earliest due action neither done nor reminded; ACTION_DUE marks it and names action and owner', () => {
    const s = run(withProposalIn(PS.ADOPTED), addAction('A2', '2037-08-15'), addAction('A3', '2037-08-20'));
    expect(nextActionReminder(s)).toEqual({ proposalId: P1, actionId: 'A2', at: '2037-08-15T00:00:00.000Z' });
    const t = apply(s, { type: 'ACTION_DUE', proposalId: P1, actionId: 'A2' });
    expect(t.events).toEqual([
      expect.objectContaining({
        kind: RegionalIssueEventKind.ACTION_DUE,
        actorUserId: null,
        actionId: 'A2',
        note: expect.stringMatching(/Action A2.*企画政策課/),
      }),
    ]);
    expect(t.handoffs).toEqual([]);
    expect(t.state.proposals[0].actions.find((a) => a.actionId === 'A2')!.remindedAt).not.toBeNull();
    expect(nextActionReminder(t.state)).toMatchObject({ actionId: 'A3' });
    expect(errorOf(() => apply(t.state, { type: 'ACTION_DUE', proposalId: P1, actionId: 'A2' }))).toBeInstanceOf(IllegalTransitionError);
    const doneA3 = run(t.state, complete('A3'));
    expect(nextActionReminder(doneA3)).toMatchObject({ actionId: 'A1' });
    expect(nextActionReminder(run(doneA3, complete('A1'), complete('A2')))).toBeNull();
  });
});

describe('recordPolicyHandoff (the referral side)', () => {
  const referral = { status: ReferralStatus.COMPLETED, currentOrganizationId: 'org-a', offeredOrganizationIds: ['org-a'], outcome: null };
  it('adds one handoff naming the issue event, referral unchanged, in any status', () => {
    const t = recordPolicyHandoff(referral, {
      issueId: 'issue-1',
      issueSeq: 7,
      kind: HandoffKind.SUBCOMMITTEE_DECISION,
      actorUserId: SECRETARY,
      proposalId: P1,
      reason: 'ADOPTED',
      note: '第3回 部会（2037年7月10日(金)）',
    });
    expect(t.state).toBe(referral);
    expect(t.handoffs).toEqual([
      {
        kind: HandoffKind.SUBCOMMITTEE_DECISION,
        fromOrganizationId: null,
        toOrganizationId: null,
        actorUserId: SECRETARY,
        proxy: false,
        reason: 'ADOPTED',
        note: '第3回 部会（2037年7月10日(金)）',
        regionalIssueId: 'issue-1',
        regionalIssueSeq: 7,
        policyProposalId: P1,
      },
    ]);
  });

  it('refuses a kind that is not a policy kind', () => {
    const entry = { issueId: 'i', issueSeq: 1, kind: HandoffKind.ACCEPTED, actorUserId: null, proposalId: null, reason: null, note: null };
    expect(errorOf(() => recordPolicyHandoff(referral, entry))).toBeInstanceOf(IllegalTransitionError);
  });
});
