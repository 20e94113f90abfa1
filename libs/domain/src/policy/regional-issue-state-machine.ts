// The policy track's rules (DOMAIN.md, "The policy track") as a pure transition function: a move on a regional issue
// gives the new state, the issue's new history rows and the entries every linked referral's history must get.
import { HandoffKind, PolicyProposalStatus, RegionalIssueEventKind, RegionalIssueStatus, SubcommitteeDecision } from '../enums';
import { IllegalTransitionError, InvalidInputError, NotFoundError } from '../errors';
import type { PolicyHandoff } from '../referral/referral-state';
import {
  FollowUpActionState,
  PolicyHandoffDraft,
  PolicyProposalState,
  RegionalIssueCommand,
  RegionalIssueCommandType,
  RegionalIssueEvent,
  RegionalIssueState,
  RegionalIssueTransition,
} from './regional-issue-state';
import { actionAddedNote, actionDueNote, decisionMeetingNote, IssueField, issueChangedNote, proposalRevisedNote } from '../text/policy-notes';
import type { NoteLanguage } from '../text/referral-notes';

const P = PolicyProposalStatus;
const S = RegionalIssueStatus;

/** IMPLEMENTED and CLOSED: the issue takes no more moves and its workflow ends. */
export const FINAL_ISSUE_STATUSES: readonly RegionalIssueStatus[] = [S.IMPLEMENTED, S.CLOSED];

export function isFinalIssueStatus(status: RegionalIssueStatus): boolean {
  return FINAL_ISSUE_STATUSES.includes(status);
}

/** Proposals before the subcommittee: they make the issue IN_DELIBERATION. */
const IN_DELIBERATION: readonly PolicyProposalStatus[] = [P.SUBMITTED, P.ON_AGENDA, P.CONTINUED];

/**
 * The issue's status follows from its proposals, except CLOSED (tier-1's decision): a proposal IMPLEMENTED makes it
 * IMPLEMENTED, one ADOPTED IN_IMPLEMENTATION, one submitted, on an agenda or continued IN_DELIBERATION; else OPEN.
 */
export function deriveIssueStatus(state: Pick<RegionalIssueState, 'status' | 'proposals'>): RegionalIssueStatus {
  if (state.status === S.CLOSED) return S.CLOSED;
  const statuses = state.proposals.map((p) => p.status);
  if (statuses.includes(P.IMPLEMENTED)) return S.IMPLEMENTED;
  if (statuses.includes(P.ADOPTED)) return S.IN_IMPLEMENTATION;
  if (statuses.some((s) => IN_DELIBERATION.includes(s))) return S.IN_DELIBERATION;
  return S.OPEN;
}

/** True for a YYYY-MM-DD string that names a real calendar day (2038-02-29 does not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** 09:00 JST of a due day (a fixed +9 h offset, as the business calendar has it), as an ISO instant. */
export function actionReminderAt(dueOn: string): string {
  return new Date(`${dueOn}T09:00:00.000+09:00`).toISOString();
}

/** The follow-up action whose reminder comes next: the earliest due of those neither done nor reminded, or null. */
export function nextActionReminder(state: RegionalIssueState): { proposalId: string; actionId: string; at: string } | null {
  if (isFinalIssueStatus(state.status)) return null;
  let next: { proposalId: string; actionId: string; at: string } | null = null;
  for (const proposal of state.proposals) {
    if (proposal.status !== P.ADOPTED) continue;
    for (const action of proposal.actions) {
      if (action.doneAt !== null || action.remindedAt !== null) continue;
      const at = actionReminderAt(action.dueOn);
      if (!next || at < next.at) next = { proposalId: proposal.proposalId, actionId: action.actionId, at };
    }
  }
  return next;
}

/** Starts an issue: CREATED, then one REFERRAL_LINKED (and LINKED_TO_ISSUE in its history) per referral given. */
export function createRegionalIssue(command: Extract<RegionalIssueCommand, { type: 'CREATE' }>, at: string): RegionalIssueTransition {
  requireText(command.title, 'title');
  const areaIds = unique(command.areaIds ?? []);
  if (areaIds.length === 0) throw new InvalidInputError('A regional issue needs at least one area', 'areaCodes');
  const state: RegionalIssueState = {
    issueId: command.issueId,
    title: command.title,
    description: command.description ?? '',
    category: command.category,
    areaIds,
    status: S.OPEN,
    closedReason: null,
    createdByUserId: command.createdByUserId,
    createdAt: at,
    updatedAt: at,
    referrals: [],
    proposals: [],
  };
  const created = event(RegionalIssueEventKind.CREATED, command.createdByUserId, { note: command.title });
  const linked = link(state, command.referrals ?? [], command.createdByUserId, null, at, 1);
  return { state: linked.state, events: [created, ...linked.events], handoffs: linked.handoffs };
}

