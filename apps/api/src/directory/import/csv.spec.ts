import { parseCsv } from './csv';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);
const lines = (text: string) => parseCsv(text).records.map((r) => r.line);

describe('parseCsv', () => {
  it('reads plain records separated by LF', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads CRLF and lone CR line ends the same as LF', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ];
    expect(fields('a,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(fields('a,b\r1,2\r3,4\r')).toEqual(expected);
    expect(fields('a,b\r\n1,2\n3,4')).toEqual(expected);
  });

  it('drops a UTF-8 byte-order mark at the start, and only there', () => {
    expect(fields('\uFEFFname,kind\r\nA,NPO\r\n')).toEqual([
      ['name', 'kind'],
      ['A', 'NPO'],
    ]);
    expect(fields('name\n\uFEFFx\n')).toEqual([['name'], ['\uFEFFx']]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"配食, 見守りの会","彼は""はい""と言った"\r\n"two\r\nlines","lf\nonly"\r\n';
    expect(fields(text)).toEqual([
      ['name', 'note'],
      ['配食, 見守りの会', '彼は"はい"と言った'],
      ['two\nlines', 'lf\nonly'],
    ]);
  });

  it('keeps empty fields, quoted or not, and an empty last field', () => {
    expect(fields('a,,c,\n"",x,"",\n')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('skips blank lines, including the empty trailing line Excel writes', () => {
    expect(fields('a\r\n\r\nb\r\n\r\n')).toEqual([['a'], ['b']]);
    expect(fields('a\n')).toEqual([['a']]);
    expect(fields('')).toEqual([]);
    expect(fields('\r\n\r\n')).toEqual([]);
    expect(fields('\uFEFF')).toEqual([]);
  });

  it('reads the last record without a final line break', () => {
    expect(fields('a,b\n1,"2"')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('numbers each record by the line it starts on, counting breaks inside quotes and blank lines', () => {
    const text = 'h1,h2\r\n"multi\r\nline\r\nvalue",x\r\n\r\nlast,y\r\n';
    expect(lines(text)).toEqual([1, 2, 6]);
    expect(lines('a\rb\r\rc')).toEqual([1, 2, 4]);
  });

  it('takes stray quotes inside or after a field literally, as Excel does', () => {
    expect(fields('ab"c,"q"x\n')).toEqual([['ab"c', 'qx']]);
  });

  it('reports a quote that is never closed, with the line it opened on', () => {
    expect(parseCsv('a,b\n1,"open\nstill open\n')).toEqual({ records: [], error: { line: 2, message: expect.stringMatching(/never closed/) } });
  });
});

describe('parseCsv: where fields start', () => {
  it("gives each field's index in the text given, BOM, quotes and line breaks counted", () => {
    const text = '\uFEFFa,"b\r\nc"\r\n,x\n';
    expect(parseCsv(text).records.map((r) => r.starts)).toEqual([
      [1, 3],
      [11, 12],
    ]);
    expect(parseCsv(text).records.map((r) => r.starts.map((start) => text[start]))).toEqual([
      ['a', '"'],
      [',', 'x'],
    ]);
  });
});
