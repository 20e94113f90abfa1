// The provision records' reads on a real PostgreSQL (db tier): the period [from, to), oldest first by (at, id), the
// key cursor, the count without it, the CSV rows with the recipient's name, and the values as stored (not opened).
import { randomUUID } from 'node:crypto';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { ProvisionRecordsRepository } from './provision-records.repository';

let t: TestDatabase;
let repo: ProvisionRecordsRepository;
let referralId: string;
const ids: string[] = []; // by (at, id)
const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 11, 1, hour, minute));

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new ProvisionRecordsRepository(t.db);
  referralId = randomUUID();
  await t.db.query(
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, current_organization_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, $3, 'ACCEPTED', 'TRANSPORT', $4, 'provision test', 'PERSON', 'PARTNER', $5, $6, 3, $7, $7)`,
    [referralId, `referral:test:${referralId}`, `form-${referralId}`, t.city.areaId, t.city.userId, t.city.firstPartnerId, at(0)],
  );
  for (const [seq, kind, to] of [
    [1, 'SUBMITTED', null],
    [2, 'OFFERED', t.city.firstPartnerId],
    [3, 'OFFERED', t.city.secondPartnerId],
  ] as const) {
    await t.db.query(
      `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [referralId, seq, kind, t.city.homeOrganizationId, to, at(0)],
    );
  }
  // Two records at 10:00 (told apart by id), one at 11:00, and one each side of the period [10:00, 12:00).
  const records: Array<[Date, number, string]> = [
    [at(9, 59), 1, t.city.firstPartnerId],
    [at(10), 2, t.city.firstPartnerId],
    [at(10), 3, t.city.secondPartnerId],
    [at(11), 3, t.city.firstPartnerId],
    [at(12), 2, t.city.secondPartnerId],
  ];
  for (const [when, seq, recipient] of records) {
    await t.db.query(
      `INSERT INTO provision_record (referral_id, recipient_organization_id, items, consent_obtained, consent_method, consent_obtained_at,
                                     consent_given_by, handoff_seq, at)
       VALUES ($1, $2, ARRAY['displayName', 'contact'], true, 'sealed-method', $3, 'sealed-giver', $4, $3)`,
      [referralId, recipient, when, seq],
    );
  }
  const inPeriod: Array<{ id: string }> = await t.db.query(`SELECT id FROM provision_record WHERE at >= $1 AND at < $2 ORDER BY at, id`, [
    at(10),
    at(12),
  ]);
  ids.push(...inPeriod.map((row) => row.id));
  expect(ids).toHaveLength(3);
});
afterAll(() => t?.close());

describe('page', () => {
  it('reads the period oldest first by (at, id), at most `limit`, with the count of the period', async () => {
    const { rows, totalCount } = await repo.page(at(10), at(12), undefined, 2);
    expect(totalCount).toBe(3);
    expect(rows.map((row) => row.id)).toEqual([ids[0], ids[1]]);
    expect(rows[0]).toMatchObject({
      referralId,
      items: ['displayName', 'contact'],
      consentObtained: true,
      consentMethod: 'sealed-method',
      consentGivenBy: 'sealed-giver',
      at: at(10),
    });
  });

  it('reads after the key (at, id), counting without it', async () => {
    const second = (await repo.page(at(10), at(12), undefined, 2)).rows[1];
    const { rows, totalCount } = await repo.page(at(10), at(12), { at: second.at.toISOString(), id: second.id }, 10);
    expect(totalCount).toBe(3);
    expect(rows.map((row) => row.id)).toEqual([ids[2]]);
    expect((await repo.page(at(10), at(12), { at: at(11).toISOString(), id: ids[2] }, 10)).rows).toEqual([]);
  });

  it('reads nothing of an empty period', async () => {
    expect(await repo.page(at(13), at(14), undefined, 10)).toEqual({ rows: [], totalCount: 0 });
  });
});

describe('csvRows', () => {
  it('reads the period with each recipient’s name, oldest first, at most `limit`', async () => {
    const rows = await repo.csvRows(at(10), at(12), 10);
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(rows.map((row) => row.recipientOrganizationName)).toEqual(
      await Promise.all(
        rows.map(async (row) => (await t.db.query(`SELECT name FROM organization WHERE id = $1`, [row.recipientOrganizationId]))[0].name),
      ),
    );
    expect(rows[2]).toEqual({
      id: ids[2],
      at: at(11),
      referralId,
      recipientOrganizationId: t.city.firstPartnerId,
      recipientOrganizationName: 'NPO法人 つながり移動支援',
      items: ['displayName', 'contact'],
      consentObtained: true,
      consentMethod: 'sealed-method',
      consentObtainedAt: at(11),
      consentGivenBy: 'sealed-giver',
      handoffSeq: 3,
    });
    expect((await repo.csvRows(at(10), at(12), 2)).map((row) => row.id)).toEqual([ids[0], ids[1]]);
    expect(await repo.csvRows(at(13), at(14), 10)).toEqual([]);
  });
});
