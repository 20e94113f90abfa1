import type { DataSource, EntityManager } from 'typeorm';

/** Runs SQL written with named parameters (:name, :...list), so scope conditions compose without renumbering. */
export async function namedQuery<T>(db: DataSource | EntityManager, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
  // A transaction's EntityManager escapes with its DataSource's driver.
  const source = 'driver' in db ? db : db.dataSource;
  const [query, values] = source.driver.escapeQueryWithParameters(sql, params);
  return db.query(query, values);
}
