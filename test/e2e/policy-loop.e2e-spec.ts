// The loop through the policy track, against the real api, worker, PostgreSQL and Temporal (DOMAIN.md, "The policy
// track", step 6, and "Policy statuses and rules (as built)"): a need with tier-1 ends when its issue is closed, one a
// partner holds goes on; meetings decide only once held, and may be moved, cancelled or cleared before.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, personNeed, SUBMIT } from './support/documents';
import {
  ADD_TO_AGENDA,
  CLOSE_ISSUE,
  CREATE_ISSUE,
  CREATE_MEETING,
  DECIDE,
  DRAFT,
  eventually,
  ISSUE,
  issueInput,
  PROPOSAL,
  subcommitteeSession,
  SUBMIT_PROPOSAL,
} from './support/policy';

jest.setTimeout(180_000);

const state = readE2eState();
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let partner: GraphQLSession;
let admin: GraphQLSession;
let subcommittee: GraphQLSession;
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'policyloop');
  [tier1, tier2, partner, admin] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.admin, city.password),
  ]);
  subcommittee = await subcommitteeSession(state.graphqlUrl, admin, state.databaseUrl, city.emails.tier1);
  connection = await Connection.connect({ address: state.temporalAddress });
  temporal = new Client({ connection, namespace: 'tsunagu' });
});

afterAll(async () => {
  await connection?.close();
});

const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

const REFERRAL = `query R($id: ID!) { referral(id: $id) {
  id status outcome
  handoffs { seq kind reason note actor { id } regionalIssue { id status } }
  regionalIssues { id status }
} }`;
const MEETING_FIELDS = `id title heldAt cancelledAt cancelReason agenda { proposal { id status } decision }`;
const RESCHEDULE = `mutation M($id: ID!, $heldAt: DateTime!) { rescheduleSubcommitteeMeeting(id: $id, heldAt: $heldAt) { ${MEETING_FIELDS} } }`;
const CANCEL = `mutation C($id: ID!, $reason: String!) { cancelSubcommitteeMeeting(id: $id, reason: $reason) { ${MEETING_FIELDS} } }`;
const REMOVE = `mutation X($meetingId: ID!, $proposalId: ID!, $reason: String) {
  removeProposalFromAgenda(meetingId: $meetingId, proposalId: $proposalId, reason: $reason) { ${MEETING_FIELDS} }
}`;
const MEETING = `query M($id: ID!) { subcommitteeMeeting(id: $id) { ${MEETING_FIELDS} } }`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');

async function workflowStatus(referralId: string): Promise<string> {
  const [row] = await queryRows<{ workflow_id: string }>(state.databaseUrl, 'SELECT workflow_id FROM referral WHERE id = $1', [referralId]);
  return (await temporal.workflow.getHandle(row.workflow_id).describe()).status.name;
}

async function meeting(days: number): Promise<{ id: string; title: string; heldAt: string }> {
  const title = `部会 ${randomUUID().slice(0, 8)}`;
  return (await subcommittee.data(CREATE_MEETING, { input: { title, heldAt: inDays(days) } })).createSubcommitteeMeeting;
}

/** A SUBMITTED proposal on a fresh issue with one need sent to tier-1. */
async function submittedProposal(): Promise<{ issueId: string; proposalId: string }> {
  const referral = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, { destination: 'TIER1' }) })).submitReferral;
  const issue = (await tier1.data(CREATE_ISSUE, { input: issueInput([city.areaCode], [referral.id]) })).createRegionalIssue;
  const proposal = (await tier1.data(DRAFT, { issueId: issue.id, input: { title: '移動支援の補助', body: '本文' } })).draftPolicyProposal;
  await tier1.data(SUBMIT_PROPOSAL, { id: proposal.id });
  return { issueId: issue.id, proposalId: proposal.id };
}

