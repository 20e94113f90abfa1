// ReferralsRepository on a real PostgreSQL (db tier): five referrals with known histories, read by an admin, a tier-2
// coordinator and two partners, one of which two referrals have left; each filter, both orders and their keysets.
import { randomUUID } from 'node:crypto';
import { NeedCategory, ReferralStatus, Role } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import type { Viewer } from '../common/viewer';
import { ReferralSearch, ReferralsRepository } from './referrals.repository';

let t: TestDatabase;
let repo: ReferralsRepository;
let A: string; // area KAWANISHI
let P1: string;
let P2: string;
let U: string; // the city's user: submits every referral and acts in their histories
const ids: Record<string, string> = {};

/** "Needs me now" is judged at this instant (a Tuesday), so r5's deadline two hours later is soon. */
const NOW = new Date('2026-11-10T10:00:00+09:00');
const R5_DUE = new Date('2026-11-10T12:00:00+09:00');

interface Step {
  kind: string;
  at: string;
  from?: string | null;
  to?: string | null;
  actor?: string | null;
  note?: string | null;
  issue?: string | null;
}

async function referral(
  name: string,
  r: {
    area: string;
    category: NeedCategory;
    summary: string;
    createdAt: string;
    status: ReferralStatus;
    holder?: string | null;
    dueAt?: Date | null;
    kanaIndex?: string[] | null;
  },
  steps: Step[],
): Promise<void> {
  const id = randomUUID();
  ids[name] = id;
  await t.db.query(
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, current_organization_id, response_due_at, subject_name_kana_index, last_seq, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'PERSON', 'PARTNER', $8, $9, $10, $11, $12, $13, $13)`,
    [
      id,
      `referral:test:${name}`,
      `form-${id}`,
      r.status,
      r.category,
      r.area,
      r.summary,
      U,
      r.holder ?? null,
      r.dueAt ?? null,
      r.kanaIndex ?? null,
      steps.length,
      r.createdAt,
    ],
  );
  for (const [i, step] of steps.entries()) {
    await t.db.query(
      `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, actor_id, note, at, regional_issue_id,
                                     regional_issue_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        i + 1,
        step.kind,
        step.from ?? null,
        step.to ?? null,
        step.actor ?? null,
        step.note ?? null,
        step.at,
        step.issue ?? null,
        step.issue ? 1 : null,
      ],
    );
  }
}

const viewer = (role: Role, organizationId: string | null = null, areaId: string | null = null): Viewer => ({
  id: randomUUID(),
  email: '',
  displayName: '',
  role,
  organizationId,
  areaId,
});
let admin: Viewer;
let tier2: Viewer;
let partner1: Viewer;
let partner2: Viewer;

