// PolicyRowsRepository on a real PostgreSQL (db tier): each batch read's rows, columns and order, ids without rows,
// and the policy loaders that hand each id its own rows.
import { randomUUID } from 'node:crypto';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { createPolicyLoaders } from './policy-loaders';
import { PolicyRowsRepository } from './policy-rows.repository';

let t: TestDatabase;
let repo: PolicyRowsRepository;
const ids: Record<string, string> = {};

async function issue(name: string, createdAt: string, areaIds: string[]): Promise<void> {
  ids[name] = randomUUID();
  await t.db.query(
    `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, created_by_id, created_at, updated_at)
     VALUES ($1, $2, $3, '説明', 'TRANSPORT', 'OPEN', $4, $5, $5)`,
    [ids[name], `regional-issue:test:${name}`, `課題 ${name}`, t.city.userId, createdAt],
  );
  for (const areaId of areaIds) await t.db.query(`INSERT INTO regional_issue_area (issue_id, area_id) VALUES ($1, $2)`, [ids[name], areaId]);
}

async function referral(name: string, id: string): Promise<void> {
  ids[name] = id;
  await t.db.query(
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, $2, 'ESCALATED', 'TRANSPORT', $3, 'rows test', 'AREA', 'TIER1', $4, 0, now(), now())`,
    [ids[name], `referral:test:${ids[name]}`, t.city.areaId, t.city.userId],
  );
}

const link = (issueName: string, referralName: string, linkedAt: string) =>
  t.db.query(`INSERT INTO regional_issue_referral (issue_id, referral_id, linked_at, linked_by_id) VALUES ($1, $2, $3, $4)`, [
    ids[issueName],
    ids[referralName],
    linkedAt,
    t.city.userId,
  ]);

async function proposal(name: string, issueName: string, createdAt: string): Promise<void> {
  ids[name] = randomUUID();
  await t.db.query(
    `INSERT INTO policy_proposal (id, issue_id, title, body, status, revision, created_by_id, submitted_at, created_at, updated_at)
     VALUES ($1, $2, $3, '本文', 'SUBMITTED', 2, $4, $5, $5, $5)`,
    [ids[name], ids[issueName], `提案 ${name}`, t.city.userId, createdAt],
  );
}

async function meeting(name: string, heldAt: string): Promise<void> {
  [{ id: ids[name] }] = await t.db.query(`INSERT INTO subcommittee_meeting (title, held_at, created_by_id) VALUES ($1, $2, $3) RETURNING id`, [
    `部会 ${name}`,
    heldAt,
    t.city.userId,
  ]);
}

async function action(name: string, proposalName: string, dueOn: string, createdAt: string): Promise<void> {
  ids[name] = randomUUID();
  await t.db.query(`INSERT INTO follow_up_action (id, proposal_id, description, owner, due_on, created_at) VALUES ($1, $2, $3, '市', $4, $5)`, [
    ids[name],
    ids[proposalName],
    `対応 ${name}`,
    dueOn,
    createdAt,
  ]);
}

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new PolicyRowsRepository(t.db);
  // MEIHO sorts before KAWANISHI by sort order (the code decides only between equal sort orders).
  await t.db.query(`UPDATE area SET sort_order = -1 WHERE id = $1`, [t.city.secondAreaId]);
  await issue('I1', '2026-12-01T00:00:00Z', [t.city.areaId, t.city.secondAreaId]);
  await issue('I2', '2026-12-02T00:00:00Z', [t.city.areaId]);
  // r2, linked to I1 first, has the greater id: the links' order is their time's, not their ids'.
  const [smaller, greater] = [randomUUID(), randomUUID()].sort();
  await referral('r1', smaller);
  await referral('r2', greater);
  await link('I1', 'r2', '2026-12-03T00:00:00Z');
  await link('I1', 'r1', '2026-12-04T00:00:00Z');
  await link('I2', 'r1', '2026-12-05T00:00:00Z');
  await proposal('P1', 'I1', '2026-12-06T00:00:00Z');
  await proposal('P0', 'I1', '2026-12-05T00:00:00Z');
  await proposal('P2', 'I2', '2026-12-06T00:00:00Z');
  await meeting('M1', '2026-12-20T05:00:00Z');
  await meeting('M2', '2027-01-20T05:00:00Z');
  await t.db.query(
    `INSERT INTO agenda_item (meeting_id, proposal_id, added_at) VALUES ($1, $2, '2026-12-08T00:00:00Z'), ($1, $3, '2026-12-07T00:00:00Z')`,
    [ids.M1, ids.P1, ids.P0],
  );
  await t.db.query(
    `INSERT INTO agenda_item (meeting_id, proposal_id, added_at, decision, minutes, decided_at, decided_by_id)
     VALUES ($1, $2, '2026-12-09T00:00:00Z', 'ADOPTED', '全会一致', '2027-01-20T06:00:00Z', $3)`,
    [ids.M2, ids.P1, t.city.userId],
  );
  await action('FA1', 'P1', '2027-02-01', '2026-12-10T00:00:00Z');
  await action('FA2', 'P1', '2027-01-15', '2026-12-11T00:00:00Z');
  for (const [seq, kind] of [
    [2, 'REFERRAL_LINKED'],
    [1, 'CREATED'],
  ] as const) {
    await t.db.query(`INSERT INTO regional_issue_event (issue_id, seq, kind, actor_id, referral_id, at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      ids.I1,
      seq,
      kind,
      t.city.userId,
      kind === 'REFERRAL_LINKED' ? ids.r1 : null,
      `2026-12-0${seq}T00:00:00Z`,
    ]);
  }
  await t.db.query(`INSERT INTO regional_issue_event (issue_id, seq, kind, at) VALUES ($1, 1, 'CREATED', '2026-12-02T00:00:00Z')`, [ids.I2]);
});
afterAll(() => t?.close());

