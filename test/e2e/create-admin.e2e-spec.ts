// `npm run create-admin`: the first administrator of a new database. Run as the operator would, from the build,
// against a freshly migrated database on the e2e PostgreSQL server, and against the stack's own (which has one).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { queryRows, readE2eState } from '@tsunagu/testing/e2e';

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..');
const CREATE_ADMIN = join(root, 'dist/apps/api/src/create-admin.js');
const MIGRATE = join(root, 'dist/libs/persistence/src/migrate.js');
const state = readE2eState();
const database = `tsunagu_bootstrap_${randomBytes(4).toString('hex')}`;
const freshUrl = withDatabase(state.databaseUrl, database);

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function run(script: string, databaseUrl: string, args: string[] = []): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  await queryRows(state.databaseUrl, `CREATE DATABASE ${database}`);
  const migrated = run(MIGRATE, freshUrl);
  expect(migrated).toMatchObject({ code: 0 });
});

afterAll(async () => {
  await queryRows(state.databaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe('create-admin', () => {
  it('creates the first administrator of a new database, once, with a temporary password to change', async () => {
    const created = run(CREATE_ADMIN, freshUrl, ['--email', ' Admin@City.Example ', '--name', ' 情報政策課 管理者 ']);
    expect(created.code).toBe(0);
    const password = /temporary password \(shown once; to be changed at first sign-in\): (\S+)/.exec(created.output)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const [user] = await queryRows<{ id: string; password_hash: string }>(
      freshUrl,
      `SELECT id, email, display_name, role, organization_id, area_id, active, must_change_password, temporary_password_issued_at, temporary_password_issued_by, password_hash FROM app_user`,
    );
    expect(user).toMatchObject({
      email: 'admin@city.example',
      display_name: '情報政策課 管理者',
      role: 'ADMIN',
      organization_id: null,
      area_id: null,
      active: true,
      must_change_password: true,
      // It expires TSUNAGU_TEMPORARY_PASSWORD_HOURS after this; issued by the console, not an administrator.
      temporary_password_issued_at: expect.any(Date),
      temporary_password_issued_by: null,
    });
    expect(await argon2.verify(user.password_hash, password!)).toBe(true);
    expect(created.output).not.toContain(user.password_hash);
    expect(await queryRows(freshUrl, `SELECT actor_role, operation, object_id, result FROM audit_event`)).toEqual([
      { actor_role: 'CONSOLE', operation: 'create-admin', object_id: user.id, result: 'OK' },
    ]);

    // The account-created mail, queued with the user in its transaction (docs/NOTIFICATIONS.md), never with the
    // password. No worker serves this database; the sender's delivery of the kind is notifications.e2e-spec.ts's.
    const outbox = await queryRows<Record<string, unknown>>(
      freshUrl,
      `SELECT source_key, kind, recipient_user_id, recipient_email, facts, delivery, status FROM notification`,
    );
    expect(outbox).toEqual([
      {
        source_key: `user:${user.id}:ACCOUNT_CREATED`,
        kind: 'ACCOUNT_CREATED',
        recipient_user_id: user.id,
        recipient_email: 'admin@city.example',
        facts: { recipientName: '情報政策課 管理者' },
        delivery: 'IMMEDIATE',
        status: 'PENDING',
      },
    ]);
    expect(JSON.stringify(outbox)).not.toContain(password!);

    // Once there is an administrator, further users come from createUser (audited with who made them).
    const again = run(CREATE_ADMIN, freshUrl, ['--email', 'second@city.example', '--name', '二人目']);
    expect(again.code).toBe(2);
    expect(again.output).toContain('an active administrator exists (admin@city.example)');
    expect(await queryRows(freshUrl, `SELECT count(*)::int AS n FROM app_user`)).toEqual([{ n: 1 }]);
    expect(await queryRows(freshUrl, `SELECT count(*)::int AS n FROM notification`)).toEqual([{ n: 1 }]);
  });

  it('refuses on a database that has an active administrator (the stack’s demo data has one)', async () => {
    const refused = run(CREATE_ADMIN, state.databaseUrl, ['--email', 'extra-admin@city.example', '--name', '余計な管理者']);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('an active administrator exists');
    expect(await queryRows(state.databaseUrl, `SELECT id FROM app_user WHERE email = 'extra-admin@city.example'`)).toEqual([]);
  });

  it.each([
    ['no email', ['--name', '管理者']],
    ['a malformed email', ['--email', 'not-an-address', '--name', '管理者']],
    ['a blank name', ['--email', 'x@city.example', '--name', '   ']],
    ['a name of 101 characters', ['--email', 'x@city.example', '--name', 'あ'.repeat(101)]],
    ['an unknown option', ['--email', 'x@city.example', '--name', '管理者', '--role', 'ADMIN']],
  ])('refuses %s with exit code 2 and writes nothing', async (_case, args) => {
    const refused = run(CREATE_ADMIN, state.databaseUrl, args);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/^create-admin: /m);
    expect(await queryRows(state.databaseUrl, `SELECT id FROM app_user WHERE email = 'x@city.example'`)).toEqual([]);
  });
});
