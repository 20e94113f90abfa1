// The referral list export (GET /exports/referrals.csv and .xlsx, docs/API.md "Exports") against the real stack: the
// rows each role may list and nothing more, personal data cells only where the api shows them to that viewer, CSV for
// Excel (BOM, CRLF, quoting, formula safety), an .xlsx that exceljs opens, Japanese refusals with a code and the field,
// and the audit events (who, filter, rows, personal data or not; never the data or the search text).
import { randomBytes } from 'node:crypto';
import { Workbook } from 'exceljs';
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, areaNeed, DECLINE, personNeed, REFERRALS, SUBMIT } from './support/documents';

jest.setTimeout(180_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '');
let city: TestCity;
let tier2: GraphQLSession;
let otherTier2: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;
let admin: GraphQLSession;
let tier1: GraphQLSession;
const tag = randomBytes(3).toString('hex');
const name = { accepted: `輸出 一郎 ${tag}`, declined: `輸出 二郎 ${tag}`, elsewhere: `輸出 三郎 ${tag}` };
/** A summary Excel would run as a formula, with a comma, quotes and a line break. */
const FORMULA_SUMMARY = `=HYPERLINK("http://evil.example","送迎"), 週2回\n"至急"`;
let accepted: string;
let declined: string;
let areaOnly: string;
let elsewhere: string;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'exports');
  [tier2, otherTier2, first, second, admin, tier1] = await Promise.all(
    [city.emails.tier2, city.emails.otherTier2, city.emails.first, city.emails.second, city.emails.admin, city.emails.tier1].map((email) =>
      signIn(state.graphqlUrl, email, city.password),
    ),
  );
  const submit = async (session: GraphQLSession, input: Record<string, unknown>) =>
    ((await session.data(SUBMIT, { input })).submitReferral as { id: string }).id;
  const person = (displayName: string, extra: Record<string, unknown> = {}) =>
    personNeed(city.areaCode, { subject: { displayName, ageBand: '80代', contact: '072-000-2222' }, ...extra });
  // Oldest first: the export lists newest first.
  accepted = await submit(tier2, person(name.accepted, { summary: FORMULA_SUMMARY }));
  await first.data(ACCEPT, { id: accepted });
  declined = await submit(tier2, person(name.declined));
  await first.data(DECLINE, { id: declined, reason: 'NO_CAPACITY' }); // now offered to `second`
  areaOnly = await submit(tier2, areaNeed(city.areaCode));
  elsewhere = await submit(
    otherTier2,
    personNeed(city.otherAreaCode, { subject: { displayName: name.elsewhere, ageBand: '70代', contact: '06-0000-0000' } }),
  );
});

function exportUrl(file: string, params: Record<string, string | string[]> = {}): string {
  const url = new URL(`${base}/exports/${file}`);
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) url.searchParams.append(key, v);
  return url.toString();
}

async function download(
  session: GraphQLSession | null,
  file: string,
  params: Record<string, string | string[]> = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(exportUrl(file, params), {
    headers: { ...(session?.token ? { authorization: `Bearer ${session.token}` } : {}), ...headers },
  });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** RFC 4180, as Excel reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

async function csvRecords(session: GraphQLSession, params: Record<string, string | string[]> = {}) {
  const { response, body } = await download(session, 'referrals.csv', params);
  expect(response.status).toBe(200);
  const rows = parseCsv(body.toString('utf8').replace(/^\uFEFF/, ''));
  const [header, ...data] = rows;
  return { header, records: data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))), body, response };
}

const mine = () => [accepted, declined, areaOnly, elsewhere];
const testAreas = () => ({ areaCode: [city.areaCode, city.otherAreaCode] });