describe('a need of a final issue ends', () => {
  it('closing the issue completes the escalated need (TAKEN_INTO_REGIONAL_ISSUE); the one a partner holds goes on', async () => {
    const withTier1 = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, { destination: 'TIER1' }) })).submitReferral;
    const offered = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
    expect(offered.currentOrganization.id).toBe(city.first.id);
    const held = (await partner.data(ACCEPT, { id: offered.id })).acceptReferral;
    expect([withTier1.status, held.status]).toEqual(['ESCALATED', 'ACCEPTED']);

    const issue = (await tier1.data(CREATE_ISSUE, { input: issueInput([city.areaCode], [withTier1.id, held.id]) })).createRegionalIssue;
    const closed = (await tier1.data(CLOSE_ISSUE, { id: issue.id, reason: '既存の移送サービスで対応できた' })).closeRegionalIssue;
    expect(closed.status).toBe('CLOSED');

    // The coordinator who found it sees it ended, with the issue's entry right before the system's COMPLETED.
    const ended = await eventually(
      async () => (await tier2.data(REFERRAL, { id: withTier1.id })).referral,
      (r) => r.status === 'COMPLETED',
    );
    expect(ended).toMatchObject({ status: 'COMPLETED', outcome: 'TAKEN_INTO_REGIONAL_ISSUE', regionalIssues: [{ id: issue.id, status: 'CLOSED' }] });
    const tail = ended.handoffs.slice(-2);
    expect(tail).toEqual([
      expect.objectContaining({ kind: 'ISSUE_CLOSED', reason: '既存の移送サービスで対応できた', regionalIssue: { id: issue.id, status: 'CLOSED' } }),
      {
        seq: tail[0].seq + 1,
        kind: 'COMPLETED',
        reason: 'TAKEN_INTO_REGIONAL_ISSUE',
        note: '地域課題が終了となったため完了しました',
        actor: null,
        regionalIssue: null,
      },
    ]);
    expect(
      await eventually(
        () => workflowStatus(withTier1.id),
        (s) => s === 'COMPLETED',
      ),
    ).toBe('COMPLETED');

    // The partner's referral shows the entry and stays ACCEPTED: it ends by its own outcome.
    const goesOn = await eventually(
      async () => (await tier2.data(REFERRAL, { id: held.id })).referral,
      (r) => r.handoffs.some((h: any) => h.kind === 'ISSUE_CLOSED'),
    );
    expect(goesOn).toMatchObject({ status: 'ACCEPTED', outcome: null });
    expect(goesOn.handoffs.at(-1).kind).toBe('ISSUE_CLOSED');
    expect(await workflowStatus(held.id)).toBe('RUNNING');
  });
});

