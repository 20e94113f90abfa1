import { buildSchema, GraphQLError } from 'graphql';
import { emailFingerprint, errorCodeOf, mutationObject, safeArguments as safeArgumentsWith, valueFingerprint } from './audit-details';
import { ANONYMOUS, AuditTrail, auditTrailOf, beginAuditTrail } from './audit-trail';

// The arguments of Tsunagu's mutations, in miniature: free text next to enums, ids, numbers and booleans.
const schema = buildSchema(`
  scalar DateTime
  enum DeclineReason { NO_CAPACITY OTHER }
  enum NeedCategory { TRANSPORT SHOPPING }
  input SubjectInput { displayName: String!, ageBand: String, contact: String }
  input ConsentInput { obtained: Boolean!, method: String!, obtainedAt: DateTime!, givenBy: String }
  input SubmitInput {
    clientRequestId: ID!, category: NeedCategory!, areaCode: String!, summary: String!,
    subject: SubjectInput, consent: ConsentInput, organizationId: ID
  }
  type Query { x: Int }
  type Mutation {
    login(email: String!, password: String!): Int
    declineReferral(id: ID!, reason: DeclineReason!, note: String): Int
    withdrawReferral(id: ID!, reason: String!): Int
    extendReferralDeadline(id: ID!, businessDays: Int!, reason: String!): Int
    submitReferral(input: SubmitInput!): Int
    setRoutingRule(category: NeedCategory!, areaCode: String!, organizationIds: [ID!]!): Int
    setOrganizationAcceptingReferrals(id: ID!, accepting: Boolean!): Int
    importOrganizations(csv: String!): Int
  }
`);
const args = (field: string) => schema.getMutationType()!.getFields()[field].args;
const fingerprint = valueFingerprint('s'.repeat(40));
const safeArguments = (definitions: Parameters<typeof safeArgumentsWith>[0], values: Record<string, unknown>) =>
  safeArgumentsWith(definitions, values, fingerprint);
// Well-formed ids: the audit log records UUIDs only.
const R1 = '0b6f3f7e-2a52-4c1e-9d55-6f1f2b9a0001';
const O1 = '0b6f3f7e-2a52-4c1e-9d55-6f1f2b9a0002';
const O2 = '0b6f3f7e-2a52-4c1e-9d55-6f1f2b9a0003';

