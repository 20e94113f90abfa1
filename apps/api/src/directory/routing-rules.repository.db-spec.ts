// The routing rules' SQL on a real PostgreSQL (db tier): the rows a rule's replacement leaves, the order and filters of
// the rules read back, and the lock that makes a second save of the same rule wait for the first's transaction.
import { NeedCategory } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { RoutingRulesRepository } from './routing-rules.repository';

let t: TestDatabase;
let repo: RoutingRulesRepository;
let A: string; // KAWANISHI
let B: string; // MEIHO
let P1: string;
let P2: string;
const ORDER = Object.values(NeedCategory);

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new RoutingRulesRepository(t.db);
  ({ areaId: A, secondAreaId: B, firstPartnerId: P1, secondPartnerId: P2 } = t.city);
  // MEIHO before KAWANISHI: the areas' sort order comes before their codes.
  await t.db.query(`UPDATE area SET sort_order = 1 WHERE id = $1`, [A]);
});
afterAll(() => t?.close());

const stored = (): Promise<Array<{ category: string; area_id: string; rank: number; organization_id: string }>> =>
  t.db.query(`SELECT category, area_id, rank, organization_id FROM routing_preference ORDER BY category, area_id, rank`);

describe('replaceRule', () => {
  it('writes the organisations ranked in the order given, and replaces the whole list', async () => {
    await repo.replaceRule(NeedCategory.SHOPPING, A, [P2, P1]);
    expect(await stored()).toEqual([
      { category: 'SHOPPING', area_id: A, rank: 1, organization_id: P2 },
      { category: 'SHOPPING', area_id: A, rank: 2, organization_id: P1 },
    ]);
    await repo.replaceRule(NeedCategory.SHOPPING, A, [P1]);
    expect(await stored()).toEqual([{ category: 'SHOPPING', area_id: A, rank: 1, organization_id: P1 }]);
  });

  it('deletes the rule on an empty list, leaving other rules alone', async () => {
    await repo.replaceRule(NeedCategory.TRANSPORT, A, [P1]);
    await repo.replaceRule(NeedCategory.SHOPPING, A, []);
    expect(await stored()).toEqual([{ category: 'TRANSPORT', area_id: A, rank: 1, organization_id: P1 }]);
    await repo.replaceRule(NeedCategory.TRANSPORT, A, []);
    expect(await stored()).toEqual([]);
  });
});

describe('rules', () => {
  beforeAll(async () => {
    await repo.replaceRule(NeedCategory.TRANSPORT, A, [P1, P2]);
    await repo.replaceRule(NeedCategory.SHOPPING, A, [P2]);
    await repo.replaceRule(NeedCategory.OTHER, B, [P2, P1]);
  });

  it('reads every rule by area order, then category order, then rank', async () => {
    expect(await repo.rules(ORDER, null, null)).toEqual([
      { category: 'OTHER', areaId: B, organizationId: P2 },
      { category: 'OTHER', areaId: B, organizationId: P1 },
      { category: 'TRANSPORT', areaId: A, organizationId: P1 },
      { category: 'TRANSPORT', areaId: A, organizationId: P2 },
      { category: 'SHOPPING', areaId: A, organizationId: P2 },
    ]);
  });

  it('orders categories as the order given', async () => {
    const reversed = [...ORDER].reverse();
    expect((await repo.rules(reversed, null, 'KAWANISHI')).map((row) => row.category)).toEqual(['SHOPPING', 'TRANSPORT', 'TRANSPORT']);
  });

  it('filters by category and by area code; an unknown code matches none', async () => {
    expect(await repo.rules(ORDER, NeedCategory.SHOPPING, null)).toEqual([{ category: 'SHOPPING', areaId: A, organizationId: P2 }]);
    expect(await repo.rules(ORDER, NeedCategory.OTHER, 'KAWANISHI')).toEqual([]);
    expect((await repo.rules(ORDER, null, 'MEIHO')).map((row) => row.organizationId)).toEqual([P2, P1]);
    expect(await repo.rules(ORDER, null, 'NOWHERE')).toEqual([]);
  });
});

describe('lockRule', () => {
  it("makes a second transaction's lock on the same rule wait until the first ends, and not one on another rule", async () => {
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let locked!: () => void;
    const firstLocked = new Promise<void>((resolve) => (locked = resolve));
    const first = t.db.transaction(async (tx) => {
      await new RoutingRulesRepository(tx).lockRule(NeedCategory.HOME_HELP, A);
      locked();
      await firstHolds;
    });
    await firstLocked;

    // Another rule: not held.
    await t.db.transaction((tx) => new RoutingRulesRepository(tx).lockRule(NeedCategory.HOME_HELP, B));

    let secondGotIt = false;
    const second = t.db.transaction(async (tx) => {
      await new RoutingRulesRepository(tx).lockRule(NeedCategory.HOME_HELP, A);
      secondGotIt = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondGotIt).toBe(false);
    releaseFirst();
    await first;
    await second;
    expect(secondGotIt).toBe(true);
  });
});
