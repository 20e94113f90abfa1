// What the web console reads, on a real PostgreSQL (db tier): the need's details as queryable jsonb, the ふりがな
// encrypted and found through its keyed blind index, and the indexes the list filters use (docs/BENCHMARKS.md).
import { randomUUID } from 'node:crypto';
import { blindIndexQueryTerms, DataKeyring, generateDataKeyEntry, readDataKeys } from '@tsunagu/crypto';
import {
  Destination,
  HandoffKind,
  kanaSearchTerms,
  NeedCategory,
  normaliseKana,
  ReferralStatus,
  SubjectKind,
  validateReferralDetails,
} from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { openReferralColumn } from '../crypto/referral-personal-data';
import { NAME_KANA_INDEX_PURPOSE } from '../crypto/referral-personal-data';
import { rotateDataKeys } from '../crypto/rotation';
import { ReferralTransitionWrite, ReferralWriter } from './referral-writer';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

const AT = '2026-12-01T01:00:00.000Z';
const write = (input: ReferralTransitionWrite) => t.db.transaction((tx) => new ReferralWriter(tx, t.dataKeys).recordTransition(input));

function submitted(referralId: string, nameKana: string | undefined, details: unknown): ReferralTransitionWrite {
  const { areaId, firstPartnerId: partner, userId, homeOrganizationId } = t.city;
  return {
    referralId,
    workflowId: `referral-test:${referralId}`,
    status: ReferralStatus.OFFERED,
    currentOrganizationId: partner,
    outcome: null,
    responseDueAt: null,
    lastSeq: 2,
    at: AT,
    submission: {
      clientRequestId: `form-${referralId}`,
      category: NeedCategory.TRANSPORT,
      areaId,
      summary: '週2回の通院に送迎が必要',
      subjectKind: SubjectKind.PERSON,
      subject: { displayName: '山田 太郎', nameKana, ageBand: '80代', contact: '072-000-1111' },
      consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z', givenBy: '本人' },
      details: details as never,
      destination: Destination.PARTNER,
      submittedByUserId: userId,
      createdAt: AT,
    },
    handoffs: [
      {
        seq: 1,
        kind: HandoffKind.SUBMITTED,
        fromOrganizationId: homeOrganizationId,
        toOrganizationId: null,
        actorUserId: userId,
        proxy: false,
        reason: null,
        note: null,
        at: AT,
      },
      {
        seq: 2,
        kind: HandoffKind.OFFERED,
        fromOrganizationId: null,
        toOrganizationId: partner,
        actorUserId: null,
        proxy: false,
        reason: null,
        note: null,
        at: AT,
      },
    ],
  };
}

const transport = validateReferralDetails(
  NeedCategory.TRANSPORT,
  SubjectKind.PERSON,
  { transport: { purpose: 'HOSPITAL', days: ['TUE', 'FRI'], mobility: 'WHEELCHAIR', escortNeeded: true } },
  () => true,
).details;

/** Ids of referrals whose ふりがな matches the search text, as the api asks. */
async function findByKana(text: string): Promise<string[]> {
  const terms = blindIndexQueryTerms(t.dataKeys, NAME_KANA_INDEX_PURPOSE, normaliseKana(text)!.replace(/ /g, ''));
  const rows: Array<{ id: string }> = await t.db.query(`SELECT id FROM referral WHERE subject_name_kana_index && $1::text[]`, [terms]);
  return rows.map((row) => row.id);
}

