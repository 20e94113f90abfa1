import { NeedCategory, OrganizationKind } from '@tsunagu/domain';
import { CSV_MAX_LENGTH, locateCell, MAX_ROWS, readOrganizationRows, splitList } from './organization-rows';

const HEADER = 'name,kind,areaCodes,categories,contactName,contactEmail,contactPhone,hasSystemUsers,acceptingReferrals';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

describe('readOrganizationRows: good files', () => {
  it('reads every column of a file as Excel saves it (BOM, CRLF, quoted name with a comma)', () => {
    const text = '\uFEFF' + csv('"配食, 見守りの会",npo,KAWANISHI;MEIHO,TRANSPORT HOME_HELP,山田 花子,info@example.jp,０７２-000-1234,FALSE,yes');
    expect(readOrganizationRows(text)).toEqual({
      problems: [],
      rows: [
        {
          line: 2,
          name: '配食, 見守りの会',
          kind: OrganizationKind.NPO,
          areaCodes: ['KAWANISHI', 'MEIHO'],
          categories: [NeedCategory.TRANSPORT, NeedCategory.HOME_HELP],
          contactName: '山田 花子',
          contactEmail: 'info@example.jp',
          contactPhone: '072-000-1234',
          hasSystemUsers: false,
          acceptingReferrals: true,
        },
      ],
    });
  });

  it('accepts only the required columns, in any order and spelling, and leaves the rest blank', () => {
    const { rows, problems } = readOrganizationRows('Categories,Area Codes,KIND,name\nshopping,TADA,business,Shop\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'Shop',
        kind: OrganizationKind.BUSINESS,
        areaCodes: ['TADA'],
        categories: [NeedCategory.SHOPPING],
        contactName: null,
        contactEmail: null,
        contactPhone: null,
        hasSystemUsers: null,
        acceptingReferrals: null,
      }),
    ]);
  });

  it('accepts Japanese headers (the cells keep their codes) and はい/いいえ for the flags', () => {
    const text =
      '\uFEFF団体名,種別,圏域コード,支援の種類,担当者名,メールアドレス,電話番号,システム利用,新規受付\r\n見守りの会,NPO,KAWANISHI,WATCH_OVER,山田,a@example.jp,072-000-1234,いいえ,はい\r\n';
    const { rows, problems } = readOrganizationRows(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        name: '見守りの会',
        kind: OrganizationKind.NPO,
        areaCodes: ['KAWANISHI'],
        categories: [NeedCategory.WATCH_OVER],
        contactName: '山田',
        contactEmail: 'a@example.jp',
        contactPhone: '072-000-1234',
        hasSystemUsers: false,
        acceptingReferrals: true,
      }),
    ]);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['Yes', true],
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['no', false],
    ['', null],
    [' ', null],
  ])('reads the flag %j as %j', (cell, value) => {
    const { rows } = readOrganizationRows(csv(`A,NPO,X,OTHER,,,,${cell},${cell}`));
    expect(rows[0]).toMatchObject({ hasSystemUsers: value, acceptingReferrals: value });
  });

  it('splits lists on semicolons and spaces, drops repeats, and puts categories in their usual order', () => {
    expect(splitList(' A; B  C;;D\u3000E ')).toEqual(['A', 'B', 'C', 'D', 'E']);
    const { rows } = readOrganizationRows(csv('A,NPO,X;Y X,OTHER;transport TRANSPORT,,,,,'));
    expect(rows[0]).toMatchObject({ areaCodes: ['X', 'Y'], categories: [NeedCategory.TRANSPORT, NeedCategory.OTHER] });
  });

  it('allows an organisation with no areas or categories (a city department), and skips blank rows', () => {
    const { rows, problems } = readOrganizationRows(csv('Dept,CITY_DEPARTMENT,,,,,,,', ',,,,,,,,', '', 'B,NPO,X,OTHER,,,,,'));
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.name, r.areaCodes, r.categories])).toEqual([
      [2, 'Dept', [], []],
      [5, 'B', ['X'], [NeedCategory.OTHER]],
    ]);
  });

  it('keeps line numbers of the file when a quoted cell spans lines', () => {
    const { rows } = readOrganizationRows(csv('A,NPO,X,OTHER,"担当\r\n二行目",,,,', 'B,NPO,X,OTHER,,,,,'));
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0].contactName).toBe('担当\n二行目');
  });
});

