// A partner the referral has left reads only its own part (docs/SECURITY.md, "A partner the referral has left"): the
// referral as it was when it left, its handoffs up to the one that took it away, nothing later and nothing of the
// organisation that took it over (its name, id, users, their emails, their notes, which may name the resident); and its
// list filters find the referral by what it sees, not by its later holder or status.
import { randomBytes } from 'node:crypto';
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, COMPLETE, DECLINE, ESCALATE, ME, NOTE, personNeed, REASSIGN, REFERRAL_FIELDS, START, SUBMIT } from './support/documents';

jest.setTimeout(180_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
/** P: the partner the referral leaves. Q: the one that takes it over. */
let p: GraphQLSession;
let q: GraphQLSession;
let qUser: { id: string; email: string };

const SEEN = `query R($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} subjectAgeBand } }`;
const LIST = `query L($filter: ReferralFilter) { referrals(filter: $filter, first: 100) { totalCount edges { node { ${REFERRAL_FIELDS} subjectAgeBand } } } }`;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'former');
  [tier2, p, q] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.second, city.password),
  ]);
  qUser = (await q.data(ME)).me;
});

interface Case {
  id: string;
  /** Texts that must not reach P: the resident, Q's notes, Q and its user. */
  secrets: string[];
}

/** Submitted for a resident no other test names, offered to P (the routing rule puts P first). */
async function offeredToP(): Promise<Case & { name: string }> {
  const name = `秘匿 花子 ${randomBytes(3).toString('hex')}`;
  const input = personNeed(city.areaCode, { subject: { displayName: name, ageBand: '80代', contact: `072-${randomBytes(2).toString('hex')}` } });
  const referral = (await tier2.data(SUBMIT, { input })).submitReferral;
  expect(referral.currentOrganization.id).toBe(city.first.id);
  return { id: referral.id, name, secrets: [name, city.second.id, city.second.name, qUser.id, qUser.email] };
}

/** Q takes it on and works it to the end, writing notes that name the resident. */
async function qWorksItToTheEnd(c: Case & { name: string }): Promise<Case> {
  const notes = [`${c.name}さんに電話しました ${randomBytes(2).toString('hex')}`, `${c.name}さん宅を訪問 ${randomBytes(2).toString('hex')}`];
  await q.data(ACCEPT, { id: c.id, note: notes[0] });
  await q.data(START, { id: c.id });
  await q.data(NOTE, { id: c.id, note: notes[1] });
  const done = (await q.data(COMPLETE, { id: c.id, outcome: 'RESOLVED', note: '完了' })).completeReferral;
  expect(done).toMatchObject({ status: 'COMPLETED', currentOrganization: { id: city.second.id } });
  return { id: c.id, secrets: [...c.secrets, ...notes] };
}

/** What P must see, and not see, of a referral that left it with `leavingKind` and went on without it. */
async function expectOnlyPsPart(c: Case, leavingKind: string, expectedKinds: string[]): Promise<void> {
  const response = await p.send(SEEN, { id: c.id });
  expect(response.errors).toBeUndefined();
  const referral = response.data!.referral;
  expect(referral).toMatchObject({
    status: 'OFFERED', // where its decline, the expiry or the reassignment sent it: offered on, to an organisation P does not see
    currentOrganization: null,
    responseDueAt: null,
    outcome: null,
    subject: null,
    subjectAgeBand: null,
  });
  const kinds = referral.handoffs.map((h: { kind: string }) => h.kind);
  expect(kinds).toEqual(expectedKinds);
  expect(kinds.at(-1)).toBe(leavingKind);
  expect(referral.updatedAt).toBe(referral.handoffs.at(-1).at);
  for (const handoff of referral.handoffs) {
    for (const org of [handoff.fromOrganization, handoff.toOrganization]) if (org) expect(org.id).toBe(city.first.id);
  }
  const body = JSON.stringify(response);
  for (const secret of c.secrets) expect({ secret, found: body.includes(secret) }).toEqual({ secret, found: false });
  for (const later of ['COMPLETED', 'RESOLVED', 'IN_PROGRESS', 'STARTED', 'ACCEPTED'])
    expect({ later, found: body.includes(later) }).toEqual({ later, found: false });

  // Lists: found by what P sees (offered on), never by its later holder or status, and nothing of Q on the page.
  const ids = async (filter: Record<string, unknown> | null) => {
    const list = await p.send(LIST, { filter });
    expect(list.errors).toBeUndefined();
    for (const secret of c.secrets)
      expect({ filter, secret, found: JSON.stringify(list).includes(secret) }).toEqual({ filter, secret, found: false });
    const found = list.data!.referrals.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(list.data!.referrals.totalCount).toBe(found.length);
    return found;
  };
  expect(await ids(null)).toContain(c.id);
  expect(await ids({ status: ['OFFERED'] })).toContain(c.id);
  expect(await ids({ organizationId: city.second.id })).not.toContain(c.id);
  expect(await ids({ organizationId: city.first.id })).not.toContain(c.id);
  expect(await ids({ status: ['COMPLETED'] })).not.toContain(c.id);
  expect(await ids({ status: ['ACCEPTED', 'IN_PROGRESS', 'COMPLETED'], organizationId: city.second.id })).not.toContain(c.id);

  // Q, which holds it to the end, still sees all of it.
  const qs = (await q.data(SEEN, { id: c.id })).referral;
  expect(qs).toMatchObject({ status: 'COMPLETED', outcome: 'RESOLVED', currentOrganization: { id: city.second.id } });
  expect(qs.handoffs.at(-1).kind).toBe('COMPLETED');
}

