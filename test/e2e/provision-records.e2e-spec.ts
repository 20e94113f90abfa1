// Provision records (docs/SECURITY.md, "Provision records"): every offer of a resident's personal data to a partner is
// recorded by the worker with the handoff that gives it, and administrators and the tier-1 coordinator list and export
// them for a period. Against the real api, worker, PostgreSQL and Temporal.
import { randomUUID } from 'node:crypto';
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, areaNeed, DECLINE, personNeed, REASSIGN, REFERRAL, SUBMIT } from './support/documents';

jest.setTimeout(120_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let tier1: GraphQLSession;
let admin: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;

const RECORD_FIELDS = `id referralId items handoffSeq at recipientOrganization { id name } consent { obtained method obtainedAt givenBy }`;
const RECORDS = `query Records($from: DateTime!, $to: DateTime!, $first: Int, $after: String) {
  provisionRecords(from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${RECORD_FIELDS} } }
  }
}`;
const CSV = `query Csv($from: DateTime!, $to: DateTime!, $headers: CsvHeaders) { provisionRecordsCsv(from: $from, to: $to, headers: $headers) }`;
const SIGHT = `query Sight($id: ID!) { referral(id: $id) { id status subjectAgeBand subject { displayName ageBand contact } } }`;

interface RecordRow {
  referral_id: string;
  recipient_organization_id: string;
  items: string[];
  handoff_seq: number;
  consent_obtained: boolean | null;
  at: Date;
}

/** The provision records of one referral, in handoff order. */
async function recordsOf(referralId: string): Promise<Array<{ to: string; items: string[]; seq: number }>> {
  const rows = await queryRows<RecordRow>(
    state.databaseUrl,
    'SELECT recipient_organization_id, items, handoff_seq FROM provision_record WHERE referral_id = $1 ORDER BY handoff_seq, recipient_organization_id',
    [referralId],
  );
  return rows.map((row) => ({ to: row.recipient_organization_id, items: row.items, seq: row.handoff_seq }));
}

const seqOf = (referral: { handoffs: Array<{ seq: number; kind: string; toOrganization: { id: string } | null }> }, kind: string, to: string) =>
  referral.handoffs.filter((h) => h.kind === kind && h.toOrganization?.id === to).at(-1)!.seq;

let startedAt: Date;

beforeAll(async () => {
  startedAt = new Date(Date.now() - 1000);
  city = await createTestCity(state.databaseUrl, 'provision');
  [tier2, tier1, admin, first, second] = await Promise.all(
    [city.emails.tier2, city.emails.tier1, city.emails.admin, city.emails.first, city.emails.second].map((email) =>
      signIn(state.graphqlUrl, email, city.password),
    ),
  );
});

describe('the worker records each offer of personal data', () => {
  it('records the age band at the offer, and the name and contact at acceptance, to the partner that got them', async () => {
    const submitted = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
    expect(submitted.currentOrganization.id).toBe(city.first.id);
    const offerSeq = seqOf(submitted, 'OFFERED', city.first.id);
    expect(await recordsOf(submitted.id)).toEqual([{ to: city.first.id, items: ['ageBand'], seq: offerSeq }]);
    // What the record says is what the partner is shown: the age band, not the person.
    expect((await first.data(SIGHT, { id: submitted.id })).referral).toMatchObject({ subjectAgeBand: '80代', subject: null });

    const accepted = (await first.data(ACCEPT, { id: submitted.id })).acceptReferral;
    expect(await recordsOf(submitted.id)).toEqual([
      { to: city.first.id, items: ['ageBand'], seq: offerSeq },
      { to: city.first.id, items: ['displayName', 'contact'], seq: seqOf(accepted, 'ACCEPTED', city.first.id) },
    ]);
    expect((await first.data(SIGHT, { id: submitted.id })).referral.subject).toEqual({
      displayName: '山田 H.',
      ageBand: '80代',
      contact: '072-000-1111',
    });
  });

  it('records the offer to the next partner after a decline, and nothing more for the one that declined', async () => {
    const submitted = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral;
    await first.data(DECLINE, { id: submitted.id, reason: 'NO_CAPACITY' });
    // Where it went, as the coordinator sees it (the partner that declined no longer sees the next holder).
    const declined = (await tier2.data(REFERRAL, { id: submitted.id })).referral;
    expect(declined.currentOrganization.id).toBe(city.second.id);
    expect(await recordsOf(submitted.id)).toEqual([
      { to: city.first.id, items: ['ageBand'], seq: seqOf(submitted, 'OFFERED', city.first.id) },
      { to: city.second.id, items: ['ageBand'], seq: seqOf(declined, 'OFFERED', city.second.id) },
    ]);
    // The partner that declined no longer sees even the age band; the next one does.
    expect((await first.data(SIGHT, { id: submitted.id })).referral).toMatchObject({ subjectAgeBand: null, subject: null });
    expect((await second.data(SIGHT, { id: submitted.id })).referral).toMatchObject({ subjectAgeBand: '80代', subject: null });
  });

  it('records a reassignment’s offer, and gives only the items the subject has', async () => {
    const input = personNeed(city.areaCode, { subject: { displayName: 'K. T.' } }); // no age band, no contact
    const submitted = (await tier2.data(SUBMIT, { input })).submitReferral;
    expect(await recordsOf(submitted.id)).toEqual([]); // an offer with no age band gives no personal data
    const reassigned = (await tier2.data(REASSIGN, { id: submitted.id, organizationId: city.second.id })).reassignReferral;
    expect(reassigned.currentOrganization.id).toBe(city.second.id);
    expect(await recordsOf(submitted.id)).toEqual([]);
    const accepted = (await second.data(ACCEPT, { id: submitted.id })).acceptReferral;
    expect(await recordsOf(submitted.id)).toEqual([{ to: city.second.id, items: ['displayName'], seq: seqOf(accepted, 'ACCEPTED', city.second.id) }]);
  });

  it('records an acceptance a tier-2 coordinator makes for a partner without users, to that partner', async () => {
    const input = personNeed(city.areaCode, { category: 'SHOPPING', organizationId: city.shop.id });
    const submitted = (await tier2.data(SUBMIT, { input })).submitReferral;
    const accepted = (await tier2.data(ACCEPT, { id: submitted.id })).acceptReferral;
    expect(accepted.handoffs.at(-1)).toMatchObject({ kind: 'ACCEPTED', proxy: true });
    expect(await recordsOf(submitted.id)).toEqual([
      { to: city.shop.id, items: ['ageBand'], seq: seqOf(submitted, 'OFFERED', city.shop.id) },
      { to: city.shop.id, items: ['displayName', 'contact'], seq: seqOf(accepted, 'ACCEPTED', city.shop.id) },
    ]);
  });

  it('makes none for an AREA referral, however far it goes', async () => {
    const input = areaNeed(city.areaCode, { category: 'TRANSPORT' });
    const submitted = (await tier2.data(SUBMIT, { input })).submitReferral;
    expect(submitted.currentOrganization.id).toBe(city.first.id);
    await first.data(ACCEPT, { id: submitted.id });
    expect(await recordsOf(submitted.id)).toEqual([]);
  });

  it('makes none without consent: such a need goes to tier-1 only, and cannot be handed to a partner', async () => {
    const input = personNeed(city.areaCode, {
      destination: 'TIER1',
      consent: { obtained: false, method: '口頭', obtainedAt: '2026-01-05T01:00:00.000Z' },
    });
    const escalated = (await tier2.data(SUBMIT, { input })).submitReferral;
    expect(escalated.status).toBe('ESCALATED');
    for (const session of [tier1, tier2]) {
      const refused = await session.send(REASSIGN, { id: escalated.id, organizationId: city.first.id });
      expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    }
    // Nor by routing: a PARTNER destination without consent is refused at the door, named or routed.
    for (const organizationId of [undefined, city.first.id]) {
      const refused = await tier2.send(SUBMIT, {
        input: personNeed(city.areaCode, { organizationId, consent: { obtained: false, method: '口頭', obtainedAt: '2026-01-05T01:00:00.000Z' } }),
      });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['consent.obtained'] });
    }
    expect(await recordsOf(escalated.id)).toEqual([]);
    const [{ handoffs }] = await queryRows<{ handoffs: string[] }>(
      state.databaseUrl,
      'SELECT array_agg(kind ORDER BY seq) AS handoffs FROM referral_handoff WHERE referral_id = $1',
      [escalated.id],
    );
    expect(handoffs).toEqual(['SUBMITTED', 'ESCALATED']);
  });

  it('keeps the consent as given, including who gave it', async () => {
    const consent = { obtained: true, method: '口頭(電話)', obtainedAt: '2026-03-02T01:30:00.000Z', givenBy: '  家族(長女)  ' };
    const submitted = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, { consent }) })).submitReferral;
    const [row] = await queryRows<{ consent_given_by: string | null }>(state.databaseUrl, 'SELECT consent_given_by FROM referral WHERE id = $1', [
      submitted.id,
    ]);
    expect(row.consent_given_by).not.toBeNull(); // stored (sealed or clear: the api opens it)
    const records = (
      await tier1.data(RECORDS, { from: startedAt.toISOString(), to: new Date(Date.now() + 60_000).toISOString(), first: 500 })
    ).provisionRecords.edges
      .map((e: { node: { referralId: string } }) => e.node)
      .filter((node: { referralId: string }) => node.referralId === submitted.id);
    expect(records).toEqual([
      expect.objectContaining({
        items: ['ageBand'],
        recipientOrganization: { id: city.first.id, name: city.first.name },
        consent: { obtained: true, method: '口頭(電話)', obtainedAt: '2026-03-02T01:30:00.000Z', givenBy: '家族(長女)' },
      }),
    ]);
    // Empty is none; leaving it out (API.md's ConsentInput) is none too. Spaces only are refused like any text that
    // shows nothing (docs/API.md, "Bad input").
    const spaces = await tier2.send(SUBMIT, { input: personNeed(city.areaCode, { consent: { ...consent, givenBy: '   ' } }) });
    expect(spaces.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['consent.givenBy'] });
    const blank = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode, { consent: { ...consent, givenBy: '' } }) })).submitReferral;
    const [blankRow] = await queryRows<{ consent_given_by: string | null }>(
      state.databaseUrl,
      'SELECT consent_given_by FROM referral WHERE id = $1',
      [blank.id],
    );
    expect(blankRow.consent_given_by).toBeNull();
    const tooLong = await tier2.send(SUBMIT, { input: personNeed(city.areaCode, { consent: { ...consent, givenBy: 'x'.repeat(101) } }) });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['consent.givenBy'] });
  });

  it('ties every record to the handoff that gave the data, once', async () => {
    const mismatched = await queryRows(
      state.databaseUrl,
      `SELECT p.id FROM provision_record p
         JOIN referral r ON r.id = p.referral_id
         LEFT JOIN referral_handoff h ON h.referral_id = p.referral_id AND h.seq = p.handoff_seq
        WHERE r.area_id = $1
          AND (h.kind IS NULL OR h.kind NOT IN ('OFFERED', 'ACCEPTED') OR h.to_organization_id <> p.recipient_organization_id
               OR h.at <> p.at OR r.subject_kind <> 'PERSON' OR r.consent_obtained IS NOT TRUE)`,
      [city.areaId],
    );
    expect(mismatched).toEqual([]);
    // Every offer and acceptance of a PERSON referral with consent and an age band or a name has its record.
    const missing = await queryRows(
      state.databaseUrl,
      `SELECT h.referral_id, h.seq FROM referral_handoff h JOIN referral r ON r.id = h.referral_id
        WHERE r.area_id = $1 AND r.subject_kind = 'PERSON' AND r.consent_obtained
          AND ((h.kind = 'OFFERED' AND r.subject_age_band IS NOT NULL) OR h.kind = 'ACCEPTED')
          AND NOT EXISTS (SELECT 1 FROM provision_record p WHERE p.referral_id = h.referral_id AND p.handoff_seq = h.seq)`,
      [city.areaId],
    );
    expect(missing).toEqual([]);
    // And a record is never rewritten.
    const [some] = await queryRows<{ id: string }>(
      state.databaseUrl,
      'SELECT p.id FROM provision_record p JOIN referral r ON r.id = p.referral_id WHERE r.area_id = $1 LIMIT 1',
      [city.areaId],
    );
    await expect(queryRows(state.databaseUrl, `UPDATE provision_record SET items = '{contact}' WHERE id = $1`, [some.id])).rejects.toThrow(
      /never updated/,
    );
  });
});

