// RegionalIssueSuggestionsRepository on a real PostgreSQL (db tier): the suggestion rule on referrals flagged at known
// times (open, within the window, unlinked, from two areas at least, not all dismissed), its order, and dismissals.
import { randomUUID } from 'node:crypto';
import { NeedCategory } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { RegionalIssueSuggestionsRepository } from './regional-issue-suggestions.repository';

let t: TestDatabase;
let repo: RegionalIssueSuggestionsRepository;
let A: string;
let B: string;
let C: string;
const ids: Record<string, string> = {};
const flaggedAt: Record<string, Date> = {};

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** A referral in `status` whose handoffs after its submission are `steps` (kind, days ago), oldest first. */
async function referral(name: string, category: string, area: string, steps: Array<[string, number]>, status = 'ESCALATED'): Promise<void> {
  const id = randomUUID();
  ids[name] = id;
  const at = steps.map(([, days]) => daysAgo(days));
  const submittedAt = new Date(at[0].getTime() - 60 * 60 * 1000);
  await t.db.query(
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, $2, $3, $4, $5, 'suggestion test', 'AREA', 'TIER1', $6, $7, $8, $9)`,
    [id, `referral:test:${id}`, status, category, area, t.city.userId, steps.length + 1, submittedAt, at.at(-1)],
  );
  await t.db.query(`INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, at) VALUES ($1, 1, 'SUBMITTED', $2, $3)`, [
    id,
    t.city.homeOrganizationId,
    submittedAt,
  ]);
  for (const [i, [kind]] of steps.entries()) {
    await t.db.query(`INSERT INTO referral_handoff (referral_id, seq, kind, at) VALUES ($1, $2, $3, $4)`, [id, i + 2, kind, at[i]]);
  }
  flaggedAt[name] = at.at(-1)!;
}

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new RegionalIssueSuggestionsRepository(t.db);
  ({ areaId: A, secondAreaId: B } = t.city);
  [{ id: C }] = await t.db.query(`INSERT INTO area (code, name) VALUES ('SANBONMATSU', '三本松') RETURNING id`);

  // Flags at half days, so that a window of whole days never ends on one. Three areas:
  await referral('wA', 'WATCH_OVER', A, [['ESCALATED', 5.5]]);
  await referral('wB', 'WATCH_OVER', B, [['UNMATCHED', 4.5]], 'UNMATCHED');
  await referral('wC', 'WATCH_OVER', C, [['ESCALATED', 3.5]]);
  // Two areas, four referrals; vA2's latest flag is the one that counts.
  await referral('vA', 'VOLUNTEER_INTEREST', A, [['ESCALATED', 6.5]]);
  await referral('vB1', 'VOLUNTEER_INTEREST', B, [['ESCALATED', 5.5]]);
  await referral('vA2', 'VOLUNTEER_INTEREST', A, [
    ['UNMATCHED', 10.5],
    ['ESCALATED', 2.5],
  ]);
  await referral('vB3', 'VOLUNTEER_INTEREST', B, [['ESCALATED', 1.5]]);
  // Two areas, two referrals in the window; one linked, one no longer open, one flagged 40 days ago.
  await referral('tA', 'TRANSPORT', A, [['ESCALATED', 3.5]]);
  await referral('tB', 'TRANSPORT', B, [['UNMATCHED', 1.5]], 'UNMATCHED');
  await referral('tLinked', 'TRANSPORT', B, [['ESCALATED', 2.5]]);
  await referral('tOffered', 'TRANSPORT', A, [['ESCALATED', 2.5]], 'OFFERED');
  await referral('tOld', 'TRANSPORT', B, [['ESCALATED', 40.5]]);
  // One area only.
  await referral('sA1', 'SHOPPING', A, [['ESCALATED', 2.5]]);
  await referral('sA2', 'SHOPPING', A, [['ESCALATED', 1.5]]);

  const issueId = randomUUID();
  await t.db.query(
    `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, created_by_id, created_at, updated_at)
     VALUES ($1, $2, '交通', '説明', 'TRANSPORT', 'OPEN', $3, now(), now())`,
    [issueId, `regional-issue:test:${issueId}`, t.city.userId],
  );
  await t.db.query(`INSERT INTO regional_issue_referral (issue_id, referral_id, linked_at, linked_by_id) VALUES ($1, $2, now(), $3)`, [
    issueId,
    ids.tLinked,
    t.city.userId,
  ]);
});
afterAll(() => t?.close());

const group = (category: string, areas: string[], names: string[]) => ({
  category,
  areaIds: [...areas].sort(),
  referralIds: names.map((name) => ids[name]),
  firstAt: flaggedAt[names[0]],
  lastAt: flaggedAt[names.at(-1)!],
});
const normalised = <G extends { areaIds: string[] }>(groups: G[]) => groups.map((g) => ({ ...g, areaIds: [...g.areaIds].sort() }));

describe('suggestedGroups', () => {
  it('groups open, unlinked referrals flagged within the window by category; most areas first, then most referrals', async () => {
    expect(normalised(await repo.suggestedGroups(30))).toEqual([
      group('WATCH_OVER', [A, B, C], ['wA', 'wB', 'wC']),
      group('VOLUNTEER_INTEREST', [A, B], ['vA', 'vB1', 'vA2', 'vB3']),
      group('TRANSPORT', [A, B], ['tA', 'tB']),
    ]);
  });

  it('takes the window in whole days, from each referral’s latest flag', async () => {
    const wide = normalised(await repo.suggestedGroups(60));
    expect(wide.find((g) => g.category === 'TRANSPORT')).toEqual(group('TRANSPORT', [A, B], ['tOld', 'tA', 'tB']));
    // Five days: two areas and two referrals each (vA2 by its ESCALATED, not its UNMATCHED), so by category.
    expect(normalised(await repo.suggestedGroups(5))).toEqual([
      group('TRANSPORT', [A, B], ['tA', 'tB']),
      group('VOLUNTEER_INTEREST', [A, B], ['vA2', 'vB3']),
      group('WATCH_OVER', [B, C], ['wB', 'wC']),
    ]);
    expect(await repo.suggestedGroups(2)).toEqual([]);
  });
});

describe('dismissals', () => {
  it('counts the referrals that exist and are of the category', async () => {
    expect(await repo.countOfCategory([ids.tA, ids.tB], NeedCategory.TRANSPORT)).toBe(2);
    expect(await repo.countOfCategory([ids.tA, ids.vA], NeedCategory.TRANSPORT)).toBe(1);
    expect(await repo.countOfCategory([randomUUID()], NeedCategory.TRANSPORT)).toBe(0);
  });

  it('records a dismissal with who, when and why', async () => {
    const before = Date.now();
    const row = await repo.insertDismissal({
      category: NeedCategory.WATCH_OVER,
      ids: [ids.wC, ids.wA, ids.wB],
      reason: '個別対応で足りる',
      userId: t.city.userId,
    });
    expect(row).toEqual({
      id: expect.any(String),
      category: 'WATCH_OVER',
      referralIds: [ids.wC, ids.wA, ids.wB],
      reason: '個別対応で足りる',
      dismissedAt: expect.any(Date),
    });
    expect(row.dismissedAt.getTime()).toBeGreaterThanOrEqual(before - 60_000);
    const [stored] = await t.db.query(`SELECT dismissed_by_id, referral_ids::text[] AS ids FROM regional_issue_suggestion_dismissal WHERE id = $1`, [
      row.id,
    ]);
    expect(stored).toEqual({ dismissed_by_id: t.city.userId, ids: [ids.wC, ids.wA, ids.wB] });
  });

  it('leaves out a group whose referrals all lie in a dismissal of its category, until a new need joins it', async () => {
    // A dismissal of another category does not count.
    await repo.insertDismissal({
      category: NeedCategory.TRANSPORT,
      ids: [ids.vA, ids.vB1, ids.vA2, ids.vB3],
      reason: '別の分野',
      userId: t.city.userId,
    });
    expect((await repo.suggestedGroups(30)).map((g) => g.category)).toEqual(['VOLUNTEER_INTEREST', 'TRANSPORT']);
    await referral('wNew', 'WATCH_OVER', A, [['ESCALATED', 0.5]]);
    expect(normalised(await repo.suggestedGroups(30))[0]).toEqual(group('WATCH_OVER', [A, B, C], ['wA', 'wB', 'wC', 'wNew']));
  });
});
