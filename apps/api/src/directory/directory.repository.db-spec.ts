// The directory's reads on a real PostgreSQL (db tier): the city of openTestDatabase (areas KAWANISHI and MEIHO, the
// council, an NPO and the silver HR centre, a tier-2 coordinator of the council) plus a third area sorted first.
import { randomUUID } from 'node:crypto';
import { NeedCategory, OrganizationKind } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { DirectoryRepository } from './directory.repository';

let t: TestDatabase;
let repo: DirectoryRepository;
let first: string; // area ASAHI, sort_order -1

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new DirectoryRepository(t.db);
  [{ id: first }] = await t.db.query(`INSERT INTO area (code, name, sort_order) VALUES ('ASAHI', '朝日', -1) RETURNING id`);
  await t.db.query(`UPDATE organization SET categories = ARRAY['SHOPPING', 'TRANSPORT'] WHERE id = $1`, [t.city.secondPartnerId]);
  await t.db.query(`INSERT INTO organization_area (organization_id, area_id) VALUES ($1, $2), ($3, $4)`, [
    t.city.firstPartnerId,
    t.city.areaId,
    t.city.secondPartnerId,
    t.city.secondAreaId,
  ]);
});
afterAll(() => t?.close());

describe('areas', () => {
  it('lists every area by sort order, then code', async () => {
    expect((await repo.areas()).map((area) => area.code)).toEqual(['ASAHI', 'KAWANISHI', 'MEIHO']);
  });

  it('finds an area by its code, and none for an unknown code', async () => {
    expect(await repo.areaByCode('MEIHO')).toMatchObject({ id: t.city.secondAreaId, code: 'MEIHO', name: '明峰', sortOrder: 0 });
    expect(await repo.areaByCode('NOWHERE')).toBeNull();
  });

  it('reads the areas of some ids, leaving unknown ids out', async () => {
    const found = await repo.areasByIds([t.city.areaId, first, randomUUID(), first]);
    expect(found.map((area) => area.code).sort()).toEqual(['ASAHI', 'KAWANISHI']);
  });

  it('gives id and code of the codes that exist, each once', async () => {
    const rows = await repo.areaIdsByCode(['MEIHO', 'NOWHERE', 'ASAHI', 'MEIHO']);
    expect(rows.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { id: first, code: 'ASAHI' },
      { id: t.city.secondAreaId, code: 'MEIHO' },
    ]);
    expect(await repo.areaIdsByCode(['NOWHERE'])).toEqual([]);
  });
});

describe('organisations', () => {
  it('finds one by id, and none for an unknown id', async () => {
    expect(await repo.findById(t.city.firstPartnerId)).toMatchObject({
      name: 'NPO法人 つながり移動支援',
      kind: OrganizationKind.NPO,
      categories: [NeedCategory.TRANSPORT],
      acceptingReferrals: true,
    });
    expect(await repo.findById(randomUUID())).toBeNull();
  });

  it('finds those of some ids, leaving unknown ids out', async () => {
    const found = await repo.findByIds([t.city.secondPartnerId, randomUUID(), t.city.homeOrganizationId]);
    expect(found.map((org) => org.id).sort()).toEqual([t.city.secondPartnerId, t.city.homeOrganizationId].sort());
    expect(await repo.findByIds([randomUUID()])).toEqual([]);
  });

  it('tells whether an organisation has an active user of its own', async () => {
    expect(await repo.hasActiveUser(t.city.homeOrganizationId)).toBe(true);
    expect(await repo.hasActiveUser(t.city.firstPartnerId)).toBe(false);
    await t.db.query(
      `INSERT INTO app_user (email, display_name, role, organization_id, password_hash, active)
       VALUES ('gone@tsunagu.test', 'gone', 'PARTNER', $1, 'not-a-hash', false)`,
      [t.city.firstPartnerId],
    );
    expect(await repo.hasActiveUser(t.city.firstPartnerId)).toBe(false);
  });

  it('lists them by name then id, filtered by kind, category and area code', async () => {
    const names = async (filter: Parameters<DirectoryRepository['organizations']>[0]) => (await repo.organizations(filter)).map((org) => org.name);
    // By name: in PostgreSQL's collation of the database, as ORDER BY o.name sorts them.
    const all: Array<{ name: string }> = await t.db.query(`SELECT name FROM organization ORDER BY name, id`);
    expect(await names({})).toEqual(all.map((row) => row.name));
    expect(await names({ kind: OrganizationKind.SILVER_HR_CENTER })).toEqual(['川西市シルバー人材センター']);
    expect(await names({ category: NeedCategory.SHOPPING })).toEqual(['川西市シルバー人材センター']);
    expect(await names({ areaCode: 'KAWANISHI' })).toEqual(['NPO法人 つながり移動支援']);
    expect(await names({ areaCode: 'MEIHO', category: NeedCategory.TRANSPORT })).toEqual(['川西市シルバー人材センター']);
    expect(await names({ areaCode: 'MEIHO', kind: OrganizationKind.NPO })).toEqual([]);
    expect(await names({ areaCode: 'NOWHERE' })).toEqual([]);
  });
});
