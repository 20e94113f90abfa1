// GraphQL documents and helpers of the policy track's e2e tests (regional issues, proposals, meetings, actions).
import { randomUUID } from 'node:crypto';
import { GraphQLSession, queryRows, signInFirstTime } from '@tsunagu/testing/e2e';

export const ISSUE_FIELDS = `
  id title description category status referralCount closedReason createdAt updatedAt
  areas { code }
  createdBy { id }
  referrals { id status }
  proposals { id title status revision }
  events { seq kind decision note referralId actor { id } proposal { id } meeting { id } action { id } at }
`;
export const PROPOSAL_FIELDS = `
  id title body status revision submittedAt
  issue { id status }
  agenda { meeting { id title } decision minutes decidedAt decidedBy { id } addedAt }
  followUpActions { id description owner dueOn doneAt doneNote doneBy { id } overdue remindedAt }
`;
export const MEETING_FIELDS = `id title heldAt location agenda { proposal { id status } decision minutes }`;
export const ACTION_FIELDS = `id description owner dueOn doneAt doneNote overdue proposal { id status }`;

export const CREATE_ISSUE = `mutation C($input: CreateRegionalIssueInput!) { createRegionalIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const UPDATE_ISSUE = `mutation U($id: ID!, $input: UpdateRegionalIssueInput!) { updateRegionalIssue(id: $id, input: $input) { ${ISSUE_FIELDS} } }`;
export const LINK = `mutation L($id: ID!, $referralIds: [ID!]!, $note: String) { linkReferralsToIssue(id: $id, referralIds: $referralIds, note: $note) { ${ISSUE_FIELDS} } }`;
export const UNLINK = `mutation X($id: ID!, $referralId: ID!, $reason: String!) { unlinkReferralFromIssue(id: $id, referralId: $referralId, reason: $reason) { ${ISSUE_FIELDS} } }`;
export const CLOSE_ISSUE = `mutation Z($id: ID!, $reason: String!) { closeRegionalIssue(id: $id, reason: $reason) { ${ISSUE_FIELDS} } }`;
export const ISSUE = `query I($id: ID!) { regionalIssue(id: $id) { ${ISSUE_FIELDS} } }`;
export const ISSUES = `query Is($filter: RegionalIssueFilter, $first: Int, $after: String) {
  regionalIssues(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status } } }
}`;
export const SUGGESTIONS = `query S($windowDays: Int) {
  suggestedRegionalIssues(windowDays: $windowDays) { category windowDays firstAt lastAt areas { code } referrals { id area { code } } }
}`;
export const DRAFT = `mutation D($issueId: ID!, $input: PolicyProposalInput!) { draftPolicyProposal(issueId: $issueId, input: $input) { ${PROPOSAL_FIELDS} } }`;
export const REVISE = `mutation V($id: ID!, $input: PolicyProposalInput!) { revisePolicyProposal(id: $id, input: $input) { ${PROPOSAL_FIELDS} } }`;
export const SUBMIT_PROPOSAL = `mutation S($id: ID!) { submitPolicyProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const PROPOSAL = `query P($id: ID!) { policyProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const CREATE_MEETING = `mutation M($input: CreateSubcommitteeMeetingInput!) { createSubcommitteeMeeting(input: $input) { ${MEETING_FIELDS} } }`;
export const MEETING = `query M($id: ID!) { subcommitteeMeeting(id: $id) { ${MEETING_FIELDS} } }`;
export const MEETINGS = `query Ms($from: DateTime, $to: DateTime) { subcommitteeMeetings(from: $from, to: $to) { ${MEETING_FIELDS} } }`;
export const ADD_TO_AGENDA = `mutation A($meetingId: ID!, $proposalId: ID!) { addProposalToAgenda(meetingId: $meetingId, proposalId: $proposalId) { ${MEETING_FIELDS} } }`;
export const DECIDE = `mutation R($meetingId: ID!, $proposalId: ID!, $decision: SubcommitteeDecision!, $minutes: String!) {
  recordSubcommitteeDecision(meetingId: $meetingId, proposalId: $proposalId, decision: $decision, minutes: $minutes) { ${PROPOSAL_FIELDS} }
}`;
export const ADD_ACTION = `mutation F($proposalId: ID!, $input: FollowUpActionInput!) { addFollowUpAction(proposalId: $proposalId, input: $input) { ${ACTION_FIELDS} } }`;
export const COMPLETE_ACTION = `mutation O($id: ID!, $note: String) { completeFollowUpAction(id: $id, note: $note) { ${ACTION_FIELDS} } }`;

/** A referral with its handoffs' policy links and the issues it is linked to. */
export const REFERRAL_WITH_POLICY = `query R($id: ID!) { referral(id: $id) {
  id status
  handoffs { seq kind reason note at regionalIssue { id status } policyProposal { id status } }
  regionalIssues { id status title }
} }`;

export function issueInput(areaCodes: string[], referralIds: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clientRequestId: `issue-${randomUUID()}`,
    title: `北部の通院の足 ${randomUUID().slice(0, 8)}`,
    description: '複数の圏域で通院の移動手段が見つからない。',
    category: 'TRANSPORT',
    areaCodes,
    referralIds,
    ...overrides,
  };
}

/** Polls `read` until `done` holds (the referral mirror is written just after the issue's update returns). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}

/** A SUBCOMMITTEE user made the way an administrator would (createUser), signed in after choosing their own password. */
export async function subcommitteeSession(
  url: string,
  admin: GraphQLSession,
  databaseUrl: string,
  cityHallUserEmail: string,
): Promise<GraphQLSession> {
  const [home] = await queryRows<{ organization_id: string }>(databaseUrl, 'SELECT organization_id FROM app_user WHERE email = $1', [
    cityHallUserEmail,
  ]);
  const email = `subcommittee-${randomUUID().slice(0, 8)}@test.example`;
  const created = await admin.data(`mutation C($input: CreateUserInput!) { createUser(input: $input) { user { id } temporaryPassword } }`, {
    input: { email, displayName: '部会事務局', role: 'SUBCOMMITTEE', organizationId: home.organization_id },
  });
  return (await signInFirstTime(url, email, created.createUser.temporaryPassword)).session;
}

export const POLICY_KINDS = [
  'LINKED_TO_ISSUE',
  'UNLINKED_FROM_ISSUE',
  'PROPOSAL_SUBMITTED',
  'SUBCOMMITTEE_DECISION',
  'POLICY_IMPLEMENTED',
  'ISSUE_CLOSED',
];