describe('a partner the referral has left', () => {
  it('declined: sees the referral as it was at its decline, its handoffs ending with its DECLINED, nothing of Q', async () => {
    const c = await offeredToP();
    await p.data(NOTE, { id: c.id, note: '空き状況を確認中' });
    const declined = (await p.data(DECLINE, { id: c.id, reason: 'NO_CAPACITY', note: '今月は手一杯です' })).declineReferral;
    // The decline's own answer is already P's view: offered on, to nobody P may see.
    expect(declined).toMatchObject({ status: 'OFFERED', currentOrganization: null });
    expect(JSON.stringify(declined)).not.toContain(city.second.id);
    const done = await qWorksItToTheEnd(c);
    await expectOnlyPsPart(done, 'DECLINED', ['OFFERED', 'NOTE', 'DECLINED']);

    // A note now is refused as for any closed referral, and its answer says nothing more.
    const [before] = await queryRows(state.databaseUrl, 'SELECT last_seq FROM referral WHERE id = $1', [c.id]);
    const late = await p.send(NOTE, { id: c.id, note: 'その後どうなりましたか' });
    expect(late.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    expect(late.errors![0].message).not.toMatch(/COMPLETED|RESOLVED|IN_PROGRESS/);
    for (const secret of done.secrets) expect(JSON.stringify(late)).not.toContain(secret);
    expect(await queryRows(state.databaseUrl, 'SELECT last_seq FROM referral WHERE id = $1', [c.id])).toEqual([before]);
  });

  it('may still add a note while the referral is open elsewhere, and sees that note, and nothing of the holder', async () => {
    const c = await offeredToP();
    await p.data(DECLINE, { id: c.id, reason: 'NO_CAPACITY' });
    const qNote = `${c.name}さんへ連絡予定 ${randomBytes(2).toString('hex')}`;
    await q.data(ACCEPT, { id: c.id, note: qNote });
    const noted = (await p.data(NOTE, { id: c.id, note: '追加情報: 午前中は不在がち' })).addReferralNote;
    expect(noted).toMatchObject({ status: 'OFFERED', currentOrganization: null, subject: null });
    expect(noted.handoffs.map((h: { kind: string; note: string | null }) => [h.kind, h.note])).toEqual([
      ['OFFERED', null],
      ['DECLINED', null],
      ['NOTE', '追加情報: 午前中は不在がち'],
    ]);
    for (const secret of [...c.secrets, qNote]) expect(JSON.stringify(noted)).not.toContain(secret);
    // The holder sees the note, as it sees every step.
    expect((await q.data(SEEN, { id: c.id })).referral.handoffs.at(-1)).toMatchObject({ kind: 'NOTE', note: '追加情報: 午前中は不在がち' });
  });

  it('may not answer for it any more, and the refusal says nothing of where it is now', async () => {
    const c = await offeredToP();
    await p.data(DECLINE, { id: c.id, reason: 'NO_CAPACITY' });
    await q.data(ACCEPT, { id: c.id });
    await q.data(START, { id: c.id });
    const [before] = await queryRows(state.databaseUrl, 'SELECT last_seq FROM referral WHERE id = $1', [c.id]);
    for (const [document, variables] of [
      [ACCEPT, { id: c.id }],
      [DECLINE, { id: c.id, reason: 'OTHER' }],
      [START, { id: c.id }],
      [COMPLETE, { id: c.id, outcome: 'RESOLVED' }],
    ] as const) {
      const refused = await p.send(document, variables);
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
      expect(JSON.stringify(refused)).not.toMatch(/IN_PROGRESS|ACCEPTED/);
      for (const secret of c.secrets) expect(JSON.stringify(refused)).not.toContain(secret);
    }
    expect(await queryRows(state.databaseUrl, 'SELECT last_seq FROM referral WHERE id = $1', [c.id])).toEqual([before]);
  });

  it('reassigned away: sees the REASSIGNED that took it away, without where it went', async () => {
    const c = await offeredToP();
    const note = `Q に変更 ${randomBytes(2).toString('hex')}`;
    await tier2.data(REASSIGN, { id: c.id, organizationId: city.second.id, note });
    await expectOnlyPsPart(await qWorksItToTheEnd(c), 'REASSIGNED', ['OFFERED', 'REASSIGNED']);
  });

  it('offer expired: sees the EXPIRED of its offer and nothing after', async () => {
    const c = await offeredToP();
    // Offers expire after business days, longer than a test runs (the timer itself is tested in the workflow tier):
    // write the read model as the worker does when the offer expires and Q takes it on, which is all the api reads.
    const [{ last }] = await queryRows<{ last: number }>(state.databaseUrl, 'SELECT last_seq AS last FROM referral WHERE id = $1', [c.id]);
    const note = `${c.name}さんに連絡 ${randomBytes(2).toString('hex')}`;
    await queryRows(
      state.databaseUrl,
      `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, actor_id, proxy, reason, note, at) VALUES
         ($1, $2 + 1, 'EXPIRED', $3, NULL, NULL, false, NULL, NULL, now()),
         ($1, $2 + 2, 'OFFERED', NULL, $4, NULL, false, NULL, NULL, now()),
         ($1, $2 + 3, 'ACCEPTED', $4, $4, $5, false, NULL, $6, now()),
         ($1, $2 + 4, 'STARTED', $4, $4, $5, false, NULL, NULL, now()),
         ($1, $2 + 5, 'COMPLETED', $4, $4, $5, false, 'RESOLVED', NULL, now())`,
      [c.id, last, city.first.id, city.second.id, qUser.id, note],
    );
    await queryRows(
      state.databaseUrl,
      `UPDATE referral SET status = 'COMPLETED', outcome = 'RESOLVED', current_organization_id = $2, response_due_at = NULL, last_seq = last_seq + 5, updated_at = now()
        WHERE id = $1`,
      [c.id, city.second.id],
    );
    await expectOnlyPsPart({ id: c.id, secrets: [...c.secrets, note] }, 'EXPIRED', ['OFFERED', 'EXPIRED']);
  });

  it('left with nobody to take it: the last to decline sees it UNMATCHED, and nothing of the one before', async () => {
    const c = await offeredToP();
    const pNote = `P の事情 ${randomBytes(2).toString('hex')}`;
    await p.data(DECLINE, { id: c.id, reason: 'NO_CAPACITY', note: pNote });
    await q.data(DECLINE, { id: c.id, reason: 'OUT_OF_AREA', note: `${c.name}さんは対象外` });
    const seenByP = (await p.data(SEEN, { id: c.id })).referral;
    expect(seenByP).toMatchObject({ status: 'OFFERED', currentOrganization: null });
    expect(JSON.stringify(seenByP)).not.toContain(c.name);
    const seenByQ = (await q.data(SEEN, { id: c.id })).referral;
    expect(seenByQ).toMatchObject({ status: 'UNMATCHED', currentOrganization: null, subjectAgeBand: null });
    expect(seenByQ.handoffs.map((h: { kind: string }) => h.kind)).toEqual(['OFFERED', 'DECLINED']);
    for (const secret of [city.first.id, city.first.name, pNote]) expect(JSON.stringify(seenByQ)).not.toContain(secret);
    expect((await q.data(LIST, { filter: { status: ['UNMATCHED'] } })).referrals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(
      c.id,
    );
  });

  it('escalated while it held it: sees it ESCALATED, with the person gone, not the partner tier-1 then found', async () => {
    const c = await offeredToP();
    await p.data(ACCEPT, { id: c.id });
    expect((await p.data(SEEN, { id: c.id })).referral.subject.displayName).toBe(c.name); // it held it: it saw the person
    await tier2.data(ESCALATE, { id: c.id, note: '市で調整' });
    const tier1 = await signIn(state.graphqlUrl, city.emails.tier1, city.password);
    await tier1.data(REASSIGN, { id: c.id, organizationId: city.second.id });
    const done = await qWorksItToTheEnd(c);
    const seen = (await p.data(SEEN, { id: c.id })).referral;
    expect(seen).toMatchObject({ status: 'ESCALATED', currentOrganization: null, subject: null, subjectAgeBand: null, outcome: null });
    expect(seen.handoffs.map((h: { kind: string }) => h.kind)).toEqual(['OFFERED', 'ACCEPTED', 'ESCALATED']);
    for (const secret of done.secrets) expect(JSON.stringify(seen)).not.toContain(secret);
    const byStatus = (await p.data(LIST, { filter: { status: ['ESCALATED'] } })).referrals.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(byStatus).toContain(c.id);
  });

  it('offered again later: sees the referral again from then on', async () => {
    const c = await offeredToP();
    await p.data(DECLINE, { id: c.id, reason: 'NO_CAPACITY' });
    await q.data(DECLINE, { id: c.id, reason: 'OUT_OF_AREA' });
    await tier2.data(REASSIGN, { id: c.id, organizationId: city.first.id, note: '再度お願いします' });
    const seen = (await p.data(SEEN, { id: c.id })).referral;
    expect(seen).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.first.id }, subjectAgeBand: '80代' });
    expect(seen.handoffs.at(-1)).toMatchObject({ kind: 'OFFERED', toOrganization: { id: city.first.id } });
    expect(
      (await p.send(LIST, { filter: { organizationId: city.first.id, status: ['OFFERED'] } })).data!.referrals.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      ),
    ).toContain(c.id);
  });
});