const idsOf = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
const sorted = (...names: string[]) => names.map((name) => ids[name]).sort();

describe('by ids', () => {
  it('reads the issues, proposals, meetings and actions of the ids, none for an unknown id', async () => {
    const unknown = randomUUID();
    const issues = await repo.issuesByIds([ids.I1, ids.I2, unknown]);
    expect(idsOf(issues)).toEqual(sorted('I1', 'I2'));
    expect(issues.find((row) => row.id === ids.I1)).toEqual({
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
      referralCount: 2,
    });
    expect(await repo.proposalsByIds([ids.P0, unknown])).toEqual([
      {
        id: ids.P0,
        issueId: ids.I1,
        title: '提案 P0',
        body: '本文',
        status: 'SUBMITTED',
        revision: 2,
        createdById: t.city.userId,
        submittedAt: new Date('2026-12-05T00:00:00Z'),
        createdAt: new Date('2026-12-05T00:00:00Z'),
        updatedAt: new Date('2026-12-05T00:00:00Z'),
      },
    ]);
    expect(idsOf(await repo.meetingsByIds([ids.M1, ids.M2]))).toEqual(sorted('M1', 'M2'));
    expect((await repo.meetingsByIds([ids.M2]))[0]).toMatchObject({ title: '部会 M2', heldAt: new Date('2027-01-20T05:00:00Z'), cancelledAt: null });
    expect(await repo.actionsByIds([ids.FA2])).toEqual([
      {
        id: ids.FA2,
        proposalId: ids.P1,
        description: '対応 FA2',
        owner: '市',
        dueOn: '2027-01-15',
        createdAt: new Date('2026-12-11T00:00:00Z'),
        remindedAt: null,
        doneAt: null,
        doneById: null,
        doneNote: null,
      },
    ]);
    expect(await repo.issuesByIds([unknown])).toEqual([]);
    expect(await repo.actionsByIds([])).toEqual([]);
  });
});

