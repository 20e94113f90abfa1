import type { DataSource } from 'typeorm';

/** Runs SQL written with named parameters (:name, :...list), so scope conditions compose without renumbering. */
export async function namedQuery<T>(db: DataSource, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const [query, values] = db.driver.escapeQueryWithParameters(sql, params);
  return db.query(query, values);
}
