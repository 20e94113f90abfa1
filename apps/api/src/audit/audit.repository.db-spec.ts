// The audit log's SQL on a real PostgreSQL (db tier): the rows one INSERT writes, and the admin's page: newest first
// (by id), each filter, the cursor (an id) and the count of the filtered log, which the cursor leaves out.
import { randomUUID } from 'node:crypto';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { AuditRepository } from './audit.repository';
import type { AuditEventRecord } from './audit-trail';

let t: TestDatabase;
let repo: AuditRepository;
const actor = randomUUID();

function event(minute: number, e: Partial<AuditEventRecord> = {}): AuditEventRecord {
  return {
    at: new Date(Date.UTC(2026, 11, 1, 0, minute)),
    actorUserId: actor,
    actorRole: 'ADMIN',
    operation: 'updateOrganization',
    objectType: 'Organization',
    objectId: 'org-1',
    result: 'OK',
    clientAddress: '192.0.2.1',
    requestId: 'req-1',
    details: { accepting: true },
    ...e,
  };
}

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new AuditRepository(t.db);
});
afterAll(() => t?.close());

describe('insert', () => {
  it('writes every event of the call, its fields in their columns, in order', async () => {
    await repo.insert([
      event(0),
      event(1, {
        actorUserId: null,
        actorRole: 'ANONYMOUS',
        operation: 'login',
        objectType: null,
        objectId: null,
        result: 'UNAUTHENTICATED',
        clientAddress: null,
        requestId: null,
        details: {},
      }),
    ]);
    const rows = await t.db.query(
      `SELECT at, actor_user_id, actor_role, operation, object_type, object_id, result, client_address, request_id, details FROM audit_event ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        at: new Date(Date.UTC(2026, 11, 1, 0, 0)),
        actor_user_id: actor,
        actor_role: 'ADMIN',
        operation: 'updateOrganization',
        object_type: 'Organization',
        object_id: 'org-1',
        result: 'OK',
        client_address: '192.0.2.1',
        request_id: 'req-1',
        details: { accepting: true },
      },
      {
        at: new Date(Date.UTC(2026, 11, 1, 0, 1)),
        actor_user_id: null,
        actor_role: 'ANONYMOUS',
        operation: 'login',
        object_type: null,
        object_id: null,
        result: 'UNAUTHENTICATED',
        client_address: null,
        request_id: null,
        details: {},
      },
    ]);
  });

  it('writes all or nothing: one refused event leaves none of the call', async () => {
    await expect(repo.insert([event(2, { operation: 'fine' }), event(3, { result: '' })])).rejects.toMatchObject({ driverError: { code: '23514' } });
    expect(await t.db.query(`SELECT id FROM audit_event WHERE operation = 'fine'`)).toEqual([]);
  });
});

describe('page', () => {
  let ids: string[]; // oldest first, the two events of "insert" included

  beforeAll(async () => {
    await repo.insert([
      event(10, { operation: 'acceptReferral', objectType: 'Referral', objectId: 'ref-1', requestId: 'req-2' }),
      event(20, { operation: 'declineReferral', objectType: 'Referral', objectId: 'ref-2', result: 'FORBIDDEN', actorUserId: null }),
      event(30, { operation: 'acceptReferral', objectType: 'Referral', objectId: 'ref-3', requestId: 'req-2' }),
    ]);
    ids = (await t.db.query(`SELECT id FROM audit_event ORDER BY id`)).map((row: { id: string }) => row.id);
    expect(ids).toHaveLength(5);
  });

  const operations = (rows: Array<{ operation: string }>) => rows.map((row) => row.operation);

  it('reads newest first, at most `limit`, with the whole count', async () => {
    const { rows, totalCount } = await repo.page(undefined, undefined, 2);
    expect(totalCount).toBe(5);
    expect(rows.map((row) => row.id)).toEqual([ids[4], ids[3]]);
    expect(rows[0]).toMatchObject({
      operation: 'acceptReferral',
      objectId: 'ref-3',
      actorUserId: actor,
      requestId: 'req-2',
      details: { accepting: true },
    });
  });

  it('reads only ids below the cursor, and counts without it', async () => {
    const { rows, totalCount } = await repo.page(undefined, ids[3], 10);
    expect(totalCount).toBe(5);
    expect(rows.map((row) => row.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await repo.page(undefined, ids[0], 10)).rows).toEqual([]);
  });

  it('applies each filter', async () => {
    const page = (filter: Parameters<AuditRepository['page']>[0]) => repo.page(filter, undefined, 10);
    expect(operations((await page({ actorUserId: actor })).rows)).toEqual(['acceptReferral', 'acceptReferral', 'updateOrganization']);
    expect((await page({ operation: ['acceptReferral', 'login'] })).totalCount).toBe(3);
    expect((await page({ objectType: 'Referral' })).totalCount).toBe(3);
    expect(operations((await page({ objectId: 'ref-2' })).rows)).toEqual(['declineReferral']);
    expect((await page({ requestId: 'req-2' })).rows.map((row) => row.objectId)).toEqual(['ref-3', 'ref-1']);
    expect(operations((await page({ result: ['FORBIDDEN', 'UNAUTHENTICATED'] })).rows)).toEqual(['declineReferral', 'login']);
    const from = new Date(Date.UTC(2026, 11, 1, 0, 10));
    const to = new Date(Date.UTC(2026, 11, 1, 0, 30));
    expect((await page({ from, to })).rows.map((row) => row.objectId)).toEqual(['ref-2', 'ref-1']);
    expect(await page({ objectType: 'Referral', result: ['OK'], from })).toMatchObject({ totalCount: 2 });
    expect(await page({ objectId: 'nothing' })).toEqual({ rows: [], totalCount: 0 });
  });
});