describe('the console reads in the read model', () => {
  it('stores the details as jsonb with their version, queryable by key for reports', async () => {
    const id = randomUUID();
    await write(submitted(id, undefined, transport));
    const [row] = await t.db.query(
      `SELECT details, details->>'purpose' AS purpose, details @> '{"mobility": "WHEELCHAIR"}' AS wheelchair FROM referral WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ details: { ...transport }, purpose: 'HOSPITAL', wheelchair: true });
    expect(row.details).toMatchObject({ version: 1, category: 'TRANSPORT' });
  });

  it('refuses details without a version (the check constraint), so reports never meet an unversioned value', async () => {
    await expect(write(submitted(randomUUID(), undefined, { purpose: 'HOSPITAL' }))).rejects.toThrow(/referral_details_versioned/);
  });

  it('encrypts the ふりがな and finds it by the whole name or one word, in either script, never by a part', async () => {
    const id = randomUUID();
    const kana = normaliseKana('ヤマダ タロウ')!;
    await write(submitted(id, kana, null));
    const [row] = await t.db.query(`SELECT subject_name_kana, subject_name_kana_index FROM referral WHERE id = $1`, [id]);
    expect(row.subject_name_kana).toMatch(/^enc:v1:/);
    expect(openReferralColumn(t.dataKeys, 'subject_name_kana', id, row.subject_name_kana)).toBe('やまだ たろう');
    expect(row.subject_name_kana_index).toHaveLength(kanaSearchTerms(kana).length);
    expect(row.subject_name_kana_index.join(' ')).not.toContain('やまだ');

    for (const text of ['やまだ たろう', 'やまだたろう', 'ヤマダ', 'たろう']) expect(await findByKana(text)).toContain(id);
    for (const text of ['やま', 'たろ', 'やまだじろう']) expect(await findByKana(text)).not.toContain(id);
  });

  it("rotating the data keys re-keys the ふりがな's index, so the old key can be retired", async () => {
    const id = randomUUID();
    await write(submitted(id, 'さとう ゆうこ', null));
    const newKey = readDataKeys({ TSUNAGU_DATA_KEYS: generateDataKeyEntry('k-new') });
    const both = new DataKeyring([...t.dataKeys.ids.map((keyId) => t.dataKeys.find(keyId)!), newKey.active], 'k-new');
    await rotateDataKeys(t.db, both);
    const [row] = await t.db.query(`SELECT subject_name_kana_index FROM referral WHERE id = $1`, [id]);
    expect(row.subject_name_kana_index.every((term: string) => term.startsWith('k-new:'))).toBe(true);
    const terms = blindIndexQueryTerms(newKey, NAME_KANA_INDEX_PURPOSE, 'さとう');
    const found = await t.db.query(`SELECT id FROM referral WHERE subject_name_kana_index && $1::text[]`, [terms]);
    expect(found.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('records the ふりがな among the items an acceptance gives the partner', async () => {
    const id = randomUUID();
    await write(submitted(id, 'やまだ たろう', null));
    const partner = t.city.firstPartnerId;
    await write({
      referralId: id,
      workflowId: `referral-test:${id}`,
      status: ReferralStatus.ACCEPTED,
      currentOrganizationId: partner,
      outcome: null,
      lastSeq: 3,
      at: AT,
      handoffs: [
        {
          seq: 3,
          kind: HandoffKind.ACCEPTED,
          fromOrganizationId: partner,
          toOrganizationId: partner,
          actorUserId: t.city.userId,
          proxy: false,
          reason: null,
          note: null,
          at: AT,
        },
      ],
    });
    const records: Array<{ items: string[] }> = await t.db.query(`SELECT items FROM provision_record WHERE referral_id = $1 ORDER BY handoff_seq`, [
      id,
    ]);
    expect(records.map((r) => r.items)).toEqual([['ageBand'], ['displayName', 'nameKana', 'contact']]);
  });

  it('has an index for each list filter that PostgreSQL uses (seeded table, sequential scans discouraged)', async () => {
    const { areaId, userId } = t.city;
    await t.db.query(
      `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                             submitted_by_id, last_seq, created_at, updated_at, details)
       SELECT gen_random_uuid(), 'seed:' || n, 'seed-' || n, (ARRAY['OFFERED','UNMATCHED','ACCEPTED'])[1 + n % 3],
              (ARRAY['TRANSPORT','SHOPPING','HOME_HELP'])[1 + n % 3], $1, '買い物の支援 ' || n || ' 団地の坂道', 'AREA', 'PARTNER', $2, 0,
              now() - make_interval(mins => n), now(), '{"version": 1, "category": "SHOPPING", "scope": "AREA"}'::jsonb
         FROM generate_series(1, 3000) n`,
      [areaId, userId],
    );
    await t.db.query(`ANALYZE referral`);
    // Trigrams of Japanese text exist only where the database's LC_CTYPE counts kanji and kana as letters; the embedded
    // database's does not, so there a Japanese search reads every row (docs/BENCHMARKS.md, "Referral list filters").
    const [locale] = await t.db.query(
      `SELECT (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype, cardinality(show_trgm('団地の坂')) AS japanese, cardinality(show_trgm('Tokushimaru')) AS latin`,
    );
    expect(Number(locale.latin)).toBeGreaterThan(0);
    const timed: Array<{ 'QUERY PLAN': string }> = await t.db.query(`EXPLAIN (ANALYZE) SELECT id FROM referral r WHERE r.summary ILIKE '%団地の坂%'`);
    console.log(`lc_ctype ${locale.ctype}, trigrams of 団地の坂: ${locale.japanese}; ILIKE over 3000 rows: ${timed.at(-1)!['QUERY PLAN']}`);
    const plan = async (where: string, params: unknown[] = []) =>
      t.db.transaction(async (tx) => {
        await tx.query(`SET LOCAL enable_seqscan = off`);
        const rows: Array<{ 'QUERY PLAN': string }> = await tx.query(`EXPLAIN SELECT id FROM referral r WHERE ${where}`, params);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    expect(await plan(`r.summary ILIKE '%tokushimaru%'`)).toContain('referral_summary_trgm_idx');
    expect(await plan(`r.subject_name_kana_index && $1::text[]`, [['k:x']])).toContain('referral_name_kana_index_idx');
    expect(await plan(`r.category IN ('SHOPPING')`)).toContain('referral_category_idx');
    expect(await plan(`r.status = 'OFFERED' AND r.response_due_at <= now()`)).toContain('referral_status_due_idx');
    expect(await plan(`r.details @> '{"scope": "AREA"}'`)).toContain('referral_details_idx');
  });
});
