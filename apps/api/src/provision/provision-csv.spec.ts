import { parseCsv } from '../directory/import/csv';
import { BOM, CsvHeaders, csvField, jst, PROVISION_CSV_HEADER, PROVISION_CSV_HEADER_JA, ProvisionCsvRow, provisionRecordsCsv } from './provision-csv';

const row = (overrides: Partial<ProvisionCsvRow> = {}): ProvisionCsvRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  at: new Date('2026-11-20T01:02:03.456Z'),
  referralId: '00000000-0000-4000-8000-00000000000a',
  recipientOrganizationId: '00000000-0000-4000-8000-0000000000b0',
  recipientOrganizationName: 'NPO法人 つながり移動支援',
  items: ['displayName', 'contact'],
  consentObtained: true,
  consentMethod: '書面',
  consentObtainedAt: new Date('2026-11-19T15:00:00.000Z'),
  consentGivenBy: '家族(長女)',
  handoffSeq: 3,
  ...overrides,
});

describe('provisionRecordsCsv with Japanese headers (the default)', () => {
  it('has the glossary’s words in its header, the items’ labels beside their codes, and consent as あり/なし', () => {
    const csv = provisionRecordsCsv([row(), row({ consentObtained: false, items: ['ageBand'] })]);
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.records.map((r) => r.fields)).toEqual([
      [...PROVISION_CSV_HEADER_JA],
      [
        '2026-11-20 10:02:03',
        'NPO法人 つながり移動支援',
        '00000000-0000-4000-8000-0000000000b0',
        '00000000-0000-4000-8000-00000000000a',
        '氏名・連絡先',
        'displayName;contact',
        'あり',
        '書面',
        '2026-11-20 00:00:00',
        '家族(長女)',
        '3',
        '00000000-0000-4000-8000-000000000001',
      ],
      [
        '2026-11-20 10:02:03',
        'NPO法人 つながり移動支援',
        '00000000-0000-4000-8000-0000000000b0',
        '00000000-0000-4000-8000-00000000000a',
        '年齢区分',
        'ageBand',
        'なし',
        '書面',
        '2026-11-20 00:00:00',
        '家族(長女)',
        '3',
        '00000000-0000-4000-8000-000000000001',
      ],
    ]);
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      '提供日時,提供先,提供先ID,依頼ID,提供した項目,提供した項目（コード）,同意,同意の方法,同意取得日時,同意した人,履歴番号,記録ID',
    );
  });

  it('is only the header for no records', () => {
    expect(provisionRecordsCsv([])).toBe(`${BOM}${PROVISION_CSV_HEADER_JA.join(',')}\r\n`);
  });
});

describe('provisionRecordsCsv with headers: CODES (as before the Japanese headers)', () => {
  const provisionRecordsCsvCodes = (rows: ProvisionCsvRow[]) => provisionRecordsCsv(rows, CsvHeaders.CODES);

  it('starts with a BOM and a header row, one CRLF line per record', () => {
    const csv = provisionRecordsCsvCodes([row(), row({ id: '00000000-0000-4000-8000-000000000002', items: ['ageBand'], handoffSeq: 2 })]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      PROVISION_CSV_HEADER.join(','),
      '2026-11-20 10:02:03,NPO法人 つながり移動支援,00000000-0000-4000-8000-0000000000b0,00000000-0000-4000-8000-00000000000a,displayName;contact,true,書面,2026-11-20 00:00:00,家族(長女),3,00000000-0000-4000-8000-000000000001',
      '2026-11-20 10:02:03,NPO法人 つながり移動支援,00000000-0000-4000-8000-0000000000b0,00000000-0000-4000-8000-00000000000a,ageBand,true,書面,2026-11-20 00:00:00,家族(長女),2,00000000-0000-4000-8000-000000000002',
      '',
    ]);
  });

  it('is only the header for no records', () => {
    expect(provisionRecordsCsvCodes([])).toBe(`${BOM}${PROVISION_CSV_HEADER.join(',')}\r\n`);
  });

  it('leaves unknown values blank', () => {
    const line = provisionRecordsCsvCodes([row({ consentObtained: null, consentMethod: null, consentObtainedAt: null, consentGivenBy: null })]).split(
      '\r\n',
    )[1];
    expect(line.split(',').slice(5, 9)).toEqual(['', '', '', '']);
  });

  it('reads back cell for cell with the RFC 4180 reader the import uses, whatever the text holds', () => {
    const awkward = row({ recipientOrganizationName: '配食サービス, "川西"\r\n本部', consentMethod: '口頭\n(電話)', consentGivenBy: '本人,家族' });
    const parsed = parseCsv(provisionRecordsCsvCodes([awkward]));
    expect(parsed.error).toBeNull();
    expect(parsed.records.map((r) => r.fields)).toEqual([
      [...PROVISION_CSV_HEADER],
      [
        '2026-11-20 10:02:03',
        '配食サービス, "川西"\n本部', // the reader keeps a line break in a cell as \n
        awkward.recipientOrganizationId,
        awkward.referralId,
        'displayName;contact',
        'true',
        '口頭\n(電話)',
        '2026-11-20 00:00:00',
        '本人,家族',
        '3',
        awkward.id,
      ],
    ]);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\ronly', '"cr\ronly"'],
    ['日本語', '日本語'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each(['=HYPERLINK("http://x")', '+81 72', '-1', '@SUM(A1)', '\tx', '\rx'])('defuses a cell Excel would run as a formula: %j', (value) => {
    const field = csvField(value);
    const cell = parseCsv(`${field}\r\n`).records[0]?.fields[0];
    expect(cell).toBe(`'${value}`.replace(/\r/g, '\n')); // the reader keeps a line break in a cell as \n
  });
});

describe('jst', () => {
  it('writes Japan time, which has no daylight saving', () => {
    expect(jst(new Date('2026-12-31T15:00:00.000Z'))).toBe('2027-01-01 00:00:00');
    expect(jst(new Date('2026-07-01T14:59:59.999Z'))).toBe('2026-07-01 23:59:59');
  });
});
