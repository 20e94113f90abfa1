import { toConnection } from './connection';

describe('toConnection', () => {
  const rows = [
    { id: 'a', name: 'Ann' },
    { id: 'b', name: 'Bo' },
  ];

  it('makes an edge per row, in order, with the last cursor as endCursor', () => {
    const connection = toConnection(
      { rows, totalCount: 7, hasNextPage: true },
      (row) => `c-${row.id}`,
      (row) => row.name,
    );
    expect(connection).toEqual({
      edges: [
        { cursor: 'c-a', node: 'Ann' },
        { cursor: 'c-b', node: 'Bo' },
      ],
      totalCount: 7,
      pageInfo: { hasNextPage: true, endCursor: 'c-b' },
    });
  });

  it('has a null endCursor for an empty page', () => {
    expect(
      toConnection(
        { rows: [], totalCount: 0, hasNextPage: false },
        () => 'never',
        () => 'never',
      ),
    ).toEqual({
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('calls cursorOf and nodeOf with the row alone', () => {
    const cursorOf = jest.fn((row: { id: string }) => row.id);
    const nodeOf = jest.fn((row: { id: string }) => row);
    toConnection({ rows, totalCount: 2, hasNextPage: false }, cursorOf, nodeOf);
    expect(cursorOf.mock.calls).toEqual([[rows[0]], [rows[1]]]);
    expect(nodeOf.mock.calls).toEqual([[rows[0]], [rows[1]]]);
  });
});