const search = (filter: ReferralSearch['filter'] = {}, kanaTerms: string[] | null = null): ReferralSearch => ({ filter, kanaTerms, now: NOW });
const idsOf = (rows: Array<{ id: string }>) => rows.map((row) => row.id);
const named = (...names: string[]) => names.map((name) => ids[name]);
const sorted = (values: string[]) => [...values].sort();

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new ReferralsRepository(t.db);
  ({ areaId: A, firstPartnerId: P1, secondPartnerId: P2, userId: U } = t.city);
  const B = t.city.secondAreaId;
  admin = viewer(Role.ADMIN);
  tier2 = viewer(Role.TIER2_COORDINATOR, t.city.homeOrganizationId, A);
  partner1 = viewer(Role.PARTNER, P1);
  partner2 = viewer(Role.PARTNER, P2);

  // Offered to P1, which has not answered: the last minute of 1 November (JST).
  await referral(
    'r1',
    {
      area: A,
      category: NeedCategory.TRANSPORT,
      summary: '通院 1000 回',
      createdAt: '2026-11-01T23:59:59+09:00',
      status: ReferralStatus.OFFERED,
      holder: P1,
    },
    [
      { kind: 'SUBMITTED', at: '2026-11-01T23:59:59+09:00', from: t.city.homeOrganizationId, actor: U },
      { kind: 'OFFERED', at: '2026-11-01T23:59:59+09:00', to: P1 },
    ],
  );
  // Declined by P1, then offered to P2, which accepted it: it has left P1, which sees it OFFERED, held by nobody.
  await referral(
    'r2',
    {
      area: B,
      category: NeedCategory.SHOPPING,
      summary: '買い物の付き添い',
      createdAt: '2026-11-02T00:00:00+09:00',
      status: ReferralStatus.ACCEPTED,
      holder: P2,
    },
    [
      { kind: 'SUBMITTED', at: '2026-11-02T00:00:00+09:00', from: t.city.homeOrganizationId, actor: U },
      { kind: 'OFFERED', at: '2026-11-02T00:00:00+09:00', to: P1 },
      { kind: 'DECLINED', at: '2026-11-02T09:00:00+09:00', from: P1, actor: U },
      { kind: 'OFFERED', at: '2026-11-02T09:00:00+09:00', to: P2 },
      { kind: 'ACCEPTED', at: '2026-11-03T09:00:00+09:00', from: P2, to: P2, actor: U },
    ],
  );
  // Never offered to anyone; its summary holds LIKE's own characters, its ふりがな a blind-index term.
  await referral(
    'r3',
    {
      area: A,
      category: NeedCategory.HOME_HELP,
      summary: 'ゴミ出し 100%_対応',
      createdAt: '2026-11-03T23:59:00+09:00',
      status: ReferralStatus.UNMATCHED,
      kanaIndex: ['k:yamada', 'k:taro'],
    },
    [
      { kind: 'SUBMITTED', at: '2026-11-03T23:59:00+09:00', from: t.city.homeOrganizationId, actor: U },
      { kind: 'UNMATCHED', at: '2026-11-03T23:59:00+09:00' },
    ],
  );
  // r4 and r5 were submitted at the same instant: the id breaks the tie. P1 escalated r4 (it has left P1) and holds r5.
  await referral(
    'r4',
    { area: B, category: NeedCategory.TRANSPORT, summary: '通院の送迎', createdAt: '2026-11-04T00:00:00+09:00', status: ReferralStatus.ESCALATED },
    [
      { kind: 'SUBMITTED', at: '2026-11-04T00:00:00+09:00', from: t.city.homeOrganizationId, actor: U },
      { kind: 'OFFERED', at: '2026-11-04T00:00:00+09:00', to: P1 },
      { kind: 'ESCALATED', at: '2026-11-05T09:00:00+09:00', from: P1, actor: U },
    ],
  );
  const issue = randomUUID();
  await t.db.query(
    `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, created_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, '通院の足', '送迎が足りない', 'TRANSPORT', 'OPEN', $3, 1, '2026-11-06T10:00:00+09:00', '2026-11-06T10:00:00+09:00')`,
    [issue, `regional-issue:test:${issue}`, U],
  );
  await referral(
    'r5',
    {
      area: A,
      category: NeedCategory.TRANSPORT,
      summary: '週2回の通院',
      createdAt: '2026-11-04T00:00:00+09:00',
      status: ReferralStatus.ACCEPTED,
      holder: P1,
      dueAt: R5_DUE,
    },
    [
      { kind: 'SUBMITTED', at: '2026-11-04T00:00:00+09:00', from: t.city.homeOrganizationId, actor: U },
      { kind: 'OFFERED', at: '2026-11-04T00:00:00+09:00', to: P1 },
      { kind: 'ACCEPTED', at: '2026-11-05T09:00:00+09:00', from: P1, to: P1, actor: U, note: '火曜から' },
      // A policy-track entry made by a person: not a move of the referral.
      { kind: 'LINKED_TO_ISSUE', at: '2026-11-06T10:00:00+09:00', actor: U, issue },
    ],
  );
});
afterAll(() => t?.close());

/** r4 and r5 newest first: same created_at, the greater id first. */
const r4r5 = () => (ids.r4 > ids.r5 ? named('r4', 'r5') : named('r5', 'r4'));

