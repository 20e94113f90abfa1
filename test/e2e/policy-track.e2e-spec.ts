// The policy track through GraphQL against the real api, worker, PostgreSQL and Temporal: escalated referrals from two
// areas become a regional issue, a proposal goes through two subcommittee meetings, is adopted and implemented, and
// every linked referral's history shows it (the loop closes at the policy level too). Then who sees what of it.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ESCALATE, personNeed, SUBMIT, WITHDRAW } from './support/documents';
import {
  ADD_ACTION,
  ADD_TO_AGENDA,
  COMPLETE_ACTION,
  CREATE_ISSUE,
  CREATE_MEETING,
  DECIDE,
  DRAFT,
  eventually,
  ISSUE,
  ISSUES,
  issueInput,
  MEETING,
  MEETINGS,
  POLICY_KINDS,
  PROPOSAL,
  REFERRAL_WITH_POLICY,
  REVISE,
  subcommitteeSession,
  SUBMIT_PROPOSAL,
  SUGGESTIONS,
  UPDATE_ISSUE,
} from './support/policy';

jest.setTimeout(180_000);

const state = readE2eState();
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let otherTier2: GraphQLSession;
let partner: GraphQLSession;
let admin: GraphQLSession;
let subcommittee: GraphQLSession;
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'policy');
  [tier1, tier2, otherTier2, partner, admin] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.otherTier2, city.password),
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
const withoutPosition = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map(({ path: _p, locations: _l, ...rest }: any) => rest);
const policyKinds = (referral: { handoffs: any[] }): any[] => referral.handoffs.filter((h) => POLICY_KINDS.includes(h.kind));

async function escalatedViaTier1(session: GraphQLSession, areaCode: string) {
  return (await session.data(SUBMIT, { input: personNeed(areaCode, { destination: 'TIER1' }) })).submitReferral;
}

async function workflowStatus(referralId: string): Promise<string> {
  const [row] = await queryRows<{ workflow_id: string }>(state.databaseUrl, 'SELECT workflow_id FROM referral WHERE id = $1', [referralId]);
  return (await temporal.workflow.getHandle(row.workflow_id).describe()).status.name;
}

/** The answer to `document` about a hidden object must be exactly the answer about an id never used. */
async function expectHiddenLikeUnknown(session: GraphQLSession, document: string, id: string) {
  const hidden = await session.send(document, { id });
  const unknown = await session.send(document, { id: randomUUID() });
  expect(codes(hidden)).toEqual(['NOT_FOUND']);
  expect(withoutPosition(hidden)).toEqual(withoutPosition(unknown));
  expect(hidden.data ?? null).toEqual(unknown.data ?? null);
  expect(JSON.stringify(hidden)).not.toContain(id);
}

