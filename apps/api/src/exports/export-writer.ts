// The one writer of every export (docs/API.md, "Exports"): columns and an async source of rows in, a CSV or .xlsx file
// out, streamed to a Writable (the HTTP response) with backpressure, never the whole file in memory.
// CSV as the provision records' export has it (provision-csv.ts, whose field rule this reuses): UTF-8 with a BOM, CRLF,
// RFC 4180 quoting, a cell Excel would run as a formula starts with an apostrophe, times in Japan time.
// .xlsx through exceljs's streaming WorkbookWriter: each row is committed as it comes; times are real Excel dates and
// times in Japan time (staff sort and filter by them), text is never read as a formula (exceljs writes strings as
// strings; the apostrophe rule is CSV's alone).
import type { Writable } from 'node:stream';
import { stream as excelStream } from 'exceljs';
import { BOM, CsvHeaders, csvField, jst } from '../provision/provision-csv';

export { CsvHeaders as ExportHeaders };

/** A cell: text, a number, a yes/no, an instant (shown in Japan time) or nothing. */
export type ExportCell = string | number | boolean | Date | null;

export interface ExportColumn<Row> {
  /** The header people read (JAPANESE). */
  header: string;
  /** The machine-readable header (CODES). */
  code: string;
  /** The cell. Booleans and instants are formatted by the writer, per format and header mode. */
  value: (row: Row) => ExportCell;
  /** Column width in the .xlsx, in characters. */
  width?: number;
}

export type ExportFormat = 'csv' | 'xlsx';

const JST_OFFSET_MS = 9 * 3_600_000;
/** Bytes of CSV gathered before one write: few writes, and far below any memory concern. */
const CSV_CHUNK = 64 * 1024;
/** Rows of .xlsx committed between two looks at the response's backpressure. */
const XLSX_ROWS_PER_CHECK = 200;

/** The client went away (closed the connection) before the file was written: stop reading rows. */
export class ExportAborted extends Error {
  constructor() {
    super('The client closed the connection before the export was written');
  }
}

/** Writes, and waits for 'drain' when the destination's buffer is full; rejects when it closes first. */
export async function writeWithBackpressure(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (out.write(chunk)) return;
  await drained(out);
}

function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ExportAborted());
  return new Promise((resolve, reject) => {
    const onDrain = () => done(resolve);
    const onClose = () => done(() => reject(new ExportAborted()));
    const done = (settle: () => void) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      settle();
    };
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

/** One CSV cell as text: JAPANESE yes/no reads あり/なし, CODES true/false; instants "YYYY-MM-DD HH:MM:SS" JST. */
export function csvCell(value: ExportCell, headers: CsvHeaders): string {
  if (value === null) return '';
  if (value instanceof Date) return jst(value);
  if (typeof value === 'boolean') return headers === CsvHeaders.JAPANESE ? (value ? 'あり' : 'なし') : String(value);
  return String(value);
}

/** One CSV line, CRLF-terminated, every field quoted and defused as RFC 4180 and the formula rule say. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Streams the CSV (BOM, header row, rows) to `out`; resolves with the number of rows written. Does not end `out`. */
export async function writeCsv<Row>(
  out: Writable,
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row>,
  headers: CsvHeaders,
): Promise<number> {
  let buffer = BOM + csvLine(columns.map((c) => (headers === CsvHeaders.JAPANESE ? c.header : c.code)));
  let count = 0;
  for await (const row of rows) {
    buffer += csvLine(columns.map((c) => csvCell(c.value(row), headers)));
    count++;
    if (buffer.length >= CSV_CHUNK) {
      await writeWithBackpressure(out, buffer);
      buffer = '';
    }
  }
  await writeWithBackpressure(out, buffer);
  return count;
}

/**
 * Streams an .xlsx workbook of one sheet (header row frozen, then the rows) to `out` and ends it; resolves with the
 * number of rows written. Instants become Excel dates and times showing Japan time; yes/no as in CSV.
 */
export async function writeXlsx<Row>(
  out: Writable,
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row>,
  headers: CsvHeaders,
  sheetName: string,
): Promise<number> {
  // No shared strings: their table would hold every distinct text until the end. Styles: the date format.
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.code, width: c.width ?? 14 }));
  sheet.addRow(columns.map((c) => (headers === CsvHeaders.JAPANESE ? c.header : c.code))).commit();
  let count = 0;
  for await (const row of rows) {
    const values = columns.map((c) => xlsxCell(c.value(row), headers));
    const added = sheet.addRow(values);
    values.forEach((value, i) => {
      if (value instanceof Date) added.getCell(i + 1).numFmt = 'yyyy/mm/dd hh:mm';
    });
    added.commit();
    count++;
    if (count % XLSX_ROWS_PER_CHECK === 0) {
      // Let the zip stream move what was committed into `out`, then wait while the client is slower than we are.
      await new Promise((resolve) => setImmediate(resolve));
      if (out.destroyed) throw new ExportAborted();
      if (out.writableNeedDrain) await drained(out);
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** An instant as the Excel date and time its Japan-time wall clock reads (Excel dates carry no zone). */
function xlsxCell(value: ExportCell, headers: CsvHeaders): string | number | Date | null {
  if (value instanceof Date) return new Date(value.getTime() + JST_OFFSET_MS);
  if (typeof value === 'boolean') return headers === CsvHeaders.JAPANESE ? (value ? 'あり' : 'なし') : String(value);
  return value;
}