describe('listing and exporting them for an audit', () => {
  let from: string;
  let to: string;
  let inPeriod: Array<{ id: string; referral_id: string; items: string[]; at: Date }>;

  beforeAll(async () => {
    from = startedAt.toISOString();
    to = new Date(Date.now() + 1000).toISOString();
    inPeriod = await queryRows(
      state.databaseUrl,
      'SELECT id, referral_id, items, at FROM provision_record WHERE at >= $1 AND at < $2 ORDER BY at, id',
      [from, to],
    );
    expect(inPeriod.length).toBeGreaterThanOrEqual(8);
  });

  it('lists the records of a period, oldest first, page by page, for ADMIN and TIER1', async () => {
    for (const session of [admin, tier1]) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: any = (await session.data(RECORDS, { from, to, first: 3, after })).provisionRecords;
        expect(page.totalCount).toBe(inPeriod.length);
        seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages += 1;
      } while (after && pages < 100);
      expect(seen).toEqual(inPeriod.map((row) => row.id));
    }
  });

  it('keeps to the period: from inclusive, to exclusive', async () => {
    const [firstRecord] = inPeriod;
    const at = firstRecord.at.toISOString();
    const from_ = (await tier1.data(RECORDS, { from: at, to, first: 500 })).provisionRecords;
    expect(from_.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(firstRecord.id);
    const until = (await tier1.data(RECORDS, { from, to: at, first: 500 })).provisionRecords;
    expect(until.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(firstRecord.id);
    const before = (await tier1.data(RECORDS, { from: '2020-01-01T00:00:00Z', to: '2020-12-31T00:00:00Z' })).provisionRecords;
    expect(before).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('exports them as CSV for Excel: BOM, header, one CRLF line per record', async () => {
    const csv: string = (await admin.data(CSV, { from, to, headers: 'CODES' })).provisionRecordsCsv;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(
      'atJst,recipientOrganizationName,recipientOrganizationId,referralId,items,consentObtained,consentMethod,consentObtainedAtJst,consentGivenBy,handoffSeq,recordId',
    );
    expect(lines).toHaveLength(inPeriod.length + 1);
    // Each line is one record, in order; no cell of this test's records needs quoting.
    expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual(inPeriod.map((row) => row.id));
    const jst = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const mine = lines
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[2] === city.first.id);
    expect(mine.length).toBeGreaterThan(0);
    for (const cells of mine) {
      const record = inPeriod.find((row) => row.id === cells[10])!;
      expect(cells).toEqual([
        jst(record.at),
        city.first.name,
        city.first.id,
        record.referral_id,
        record.items.join(';'),
        'true',
        expect.stringMatching(/^(書面|口頭\(電話\))$/),
        expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        expect.any(String),
        expect.stringMatching(/^\d+$/),
        record.id,
      ]);
    }
    // The tier-1 coordinator gets the same file.
    expect((await tier1.data(CSV, { from, to, headers: 'CODES' })).provisionRecordsCsv).toBe(csv);

    // By default the header is Japanese, with the items' labels beside their codes and consent as あり.
    const japanese: string = (await admin.data(CSV, { from, to })).provisionRecordsCsv;
    const jaLines = japanese.slice(1).split('\r\n').slice(0, -1);
    expect(japanese.charCodeAt(0)).toBe(0xfeff);
    expect(jaLines[0]).toBe(
      '提供日時,提供先,提供先ID,依頼ID,提供した項目,提供した項目（コード）,同意,同意の方法,同意取得日時,同意した人,履歴番号,記録ID',
    );
    expect(jaLines).toHaveLength(lines.length);
    const firstMine = jaLines.map((line) => line.split(',')).find((cells) => cells[2] === city.first.id)!;
    expect(firstMine[4]).toMatch(/^(氏名|年齢区分|連絡先)(・(氏名|年齢区分|連絡先))*$/);
    expect(firstMine[6]).toBe('あり');
  });

  it('refuses a period that is empty, reversed or longer than 366 days', async () => {
    for (const [f, t] of [
      [to, from],
      [from, from],
      ['2025-01-01T00:00:00Z', '2026-01-02T00:00:01Z'],
    ]) {
      for (const document of [RECORDS, CSV]) {
        const response = await tier1.send(document, { from: f, to: t });
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['to'] });
        expect(response.data ?? null).toBeNull();
      }
    }
    const badCursor = await tier1.send(RECORDS, { from, to, after: Buffer.from(JSON.stringify(['x', randomUUID()])).toString('base64url') });
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
  });

  it('is FORBIDDEN to tier-2 coordinators and partners, and shows them nothing', async () => {
    for (const session of [tier2, first, second]) {
      for (const document of [RECORDS, CSV]) {
        const response = await session.send(document, { from, to });
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(response.data ?? null).toBeNull();
        for (const row of inPeriod.slice(0, 3)) expect(JSON.stringify(response)).not.toContain(row.referral_id);
      }
    }
  });
});
