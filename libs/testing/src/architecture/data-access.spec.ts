// SQL only in repositories (docs/ARCHITECTURE.md, "Data access"): in the api and the worker, every statement and every
// TypeORM query lives in a `*.repository.ts` (or in libs/persistence); services, resolvers, loaders and activities
// call those. A statement written in a service fails here, with the file and line to move it from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../tools';
import { sourceFiles } from './import-graph';

/** What data access looks like in this code base: TypeORM's query APIs, a query on a connection, an SQL statement. */
const DATA_ACCESS: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'a TypeORM query builder', pattern: /\bcreateQueryBuilder\(/ },
  { what: 'a TypeORM entity repository (find/save/update…)', pattern: /\bgetRepository\(/ },
  { what: 'a query on a connection or transaction', pattern: /\b(db|tx|manager|dataSource|entityManager)\.query\(/ },
  { what: 'an SQL statement', pattern: /['"`]\s*(SELECT|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM|WITH\s+\w+\s+AS)\b/ },
];

/** Files allowed one kind of access, each with its reason. */
const ALLOWED: Record<string, string> = {
  'apps/api/src/health/health.controller.ts': "the readiness probe's SELECT 1: asks whether PostgreSQL answers, reads no data",
  'apps/worker/src/observability/worker-ops.ts': "the worker's readiness probe, the same SELECT 1",
  'apps/api/src/policy/shared/named-query.ts': 'the named-parameter helper the repositories run their statements with',
};

function dataAccessOutsideRepositories(file: string, text: string): string[] {
  if (file.endsWith('.repository.ts') || ALLOWED[file]) return [];
  const found: string[] = [];
  // A statement's keyword may start the line after its opening quote: join each quote with what follows it.
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const withNext = /['"`]\s*$/.test(line) && i + 1 < lines.length ? `${line} ${lines[i + 1]}` : line;
    for (const { what, pattern } of DATA_ACCESS) if (pattern.test(withNext)) found.push(`${file}:${i + 1}: ${what}`);
  });
  return found;
}

describe('data access (pure checks)', () => {
  it('finds each kind, also a statement that starts on the line after its quote', () => {
    expect(dataAccessOutsideRepositories('apps/api/src/x/x.service.ts', 'const rows = await this.db.getRepository(X).find();')).toHaveLength(1);
    expect(
      dataAccessOutsideRepositories('apps/api/src/x/x.service.ts', 'await tx.query(`DELETE FROM login_attempt WHERE id = $1`, [id]);'),
    ).toHaveLength(2);
    expect(dataAccessOutsideRepositories('apps/api/src/x/x.service.ts', 'const sql = `\n  SELECT id FROM referral`;')).toEqual([
      'apps/api/src/x/x.service.ts:1: an SQL statement',
    ]);
    expect(dataAccessOutsideRepositories('apps/worker/src/x.ts', 'handle.query(referralStateQuery); // a Temporal query, not SQL')).toEqual([]);
  });

  it('lets repositories and the listed files be', () => {
    expect(dataAccessOutsideRepositories('apps/api/src/x/x.repository.ts', 'this.db.query(`SELECT 1`)')).toEqual([]);
    expect(dataAccessOutsideRepositories('apps/api/src/health/health.controller.ts', "this.db.query('SELECT 1')")).toEqual([]);
  });
});

describe('the source tree', () => {
  const root = repoRoot();
  const files = sourceFiles(root, ['apps/api/src', 'apps/worker/src']).filter((file) => !/\.(spec|db-spec|e2e-spec)\.ts$/.test(file));

  it('is read', () => {
    expect(files.filter((file) => file.endsWith('.repository.ts')).length).toBeGreaterThan(15);
  });

  it('has the data access of the api and the worker only in repositories', () => {
    const found = files.flatMap((file) => dataAccessOutsideRepositories(file, readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('has every allowed file still there', () => {
    expect(Object.keys(ALLOWED).filter((file) => !files.includes(file))).toEqual([]);
  });
});
