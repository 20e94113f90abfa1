import { parseOptions } from './options';

describe('parseOptions: which Temporal', () => {
  it('runs on the dev server unless told otherwise', () => {
    expect(parseOptions([]).temporals).toEqual(['dev']);
    expect(parseOptions(['--smoke']).temporals).toEqual(['dev']);
  });

  it('runs on the cluster with --cluster, on both (dev server first) with --both', () => {
    expect(parseOptions(['--cluster']).temporals).toEqual(['cluster']);
    expect(parseOptions(['--smoke', '--both']).temporals).toEqual(['dev', 'cluster']);
  });

  it('keeps the other settings of the mode', () => {
    const options = parseOptions(['--cluster', '--full', '--hops', '5']);
    expect(options).toMatchObject({ mode: 'full', temporals: ['cluster'], hops: 5, rates: [5, 10, 20, 30, 40, 60, 80, 120] });
  });

  it('refuses --cluster with --both, and unknown options', () => {
    expect(() => parseOptions(['--cluster', '--both'])).toThrow(/--cluster and --both exclude each other/);
    expect(() => parseOptions(['--clusters'])).toThrow(/unknown option --clusters/);
  });
});