describe('readOrganizationRows: bad files', () => {
  it('reports every bad row with its line and field, and still lists every row for the database checks', () => {
    const text = csv(
      'Good,NPO,X,TRANSPORT,,,,,', // 2
      'Bad kind,CHARITY,X,TRANSPORT,,,,,', // 3
      ',NPO,X,TRANSPORT,,,,,', // 4
      'Bad category,NPO,X,TRANSPORT;COOKING,,,,,', // 5
      'Good,NPO,X,TRANSPORT,,,,,', // 6
      'Contacts,NPO,X,OTHER,,not-an-email,call me,maybe,2', // 7
    );
    const { rows, problems } = readOrganizationRows(text);
    expect(rows.map((r) => [r.line, r.areaCodes])).toEqual([2, 3, 4, 5, 6, 7].map((line) => [line, ['X']]));
    expect(problems.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 3, field: 'kind' },
      { line: 4, field: 'name' },
      { line: 5, field: 'categories' },
      { line: 6, field: 'name' },
      { line: 7, field: 'contactEmail' },
      { line: 7, field: 'contactPhone' },
      { line: 7, field: 'hasSystemUsers' },
      { line: 7, field: 'acceptingReferrals' },
    ]);
    expect(problems[0].message).toMatch(/"CHARITY" is not a kind/);
    expect(problems[2].message).toMatch(/"COOKING"/);
    expect(problems[3].message).toMatch(/already on line 2/);
  });

  it('reports header problems on line 1: unknown, repeated and missing columns', () => {
    const { problems } = readOrganizationRows('name,kind,areaCode,name,memo\nA,NPO,X,A,\n');
    expect(problems).toEqual([
      { line: 1, field: 'areaCode', message: expect.stringMatching(/unknown column/) },
      { line: 1, field: 'name', message: expect.stringMatching(/twice/) },
      { line: 1, field: 'memo', message: expect.stringMatching(/unknown column/) },
      { line: 1, field: 'areaCodes', message: expect.stringMatching(/required/) },
      { line: 1, field: 'categories', message: expect.stringMatching(/required/) },
    ]);
  });

  it('reports a row with more filled fields than the header has columns', () => {
    const { problems } = readOrganizationRows('name,kind,areaCodes,categories\nA,NPO,X,OTHER,extra\nB,NPO,X,OTHER,,\n');
    expect(problems).toEqual([{ line: 2, field: 'csv', message: expect.stringMatching(/5 fields/) }]);
  });

  it('reports an empty file, a header with no rows, an unclosed quote and a file that is not UTF-8', () => {
    expect(readOrganizationRows('').problems).toEqual([{ line: 1, field: 'csv', message: expect.stringMatching(/empty/) }]);
    expect(readOrganizationRows('\uFEFF\r\n').problems).toEqual([{ line: 1, field: 'csv', message: expect.stringMatching(/empty/) }]);
    expect(readOrganizationRows(HEADER + '\r\n').problems).toEqual([{ line: 1, field: 'csv', message: expect.stringMatching(/no organisations/) }]);
    expect(readOrganizationRows(csv('A,NPO,X,OTHER,,,,,', '"B,NPO,X,OTHER,,,,,')).problems).toEqual([
      { line: 3, field: 'csv', message: expect.stringMatching(/never closed/) },
    ]);
    expect(readOrganizationRows(csv('\uFFFD\uFFFD,NPO,X,OTHER,,,,,')).problems).toEqual([
      { line: 1, field: 'csv', message: expect.stringMatching(/CSV UTF-8/) },
    ]);
  });

  it('refuses files that are too long or have too many rows', () => {
    expect(readOrganizationRows('x'.repeat(CSV_MAX_LENGTH + 1)).problems).toEqual([
      { line: 1, field: 'csv', message: expect.stringMatching(/longer/) },
    ]);
    const many = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `Org ${i},NPO,X,OTHER`);
    expect(readOrganizationRows(['name,kind,areaCodes,categories', ...many].join('\n')).problems).toEqual([
      { line: MAX_ROWS + 2, field: 'csv', message: expect.stringMatching(/at most/) },
    ]);
  });
});

describe('locateCell', () => {
  it("names the line a row starts on and the column by its header name, as the import's problems do", () => {
    const text = '\uFEFF' + csv('A,NPO,X,OTHER,,,,,', '"B\nsecond line",NPO,X,OTHER,山田\u0000,,,,');
    expect(locateCell(text, text.indexOf('\u0000'))).toBe('line 3, column contactName');
    expect(locateCell(text, text.indexOf('"B'))).toBe('line 3, column name');
    expect(locateCell(text, text.indexOf('second'))).toBe('line 3, column name');
    expect(locateCell(text, text.indexOf('NPO'))).toBe('line 2, column kind');
    expect(locateCell(text, 3)).toBe('line 1, the header');
  });

  it('uses the header as written for an unknown column, the number for an unnamed one, the line for an unreadable file', () => {
    expect(locateCell('name,Note\nA,x\u0000', 12)).toBe('line 2, column Note');
    expect(locateCell('name,\nA,x\u0000', 9)).toBe('line 2, column 2');
    expect(locateCell('name\r\n"A\u0000', 8)).toBe('line 2');
  });
});

describe('readOrganizationRows: cells that show nothing', () => {
  it('counts a cell of spaces or invisible characters as blank', () => {
    const { rows, problems } = readOrganizationRows(csv('A,NPO,X,OTHER,\u200B,\u3000,\uFEFF,,'));
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ contactName: null, contactEmail: null, contactPhone: null });
    expect(readOrganizationRows(csv('\u200B\u200B,NPO,X,OTHER,,,,,')).problems).toEqual([{ line: 2, field: 'name', message: 'is required' }]);
  });
});
