// The role guard runs before the arguments are looked at, for every operation: a role that may never call an operation
// (every cell of its columns in docs/SECURITY.md's access matrix is FORBIDDEN) gets FORBIDDEN even for arguments that
// are invalid, never BAD_USER_INPUT, and the audit log records FORBIDDEN. The same arguments from a role that may call
// the operation are BAD_USER_INPUT: so the arguments really are invalid, and the order of the checks is what is tested.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCity, GraphQLSession, operationCell, queryRows, readE2eState, readMarkdownTable, signIn, TestCity } from '@tsunagu/testing/e2e';
import { personNeed } from './support/documents';

jest.setTimeout(180_000);

const state = readE2eState();
const MATRIX = readMarkdownTable(readFileSync(join(__dirname, '..', '..', 'docs', 'SECURITY.md'), 'utf8'), 'access-matrix');

const ROLES = ['ADMIN', 'TIER1', 'TIER2', 'PARTNER', 'SUBCOMMITTEE'] as const;
type RoleColumn = (typeof ROLES)[number];
/** The matrix's columns for each role (own and other organisation or area). */
const COLUMNS: Record<RoleColumn, string[]> = {
  ADMIN: ['ADMIN'],
  TIER1: ['TIER1'],
  TIER2: ['TIER2 own', 'TIER2 other'],
  PARTNER: ['PARTNER own', 'PARTNER other'],
  SUBCOMMITTEE: ['SUBCOMMITTEE'],
};

/** Per operation: the roles that may never call it, and one that may (every row of the operation counts). */
function rolesOf(): Map<string, { never: RoleColumn[]; may: RoleColumn }> {
  const byOperation = new Map<string, string[][]>();
  for (const row of MATRIX.rows) {
    const { operation } = operationCell(row[0]);
    byOperation.set(operation, [...(byOperation.get(operation) ?? []), row]);
  }
  const result = new Map<string, { never: RoleColumn[]; may: RoleColumn }>();
  for (const [operation, rows] of byOperation) {
    const cells = (role: RoleColumn) => rows.flatMap((row) => COLUMNS[role].map((column) => row[MATRIX.header.indexOf(column)]));
    const never = ROLES.filter((role) => cells(role).every((cell) => cell === 'FORBIDDEN' || cell === '—'));
    const may = ROLES.find((role) => cells(role).some((cell) => ['ok', 'listed'].includes(cell)));
    if (never.length) result.set(operation, { never, may: may! });
  }
  return result;
}

const BAD_ID = 'not-a-uuid';
const period = { from: '2026-01-01T00:00:00+09:00', to: '2028-01-01T00:00:00+09:00' }; // longer than the 366 days allowed

interface InvalidCall {
  document: string;
  variables: () => Record<string, unknown>;
  /** false: no argument of this operation can be invalid past GraphQL's own type checks (so no BAD_USER_INPUT to compare). */
  control?: false;
}