/** The entry a drafted handoff becomes once the issue's workflow has numbered the event it mirrors and recorded it at `at`. */
export function policyHandoffOf(issueId: string, draft: PolicyHandoffDraft, issueSeq: number, at: string): PolicyHandoff {
  // Fields in the order the signal and the closed referral's activity input have always had (stored histories).
  return {
    issueId,
    issueSeq,
    kind: draft.kind,
    actorUserId: draft.actorUserId,
    proposalId: draft.proposalId,
    reason: draft.reason,
    note: draft.note,
    at,
  };
}

/**
 * Applies one move to a regional issue. Throws InvalidInputError (BAD_USER_INPUT) for a value the move cannot take,
 * IllegalTransitionError (CONFLICT) for a move the issue or proposal does not allow now, NotFoundError (NOT_FOUND) for
 * a proposal, action or linked referral the issue does not have. The state is never changed in place.
 */
export function applyRegionalIssueCommand(
  state: RegionalIssueState,
  command: RegionalIssueCommand,
  at: string,
  language: NoteLanguage = 'ja',
): RegionalIssueTransition {
  if (command.type === 'CREATE') throw new IllegalTransitionError('This regional issue has already been created');
  const rule = ruleFor(command.type);
  rule.checkValues?.(command); // values first: a bad value is BAD_USER_INPUT whatever the issue's status
  if (isFinalIssueStatus(state.status)) {
    throw new IllegalTransitionError(`The regional issue is ${state.status}: it takes no more changes`);
  }
  return rule.apply(state, command, at, language);
}

/** Every move but CREATE (createRegionalIssue); each has one rule in MOVES. */
type MoveType = Exclude<RegionalIssueCommandType, 'CREATE'>;
type Move<T extends MoveType> = Extract<RegionalIssueCommand, { type: T }>;

interface MoveRule<T extends MoveType> {
  /** The values the move needs, checked before anything about the state (BAD_USER_INPUT). */
  checkValues?: (command: Move<T>) => void;
  /** The move on a state that takes changes (not final). */
  apply: (state: RegionalIssueState, command: Move<T>, at: string, language: NoteLanguage) => RegionalIssueTransition;
}

/** One rule per move; a mapped type, so a move without a rule does not compile. */
const MOVES: { readonly [T in MoveType]: MoveRule<T> } = {
  UPDATE: {
    checkValues: (command) => {
      if (command.title != null) requireText(command.title, 'title');
      if (command.areaIds != null && command.areaIds.length === 0) {
        throw new InvalidInputError('A regional issue needs at least one area', 'areaCodes');
      }
    },
    apply: updateIssue,
  },
  LINK: {
    checkValues: (command) => {
      if (!command.referrals?.length) throw new InvalidInputError('Name at least one referral to link', 'referralIds');
    },
    apply: (state, command, at) => link(state, command.referrals, command.actorUserId, command.note ?? null, at, 0),
  },
  UNLINK: { checkValues: (command) => requireText(command.reason, 'reason'), apply: unlinkReferral },
  CLOSE: { checkValues: (command) => requireText(command.reason, 'reason'), apply: closeIssue },
  DRAFT: { checkValues: (command) => requireText(command.title, 'title'), apply: draftProposal },
  REVISE: { checkValues: (command) => requireText(command.title, 'title'), apply: reviseProposal },
  SUBMIT: { apply: submitProposal },
  ADD_TO_AGENDA: { checkValues: (command) => requireText(command.meetingId, 'meetingId'), apply: addToAgenda },
  DECIDE: {
    checkValues: (command) => {
      if (!Object.values(SubcommitteeDecision).includes(command.decision)) {
        throw new InvalidInputError(`Unknown decision ${String(command.decision)}`, 'decision');
      }
      requireText(command.minutes, 'minutes');
    },
    apply: recordDecision,
  },
  REMOVE_FROM_AGENDA: { checkValues: (command) => requireText(command.reason, 'reason'), apply: removeFromAgenda },
  ADD_ACTION: {
    checkValues: (command) => {
      requireText(command.description, 'description');
      requireText(command.owner, 'owner');
      if (!isCalendarDate(command.dueOn)) throw new InvalidInputError('dueOn must be a calendar day written YYYY-MM-DD', 'dueOn');
    },
    apply: addAction,
  },
  COMPLETE_ACTION: { apply: completeAction },
  ACTION_DUE: { apply: actionDue },
};

