// create-admin's SQL on a real PostgreSQL (db tier): the lock that serialises runs, what counts as an administrator
// already there or an email taken, and the account and audit rows a run writes.
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { CreateAdminRepository } from './create-admin.repository';

let t: TestDatabase;
let repo: CreateAdminRepository;
beforeAll(async () => {
  t = await openTestDatabase();
  repo = new CreateAdminRepository(t.db);
});
afterAll(() => t?.close());

/** Whether another session could take the run's lock now (held only for that one statement if it could). */
async function lockFree(): Promise<boolean> {
  const [{ free }] = await t.db.query(`SELECT pg_try_advisory_xact_lock(hashtext('tsunagu:create-admin')) AS free`);
  return free;
}

it('holds the run’s lock until its transaction ends', async () => {
  expect(await lockFree()).toBe(true);
  await t.db.transaction(async (tx) => {
    await new CreateAdminRepository(tx).lockAgainstOtherRuns();
    expect(await lockFree()).toBe(false);
  });
  expect(await lockFree()).toBe(true);
});

it('sees an active administrator only, and any user’s email as taken', async () => {
  expect(await repo.findActiveAdministratorEmail()).toBeNull();
  await t.db.query(
    `INSERT INTO app_user (email, display_name, role, password_hash, active) VALUES ('former-admin@tsunagu.test', '元管理者', 'ADMIN', 'x', false)`,
  );
  expect(await repo.findActiveAdministratorEmail()).toBeNull();
  expect(await repo.emailTaken('former-admin@tsunagu.test')).toBe(true);
  expect(await repo.emailTaken('tier2@tsunagu.test')).toBe(true);
  expect(await repo.emailTaken('admin@tsunagu.test')).toBe(false);
});

it('writes the administrator, with a temporary password issued by the console, and its audit row', async () => {
  const id = await repo.insertAdministrator('admin@tsunagu.test', '管理 太郎', 'hash-temp');
  const [user] = await t.db.query(
    `SELECT email, display_name, role, organization_id, area_id, password_hash, must_change_password, active,
            temporary_password_issued_at > now() - interval '1 minute' AS issued_now, temporary_password_issued_by
       FROM app_user WHERE id = $1`,
    [id],
  );
  expect(user).toEqual({
    email: 'admin@tsunagu.test',
    display_name: '管理 太郎',
    role: 'ADMIN',
    organization_id: null,
    area_id: null,
    password_hash: 'hash-temp',
    must_change_password: true,
    active: true,
    issued_now: true,
    temporary_password_issued_by: null,
  });
  expect(await repo.findActiveAdministratorEmail()).toBe('admin@tsunagu.test');

  await repo.recordCreation(id, 'admin@tsunagu.test');
  const audit = await t.db.query(
    `SELECT actor_user_id, actor_role, operation, object_type, object_id, result, details FROM audit_event WHERE object_id = $1`,
    [id],
  );
  expect(audit).toEqual([
    {
      actor_user_id: null,
      actor_role: 'CONSOLE',
      operation: 'create-admin',
      object_type: 'User',
      object_id: id,
      result: 'OK',
      details: { email: 'admin@tsunagu.test', role: 'ADMIN' },
    },
  ]);
});
