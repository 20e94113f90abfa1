import { PassThrough, Writable } from 'node:stream';
import { Workbook, ValueType } from 'exceljs';
import { ExportAborted, ExportColumn, ExportHeaders, writeCsv, writeXlsx } from './export-writer';

interface Row {
  text: string;
  at: Date | null;
  flag: boolean | null;
  n: number;
}

const columns: ExportColumn<Row>[] = [
  { header: '内容', code: 'text', value: (r) => r.text },
  { header: '日時', code: 'atJst', value: (r) => r.at },
  { header: '同意', code: 'consent', value: (r) => r.flag },
  { header: '件数', code: 'n', value: (r) => r.n },
];

async function* source(rows: Row[], pulled?: { count: number }): AsyncIterable<Row> {
  for (const row of rows) {
    if (pulled) pulled.count++;
    yield row;
  }
}

function collector(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

const at = new Date('2026-11-30T15:30:00Z'); // 2026-12-01 00:30 in Japan: the JST day, not the UTC one

describe('writeCsv', () => {
  it('writes a BOM, the Japanese header, CRLF lines, RFC 4180 quoting, JST times and あり/なし', async () => {
    const { out, bytes } = collector();
    const count = await writeCsv(
      out,
      columns,
      source([
        { text: '送迎, 週2回', at, flag: true, n: 3 },
        { text: '「坂」の"上"\r\n団地', at: null, flag: false, n: 0 },
        { text: '', at: null, flag: null, n: 1 },
      ]),
      ExportHeaders.JAPANESE,
    );
    expect(count).toBe(3);
    const buffer = bytes();
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buffer.toString('utf8').slice(1)).toBe(
      '内容,日時,同意,件数\r\n' + '"送迎, 週2回",2026-12-01 00:30:00,あり,3\r\n' + '"「坂」の""上""\r\n団地",,なし,0\r\n' + ',,,1\r\n',
    );
  });

  it('gives codes and true/false with headers=CODES', async () => {
    const { out, bytes } = collector();
    await writeCsv(out, columns, source([{ text: 'x', at, flag: true, n: 1 }]), ExportHeaders.CODES);
    expect(bytes().toString('utf8')).toBe('\uFEFFtext,atJst,consent,n\r\nx,2026-12-01 00:30:00,true,1\r\n');
  });

  it.each(['=1+1', '+81 72', '-2', '@SUM(A1)', '\tcmd', '\rx'])('defuses a cell starting like a formula: %j', async (text) => {
    const { out, bytes } = collector();
    await writeCsv(out, columns.slice(0, 1), source([{ text, at: null, flag: null, n: 0 }]), ExportHeaders.CODES);
    const cell = bytes().toString('utf8').split('\r\n')[1];
    expect(cell.replace(/^"/, '').startsWith(`'${text[0]}`)).toBe(true);
  });

  it('waits for a slow destination instead of buffering the whole file', async () => {
    let inFlight = 0;
    let maxQueued = 0;
    const written: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk, _enc, done) {
        inFlight++;
        written.push(Buffer.from(chunk));
        setTimeout(() => {
          inFlight--;
          done();
        }, 2);
      },
    });
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ text: `依頼 ${i} ${'あ'.repeat(20)}`, at, flag: true, n: i }));
    const poll = setInterval(() => (maxQueued = Math.max(maxQueued, slow.writableLength)), 1);
    await writeCsv(slow, columns, source(rows), ExportHeaders.JAPANESE);
    clearInterval(poll);
    expect(inFlight).toBeLessThanOrEqual(1);
    // Never more queued than one chunk beyond the high-water mark.
    expect(maxQueued).toBeLessThan(16 * 1024 + 70 * 1024 * 3);
    expect(Buffer.concat(written).toString('utf8').split('\r\n')).toHaveLength(20_002);
  });

  it('stops reading rows when the destination closes', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const pulled = { count: 0 };
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ text: `row ${i}`, at, flag: true, n: i }));
    setTimeout(() => out.destroy(), 20);
    await expect(writeCsv(out, columns, source(rows, pulled), ExportHeaders.CODES)).rejects.toBeInstanceOf(ExportAborted);
    expect(pulled.count).toBeLessThan(100_000);
  });
});

describe('writeXlsx', () => {
  it('writes a workbook exceljs opens: Japanese header, text as text, JST dates as Excel dates', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on('end', resolve));
    const count = await writeXlsx(
      out,
      columns,
      source([
        { text: '=HYPERLINK("http://x")', at, flag: true, n: 3 },
        { text: '団地の坂', at: null, flag: false, n: 0 },
      ]),
      ExportHeaders.JAPANESE,
      '依頼一覧',
    );
    await ended;
    expect(count).toBe(2);
    const book = new Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('依頼一覧')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '内容', '日時', '同意', '件数']);
    const formulaLike = sheet.getRow(2).getCell(1);
    expect(formulaLike.type).toBe(ValueType.String);
    expect(formulaLike.value).toBe('=HYPERLINK("http://x")');
    const date = sheet.getRow(2).getCell(2);
    expect(date.type).toBe(ValueType.Date);
    // Excel's wall clock reads Japan time: 2026-12-01 00:30.
    expect((date.value as Date).toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(date.numFmt).toBe('yyyy/mm/dd hh:mm');
    expect(sheet.getRow(2).getCell(3).value).toBe('あり');
    expect(sheet.getRow(2).getCell(4).value).toBe(3);
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.rowCount).toBe(3);
  });
});