/** The rule of a move, typed by its command (a lookup TypeScript cannot correlate with a union on its own). */
function ruleFor<T extends MoveType>(type: T): MoveRule<T> {
  return MOVES[type];
}

function updateIssue(state: RegionalIssueState, command: Move<'UPDATE'>, at: string, language: NoteLanguage): RegionalIssueTransition {
  const changes: Partial<RegionalIssueState> = {};
  const fields: IssueField[] = [];
  if (command.title != null && command.title !== state.title) {
    changes.title = command.title;
    fields.push('title');
  }
  if (command.description != null && command.description !== state.description) {
    changes.description = command.description;
    fields.push('description');
  }
  if (command.areaIds != null) {
    const areaIds = unique(command.areaIds);
    if (!sameSet(areaIds, state.areaIds)) {
      changes.areaIds = areaIds;
      fields.push('areas');
    }
  }
  if (fields.length === 0) return unchanged(state);
  return {
    state: { ...state, ...changes, updatedAt: at },
    events: [event(RegionalIssueEventKind.UPDATED, command.actorUserId, { note: issueChangedNote(fields, language) })],
    handoffs: [],
  };
}

function unlinkReferral(state: RegionalIssueState, command: Move<'UNLINK'>, at: string): RegionalIssueTransition {
  const linked = state.referrals.find((r) => r.referralId === command.referralId);
  if (!linked) throw new NotFoundError('That referral is not linked to this regional issue');
  return {
    state: { ...state, referrals: state.referrals.filter((r) => r !== linked), updatedAt: at },
    events: [event(RegionalIssueEventKind.REFERRAL_UNLINKED, command.actorUserId, { referralId: linked.referralId, note: command.reason })],
    handoffs: [
      {
        referralId: linked.referralId,
        workflowId: linked.workflowId,
        event: 0,
        kind: HandoffKind.UNLINKED_FROM_ISSUE,
        actorUserId: command.actorUserId,
        proposalId: null,
        reason: command.reason,
        note: state.title,
      },
    ],
  };
}

function closeIssue(state: RegionalIssueState, command: Move<'CLOSE'>, at: string): RegionalIssueTransition {
  if (state.status !== S.OPEN) {
    throw new IllegalTransitionError(`Only an OPEN regional issue can be closed; this one is ${state.status}`);
  }
  const next: RegionalIssueState = { ...state, status: S.CLOSED, closedReason: command.reason, updatedAt: at };
  return {
    state: next,
    events: [event(RegionalIssueEventKind.CLOSED, command.actorUserId, { note: command.reason })],
    handoffs: toLinked(next, 0, HandoffKind.ISSUE_CLOSED, { actorUserId: command.actorUserId, reason: command.reason, note: state.title }),
  };
}

function draftProposal(state: RegionalIssueState, command: Move<'DRAFT'>, at: string): RegionalIssueTransition {
  if (state.status !== S.OPEN && state.status !== S.IN_DELIBERATION) {
    throw new IllegalTransitionError(`A proposal can be drafted only while the issue is OPEN or IN_DELIBERATION; it is ${state.status}`);
  }
  if (state.proposals.some((p) => p.proposalId === command.proposalId)) {
    throw new IllegalTransitionError('A proposal with this id already exists');
  }
  const proposal: PolicyProposalState = {
    proposalId: command.proposalId,
    title: command.title,
    body: command.body ?? '',
    status: P.DRAFT,
    revision: 1,
    createdByUserId: command.actorUserId,
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    agenda: [],
    actions: [],
  };
  return {
    state: withStatus({ ...state, proposals: [...state.proposals, proposal], updatedAt: at }),
    events: [event(RegionalIssueEventKind.PROPOSAL_DRAFTED, command.actorUserId, { proposalId: proposal.proposalId, note: proposal.title })],
    handoffs: [],
  };
}

