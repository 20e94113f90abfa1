// The access matrix of docs/SECURITY.md, walked for real: every query and mutation, every role, own versus other
// organisation and area. The expectations are read from the document itself, so the table people read is the table
// that is tested. Then the personal-data table (who sees the subject in which situation), and the ways a partner might
// probe for another organisation's referrals (lists, aliases, batches): each must learn nothing.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestCity,
  GraphQLErrorShape,
  GraphQLResponse,
  GraphQLSession,
  operationCell,
  queryRows,
  readE2eState,
  readMarkdownTable,
  signIn,
  TestCity,
} from '@tsunagu/testing/e2e';
import { LOGIN, personNeed } from './support/documents';

jest.setTimeout(180_000);

const state = readE2eState();
const SECURITY = readFileSync(join(__dirname, '..', '..', 'docs', 'SECURITY.md'), 'utf8');
const MATRIX = readMarkdownTable(SECURITY, 'access-matrix');
const SIGHT_TABLE = readMarkdownTable(SECURITY, 'subject-sight');

const COLUMNS = ['ADMIN', 'TIER1', 'TIER2 own', 'TIER2 other', 'PARTNER own', 'PARTNER other', 'SUBCOMMITTEE', 'no token'] as const;
type Column = (typeof COLUMNS)[number];
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'listed' | 'not listed' | '—';

let city: TestCity;
let subcommitteeEmail: string;
const callers = {} as Record<Column, GraphQLSession>;
/** The email each column signs in with (no token: it may still log in, as the tier-2 coordinator). */
const emailOf = {} as Record<Column, string>;

