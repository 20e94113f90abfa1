// PolicyQueryRepository on a real PostgreSQL (db tier): each read of the policy track's read model under each role's
// scope (docs/SECURITY.md, "The policy track"), the issue list's filters and paging order, and the no-row cases.
import { randomUUID } from 'node:crypto';
import { Role } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import type { Viewer } from '../../common/viewer';
import { PolicyQueryRepository } from './policy-query.repository';

let t: TestDatabase;
let repo: PolicyQueryRepository;
const ids: Record<string, string> = {};

const viewer = (role: Role, areaId: string | null = null): Viewer => ({
  id: randomUUID(),
  email: 'viewer@tsunagu.test',
  displayName: 'viewer',
  role,
  organizationId: role === Role.PARTNER ? t.city.firstPartnerId : null,
  areaId,
});
let admin: Viewer;
let subcommittee: Viewer;
let tier2A: Viewer; // sees the referrals of area A
let tier2B: Viewer; // sees the referrals of area B
let partner: Viewer;

async function referral(areaId: string): Promise<string> {
  const id = randomUUID();
  await t.db.query(
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, $2, 'ESCALATED', 'TRANSPORT', $3, 'policy test', 'AREA', 'TIER1', $4, 0, '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z')`,
    [id, `referral:test:${id}`, areaId, t.city.userId],
  );
  return id;
}

async function issue(name: string, i: { category: string; status: string; createdAt: string; areaIds: string[]; referralIds: string[] }) {
  const id = randomUUID();
  ids[name] = id;
  await t.db.query(
    `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, created_by_id, created_at, updated_at)
     VALUES ($1, $2, $3, '説明', $4, $5, $6, $7, $7)`,
    [id, `regional-issue:test:${name}`, `課題 ${name}`, i.category, i.status, t.city.userId, i.createdAt],
  );
  for (const areaId of i.areaIds) await t.db.query(`INSERT INTO regional_issue_area (issue_id, area_id) VALUES ($1, $2)`, [id, areaId]);
  for (const referralId of i.referralIds) {
    await t.db.query(`INSERT INTO regional_issue_referral (issue_id, referral_id, linked_at, linked_by_id) VALUES ($1, $2, $3, $4)`, [
      id,
      referralId,
      i.createdAt,
      t.city.userId,
    ]);
  }
}

async function proposal(name: string, issueName: string, status: string): Promise<void> {
  ids[name] = randomUUID();
  await t.db.query(
    `INSERT INTO policy_proposal (id, issue_id, title, body, status, revision, created_by_id, created_at, updated_at)
     VALUES ($1, $2, $3, '本文', $4, 1, $5, '2026-12-05T00:00:00Z', '2026-12-05T00:00:00Z')`,
    [ids[name], ids[issueName], `提案 ${name}`, status, t.city.userId],
  );
}

async function meeting(name: string, heldAt: string): Promise<void> {
  [{ id: ids[name] }] = await t.db.query(
    `INSERT INTO subcommittee_meeting (title, held_at, location, created_by_id) VALUES ($1, $2, '市役所', $3) RETURNING id`,
    [`部会 ${name}`, heldAt, t.city.userId],
  );
}

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new PolicyQueryRepository(t.db);
  admin = viewer(Role.ADMIN);
  subcommittee = viewer(Role.SUBCOMMITTEE);
  tier2A = viewer(Role.TIER2_COORDINATOR, t.city.areaId);
  tier2B = viewer(Role.TIER2_COORDINATOR, t.city.secondAreaId);
  partner = viewer(Role.PARTNER);
  const rA = await referral(t.city.areaId);
  const rB = await referral(t.city.secondAreaId);
  // I1: area A, linked to A's referral, only a draft. I2 and I3 share their created_at: the id decides their order.
  await issue('I1', { category: 'TRANSPORT', status: 'OPEN', createdAt: '2026-12-01T00:00:00Z', areaIds: [t.city.areaId], referralIds: [rA] });
  await issue('I2', {
    category: 'SHOPPING',
    status: 'IN_DELIBERATION',
    createdAt: '2026-12-02T00:00:00Z',
    areaIds: [t.city.secondAreaId],
    referralIds: [rB],
  });
  await issue('I3', { category: 'TRANSPORT', status: 'CLOSED', createdAt: '2026-12-02T00:00:00Z', areaIds: [], referralIds: [] });
  await proposal('P1', 'I1', 'DRAFT');
  await proposal('P2', 'I2', 'ON_AGENDA');
  await meeting('M1', '2026-12-10T05:00:00Z');
  await meeting('M2', '2027-01-20T05:00:00Z');
  await t.db.query(`INSERT INTO agenda_item (meeting_id, proposal_id, added_at) VALUES ($1, $2, '2026-12-06T00:00:00Z')`, [ids.M1, ids.P2]);
  ids.FA1 = randomUUID();
  await t.db.query(
    `INSERT INTO follow_up_action (id, proposal_id, description, owner, due_on, created_at) VALUES ($1, $2, '移動販売の試行', '市 地域福祉課', '2027-01-31', '2026-12-11T00:00:00Z')`,
    [ids.FA1, ids.P2],
  );
});
afterAll(() => t?.close());

const idsOf = (rows: Array<{ id: string }> | null) => (rows ?? []).map((row) => row.id);
const sorted = (values: Iterable<string>) => [...values].sort();

describe('issues', () => {
  it('reads an issue with its columns camel-cased and its linked referrals counted', async () => {
    expect(await repo.findIssue(admin, ids.I1)).toEqual({
      id: ids.I1,
      workflowId: 'regional-issue:test:I1',
      title: '課題 I1',
      description: '説明',
      category: 'TRANSPORT',
      status: 'OPEN',
      closedReason: null,
      createdById: t.city.userId,
      createdAt: new Date('2026-12-01T00:00:00Z'),
      updatedAt: new Date('2026-12-01T00:00:00Z'),
      referralCount: 1,
    });
    expect((await repo.findIssue(admin, ids.I3))?.referralCount).toBe(0);
    expect(await repo.findIssue(admin, randomUUID())).toBeNull();
  });

  it('reads an issue outside the viewer’s scope as no row', async () => {
    // The subcommittee sees issues with a proposal past DRAFT; a tier-2 coordinator those linked to referrals they see.
    expect(await repo.findIssue(subcommittee, ids.I1)).toBeNull();
    expect((await repo.findIssue(subcommittee, ids.I2))?.id).toBe(ids.I2);
    expect((await repo.findIssue(tier2A, ids.I1))?.id).toBe(ids.I1);
    expect(await repo.findIssue(tier2A, ids.I2)).toBeNull();
    expect(await repo.findIssue(partner, ids.I1)).toBeNull();
  });

  it('finds an issue by its workflow id, in scope', async () => {
    expect((await repo.findIssueByWorkflowId(admin, 'regional-issue:test:I2'))?.id).toBe(ids.I2);
    expect(await repo.findIssueByWorkflowId(tier2A, 'regional-issue:test:I2')).toBeNull();
    expect(await repo.findIssueByWorkflowId(admin, 'regional-issue:test:none')).toBeNull();
  });

  it('counts and pages the issues newest first, (created_at, id) descending, after a cursor', async () => {
    const [second, third] = sorted([ids.I2, ids.I3]).reverse();
    expect(await repo.countIssues(admin, {})).toBe(3);
    expect(idsOf(await repo.pageOfIssues(admin, {}, null, 10))).toEqual([second, third, ids.I1]);
    expect(idsOf(await repo.pageOfIssues(admin, {}, null, 2))).toEqual([second, third]);
    const after = { createdAt: '2026-12-02T00:00:00.000Z', id: third };
    expect(idsOf(await repo.pageOfIssues(admin, {}, after, 2))).toEqual([ids.I1]);
    expect(idsOf(await repo.pageOfIssues(admin, {}, { createdAt: '2026-12-02T00:00:00.000Z', id: second }, 10))).toEqual([third, ids.I1]);
    // The count is the whole list's, whatever the cursor.
    expect(await repo.countIssues(subcommittee, {})).toBe(1);
    expect(idsOf(await repo.pageOfIssues(tier2B, {}, null, 10))).toEqual([ids.I2]);
  });

  it('filters by status, category and area code', async () => {
    expect(await repo.countIssues(admin, { status: ['OPEN', 'CLOSED'] })).toBe(2);
    expect(sorted(idsOf(await repo.pageOfIssues(admin, { status: ['OPEN', 'CLOSED'] }, null, 10)))).toEqual(sorted([ids.I1, ids.I3]));
    expect(await repo.countIssues(admin, { category: ['SHOPPING'] })).toBe(1);
    expect(idsOf(await repo.pageOfIssues(admin, { category: ['SHOPPING'] }, null, 10))).toEqual([ids.I2]);
    expect(idsOf(await repo.pageOfIssues(admin, { areaCode: ['KAWANISHI'] }, null, 10))).toEqual([ids.I1]);
    expect(await repo.countIssues(admin, { category: ['TRANSPORT'], areaCode: ['MEIHO'] })).toBe(0);
    // Empty lists filter nothing.
    expect(await repo.countIssues(admin, { status: [], category: [], areaCode: [] })).toBe(3);
  });

  it('answers which ids name issues the viewer sees', async () => {
    expect(sorted(await repo.visibleIssueIds(admin, [ids.I1, ids.I2, ids.I2, randomUUID()]))).toEqual(sorted([ids.I1, ids.I2]));
    expect([...(await repo.visibleIssueIds(tier2A, [ids.I1, ids.I2, ids.I3]))]).toEqual([ids.I1]);
    expect((await repo.visibleIssueIds(partner, [ids.I1])).size).toBe(0);
    expect((await repo.visibleIssueIds(admin, [])).size).toBe(0);
  });
});

describe('proposals and follow-up actions', () => {
  it('reads a proposal, drafts only for those who see drafts', async () => {
    expect(await repo.findProposal(admin, ids.P1)).toEqual({
      id: ids.P1,
      issueId: ids.I1,
      title: '提案 P1',
      body: '本文',
      status: 'DRAFT',
      revision: 1,
      createdById: t.city.userId,
      submittedAt: null,
      createdAt: new Date('2026-12-05T00:00:00Z'),
      updatedAt: new Date('2026-12-05T00:00:00Z'),
    });
    expect(await repo.findProposal(tier2A, ids.P1)).toBeNull();
    expect((await repo.findProposal(subcommittee, ids.P2))?.status).toBe('ON_AGENDA');
    expect(await repo.findProposal(tier2A, ids.P2)).toBeNull();
    expect(await repo.findProposal(admin, randomUUID())).toBeNull();
  });

  it('reads an action through its proposal’s scope, and unscoped by id', async () => {
    const action = {
      id: ids.FA1,
      proposalId: ids.P2,
      description: '移動販売の試行',
      owner: '市 地域福祉課',
      dueOn: '2027-01-31',
      createdAt: new Date('2026-12-11T00:00:00Z'),
      remindedAt: null,
      doneAt: null,
      doneById: null,
      doneNote: null,
    };
    expect(await repo.findAction(tier2B, ids.FA1)).toEqual(action);
    expect(await repo.findAction(tier2A, ids.FA1)).toBeNull();
    expect(await repo.findAction(admin, randomUUID())).toBeNull();
    expect(await repo.actionById(ids.FA1)).toEqual(action);
    expect(await repo.actionById(randomUUID())).toBeNull();
  });
});

describe('meetings', () => {
  it('reads a meeting in scope: every meeting for the subcommittee, those with a visible proposal on the agenda for tier 2', async () => {
    expect(await repo.findMeeting(subcommittee, ids.M2)).toEqual({
      id: ids.M2,
      title: '部会 M2',
      heldAt: new Date('2027-01-20T05:00:00Z'),
      location: '市役所',
      createdById: t.city.userId,
      createdAt: expect.any(Date),
      cancelledAt: null,
      cancelReason: null,
    });
    expect((await repo.findMeeting(tier2B, ids.M1))?.id).toBe(ids.M1);
    expect(await repo.findMeeting(tier2B, ids.M2)).toBeNull();
    expect(await repo.findMeeting(tier2A, ids.M1)).toBeNull();
    expect(await repo.findMeeting(partner, ids.M1)).toBeNull();
    expect(await repo.findMeeting(admin, randomUUID())).toBeNull();
  });

  it('lists meetings held in [from, to), oldest first, at most the limit', async () => {
    expect(idsOf(await repo.meetingsHeldBetween(admin, undefined, undefined, 10))).toEqual([ids.M1, ids.M2]);
    expect(idsOf(await repo.meetingsHeldBetween(admin, undefined, undefined, 1))).toEqual([ids.M1]);
    expect(idsOf(await repo.meetingsHeldBetween(admin, new Date('2026-12-10T05:00:00Z'), new Date('2027-01-20T05:00:00Z'), 10))).toEqual([ids.M1]);
    expect(idsOf(await repo.meetingsHeldBetween(admin, new Date('2026-12-10T05:00:01Z'), undefined, 10))).toEqual([ids.M2]);
    expect(idsOf(await repo.meetingsHeldBetween(tier2B, undefined, undefined, 10))).toEqual([ids.M1]);
  });

  it('answers which ids name meetings the viewer sees', async () => {
    expect(sorted(await repo.visibleMeetingIds(subcommittee, [ids.M1, ids.M2]))).toEqual(sorted([ids.M1, ids.M2]));
    expect([...(await repo.visibleMeetingIds(tier2B, [ids.M1, ids.M2]))]).toEqual([ids.M1]);
    expect((await repo.visibleMeetingIds(tier2A, [ids.M1, ids.M2])).size).toBe(0);
    expect((await repo.visibleMeetingIds(admin, [])).size).toBe(0);
  });
});
