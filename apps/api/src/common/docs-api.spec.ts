// docs/API.md is the contract: its operation tables name every query and mutation of the printed schema
// (docs/schema.graphql, which test/e2e/schema.e2e-spec.ts keeps equal to the code) and nothing else, and say who may
// call each one as docs/SECURITY.md's access matrix does. An operation added to the api without a line in API.md fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { operationCell, readMarkdownTable } from '@tsunagu/testing/e2e/markdown-table';

const ROOT = join(__dirname, '..', '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, 'docs', file), 'utf8');
const API = read('API.md');

const ROLES = ['ADMIN', 'TIER1_COORDINATOR', 'TIER2_COORDINATOR', 'PARTNER', 'SUBCOMMITTEE'];
const NO_TOKEN = 'no token';

/** Query and Mutation fields of the printed schema. */
function schemaOperations(): string[] {
  const schema = buildSchema(read('schema.graphql'));
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
}

/** Every row of API.md's operation tables (<!-- api-operations:<part>:start -->): operation name → its "who may call" cell. */
function documentedOperations(): Map<string, string> {
  const parts = [...API.matchAll(/<!-- (api-operations:[\w-]+):start -->/g)].map((match) => match[1]);
  const operations = new Map<string, string>();
  for (const part of parts) {
    const table = readMarkdownTable(API, part);
    expect(table.header.slice(0, 2)).toEqual(['operation', 'who may call']);
    for (const row of table.rows) {
      const { operation } = operationCell(row[0]);
      if (operations.has(operation)) throw new Error(`docs/API.md names ${operation} twice`);
      operations.set(operation, row[1]);
    }
  }
  return operations;
}

/** "any role" → every role; "anyone, no token" → every role and a caller without a token; else the roles listed. */
function callers(cell: string): string[] {
  if (cell === 'any role') return [...ROLES];
  if (cell === 'anyone, no token') return [...ROLES, NO_TOKEN];
  const roles = cell.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !ROLES.includes(role));
  if (unknown.length > 0) throw new Error(`"${cell}": not a role: ${unknown.join(', ')}`);
  return roles;
}

/** From docs/SECURITY.md's matrix: the callers for which some cell of the operation is not FORBIDDEN (nor "—"). */
function matrixCallers(): Map<string, Set<string>> {
  const table = readMarkdownTable(read('SECURITY.md'), 'access-matrix');
  const columnRole: Record<string, string> = {
    ADMIN: 'ADMIN',
    TIER1: 'TIER1_COORDINATOR',
    'TIER2 own': 'TIER2_COORDINATOR',
    'TIER2 other': 'TIER2_COORDINATOR',
    'PARTNER own': 'PARTNER',
    'PARTNER other': 'PARTNER',
    SUBCOMMITTEE: 'SUBCOMMITTEE',
    'no token': NO_TOKEN,
  };
  const result = new Map<string, Set<string>>();
  for (const row of table.rows) {
    const { operation } = operationCell(row[0]);
    const set = result.get(operation) ?? new Set<string>();
    table.header.forEach((column, i) => {
      const role = columnRole[column];
      if (role && !['FORBIDDEN', '—', 'UNAUTHENTICATED'].includes(row[i])) set.add(role);
    });
    result.set(operation, set);
  }
  return result;
}

describe('docs/API.md operation tables', () => {
  const documented = documentedOperations();

  it('name every query and mutation of docs/schema.graphql, and only those', () => {
    const operations = schemaOperations();
    expect(operations.length).toBeGreaterThan(50); // the schema was read
    expect(operations.filter((name) => !documented.has(name)).sort()).toEqual([]);
    expect([...documented.keys()].filter((name) => !operations.includes(name)).sort()).toEqual([]);
  });

  it("say who may call each operation as docs/SECURITY.md's access matrix does", () => {
    const matrix = matrixCallers();
    const differences = [...documented].flatMap(([operation, cell]) => {
      const expected = [...(matrix.get(operation) ?? [])].sort();
      const written = callers(cell).sort();
      return JSON.stringify(expected) === JSON.stringify(written) ? [] : [`${operation}: API.md "${cell}", matrix ${expected.join(', ')}`];
    });
    expect(differences).toEqual([]);
  });
});