describe('from three escalated referrals in two areas to an implemented proposal', () => {
  it('runs the whole policy track, and every linked referral’s history shows it', async () => {
    // Three escalated referrals: one offered to a partner first and escalated by the coordinator, one sent to tier-1
    // at once, both in area A; one sent to tier-1 in area B.
    const offered = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
    expect(offered.currentOrganization.id).toBe(city.first.id);
    const r1 = (await tier2.data(ESCALATE, { id: offered.id, note: '地域で担い手なし' })).escalateReferral;
    const r2 = await escalatedViaTier1(tier2, city.areaCode);
    const r3 = await escalatedViaTier1(otherTier2, city.otherAreaCode);
    for (const r of [r1, r2, r3]) expect(r.status).toBe('ESCALATED');
    const ids = [r1.id, r2.id, r3.id];

    // The suggestion lists them: one category from two areas.
    const suggested = (await tier1.data(SUGGESTIONS)).suggestedRegionalIssues;
    const transport = suggested.find((s: any) => s.category === 'TRANSPORT');
    expect(transport).toBeDefined();
    expect(transport.windowDays).toBe(90);
    expect(transport.referrals.map((r: any) => r.id)).toEqual(expect.arrayContaining(ids));
    expect(transport.areas.map((a: any) => a.code)).toEqual(expect.arrayContaining([city.areaCode, city.otherAreaCode]));

    // Tier-1 creates the issue with them; creating again with the same key is the same issue.
    const input = issueInput([city.areaCode, city.otherAreaCode], ids);
    const issue = (await tier1.data(CREATE_ISSUE, { input })).createRegionalIssue;
    expect(issue).toMatchObject({ title: input.title, status: 'OPEN', category: 'TRANSPORT', referralCount: 3, createdBy: { id: tier1.userId } });
    expect(issue.areas.map((a: any) => a.code).sort()).toEqual([city.areaCode, city.otherAreaCode].sort());
    expect(issue.referrals.map((r: any) => r.id).sort()).toEqual([...ids].sort());
    expect((await tier1.data(CREATE_ISSUE, { input })).createRegionalIssue.id).toBe(issue.id);
    expect((await tier1.data(ISSUES, { filter: { areaCode: [city.otherAreaCode] } })).regionalIssues.edges.map((e: any) => e.node.id)).toContain(
      issue.id,
    );

    // Linked now: no longer suggested.
    const after = (await tier1.data(SUGGESTIONS)).suggestedRegionalIssues.flatMap((s: any) => s.referrals.map((r: any) => r.id));
    for (const id of ids) expect(after).not.toContain(id);

    // Every referral's history shows the link (written just after the update returned: poll).
    for (const id of ids) {
      const referral = await eventually(
        async () => (await tier1.data(REFERRAL_WITH_POLICY, { id })).referral,
        (r) => policyKinds(r).length === 1,
      );
      expect(policyKinds(referral)).toEqual([expect.objectContaining({ kind: 'LINKED_TO_ISSUE', regionalIssue: { id: issue.id, status: 'OPEN' } })]);
    }

    // r2 is withdrawn after linking: its workflow ends, and it still receives the later entries.
    expect((await tier2.data(WITHDRAW, { id: r2.id, reason: '本人が転居' })).withdrawReferral.status).toBe('WITHDRAWN');
    expect(
      await eventually(
        () => workflowStatus(r2.id),
        (status) => status === 'COMPLETED',
      ),
    ).toBe('COMPLETED');

    // Draft, revise, submit.
    const draft = (await tier1.data(DRAFT, { issueId: issue.id, input: { title: '通院移動支援の創設', body: '第1版' } })).draftPolicyProposal;
    expect(draft).toMatchObject({ status: 'DRAFT', revision: 1, issue: { id: issue.id, status: 'OPEN' }, submittedAt: null });
    const revised = (await tier1.data(REVISE, { id: draft.id, input: { title: '通院移動支援の創設（改訂）', body: '第2版' } })).revisePolicyProposal;
    expect(revised).toMatchObject({ id: draft.id, status: 'DRAFT', revision: 2, title: '通院移動支援の創設（改訂）', body: '第2版' });

    // The subcommittee sees no draft: neither the proposal nor (without a proposal put to it) the issue.
    await expectHiddenLikeUnknown(subcommittee, PROPOSAL, draft.id);
    await expectHiddenLikeUnknown(subcommittee, ISSUE, issue.id);

    const submitted = (await tier1.data(SUBMIT_PROPOSAL, { id: draft.id })).submitPolicyProposal;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', revision: 2, submittedAt: expect.any(String), issue: { status: 'IN_DELIBERATION' } });

    // A second draft on the same issue stays with tier-1: the subcommittee and tier-2 see the submitted one only.
    const secondDraft = (await tier1.data(DRAFT, { issueId: issue.id, input: { title: '別案（検討中）', body: '下書き' } })).draftPolicyProposal;
    for (const session of [subcommittee, tier2]) {
      const seen = (await session.data(ISSUE, { id: issue.id })).regionalIssue;
      expect(seen.proposals.map((p: any) => p.id)).toEqual([draft.id]);
      expect(JSON.stringify(seen)).not.toContain(secondDraft.id);
      expect(JSON.stringify(seen)).not.toContain('別案');
      await expectHiddenLikeUnknown(session, PROPOSAL, secondDraft.id);
    }
    expect((await tier1.data(ISSUE, { id: issue.id })).regionalIssue.proposals.map((p: any) => p.id)).toEqual([draft.id, secondDraft.id]);
    // The subcommittee sees the issue and how many referrals back it, but not the referrals.
    const forSubcommittee = (await subcommittee.data(ISSUE, { id: issue.id })).regionalIssue;
    expect(forSubcommittee).toMatchObject({ referralCount: 3, referrals: [] });
    expect(forSubcommittee.events.every((e: any) => e.referralId === null)).toBe(true);

    // Two meetings, held already (a decision is recorded once the meeting has met); the first continues it, the second
    // adopts it.
    const heldAt = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const m1 = (
      await subcommittee.data(CREATE_MEETING, {
        input: { title: `第1回部会 ${randomUUID().slice(0, 6)}`, heldAt: heldAt(-60), location: '市役所 4階' },
      })
    ).createSubcommitteeMeeting;
    const m2 = (await subcommittee.data(CREATE_MEETING, { input: { title: `第2回部会 ${randomUUID().slice(0, 6)}`, heldAt: heldAt(-30) } }))
      .createSubcommitteeMeeting;
    expect(m1).toMatchObject({ location: '市役所 4階', agenda: [] });
    expect(m2.location).toBeNull();
    const listed = (await subcommittee.data(MEETINGS, { from: heldAt(-61), to: heldAt(-29) })).subcommitteeMeetings.map((m: any) => m.id);
    expect(listed.indexOf(m1.id)).toBeGreaterThanOrEqual(0);
    expect(listed.indexOf(m2.id)).toBeGreaterThan(listed.indexOf(m1.id));

    const onAgenda = (await subcommittee.data(ADD_TO_AGENDA, { meetingId: m1.id, proposalId: draft.id })).addProposalToAgenda;
    expect(onAgenda.agenda).toEqual([{ proposal: { id: draft.id, status: 'ON_AGENDA' }, decision: null, minutes: null }]);
    const continued = (
      await subcommittee.data(DECIDE, { meetingId: m1.id, proposalId: draft.id, decision: 'CONTINUED', minutes: '財源を確認のうえ次回審議' })
    ).recordSubcommitteeDecision;
    expect(continued).toMatchObject({ status: 'CONTINUED', issue: { status: 'IN_DELIBERATION' } });

    await subcommittee.data(ADD_TO_AGENDA, { meetingId: m2.id, proposalId: draft.id });
    const adopted = (await subcommittee.data(DECIDE, { meetingId: m2.id, proposalId: draft.id, decision: 'ADOPTED', minutes: '全会一致で採択' }))
      .recordSubcommitteeDecision;
    expect(adopted).toMatchObject({ status: 'ADOPTED', issue: { status: 'IN_IMPLEMENTATION' } });
    expect(adopted.agenda).toEqual([
      expect.objectContaining({
        meeting: { id: m1.id, title: m1.title },
        decision: 'CONTINUED',
        minutes: '財源を確認のうえ次回審議',
        decidedBy: { id: subcommittee.userId },
      }),
      expect.objectContaining({
        meeting: { id: m2.id, title: m2.title },
        decision: 'ADOPTED',
        minutes: '全会一致で採択',
        decidedBy: { id: subcommittee.userId },
      }),
    ]);

    // Two follow-up actions; the proposal and the issue are implemented when both are done.
    const a1 = (await tier1.data(ADD_ACTION, { proposalId: draft.id, input: { description: '予算要求', owner: '介護保険課', dueOn: '2027-03-31' } }))
      .addFollowUpAction;
    const a2 = (
      await tier1.data(ADD_ACTION, {
        proposalId: draft.id,
        input: { description: '運転ボランティア募集', owner: '社会福祉協議会', dueOn: '2027-06-30' },
      })
    ).addFollowUpAction;
    expect(a1).toMatchObject({ dueOn: '2027-03-31', doneAt: null, overdue: false, proposal: { id: draft.id, status: 'ADOPTED' } });
    const done1 = (await tier1.data(COMPLETE_ACTION, { id: a1.id, note: '予算計上済み' })).completeFollowUpAction;
    expect(done1).toMatchObject({ doneAt: expect.any(String), doneNote: '予算計上済み', proposal: { status: 'ADOPTED' } });
    const done2 = (await tier1.data(COMPLETE_ACTION, { id: a2.id })).completeFollowUpAction;
    expect(done2.proposal.status).toBe('IMPLEMENTED');
    const implemented = (await tier1.data(ISSUE, { id: issue.id })).regionalIssue;
    expect(implemented.status).toBe('IMPLEMENTED');
    const proposal = (await tier1.data(PROPOSAL, { id: draft.id })).policyProposal;
    expect(proposal.followUpActions.map((a: any) => [a.id, a.doneBy?.id])).toEqual([
      [a1.id, tier1.userId],
      [a2.id, tier1.userId],
    ]);

    // The issue's own history, in order (links at creation are REFERRAL_LINKED events).
    const kinds = implemented.events.map((e: any) => e.kind);
    const expectedOrder = [
      'CREATED',
      'REFERRAL_LINKED',
      'PROPOSAL_DRAFTED',
      'PROPOSAL_REVISED',
      'PROPOSAL_SUBMITTED',
      'PUT_ON_AGENDA',
      'DECISION_RECORDED',
      'PUT_ON_AGENDA',
      'DECISION_RECORDED',
      'ACTION_ADDED',
      'ACTION_ADDED',
      'ACTION_DONE',
      'ACTION_DONE',
      'IMPLEMENTED',
    ];
    let at = 0;
    for (const kind of kinds) if (kind === expectedOrder[at]) at += 1;
    expect({ kinds, matched: at }).toEqual({ kinds, matched: expectedOrder.length });
    expect(implemented.events.map((e: any) => e.seq)).toEqual(implemented.events.map((_e: any, i: number) => i + 1));
    expect(implemented.events.filter((e: any) => e.kind === 'DECISION_RECORDED').map((e: any) => [e.decision, e.meeting?.id])).toEqual([
      ['CONTINUED', m1.id],
      ['ADOPTED', m2.id],
    ]);

    // Final: no more changes.
    const late = await tier1.send(UPDATE_ISSUE, { id: issue.id, input: { title: '遅すぎる変更' } });
    expect(codes(late)).toEqual(['CONFLICT']);

    // Every linked referral's history: linked, submitted, continued, adopted, implemented, in this order (the withdrawn
    // one too, after its withdrawal), each naming the issue and the proposal.
    const expectedPolicy = [
      { kind: 'LINKED_TO_ISSUE', reason: null, proposal: null },
      { kind: 'PROPOSAL_SUBMITTED', reason: null, proposal: draft.id },
      { kind: 'SUBCOMMITTEE_DECISION', reason: 'CONTINUED', proposal: draft.id },
      { kind: 'SUBCOMMITTEE_DECISION', reason: 'ADOPTED', proposal: draft.id },
      { kind: 'POLICY_IMPLEMENTED', reason: null, proposal: draft.id },
    ];
    for (const id of ids) {
      const referral = await eventually(
        async () => (await tier1.data(REFERRAL_WITH_POLICY, { id })).referral,
        (r) => policyKinds(r).length >= expectedPolicy.length,
      );
      const entries = policyKinds(referral).map((h: any) => ({ kind: h.kind, reason: h.reason, proposal: h.policyProposal?.id ?? null }));
      expect({ id, entries }).toEqual({ id, entries: expectedPolicy });
      for (const h of policyKinds(referral)) expect(h.regionalIssue).toEqual({ id: issue.id, status: 'IMPLEMENTED' });
      // A decision names the meeting that took it, so the coordinator can tell the resident when and where.
      const decisionNotes = policyKinds(referral)
        .filter((h: any) => h.kind === 'SUBCOMMITTEE_DECISION')
        .map((h: any) => h.note);
      expect(decisionNotes).toEqual([expect.stringContaining(m1.title), expect.stringContaining(m2.title)]);
      expect(referral.handoffs.map((h: any) => h.seq)).toEqual(referral.handoffs.map((_h: any, i: number) => i + 1));
      if (id === r2.id) {
        const kindsOfR2 = referral.handoffs.map((h: any) => h.kind);
        expect(kindsOfR2.indexOf('WITHDRAWN')).toBeGreaterThan(kindsOfR2.indexOf('LINKED_TO_ISSUE'));
        expect(kindsOfR2.indexOf('WITHDRAWN')).toBeLessThan(kindsOfR2.indexOf('PROPOSAL_SUBMITTED'));
        expect(referral.status).toBe('WITHDRAWN');
      }
    }
    // The need was answered by policy: r1 and r3, still with tier-1, end right after the POLICY_IMPLEMENTED entry
    // (DOMAIN.md, "The policy track", step 6); the withdrawn r2 stays as it was.
    for (const id of [r1.id, r3.id]) {
      const ended = (await tier1.data(REFERRAL_WITH_POLICY, { id })).referral;
      expect(ended.status).toBe('COMPLETED');
      expect(ended.handoffs.slice(-2).map((h: any) => [h.kind, h.reason, h.note])).toEqual([
        ['POLICY_IMPLEMENTED', null, expect.any(String)],
        ['COMPLETED', 'TAKEN_INTO_REGIONAL_ISSUE', '地域課題が実施済みとなったため完了しました'],
      ]);
    }

    // The tier-2 coordinators see the issue's status on their referrals, and the issue with their own referrals only.
    for (const [session, own, others] of [
      [tier2, [r1.id, r2.id], [r3.id]],
      [otherTier2, [r3.id], [r1.id, r2.id]],
    ] as const) {
      const referral = (await session.data(REFERRAL_WITH_POLICY, { id: own[0] })).referral;
      expect(referral.regionalIssues).toEqual([{ id: issue.id, status: 'IMPLEMENTED', title: input.title }]);
      expect(policyKinds(referral).map((h: any) => h.kind)).toEqual(expectedPolicy.map((e) => e.kind));
      const seen = (await session.data(ISSUE, { id: issue.id })).regionalIssue;
      expect(seen).toMatchObject({ status: 'IMPLEMENTED', referralCount: 3 });
      expect(seen.referrals.map((r: any) => r.id).sort()).toEqual([...own].sort());
      const linkedIds = seen.events.map((e: any) => e.referralId).filter(Boolean);
      for (const other of others) expect(linkedIds).not.toContain(other);
      expect(seen.proposals.map((p: any) => p.id)).toEqual([draft.id]);
      expect((await session.data(ISSUES, { filter: { status: ['IMPLEMENTED'] } })).regionalIssues.edges.map((e: any) => e.node.id)).toContain(
        issue.id,
      );
      // A meeting reached through the issue is readable; the list of meetings is not theirs.
      expect((await session.data(MEETING, { id: m2.id })).subcommitteeMeeting.agenda.map((a: any) => a.proposal.id)).toEqual([draft.id]);
      expect(codes(await session.send(MEETINGS, {}))).toEqual(['FORBIDDEN']);
    }

    // The partner the referral was once offered to sees none of it.
    const forPartner = (await partner.data(REFERRAL_WITH_POLICY, { id: r1.id })).referral;
    // It shows the referral as it was when it left (ESCALATED), not its end.
    expect(forPartner.status).toBe('ESCALATED');
    expect(policyKinds(forPartner)).toEqual([]);
    expect(forPartner.regionalIssues).toEqual([]);
    // Its own part only, up to the escalation that took it away (docs/SECURITY.md, "A partner the referral has left").
    expect(forPartner.handoffs.map((h: any) => h.kind)).toEqual(['OFFERED', 'ESCALATED']);
    await expectHiddenLikeUnknown(partner, ISSUE, issue.id);
    await expectHiddenLikeUnknown(partner, PROPOSAL, draft.id);
    await expectHiddenLikeUnknown(partner, MEETING, m1.id);
    expect(codes(await partner.send(ISSUES, {}))).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(await partner.send(`query { me { id } }`))).not.toContain(issue.id);
  });
});

