// Reads an organisation CSV into rows and checks every row, reporting each problem with the file's line number.
// Pure: the checks that need the database (do the areas exist, is the name taken) are the import service's.
import { isEmail } from 'class-validator';
import { NeedCategory, OrganizationKind } from '@tsunagu/domain';
import {
  blankToNull,
  CONTACT_EMAIL_MAX_LENGTH,
  CONTACT_NAME_MAX_LENGTH,
  CONTACT_PHONE_MAX_LENGTH,
  CONTACT_PHONE_PATTERN,
  NAME_MAX_LENGTH,
  normalizePhone,
} from '../organization-fields';
import { hasVisibleCharacter } from '../../common/input-sanitation/text-rules';
import { parseCsv } from './csv';

/** Longest file accepted, in characters (the api takes request bodies up to 1 MB; Japanese text is 3 bytes a character). */
export const CSV_MAX_LENGTH = 300_000;
/** Most organisations in one file. */
export const MAX_ROWS = 2_000;

/** One problem, located as a spreadsheet user would find it. `field` is a column name, or `csv` for the file itself. */
export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

/** A row that passed every check that needs no database. */
export interface OrganizationRow {
  line: number;
  name: string;
  kind: OrganizationKind;
  areaCodes: string[];
  categories: NeedCategory[];
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  /** null: the cell was blank (a new organisation gets true; an existing one keeps its value). */
  hasSystemUsers: boolean | null;
  acceptingReferrals: boolean | null;
}