describe('finding one or some', () => {
  it('finds a referral by id or workflow id only within the viewer’s scope', async () => {
    expect(await repo.findVisibleById(admin, ids.r3)).toMatchObject({ id: ids.r3, status: 'UNMATCHED', summary: 'ゴミ出し 100%_対応', areaId: A });
    expect(await repo.findVisibleById(tier2, ids.r3)).toMatchObject({ id: ids.r3 });
    // Never offered to a partner: it does not exist for one.
    expect(await repo.findVisibleById(partner1, ids.r3)).toBeNull();
    expect(await repo.findVisibleById(partner1, ids.r2)).toMatchObject({ id: ids.r2, currentOrganizationId: P2, status: 'ACCEPTED' });
    // Another area's, submitted by someone else: hidden from the tier-2 coordinator.
    expect(await repo.findVisibleById(tier2, ids.r2)).toBeNull();
    expect(await repo.findVisibleById(viewer(Role.SUBCOMMITTEE), ids.r1)).toBeNull();
    expect(await repo.findVisibleById(admin, randomUUID())).toBeNull();

    expect(await repo.findVisibleByWorkflowId(partner2, 'referral:test:r2')).toMatchObject({ id: ids.r2 });
    expect(await repo.findVisibleByWorkflowId(partner2, 'referral:test:r1')).toBeNull();
    expect(await repo.findVisibleByWorkflowId(admin, 'referral:test:none')).toBeNull();
  });

  it('finds the visible ones among ids, each once, unknown and hidden ones left out', async () => {
    const rows = await repo.findVisibleByIds(partner1, [ids.r1, ids.r3, ids.r2, ids.r2, randomUUID()]);
    expect(sorted(idsOf(rows))).toEqual(sorted(named('r1', 'r2')));
    expect(await repo.findVisibleByIds(admin, [])).toEqual([]);
  });

  it('reads the latest handoff made by a person, leaving out routing and policy-track entries', async () => {
    expect(await repo.lastPersonHandoff(ids.r5)).toEqual({ kind: 'ACCEPTED', actorId: U, toOrganizationId: P1, reason: null, note: '火曜から' });
    // The offer after the submission was routing (no actor).
    expect(await repo.lastPersonHandoff(ids.r1)).toEqual({ kind: 'SUBMITTED', actorId: U, toOrganizationId: null, reason: null, note: null });
    expect(await repo.lastPersonHandoff(randomUUID())).toBeNull();
  });
});

