// Bad input and illegal moves on the policy track, through GraphQL against the real stack: each is refused with the
// right code (BAD_USER_INPUT naming the fields, CONFLICT, NOT_FOUND) and leaves nothing behind: no issue row, no
// workflow, no change to an existing issue.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity, workflowExists } from '@tsunagu/testing/e2e';
import { personNeed, SUBMIT } from './support/documents';
import {
  ADD_ACTION,
  ADD_TO_AGENDA,
  CLOSE_ISSUE,
  COMPLETE_ACTION,
  CREATE_ISSUE,
  CREATE_MEETING,
  DECIDE,
  DRAFT,
  issueInput,
  LINK,
  REVISE,
  subcommitteeSession,
  SUBMIT_PROPOSAL,
  UNLINK,
  UPDATE_ISSUE,
} from './support/policy';

jest.setTimeout(120_000);

const state = readE2eState();
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let subcommittee: GraphQLSession;
let connection: Connection;
let temporal: Client;
let referralId: string;

const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);
const fieldsOf = (response: GraphQLResponse<unknown>) => [...((response.errors?.[0]?.extensions?.fields as string[]) ?? [])].sort();

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'policy-validation');
  [tier1, tier2] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
  ]);
  const admin = await signIn(state.graphqlUrl, city.emails.admin, city.password);
  subcommittee = await subcommitteeSession(state.graphqlUrl, admin, state.databaseUrl, city.emails.tier1);
  connection = await Connection.connect({ address: state.temporalAddress });
  temporal = new Client({ connection, namespace: 'tsunagu' });
  referralId = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, { destination: 'TIER1' }) })).submitReferral.id;
});

afterAll(async () => {
  await connection?.close();
});

/** Everything a refused change must leave as it was. */
async function issueFacts(id: string) {
  return queryRows(
    state.databaseUrl,
    `SELECT i.status, i.title, i.description, i.last_seq, i.updated_at,
            (SELECT count(*)::int FROM regional_issue_event e WHERE e.issue_id = i.id) AS events,
            (SELECT count(*)::int FROM regional_issue_referral l WHERE l.issue_id = i.id) AS links,
            (SELECT count(*)::int FROM regional_issue_area a WHERE a.issue_id = i.id) AS areas,
            (SELECT count(*)::int FROM policy_proposal p WHERE p.issue_id = i.id) AS proposals,
            (SELECT count(*)::int FROM follow_up_action f JOIN policy_proposal p ON p.id = f.proposal_id WHERE p.issue_id = i.id) AS actions
       FROM regional_issue i WHERE i.id = $1`,
    [id],
  );
}

async function newIssue(): Promise<string> {
  return (await tier1.data(CREATE_ISSUE, { input: issueInput([city.areaCode], [referralId]) })).createRegionalIssue.id;
}