describe('safeArguments', () => {
  it('never copies a login’s email or password', () => {
    expect(safeArguments(args('login'), { email: 'yamada@example.jp', password: 'secret-password' })).toEqual({});
  });

  it('copies ids and enums, never free-text notes and reasons', () => {
    expect(safeArguments(args('declineReferral'), { id: R1, reason: 'NO_CAPACITY', note: '山田さんは入院中' })).toEqual({
      id: R1,
      reason: 'NO_CAPACITY',
    });
    expect(safeArguments(args('withdrawReferral'), { id: R1, reason: '本人が転居（山田 花子）' })).toEqual({ id: R1 });
    expect(safeArguments(args('extendReferralDeadline'), { id: R1, businessDays: 2, reason: '運転手の手配' })).toEqual({ id: R1, businessDays: 2 });
  });

  it('keeps nothing of the subject of a submission, and only safe consent facts', () => {
    const input = {
      clientRequestId: 'form-1',
      category: 'TRANSPORT',
      areaCode: 'KAWANISHI',
      summary: '週2回の通院に送迎が必要',
      subject: { displayName: '山田 H.', ageBand: '80代', contact: '072-000-1111' },
      consent: { obtained: true, method: '書面', obtainedAt: new Date('2026-11-20T01:00:00Z'), givenBy: '本人' },
      organizationId: null,
    };
    const details = safeArguments(args('submitReferral'), { input });
    expect(details).toEqual({ input: { clientRequestId: 'form-1', category: 'TRANSPORT', areaCode: 'KAWANISHI', consent: { obtained: true } } });
    for (const secret of ['山田', '80代', '072', '書面', '本人', '通院']) expect(JSON.stringify(details)).not.toContain(secret);
  });

  it('copies lists of ids, booleans and area codes', () => {
    expect(safeArguments(args('setRoutingRule'), { category: 'TRANSPORT', areaCode: 'KAWANISHI', organizationIds: [O1, O2] })).toEqual({
      category: 'TRANSPORT',
      areaCode: 'KAWANISHI',
      organizationIds: [O1, O2],
    });
    expect(safeArguments(args('setOrganizationAcceptingReferrals'), { id: O1, accepting: false })).toEqual({ id: O1, accepting: false });
  });

  it('copies no CSV', () => {
    expect(safeArguments(args('importOrganizations'), { csv: 'name,kind\n山田商店,BUSINESS' })).toEqual({});
  });

  it('records an id that is no UUID, or a code that is no code, only as a keyed hash under its field’s path', () => {
    const typed = '山田 太郎 090-1234-5678';
    const note = safeArguments(args('declineReferral'), { id: typed, reason: 'OTHER', note: 'x' });
    expect(note).toEqual({ reason: 'OTHER', malformed: { id: fingerprint(typed) } });
    expect(note.malformed).toEqual({ id: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const input = { clientRequestId: 'form 1 山田', category: 'TRANSPORT', areaCode: '山田 090-1234-5678', summary: 's', organizationId: 'tanaka' };
    expect(safeArguments(args('submitReferral'), { input })).toEqual({
      input: { category: 'TRANSPORT' },
      malformed: {
        'input.clientRequestId': fingerprint('form 1 山田'),
        'input.areaCode': fingerprint('山田 090-1234-5678'),
        'input.organizationId': fingerprint('tanaka'),
      },
    });
    const rule = safeArguments(args('setRoutingRule'), { category: 'TRANSPORT', areaCode: 'kawanishi 山田', organizationIds: [O1, '090-1111-2222'] });
    expect(rule).toEqual({
      category: 'TRANSPORT',
      organizationIds: [O1, null],
      malformed: { areaCode: fingerprint('kawanishi 山田'), 'organizationIds.1': fingerprint('090-1111-2222') },
    });
    for (const details of [note, rule])
      for (const secret of ['山田', '090', 'kawanishi', 'tanaka']) expect(JSON.stringify(details)).not.toContain(secret);
  });

  it('hashes with the server’s secret: the same value the same, another secret another hash', () => {
    const other = valueFingerprint('t'.repeat(40));
    expect(fingerprint('山田')).toBe(valueFingerprint('s'.repeat(40))('山田'));
    expect(other('山田')).not.toBe(fingerprint('山田'));
    expect(fingerprint('山田')).not.toBe(fingerprint('田中'));
  });

  it('keeps well-formed codes and keys, upper-case codes with digits, `-` and `_`', () => {
    const input = { clientRequestId: 'form-1:a.b_c', category: 'SHOPPING', areaCode: 'T-AUDIT-1A2B_3', summary: 's' };
    expect(safeArguments(args('submitReferral'), { input })).toEqual({
      input: { clientRequestId: 'form-1:a.b_c', category: 'SHOPPING', areaCode: 'T-AUDIT-1A2B_3' },
    });
  });
});

describe('mutationObject', () => {
  it('names the returned type and the id argument, or the result’s id', () => {
    expect(mutationObject('acceptReferral', 'Referral', { id: R1 }, { id: R1, status: 'ACCEPTED' })).toEqual({
      objectType: 'Referral',
      objectId: R1,
    });
    expect(mutationObject('submitReferral', 'Referral', { input: {} }, { id: 'r-2' })).toEqual({ objectType: 'Referral', objectId: 'r-2' });
    expect(mutationObject('submitReferral', 'Referral', { input: {} }, null)).toEqual({ objectType: 'Referral', objectId: null });
    expect(mutationObject('createOrganization', 'Organization', { input: {} }, { id: 'o-1' })).toEqual({
      objectType: 'Organization',
      objectId: 'o-1',
    });
  });

  it('names the proposal for the policy track’s agenda and decisions, and the parent of what a refused call would have made', () => {
    expect(mutationObject('addProposalToAgenda', 'SubcommitteeMeeting', { meetingId: O2, proposalId: O1 }, { id: O2 })).toEqual({
      objectType: 'PolicyProposal',
      objectId: O1,
    });
    expect(mutationObject('recordSubcommitteeDecision', 'PolicyProposal', { meetingId: O2, proposalId: O1 }, null)).toEqual({
      objectType: 'PolicyProposal',
      objectId: O1,
    });
    expect(mutationObject('draftPolicyProposal', 'PolicyProposal', { issueId: R1 }, { id: 'p-2' })).toEqual({
      objectType: 'PolicyProposal',
      objectId: 'p-2',
    });
    expect(mutationObject('draftPolicyProposal', 'PolicyProposal', { issueId: R1 }, null)).toEqual({ objectType: 'RegionalIssue', objectId: R1 });
    expect(mutationObject('addFollowUpAction', 'FollowUpAction', { proposalId: O1 }, { id: 'a-1' })).toEqual({
      objectType: 'FollowUpAction',
      objectId: 'a-1',
    });
    expect(mutationObject('addFollowUpAction', 'FollowUpAction', { proposalId: O1 }, null)).toEqual({ objectType: 'PolicyProposal', objectId: O1 });
  });

  it('never names an object by an id argument that is no UUID, or a rule by a code that is no code', () => {
    const typed = '山田 090-1234-5678';
    expect(mutationObject('addReferralNote', 'Referral', { id: typed }, null)).toEqual({ objectType: 'Referral', objectId: null });
    expect(mutationObject('addProposalToAgenda', 'SubcommitteeMeeting', { meetingId: O2, proposalId: typed }, null)).toEqual({
      objectType: 'PolicyProposal',
      objectId: null,
    });
    expect(mutationObject('draftPolicyProposal', 'PolicyProposal', { issueId: typed }, null)).toEqual({
      objectType: 'RegionalIssue',
      objectId: null,
    });
    expect(mutationObject('setRoutingRule', 'RoutingRule', { category: 'TRANSPORT', areaCode: typed }, null)).toEqual({
      objectType: 'RoutingRule',
      objectId: null,
    });
  });

  it('names the user an administrator created or reset, never the temporary password', () => {
    expect(
      mutationObject('createUser', 'CreateUserPayload', { input: {} }, { user: { id: 'u-2' }, temporaryPassword: 'k7pq-3wna-xe9f-2mtc' }),
    ).toEqual({
      objectType: 'User',
      objectId: 'u-2',
    });
    expect(mutationObject('createUser', 'CreateUserPayload', { input: {} }, null)).toEqual({ objectType: 'User', objectId: null });
    const reset = '6f1c2a4e-8b3d-4c5e-9f7a-0b1c2d3e4f50';
    expect(mutationObject('resetUserPassword', 'ResetPasswordPayload', { id: reset }, null)).toEqual({ objectType: 'User', objectId: reset });
    // Only a well-formed id is recorded (a malformed one goes to details.malformed as a keyed hash).
    expect(mutationObject('resetUserPassword', 'ResetPasswordPayload', { id: '山田 090-0000-0000' }, null)).toEqual({
      objectType: 'User',
      objectId: null,
    });
  });

  it('has no object type for a scalar result', () => {
    expect(mutationObject('changeSomething', 'Boolean', {}, true)).toEqual({ objectType: null, objectId: null });
  });

  it('names the signed-in user for login, never the token', () => {
    const object = mutationObject('login', 'AuthPayload', { email: 'a@b.jp', password: 'x' }, { token: 'eyJ.secret', user: { id: 'u-1' } });
    expect(object).toEqual({ objectType: 'User', objectId: 'u-1' });
    expect(mutationObject('login', 'AuthPayload', {}, null)).toEqual({ objectType: 'User', objectId: null });
  });

  it('names rules by their keys and sums up imports', () => {
    expect(mutationObject('setRoutingRule', 'RoutingRule', { category: 'TRANSPORT', areaCode: 'TADA' }, {})).toEqual({
      objectType: 'RoutingRule',
      objectId: 'TRANSPORT:TADA',
    });
    expect(mutationObject('setDeadlineRule', 'DeadlineRule', { input: { category: 'SHOPPING' } }, {})).toEqual({
      objectType: 'DeadlineRule',
      objectId: 'SHOPPING',
    });
    expect(mutationObject('importOrganizations', 'OrganizationImportResult', {}, { imported: 3, created: 2, updated: 1, errors: [] })).toEqual({
      objectType: 'Organization',
      objectId: null,
      details: { imported: 3, created: 2, updated: 1, errorCount: 0 },
    });
  });
});

describe('errorCodeOf', () => {
  it('takes a GraphQL error’s code', () => {
    expect(errorCodeOf(new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } }))).toBe('FORBIDDEN');
    expect(errorCodeOf(new GraphQLError('no', { extensions: { code: 'CONFLICT' } }))).toBe('CONFLICT');
  });

  it('maps a Nest HTTP exception’s status as the Apollo driver does', () => {
    const http = (status: number) => Object.assign(new Error('x'), { getStatus: () => status });
    expect(errorCodeOf(http(401))).toBe('UNAUTHENTICATED');
    expect(errorCodeOf(http(403))).toBe('FORBIDDEN');
    expect(errorCodeOf(http(422))).toBe('BAD_USER_INPUT');
    expect(errorCodeOf(http(429))).toBe('INTERNAL_SERVER_ERROR');
  });

  it('calls anything else INTERNAL_SERVER_ERROR', () => {
    expect(errorCodeOf(new Error('connection refused'))).toBe('INTERNAL_SERVER_ERROR');
    expect(errorCodeOf(null)).toBe('INTERNAL_SERVER_ERROR');
    expect(errorCodeOf(new GraphQLError('no code'))).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('emailFingerprint', () => {
  const secret = 'x'.repeat(40);

  it('is the same for the same address however it is typed, and differs between addresses', () => {
    expect(emailFingerprint(secret, ' Yamada@Example.JP ')).toBe(emailFingerprint(secret, 'yamada@example.jp'));
    expect(emailFingerprint(secret, 'yamada@example.jp')).not.toBe(emailFingerprint(secret, 'tanaka@example.jp'));
  });

  it('depends on the secret and holds nothing of the address', () => {
    const print = emailFingerprint(secret, 'yamada@example.jp');
    expect(print).toMatch(/^[0-9a-f]{64}$/);
    expect(emailFingerprint('y'.repeat(40), 'yamada@example.jp')).not.toBe(print);
  });
});

describe('AuditTrail', () => {
  const viewer = { id: 'u-1', email: 'a@b.jp', displayName: 'A', role: 'TIER2_COORDINATOR', organizationId: null, areaId: null } as never;

  it('records a read once per object and request', () => {
    const trail = new AuditTrail('127.0.0.1');
    trail.addRead(viewer, 'read:Referral.subject', 'Referral', 'r-1');
    trail.addRead(viewer, 'read:Referral.subject', 'Referral', 'r-1');
    trail.addRead(viewer, 'read:Referral.subject', 'Referral', 'r-2');
    trail.addRead(viewer, 'read:Referral.subjectAgeBand', 'Referral', 'r-1');
    expect(trail.events.map((e) => [e.operation, e.objectId])).toEqual([
      ['read:Referral.subject', 'r-1'],
      ['read:Referral.subject', 'r-2'],
      ['read:Referral.subjectAgeBand', 'r-1'],
    ]);
    expect(trail.events[0]).toMatchObject({ actorUserId: 'u-1', actorRole: 'TIER2_COORDINATOR', result: 'OK', clientAddress: '127.0.0.1' });
    expect(trail.events[0].at).toBeInstanceOf(Date);
  });

  it('calls a read without a viewer ANONYMOUS', () => {
    const trail = new AuditTrail(null);
    trail.addRead(undefined, 'read:Referral.subject', 'Referral', 'r-1');
    expect(trail.events[0]).toMatchObject({ actorUserId: null, actorRole: ANONYMOUS });
  });

  it('is found by its request’s context, and a context without one fails loudly', () => {
    const context = {};
    const trail = beginAuditTrail(context, null);
    expect(auditTrailOf(context)).toBe(trail);
    expect(() => auditTrailOf({})).toThrow(/no audit trail/);
  });
});