/** Every error any call in this file received, checked at the end for stack traces. */
const seenErrors: GraphQLErrorShape[] = [];
async function send(session: GraphQLSession, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<any>> {
  const response = await session.send(query, variables);
  seenErrors.push(...(response.errors ?? []));
  return response;
}
async function data(session: GraphQLSession, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await send(session, query, variables);
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors ?? response)}`);
  return response.data;
}

/** An error as a client compares it: everything but where in the document it happened. */
const withoutPosition = (errors: GraphQLErrorShape[] | undefined) =>
  (errors ?? []).map(({ path: _path, locations: _locations, ...rest }: GraphQLErrorShape & { locations?: unknown }) => rest);
const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

/** A copy of a user of the test city (same role, organisation, area, password) under a new email. */
async function cloneUser(email: string, overrides: { role?: string; organizationId?: string | null } = {}): Promise<{ id: string; email: string }> {
  const clone = `clone-${randomUUID().slice(0, 8)}-${email}`;
  const [row] = await queryRows<{ id: string }>(
    state.databaseUrl,
    `INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash)
     SELECT $1, display_name || ' (copy)', COALESCE($3, role), CASE WHEN $5 THEN $4::uuid ELSE organization_id END, area_id, password_hash
       FROM app_user WHERE email = $2
     RETURNING id`,
    [clone, email, overrides.role ?? null, overrides.organizationId ?? null, 'organizationId' in overrides],
  );
  return { id: row.id, email: clone };
}

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'matrix');
  // The test city has no subcommittee: add one, with an organisation of its kind.
  const [org] = await queryRows<{ id: string }>(
    state.databaseUrl,
    `INSERT INTO organization (name, kind, categories, has_system_users) VALUES ($1, 'SUBCOMMITTEE', '{}', true) RETURNING id`,
    [`${city.areaCode} 部会`],
  );
  subcommitteeEmail = (await cloneUser(city.emails.tier1, { role: 'SUBCOMMITTEE', organizationId: org.id })).email;
  Object.assign(emailOf, {
    ADMIN: city.emails.admin,
    TIER1: city.emails.tier1,
    'TIER2 own': city.emails.tier2,
    'TIER2 other': city.emails.otherTier2,
    'PARTNER own': city.emails.first,
    'PARTNER other': city.emails.second,
    SUBCOMMITTEE: subcommitteeEmail,
    'no token': city.emails.tier2,
  });
  for (const column of COLUMNS) {
    callers[column] =
      column === 'no token' ? new GraphQLSession(state.graphqlUrl, null) : await signIn(state.graphqlUrl, emailOf[column], city.password);
  }
});

// ---------------------------------------------------------------------------------------------------------------------
// Objects in the states the operations need. Each referral has a summary and a name of its own, so a leak is easy to see.

interface Target {
  id: string;
  secrets: string[];
  [key: string]: unknown;
}

const SHOW = `id status summary subjectAgeBand subject { displayName ageBand contact } currentOrganization { id }`;

async function submitted(overrides: Record<string, unknown> = {}, by: GraphQLSession = callers['TIER2 own']): Promise<Target> {
  const summary = `matrix ${randomUUID()}`;
  const name = `秘 ${randomUUID().slice(0, 8)}`;
  const input = personNeed(city.areaCode, {
    summary,
    subject: { displayName: name, ageBand: '70代', contact: `072-${Date.now() % 1000000}` },
    consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z', givenBy: '家族(長女)' },
    ...overrides,
  });
  const referral = (await data(by, `mutation S($input: SubmitReferralInput!) { submitReferral(input: $input) { ${SHOW} } }`, { input }))
    .submitReferral;
  return { id: referral.id, secrets: [summary, name], referral, consent: input.consent };
}

const move = async (session: GraphQLSession, document: string, variables: Record<string, unknown>) => data(session, document, variables);

const ACCEPT = `mutation A($id: ID!) { acceptReferral(id: $id) { ${SHOW} } }`;
const DECLINE = `mutation D($id: ID!) { declineReferral(id: $id, reason: NO_CAPACITY) { ${SHOW} } }`;
const START = `mutation St($id: ID!) { startReferral(id: $id) { ${SHOW} } }`;
const COMPLETE = `mutation C($id: ID!) { completeReferral(id: $id, outcome: RESOLVED) { ${SHOW} } }`;
const REASSIGN = `mutation R($id: ID!, $organizationId: ID!) { reassignReferral(id: $id, organizationId: $organizationId) { ${SHOW} } }`;
const ESCALATE = `mutation E($id: ID!) { escalateReferral(id: $id, note: "市へ") { ${SHOW} } }`;
const WITHDRAW = `mutation W($id: ID!) { withdrawReferral(id: $id, reason: "取り下げ") { ${SHOW} } }`;
const TAKE = `mutation T($id: ID!) { takeReferral(id: $id) { ${SHOW} } }`;
const RETURN = `mutation Rt($id: ID!) { returnReferral(id: $id, reason: OTHER) { ${SHOW} } }`;
const HOLD = `mutation H($id: ID!, $resumeOn: String!) { holdReferral(id: $id, resumeOn: $resumeOn, reason: "入院中") { ${SHOW} } }`;
const RESUME = `mutation Re($id: ID!) { resumeReferral(id: $id) { ${SHOW} } }`;
/** A resume date 30 days ahead, as a JST calendar date. */
const resumeOn = () => new Date(Date.now() + 9 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);

const offeredToP = () => submitted();
/** T: sent by the tier-2 coordinator of A straight to tier-1 (ESCALATED, nobody holds it). */
const escalatedT = () => submitted({ destination: 'TIER1' });
async function acceptedByP(): Promise<Target> {
  const t = await offeredToP();
  await move(callers['PARTNER own'], ACCEPT, { id: t.id });
  return t;
}
async function onHoldAtP(): Promise<Target> {
  const t = await acceptedByP();
  await move(callers['TIER2 own'], HOLD, { id: t.id, resumeOn: resumeOn() });
  return t;
}
async function inProgressAtP(): Promise<Target> {
  const t = await acceptedByP();
  await move(callers['PARTNER own'], START, { id: t.id });
  return t;
}
/**
 * R′′: declined by P, then accepted, started and completed by Q, whose note names the resident. Its secrets add Q's
 * note: P, which it has left, must not see it (nor Q, its users or the later status: checked by FORMER_SEEN).
 */
async function declinedByPCompletedByQ(): Promise<Target> {
  const t = await offeredToP();
  await move(callers['PARTNER own'], DECLINE, { id: t.id });
  const note = `${t.secrets[1]}さん宅を訪問 ${randomUUID().slice(0, 8)}`;
  await move(callers['PARTNER other'], `mutation A($id: ID!, $note: String) { acceptReferral(id: $id, note: $note) { id } }`, { id: t.id, note });
  await move(callers['PARTNER other'], START, { id: t.id });
  await move(callers['PARTNER other'], COMPLETE, { id: t.id });
  return { ...t, secrets: [...t.secrets, note] };
}
const FORMER_SHOW = `${SHOW} outcome responseDueAt handoffs { kind note fromOrganization { id name } toOrganization { id name } actor { id email } }`;
/** What each caller's `referral` shows of R′′: P only its part, as at its decline; everyone else the whole of it. */
async function formerSeen(referral: any, t: Target, column: Column): Promise<void> {
  expect(referral.id).toBe(t.id);
  if (column !== 'PARTNER own') {
    expect(referral).toMatchObject({ status: 'COMPLETED', outcome: 'RESOLVED', currentOrganization: { id: city.second.id } });
    return;
  }
  expect(referral).toMatchObject({
    status: 'OFFERED',
    outcome: null,
    responseDueAt: null,
    currentOrganization: null,
    subject: null,
    subjectAgeBand: null,
  });
  expect(referral.handoffs.map((h: { kind: string }) => h.kind)).toEqual(['OFFERED', 'DECLINED']);
  const body = JSON.stringify(referral);
  const [, name, note] = t.secrets;
  const qUser = (await data(callers['PARTNER other'], `query { me { id email } }`)).me;
  for (const secret of [name, note, city.second.id, city.second.name, qUser.id, qUser.email, 'COMPLETED', 'RESOLVED']) {
    expect({ secret, found: body.includes(secret) }).toEqual({ secret, found: false });
  }
}

const offeredToS = () => submitted({ category: 'SHOPPING', organizationId: city.shop.id });
async function acceptedForS(): Promise<Target> {
  const t = await offeredToS();
  await move(callers['TIER2 own'], ACCEPT, { id: t.id });
  return t;
}
async function inProgressAtS(): Promise<Target> {
  const t = await acceptedForS();
  await move(callers['TIER2 own'], START, { id: t.id });
  return t;
}

/** What a refused call on a referral must leave as it was: its row, its history, its provision records. */
async function referralFingerprint(t: Target): Promise<unknown> {
  return queryRows(
    state.databaseUrl,
    `SELECT r.status, r.last_seq, r.current_organization_id, r.response_due_at,
            (SELECT count(*)::int FROM referral_handoff h WHERE h.referral_id = r.id) AS handoffs,
            (SELECT count(*)::int FROM provision_record p WHERE p.referral_id = r.id) AS provisions
       FROM referral r WHERE r.id = $1`,
    [t.id],
  );
}
const organizationFingerprint = async () =>
  queryRows(state.databaseUrl, 'SELECT accepting_referrals, contact_name, updated_at FROM organization WHERE id = $1', [city.first.id]);
const userFingerprint = async (t: Target) =>
  queryRows(state.databaseUrl, 'SELECT active, password_hash, token_version FROM app_user WHERE id = $1', [t.id]);

// ---------------------------------------------------------------------------------------------------------------------
// The policy track's objects: R offered to P, then escalated; I an issue with R linked; its proposals; a meeting M.

const CREATE_ISSUE = `mutation C($input: CreateRegionalIssueInput!) { createRegionalIssue(input: $input) { id title status referralCount } }`;
const DRAFT_PROPOSAL = `mutation D($issueId: ID!, $input: PolicyProposalInput!) { draftPolicyProposal(issueId: $issueId, input: $input) { id status revision } }`;
const SUBMIT_PROPOSAL = `mutation S($id: ID!) { submitPolicyProposal(id: $id) { id status } }`;
const CREATE_MEETING = `mutation M($input: CreateSubcommitteeMeetingInput!) { createSubcommitteeMeeting(input: $input) { id title heldAt } }`;
const ADD_TO_AGENDA = `mutation A($meetingId: ID!, $proposalId: ID!) { addProposalToAgenda(meetingId: $meetingId, proposalId: $proposalId) { id agenda { proposal { id } } } }`;
const DECIDE = `mutation R($meetingId: ID!, $proposalId: ID!, $decision: SubcommitteeDecision!, $minutes: String!) {
  recordSubcommitteeDecision(meetingId: $meetingId, proposalId: $proposalId, decision: $decision, minutes: $minutes) { id status } }`;
const ADD_ACTION = `mutation F($proposalId: ID!, $input: FollowUpActionInput!) { addFollowUpAction(proposalId: $proposalId, input: $input) { id dueOn doneAt } }`;

async function escalatedR(): Promise<Target> {
  const t = await offeredToP();
  await move(callers['TIER2 own'], ESCALATE, { id: t.id });
  return t;
}
const issueInput = (referralIds: string[], title = `matrix 課題 ${randomUUID()}`) => ({
  clientRequestId: `matrix-${randomUUID()}`,
  title,
  description: `北部で通院の足がない ${randomUUID()}`,
  category: 'TRANSPORT',
  areaCodes: [city.areaCode],
  referralIds,
});
/** I: an OPEN issue with R linked. The title and description are its secrets. */
async function issueI(): Promise<Target> {
  const r = await escalatedR();
  const input = issueInput([r.id]);
  const issue = (await data(callers.TIER1, CREATE_ISSUE, { input })).createRegionalIssue;
  return { id: issue.id, issueId: issue.id, referralId: r.id, secrets: [input.title, input.description, ...r.secrets] };
}
async function draftOfI(): Promise<Target> {
  const issue = await issueI();
  const title = `matrix 提言 ${randomUUID()}`;
  const proposal = (await data(callers.TIER1, DRAFT_PROPOSAL, { issueId: issue.id, input: { title, body: '移動支援の補助を新設する' } }))
    .draftPolicyProposal;
  return { ...issue, id: proposal.id, proposalId: proposal.id, secrets: [...issue.secrets, title] };
}
async function submittedOfI(): Promise<Target> {
  const t = await draftOfI();
  await data(callers.TIER1, SUBMIT_PROPOSAL, { id: t.proposalId });
  return t;
}
/** I with a submitted proposal: what the subcommittee sees. */
async function issueWithSubmitted(): Promise<Target> {
  const t = await submittedOfI();
  return { ...t, id: t.issueId as string };
}
/** M: a meeting already held (a decision is recorded once the meeting has met), or with `ahead` one still to come. */
async function meetingM(ahead = false): Promise<Target> {
  const title = `matrix 部会 ${randomUUID()}`;
  const start = ahead ? Date.now() + 30 * 86_400_000 : Date.UTC(2025, 0, 1);
  const heldAt = new Date(start + Math.floor(Math.random() * 300 * 86_400) * 1000).toISOString();
  const meeting = (await data(callers.SUBCOMMITTEE, CREATE_MEETING, { input: { title, heldAt, location: '市役所 4階' } })).createSubcommitteeMeeting;
  return { id: meeting.id, meetingId: meeting.id, heldAt, secrets: [title] };
}
async function submittedAndMeeting(): Promise<Target> {
  const [proposal, meeting] = [await submittedOfI(), await meetingM()];
  return { ...proposal, meetingId: meeting.id, heldAt: meeting.heldAt, secrets: [...proposal.secrets, ...meeting.secrets] };
}
/** A proposal of I on the agenda of a meeting still to come. */
async function onAgendaOfComingM(): Promise<Target> {
  const [proposal, meeting] = [await submittedOfI(), await meetingM(true)];
  await data(callers.SUBCOMMITTEE, ADD_TO_AGENDA, { meetingId: meeting.id, proposalId: proposal.proposalId });
  return { ...proposal, meetingId: meeting.id, heldAt: meeting.heldAt, secrets: [...proposal.secrets, ...meeting.secrets] };
}
const meetingFingerprint = async (t: Target) =>
  queryRows(state.databaseUrl, 'SELECT held_at, cancelled_at, cancel_reason FROM subcommittee_meeting WHERE id = $1', [t.id]);
async function onAgendaOfM(): Promise<Target> {
  const t = await submittedAndMeeting();
  await data(callers.SUBCOMMITTEE, ADD_TO_AGENDA, { meetingId: t.meetingId, proposalId: t.proposalId });
  return t;
}
/** M with a proposal of I on its agenda. */
async function meetingWithI(): Promise<Target> {
  const t = await onAgendaOfM();
  return { ...t, id: t.meetingId as string };
}
async function adoptedOfI(): Promise<Target> {
  const t = await onAgendaOfM();
  await data(callers.SUBCOMMITTEE, DECIDE, { meetingId: t.meetingId, proposalId: t.proposalId, decision: 'ADOPTED', minutes: '全会一致で採択' });
  return t;
}
async function openActionOfI(): Promise<Target> {
  const t = await adoptedOfI();
  const action = (
    await data(callers.TIER1, ADD_ACTION, { proposalId: t.proposalId, input: { description: '予算要求', owner: '介護保険課', dueOn: '2027-03-31' } })
  ).addFollowUpAction;
  return { ...t, id: action.id, actionId: action.id };
}

/** What a refused call on the policy track must leave as it was: the issue (every change bumps last_seq), links, proposals, agenda. */
async function issueFingerprint(t: Target): Promise<unknown> {
  return queryRows(
    state.databaseUrl,
    `SELECT i.status, i.last_seq, i.title, i.updated_at,
            (SELECT count(*)::int FROM regional_issue_referral l WHERE l.issue_id = i.id) AS links,
            (SELECT count(*)::int FROM policy_proposal p WHERE p.issue_id = i.id) AS proposals,
            (SELECT count(*)::int FROM agenda_item a JOIN policy_proposal p ON p.id = a.proposal_id WHERE p.issue_id = i.id) AS agenda,
            (SELECT count(*)::int FROM regional_issue_event e WHERE e.issue_id = i.id) AS events
       FROM regional_issue i WHERE i.id = $1`,
    [t.issueId],
  );
}

const POLICY_CASES = (): Record<string, Case> => {
  const readCase = (document: string, target: () => Promise<Target>): Case => ({
    document,
    target,
    variables: (t) => ({ id: t.id }),
    unknown: () => ({ id: randomUUID() }),
    ok: (result, t) => expect(result.id).toBe(t.id),
  });
  const tier1Move = (document: string, target: () => Promise<Target>, variables: Case['variables'], ok: Case['ok']): Case => ({
    document,
    target,
    variables,
    fingerprint: issueFingerprint,
    ok,
  });
  return {
    regionalIssues: {
      document: `query L($areaCode: [String!]) { regionalIssues(filter: { areaCode: $areaCode }, first: 100) { totalCount edges { node { id title } } } }`,
      target: issueWithSubmitted,
      variables: () => ({ areaCode: [city.areaCode] }),
    },
    regionalIssue: readCase(
      `query I($id: ID!) { regionalIssue(id: $id) { id title description status referralCount proposals { id title } } }`,
      issueWithSubmitted,
    ),
    suggestedRegionalIssues: {
      document: `query { suggestedRegionalIssues { category windowDays referrals { id } } }`,
      variables: () => ({}),
      ok: (result) => expect(Array.isArray(result)).toBe(true),
    },
    createRegionalIssue: {
      document: CREATE_ISSUE,
      target: async () => {
        const r = await escalatedR();
        const input = issueInput([r.id]);
        return { id: '', secrets: [input.description], input };
      },
      variables: (t) => ({ input: t.input }),
      fingerprint: async (t) =>
        queryRows(state.databaseUrl, 'SELECT id FROM regional_issue WHERE title = $1', [(t.input as { title: string }).title]),
      ok: (result, t) => expect(result).toMatchObject({ title: (t.input as { title: string }).title, status: 'OPEN', referralCount: 1 }),
    },
    updateRegionalIssue: tier1Move(
      `mutation U($id: ID!, $input: UpdateRegionalIssueInput!) { updateRegionalIssue(id: $id, input: $input) { id title } }`,
      issueI,
      (t) => ({ id: t.id, input: { title: `matrix 変更 ${t.id}` } }),
      (result, t) => expect(result).toEqual({ id: t.id, title: `matrix 変更 ${t.id}` }),
    ),
    linkReferralsToIssue: tier1Move(
      `mutation K($id: ID!, $referralIds: [ID!]!) { linkReferralsToIssue(id: $id, referralIds: $referralIds, note: "同じ課題") { id referralCount } }`,
      async () => {
        const [issue, other] = [await issueI(), await escalatedR()];
        return { ...issue, otherId: other.id };
      },
      (t) => ({ id: t.id, referralIds: [t.otherId] }),
      (result, t) => expect(result).toEqual({ id: t.id, referralCount: 2 }),
    ),
    unlinkReferralFromIssue: tier1Move(
      `mutation X($id: ID!, $referralId: ID!) { unlinkReferralFromIssue(id: $id, referralId: $referralId, reason: "誤って紐付け") { id referralCount } }`,
      issueI,
      (t) => ({ id: t.id, referralId: t.referralId }),
      (result, t) => expect(result).toEqual({ id: t.id, referralCount: 0 }),
    ),
    closeRegionalIssue: tier1Move(
      `mutation Z($id: ID!) { closeRegionalIssue(id: $id, reason: "既存事業で対応") { id status closedReason } }`,
      issueI,
      (t) => ({ id: t.id }),
      (result, t) => expect(result).toEqual({ id: t.id, status: 'CLOSED', closedReason: '既存事業で対応' }),
    ),
    policyProposal: readCase(`query P($id: ID!) { policyProposal(id: $id) { id title status issue { id } } }`, submittedOfI),
    draftPolicyProposal: tier1Move(
      DRAFT_PROPOSAL,
      issueI,
      (t) => ({ issueId: t.id, input: { title: '提言案', body: '本文' } }),
      (result) => expect(result).toMatchObject({ status: 'DRAFT', revision: 1 }),
    ),
    revisePolicyProposal: tier1Move(
      `mutation V($id: ID!, $input: PolicyProposalInput!) { revisePolicyProposal(id: $id, input: $input) { id status revision } }`,
      draftOfI,
      (t) => ({ id: t.id, input: { title: '提言案 第2版', body: '本文 改訂' } }),
      (result, t) => expect(result).toEqual({ id: t.id, status: 'DRAFT', revision: 2 }),
    ),
    submitPolicyProposal: tier1Move(
      SUBMIT_PROPOSAL,
      draftOfI,
      (t) => ({ id: t.id }),
      (result, t) => expect(result).toEqual({ id: t.id, status: 'SUBMITTED' }),
    ),
    subcommitteeMeetings: {
      document: `query L($from: DateTime, $to: DateTime) { subcommitteeMeetings(from: $from, to: $to) { id title } }`,
      target: meetingWithI,
      variables: (t) => {
        const at = new Date(t.heldAt as string).getTime();
        return { from: new Date(at - 1000).toISOString(), to: new Date(at + 1000).toISOString() };
      },
    },
    subcommitteeMeeting: readCase(`query M($id: ID!) { subcommitteeMeeting(id: $id) { id title heldAt agenda { proposal { id } } } }`, meetingWithI),
    createSubcommitteeMeeting: {
      document: CREATE_MEETING,
      target: async () => ({
        id: '',
        secrets: [],
        input: { title: `matrix 部会 ${randomUUID()}`, heldAt: '2027-05-20T05:00:00.000Z', location: null },
      }),
      variables: (t) => ({ input: t.input }),
      fingerprint: async (t) =>
        queryRows(state.databaseUrl, 'SELECT id FROM subcommittee_meeting WHERE title = $1', [(t.input as { title: string }).title]),
      ok: (result, t) => expect(result).toMatchObject({ title: (t.input as { title: string }).title, heldAt: '2027-05-20T05:00:00.000Z' }),
    },
    addProposalToAgenda: {
      document: ADD_TO_AGENDA,
      target: submittedAndMeeting,
      variables: (t) => ({ meetingId: t.meetingId, proposalId: t.proposalId }),
      fingerprint: issueFingerprint,
      ok: (result, t) => expect(result).toEqual({ id: t.meetingId, agenda: [{ proposal: { id: t.proposalId } }] }),
    },
    recordSubcommitteeDecision: {
      document: DECIDE,
      target: onAgendaOfM,
      variables: (t) => ({ meetingId: t.meetingId, proposalId: t.proposalId, decision: 'CONTINUED', minutes: '次回に継続審議' }),
      fingerprint: issueFingerprint,
      ok: (result, t) => expect(result).toEqual({ id: t.proposalId, status: 'CONTINUED' }),
    },
    removeProposalFromAgenda: {
      document: `mutation X($meetingId: ID!, $proposalId: ID!) { removeProposalFromAgenda(meetingId: $meetingId, proposalId: $proposalId) { id agenda { proposal { id } } } }`,
      target: onAgendaOfComingM,
      variables: (t) => ({ meetingId: t.meetingId, proposalId: t.proposalId }),
      fingerprint: issueFingerprint,
      ok: (result, t) => expect(result).toEqual({ id: t.meetingId, agenda: [] }),
    },
    rescheduleSubcommitteeMeeting: {
      document: `mutation M($id: ID!, $heldAt: DateTime!) { rescheduleSubcommitteeMeeting(id: $id, heldAt: $heldAt) { id heldAt } }`,
      target: () => meetingM(true),
      variables: (t) => ({ id: t.id, heldAt: new Date(new Date(t.heldAt as string).getTime() + 7 * 86_400_000).toISOString() }),
      fingerprint: meetingFingerprint,
      ok: (result, t) =>
        expect(result).toEqual({ id: t.id, heldAt: new Date(new Date(t.heldAt as string).getTime() + 7 * 86_400_000).toISOString() }),
    },
    cancelSubcommitteeMeeting: {
      document: `mutation C($id: ID!) { cancelSubcommitteeMeeting(id: $id, reason: "会場の都合") { id cancelReason } }`,
      target: () => meetingM(true),
      variables: (t) => ({ id: t.id }),
      fingerprint: meetingFingerprint,
      ok: (result, t) => expect(result).toEqual({ id: t.id, cancelReason: '会場の都合' }),
    },
    dismissRegionalIssueSuggestion: {
      document: `mutation D($ids: [ID!]!) { dismissRegionalIssueSuggestion(category: TRANSPORT, referralIds: $ids, reason: "個別対応で足りる") { referralIds } }`,
      target: escalatedR,
      variables: (t) => ({ ids: [t.id] }),
      fingerprint: async (t) =>
        queryRows(state.databaseUrl, 'SELECT id FROM regional_issue_suggestion_dismissal WHERE $1 = ANY (referral_ids)', [t.id]),
      ok: (result, t) => expect(result).toEqual({ referralIds: [t.id] }),
    },
    addFollowUpAction: tier1Move(
      ADD_ACTION,
      adoptedOfI,
      (t) => ({ proposalId: t.proposalId, input: { description: '地域の運転ボランティア募集', owner: '社会福祉協議会', dueOn: '2027-06-30' } }),
      (result) => expect(result).toMatchObject({ dueOn: '2027-06-30', doneAt: null }),
    ),
    completeFollowUpAction: tier1Move(
      `mutation O($id: ID!) { completeFollowUpAction(id: $id, note: "完了") { id doneAt } }`,
      openActionOfI,
      (t) => ({ id: t.id }),
      (result, t) => expect(result).toEqual({ id: t.id, doneAt: expect.any(String) }),
    ),
  };
};

// ---------------------------------------------------------------------------------------------------------------------
// How to make each call of the matrix. The keys are the first column of the table ("`acceptReferral` (proxy)").

interface Case {
  document: string;
  /** The object of the call in the state the call needs: fresh for each call expected to succeed, shared by the rest. */
  target?: (column: Column) => Promise<Target>;
  variables: (t: Target, column: Column) => Record<string, unknown>;
  /** The same call about an object that does not exist: a NOT_FOUND must be exactly its answer. */
  unknown?: (t: Target, column: Column) => Record<string, unknown>;
  /** What a refused call must leave unchanged. */
  fingerprint?: (t: Target) => Promise<unknown>;
  /** Checks what a successful call answered (and did). */
  ok?: (result: any, t: Target, column: Column) => void | Promise<void>;
  /** Who calls instead of the column's session (changeMyPassword: a copy of that user, whose password may change). */
  caller?: (t: Target, column: Column) => GraphQLSession;
}

const none = async (): Promise<Target> => ({ id: '', secrets: [] });
/** A report over this month in the test city's areas; the answer only has to be the report's shape. */
const reportCase = (document: string, ok: (result: any) => void) => ({
  document,
  variables: () => ({ filter: { from: '2026-12', to: '2026-12', areaCodes: [city.areaCode, city.otherAreaCode] } }),
  ok,
});
const period = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });
const orgInput = () => ({ kind: 'NPO', name: `matrix ${randomUUID()}`, areaCodes: [city.otherAreaCode], categories: [] });
const referralMove = (document: string, target: () => Promise<Target>, extra: (t: Target) => Record<string, unknown> = () => ({})): Case => ({
  document,
  target,
  variables: (t) => ({ id: t.id, ...extra(t) }),
  unknown: (t) => ({ id: randomUUID(), ...extra(t) }),
  fingerprint: referralFingerprint,
  ok: (result, t) => expect(result.id).toBe(t.id),
});
async function throwawayUser(active = true): Promise<Target> {
  const user = await cloneUser(city.emails.first);
  if (!active) await queryRows(state.databaseUrl, 'UPDATE app_user SET active = false WHERE id = $1', [user.id]);
  return { id: user.id, secrets: [], email: user.email };
}

/** A copy of the column's user, signed in: for calls that change the caller's own account. */
async function signedInCopy(column: Column): Promise<Target> {
  if (column === 'no token') return { id: '', secrets: [] };
  const user = await cloneUser(emailOf[column]);
  return { id: user.id, secrets: [], session: await signIn(state.graphqlUrl, user.email, city.password) };
}

const CASES: Record<string, Case> = {
  login: {
    document: LOGIN,
    variables: (_t, column) => ({ email: emailOf[column], password: city.password }),
    ok: (result, _t, column) => expect(result).toMatchObject({ token: expect.any(String), user: { email: emailOf[column] } }),
  },
  me: { document: `query { me { id email role } }`, variables: () => ({}), ok: (me, _t, column) => expect(me.email).toBe(emailOf[column]) },
  areas: {
    document: `query { areas { code } }`,
    variables: () => ({}),
    ok: (areas) => expect(areas.map((a: { code: string }) => a.code)).toContain(city.areaCode),
  },
  organizations: {
    document: `query O($areaCode: String) { organizations(areaCode: $areaCode) { id } }`,
    variables: () => ({ areaCode: city.areaCode }),
    ok: (orgs) => expect(orgs.map((o: { id: string }) => o.id)).toContain(city.first.id),
  },
  createOrganization: {
    document: `mutation C($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`,
    target: async () => ({ id: '', secrets: [], input: orgInput() }),
    variables: (t) => ({ input: t.input }),
    fingerprint: async (t) => queryRows(state.databaseUrl, 'SELECT id FROM organization WHERE name = $1', [(t.input as { name: string }).name]),
    ok: (org, t) => expect(org.name).toBe((t.input as { name: string }).name),
  },
  updateOrganization: {
    document: `mutation U($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id contactName } }`,
    target: async () => ({ id: city.first.id, secrets: [], contactName: `担当 ${randomUUID().slice(0, 8)}` }),
    variables: (t) => ({ id: t.id, input: { contactName: t.contactName } }),
    fingerprint: organizationFingerprint,
    ok: (org, t) => expect(org).toEqual({ id: city.first.id, contactName: t.contactName }),
  },
  setOrganizationAcceptingReferrals: {
    document: `mutation S($id: ID!) { setOrganizationAcceptingReferrals(id: $id, accepting: true) { id acceptingReferrals } }`,
    target: async () => ({ id: city.first.id, secrets: [] }),
    variables: (t) => ({ id: t.id }),
    unknown: () => ({ id: randomUUID() }),
    fingerprint: organizationFingerprint,
    ok: (org) => expect(org).toEqual({ id: city.first.id, acceptingReferrals: true }),
  },
  importOrganizations: {
    document: `mutation I($csv: String!) { importOrganizations(csv: $csv) { imported errors { line field message } } }`,
    target: async () => ({ id: '', secrets: [], name: `matrix ${randomUUID()}` }),
    variables: (t) => ({ csv: `name,kind,areaCodes,categories\r\n${t.name},NPO,${city.otherAreaCode},\r\n` }),
    fingerprint: async (t) => queryRows(state.databaseUrl, 'SELECT id FROM organization WHERE name = $1', [t.name]),
    ok: (result) => expect(result).toEqual({ imported: 1, errors: [] }),
  },
  routingRules: {
    document: `query R($areaCode: String) { routingRules(category: TRANSPORT, areaCode: $areaCode) { organizations { id } } }`,
    variables: () => ({ areaCode: city.areaCode }),
    ok: (rules) => expect(rules).toEqual([{ organizations: [{ id: city.first.id }, { id: city.second.id }] }]),
  },
  suggestedOrganizations: {
    document: `query S($areaCode: String!) { suggestedOrganizations(category: TRANSPORT, areaCode: $areaCode) { id } }`,
    variables: () => ({ areaCode: city.areaCode }),
    ok: (orgs) => expect(orgs.slice(0, 2)).toEqual([{ id: city.first.id }, { id: city.second.id }]),
  },
  setRoutingRule: {
    // The rule the city already has, so that saving it changes nothing the other tests rely on.
    document: `mutation R($areaCode: String!, $ids: [ID!]!) { setRoutingRule(category: TRANSPORT, areaCode: $areaCode, organizationIds: $ids) { organizations { id } } }`,
    variables: () => ({ areaCode: city.areaCode, ids: [city.first.id, city.second.id] }),
    fingerprint: async () =>
      queryRows(state.databaseUrl, 'SELECT rank, organization_id FROM routing_preference WHERE area_id = $1 ORDER BY category, rank', [city.areaId]),
    ok: (rule) => expect(rule.organizations).toEqual([{ id: city.first.id }, { id: city.second.id }]),
  },
  deadlineRules: { document: `query { deadlineRules { category } }`, variables: () => ({}), ok: (rules) => expect(rules.length).toBe(7) },
  setDeadlineRule: {
    // The rule OTHER has now, put back as it was afterwards (a rule row that was not there is removed again).
    document: `mutation D($input: DeadlineRuleInput!) { setDeadlineRule(input: $input) { category offerResponseDays } }`,
    target: async () => {
      const rules = (
        await data(callers.ADMIN, `query { deadlineRules { category offerResponseDays progressReminderDays unmatchedEscalationDays customized } }`)
      ).deadlineRules;
      const { customized, ...rule } = rules.find((r: { category: string }) => r.category === 'OTHER');
      return { id: '', secrets: [], rule, customized };
    },
    variables: (t) => ({ input: t.rule }),
    fingerprint: async () => queryRows(state.databaseUrl, `SELECT * FROM deadline_rule WHERE category = 'OTHER'`),
    ok: async (result, t) => {
      expect(result).toEqual({ category: 'OTHER', offerResponseDays: (t.rule as { offerResponseDays: number }).offerResponseDays });
      if (!t.customized) await queryRows(state.databaseUrl, `DELETE FROM deadline_rule WHERE category = 'OTHER'`);
    },
  },
  referral: {
    document: `query Q($id: ID!) { referral(id: $id) { ${SHOW} } }`,
    target: offeredToP,
    variables: (t) => ({ id: t.id }),
    unknown: () => ({ id: randomUUID() }),
    ok: (referral, t) => expect(referral).toMatchObject({ id: t.id, status: 'OFFERED' }),
  },
  referrals: {
    document: `query L($filter: ReferralFilter) { referrals(filter: $filter, first: 100) { totalCount edges { node { id summary } } } }`,
    target: offeredToP,
    variables: () => ({ filter: { areaCode: [city.areaCode] } }),
  },
  'referral (former)': {
    document: `query Q($id: ID!) { referral(id: $id) { ${FORMER_SHOW} } }`,
    target: declinedByPCompletedByQ,
    variables: (t) => ({ id: t.id }),
    unknown: () => ({ id: randomUUID() }),
    ok: formerSeen,
  },
  'referrals (former, by holder)': {
    document: `query L($filter: ReferralFilter) { referrals(filter: $filter, first: 100) { totalCount edges { node { ${FORMER_SHOW} } } } }`,
    target: declinedByPCompletedByQ,
    variables: () => ({ filter: { organizationId: city.second.id } }),
  },
  'referrals (former, by status)': {
    document: `query L($filter: ReferralFilter) { referrals(filter: $filter, first: 100) { totalCount edges { node { ${FORMER_SHOW} } } } }`,
    target: declinedByPCompletedByQ,
    variables: () => ({ filter: { status: ['COMPLETED'] } }),
  },
  submitReferral: {
    document: `mutation S($input: SubmitReferralInput!) { submitReferral(input: $input) { ${SHOW} } }`,
    target: async () => {
      const summary = `matrix ${randomUUID()}`;
      return { id: '', secrets: [summary], input: personNeed(city.areaCode, { summary }) };
    },
    variables: (t) => ({ input: t.input }),
    fingerprint: async (t) => queryRows(state.databaseUrl, 'SELECT id FROM referral WHERE summary = $1', [t.secrets[0]]),
    ok: (referral, t) => expect(referral).toMatchObject({ summary: t.secrets[0], status: 'OFFERED', currentOrganization: { id: city.first.id } }),
  },
  acceptReferral: referralMove(ACCEPT, offeredToP),
  'acceptReferral (proxy)': referralMove(ACCEPT, offeredToS),
  declineReferral: referralMove(DECLINE, offeredToP),
  'declineReferral (proxy)': referralMove(DECLINE, offeredToS),
  startReferral: referralMove(START, acceptedByP),
  'startReferral (proxy)': referralMove(START, acceptedForS),
  completeReferral: referralMove(COMPLETE, inProgressAtP),
  'completeReferral (proxy)': referralMove(COMPLETE, inProgressAtS),
  'completeReferral (tier-1)': referralMove(COMPLETE, escalatedT),
  takeReferral: referralMove(TAKE, escalatedT),
  returnReferral: referralMove(RETURN, acceptedByP),
  'returnReferral (proxy)': referralMove(RETURN, acceptedForS),
  'returnReferral (tier-1)': referralMove(RETURN, escalatedT),
  reassignReferral: referralMove(REASSIGN, offeredToP, () => ({ organizationId: city.second.id })),
  escalateReferral: referralMove(ESCALATE, offeredToP),
  withdrawReferral: referralMove(WITHDRAW, offeredToP),
  addReferralNote: referralMove(`mutation N($id: ID!) { addReferralNote(id: $id, note: "メモ") { ${SHOW} } }`, offeredToP),
  extendReferralDeadline: referralMove(
    `mutation X($id: ID!) { extendReferralDeadline(id: $id, businessDays: 1, reason: "手配中") { ${SHOW} } }`,
    offeredToP,
  ),
  holdReferral: referralMove(HOLD, acceptedByP, () => ({ resumeOn: resumeOn() })),
  resumeReferral: referralMove(RESUME, onHoldAtP),
  provisionRecords: {
    document: `query P($from: DateTime!, $to: DateTime!) { provisionRecords(from: $from, to: $to) { totalCount } }`,
    variables: () => period(),
    ok: (result) => expect(result.totalCount).toEqual(expect.any(Number)),
  },
  provisionRecordsCsv: {
    document: `query P($from: DateTime!, $to: DateTime!) { provisionRecordsCsv(from: $from, to: $to) }`,
    variables: () => period(),
    ok: (csv) => expect(csv.startsWith('\uFEFF提供日時,')).toBe(true),
  },
  // Reports (docs/REPORTS.md): figures only, scoped and suppressed per caller (test/e2e/reports.e2e-spec.ts checks the cells).
  needsReport: reportCase(`query R($filter: ReportFilter!) { needsReport(filter: $filter) { total { count display } } }`, (r) =>
    expect(r.total.display).toEqual(expect.any(String)),
  ),
  outcomesReport: reportCase(`query R($filter: ReportFilter!) { outcomesReport(filter: $filter) { total { display } } }`, (r) =>
    expect(r.total.display).toEqual(expect.any(String)),
  ),
  answerTimesReport: reportCase(`query R($filter: ReportFilter!) { answerTimesReport(filter: $filter) { overall { measure } } }`, (r) =>
    expect(r.overall).toHaveLength(3),
  ),
  offersReport: reportCase(`query R($filter: ReportFilter!) { offersReport(filter: $filter) { offers { display } } }`, (r) =>
    expect(r.offers.display).toEqual(expect.any(String)),
  ),
  gapsReport: reportCase(`query R($filter: ReportFilter!) { gapsReport(filter: $filter) { cells { category } } }`, (r) =>
    expect(r.cells.length).toBeGreaterThan(0),
  ),
  partnerLoadReport: reportCase(`query R($filter: ReportFilter!) { partnerLoadReport(filter: $filter) { partners { organizationId } } }`, (r) =>
    expect(Array.isArray(r.partners)).toBe(true),
  ),
  policyTrackReport: reportCase(`query R($filter: ReportFilter!) { policyTrackReport(filter: $filter) { issuesByStatus { status } } }`, (r) =>
    expect(r.issuesByStatus).toHaveLength(5),
  ),
  monthlyReport: {
    document: `query M($month: String!) { monthlyReport(month: $month) { title } }`,
    variables: () => ({ month: '2026-12' }),
    ok: (result) => expect(result.title).toBe('令和8年12月分'),
  },
  // Users and passwords: administrators keep accounts; everyone changes their own password.
  users: {
    document: `query { users(first: 5) { totalCount } }`,
    variables: () => ({}),
    ok: (result) => expect(result.totalCount).toBeGreaterThan(0),
  },
  user: {
    document: `query U($id: ID!) { user(id: $id) { id email } }`,
    target: () => throwawayUser(),
    variables: (t) => ({ id: t.id }),
    ok: (user, t) => expect(user).toEqual({ id: t.id, email: t.email }),
  },
  createUser: {
    document: `mutation C($input: CreateUserInput!) { createUser(input: $input) { user { email } temporaryPassword } }`,
    target: async () => ({ id: '', secrets: [], email: `matrix-${randomUUID().slice(0, 8)}@test.example` }),
    variables: (t) => ({ input: { email: t.email, displayName: 'matrix', role: 'PARTNER', organizationId: city.first.id } }),
    fingerprint: async (t) => queryRows(state.databaseUrl, 'SELECT id FROM app_user WHERE email = $1', [t.email]),
    ok: (result, t) => expect(result).toEqual({ user: { email: t.email }, temporaryPassword: expect.any(String) }),
  },
  deactivateUser: {
    document: `mutation D($id: ID!) { deactivateUser(id: $id) { id active } }`,
    target: () => throwawayUser(),
    variables: (t) => ({ id: t.id }),
    fingerprint: userFingerprint,
    ok: (user, t) => expect(user).toEqual({ id: t.id, active: false }),
  },
  reactivateUser: {
    document: `mutation R($id: ID!) { reactivateUser(id: $id) { id active } }`,
    target: () => throwawayUser(false),
    variables: (t) => ({ id: t.id }),
    fingerprint: userFingerprint,
    ok: (user, t) => expect(user).toEqual({ id: t.id, active: true }),
  },
  resetUserPassword: {
    document: `mutation R($id: ID!) { resetUserPassword(id: $id) { user { id } temporaryPassword } }`,
    target: () => throwawayUser(),
    variables: (t) => ({ id: t.id }),
    fingerprint: userFingerprint,
    ok: (result, t) => expect(result).toEqual({ user: { id: t.id }, temporaryPassword: expect.any(String) }),
  },
  changeMyPassword: {
    // A copy of the column's user, so that the sessions of this file keep working.
    document: `mutation P($current: String!, $next: String!) { changeMyPassword(currentPassword: $current, newPassword: $next) }`,
    target: signedInCopy,
    variables: () => ({ current: city.password, next: `matrix-${randomUUID()}` }),
    caller: (t, column) => (t.session as GraphQLSession | undefined) ?? callers[column],
    ok: (result) => expect(result).toBe(true),
  },
  signOut: {
    // A copy of the column's user too: signing out ends every session of the user.
    document: `mutation { signOut }`,
    target: signedInCopy,
    variables: () => ({}),
    caller: (t, column) => (t.session as GraphQLSession | undefined) ?? callers[column],
    ok: async (result, t) => {
      expect(result).toBe(true);
      expect(codes(await send(t.session as GraphQLSession, `query { me { id } }`))).toEqual(['UNAUTHENTICATED']);
    },
  },
  auditEvents: {
    document: `query { auditEvents(first: 5) { totalCount } }`,
    variables: () => ({}),
    ok: (result) => expect(result.totalCount).toEqual(expect.any(Number)),
  },
  keptMails: {
    document: `query { keptMails(first: 5) { catcherEnabled totalCount } }`,
    variables: () => ({}),
    ok: (result) => expect(result).toEqual({ catcherEnabled: true, totalCount: expect.any(Number) }),
  },
  myNotificationPreferences: {
    document: `query { myNotificationPreferences { kind delivery } }`,
    variables: () => ({}),
    ok: (result) => expect(result).toContainEqual({ kind: 'OFFER', delivery: expect.any(String) }),
  },
  setNotificationPreference: {
    // IMMEDIATE is what every user has unless changed: the column's user gets mail as before.
    document: `mutation N { setNotificationPreference(kind: COMPLETED, delivery: IMMEDIATE) { kind delivery } }`,
    variables: () => ({}),
    ok: (result) => expect(result).toEqual({ kind: 'COMPLETED', delivery: 'IMMEDIATE' }),
  },
  failedNotifications: {
    document: `query { failedNotifications(first: 5) { totalCount } }`,
    variables: () => ({}),
    ok: (result) => expect(result.totalCount).toEqual(expect.any(Number)),
  },
  retryNotification: {
    document: `mutation R($id: ID!) { retryNotification(id: $id) { id status attempts } }`,
    // A mail whose attempts all failed (written here: the matrix does not wait for a refusing SMTP server).
    target: async () => {
      const [row] = await queryRows<{ id: string }>(
        state.databaseUrl,
        `INSERT INTO notification (source_key, recipient_key, kind, recipient_email, facts, delivery, status, attempts, next_attempt_at, last_error)
         VALUES ($1, 'matrix', 'OFFER', 'matrix@test.example', '{}', 'IMMEDIATE', 'FAILED', 8, now(), '550 refused') RETURNING id`,
        [`matrix:${randomUUID()}`],
      );
      return { id: row.id, secrets: [] };
    },
    variables: (t) => ({ id: t.id }),
    unknown: () => ({ id: randomUUID() }),
    fingerprint: async (t) => queryRows(state.databaseUrl, 'SELECT status, attempts FROM notification WHERE id = $1', [t.id]),
    ok: (result, t) => expect(result).toEqual({ id: t.id, status: 'PENDING', attempts: 0 }),
  },
  ...POLICY_CASES(),
};

// ---------------------------------------------------------------------------------------------------------------------

const rows = MATRIX.rows.map((row) => ({ ...operationCell(row[0]), cells: row.slice(2) as Outcome[] }));

describe('docs/SECURITY.md access matrix', () => {
  it('has the columns this test calls as, and a way to make every call it names', () => {
    expect(MATRIX.header.slice(2)).toEqual([...COLUMNS]);
    expect(rows.map((row) => row.key).filter((key) => !CASES[key])).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !rows.some((row) => row.key === key))).toEqual([]);
  });

  /** One shared object per operation for the calls expected to fail: they must leave it as it was. */
  const shared = new Map<string, Promise<Target>>();

  describe.each(rows)('$key', ({ key, operation, cells }) => {
    it.each(COLUMNS.map((column, i) => ({ column, expected: cells[i] })))('$column → $expected', async ({ column, expected }) => {
      const c = CASES[key];
      if (expected === '—') {
        // No such caller: the object belongs to a partner without users (the shop).
        expect(key).toMatch(/\(proxy\)$/);
        return;
      }
      const fresh = expected === 'ok' || c.caller !== undefined;
      let t: Target;
      if (fresh) t = await (c.target ?? none)(column);
      else {
        if (!shared.has(key)) shared.set(key, (c.target ?? none)(column));
        t = await shared.get(key)!;
      }
      const session = c.caller ? c.caller(t, column) : callers[column];
      const before = c.fingerprint && !fresh ? await c.fingerprint(t) : undefined;
      const response = await send(session, c.document, c.variables(t, column));

      switch (expected) {
        case 'ok':
          expect({ column, errors: response.errors }).toEqual({ column, errors: undefined });
          expect(response.data?.[operation]).not.toBeUndefined();
          expect(response.data?.[operation]).not.toBeNull();
          await c.ok?.(response.data![operation], t, column);
          return;
        case 'listed':
        case 'not listed': {
          expect(response.errors).toBeUndefined();
          // A connection (referrals, regionalIssues) or a plain list (subcommitteeMeetings).
          const result = response.data![operation];
          const nodes: Array<{ id: string }> = Array.isArray(result) ? result : result.edges.map((e: { node: { id: string } }) => e.node);
          const ids = nodes.map((node) => node.id);
          if (expected === 'listed') expect(ids).toContain(t.id);
          else {
            expect(ids).not.toContain(t.id);
            for (const secret of t.secrets) expect(JSON.stringify(response)).not.toContain(secret);
          }
          return;
        }
        default: {
          expect({ column, codes: codes(response) }).toEqual({ column, codes: [expected] });
          expect(response.errors![0].path).toEqual([operation]);
          expect(response.data?.[operation] ?? null).toBeNull();
          const body = JSON.stringify(response);
          for (const secret of t.secrets) expect(body).not.toContain(secret);
          if (t.id) expect(body).not.toContain(t.id);
          if (c.fingerprint) expect(await c.fingerprint(t)).toEqual(before);
          if (expected === 'NOT_FOUND') {
            // Exactly the answer about an object that was never there: message, extensions, HTTP status, data.
            expect(c.unknown).toBeDefined();
            const unknown = await send(session, c.document, c.unknown!(t, column));
            expect(withoutPosition(response.errors)).toEqual(withoutPosition(unknown.errors));
            expect(response.status).toBe(unknown.status);
            expect(response.data ?? null).toEqual(unknown.data ?? null);
          }
        }
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------------

const SIGHT_COLUMNS = ['ADMIN', 'TIER1', 'TIER2 own', 'TIER2 other', 'PARTNER P', 'PARTNER Q', 'PARTNER other', 'SUBCOMMITTEE'] as const;
type SightColumn = (typeof SIGHT_COLUMNS)[number];

/** Each situation of the personal-data table, built for real. */
const SITUATIONS: Record<string, () => Promise<Target>> = {
  'offered to P': offeredToP,
  'accepted by P': acceptedByP,
  'in progress at P': inProgressAtP,
  'completed by P': async () => {
    const t = await inProgressAtP();
    await move(callers['PARTNER own'], COMPLETE, { id: t.id });
    return t;
  },
  'declined by P, offered to Q': async () => {
    const t = await offeredToP();
    // P's own answer no longer shows where it went (P has let it go); the coordinator's does.
    expect((await move(callers['PARTNER own'], DECLINE, { id: t.id })).declineReferral.currentOrganization).toBeNull();
    expect(
      (await move(callers['TIER2 own'], `query Q($id: ID!) { referral(id: $id) { ${SHOW} } }`, { id: t.id })).referral.currentOrganization.id,
    ).toBe(city.second.id);
    return t;
  },
  'declined by P, accepted by Q': async () => {
    const t = await SITUATIONS['declined by P, offered to Q']();
    await move(callers['PARTNER other'], ACCEPT, { id: t.id });
    return t;
  },
  'declined by P and Q, unmatched': async () => {
    const t = await SITUATIONS['declined by P, offered to Q']();
    expect((await move(callers['PARTNER other'], DECLINE, { id: t.id })).declineReferral.status).toBe('UNMATCHED');
    return t;
  },
  'reassigned from P to Q': async () => {
    const t = await offeredToP();
    await move(callers['TIER2 own'], REASSIGN, { id: t.id, organizationId: city.second.id });
    return t;
  },
  'accepted by P, then escalated': async () => {
    const t = await acceptedByP();
    await move(callers['TIER2 own'], ESCALATE, { id: t.id });
    return t;
  },
  'accepted by P, then withdrawn': async () => {
    const t = await acceptedByP();
    await move(callers['TIER2 own'], WITHDRAW, { id: t.id });
    return t;
  },
  'no consent, sent to tier-1': () =>
    submitted({ destination: 'TIER1', consent: { obtained: false, method: '口頭', obtainedAt: '2026-01-05T01:00:00.000Z' } }),
};

const CONSENT_SHOW = 'obtained obtainedAt method givenBy';
/** The consent as submitted, as a caller with that sight sees it. */
function consentSeen(submitted: unknown, sight: 'all' | 'fact') {
  const consent = submitted as { obtained: boolean; method: string; obtainedAt: string; givenBy?: string };
  return {
    obtained: consent.obtained,
    obtainedAt: consent.obtainedAt,
    method: sight === 'all' ? consent.method : null,
    givenBy: sight === 'all' ? (consent.givenBy ?? null) : null,
  };
}

describe('docs/SECURITY.md: who sees the subject, situation by situation', () => {
  let elsewhere: GraphQLSession;
  beforeAll(async () => {
    elsewhere = await signIn(state.graphqlUrl, city.emails.elsewhere, city.password);
  });
  const sessionOf = (column: SightColumn): GraphQLSession =>
    column === 'PARTNER P'
      ? callers['PARTNER own']
      : column === 'PARTNER Q'
        ? callers['PARTNER other']
        : column === 'PARTNER other'
          ? elsewhere
          : callers[column];

  it('has the columns this test reads as, and a way to build every situation it names', () => {
    expect(SIGHT_TABLE.header).toEqual(['situation', ...SIGHT_COLUMNS]);
    expect(SIGHT_TABLE.rows.map((row) => row[0]).filter((situation) => !SITUATIONS[situation])).toEqual([]);
    expect(Object.keys(SITUATIONS).filter((situation) => !SIGHT_TABLE.rows.some((row) => row[0] === situation))).toEqual([]);
  });

  it.each(SIGHT_TABLE.rows.map((row) => ({ situation: row[0], expected: row.slice(1) })))('$situation', async ({ situation, expected }) => {
    const t = await SITUATIONS[situation]();
    const [summary, name] = t.secrets;
    const seen: Record<string, string> = {};
    for (const column of SIGHT_COLUMNS) {
      const response = await send(sessionOf(column), `query Q($id: ID!) { referral(id: $id) { ${SHOW} consent { ${CONSENT_SHOW} } } }`, {
        id: t.id,
      });
      if (response.errors) {
        expect(codes(response)).toEqual(['NOT_FOUND']);
        seen[column] = 'NOT_FOUND';
        for (const secret of [summary, name]) expect(JSON.stringify(response)).not.toContain(secret);
        continue;
      }
      const referral = response.data!.referral;
      expect(referral.summary).toBe(summary); // the need itself is visible to whoever sees the referral
      if (referral.subject) {
        expect(referral.subject).toEqual({ displayName: name, ageBand: '70代', contact: expect.stringMatching(/^072-/) });
        expect(referral.subjectAgeBand).toBe('70代');
        // With the whole subject, the whole consent: how and who too (docs/SECURITY.md, "Consent").
        expect(referral.consent).toEqual(consentSeen(t.consent, 'all'));
        seen[column] = 'all';
      } else {
        // Whether and when with the age band, nothing with nothing.
        expect(referral.consent).toEqual(referral.subjectAgeBand === null ? null : consentSeen(t.consent, 'fact'));
        expect(JSON.stringify(referral)).not.toContain(name);
        seen[column] =
          referral.subjectAgeBand === '70代' ? 'age band' : referral.subjectAgeBand === null ? 'none' : `unexpected ${referral.subjectAgeBand}`;
      }
    }
    expect(seen).toEqual(Object.fromEntries(SIGHT_COLUMNS.map((column, i) => [column, expected[i]])));
  });
});

// ---------------------------------------------------------------------------------------------------------------------

describe('a partner probing for another organisation’s referrals learns nothing', () => {
  let hidden: Target;
  let elsewhere: GraphQLSession;
  const partners = () => [
    { name: 'Q (same area, never offered it)', session: callers['PARTNER other'], orgId: city.second.id },
    { name: 'a partner of another area', session: elsewhere, orgId: city.elsewhere.id },
  ];

  beforeAll(async () => {
    elsewhere = await signIn(state.graphqlUrl, city.emails.elsewhere, city.password);
    hidden = await acceptedByP();
  });

  it('through list filters: exactly the referrals it may see, never the other one, and counts to match', async () => {
    const filters: Array<{ filter: Record<string, unknown>; sql: string; params: (orgId: string) => unknown[] }> = [
      { filter: { organizationId: city.first.id }, sql: 'r.current_organization_id = $2', params: () => [city.first.id] },
      { filter: { areaCode: [city.areaCode] }, sql: 'r.area_id = $2', params: () => [city.areaId] },
      { filter: { status: ['ACCEPTED'] }, sql: `r.status = 'ACCEPTED' AND $2::text IS NOT NULL`, params: () => ['-'] },
      {
        filter: { organizationId: city.first.id, areaCode: [city.areaCode], status: ['ACCEPTED', 'OFFERED'], category: ['TRANSPORT'] },
        sql: `r.current_organization_id = $2 AND r.area_id = $3 AND r.status IN ('ACCEPTED', 'OFFERED') AND r.category = 'TRANSPORT'`,
        params: () => [city.first.id, city.areaId],
      },
    ];
    for (const { name, session, orgId } of partners()) {
      for (const { filter, sql, params } of filters) {
        const response = await send(
          session,
          `query L($filter: ReferralFilter) { referrals(filter: $filter, first: 100) { totalCount edges { node { id summary } } } }`,
          {
            filter,
          },
        );
        expect(response.errors).toBeUndefined();
        const expected = await queryRows<{ id: string }>(
          state.databaseUrl,
          `SELECT r.id FROM referral r
            WHERE EXISTS (SELECT 1 FROM referral_handoff h WHERE h.referral_id = r.id AND h.kind = 'OFFERED' AND h.to_organization_id = $1)
              AND ${sql} ORDER BY r.created_at DESC, r.id DESC LIMIT 100`,
          [orgId, ...params(orgId)],
        );
        const ids = response.data!.referrals.edges.map((e: { node: { id: string } }) => e.node.id);
        expect({ name, filter, ids }).toEqual({ name, filter, ids: expected.map((row) => row.id) });
        expect(ids).not.toContain(hidden.id);
        expect(response.data!.referrals.totalCount).toBe(expected.length);
        for (const secret of hidden.secrets) expect(JSON.stringify(response)).not.toContain(secret);
      }
    }
  });

  it('through aliases and several root fields: each hidden one answers as a never-used id', async () => {
    const probe = `query Probe($hidden: ID!, $unknown: ID!, $org: ID!) {
      me { role }
      a: referral(id: $hidden) { id summary subject { displayName } subjectAgeBand handoffs { kind } }
      b: referral(id: $unknown) { id summary subject { displayName } subjectAgeBand handoffs { kind } }
      c: referral(id: $hidden) { id }
      d: referral(id: $unknown) { id }
      list: referrals(filter: { organizationId: $org, status: [ACCEPTED] }) { edges { node { id } } }
    }`;
    for (const { session } of partners()) {
      const response = await send(session, probe, { hidden: hidden.id, unknown: randomUUID(), org: city.first.id });
      expect(response.data).toMatchObject({ me: { role: 'PARTNER' }, a: null, b: null, c: null, d: null });
      expect(response.data!.list.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(hidden.id);
      const errorsAt = (alias: string) => withoutPosition(response.errors?.filter((e) => e.path?.[0] === alias));
      expect(errorsAt('a')).toEqual(errorsAt('b'));
      expect(errorsAt('c')).toEqual(errorsAt('d'));
      expect(errorsAt('a')).toEqual([{ message: expect.any(String), extensions: { code: 'NOT_FOUND', messageJa: '見つかりません' } }]);
      const body = JSON.stringify(response);
      for (const secret of [...hidden.secrets, hidden.id]) expect(body).not.toContain(secret);
    }

    // Mutations run one after another and stop at the first error, so the whole answer is compared: the same
    // document about the hidden referral and about a never-used id must be answered alike, to the byte.
    const before = await referralFingerprint(hidden);
    const moves = `mutation Probe($id: ID!, $to: ID!) {
      note: addReferralNote(id: $id, note: "x") { id summary }
      start: startReferral(id: $id) { id }
      decline: declineReferral(id: $id, reason: OTHER) { id }
      extend: extendReferralDeadline(id: $id, businessDays: 1, reason: "x") { id }
      reassign: reassignReferral(id: $id, organizationId: $to) { id }
      withdraw: withdrawReferral(id: $id, reason: "x") { id }
    }`;
    for (const { session, orgId } of partners()) {
      const probe = await send(session, moves, { id: hidden.id, to: orgId });
      const control = await send(session, moves, { id: randomUUID(), to: orgId });
      expect(probe.data ?? null).toBeNull();
      expect(codes(probe).length).toBeGreaterThanOrEqual(1);
      expect(new Set(codes(probe))).toEqual(new Set(['NOT_FOUND']));
      expect(probe).toEqual(control);
      const body = JSON.stringify(probe);
      for (const secret of [...hidden.secrets, hidden.id]) expect(body).not.toContain(secret);
    }
    expect(await referralFingerprint(hidden)).toEqual(before);
  });

  it('through batched documents: answered exactly as a batch about never-used ids (batching is refused outright)', async () => {
    const batch = (id: string) => [
      { query: `query Q($id: ID!) { referral(id: $id) { id summary } }`, variables: { id } },
      { query: `mutation N($id: ID!) { addReferralNote(id: $id, note: "x") { id } }`, variables: { id } },
    ];
    const before = await referralFingerprint(hidden);
    for (const { session } of partners()) {
      const post = async (body: unknown) => {
        const response = await fetch(state.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
          body: JSON.stringify(body),
        });
        return { status: response.status, text: await response.text() };
      };
      const probe = await post(batch(hidden.id));
      const control = await post(batch(randomUUID()));
      for (const secret of [...hidden.secrets, hidden.id]) expect(probe.text).not.toContain(secret);
      const parsed = JSON.parse(probe.text);
      if (Array.isArray(parsed)) {
        // Were batches accepted, each answer would have to be the never-used id's.
        const strip = (answers: any[]) => answers.map((a) => ({ data: a.data ?? null, errors: withoutPosition(a.errors) }));
        expect(strip(parsed)).toEqual(strip(JSON.parse(control.text)));
      } else {
        expect(probe.status).toBe(400);
        expect(parsed.data ?? null).toBeNull();
        seenErrors.push(...(parsed.errors ?? []));
        expect(probe).toEqual(control); // the same refusal, byte for byte
      }
    }
    expect(await referralFingerprint(hidden)).toEqual(before);
  });
});

describe('errors', () => {
  it('carry no stack trace, whichever call failed', () => {
    expect(seenErrors.length).toBeGreaterThan(100);
    for (const error of seenErrors) {
      expect(error.extensions ?? {}).not.toHaveProperty('stacktrace');
      expect(error.message).not.toMatch(/\n\s+at |\.js:\d+|node_modules/);
    }
  });
});
