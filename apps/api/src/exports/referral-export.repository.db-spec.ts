// ReferralExportRepository on a real PostgreSQL (db tier): the directory's names, every row of each table.
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { ReferralExportRepository } from './referral-export.repository';

let t: TestDatabase;
let repo: ReferralExportRepository;
beforeAll(async () => {
  t = await openTestDatabase();
  repo = new ReferralExportRepository(t.db);
  await t.db.query(
    `INSERT INTO app_user (email, display_name, role, organization_id, password_hash, active)
     VALUES ('gone@tsunagu.test', '退職 済', 'PARTNER', $1, 'not-a-hash', false)`,
    [t.city.firstPartnerId],
  );
});
afterAll(() => t?.close());

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

it('reads every area with its code and name', async () => {
  expect(byId(await repo.areaNames())).toEqual(
    byId([
      { id: t.city.areaId, code: 'KAWANISHI', name: '川西' },
      { id: t.city.secondAreaId, code: 'MEIHO', name: '明峰' },
    ]),
  );
});

it('reads every organisation’s name', async () => {
  expect(byId(await repo.organizationNames())).toEqual(
    byId([
      { id: t.city.homeOrganizationId, name: '川西市社会福祉協議会' },
      { id: t.city.firstPartnerId, name: 'NPO法人 つながり移動支援' },
      { id: t.city.secondPartnerId, name: '川西市シルバー人材センター' },
    ]),
  );
});

it('reads every user’s display name, inactive ones too (they still name what they submitted)', async () => {
  const users = await repo.userNames();
  expect(users).toHaveLength(2);
  expect(users.find((u) => u.id === t.city.userId)).toEqual({ id: t.city.userId, name: '地域 二層' });
  expect(users.map((u) => u.name).sort()).toEqual(['地域 二層', '退職 済'].sort());
});