describe('invalid regional issues', () => {
  const long = (n: number) => 'あ'.repeat(n);
  const cases: Array<[string, () => Record<string, unknown>, string[]]> = [
    ['an empty title', () => issueInput([city.areaCode], [], { title: '' }), ['title']],
    ['a blank title', () => issueInput([city.areaCode], [], { title: ' \n ' }), ['title']],
    ['a title of 201 characters', () => issueInput([city.areaCode], [], { title: long(201) }), ['title']],
    ['a description of 10001 characters', () => issueInput([city.areaCode], [], { description: long(10_001) }), ['description']],
    ['a blank description', () => issueInput([city.areaCode], [], { description: '   ' }), ['description']],
    ['no area', () => issueInput([], []), ['areaCodes']],
    ['an unknown area', () => issueInput([city.areaCode, `NO-SUCH-${randomUUID().slice(0, 6)}`], []), ['areaCodes']],
    ['an unknown referral', () => issueInput([city.areaCode], [randomUUID()]), ['referralIds']],
    ['a referral id that is no id', () => issueInput([city.areaCode], ['not-an-id']), ['referralIds']],
    ['a bad clientRequestId', () => issueInput([city.areaCode], [], { clientRequestId: 'a b/c' }), ['clientRequestId']],
    ['several problems at once', () => issueInput([`NO-SUCH-${randomUUID().slice(0, 6)}`], [randomUUID()], { title: '' }), ['title']],
    ['an unknown area and referral', () => issueInput([`NO-SUCH-${randomUUID().slice(0, 6)}`], [randomUUID()]), ['areaCodes', 'referralIds']],
  ];

  it.each(cases)('%s: BAD_USER_INPUT naming the fields, no issue, no workflow', async (_name, input, fields) => {
    const values = input();
    const response = await tier1.send(CREATE_ISSUE, { input: values });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(response)).toEqual([...fields].sort());
    expect(response.data ?? null).toBeNull();
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM regional_issue WHERE title = $1', [values.title])).toEqual([]);
    expect(await workflowExists(temporal, `regional-issue:${tier1.userId}:${values.clientRequestId}`)).toBe(false);
  });

  it('a valid one, for contrast, has its row and its workflow', async () => {
    const values = issueInput([city.areaCode], [referralId]);
    const issue = (await tier1.data(CREATE_ISSUE, { input: values })).createRegionalIssue;
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM regional_issue WHERE title = $1', [values.title])).toEqual([{ id: issue.id }]);
    expect(await workflowExists(temporal, `regional-issue:${tier1.userId}:${values.clientRequestId}`)).toBe(true);
  });
});

describe('invalid changes leave the issue as it was', () => {
  let issueId: string;
  let proposalId: string;
  let meetingId: string;

  beforeAll(async () => {
    issueId = await newIssue();
    proposalId = (await tier1.data(DRAFT, { issueId, input: { title: '提言', body: '本文' } })).draftPolicyProposal.id;
    meetingId = (await subcommittee.data(CREATE_MEETING, { input: { title: '部会', heldAt: '2026-01-20T05:00:00.000Z' } })).createSubcommitteeMeeting
      .id;
  });

  const cases: Array<[string, () => [GraphQLSession, string, Record<string, unknown>], string[]]> = [
    ['updateRegionalIssue with nothing to change', () => [tier1, UPDATE_ISSUE, { id: issueId, input: {} }], ['input']],
    [
      'updateRegionalIssue with a title of 201 characters',
      () => [tier1, UPDATE_ISSUE, { id: issueId, input: { title: 'x'.repeat(201) } }],
      ['title'],
    ],
    ['updateRegionalIssue with no area', () => [tier1, UPDATE_ISSUE, { id: issueId, input: { areaCodes: [] } }], ['areaCodes']],
    ['updateRegionalIssue with an unknown area', () => [tier1, UPDATE_ISSUE, { id: issueId, input: { areaCodes: ['NO-SUCH'] } }], ['areaCodes']],
    ['linkReferralsToIssue with none', () => [tier1, LINK, { id: issueId, referralIds: [] }], ['referralIds']],
    ['linkReferralsToIssue with an unknown referral', () => [tier1, LINK, { id: issueId, referralIds: [randomUUID()] }], ['referralIds']],
    ['unlinkReferralFromIssue with a blank reason', () => [tier1, UNLINK, { id: issueId, referralId, reason: ' ' }], ['reason']],
    ['closeRegionalIssue with a reason of 2001 characters', () => [tier1, CLOSE_ISSUE, { id: issueId, reason: 'x'.repeat(2001) }], ['reason']],
    [
      'draftPolicyProposal with a body of 10001 characters',
      () => [tier1, DRAFT, { issueId, input: { title: 't', body: 'x'.repeat(10_001) } }],
      ['body'],
    ],
    ['revisePolicyProposal with an empty title', () => [tier1, REVISE, { id: proposalId, input: { title: '', body: 'b' } }], ['title']],
    [
      'recordSubcommitteeDecision with empty minutes',
      () => [subcommittee, DECIDE, { meetingId, proposalId, decision: 'ADOPTED', minutes: '' }],
      ['minutes'],
    ],
    [
      'addFollowUpAction with a day that does not exist',
      () => [tier1, ADD_ACTION, { proposalId, input: { description: 'd', owner: 'o', dueOn: '2027-02-30' } }],
      ['dueOn'],
    ],
    [
      'addFollowUpAction with a day written otherwise',
      () => [tier1, ADD_ACTION, { proposalId, input: { description: 'd', owner: 'o', dueOn: '2027/03/01' } }],
      ['dueOn'],
    ],
    [
      'addFollowUpAction with an owner of 201 characters',
      () => [tier1, ADD_ACTION, { proposalId, input: { description: 'd', owner: 'o'.repeat(201), dueOn: '2027-03-01' } }],
      ['owner'],
    ],
    ['completeFollowUpAction with a note of 2001 characters', () => [tier1, COMPLETE_ACTION, { id: randomUUID(), note: 'x'.repeat(2001) }], ['note']],
  ];

  it.each(cases)('%s: BAD_USER_INPUT', async (_name, call, fields) => {
    const before = await issueFacts(issueId);
    const [session, document, variables] = call();
    const response = await session.send(document, variables);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(response)).toEqual([...fields].sort());
    expect(await issueFacts(issueId)).toEqual(before);
  });

  it('a meeting with a blank title or no date is refused and not written', async () => {
    const blank = await subcommittee.send(CREATE_MEETING, { input: { title: '   ', heldAt: '2027-01-20T05:00:00.000Z' } });
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(blank)).toEqual(['title']);
    const title = `部会 ${randomUUID()}`;
    const notADate = await subcommittee.send(CREATE_MEETING, { input: { title, heldAt: '来月' } });
    expect(codes(notADate)).toEqual(['BAD_USER_INPUT']);
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM subcommittee_meeting WHERE title = $1 OR btrim(title) = $2', [title, ''])).toEqual([]);
  });
});