describe('GET /exports/referrals.csv', () => {
  it('gives a tier-2 coordinator their area, newest first, with personal data: BOM, CRLF, Japanese headers, formula-safe', async () => {
    const { header, records, body, response } = await csvRecords(tier2, { personalData: 'true', ...testAreas() });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="referrals-\d{8}-\d{4}\.csv"; filename\*=UTF-8''/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8').split('\r\n')).toHaveLength(records.length + 2);
    expect(header).toEqual([
      ...['依頼ID', '受付日時', '圏域', '支援の種類', '対象', '依頼先区分', '状況', '依頼内容', '依頼先・担当', '依頼先・担当ID', '期限', '結果'],
      ...['登録した人', '最終更新日時', '同意', '氏名', 'ふりがな', '年齢区分', '連絡先'],
    ]);
    // The same referrals, in the same order, as the referrals query lists for them.
    const listed = (await tier2.data(REFERRALS, { filter: testAreas(), first: 100 })).referrals.edges.map((e: any) => e.node.id);
    expect(records.map((r) => r['依頼ID'])).toEqual(listed);
    expect(records.map((r) => r['依頼ID'])).toEqual([areaOnly, declined, accepted]);
    const a = records[2];
    expect(a['依頼内容']).toBe(`'${FORMULA_SUMMARY}`);
    expect(body.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example"",""送迎""), 週2回\n""至急"""`);
    expect(a).toMatchObject({ 氏名: name.accepted, 年齢区分: '80代', 連絡先: '072-000-2222', 状況: '受諾', 支援の種類: '移動支援', 同意: 'あり' });
    expect(a['受付日時']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(records[0]).toMatchObject({ 対象: '地域', 氏名: '', 連絡先: '', 同意: '' });
  });

  it('gives a partner only what it was offered, and personal data only where it holds the referral', async () => {
    const { records: firsts } = await csvRecords(first, { personalData: 'true' });
    expect(firsts.map((r) => r['依頼ID'])).toEqual([declined, accepted]);
    expect(firsts[1]).toMatchObject({ 氏名: name.accepted, 連絡先: '072-000-2222' });
    // Declined: the referral has left it, so nothing of the resident, and its status as it was when it left.
    expect(firsts[0]).toMatchObject({ 氏名: '', 年齢区分: '', 連絡先: '', 依頼先・担当: '' });
    const { records: seconds } = await csvRecords(second, { personalData: 'true' });
    expect(seconds.map((r) => r['依頼ID'])).toEqual([declined]);
    // Offered: the age band to decide on, not the name.
    expect(seconds[0]).toMatchObject({ 氏名: '', 年齢区分: '80代', 連絡先: '' });
    expect(JSON.stringify(seconds)).not.toContain(name.declined);
  });

  it('leaves the personal data columns out unless asked, and refuses them to an administrator', async () => {
    const { header, records } = await csvRecords(admin, testAreas());
    expect(header).not.toContain('氏名');
    expect(new Set(records.map((r) => r['依頼ID']))).toEqual(new Set(mine()));
    expect(JSON.stringify(records)).not.toContain('輸出');
    const { response, body } = await download(admin, 'referrals.csv', { personalData: 'true' });
    expect(response.status).toBe(403);
    const error = JSON.parse(body.toString('utf8')).errors[0];
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', fields: ['personalData'], messageJa: 'この操作を行う権限がありません' });
  });

  it('takes the referrals filter: status, categories, days; headers=CODES gives codes', async () => {
    const { header, records } = await csvRecords(tier2, { status: 'ACCEPTED,OFFERED', category: ['TRANSPORT'], headers: 'CODES', ...testAreas() });
    expect(header.slice(0, 3)).toEqual(['id', 'createdAtJst', 'areaCode']);
    expect(records.map((r) => [r.id, r.status, r.category, r.areaCode])).toEqual([
      [declined, 'OFFERED', 'TRANSPORT', city.areaCode],
      [accepted, 'ACCEPTED', 'TRANSPORT', city.areaCode],
    ]);
    const { records: none } = await csvRecords(tier2, { submittedTo: '2001-01-01', ...testAreas() });
    expect(none).toEqual([]);
  });

  it('refuses a bad filter with a code, the fields and a Japanese message, and writes nothing', async () => {
    const { response, body } = await download(tier2, 'referrals.csv', { status: 'NOPE', submittedFrom: '2026-13-01', colour: 'red' });
    expect(response.status).toBe(400);
    const error = JSON.parse(body.toString('utf8')).errors[0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual(expect.arrayContaining(['status', 'submittedFrom', 'colour']));
    expect(error.extensions.messageJa).toMatch(/入力内容に誤りがあります/);
    expect((await download(tier2, 'referrals.csv', { headers: 'ENGLISH' })).response.status).toBe(400);
    expect((await download(tier2, 'referrals.pdf')).response.status).toBe(404);
  });

  it('needs a signed-in user: a bearer token or the console session cookie', async () => {
    const anonymous = await download(null, 'referrals.csv');
    expect(anonymous.response.status).toBe(401);
    expect(JSON.parse(anonymous.body.toString('utf8')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const login = await fetch(state.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "${city.emails.tier2}", password: "${city.password}") { user { id } } }` }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    // A browser navigating to the link asks for HTML: the export answers, not the console.
    const { response, body } = await download(null, 'referrals.csv', testAreas(), { cookie, accept: 'text/html' });
    expect(response.status).toBe(200);
    expect(body.toString('utf8')).toContain(areaOnly);
  });

  it('records each export in the audit log: who, the filter without its text, rows and personal data, never the data', async () => {
    const { response } = await download(tier2, 'referrals.csv', { personalData: 'true', text: '至急', ...testAreas() });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    const events = await queryRows<{ operation: string; result: string; actor_user_id: string; actor_role: string; details: any }>(
      state.databaseUrl,
      `SELECT operation, result, actor_user_id, actor_role, details FROM audit_event WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
    expect(events.map((e) => [e.operation, e.result])).toEqual([
      ['export:referrals', 'OK'],
      ['export:referrals:finished', 'OK'],
    ]);
    expect(events[0]).toMatchObject({ actor_user_id: tier2.userId, actor_role: 'TIER2_COORDINATOR' });
    expect(events[0].details).toEqual({
      format: 'csv',
      headers: 'JAPANESE',
      personalData: true,
      filter: { areaCode: [city.areaCode, city.otherAreaCode], text: true },
    });
    expect(events[1].details).toEqual({ format: 'csv', rows: 1, personalDataRows: 1 });
    expect(JSON.stringify(events)).not.toMatch(/輸出|至急/);
  });
});

describe('GET /exports/referrals.xlsx', () => {
  it('streams a workbook exceljs opens, with the same rows, Japanese headers and JST dates', async () => {
    const { response, body } = await download(tier2, 'referrals.xlsx', { personalData: 'true', ...testAreas() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('依頼一覧')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1, 4)).toEqual(['依頼ID', '受付日時', '圏域']);
    expect(rows.slice(1).map((r) => r[1])).toEqual([areaOnly, declined, accepted]);
    const acceptedRow = rows[3];
    expect(acceptedRow[8]).toBe(FORMULA_SUMMARY); // a string cell, never a formula
    expect(acceptedRow[16]).toBe(name.accepted);
    const created = acceptedRow[2] as Date;
    expect(created).toBeInstanceOf(Date);
    const [dbRow] = await queryRows<{ created_at: Date }>(state.databaseUrl, 'SELECT created_at FROM referral WHERE id = $1', [accepted]);
    // Excel's wall clock reads Japan time (to the second or so: Excel dates are fractions of a day).
    expect(Math.abs(created.getTime() - (dbRow.created_at.getTime() + 9 * 3_600_000))).toBeLessThan(1000);
  });
});

describe('GET /exports/reports/<report>.csv|.xlsx', () => {
  const month = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7);
  const NEEDS_TOTAL = `query($filter: ReportFilter!) { needsReport(filter: $filter) { total { count display suppressed } } }`;

  async function reportRecords(session: GraphQLSession, file: string, params: Record<string, string | string[]>) {
    const { response, body } = await download(session, file, params);
    expect(response.status).toBe(200);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...data] = parseCsv(body.toString('utf8').replace(/^\uFEFF/, ''));
    return { header, records: data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))), response };
  }

  it('gives the figures the GraphQL report gives the same viewer: the count to tier-1, 「3未満」 to a tier-2 coordinator of another area', async () => {
    const params = { from: month(), to: month(), areaCodes: city.areaCode };
    const { header, records } = await reportRecords(tier1, 'reports/needs.csv', params);
    expect(header).toEqual(['表', '圏域', '支援の種類', '月', '区分', '項目', '値']);
    const total = (rows: Array<Record<string, string>>) => rows.find((r) => r['表'] === '' && r['項目'] === '合計')!['値'];
    const filter = { from: month(), to: month(), areaCodes: [city.areaCode] };
    const asTier1 = (await tier1.data(NEEDS_TOTAL, { filter })).needsReport.total;
    expect(total(records)).toBe(asTier1.display);
    expect(asTier1.count).toBeGreaterThanOrEqual(3);
    // The city area's transport needs this month: 2, a small cell for someone who may not see them.
    const cell = records.find((r) => r['支援の種類'] === '移動支援' && r['表'] === 'cells');
    expect(cell).toMatchObject({ 圏域: `テスト ${city.areaCode}`, 月: month(), 項目: '件数', 値: '2' });
    const other = await reportRecords(otherTier2, 'reports/needs.csv', params);
    const asOther = (await otherTier2.data(NEEDS_TOTAL, { filter })).needsReport.total;
    expect(total(other.records)).toBe(asOther.display);
    const otherCell = other.records.find((r) => r['支援の種類'] === '移動支援' && r['表'] === 'cells');
    expect(otherCell?.['値']).toBe('3未満');
  });

  it('lets only who may query a report export it, and refuses bad parameters naming them', async () => {
    expect((await download(first, 'reports/offers.csv', { from: month(), to: month() })).response.status).toBe(403);
    expect((await download(first, 'reports/needs.csv', { from: month(), to: month() })).response.status).toBe(200);
    const refusal = async (params: Record<string, string>) => {
      const { response, body } = await download(tier1, 'reports/needs.csv', params);
      expect(response.status).toBe(400);
      return JSON.parse(body.toString('utf8')).errors[0].extensions;
    };
    expect(await refusal({ from: month(), to: month(), colour: 'red' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['colour'] });
    expect(await refusal({ from: 'May', to: month() })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['from'] });
    // A month that does not exist is the report service's refusal, named by the parameter.
    expect(await refusal({ from: '2026-13', to: month() })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['from'] });
    expect((await download(tier1, 'reports/nothing.csv', { from: month(), to: month() })).response.status).toBe(404);
  });

  it('streams the monthly report as an .xlsx exceljs opens, and audits it', async () => {
    const { response, body } = await download(tier1, 'reports/monthly.xlsx', { month: month() });
    expect(response.status).toBe(200);
    const book = new Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('月次報告')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '表', '圏域', '支援の種類', '月', '区分', '項目', '値']);
    expect(sheet.rowCount).toBeGreaterThan(10);
    const [event] = await queryRows<{ operation: string; object_id: string; details: any }>(
      state.databaseUrl,
      `SELECT operation, object_id, details FROM audit_event WHERE request_id = $1`,
      [response.headers.get('x-request-id')],
    );
    expect(event).toMatchObject({ operation: 'export:report', object_id: 'monthly', details: { report: 'monthly', format: 'xlsx', month: month() } });
  });
});
