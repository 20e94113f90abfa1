/** One page of rows as a service reads it: `first` rows after the cursor, and whether more follow. */
export interface Page<Row> {
  rows: Row[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface Connection<Node> {
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** The GraphQL connection of a page: an edge per row, and the last edge's cursor to ask for the next page with. */
export function toConnection<Row, Node>(page: Page<Row>, cursorOf: (row: Row) => string, nodeOf: (row: Row) => Node): Connection<Node> {
  const edges = page.rows.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return { edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