describe('who sees a regional issue', () => {
  let issueId: string;
  let referralId: string;

  beforeAll(async () => {
    const r = await escalatedViaTier1(tier2, city.areaCode);
    referralId = r.id;
    issueId = (await tier1.data(CREATE_ISSUE, { input: issueInput([city.areaCode], [r.id]) })).createRegionalIssue.id;
  });

  it('a tier-2 coordinator of another area: NOT_FOUND, exactly as an unknown id, and not in the list', async () => {
    await expectHiddenLikeUnknown(otherTier2, ISSUE, issueId);
    expect((await otherTier2.data(ISSUES, { first: 100 })).regionalIssues.edges.map((e: any) => e.node.id)).not.toContain(issueId);
    expect((await tier2.data(ISSUES, { first: 100 })).regionalIssues.edges.map((e: any) => e.node.id)).toContain(issueId);
  });

  it('a tier-2 coordinator loses sight of it when their referral is unlinked', async () => {
    const unlinked = await tier1.send(
      `mutation X($id: ID!, $referralId: ID!) { unlinkReferralFromIssue(id: $id, referralId: $referralId, reason: "誤り") { id referralCount } }`,
      { id: issueId, referralId },
    );
    expect(unlinked.data?.unlinkReferralFromIssue).toEqual({ id: issueId, referralCount: 0 });
    await expectHiddenLikeUnknown(tier2, ISSUE, issueId);
    const referral = await eventually(
      async () => (await tier2.data(REFERRAL_WITH_POLICY, { id: referralId })).referral,
      (r) => policyKinds(r).length === 2,
    );
    expect(policyKinds(referral).map((h: any) => [h.kind, h.reason])).toEqual([
      ['LINKED_TO_ISSUE', null],
      ['UNLINKED_FROM_ISSUE', '誤り'],
    ]);
    // The entries stay in the history; the issue itself is no longer the coordinator's to see.
    expect(policyKinds(referral).every((h: any) => h.regionalIssue === null)).toBe(true);
    expect(referral.regionalIssues).toEqual([]);
  });

  it('administrators read it but change nothing; tier-2 and partners may not suggest', async () => {
    expect((await admin.data(ISSUE, { id: issueId })).regionalIssue.id).toBe(issueId);
    expect(codes(await admin.send(UPDATE_ISSUE, { id: issueId, input: { title: 'x' } }))).toEqual(['FORBIDDEN']);
    for (const session of [tier2, partner, subcommittee]) expect(codes(await session.send(SUGGESTIONS, {}))).toEqual(['FORBIDDEN']);
  });
});
