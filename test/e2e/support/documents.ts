// GraphQL documents the e2e tests send, written once.

export const REFERRAL_FIELDS = `
  id status category summary subjectKind destination outcome responseDueAt createdAt updatedAt
  area { code }
  subject { displayName ageBand contact }
  submittedBy { id email }
  currentOrganization { id name }
  handoffs { seq kind proxy reason note at fromOrganization { id } toOrganization { id } actor { id email } }
`;

export const SUBMIT = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { ${REFERRAL_FIELDS} } }`;
export const REFERRAL = `query Referral($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`;
export const REFERRALS = `query Referrals($filter: ReferralFilter, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status } } }
}`;
export const ACCEPT = `mutation Accept($id: ID!, $note: String) { acceptReferral(id: $id, note: $note) { ${REFERRAL_FIELDS} } }`;
export const DECLINE = `mutation Decline($id: ID!, $reason: DeclineReason!, $note: String) { declineReferral(id: $id, reason: $reason, note: $note) { ${REFERRAL_FIELDS} } }`;
export const START = `mutation Start($id: ID!, $note: String) { startReferral(id: $id, note: $note) { ${REFERRAL_FIELDS} } }`;
export const COMPLETE = `mutation Complete($id: ID!, $outcome: ReferralOutcome!, $note: String) { completeReferral(id: $id, outcome: $outcome, note: $note) { ${REFERRAL_FIELDS} } }`;
export const REASSIGN = `mutation Reassign($id: ID!, $organizationId: ID!, $note: String) { reassignReferral(id: $id, organizationId: $organizationId, note: $note) { ${REFERRAL_FIELDS} } }`;
export const ESCALATE = `mutation Escalate($id: ID!, $note: String!) { escalateReferral(id: $id, note: $note) { ${REFERRAL_FIELDS} } }`;
export const WITHDRAW = `mutation Withdraw($id: ID!, $reason: String!) { withdrawReferral(id: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`;
export const NOTE = `mutation Note($id: ID!, $note: String!) { addReferralNote(id: $id, note: $note) { ${REFERRAL_FIELDS} } }`;

let counter = 0;

/** A valid submission for a person in `areaCode`, with a fresh idempotency key; override any field. */
export function personNeed(areaCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    clientRequestId: `req-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    category: 'TRANSPORT',
    areaCode,
    summary: '週2回の通院に付き添いと送迎が必要',
    subjectKind: 'PERSON',
    subject: { displayName: '山田 H.', ageBand: '80代', contact: '072-000-1111' },
    consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z' },
    destination: 'PARTNER',
    ...overrides,
  };
}

export const ME = `query Me { me { id email displayName role organization { id } area { code } } }`;
export const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id email role } } }`;

/** A valid submission about a place or group (no personal data) in `areaCode`; override any field. */
export function areaNeed(areaCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return personNeed(areaCode, {
    category: 'SHOPPING',
    summary: '団地の住民が徒歩圏で買い物できない',
    subjectKind: 'AREA',
    subject: null,
    consent: null,
    ...overrides,
  });
}

export const EXTEND_DEADLINE = `mutation Extend($id: ID!, $businessDays: Int!, $reason: String!) {
  extendReferralDeadline(id: $id, businessDays: $businessDays, reason: $reason) { ${REFERRAL_FIELDS} }
}`;
export const DEADLINE_RULES = `query { deadlineRules { category offerResponseDays progressReminderDays unmatchedEscalationDays customized } }`;
export const SET_DEADLINE_RULE = `mutation SetRule($input: DeadlineRuleInput!) {
  setDeadlineRule(input: $input) { category offerResponseDays progressReminderDays unmatchedEscalationDays customized }
}`;
