// Reads a table out of a Markdown document between `<!-- name:start -->` and `<!-- name:end -->`, so that a table
// written for people (docs/SECURITY.md's access matrix) is also the data a test runs. Pure.

export interface MarkdownTable {
  /** The header cells, trimmed. */
  header: string[];
  /** One entry per body row: its cells, trimmed, with `code` marks kept. */
  rows: string[][];
}

export function readMarkdownTable(markdown: string, name: string): MarkdownTable {
  const start = markdown.indexOf(`<!-- ${name}:start -->`);
  const end = markdown.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`no table "${name}" (<!-- ${name}:start --> ... <!-- ${name}:end -->)`);
  const lines = markdown
    .slice(start, end)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'));
  const cells = (line: string) =>
    line
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((cell) => cell.trim());
  const [header, separator, ...body] = lines;
  if (!header || !separator || !/^\|[\s|:-]+\|$/.test(separator)) throw new Error(`table "${name}" has no header row`);
  const headerCells = cells(header);
  const rows = body.map(cells);
  for (const row of rows) {
    if (row.length !== headerCells.length) throw new Error(`table "${name}": row "${row[0]}" has ${row.length} cells, not ${headerCells.length}`);
  }
  return { header: headerCells, rows };
}

/** "`acceptReferral` (proxy)" → { operation: 'acceptReferral', key: 'acceptReferral (proxy)' }. */
export function operationCell(cell: string): { operation: string; key: string } {
  const match = /^`(\w+)`\s*(.*)$/.exec(cell);
  if (!match) throw new Error(`"${cell}" does not start with an operation name in backticks`);
  const variant = match[2].trim();
  return { operation: match[1], key: variant ? `${match[1]} ${variant}` : match[1] };
}