describe('meetings decide when they meet', () => {
  it('refuses a decision before the meeting, saying when it is; records it once held', async () => {
    const { proposalId } = await submittedProposal();
    const ahead = await meeting(40);
    await subcommittee.data(ADD_TO_AGENDA, { meetingId: ahead.id, proposalId });
    const early = await subcommittee.send(DECIDE, { meetingId: ahead.id, proposalId, decision: 'ADOPTED', minutes: '採択' });
    expect(codes(early)).toEqual(['CONFLICT']);
    expect(early.errors![0].extensions!.heldAt).toBe(ahead.heldAt);
    expect(early.errors![0].message).toMatch(/^この部会は\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{1,2}:\d{2}に開催予定です/);
    expect((await tier1.data(PROPOSAL, { id: proposalId })).policyProposal.status).toBe('ON_AGENDA');

    // Moved to yesterday (it was held early): now the decision is recorded.
    const yesterday = inDays(-1);
    const moved = (await subcommittee.data(RESCHEDULE, { id: ahead.id, heldAt: yesterday })).rescheduleSubcommitteeMeeting;
    expect(moved).toMatchObject({ heldAt: yesterday, cancelledAt: null });
    const decided = (await subcommittee.data(DECIDE, { meetingId: ahead.id, proposalId, decision: 'CONTINUED', minutes: '継続' }))
      .recordSubcommitteeDecision;
    expect(decided.status).toBe('CONTINUED');
    // Held now: no more moving, cancelling or taking off.
    for (const response of [
      await subcommittee.send(RESCHEDULE, { id: ahead.id, heldAt: inDays(10) }),
      await subcommittee.send(CANCEL, { id: ahead.id, reason: '中止' }),
      await subcommittee.send(REMOVE, { meetingId: ahead.id, proposalId }),
    ]) {
      expect(codes(response)).toEqual(['CONFLICT']);
      expect(response.errors![0].message).toContain('開催済み');
    }
  });

  it('takes a proposal off an agenda before the meeting; it goes back and onto another meeting', async () => {
    const { issueId, proposalId } = await submittedProposal();
    const [first, second] = [await meeting(20), await meeting(50)];
    await subcommittee.data(ADD_TO_AGENDA, { meetingId: first.id, proposalId });
    const cleared = (await subcommittee.data(REMOVE, { meetingId: first.id, proposalId, reason: '資料が揃わないため' })).removeProposalFromAgenda;
    expect(cleared.agenda).toEqual([]);
    expect((await tier1.data(PROPOSAL, { id: proposalId })).policyProposal).toMatchObject({ status: 'SUBMITTED', agenda: [] });
    const events = (await tier1.data(ISSUE, { id: issueId })).regionalIssue.events;
    expect(events.at(-1)).toMatchObject({
      kind: 'REMOVED_FROM_AGENDA',
      note: '資料が揃わないため',
      meeting: { id: first.id },
      proposal: { id: proposalId },
    });
    // Not on the agenda any more: taking it off again is CONFLICT.
    expect(codes(await subcommittee.send(REMOVE, { meetingId: first.id, proposalId }))).toEqual(['CONFLICT']);
    const onSecond = (await subcommittee.data(ADD_TO_AGENDA, { meetingId: second.id, proposalId })).addProposalToAgenda;
    expect(onSecond.agenda).toEqual([{ proposal: { id: proposalId, status: 'ON_AGENDA' }, decision: null, minutes: null }]);
  });

  it('cancels a meeting not yet held: its proposals go back, and it takes nothing more', async () => {
    const { proposalId } = await submittedProposal();
    const m = await meeting(30);
    await subcommittee.data(ADD_TO_AGENDA, { meetingId: m.id, proposalId });
    const blank = await subcommittee.send(CANCEL, { id: m.id, reason: '  ' });
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors![0].extensions!.fields).toEqual(['reason']);

    const cancelled = (await subcommittee.data(CANCEL, { id: m.id, reason: '台風のため' })).cancelSubcommitteeMeeting;
    expect(cancelled).toMatchObject({ cancelledAt: expect.any(String), cancelReason: '台風のため', agenda: [] });
    const proposal = (await tier1.data(PROPOSAL, { id: proposalId })).policyProposal;
    expect(proposal).toMatchObject({ status: 'SUBMITTED', agenda: [], issue: { status: 'IN_DELIBERATION' } });
    for (const response of [
      await subcommittee.send(ADD_TO_AGENDA, { meetingId: m.id, proposalId }),
      await subcommittee.send(RESCHEDULE, { id: m.id, heldAt: inDays(40) }),
      await subcommittee.send(CANCEL, { id: m.id, reason: '再度' }),
    ]) {
      expect(codes(response)).toEqual(['CONFLICT']);
      expect(response.errors![0].message).toBe('この部会は中止されています');
    }
    expect((await subcommittee.data(MEETING, { id: m.id })).subcommitteeMeeting.cancelReason).toBe('台風のため');
    // The proposal goes on another meeting's agenda.
    const other = await meeting(60);
    expect((await subcommittee.data(ADD_TO_AGENDA, { meetingId: other.id, proposalId })).addProposalToAgenda.agenda).toHaveLength(1);
  });

  it('lets only the subcommittee move, cancel or clear a meeting', async () => {
    const m = await meeting(25);
    for (const session of [tier1, tier2, partner, admin]) {
      expect(codes(await session.send(RESCHEDULE, { id: m.id, heldAt: inDays(26) }))).toEqual(['FORBIDDEN']);
      expect(codes(await session.send(CANCEL, { id: m.id, reason: '中止' }))).toEqual(['FORBIDDEN']);
      expect(codes(await session.send(REMOVE, { meetingId: m.id, proposalId: randomUUID() }))).toEqual(['FORBIDDEN']);
    }
    expect((await subcommittee.data(MEETING, { id: m.id })).subcommitteeMeeting).toMatchObject({ heldAt: m.heldAt, cancelledAt: null });
    expect(codes(await subcommittee.send(RESCHEDULE, { id: randomUUID(), heldAt: inDays(26) }))).toEqual(['NOT_FOUND']);
  });
});
