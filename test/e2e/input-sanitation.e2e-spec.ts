// What PostgreSQL cannot store, or what shows nothing, is refused by the api (docs/API.md, "Bad input"), through GraphQL
// against the real stack: BAD_USER_INPUT naming the field, nothing written (no referral row, no workflow, no
// organisation), no audit row holding the bad value, and the referral it was aimed at keeps answering. Before this,
// a note with U+0000 or a consent of year -1 reached the worker, whose write failed for ever: every request here has a
// client-side time limit, so such a hang fails the test instead of stalling it.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createTestCity, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity, workflowExists } from '@tsunagu/testing/e2e';
import { ACCEPT, DECLINE, NOTE, personNeed, REFERRALS, START, SUBMIT } from './support/documents';

jest.setTimeout(120_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let tier1: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;
let admin: GraphQLSession;
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'input-sanitation');
  [tier2, tier1, first, second, admin] = await Promise.all(
    [city.emails.tier2, city.emails.tier1, city.emails.first, city.emails.second, city.emails.admin].map((email) =>
      signIn(state.graphqlUrl, email, city.password),
    ),
  );
  connection = await Connection.connect({ address: state.temporalAddress });
  temporal = new Client({ connection, namespace: 'tsunagu' });
});

afterAll(async () => {
  await connection?.close();
});

/** How long the test's own client waits for an answer (GraphQLSession.sendWithin). */
const CLIENT_LIMIT_MS = 20_000;

/** The request was refused as BAD_USER_INPUT naming exactly `fields`, with no data. */
function expectRefused(response: GraphQLResponse<unknown>, fields: string[]): void {
  expect({ codes: (response.errors ?? []).map((e) => e.extensions?.code), fields: response.errors?.[0]?.extensions?.fields }).toEqual({
    codes: ['BAD_USER_INPUT'],
    fields,
  });
  expect(response.data ?? null).toBeNull();
}

/** No audit event anywhere holds this marker (the bad values below carry one). */
async function auditRowsMentioning(marker: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    state.databaseUrl,
    `SELECT count(*)::int AS count FROM audit_event WHERE details::text LIKE '%' || $1 || '%' OR coalesce(object_id, '') LIKE '%' || $1 || '%'`,
    [marker],
  );
  return row.count;
}

async function submitted(session: GraphQLSession, input: Record<string, unknown>): Promise<{ id: string }> {
  const response = await session.sendWithin(SUBMIT, { input }, CLIENT_LIMIT_MS);
  expect(response.errors ?? []).toEqual([]);
  return response.data!.submitReferral;
}