describe('illegal moves are CONFLICT, unknown objects NOT_FOUND', () => {
  it('refuses each move the issue’s or proposal’s state does not allow, and changes nothing', async () => {
    const issueId = await newIssue();
    const refused = async (session: GraphQLSession, document: string, variables: Record<string, unknown>, code = 'CONFLICT') => {
      const before = await issueFacts(issueId);
      const response = await session.send(document, variables);
      expect({ variables, codes: codes(response) }).toEqual({ variables, codes: [code] });
      expect(await issueFacts(issueId)).toEqual(before);
    };
    const draft = (await tier1.data(DRAFT, { issueId, input: { title: '提言', body: '本文' } })).draftPolicyProposal.id;
    const meeting = (await subcommittee.data(CREATE_MEETING, { input: { title: '部会', heldAt: '2026-02-20T05:00:00.000Z' } }))
      .createSubcommitteeMeeting.id;
    const later = (await subcommittee.data(CREATE_MEETING, { input: { title: '部会2', heldAt: '2026-03-20T05:00:00.000Z' } }))
      .createSubcommitteeMeeting.id;

    // A draft: no actions yet, nothing to decide; the subcommittee does not even see it.
    await refused(tier1, ADD_ACTION, { proposalId: draft, input: { description: 'd', owner: 'o', dueOn: '2027-03-01' } });
    await refused(subcommittee, ADD_TO_AGENDA, { meetingId: meeting, proposalId: draft }, 'NOT_FOUND');

    await tier1.data(SUBMIT_PROPOSAL, { id: draft });
    await refused(tier1, SUBMIT_PROPOSAL, { id: draft }); // already submitted
    await refused(tier1, REVISE, { id: draft, input: { title: 't', body: 'b' } }); // SUBMITTED is not revised
    await refused(tier1, CLOSE_ISSUE, { id: issueId, reason: '不要' }); // only an OPEN issue closes
    await refused(subcommittee, DECIDE, { meetingId: meeting, proposalId: draft, decision: 'ADOPTED', minutes: '採択' }); // not on its agenda

    await subcommittee.data(ADD_TO_AGENDA, { meetingId: meeting, proposalId: draft });
    await refused(subcommittee, ADD_TO_AGENDA, { meetingId: meeting, proposalId: draft }); // already on it
    await refused(subcommittee, DECIDE, { meetingId: later, proposalId: draft, decision: 'ADOPTED', minutes: '採択' }); // another meeting's item
    await subcommittee.data(DECIDE, { meetingId: meeting, proposalId: draft, decision: 'REJECTED', minutes: '不採択' });
    await refused(subcommittee, ADD_TO_AGENDA, { meetingId: later, proposalId: draft }); // REJECTED is final for it
    await refused(tier1, ADD_ACTION, { proposalId: draft, input: { description: 'd', owner: 'o', dueOn: '2027-03-01' } });

    // Unknown objects.
    await refused(subcommittee, ADD_TO_AGENDA, { meetingId: randomUUID(), proposalId: draft }, 'NOT_FOUND');
    await refused(tier1, UNLINK, { id: issueId, referralId: randomUUID(), reason: '誤り' }, 'NOT_FOUND');
    await refused(tier1, COMPLETE_ACTION, { id: randomUUID() }, 'NOT_FOUND');
    await refused(tier1, UPDATE_ISSUE, { id: randomUUID(), input: { title: 't' } }, 'NOT_FOUND');
  });

  it('a closed issue takes nothing more, and an action is done once', async () => {
    const closedId = await newIssue();
    expect((await tier1.data(CLOSE_ISSUE, { id: closedId, reason: '対応不要' })).closeRegionalIssue.status).toBe('CLOSED');
    for (const [document, variables] of [
      [UPDATE_ISSUE, { id: closedId, input: { title: '再開' } }],
      [LINK, { id: closedId, referralIds: [referralId] }],
      [DRAFT, { issueId: closedId, input: { title: 't', body: 'b' } }],
      [CLOSE_ISSUE, { id: closedId, reason: '再度' }],
    ] as const) {
      expect(codes(await tier1.send(document, variables))).toEqual(['CONFLICT']);
    }

    const issueId = await newIssue();
    const proposalId = (await tier1.data(DRAFT, { issueId, input: { title: '提言', body: '本文' } })).draftPolicyProposal.id;
    await tier1.data(SUBMIT_PROPOSAL, { id: proposalId });
    const meetingId = (await subcommittee.data(CREATE_MEETING, { input: { title: '部会', heldAt: '2026-04-20T05:00:00.000Z' } }))
      .createSubcommitteeMeeting.id;
    await subcommittee.data(ADD_TO_AGENDA, { meetingId, proposalId });
    await subcommittee.data(DECIDE, { meetingId, proposalId, decision: 'ADOPTED', minutes: '採択' });
    const a1 = (await tier1.data(ADD_ACTION, { proposalId, input: { description: 'd1', owner: 'o', dueOn: '2020-01-01' } })).addFollowUpAction;
    const a2 = (await tier1.data(ADD_ACTION, { proposalId, input: { description: 'd2', owner: 'o', dueOn: '2099-01-01' } })).addFollowUpAction;
    expect([a1.overdue, a2.overdue]).toEqual([true, false]);
    await tier1.data(COMPLETE_ACTION, { id: a1.id });
    expect(codes(await tier1.send(COMPLETE_ACTION, { id: a1.id }))).toEqual(['CONFLICT']);
    // A second proposal cannot be adopted while one is: drafting is not even allowed once the issue is in implementation.
    expect(codes(await tier1.send(DRAFT, { issueId, input: { title: 't', body: 'b' } }))).toEqual(['CONFLICT']);
  });
});
