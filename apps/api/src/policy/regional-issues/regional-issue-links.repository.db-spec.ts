// RegionalIssueLinksRepository on a real PostgreSQL (db tier): whether a referral is linked to an issue now.
import { randomUUID } from 'node:crypto';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { RegionalIssueLinksRepository } from './regional-issue-links.repository';

let t: TestDatabase;
let repo: RegionalIssueLinksRepository;
let first: string;
let second: string;
let linked: string;
let other: string;

async function issue(): Promise<string> {
  const id = randomUUID();
  await t.db.query(
    `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, created_by_id, created_at, updated_at)
     VALUES ($1, $2, '課題', '説明', 'TRANSPORT', 'OPEN', $3, now(), now())`,
    [id, `regional-issue:test:${id}`, t.city.userId],
  );
  return id;
}

async function referral(): Promise<string> {
  const id = randomUUID();
  await t.db.query(
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, $2, 'ESCALATED', 'TRANSPORT', $3, 'link test', 'AREA', 'TIER1', $4, 0, now(), now())`,
    [id, `referral:test:${id}`, t.city.areaId, t.city.userId],
  );
  return id;
}

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new RegionalIssueLinksRepository(t.db);
  [first, second, linked, other] = [await issue(), await issue(), await referral(), await referral()];
  await t.db.query(`INSERT INTO regional_issue_referral (issue_id, referral_id, linked_at, linked_by_id) VALUES ($1, $2, now(), $3)`, [
    first,
    linked,
    t.city.userId,
  ]);
});
afterAll(() => t?.close());

it('answers whether the referral is linked to that issue', async () => {
  expect(await repo.isLinked(first, linked)).toBe(true);
  expect(await repo.isLinked(second, linked)).toBe(false);
  expect(await repo.isLinked(first, other)).toBe(false);
  expect(await repo.isLinked(randomUUID(), linked)).toBe(false);
});

it('answers false once the link is gone', async () => {
  await t.db.query(`DELETE FROM regional_issue_referral WHERE issue_id = $1 AND referral_id = $2`, [first, linked]);
  expect(await repo.isLinked(first, linked)).toBe(false);
});
