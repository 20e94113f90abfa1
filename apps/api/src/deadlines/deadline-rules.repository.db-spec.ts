// The deadline rules' storage on a real PostgreSQL (db tier): no row until a category's rule is set, the upsert's
// insert and replacement, and tier1ResponseDays keeping its value (the column default on a new row) when left out.
import { NeedCategory } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { DeadlineRulesRepository } from './deadline-rules.repository';

let t: TestDatabase;
let repo: DeadlineRulesRepository;

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new DeadlineRulesRepository(t.db);
});
afterAll(() => t?.close());

it('has no rule before one is set', async () => {
  expect(await repo.all()).toEqual([]);
  expect(await repo.findByCategory(NeedCategory.TRANSPORT)).toBeNull();
});

it('inserts a rule, tier1ResponseDays at the column default when left out', async () => {
  const row = await repo.upsert({ category: NeedCategory.TRANSPORT, offerResponseDays: 3, progressReminderDays: 10, unmatchedEscalationDays: 7 });
  expect(row).toMatchObject({
    category: 'TRANSPORT',
    offerResponseDays: 3,
    progressReminderDays: 10,
    unmatchedEscalationDays: 7,
    tier1ResponseDays: 5,
  });
  expect(await repo.findByCategory(NeedCategory.TRANSPORT)).toEqual(row);
});

it('replaces the rule of the category, keeping tier1ResponseDays when left out', async () => {
  await repo.upsert({
    category: NeedCategory.SHOPPING,
    offerResponseDays: 2,
    progressReminderDays: 4,
    unmatchedEscalationDays: 6,
    tier1ResponseDays: 9,
  });
  const row = await repo.upsert({ category: NeedCategory.SHOPPING, offerResponseDays: 1, progressReminderDays: 2, unmatchedEscalationDays: 3 });
  expect(row).toMatchObject({
    category: 'SHOPPING',
    offerResponseDays: 1,
    progressReminderDays: 2,
    unmatchedEscalationDays: 3,
    tier1ResponseDays: 9,
  });
  const changed = await repo.upsert({
    category: NeedCategory.SHOPPING,
    offerResponseDays: 1,
    progressReminderDays: 2,
    unmatchedEscalationDays: 3,
    tier1ResponseDays: 4,
  });
  expect(changed.tier1ResponseDays).toBe(4);
  expect((await repo.all()).map((rule) => [rule.category, rule.offerResponseDays, rule.tier1ResponseDays]).sort()).toEqual([
    ['SHOPPING', 1, 4],
    ['TRANSPORT', 3, 5],
  ]);
});

it('lets a value the table refuses through', async () => {
  await expect(
    repo.upsert({ category: NeedCategory.OTHER, offerResponseDays: 0, progressReminderDays: 2, unmatchedEscalationDays: 3 }),
  ).rejects.toMatchObject({ driverError: { code: '23514' } });
  expect(await repo.findByCategory(NeedCategory.OTHER)).toBeNull();
});