function reviseProposal(state: RegionalIssueState, command: Move<'REVISE'>, at: string, language: NoteLanguage): RegionalIssueTransition {
  const proposal = findProposal(state, command.proposalId);
  requireProposalStatus(proposal, [P.DRAFT, P.CONTINUED], 'revise');
  const revised = { ...proposal, title: command.title, body: command.body ?? '', revision: proposal.revision + 1, updatedAt: at };
  return {
    state: replaceProposal(state, revised, at),
    events: [
      event(RegionalIssueEventKind.PROPOSAL_REVISED, command.actorUserId, {
        proposalId: proposal.proposalId,
        note: proposalRevisedNote(revised.revision, revised.title, language),
      }),
    ],
    handoffs: [],
  };
}

function submitProposal(state: RegionalIssueState, command: Move<'SUBMIT'>, at: string): RegionalIssueTransition {
  const proposal = findProposal(state, command.proposalId);
  requireProposalStatus(proposal, [P.DRAFT], 'submit');
  const next = replaceProposal(state, { ...proposal, status: P.SUBMITTED, submittedAt: at, updatedAt: at }, at);
  return {
    state: next,
    events: [event(RegionalIssueEventKind.PROPOSAL_SUBMITTED, command.actorUserId, { proposalId: proposal.proposalId, note: proposal.title })],
    handoffs: toLinked(next, 0, HandoffKind.PROPOSAL_SUBMITTED, {
      actorUserId: command.actorUserId,
      proposalId: proposal.proposalId,
      note: proposal.title,
    }),
  };
}

function addToAgenda(state: RegionalIssueState, command: Move<'ADD_TO_AGENDA'>, at: string): RegionalIssueTransition {
  const proposal = findProposal(state, command.proposalId);
  requireProposalStatus(proposal, [P.SUBMITTED, P.CONTINUED], 'put on an agenda');
  if (proposal.agenda.some((entry) => entry.meetingId === command.meetingId)) {
    throw new IllegalTransitionError("The proposal has already been on this meeting's agenda; a continued proposal goes to a later meeting");
  }
  const entry = { meetingId: command.meetingId, addedAt: at, decision: null, minutes: null, decidedAt: null, decidedByUserId: null };
  return {
    state: replaceProposal(state, { ...proposal, status: P.ON_AGENDA, agenda: [...proposal.agenda, entry], updatedAt: at }, at),
    events: [event(RegionalIssueEventKind.PUT_ON_AGENDA, command.actorUserId, { proposalId: proposal.proposalId, meetingId: command.meetingId })],
    handoffs: [],
  };
}

/**
 * Takes a proposal off the agenda of a meeting that has not decided on it: it goes back to the status it had before,
 * CONTINUED when an earlier meeting continued it, else SUBMITTED. The api checks that the meeting has not been held;
 * no entry for the linked referrals (being put on an agenda makes none either).
 */
function removeFromAgenda(state: RegionalIssueState, command: Move<'REMOVE_FROM_AGENDA'>, at: string): RegionalIssueTransition {
  const proposal = findProposal(state, command.proposalId);
  const current = proposal.agenda.at(-1);
  if (proposal.status !== P.ON_AGENDA || !current || current.meetingId !== command.meetingId) {
    throw new IllegalTransitionError(`The proposal is not on this meeting's agenda awaiting a decision (it is ${proposal.status})`);
  }
  const agenda = proposal.agenda.slice(0, -1);
  const status = agenda.length > 0 ? P.CONTINUED : P.SUBMITTED;
  return {
    state: replaceProposal(state, { ...proposal, status, agenda, updatedAt: at }, at),
    events: [
      event(RegionalIssueEventKind.REMOVED_FROM_AGENDA, command.actorUserId, {
        proposalId: proposal.proposalId,
        meetingId: command.meetingId,
        note: command.reason,
      }),
    ],
    handoffs: [],
  };
}