describe('lists', () => {
  it('reads newest first by (created_at, id), a page at a time after a keyset', async () => {
    const first = await repo.newestMatching(admin, search(), 3, null);
    expect(idsOf(first)).toEqual([...r4r5(), ids.r3]);
    const [, second] = r4r5();
    const last = first[1];
    expect(last.id).toBe(second);
    expect(idsOf(await repo.newestMatching(admin, search(), 3, { createdAt: last.createdAt, id: last.id }))).toEqual(named('r3', 'r2', 'r1'));
    // A cursor's instant as a string (decodeCreatedAtCursor), between the tied two: only the one with the smaller id follows.
    const [firstOfTie] = r4r5();
    expect(idsOf(await repo.newestMatching(admin, search(), 1, { createdAt: '2026-11-03T15:00:00.000Z', id: firstOfTie }))).toEqual([second]);
    expect(idsOf(await repo.newestMatching(partner2, search(), 10, null))).toEqual(named('r2'));
  });

  it('counts and lists by category, area code, status and holder, the last two as the viewer sees them', async () => {
    const both = async (v: Viewer, filter: ReferralSearch['filter']) => {
      const rows = await repo.newestMatching(v, search(filter), 10, null);
      expect(await repo.countMatching(v, search(filter))).toBe(rows.length);
      return sorted(idsOf(rows));
    };
    expect(await both(admin, {})).toEqual(sorted(named('r1', 'r2', 'r3', 'r4', 'r5')));
    expect(await both(tier2, {})).toEqual(sorted(named('r1', 'r3', 'r5')));
    expect(await both(partner1, {})).toEqual(sorted(named('r1', 'r2', 'r4', 'r5')));
    expect(await both(admin, { category: [NeedCategory.TRANSPORT] })).toEqual(sorted(named('r1', 'r4', 'r5')));
    expect(await both(admin, { areaCode: ['MEIHO'] })).toEqual(sorted(named('r2', 'r4')));
    expect(await both(admin, { areaCode: ['NOWHERE'] })).toEqual([]);
    expect(await both(admin, { status: [ReferralStatus.ACCEPTED] })).toEqual(sorted(named('r2', 'r5')));
    // P2 accepted r2 after P1 declined it: P1 sees it as it left, OFFERED and held by nobody.
    expect(await both(partner1, { status: [ReferralStatus.ACCEPTED] })).toEqual(named('r5'));
    expect(await both(partner1, { status: [ReferralStatus.OFFERED] })).toEqual(sorted(named('r1', 'r2')));
    expect(await both(admin, { organizationId: P2 })).toEqual(named('r2'));
    expect(await both(partner1, { organizationId: P2 })).toEqual([]);
    expect(await both(partner1, { organizationId: P1 })).toEqual(sorted(named('r1', 'r5')));
  });

  it('searches the summary with LIKE’s characters taken literally, and the ふりがな only by the terms given', async () => {
    expect(await repo.countMatching(admin, search({ text: '100%' }))).toBe(1);
    expect(idsOf(await repo.newestMatching(admin, search({ text: ' 100%_ ' }), 10, null))).toEqual(named('r3'));
    expect(idsOf(await repo.newestMatching(admin, search({ text: '通院' }), 10, null))).toEqual([...r4r5(), ids.r1]);
    expect(await repo.countMatching(admin, search({ text: 'やまだ' }))).toBe(0);
    expect(idsOf(await repo.newestMatching(admin, search({ text: 'やまだ' }, ['k:yamada']), 10, null))).toEqual(named('r3'));
    expect(await repo.countMatching(admin, search({ text: 'やまだ' }, ['k:other']))).toBe(0);
  });

  it('filters by the JST day of submission, both ends included', async () => {
    expect(sorted(idsOf(await repo.newestMatching(admin, search({ submittedFrom: '2026-11-02', submittedTo: '2026-11-03' }), 10, null)))).toEqual(
      sorted(named('r2', 'r3')),
    );
    expect(await repo.countMatching(admin, search({ submittedTo: '2026-11-01' }))).toBe(1);
    expect(await repo.countMatching(admin, search({ submittedFrom: '2026-11-04' }))).toBe(2);
  });

  it('keeps only what needs the viewer now, and orders by urgency, deadline, newest, with a keyset', async () => {
    // P1: r1 offered to it (1), r5 held with a deadline within two business days (3); r2 and r4 have left it (9).
    expect(sorted(idsOf(await repo.newestMatching(partner1, search({ needsAttention: true }), 10, null)))).toEqual(sorted(named('r1', 'r5')));
    expect(await repo.countMatching(partner2, search({ needsAttention: true }))).toBe(0);

    const all = await repo.mostUrgentMatching(partner1, search(), 10, null);
    expect(idsOf(all.rows)).toEqual(named('r1', 'r5', 'r4', 'r2'));
    expect(all.rows.map((row) => all.urgencyOf.get(row.id))).toEqual([1, 3, 9, 9]);

    const firstPage = await repo.mostUrgentMatching(partner1, search(), 2, null);
    expect(idsOf(firstPage.rows)).toEqual(named('r1', 'r5'));
    const after = { urgency: 3, dueAt: R5_DUE.toISOString(), createdAt: '2026-11-03T15:00:00.000Z', id: ids.r5 };
    const secondPage = await repo.mostUrgentMatching(partner1, search(), 2, after);
    expect(idsOf(secondPage.rows)).toEqual(named('r4', 'r2'));
    // Past the last row: nothing.
    const end = { urgency: 9, dueAt: null, createdAt: '2026-11-01T15:00:00.000Z', id: ids.r2 };
    expect((await repo.mostUrgentMatching(partner1, search(), 2, end)).rows).toEqual([]);
    // With the status filter: only the urgent one P1 still sees OFFERED and holds.
    expect(idsOf((await repo.mostUrgentMatching(partner1, search({ status: [ReferralStatus.OFFERED] }), 10, null)).rows)).toEqual(named('r1', 'r2'));
  });

  it('counts by status as the viewer sees it, its status list left out', async () => {
    expect(await repo.countsByStatus(admin, search({ status: [ReferralStatus.UNMATCHED] }))).toEqual([
      { status: 'ACCEPTED', count: 2 },
      { status: 'ESCALATED', count: 1 },
      { status: 'OFFERED', count: 1 },
      { status: 'UNMATCHED', count: 1 },
    ]);
    expect(await repo.countsByStatus(partner1, search())).toEqual([
      { status: 'ACCEPTED', count: 1 },
      { status: 'ESCALATED', count: 1 },
      { status: 'OFFERED', count: 2 },
    ]);
    expect(await repo.countsByStatus(partner1, search({ category: [NeedCategory.SHOPPING] }))).toEqual([{ status: 'OFFERED', count: 1 }]);
    expect(await repo.countsByStatus(partner2, search({ category: [NeedCategory.HOME_HELP] }))).toEqual([]);
  });
});

describe('left states', () => {
  it('tells a partner which referrals have left it, when, and the status they left in', async () => {
    const left = await repo.leftStates(partner1, named('r1', 'r2', 'r4', 'r5'));
    expect(left).toEqual(
      new Map([
        [ids.r2, { leftAtSeq: 3, leftAt: new Date('2026-11-02T09:00:00+09:00'), status: 'OFFERED' }],
        [ids.r4, { leftAtSeq: 3, leftAt: new Date('2026-11-05T09:00:00+09:00'), status: 'ESCALATED' }],
      ]),
    );
    // r2 has not left P2, which holds it.
    expect((await repo.leftStates(partner2, named('r2'))).size).toBe(0);
  });

  it('reads nothing for any other viewer or no ids', async () => {
    expect((await repo.leftStates(admin, named('r2', 'r4'))).size).toBe(0);
    expect((await repo.leftStates(partner1, [])).size).toBe(0);
  });
});
