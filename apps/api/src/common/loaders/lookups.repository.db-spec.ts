// LookupsRepository on a real PostgreSQL (db tier): what each of the loaders' batches reads for many keys at once,
// unknown keys left out, and the order the rows come in where the loaders keep it.
import { randomUUID } from 'node:crypto';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { LookupsRepository } from './lookups.repository';

let t: TestDatabase;
let repo: LookupsRepository;
let A: string; // KAWANISHI, sorted after MEIHO below
let B: string; // MEIHO
let P1: string;
let P2: string;
let HOME: string;
const referrals: string[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new LookupsRepository(t.db);
  ({ areaId: A, secondAreaId: B, firstPartnerId: P1, secondPartnerId: P2, homeOrganizationId: HOME } = t.city);
  await t.db.query(`UPDATE area SET sort_order = CASE WHEN id = $1 THEN 2 ELSE 1 END`, [A]);
  await t.db.query(`INSERT INTO organization_area (organization_id, area_id) VALUES ($1, $3), ($2, $3), ($2, $4)`, [P1, P2, A, B]);
  // P1's only user is inactive; the home organisation's (the city's tier-2 coordinator) is active; P2 has none.
  await t.db.query(
    `INSERT INTO app_user (email, display_name, role, organization_id, password_hash, active)
     VALUES ('gone@tsunagu.test', '退職 済', 'PARTNER', $1, 'not-a-hash', false)`,
    [P1],
  );
  const issue = randomUUID();
  await t.db.query(
    `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, created_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, '通院の足', '送迎が足りない', 'TRANSPORT', 'OPEN', $3, 1, '2026-11-06T10:00:00+09:00', '2026-11-06T10:00:00+09:00')`,
    [issue, `regional-issue:test:${issue}`, t.city.userId],
  );
  for (const n of [1, 2]) {
    const id = randomUUID();
    referrals.push(id);
    await t.db.query(
      `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                             submitted_by_id, current_organization_id, last_seq, created_at, updated_at)
       VALUES ($1, $2, $3, 'OFFERED', 'TRANSPORT', $4, '通院', 'AREA', 'PARTNER', $5, $6, 3, '2026-11-01T10:00:00+09:00', '2026-11-01T10:00:00+09:00')`,
      [id, `referral:test:${id}`, `form-${n}`, A, t.city.userId, P1],
    );
    // Written out of order: the read puts them in seq order.
    await t.db.query(
      `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, actor_id, proxy, reason, note, at,
                                     regional_issue_id, regional_issue_seq)
       VALUES ($1, 3, 'LINKED_TO_ISSUE', NULL, NULL, $2, false, NULL, NULL, '2026-11-06T10:00:00+09:00', $3, 1),
              ($1, 1, 'SUBMITTED', $4, NULL, $2, true, NULL, 'よろしく', '2026-11-01T10:00:00+09:00', NULL, NULL),
              ($1, 2, 'OFFERED', NULL, $5, NULL, false, 'ROUTED', NULL, '2026-11-01T10:00:00+09:00', NULL, NULL)`,
      [id, t.city.userId, issue, HOME, P1],
    );
  }
});
afterAll(() => t?.close());

const sortedById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

it('reads areas, organisations and users by id, leaving unknown ids out', async () => {
  const areas = await repo.areasByIds([A, randomUUID(), B]);
  expect(sortedById(areas)).toEqual(
    sortedById([
      { id: A, code: 'KAWANISHI', name: '川西', sortOrder: 2 },
      { id: B, code: 'MEIHO', name: '明峰', sortOrder: 1 },
    ]),
  );
  expect(await repo.areasByIds([randomUUID()])).toEqual([]);

  const organizations = await repo.organizationsByIds([P2, randomUUID()]);
  expect(organizations).toEqual([
    expect.objectContaining({ id: P2, name: '川西市シルバー人材センター', kind: 'SILVER_HR_CENTER', categories: ['TRANSPORT'] }),
  ]);

  const users = await repo.usersByIds([t.city.userId, randomUUID()]);
  expect(users).toEqual([
    expect.objectContaining({
      id: t.city.userId,
      email: 'tier2@tsunagu.test',
      displayName: '地域 二層',
      role: 'TIER2_COORDINATOR',
      organizationId: HOME,
      active: true,
    }),
  ]);
});

it('reads the areas of organisations in the areas’ sort order, each with its organisation', async () => {
  const rows = await repo.areasOfOrganizations([P2, P1, HOME]);
  expect(rows.filter((row) => row.organizationId === P2)).toEqual([
    { id: B, code: 'MEIHO', name: '明峰', sortOrder: 1, organizationId: P2 },
    { id: A, code: 'KAWANISHI', name: '川西', sortOrder: 2, organizationId: P2 },
  ]);
  expect(rows.filter((row) => row.organizationId === P1)).toEqual([{ id: A, code: 'KAWANISHI', name: '川西', sortOrder: 2, organizationId: P1 }]);
  expect(rows).toHaveLength(3);
  expect(await repo.areasOfOrganizations([HOME])).toEqual([]);
});

it('names the organisations that have an active user', async () => {
  expect(await repo.organizationsWithActiveUser([HOME, P1, P2])).toEqual([HOME]);
  expect(await repo.organizationsWithActiveUser([P1])).toEqual([]);
});

it('reads every handoff of the referrals by referral, oldest first, with the policy track’s columns', async () => {
  const rows = await repo.handoffsOfReferrals(referrals);
  const [first, second] = [...referrals].sort();
  expect(rows.map((row) => [row.referralId, row.seq])).toEqual([
    [first, 1],
    [first, 2],
    [first, 3],
    [second, 1],
    [second, 2],
    [second, 3],
  ]);
  const own = rows.filter((row) => row.referralId === referrals[0]);
  expect(own[0]).toEqual({
    referralId: referrals[0],
    seq: 1,
    kind: 'SUBMITTED',
    fromOrganizationId: HOME,
    toOrganizationId: null,
    actorId: t.city.userId,
    proxy: true,
    reason: null,
    note: 'よろしく',
    at: new Date('2026-11-01T10:00:00+09:00'),
    regionalIssueId: null,
    policyProposalId: null,
  });
  expect(own[1]).toMatchObject({ kind: 'OFFERED', toOrganizationId: P1, actorId: null, proxy: false, reason: 'ROUTED' });
  expect(own[2]).toMatchObject({ kind: 'LINKED_TO_ISSUE', regionalIssueId: expect.any(String), policyProposalId: null });
  expect(await repo.handoffsOfReferrals([randomUUID()])).toEqual([]);
});
