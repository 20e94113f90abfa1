// A small CSV reader for files as Excel writes them (RFC 4180 plus Excel's habits). Pure: no I/O.
//  - UTF-8 with or without a byte-order mark; records end with CRLF, LF or a lone CR (old Mac Excel).
//  - Fields are separated by commas. A field in double quotes may hold commas, line breaks and quotes (doubled: "").
//  - Blank lines (an Excel file often ends with one) are skipped.
// Each record keeps the line of the file it starts on, so errors can name the line a spreadsheet user sees.

export interface CsvRecord {
  /** 1-based line of the file where the record starts (line breaks inside quoted fields count). */
  line: number;
  fields: string[];
  /** Where each field starts in the text given to parseCsv (its opening quote, if quoted): index as in String. */
  starts: number[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  /** Set when the file cannot be read as CSV (a quote never closed); records is then empty. */
  error: { line: number; message: string } | null;
}

const BOM = '\uFEFF';

export function parseCsv(text: string): CsvParseResult {
  const skipped = text.startsWith(BOM) ? 1 : 0;
  const input = text.slice(skipped);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let starts: number[] = [];
  let fieldStart = 0; // index in input of the current field's first character
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field began with a quote
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endField = (next: number) => {
    fields.push(field);
    starts.push(fieldStart + skipped);
    fieldStart = next;
    field = '';
    wasQuoted = false;
  };
  const endRecord = (next: number) => {
    const blank = fields.length === 0 && field === '' && !wasQuoted;
    endField(next);
    if (!blank) records.push({ line: recordLine, fields, starts });
    fields = [];
    starts = [];
  };

  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else if (c === '\r' || c === '\n') {
        // A line break inside a field is kept as \n whichever way the file ends its lines.
        if (c === '\r' && input[i + 1] === '\n') i++;
        field += '\n';
        line++;
      } else {
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (c === ',') {
      endField(i + 1);
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRecord(i + 1);
      line++;
      recordLine = line;
    } else {
      // Text after a closing quote, or a quote inside an unquoted field, is taken as it is (as Excel reads it).
      field += c;
    }
  }
  if (quoted) return { records: [], error: { line: quoteLine, message: 'a quoted field is never closed (a " is missing)' } };
  endRecord(input.length);
  return { records, error: null };
}