describe('a note that PostgreSQL cannot store', () => {
  it('is refused naming note, from the holder and from a partner that declined, and the referral keeps answering', async () => {
    const referral = await submitted(tier2, personNeed(city.areaCode));
    expect((await first.sendWithin(DECLINE, { id: referral.id, reason: 'NO_CAPACITY' }, CLIENT_LIMIT_MS)).errors ?? []).toEqual([]);
    expect((await second.sendWithin(ACCEPT, { id: referral.id }, CLIENT_LIMIT_MS)).errors ?? []).toEqual([]);
    const marker = `note-${randomUUID()}`;

    for (const session of [second, first]) {
      const refused = await session.sendWithin(NOTE, { id: referral.id, note: `${marker} 電話\u0000あり` }, CLIENT_LIMIT_MS);
      expectRefused(refused, ['note']);
      expect(refused.errors?.[0].message).toMatch(/U\+0000/);
    }
    const [{ notes }] = await queryRows<{ notes: number }>(
      state.databaseUrl,
      `SELECT count(*)::int AS notes FROM referral_handoff WHERE referral_id = $1 AND note LIKE '%' || $2 || '%'`,
      [referral.id, marker],
    );
    expect(notes).toBe(0);
    // Refused mutations are audited (with their code), but never with the text.
    const audited = await queryRows<{ result: string }>(
      state.databaseUrl,
      `SELECT result FROM audit_event WHERE operation = 'addReferralNote' AND object_id = $1`,
      [referral.id],
    );
    expect(audited.map((a) => a.result)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(await auditRowsMentioning(marker)).toBe(0);

    // The holder's next move goes through at once: nothing is stuck in the referral's workflow.
    const started = await second.sendWithin(START, { id: referral.id }, 15_000);
    expect(started.errors ?? []).toEqual([]);
    expect(started.data!.startReferral.status).toBe('IN_PROGRESS');
  });
});

describe('a submission with a value PostgreSQL cannot store, or one that shows nothing', () => {
  const cases: Array<[string, (marker: string) => Record<string, unknown>, string[]]> = [
    ['a summary with a lone surrogate', (marker) => ({ summary: `${marker} 送迎\uD800が必要` }), ['summary']],
    ['a summary of zero-width characters only', () => ({ summary: '\u200B\u200D\u2060\uFEFF' }), ['summary']],
    ['a summary of spaces only, ideographic ones too', () => ({ summary: ' \u3000 ' }), ['summary']],
    ['a name with U+0000', (marker) => ({ subject: { displayName: `${marker}\u0000山田` } }), ['subject.displayName']],
    [
      'a consent obtained in year -1',
      () => ({ consent: { obtained: true, method: '書面', obtainedAt: '-000001-11-20T01:00:00.000Z' } }),
      ['consent.obtainedAt'],
    ],
    [
      'a consent obtained in year +275760',
      () => ({ consent: { obtained: true, method: '書面', obtainedAt: '+275760-09-13T00:00:00.000Z' } }),
      ['consent.obtainedAt'],
    ],
    [
      'a consent time given as a number',
      () => ({ consent: { obtained: true, method: '書面', obtainedAt: 1_764_000_000_000 } }),
      ['consent.obtainedAt'],
    ],
    [
      'a consent time without a time zone',
      () => ({ consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T10:00:00' } }),
      ['consent.obtainedAt'],
    ],
    [
      'a consent obtained before 1900',
      () => ({ consent: { obtained: true, method: '書面', obtainedAt: '1899-12-31T00:00:00Z' } }),
      ['consent.obtainedAt'],
    ],
  ];

  it.each(cases)('%s: BAD_USER_INPUT naming it, no referral, no workflow, no audit of the value', async (_name, change, fields) => {
    const marker = `m${randomUUID().slice(0, 8)}`;
    const base = personNeed(city.areaCode);
    const input = { ...base, ...change(marker) };
    const response = await tier2.sendWithin(SUBMIT, { input }, CLIENT_LIMIT_MS);
    expectRefused(response, fields);
    expect(response.errors?.[0].message).not.toMatch(/Date instance/); // the scalar's or the window's reason, not class-validator's

    const workflowId = `referral:${tier2.userId}:${input.clientRequestId}`;
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM referral WHERE workflow_id = $1', [workflowId])).toEqual([]);
    expect(await workflowExists(temporal, workflowId)).toBe(false);
    expect(await auditRowsMentioning(marker)).toBe(0);
  });

  it('still takes the same submission with good values', async () => {
    const referral = await submitted(
      tier2,
      personNeed(city.areaCode, { consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T10:00:00+09:00' } }),
    );
    const [row] = await queryRows<{ status: string }>(state.databaseUrl, 'SELECT status FROM referral WHERE id = $1', [referral.id]);
    expect(row.status).toBe('OFFERED');
  });
});

describe('identifiers and codes that PostgreSQL cannot store', () => {
  // The audit log records only well-formed ids and codes (a keyed hash for the rest), so these are refused like any
  // other bad value, not answered with a failed audit write (HTTP 500).
  it('refuses an id with U+0000 naming id, and records no part of it', async () => {
    const marker = `id${randomUUID().slice(0, 8)}`;
    const response = await tier2.sendWithin(NOTE, { id: `${marker}\u0000山田 090-0000-0000`, note: '確認しました' }, CLIENT_LIMIT_MS);
    expect(response.status).toBe(200);
    expectRefused(response, ['id']);
    expect(await auditRowsMentioning(marker)).toBe(0);
  });

  it('refuses an area code and a clientRequestId with U+0000 naming them, and records neither', async () => {
    const marker = `cd${randomUUID().slice(0, 8)}`;
    const input = { ...personNeed(city.areaCode), areaCode: `${marker}\u0000`, clientRequestId: `${marker}\u0000x` };
    const response = await tier2.sendWithin(SUBMIT, { input }, CLIENT_LIMIT_MS);
    expect(response.status).toBe(200);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining(['areaCode', 'clientRequestId']));
    expect(await auditRowsMentioning(marker)).toBe(0);
  });
});

describe('lists: filters and cursors', () => {
  it('refuses a filter value with U+0000, naming the filter field', async () => {
    expectRefused(await tier2.sendWithin(REFERRALS, { filter: { areaCode: [city.areaCode, 'X\u0000'] } }, CLIENT_LIMIT_MS), ['filter.areaCode']);
    const AUDIT = `query A($filter: AuditEventFilter) { auditEvents(filter: $filter) { totalCount } }`;
    expectRefused(await admin.sendWithin(AUDIT, { filter: { objectType: 'Referral\u0000' } }, CLIENT_LIMIT_MS), ['filter.objectType']);
  });

  it('refuses a cursor with U+0000, itself or inside, and one holding an instant PostgreSQL cannot read', async () => {
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    expectRefused(await tier2.sendWithin(REFERRALS, { after: 'abc\u0000' }, CLIENT_LIMIT_MS), ['after']);
    expectRefused(await tier2.sendWithin(REFERRALS, { after: cursor(['+275760-09-13T00:00:00.000Z', randomUUID()]) }, CLIENT_LIMIT_MS), ['after']);
    const USERS = `query U($after: String) { users(first: 5, after: $after) { totalCount } }`;
    expectRefused(await admin.sendWithin(USERS, { after: cursor(['a\u0000@example.jp', randomUUID()]) }, CLIENT_LIMIT_MS), ['after']);
  });

  it('refuses DateTime literals in the document the same way, naming the argument', async () => {
    const literal = await tier1.sendWithin(`query { subcommitteeMeetings(from: "+275760-09-13T00:00:00.000Z") { id } }`, {}, CLIENT_LIMIT_MS);
    expectRefused(literal, ['from']);
    const number = await tier1.sendWithin(`query { provisionRecordsCsv(from: 1764000000000, to: "2026-12-01T00:00:00Z") }`, {}, CLIENT_LIMIT_MS);
    expectRefused(number, ['from']);
  });

  it('refuses periods outside the business window (2000-01-01 to 2100-12-31, Japan time)', async () => {
    const CSV = `query Csv($from: DateTime!, $to: DateTime!) { provisionRecordsCsv(from: $from, to: $to) }`;
    expectRefused(await tier1.sendWithin(CSV, { from: '1999-06-01T00:00:00+09:00', to: '2000-01-02T00:00:00+09:00' }, CLIENT_LIMIT_MS), ['from']);
    expectRefused(await tier1.sendWithin(CSV, { from: '2100-06-01T00:00:00+09:00', to: '2101-01-02T00:00:00+09:00' }, CLIENT_LIMIT_MS), ['to']);
  });
});

describe('the organisation CSV import', () => {
  const IMPORT = `mutation Import($csv: String!) { importOrganizations(csv: $csv) { imported created updated errors { line field message } } }`;
  const HEADER = 'name,kind,areaCodes,categories,contactName,contactEmail,contactPhone';

  it('refuses a cell with U+0000 naming csv, the line and the column, and imports nothing', async () => {
    const name = `配食サービス ${randomUUID().slice(0, 8)}`;
    const csv = `\uFEFF${HEADER}\r\n"${name}",NPO,${city.areaCode},SHOPPING,山田,,\r\n"${name} 2",NPO,${city.areaCode},SHOPPING,佐藤\u0000花子,,\r\n`;
    const response = await admin.sendWithin(IMPORT, { csv }, CLIENT_LIMIT_MS);
    expectRefused(response, ['csv']);
    expect(response.errors?.[0].extensions?.problems).toEqual([
      { field: 'csv', message: expect.stringMatching(/^line 3, column contactName: .*U\+0000/), messageJa: '使用できない文字が含まれています' },
    ]);
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM organization WHERE name LIKE $1', [`${name}%`])).toEqual([]);
  });

  it('takes a cell that shows nothing as blank', async () => {
    const name = `見守りの会 ${randomUUID().slice(0, 8)}`;
    const csv = `${HEADER}\n"${name}",NPO,${city.areaCode},WATCH_OVER,\u200B,\u3000,\n`;
    const result = (await admin.sendWithin(IMPORT, { csv }, CLIENT_LIMIT_MS)).data!.importOrganizations;
    expect(result).toEqual({ imported: 1, created: 1, updated: 0, errors: [] });
    const [row] = await queryRows<{ contact_name: string | null; contact_email: string | null }>(
      state.databaseUrl,
      'SELECT contact_name, contact_email FROM organization WHERE name = $1',
      [name],
    );
    expect(row).toEqual({ contact_name: null, contact_email: null });
  });
});
