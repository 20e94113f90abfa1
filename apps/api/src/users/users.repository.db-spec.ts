// The user accounts' SQL on a real PostgreSQL (db tier): the lookups, the administrators' list in byte order with its
// filters and cursor, and the rows each write leaves (token versions, temporary passwords, locks).
import { randomUUID } from 'node:crypto';
import { Role } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { UsersRepository } from './users.repository';

let t: TestDatabase;
let repo: UsersRepository;
beforeAll(async () => {
  t = await openTestDatabase();
  repo = new UsersRepository(t.db);
});
afterAll(() => t?.close());

async function user(email: string, details: { role?: Role; organizationId?: string | null; active?: boolean; name?: string } = {}): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await t.db.query(
    `INSERT INTO app_user (email, display_name, role, organization_id, password_hash, active) VALUES ($1, $2, $3, $4, 'not-a-hash', $5) RETURNING id`,
    [email, details.name ?? email, details.role ?? Role.PARTNER, details.organizationId ?? t.city.firstPartnerId, details.active ?? true],
  );
  return id;
}

async function row(id: string): Promise<Record<string, unknown>> {
  const [found] = await t.db.query(
    `SELECT active, token_version, password_hash, must_change_password, password_changed_at, temporary_password_issued_at,
            temporary_password_issued_by FROM app_user WHERE id = $1`,
    [id],
  );
  return found;
}

describe('lookups', () => {
  let active: string;
  let inactive: string;
  beforeAll(async () => {
    active = await user('lookup-active@tsunagu.test', { name: '有効 太郎' });
    inactive = await user('lookup-inactive@tsunagu.test', { active: false, name: '無効 花子' });
  });

  it('finds a user by id and by email, active or not; only active ones as active', async () => {
    expect(await repo.findById(inactive)).toMatchObject({ id: inactive, email: 'lookup-inactive@tsunagu.test', active: false, tokenVersion: 0 });
    expect(await repo.findByEmail('lookup-inactive@tsunagu.test')).toMatchObject({ id: inactive, displayName: '無効 花子' });
    expect(await repo.findActiveById(active)).toMatchObject({ id: active, active: true });
    expect(await repo.findActiveById(inactive)).toBeNull();
    expect(await repo.findById(randomUUID())).toBeNull();
    // As stored: lower-case; the caller normalises.
    expect(await repo.findByEmail('LOOKUP-ACTIVE@tsunagu.test')).toBeNull();
  });

  it('tells whether an email is taken, and the name of an active user by email', async () => {
    expect(await repo.emailTaken('lookup-inactive@tsunagu.test')).toBe(true);
    expect(await repo.emailTaken('nobody@tsunagu.test')).toBe(false);
    expect(await repo.findActiveNameByEmail('lookup-active@tsunagu.test')).toEqual({ id: active, displayName: '有効 太郎' });
    expect(await repo.findActiveNameByEmail('lookup-inactive@tsunagu.test')).toBeNull();
    expect(await repo.findActiveNameByEmail('nobody@tsunagu.test')).toBeNull();
  });

  it('finds the organisation and area a new user is placed in', async () => {
    expect(await repo.findOrganization(t.city.firstPartnerId)).toMatchObject({ id: t.city.firstPartnerId, name: 'NPO法人 つながり移動支援' });
    expect(await repo.findOrganization(randomUUID())).toBeNull();
    expect(await repo.findAreaByCode('MEIHO')).toMatchObject({ id: t.city.secondAreaId, code: 'MEIHO' });
    expect(await repo.findAreaByCode('NOWHERE')).toBeNull();
  });
});

describe('page', () => {
  // The second partner's users only, so the other tests' users stay out. Byte order: '-' < '.' < '_' < letters.
  const emails = ['p-b@tsunagu.test', 'p.a@tsunagu.test', 'p_c@tsunagu.test', 'pa@tsunagu.test'];
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const email of [...emails].reverse())
      ids[email] = await user(email, { organizationId: t.city.secondPartnerId, active: email !== 'p.a@tsunagu.test' });
    ids.subcommittee = await user('p0@tsunagu.test', { organizationId: t.city.secondPartnerId, role: Role.SUBCOMMITTEE });
  });

  it('lists in email byte order, counts all that match, and continues after the cursor', async () => {
    const org = { organizationId: t.city.secondPartnerId, role: Role.PARTNER };
    const first = await repo.page(org, 2, null);
    expect(first.rows.map((u) => u.email)).toEqual(['p-b@tsunagu.test', 'p.a@tsunagu.test']);
    expect(first).toMatchObject({ totalCount: 4, hasNextPage: true });
    const second = await repo.page(org, 2, { email: 'p.a@tsunagu.test', id: ids['p.a@tsunagu.test'] });
    expect(second.rows.map((u) => u.email)).toEqual(['p_c@tsunagu.test', 'pa@tsunagu.test']);
    expect(second).toMatchObject({ totalCount: 4, hasNextPage: false });
    expect((await repo.page(org, 10, { email: 'pa@tsunagu.test', id: ids['pa@tsunagu.test'] })).rows).toEqual([]);
  });

  it('filters by role, organisation and whether the user is active', async () => {
    const org = t.city.secondPartnerId;
    expect((await repo.page({ organizationId: org }, 10, null)).totalCount).toBe(5);
    expect((await repo.page({ organizationId: org, role: Role.SUBCOMMITTEE }, 10, null)).rows.map((u) => u.id)).toEqual([ids.subcommittee]);
    expect((await repo.page({ organizationId: org, active: false }, 10, null)).rows.map((u) => u.email)).toEqual(['p.a@tsunagu.test']);
    expect((await repo.page({ organizationId: org, active: true }, 10, null)).totalCount).toBe(4);
    expect((await repo.page({ organizationId: org, active: null, role: null }, 10, null)).totalCount).toBe(5);
  });
});

