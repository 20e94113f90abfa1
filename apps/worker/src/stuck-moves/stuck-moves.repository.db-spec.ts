// The stuck-moves release's audit row on a real PostgreSQL (db tier): as the api's audit log shows it, actor the console.
import { randomUUID } from 'node:crypto';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { StuckMovesRepository } from './stuck-moves.repository';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

it('records a release in audit_event with the console as actor and the details as JSON', async () => {
  const referralId = randomUUID();
  const repo = new StuckMovesRepository(t.db);
  await repo.recordRelease({
    objectType: 'Referral',
    objectId: referralId,
    result: 'OK',
    details: { workflowId: `referral:${referralId}`, seq: 3, what: 'MOVE', operator: 'ops' },
  });
  // A workflow that did not say which issue it is: no object id.
  await repo.recordRelease({
    objectType: 'RegionalIssue',
    objectId: null,
    result: 'STORED_AFTER_ALL',
    details: { workflowId: 'regional-issue:x', seq: 1, what: 'CREATE', operator: 'ops' },
  });
  const rows = await t.db.query(
    `SELECT actor_user_id, actor_role, operation, object_type, object_id, result, details, at > now() - interval '1 minute' AS recent
       FROM audit_event ORDER BY id`,
  );
  expect(rows).toEqual([
    {
      actor_user_id: null,
      actor_role: 'CONSOLE',
      operation: 'release-stuck-write',
      object_type: 'Referral',
      object_id: referralId,
      result: 'OK',
      details: { workflowId: `referral:${referralId}`, seq: 3, what: 'MOVE', operator: 'ops' },
      recent: true,
    },
    {
      actor_user_id: null,
      actor_role: 'CONSOLE',
      operation: 'release-stuck-write',
      object_type: 'RegionalIssue',
      object_id: null,
      result: 'STORED_AFTER_ALL',
      details: { workflowId: 'regional-issue:x', seq: 1, what: 'CREATE', operator: 'ops' },
      recent: true,
    },
  ]);
});