export const COLUMNS = [
  'name',
  'kind',
  'areaCodes',
  'categories',
  'contactName',
  'contactEmail',
  'contactPhone',
  'hasSystemUsers',
  'acceptingReferrals',
] as const;
export type Column = (typeof COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['name', 'kind', 'areaCodes', 'categories'];

const TRUE_WORDS = ['true', '1', 'yes', 'はい', 'あり'];
const FALSE_WORDS = ['false', '0', 'no', 'いいえ', 'なし'];
const KINDS = Object.values(OrganizationKind) as string[];
const CATEGORIES = Object.values(NeedCategory) as string[];

/** Header names match whatever their case and spacing: "areaCodes", "area_codes", "Area Codes". */
const columnKey = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');
/** Japanese headers, as staff name the columns in Excel (docs/API.md, "CSV files"); the cells keep their codes. */
const JAPANESE_HEADERS: Readonly<Record<Column, readonly string[]>> = {
  name: ['団体名', '名称'],
  kind: ['種別', '団体の種別'],
  areaCodes: ['圏域', '圏域コード'],
  categories: ['支援の種類', '対応する支援'],
  contactName: ['担当者', '担当者名'],
  contactEmail: ['メールアドレス', '担当者メールアドレス'],
  contactPhone: ['電話番号', '担当者電話番号'],
  hasSystemUsers: ['システム利用'],
  acceptingReferrals: ['新規受付', '受付中'],
};
const COLUMN_BY_KEY = new Map<string, Column>([
  ...COLUMNS.map((column): [string, Column] => [columnKey(column), column]),
  ...COLUMNS.flatMap((column) => JAPANESE_HEADERS[column].map((header): [string, Column] => [columnKey(header), column])),
]);

/** Lists in a cell (areaCodes, categories) are separated by semicolons or spaces. */
export function splitList(cell: string): string[] {
  return cell.split(/[;\s]+/u).filter((item) => item !== '');
}

export interface ReadRowsResult {
  /**
   * Every row of the file as far as it could be read, those with problems too, so that the checks needing the database
   * run on every row. Import them only when `problems` is empty. Empty when the file itself is unreadable.
   */
  rows: OrganizationRow[];
  /** Everything wrong, ordered by line, then by column. */
  problems: ImportProblem[];
}

/** Parses the file and checks every row; `problems` lists all that is wrong, in file order. */
export function readOrganizationRows(csv: string): ReadRowsResult {
  if (csv.length > CSV_MAX_LENGTH) return fail(1, 'csv', `the file is longer than ${CSV_MAX_LENGTH} characters: split it`);
  if (csv.includes('\uFFFD')) {
    return fail(1, 'csv', 'the file is not UTF-8 text: in Excel save it as "CSV UTF-8 (comma delimited)"');
  }
  const parsed = parseCsv(csv);
  if (parsed.error) return fail(parsed.error.line, 'csv', parsed.error.message);
  const records = parsed.records.filter((record) => record.fields.some((field) => field.trim() !== ''));
  const [header, ...body] = records;
  if (!header) return fail(1, 'csv', `the file is empty: the first line names the columns (${COLUMNS.join(', ')})`);

  const problems: ImportProblem[] = [];
  const columns = readHeader(header.fields, header.line, problems);
  if (!body.length) problems.push({ line: header.line, field: 'csv', message: 'the file has no organisations below the header' });
  if (body.length > MAX_ROWS) {
    problems.push({ line: body[MAX_ROWS].line, field: 'csv', message: `at most ${MAX_ROWS} organisations in one file: split it` });
  }
  if (problems.length) return { rows: [], problems };

  const rows: OrganizationRow[] = [];
  const firstLineOfName = new Map<string, number>();
  for (const record of body) {
    const rowProblems: ImportProblem[] = [];
    const problem = (field: string, message: string) => rowProblems.push({ line: record.line, field, message });
    if (record.fields.length > header.fields.length && record.fields.slice(header.fields.length).some((f) => f.trim() !== '')) {
      problem('csv', `has ${record.fields.length} fields but the header names ${header.fields.length} columns`);
    }
    const cell = (column: Column) => {
      const index = columns.get(column);
      const value = index === undefined ? '' : (record.fields[index] ?? '').trim();
      // A cell that shows nothing (spaces, zero-width characters) is blank, as in the spreadsheet the file came from.
      return hasVisibleCharacter(value) ? value : '';
    };
    const row = readRow(record.line, cell, problem);
    if (row.name) {
      const earlier = firstLineOfName.get(row.name);
      if (earlier !== undefined) problem('name', `"${row.name}" is already on line ${earlier}: each organisation once per file`);
      else firstLineOfName.set(row.name, record.line);
    }
    problems.push(...rowProblems);
    rows.push(row);
  }
  return { rows, problems: sortProblems(problems) };
}

/** By line, then in the order of the columns (problems with the file itself first on their line). Stable. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const position = (field: string) => (field === 'csv' ? -1 : COLUMNS.indexOf(field as Column));
  return [...problems].sort((a, b) => a.line - b.line || position(a.field) - position(b.field));
}

function readHeader(names: string[], line: number, problems: ImportProblem[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  names.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') {
      problems.push({ line, field: 'csv', message: `column ${index + 1} has no name in the header` });
      return;
    }
    const column = COLUMN_BY_KEY.get(columnKey(name));
    if (!column) problems.push({ line, field: name, message: `unknown column; the columns are ${COLUMNS.join(', ')}` });
    else if (columns.has(column)) problems.push({ line, field: column, message: 'the column appears twice in the header' });
    else columns.set(column, index);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) problems.push({ line, field: column, message: 'the header has no such column, and it is required' });
  }
  return columns;
}

function readRow(line: number, cell: (column: Column) => string, problem: (field: string, message: string) => void): OrganizationRow {
  const name = cell('name');
  if (name === '') problem('name', 'is required');
  else if (name.length > NAME_MAX_LENGTH) problem('name', `must be at most ${NAME_MAX_LENGTH} characters`);

  const kindCell = cell('kind').toUpperCase();
  if (kindCell === '') problem('kind', `is required: one of ${KINDS.join(', ')}`);
  else if (!KINDS.includes(kindCell)) problem('kind', `"${cell('kind')}" is not a kind of organisation: one of ${KINDS.join(', ')}`);

  const areaCodes = [...new Set(splitList(cell('areaCodes')))];

  const categoryCells = splitList(cell('categories'));
  const unknownCategories = categoryCells.filter((c) => !CATEGORIES.includes(c.toUpperCase()));
  if (unknownCategories.length) {
    problem('categories', `${unknownCategories.map((c) => `"${c}"`).join(', ')} not a need category: use ${CATEGORIES.join(', ')}`);
  }
  const categories = CATEGORIES.filter((c) => categoryCells.some((cellValue) => cellValue.toUpperCase() === c)) as NeedCategory[];

  const contactName = blankToNull(cell('contactName'));
  if (contactName && contactName.length > CONTACT_NAME_MAX_LENGTH) problem('contactName', `must be at most ${CONTACT_NAME_MAX_LENGTH} characters`);
  const contactEmail = blankToNull(cell('contactEmail'));
  if (contactEmail && (contactEmail.length > CONTACT_EMAIL_MAX_LENGTH || !isEmail(contactEmail))) {
    problem('contactEmail', `"${contactEmail}" is not an email address`);
  }
  const contactPhone = blankToNull(normalizePhone(cell('contactPhone')));
  if (contactPhone && (contactPhone.length > CONTACT_PHONE_MAX_LENGTH || !CONTACT_PHONE_PATTERN.test(contactPhone))) {
    problem('contactPhone', `"${contactPhone}" is not a phone number: digits, spaces and + ( ) - . only`);
  }
  const flag = (column: 'hasSystemUsers' | 'acceptingReferrals'): boolean | null => {
    const value = cell(column).toLowerCase();
    if (value === '') return null;
    if (TRUE_WORDS.includes(value)) return true;
    if (FALSE_WORDS.includes(value)) return false;
    problem(column, `"${cell(column)}" is not true or false (use true/false, 1/0 or yes/no)`);
    return null;
  };
  return {
    line,
    name,
    kind: kindCell as OrganizationKind,
    areaCodes,
    categories,
    contactName,
    contactEmail,
    contactPhone,
    hasSystemUsers: flag('hasSystemUsers'),
    acceptingReferrals: flag('acceptingReferrals'),
  };
}

/**
 * Where in the file the character at `index` is, as the import's problems name a cell: "line 4, column contactName"
 * (the line its row starts on, the column by its header name). The validation pipe reports a character no cell may
 * hold (U+0000, a lone surrogate) this way, before the import reads the file.
 */
export function locateCell(csv: string, index: number): string {
  const { records, error } = parseCsv(csv);
  const record = error ? undefined : records.findLast((r) => r.starts[0] <= index);
  if (!record) return `line ${physicalLine(csv, index)}`;
  let position = 0;
  while (position + 1 < record.starts.length && record.starts[position + 1] <= index) position++;
  const header = records.find((r) => r.fields.some((field) => field.trim() !== ''));
  if (record === header) return `line ${record.line}, the header`;
  const name = header?.fields[position]?.trim() ?? '';
  const column = COLUMN_BY_KEY.get(columnKey(name)) ?? (name || `${position + 1}`);
  return `line ${record.line}, column ${column}`;
}

/** 1-based line of an index, counting CRLF, LF and a lone CR as one break each (as parseCsv does). */
function physicalLine(text: string, index: number): number {
  return (text.slice(0, index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

function fail(line: number, field: string, message: string): ReadRowsResult {
  return { rows: [], problems: [{ line, field, message }] };
}
