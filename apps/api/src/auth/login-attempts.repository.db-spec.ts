// The sign-in rate limit's SQL on a real PostgreSQL (db tier): which earlier failures count against an attempt, per
// account and per client address (the window, a later success from the same address, a password changed since, the
// limits), and the rows the other statements leave.
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { AttemptLimits, LoginAttemptsRepository } from './login-attempts.repository';

let t: TestDatabase;
let repo: LoginAttemptsRepository;
beforeAll(async () => {
  t = await openTestDatabase();
  repo = new LoginAttemptsRepository(t.db);
});
afterAll(() => t?.close());

const limits: AttemptLimits = { windowSeconds: 900, maxFailuresPerAccount: 5, maxFailuresPerAddress: 20 };

/** An earlier attempt, `secondsAgo` before now; its time in epoch milliseconds, as the repository reads it (microseconds kept). */
async function earlier(emailHash: string, address: string, secondsAgo: number, success = false): Promise<number> {
  const [row]: Array<{ at: string }> = await t.db.query(
    `INSERT INTO login_attempt (email_hash, client_address, success, at) VALUES ($1, $2, $3, now() - make_interval(secs => $4))
     RETURNING extract(epoch FROM at) * 1000 AS at`,
    [emailHash, address, success, secondsAgo],
  );
  return Number(row.at);
}

const times = (values: number[]) => values.map(Number);

async function stored(id: string): Promise<{ email_hash: string; client_address: string; success: boolean } | undefined> {
  const [row] = await t.db.query(`SELECT email_hash, client_address, success FROM login_attempt WHERE id = $1`, [id]);
  return row;
}

describe('recordAttempt', () => {
  it('writes the attempt as a failure, with the time the database gave it', async () => {
    const before = Date.now();
    const attempt = await repo.recordAttempt('acct-new', '192.0.2.1', null, limits);
    expect(attempt).toMatchObject({ id: expect.stringMatching(/^\d+$/), account: [], address: [] });
    expect(Math.abs(Number(attempt.at) - before)).toBeLessThan(60_000);
    expect(await stored(attempt.id)).toEqual({ email_hash: 'acct-new', client_address: '192.0.2.1', success: false });
  });

  it('counts the failures within the window, newest first, for the account and for the address', async () => {
    const old = await earlier('acct-w', '192.0.2.2', 1000);
    const a = await earlier('acct-w', '192.0.2.2', 300);
    const b = await earlier('acct-w', '198.51.100.9', 200);
    const c = await earlier('other-account', '192.0.2.2', 100);
    const attempt = await repo.recordAttempt('acct-w', '192.0.2.2', null, limits);
    expect(times(attempt.account)).toEqual([b, a]);
    expect(times(attempt.address)).toEqual([c, a]);
    expect(times(attempt.account)).not.toContain(old);
  });

  it('leaves out the failures a later success of the same account from the same address cleared', async () => {
    const a = await earlier('acct-s', '192.0.2.3', 300);
    const elsewhere = await earlier('acct-s', '198.51.100.3', 250);
    await earlier('acct-s', '192.0.2.3', 200, true);
    // A success elsewhere clears nothing of this address.
    await earlier('acct-s', '198.51.100.4', 150, true);
    const after = await earlier('acct-s', '192.0.2.3', 100);
    const attempt = await repo.recordAttempt('acct-s', '192.0.2.3', null, limits);
    expect(times(attempt.account)).toEqual([after, elsewhere]);
    expect(times(attempt.address)).toEqual([after]);
    expect(times(attempt.account)).not.toContain(a);
  });

  it('counts, for the account only, the failures after its password last changed', async () => {
    const a = await earlier('acct-p', '192.0.2.4', 300);
    const b = await earlier('acct-p', '192.0.2.4', 100);
    const attempt = await repo.recordAttempt('acct-p', '192.0.2.4', new Date(Date.now() - 200_000), limits);
    expect(times(attempt.account)).toEqual([b]);
    expect(times(attempt.address)).toEqual([b, a]);
  });

  it('reads at most the limit of failures, the newest', async () => {
    const at: number[] = [];
    for (let i = 0; i < 4; i++) at.push(await earlier('acct-l', '192.0.2.5', 400 - i * 50));
    const attempt = await repo.recordAttempt('acct-l', '192.0.2.5', null, { ...limits, maxFailuresPerAccount: 2, maxFailuresPerAddress: 3 });
    expect(times(attempt.account)).toEqual([at[3], at[2]]);
    expect(times(attempt.address)).toEqual([at[3], at[2], at[1]]);
  });

  it('counts concurrent attempts recorded before it', async () => {
    const first = await repo.recordAttempt('acct-c', '192.0.2.6', null, limits);
    const second = await repo.recordAttempt('acct-c', '192.0.2.6', null, limits);
    expect(times(second.account)).toEqual([Number(first.at)]);
    expect(times(second.address)).toEqual([Number(first.at)]);
  });
});

it('marks an attempt a success, and deletes one', async () => {
  const a = await repo.recordAttempt('acct-m', '192.0.2.7', null, limits);
  const b = await repo.recordAttempt('acct-m', '192.0.2.7', null, limits);
  await repo.markSucceeded(a.id);
  await repo.deleteAttempt(b.id);
  expect(await stored(a.id)).toMatchObject({ success: true });
  expect(await stored(b.id)).toBeUndefined();
  // a is a success now and b is gone: no failure counts against the next attempt.
  expect(await repo.recordAttempt('acct-m', '192.0.2.7', null, limits)).toMatchObject({ account: [], address: [] });
});

it('deletes the attempts older than the given age only', async () => {
  await earlier('acct-d', '192.0.2.8', 3 * 24 * 60 * 60);
  await earlier('acct-d', '192.0.2.8', 60);
  await repo.deleteOlderThan(24 * 60 * 60);
  const left: Array<{ age: number }> = await t.db.query(
    `SELECT extract(epoch FROM now() - at)::int AS age FROM login_attempt WHERE email_hash = 'acct-d' ORDER BY at`,
  );
  expect(left.map((row) => Math.round(row.age / 60))).toEqual([1]);
});