function recordDecision(state: RegionalIssueState, command: Move<'DECIDE'>, at: string, language: NoteLanguage): RegionalIssueTransition {
  const proposal = findProposal(state, command.proposalId);
  const current = proposal.agenda.at(-1);
  if (proposal.status !== P.ON_AGENDA || !current || current.meetingId !== command.meetingId) {
    throw new IllegalTransitionError(`The proposal is not on this meeting's agenda awaiting a decision (it is ${proposal.status})`);
  }
  if (
    command.decision === SubcommitteeDecision.ADOPTED &&
    state.proposals.some((p) => p.proposalId !== proposal.proposalId && (p.status === P.ADOPTED || p.status === P.IMPLEMENTED))
  ) {
    throw new IllegalTransitionError('Another proposal of this issue has already been adopted');
  }
  const decided = { ...current, decision: command.decision, minutes: command.minutes, decidedAt: at, decidedByUserId: command.actorUserId };
  const status = DECISION_STATUS[command.decision];
  const next = replaceProposal(state, { ...proposal, status, agenda: [...proposal.agenda.slice(0, -1), decided], updatedAt: at }, at);
  return {
    state: next,
    events: [
      event(RegionalIssueEventKind.DECISION_RECORDED, command.actorUserId, {
        proposalId: proposal.proposalId,
        meetingId: command.meetingId,
        decision: command.decision,
        note: command.minutes,
      }),
    ],
    handoffs: toLinked(next, 0, HandoffKind.SUBCOMMITTEE_DECISION, {
      actorUserId: command.actorUserId,
      proposalId: proposal.proposalId,
      reason: command.decision,
      note: command.meeting ? decisionMeetingNote(command.meeting, language) : proposal.title,
    }),
  };
}

const DECISION_STATUS: Readonly<Record<SubcommitteeDecision, PolicyProposalStatus>> = {
  [SubcommitteeDecision.ADOPTED]: P.ADOPTED,
  [SubcommitteeDecision.REJECTED]: P.REJECTED,
  [SubcommitteeDecision.CONTINUED]: P.CONTINUED,
};

function addAction(state: RegionalIssueState, command: Move<'ADD_ACTION'>, at: string, language: NoteLanguage): RegionalIssueTransition {
  const proposal = findProposal(state, command.proposalId);
  requireProposalStatus(proposal, [P.ADOPTED], 'add a follow-up action to');
  if (state.proposals.some((p) => p.actions.some((a) => a.actionId === command.actionId))) {
    throw new IllegalTransitionError('A follow-up action with this id already exists');
  }
  const action: FollowUpActionState = {
    actionId: command.actionId,
    description: command.description,
    owner: command.owner,
    dueOn: command.dueOn,
    createdAt: at,
    remindedAt: null,
    doneAt: null,
    doneByUserId: null,
    doneNote: null,
  };
  return {
    state: replaceProposal(state, { ...proposal, actions: [...proposal.actions, action], updatedAt: at }, at),
    events: [
      event(RegionalIssueEventKind.ACTION_ADDED, command.actorUserId, {
        proposalId: proposal.proposalId,
        actionId: action.actionId,
        note: actionAddedNote(action, language),
      }),
    ],
    handoffs: [],
  };
}

/** The last open action done makes the proposal IMPLEMENTED (a second event, and an entry for every linked referral). */
function completeAction(state: RegionalIssueState, command: Move<'COMPLETE_ACTION'>, at: string): RegionalIssueTransition {
  const proposal = findProposal(state, command.proposalId);
  const action = findAction(proposal, command.actionId);
  if (action.doneAt !== null) throw new IllegalTransitionError('This follow-up action is already done');
  requireProposalStatus(proposal, [P.ADOPTED], 'complete a follow-up action of');
  const done = { ...action, doneAt: at, doneByUserId: command.actorUserId, doneNote: command.note ?? null };
  const actions = proposal.actions.map((a) => (a.actionId === action.actionId ? done : a));
  const implemented = actions.every((a) => a.doneAt !== null);
  const next = replaceProposal(state, { ...proposal, actions, status: implemented ? P.IMPLEMENTED : P.ADOPTED, updatedAt: at }, at);
  const events = [
    event(RegionalIssueEventKind.ACTION_DONE, command.actorUserId, {
      proposalId: proposal.proposalId,
      actionId: action.actionId,
      note: done.doneNote,
    }),
  ];
  if (!implemented) return { state: next, events, handoffs: [] };
  events.push(event(RegionalIssueEventKind.IMPLEMENTED, command.actorUserId, { proposalId: proposal.proposalId, note: proposal.title }));
  return {
    state: next,
    events,
    handoffs: toLinked(next, 1, HandoffKind.POLICY_IMPLEMENTED, {
      actorUserId: command.actorUserId,
      proposalId: proposal.proposalId,
      note: proposal.title,
    }),
  };
}