let city: TestCity;
const INVALID: Record<string, InvalidCall> = {
  createOrganization: {
    document: `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    variables: () => ({ input: { kind: 'NPO', name: '', areaCodes: [city.areaCode] } }),
  },
  updateOrganization: {
    document: `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
    variables: () => ({ id: BAD_ID, input: { contactEmail: 'not-an-email' } }),
  },
  setOrganizationAcceptingReferrals: {
    document: `mutation ($id: ID!) { setOrganizationAcceptingReferrals(id: $id, accepting: false) { id } }`,
    variables: () => ({ id: BAD_ID }),
  },
  importOrganizations: {
    document: `mutation ($csv: String!) { importOrganizations(csv: $csv) { imported } }`,
    variables: () => ({ csv: 'x'.repeat(300_001) }),
  },
  routingRules: {
    document: `query ($areaCode: String) { routingRules(areaCode: $areaCode) { category } }`,
    variables: () => ({ areaCode: 'X'.repeat(51) }),
  },
  suggestedOrganizations: {
    document: `query ($areaCode: String!) { suggestedOrganizations(category: TRANSPORT, areaCode: $areaCode) { id } }`,
    variables: () => ({ areaCode: '' }),
  },
  setRoutingRule: {
    document: `mutation ($areaCode: String!, $ids: [ID!]!) { setRoutingRule(category: TRANSPORT, areaCode: $areaCode, organizationIds: $ids) { category } }`,
    variables: () => ({ areaCode: city.areaCode, ids: [BAD_ID] }),
  },
  setDeadlineRule: {
    document: `mutation ($input: DeadlineRuleInput!) { setDeadlineRule(input: $input) { category } }`,
    variables: () => ({ input: { category: 'OTHER', offerResponseDays: 0, progressReminderDays: 0, unmatchedEscalationDays: 0 } }),
  },
  submitReferral: {
    document: `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
    variables: () => ({ input: personNeed(city.areaCode, { summary: '' }) }),
  },
  acceptReferral: { document: `mutation ($id: ID!) { acceptReferral(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
  declineReferral: { document: `mutation ($id: ID!) { declineReferral(id: $id, reason: NO_CAPACITY) { id } }`, variables: () => ({ id: BAD_ID }) },
  startReferral: { document: `mutation ($id: ID!) { startReferral(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
  completeReferral: { document: `mutation ($id: ID!) { completeReferral(id: $id, outcome: RESOLVED) { id } }`, variables: () => ({ id: BAD_ID }) },
  reassignReferral: {
    document: `mutation ($id: ID!, $to: ID!) { reassignReferral(id: $id, organizationId: $to) { id } }`,
    variables: () => ({ id: BAD_ID, to: BAD_ID }),
  },
  takeReferral: { document: `mutation ($id: ID!) { takeReferral(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
  returnReferral: { document: `mutation ($id: ID!) { returnReferral(id: $id, reason: OTHER) { id } }`, variables: () => ({ id: BAD_ID }) },
  escalateReferral: { document: `mutation ($id: ID!) { escalateReferral(id: $id, note: "") { id } }`, variables: () => ({ id: BAD_ID }) },
  withdrawReferral: { document: `mutation ($id: ID!) { withdrawReferral(id: $id, reason: "") { id } }`, variables: () => ({ id: BAD_ID }) },
  addReferralNote: { document: `mutation ($id: ID!) { addReferralNote(id: $id, note: "") { id } }`, variables: () => ({ id: BAD_ID }) },
  extendReferralDeadline: {
    document: `mutation ($id: ID!) { extendReferralDeadline(id: $id, businessDays: 0, reason: "") { id } }`,
    variables: () => ({ id: BAD_ID }),
  },
  holdReferral: {
    document: `mutation ($id: ID!) { holdReferral(id: $id, resumeOn: "x", reason: "") { id } }`,
    variables: () => ({ id: BAD_ID }),
  },
  resumeReferral: { document: `mutation ($id: ID!) { resumeReferral(id: $id, note: "") { id } }`, variables: () => ({ id: BAD_ID }) },
  provisionRecords: {
    document: `query ($from: DateTime!, $to: DateTime!) { provisionRecords(from: $from, to: $to, first: 0) { totalCount } }`,
    variables: () => period,
  },
  provisionRecordsCsv: {
    document: `query ($from: DateTime!, $to: DateTime!) { provisionRecordsCsv(from: $from, to: $to) }`,
    variables: () => period,
  },
  // Reports: a period longer than 366 days is refused (BAD_USER_INPUT) to the roles that may call them.
  ...Object.fromEntries(
    ['answerTimesReport', 'offersReport', 'gapsReport', 'partnerLoadReport', 'policyTrackReport'].map((operation) => [
      operation,
      {
        document: `query ($filter: ReportFilter!) { ${operation}(filter: $filter) { period { from } } }`,
        variables: () => ({ filter: { from: '2025-01', to: '2026-12' } }),
      },
    ]),
  ),
  monthlyReport: { document: `query { monthlyReport(month: "2026-13") { title } }`, variables: () => ({}) },
  users: { document: `query { users(first: 0) { totalCount } }`, variables: () => ({}) },
  user: { document: `query ($id: ID!) { user(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
  createUser: {
    document: `mutation ($input: CreateUserInput!) { createUser(input: $input) { temporaryPassword } }`,
    variables: () => ({ input: { email: 'not-an-email', displayName: '', role: 'ADMIN' } }),
  },
  deactivateUser: { document: `mutation ($id: ID!) { deactivateUser(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
  reactivateUser: { document: `mutation ($id: ID!) { reactivateUser(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
  resetUserPassword: { document: `mutation ($id: ID!) { resetUserPassword(id: $id) { temporaryPassword } }`, variables: () => ({ id: BAD_ID }) },
  auditEvents: { document: `query { auditEvents(first: 0) { totalCount } }`, variables: () => ({}) },
  keptMails: { document: `query { keptMails(first: 0) { totalCount } }`, variables: () => ({}) },
  failedNotifications: { document: `query { failedNotifications(first: 0) { totalCount } }`, variables: () => ({}) },
  retryNotification: { document: `mutation ($id: ID!) { retryNotification(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
  regionalIssues: { document: `query { regionalIssues(first: 0) { totalCount } }`, variables: () => ({}) },
  suggestedRegionalIssues: { document: `query { suggestedRegionalIssues(windowDays: 0) { category } }`, variables: () => ({}) },
  createRegionalIssue: {
    document: `mutation ($input: CreateRegionalIssueInput!) { createRegionalIssue(input: $input) { id } }`,
    variables: () => ({ input: { clientRequestId: `guard-${randomUUID()}`, title: '', description: '', category: 'TRANSPORT', areaCodes: [] } }),
  },
  updateRegionalIssue: {
    document: `mutation ($id: ID!, $input: UpdateRegionalIssueInput!) { updateRegionalIssue(id: $id, input: $input) { id } }`,
    variables: () => ({ id: BAD_ID, input: { title: '' } }),
  },
  linkReferralsToIssue: {
    document: `mutation ($id: ID!, $ids: [ID!]!) { linkReferralsToIssue(id: $id, referralIds: $ids) { id } }`,
    variables: () => ({ id: BAD_ID, ids: [BAD_ID] }),
  },
  unlinkReferralFromIssue: {
    document: `mutation ($id: ID!, $referralId: ID!) { unlinkReferralFromIssue(id: $id, referralId: $referralId, reason: "") { id } }`,
    variables: () => ({ id: BAD_ID, referralId: BAD_ID }),
  },
  closeRegionalIssue: { document: `mutation ($id: ID!) { closeRegionalIssue(id: $id, reason: "") { id } }`, variables: () => ({ id: BAD_ID }) },
  draftPolicyProposal: {
    document: `mutation ($id: ID!, $input: PolicyProposalInput!) { draftPolicyProposal(issueId: $id, input: $input) { id } }`,
    variables: () => ({ id: BAD_ID, input: { title: '', body: '' } }),
  },
  revisePolicyProposal: {
    document: `mutation ($id: ID!, $input: PolicyProposalInput!) { revisePolicyProposal(id: $id, input: $input) { id } }`,
    variables: () => ({ id: BAD_ID, input: { title: '', body: '' } }),
  },
  submitPolicyProposal: { document: `mutation ($id: ID!) { submitPolicyProposal(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
  // Two optional DateTimes, which GraphQL itself checks: nothing left for validation to refuse.
  subcommitteeMeetings: { document: `query { subcommitteeMeetings { id } }`, variables: () => ({}), control: false },
  createSubcommitteeMeeting: {
    document: `mutation ($input: CreateSubcommitteeMeetingInput!) { createSubcommitteeMeeting(input: $input) { id } }`,
    variables: () => ({ input: { title: '', heldAt: '2027-05-20T05:00:00.000Z' } }),
  },
  addProposalToAgenda: {
    document: `mutation ($m: ID!, $p: ID!) { addProposalToAgenda(meetingId: $m, proposalId: $p) { id } }`,
    variables: () => ({ m: BAD_ID, p: BAD_ID }),
  },
  recordSubcommitteeDecision: {
    document: `mutation ($m: ID!, $p: ID!) { recordSubcommitteeDecision(meetingId: $m, proposalId: $p, decision: ADOPTED, minutes: "") { id } }`,
    variables: () => ({ m: BAD_ID, p: BAD_ID }),
  },
  removeProposalFromAgenda: {
    document: `mutation ($m: ID!, $p: ID!) { removeProposalFromAgenda(meetingId: $m, proposalId: $p, reason: "") { id } }`,
    variables: () => ({ m: BAD_ID, p: BAD_ID }),
  },
  rescheduleSubcommitteeMeeting: {
    document: `mutation ($id: ID!) { rescheduleSubcommitteeMeeting(id: $id, heldAt: "2027-05-20T05:00:00.000Z") { id } }`,
    variables: () => ({ id: BAD_ID }),
  },
  cancelSubcommitteeMeeting: {
    document: `mutation ($id: ID!) { cancelSubcommitteeMeeting(id: $id, reason: "") { id } }`,
    variables: () => ({ id: BAD_ID }),
  },
  dismissRegionalIssueSuggestion: {
    document: `mutation ($ids: [ID!]!) { dismissRegionalIssueSuggestion(category: OTHER, referralIds: $ids, reason: "") { id } }`,
    variables: () => ({ ids: [BAD_ID] }),
  },
  addFollowUpAction: {
    document: `mutation ($id: ID!, $input: FollowUpActionInput!) { addFollowUpAction(proposalId: $id, input: $input) { id } }`,
    variables: () => ({ id: BAD_ID, input: { description: '', owner: '', dueOn: 'someday' } }),
  },
  completeFollowUpAction: { document: `mutation ($id: ID!) { completeFollowUpAction(id: $id) { id } }`, variables: () => ({ id: BAD_ID }) },
};

const sessions = {} as Record<RoleColumn, GraphQLSession>;
const codes = (response: { errors?: Array<{ extensions?: { code?: string } }> }) => (response.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'guard');
  const [org] = await queryRows<{ id: string }>(
    state.databaseUrl,
    `INSERT INTO organization (name, kind, categories, has_system_users) VALUES ($1, 'SUBCOMMITTEE', '{}', true) RETURNING id`,
    [`${city.areaCode} 部会`],
  );
  const subcommittee = `subcommittee-${randomUUID().slice(0, 8)}@guard.test.example`;
  await queryRows(
    state.databaseUrl,
    `INSERT INTO app_user (email, display_name, role, organization_id, password_hash)
     SELECT $1, '部会事務局', 'SUBCOMMITTEE', $2, password_hash FROM app_user WHERE email = $3`,
    [subcommittee, org.id, city.emails.tier1],
  );
  const emails: Record<RoleColumn, string> = {
    ADMIN: city.emails.admin,
    TIER1: city.emails.tier1,
    TIER2: city.emails.tier2,
    PARTNER: city.emails.first,
    SUBCOMMITTEE: subcommittee,
  };
  for (const role of ROLES) sessions[role] = await signIn(state.graphqlUrl, emails[role], city.password);
});

const NEVER = rolesOf();

describe('the role guard runs before argument validation', () => {
  it('has an invalid call for every operation some role may never call, and only for those', () => {
    expect(NEVER.size).toBeGreaterThan(30);
    expect([...NEVER.keys()].filter((operation) => !INVALID[operation]).sort()).toEqual([]);
    expect(
      Object.keys(INVALID)
        .filter((operation) => !NEVER.has(operation))
        .sort(),
    ).toEqual([]);
  });

  it.each([...NEVER].map(([operation, roles]) => ({ operation, ...roles })))('$operation: FORBIDDEN to $never', async ({ operation, never, may }) => {
    const call = INVALID[operation];
    const mutation = call.document.startsWith('mutation');
    if (call.control !== false) {
      const control = await sessions[may].send(call.document, call.variables());
      expect({ operation, caller: may, codes: codes(control) }).toEqual({ operation, caller: may, codes: ['BAD_USER_INPUT'] });
    }
    for (const role of never) {
      const response = await sessions[role].send(call.document, call.variables());
      expect({ operation, role, codes: codes(response), data: response.data?.[operation] ?? null }).toEqual({
        operation,
        role,
        codes: ['FORBIDDEN'],
        data: null,
      });
      if (mutation) {
        // Only mutations are audited: the newest event of this caller for this operation is the refusal just made.
        const [event] = await queryRows<{ result: string }>(
          state.databaseUrl,
          `SELECT result FROM audit_event WHERE actor_user_id = $1 AND operation = $2 ORDER BY id DESC LIMIT 1`,
          [sessions[role].userId, operation],
        );
        expect({ operation, role, result: event?.result }).toEqual({ operation, role, result: 'FORBIDDEN' });
      }
    }
  });
});