describe('of ids', () => {
  it('reads the areas of issues in sort order, then code', async () => {
    expect(await repo.areasOfIssues([ids.I1])).toEqual([
      { id: t.city.secondAreaId, code: 'MEIHO', name: '明峰', sortOrder: -1, issueId: ids.I1 },
      { id: t.city.areaId, code: 'KAWANISHI', name: '川西', sortOrder: 0, issueId: ids.I1 },
    ]);
    const both = await repo.areasOfIssues([ids.I1, ids.I2]);
    expect(both).toHaveLength(3);
    expect(both.filter((row) => row.issueId === ids.I2)).toEqual([
      { id: t.city.areaId, code: 'KAWANISHI', name: '川西', sortOrder: 0, issueId: ids.I2 },
    ]);
  });

  it('reads the links of issues oldest first, and of referrals by their issues’ age', async () => {
    expect(await repo.linksOfIssues([ids.I1, ids.I2])).toEqual([
      { issueId: ids.I1, referralId: ids.r2 },
      { issueId: ids.I1, referralId: ids.r1 },
      { issueId: ids.I2, referralId: ids.r1 },
    ]);
    expect(await repo.linksOfReferrals([ids.r1])).toEqual([
      { issueId: ids.I1, referralId: ids.r1 },
      { issueId: ids.I2, referralId: ids.r1 },
    ]);
    expect(await repo.linksOfReferrals([randomUUID()])).toEqual([]);
  });

  it('reads the proposals of issues and the events of issues in order', async () => {
    expect((await repo.proposalsOfIssues([ids.I1])).map((row) => row.id)).toEqual([ids.P0, ids.P1]);
    expect((await repo.proposalsOfIssues([ids.I2])).map((row) => row.id)).toEqual([ids.P2]);
    const events = await repo.eventsOfIssues([ids.I1]);
    expect(events).toEqual([
      {
        issueId: ids.I1,
        seq: 1,
        kind: 'CREATED',
        actorId: t.city.userId,
        proposalId: null,
        meetingId: null,
        actionId: null,
        referralId: null,
        decision: null,
        note: null,
        at: new Date('2026-12-01T00:00:00Z'),
      },
      expect.objectContaining({ seq: 2, kind: 'REFERRAL_LINKED', referralId: ids.r1 }),
    ]);
    expect((await repo.eventsOfIssues([ids.I1, ids.I2])).map((row) => row.issueId).sort()).toEqual([ids.I1, ids.I1, ids.I2].sort());
  });

  it('reads agendas of meetings and proposals by when items were put on, and actions by due date', async () => {
    expect((await repo.agendaOfMeetings([ids.M1])).map((row) => row.proposalId)).toEqual([ids.P0, ids.P1]);
    expect(await repo.agendaOfProposals([ids.P1])).toEqual([
      {
        meetingId: ids.M1,
        proposalId: ids.P1,
        addedAt: new Date('2026-12-08T00:00:00Z'),
        decision: null,
        minutes: null,
        decidedAt: null,
        decidedById: null,
      },
      {
        meetingId: ids.M2,
        proposalId: ids.P1,
        addedAt: new Date('2026-12-09T00:00:00Z'),
        decision: 'ADOPTED',
        minutes: '全会一致',
        decidedAt: new Date('2027-01-20T06:00:00Z'),
        decidedById: t.city.userId,
      },
    ]);
    expect((await repo.actionsOfProposals([ids.P1, ids.P0])).map((row) => row.id)).toEqual([ids.FA2, ids.FA1]);
    expect(await repo.actionsOfProposals([ids.P0])).toEqual([]);
  });
});

it('gives each id of a loader’s batch its own rows', async () => {
  const loaders = createPolicyLoaders(t.db);
  const unknown = randomUUID();
  const [issue1, missing] = await Promise.all([loaders.issue.load(ids.I1), loaders.issue.load(unknown)]);
  expect(issue1?.title).toBe('課題 I1');
  expect(missing).toBeNull();
  const areas = await loaders.areasOfIssue.loadMany([ids.I2, ids.I1, unknown]);
  expect(areas.map((rows) => (rows as Array<{ code: string }>).map((row) => row.code))).toEqual([['KAWANISHI'], ['MEIHO', 'KAWANISHI'], []]);
  const agendas = await loaders.agendaOfMeeting.loadMany([ids.M2, ids.M1]);
  expect(agendas.map((rows) => (rows as Array<{ proposalId: string }>).map((row) => row.proposalId))).toEqual([[ids.P1], [ids.P0, ids.P1]]);
});
