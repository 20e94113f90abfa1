// Organisation writes on a real PostgreSQL (db tier): the rows each writes, the unique name it lets through, the upsert
// by name telling created from updated, capacity, and the areas an organisation serves.
import { randomUUID } from 'node:crypto';
import { NeedCategory, OrganizationKind } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { ImportedOrganization, OrganizationsRepository } from './organizations.repository';

let t: TestDatabase;
let repo: OrganizationsRepository;

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new OrganizationsRepository(t.db);
});
afterAll(() => t?.close());

const row = async (id: string): Promise<Record<string, unknown>> =>
  (
    await t.db.query(
      `SELECT name, kind, categories, contact_name, contact_email, contact_phone, notification_email, has_system_users,
              accepting_referrals, updated_at FROM organization WHERE id = $1`,
      [id],
    )
  )[0];
const areasOf = async (id: string): Promise<string[]> =>
  (await t.db.query(`SELECT area_id FROM organization_area WHERE organization_id = $1`, [id])).map((r: { area_id: string }) => r.area_id).sort();

describe('insert and update', () => {
  let id: string;

  it('inserts an organisation with the values given', async () => {
    id = await repo.insert({
      name: '朝日見守りの会',
      kind: OrganizationKind.VOLUNTEER_GROUP,
      categories: [NeedCategory.WATCH_OVER, NeedCategory.OTHER],
      contactName: '山田',
      contactEmail: null,
      contactPhone: '072-000-0000',
      notificationEmail: 'asahi@example.jp',
      hasSystemUsers: false,
      acceptingReferrals: true,
    });
    expect(await row(id)).toMatchObject({
      name: '朝日見守りの会',
      kind: 'VOLUNTEER_GROUP',
      categories: ['WATCH_OVER', 'OTHER'],
      contact_name: '山田',
      contact_email: null,
      contact_phone: '072-000-0000',
      notification_email: 'asahi@example.jp',
      has_system_users: false,
      accepting_referrals: true,
    });
  });

  it('lets a name already taken through as the unique violation', async () => {
    await expect(
      repo.insert({ name: '朝日見守りの会', kind: OrganizationKind.NPO, categories: [], hasSystemUsers: true, acceptingReferrals: true }),
    ).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'organization_name_key' } });
  });

  it('changes only the columns given', async () => {
    const updatedAt = new Date('2026-12-01T00:00:00Z');
    await repo.update(id, { contactName: null, acceptingReferrals: false, updatedAt });
    expect(await row(id)).toMatchObject({
      name: '朝日見守りの会',
      contact_name: null,
      contact_phone: '072-000-0000',
      accepting_referrals: false,
      updated_at: updatedAt,
    });
    await expect(repo.update(id, { name: 'NPO法人 つながり移動支援' })).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'organization_name_key' },
    });
  });

  it('finds the id of a name, and none for a name nobody has', async () => {
    expect(await repo.idByName('朝日見守りの会')).toBe(id);
    expect(await repo.idByName('朝日見守りの')).toBeNull();
  });
});

describe('setAcceptingReferrals', () => {
  it('sets capacity and says whether the organisation exists', async () => {
    await t.db.query(`UPDATE organization SET updated_at = '2026-01-01T00:00:00Z' WHERE id = $1`, [t.city.firstPartnerId]);
    expect(await repo.setAcceptingReferrals(t.city.firstPartnerId, false)).toBe(true);
    const after = await row(t.city.firstPartnerId);
    expect(after.accepting_referrals).toBe(false);
    expect((after.updated_at as Date).getTime()).toBeGreaterThan(Date.parse('2026-01-02T00:00:00Z'));
    expect(await repo.setAcceptingReferrals(t.city.firstPartnerId, true)).toBe(true);
    expect((await row(t.city.firstPartnerId)).accepting_referrals).toBe(true);
    expect(await repo.setAcceptingReferrals(randomUUID(), false)).toBe(false);
  });
});

describe('replaceAreas', () => {
  it('makes the organisation serve exactly the areas given', async () => {
    const P = t.city.secondPartnerId;
    await repo.replaceAreas(P, [t.city.areaId]);
    expect(await areasOf(P)).toEqual([t.city.areaId]);
    await repo.replaceAreas(P, [t.city.secondAreaId, t.city.areaId]);
    expect(await areasOf(P)).toEqual([t.city.areaId, t.city.secondAreaId].sort());
    await repo.replaceAreas(P, [t.city.secondAreaId]);
    expect(await areasOf(P)).toEqual([t.city.secondAreaId]);
    await repo.replaceAreas(P, []);
    expect(await areasOf(P)).toEqual([]);
  });
});

describe('upsertByName', () => {
  const imported: ImportedOrganization = {
    name: '明峰買い物支援',
    kind: OrganizationKind.BUSINESS,
    categories: [NeedCategory.SHOPPING],
    contactName: '佐藤',
    contactEmail: 'kaimono@example.jp',
    contactPhone: null,
    hasSystemUsers: null,
    acceptingReferrals: null,
  };

  it('creates a new organisation, true where the row left a flag blank', async () => {
    const written = await repo.upsertByName(imported);
    expect(written.created).toBe(true);
    expect(await row(written.id)).toMatchObject({
      name: '明峰買い物支援',
      kind: 'BUSINESS',
      categories: ['SHOPPING'],
      contact_name: '佐藤',
      contact_email: 'kaimono@example.jp',
      contact_phone: null,
      has_system_users: true,
      accepting_referrals: true,
    });
  });

  it('updates the one with the name: the contacts become the row’s, a blank flag keeps its value', async () => {
    const { id } = await repo.upsertByName(imported);
    await t.db.query(
      `UPDATE organization SET has_system_users = false, accepting_referrals = false, notification_email = 'x@example.jp' WHERE id = $1`,
      [id],
    );
    const written = await repo.upsertByName({ ...imported, kind: OrganizationKind.NPO, contactName: null, acceptingReferrals: true });
    expect(written).toEqual({ id, created: false });
    expect(await row(id)).toMatchObject({
      kind: 'NPO',
      contact_name: null,
      contact_email: 'kaimono@example.jp',
      notification_email: 'x@example.jp',
      has_system_users: false,
      accepting_referrals: true,
    });
  });
});
