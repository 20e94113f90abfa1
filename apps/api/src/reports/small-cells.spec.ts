import { FigureBook } from './small-cells';

describe('FigureBook', () => {
  it('shows everything to a viewer who may see the referrals behind it', () => {
    const book = new FigureBook();
    book.add('a', 1, false);
    book.add('b', 2, false);
    book.add('t', 3, false);
    book.sum('t', ['a', 'b']);
    expect(['a', 'b', 't'].map((key) => book.show(key))).toEqual([
      { count: 1, display: '1', suppressed: false },
      { count: 2, display: '2', suppressed: false },
      { count: 3, display: '3', suppressed: false },
    ]);
  });

  it('shows a sensitive 1 or 2 as 3未満, 0 and 3 as they are', () => {
    const book = new FigureBook();
    for (const [key, n] of [
      ['zero', 0],
      ['one', 1],
      ['two', 2],
      ['three', 3],
    ] as const)
      book.add(key, n, true);
    expect(book.show('zero')).toEqual({ count: 0, display: '0', suppressed: false });
    expect(book.show('one')).toEqual({ count: null, display: '3未満', suppressed: true });
    expect(book.show('two')).toEqual({ count: null, display: '3未満', suppressed: true });
    expect(book.show('three')).toEqual({ count: 3, display: '3', suppressed: false });
  });

  it('withholds the total of a sum with one hidden part, and the totals above it', () => {
    const book = new FigureBook();
    book.add('a', 1, true);
    book.add('b', 10, true);
    book.add('row', 11, true);
    book.add('c', 5, true);
    book.add('grand', 16, true);
    book.sum('row', ['a', 'b']);
    book.sum('grand', ['row', 'c']);
    expect(book.show('row')).toEqual({ count: null, display: '秘匿', suppressed: true });
    expect(book.isSuppressed('grand')).toBe(true);
    expect(book.isSuppressed('b')).toBe(false);
    expect(book.isSuppressed('c')).toBe(false);
  });

  it('hides a second part when the total alone is hidden, sensitive parts first', () => {
    const book = new FigureBook();
    book.add('own', 1, false);
    book.add('other', 1, true);
    book.add('total', 2, true);
    book.add('zero', 0, true);
    book.sum('total', ['own', 'other', 'zero']);
    // total (2, sensitive) is primary; other (1, sensitive) is primary too: two hidden, nothing more needed.
    expect(book.isSuppressed('own')).toBe(false);
    const lone = new FigureBook();
    lone.add('x', 5, false);
    lone.add('y', 4, true);
    lone.add('z', 8, true);
    lone.add('t', 17, true);
    lone.add('other-total', 2, true); // a total primary-hidden while its parts all show would give it away
    lone.add('p', 1, false);
    lone.add('q', 1, false);
    lone.sum('t', ['x', 'y', 'z']);
    lone.sum('other-total', ['p', 'q']);
    expect(lone.isSuppressed('t')).toBe(false);
    expect(lone.isSuppressed('other-total')).toBe(true);
    expect([lone.isSuppressed('p'), lone.isSuppressed('q')]).toEqual([true, false]);
  });

  it('leaves no sum with exactly one hidden member, on a two-way table', () => {
    const book = new FigureBook();
    const grid = [
      [1, 7, 4],
      [6, 9, 2],
    ];
    grid.forEach((row, r) => row.forEach((n, c) => book.add(`c${r}${c}`, n, true)));
    grid.forEach((row, r) =>
      book.add(
        `r${r}`,
        row.reduce((a, b) => a + b, 0),
        true,
      ),
    );
    [0, 1, 2].forEach((c) => book.add(`k${c}`, grid[0][c] + grid[1][c], true));
    book.add('g', 29, true);
    grid.forEach((_, r) =>
      book.sum(
        `r${r}`,
        [0, 1, 2].map((c) => `c${r}${c}`),
      ),
    );
    [0, 1, 2].forEach((c) =>
      book.sum(
        `k${c}`,
        [0, 1].map((r) => `c${r}${c}`),
      ),
    );
    book.sum('g', ['r0', 'r1']);
    book.sum('g', ['k0', 'k1', 'k2']);
    const sums = [
      ['r0', 'c00', 'c01', 'c02'],
      ['r1', 'c10', 'c11', 'c12'],
      ['k0', 'c00', 'c10'],
      ['k1', 'c01', 'c11'],
      ['k2', 'c02', 'c12'],
      ['g', 'r0', 'r1'],
      ['g', 'k0', 'k1', 'k2'],
    ];
    for (const members of sums)
      expect({ members, hidden: members.filter((key) => book.isSuppressed(key)).length }).not.toEqual({ members, hidden: 1 });
    expect(book.isSuppressed('c00')).toBe(true);
    expect(book.isSuppressed('c11')).toBe(false);
  });

  it('refuses one key with two counts', () => {
    const book = new FigureBook();
    book.add('t', 3, false);
    expect(() => book.add('t', 4, false)).toThrow('figure t added as 3 and 4');
  });
});
