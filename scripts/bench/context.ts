// The set-up every open-loop benchmark shares (npm run bench, bench:mail): a test city of its own on the started stack,
// its tier-2 coordinator and two partners signed in, and the handles the scenarios (scenarios.ts) send with.
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { DataKeyring } from '@tsunagu/crypto';
import { REFERRALS_TASK_QUEUE } from '@tsunagu/temporal';
import { createTestCity, RunningStack, signIn } from '@tsunagu/testing';
import { BenchContext, BenchUser } from './scenarios';

/** `label` names the test city (its area codes and users' addresses), so each benchmark's rows can be told apart. */
export async function createContext(
  stack: RunningStack,
  temporal: Client,
  pool: Pool,
  db: DataSource,
  dataKeys: DataKeyring,
  label = 'bench',
): Promise<BenchContext> {
  const city = await createTestCity(stack.databaseUrl, label);
  const user = async (email: string): Promise<BenchUser> => {
    const session = await signIn(stack.graphqlUrl, email, city.password);
    const { rows } = await pool.query<{ organization_id: string }>('SELECT organization_id FROM app_user WHERE id = $1', [session.userId]);
    return { id: session.userId!, organizationId: rows[0].organization_id, session };
  };
  const [tier2, first, second] = await Promise.all([user(city.emails.tier2), user(city.emails.first), user(city.emails.second)]);
  return {
    tag: randomBytes(4).toString('hex'),
    city,
    temporal,
    pool,
    db,
    dataKeys,
    taskQueue: stack.appEnv.TEMPORAL_TASK_QUEUE ?? REFERRALS_TASK_QUEUE,
    tier2,
    partners: new Map([
      [first.organizationId, first],
      [second.organizationId, second],
    ]),
  };
}