/** The workflow's own move when an action's due day has come: marks it reminded (no person acts). */
function actionDue(state: RegionalIssueState, command: Move<'ACTION_DUE'>, at: string, language: NoteLanguage): RegionalIssueTransition {
  const proposal = findProposal(state, command.proposalId);
  const action = findAction(proposal, command.actionId);
  if (action.doneAt !== null || action.remindedAt !== null) {
    throw new IllegalTransitionError('This follow-up action is done or has been reminded already');
  }
  const reminded = { ...action, remindedAt: at };
  const actions = proposal.actions.map((a) => (a.actionId === action.actionId ? reminded : a));
  return {
    state: replaceProposal(state, { ...proposal, actions, updatedAt: at }, at),
    events: [
      event(RegionalIssueEventKind.ACTION_DUE, null, {
        proposalId: proposal.proposalId,
        actionId: action.actionId,
        note: actionDueNote(action, language),
      }),
    ],
    handoffs: [],
  };
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidInputError(`${field} must not be empty`, field);
}

function findProposal(state: RegionalIssueState, proposalId: string): PolicyProposalState {
  const proposal = state.proposals.find((p) => p.proposalId === proposalId);
  if (!proposal) throw new NotFoundError('This regional issue has no such proposal');
  return proposal;
}

function findAction(proposal: PolicyProposalState, actionId: string): FollowUpActionState {
  const action = proposal.actions.find((a) => a.actionId === actionId);
  if (!action) throw new NotFoundError('This proposal has no such follow-up action');
  return action;
}

function requireProposalStatus(proposal: PolicyProposalState, allowed: readonly PolicyProposalStatus[], move: string): void {
  if (!allowed.includes(proposal.status)) {
    throw new IllegalTransitionError(`Cannot ${move} a proposal that is ${proposal.status}`);
  }
}

function replaceProposal(state: RegionalIssueState, proposal: PolicyProposalState, at: string): RegionalIssueState {
  return withStatus({
    ...state,
    proposals: state.proposals.map((p) => (p.proposalId === proposal.proposalId ? proposal : p)),
    updatedAt: at,
  });
}

function withStatus(state: RegionalIssueState): RegionalIssueState {
  return { ...state, status: deriveIssueStatus(state) };
}

/** Links the referrals not linked yet (in the order given, each once); `firstEvent` is the index of its first event. */
function link(
  state: RegionalIssueState,
  referrals: ReadonlyArray<{ referralId: string; workflowId: string }>,
  actorUserId: string,
  note: string | null,
  at: string,
  firstEvent: number,
): RegionalIssueTransition {
  const fresh = referrals.filter(
    (r, i) => !state.referrals.some((l) => l.referralId === r.referralId) && referrals.findIndex((o) => o.referralId === r.referralId) === i,
  );
  if (fresh.length === 0) return unchanged(state);
  return {
    state: {
      ...state,
      referrals: [
        ...state.referrals,
        ...fresh.map((r) => ({ referralId: r.referralId, workflowId: r.workflowId, linkedAt: at, linkedByUserId: actorUserId })),
      ],
      updatedAt: at,
    },
    events: fresh.map((r) => event(RegionalIssueEventKind.REFERRAL_LINKED, actorUserId, { referralId: r.referralId, note })),
    handoffs: fresh.map((r, i) => ({
      referralId: r.referralId,
      workflowId: r.workflowId,
      event: firstEvent + i,
      kind: HandoffKind.LINKED_TO_ISSUE,
      actorUserId,
      proposalId: null,
      reason: null,
      note: state.title,
    })),
  };
}

/** The same entry for every referral currently linked to the issue. */
function toLinked(
  state: RegionalIssueState,
  eventIndex: number,
  kind: HandoffKind,
  details: { actorUserId: string | null; proposalId?: string | null; reason?: string | null; note?: string | null },
): PolicyHandoffDraft[] {
  return state.referrals.map((r) => ({
    referralId: r.referralId,
    workflowId: r.workflowId,
    event: eventIndex,
    kind,
    actorUserId: details.actorUserId,
    proposalId: details.proposalId ?? null,
    reason: details.reason ?? null,
    note: details.note ?? null,
  }));
}

function unchanged(state: RegionalIssueState): RegionalIssueTransition {
  return { state, events: [], handoffs: [] };
}

function event(
  kind: RegionalIssueEventKind,
  actorUserId: string | null,
  details: Partial<Omit<RegionalIssueEvent, 'kind' | 'actorUserId'>> = {},
): RegionalIssueEvent {
  return {
    kind,
    actorUserId,
    proposalId: details.proposalId ?? null,
    meetingId: details.meetingId ?? null,
    actionId: details.actionId ?? null,
    referralId: details.referralId ?? null,
    decision: details.decision ?? null,
    note: details.note ?? null,
  };
}

function unique(ids: readonly string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
