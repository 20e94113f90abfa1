// docs/SECURITY.md's access matrix names every query and mutation of the api, and nothing else: an operation added
// without deciding who may call it fails here. (The e2e test access-matrix.e2e-spec.ts runs every cell for real.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { operationCell, readMarkdownTable } from '@tsunagu/testing/e2e/markdown-table';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SECURITY = readFileSync(join(ROOT, 'docs', 'SECURITY.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

interface RootField {
  kind: 'Query' | 'Mutation';
  file: string;
  /** The decorators above the field's own (@Roles(...), @AnyRole(), @Public(), ...), as written. */
  decorators: string;
}

/** Root fields declared with @Query(...) / @Mutation(...) in the api's source, by GraphQL name. */
function rootFields(): Map<string, RootField> {
  const fields = new Map<string, RootField>();
  for (const file of sourceFiles(join(ROOT, 'apps', 'api', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/@(Query|Mutation)\(/g)) {
      // The decorator's arguments, up to the matching parenthesis.
      let depth = 1;
      let i = match.index! + match[0].length;
      for (; i < text.length && depth > 0; i++) {
        if (text[i] === '(') depth++;
        if (text[i] === ')') depth--;
      }
      const args = text.slice(match.index! + match[0].length, i - 1);
      const named = /\bname:\s*['"](\w+)['"]/.exec(args)?.[1];
      const method = /^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*\(/m.exec(text.slice(i))?.[1];
      const name = named ?? method;
      if (!name) throw new Error(`${file}: cannot tell the name of the @${match[1]} at offset ${match.index}`);
      // The decorators stacked above it: back to the end of the previous member (a line ending in } or ;) or the class.
      const before = text.slice(0, match.index);
      const start = Math.max(0, ...[...before.matchAll(/(?:[};]|\{)[ \t]*\n/g)].map((m) => m.index! + m[0].length));
      fields.set(name, { kind: match[1] as 'Query' | 'Mutation', file, decorators: before.slice(start) });
    }
  }
  return fields;
}

describe('docs/SECURITY.md access matrix', () => {
  const table = readMarkdownTable(SECURITY, 'access-matrix');
  const documented = new Set(table.rows.map((row) => operationCell(row[0]).operation));

  it('has the columns the e2e test walks', () => {
    expect(table.header).toEqual([
      'operation',
      'object',
      'ADMIN',
      'TIER1',
      'TIER2 own',
      'TIER2 other',
      'PARTNER own',
      'PARTNER other',
      'SUBCOMMITTEE',
      'no token',
    ]);
  });

  it('names every query and mutation of the api, and only those', () => {
    const fields = rootFields();
    expect(fields.size).toBeGreaterThan(20); // the scan found the resolvers
    expect([...fields.keys()].filter((name) => !documented.has(name)).sort()).toEqual([]);
    expect([...documented].filter((name) => !fields.has(name)).sort()).toEqual([]);
  });

  it('every query and mutation says who may call it: @Roles(...), @AnyRole() or @Public() (the guard refuses one that does not)', () => {
    const fields = [...rootFields()];
    const undeclared = fields.filter(([, field]) => !/@(Roles|AnyRole|Public)\(/.test(field.decorators)).map(([name]) => name);
    expect(undeclared).toEqual([]);
    // and only login needs no sign-in
    expect(fields.filter(([, field]) => /@Public\(/.test(field.decorators)).map(([name]) => name)).toEqual(['login']);
  });

  it('lets a user with a temporary password call only me, changeMyPassword and signOut', () => {
    const allowed = [...rootFields()].filter(([, field]) => /@AllowedWithTemporaryPassword\(/.test(field.decorators)).map(([name]) => name);
    expect(allowed.sort()).toEqual(['changeMyPassword', 'me', 'signOut']);
  });

  it('uses only the outcomes the e2e test knows, and each row once', () => {
    const outcomes = new Set(['ok', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'listed', 'not listed', '—']);
    for (const row of table.rows) {
      for (const cell of row.slice(2)) expect({ row: row[0], cell, known: outcomes.has(cell) }).toEqual({ row: row[0], cell, known: true });
    }
    const keys = table.rows.map((row) => operationCell(row[0]).key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers UNAUTHENTICATED without a token to everything but login', () => {
    for (const row of table.rows) {
      const noToken = row.at(-1);
      expect({ operation: row[0], noToken }).toEqual({ operation: row[0], noToken: row[0] === '`login`' ? 'ok' : 'UNAUTHENTICATED' });
    }
  });
});