describe('writes', () => {
  it('inserts a temporary account: must change the password, issued now by the administrator; a taken email is a unique violation', async () => {
    const admin = await user('admin-w@tsunagu.test', { role: Role.ADMIN, organizationId: null });
    const account = {
      email: 'new-tier2@tsunagu.test',
      displayName: '新しい 二層',
      role: Role.TIER2_COORDINATOR,
      organizationId: t.city.homeOrganizationId,
      areaId: t.city.areaId,
      passwordHash: 'hash-1',
      issuedBy: admin,
    };
    const id = await repo.insertTemporaryAccount(account);
    const [stored] = await t.db.query(
      `SELECT email, display_name, role, organization_id, area_id, password_hash, must_change_password, active,
              temporary_password_issued_at > now() - interval '1 minute' AS issued_now, temporary_password_issued_by
         FROM app_user WHERE id = $1`,
      [id],
    );
    expect(stored).toEqual({
      email: 'new-tier2@tsunagu.test',
      display_name: '新しい 二層',
      role: 'TIER2_COORDINATOR',
      organization_id: t.city.homeOrganizationId,
      area_id: t.city.areaId,
      password_hash: 'hash-1',
      must_change_password: true,
      active: true,
      issued_now: true,
      temporary_password_issued_by: admin,
    });
    await expect(repo.insertTemporaryAccount({ ...account, displayName: 'other' })).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'app_user_email_key' },
    });
  });

  it('locks the rows that exist, in id order, until the transaction ends', async () => {
    const a = await user('lock-a@tsunagu.test');
    const b = await user('lock-b@tsunagu.test', { active: false });
    await t.db.transaction(async (tx) => {
      const rows = await new UsersRepository(tx).lockForUpdate([b, randomUUID(), a]);
      expect(rows).toEqual([a, b].sort().map((id) => ({ id, active: id === a })));
      await expect(t.db.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE NOWAIT`, [a])).rejects.toThrow(/could not obtain lock/);
    });
    expect(await t.db.query(`SELECT 1 AS n FROM app_user WHERE id = $1 FOR UPDATE NOWAIT`, [a])).toEqual([{ n: 1 }]);
  });

  it('deactivates an active user once (voiding their tokens), and reactivates without touching the tokens', async () => {
    const id = await user('deactivate@tsunagu.test');
    await repo.deactivate(id);
    expect(await row(id)).toMatchObject({ active: false, token_version: 1 });
    await repo.deactivate(id);
    expect(await row(id)).toMatchObject({ active: false, token_version: 1 });
    expect(await repo.reactivate(id)).toBe(true);
    expect(await row(id)).toMatchObject({ active: true, token_version: 1 });
    expect(await repo.reactivate(randomUUID())).toBe(false);
  });

  it('issues a temporary password: a new hash to change, tokens void, failures before it no longer counting', async () => {
    const admin = await user('admin-r@tsunagu.test', { role: Role.ADMIN, organizationId: null });
    const id = await user('reset@tsunagu.test', { name: '再設定 次郎' });
    await t.db.query(`UPDATE app_user SET password_changed_at = now() - interval '1 day' WHERE id = $1`, [id]);
    const issued = await repo.issueTemporaryPassword(id, 'hash-temp', admin);
    const stored = await row(id);
    expect(issued).toEqual({ displayName: '再設定 次郎', issuedAt: stored.temporary_password_issued_at });
    expect(stored).toMatchObject({ password_hash: 'hash-temp', must_change_password: true, token_version: 1, temporary_password_issued_by: admin });
    expect((stored.password_changed_at as Date).getTime()).toBe((stored.temporary_password_issued_at as Date).getTime());
    expect(await repo.issueTemporaryPassword(randomUUID(), 'hash', admin)).toBeNull();
  });

  it('replaces the password only while the user is active and the token version is the one given', async () => {
    const admin = await user('admin-p@tsunagu.test', { role: Role.ADMIN, organizationId: null });
    const id = await user('own@tsunagu.test');
    await repo.issueTemporaryPassword(id, 'hash-temp', admin);
    expect(await repo.replacePassword(id, 'hash-own', 0)).toBe(false);
    expect(await row(id)).toMatchObject({ password_hash: 'hash-temp', token_version: 1 });
    expect(await repo.replacePassword(id, 'hash-own', 1)).toBe(true);
    expect(await row(id)).toMatchObject({
      password_hash: 'hash-own',
      must_change_password: false,
      token_version: 2,
      temporary_password_issued_at: null,
      temporary_password_issued_by: null,
    });
    await repo.deactivate(id);
    expect(await repo.replacePassword(id, 'hash-late', 3)).toBe(false);
    expect(await row(id)).toMatchObject({ password_hash: 'hash-own', token_version: 3 });
  });

  it('bumps the token version of one user', async () => {
    const id = await user('sign-out@tsunagu.test');
    const other = await user('bystander@tsunagu.test');
    await repo.bumpTokenVersion(id);
    await repo.bumpTokenVersion(id);
    expect(await row(id)).toMatchObject({ token_version: 2, active: true });
    expect(await row(other)).toMatchObject({ token_version: 0 });
  });
});
