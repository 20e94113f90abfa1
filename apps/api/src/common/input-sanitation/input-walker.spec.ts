import { RefusedInstant } from './date-time.scalar';
import { inputProblems, TextLocator } from './input-walker';

describe('inputProblems', () => {
  it('finds nothing wrong in ordinary arguments', () => {
    const input = {
      summary: '週2回の通院に送迎が必要',
      subject: { displayName: '山田 H.', ageBand: null, contact: '' },
      consent: { obtained: true, obtainedAt: new Date('2026-11-20T01:00:00Z') },
      areaCodes: ['KAWANISHI', 'MEIHO'],
      first: 20,
    };
    expect(inputProblems(input, 'input')).toEqual([]);
    expect(inputProblems('送迎\r\n\tお願いします', 'note')).toEqual([]);
    expect(inputProblems(undefined, 'after')).toEqual([]);
  });

  it('names a scalar argument by its name', () => {
    expect(inputProblems('a\u0000b', 'note')).toEqual([
      { field: 'note', message: expect.stringMatching(/^at character 2: contains the control character U\+0000/) },
    ]);
    expect(inputProblems('\u0000', 'after')).toEqual([{ field: 'after', message: expect.stringMatching(/^contains the control character U\+0000/) }]);
  });

  it('names fields of an object by their path from the object, at any depth', () => {
    const input = Object.assign(Object.create(null), {
      summary: '\u200B',
      subject: { displayName: 'a\uD800', contact: '072' },
      consent: { obtainedAt: new RefusedInstant('must be a date and time with a time zone') },
      filter: { areaCode: ['KAWANISHI', 'x\u0000'] },
    });
    expect(inputProblems(input, 'input')).toEqual([
      { field: 'summary', message: expect.stringContaining('no visible character') },
      { field: 'subject.displayName', message: expect.stringContaining('surrogate') },
      { field: 'consent.obtainedAt', message: 'must be a date and time with a time zone' },
      { field: 'filter.areaCode', message: expect.stringContaining('U+0000') },
    ]);
  });

  it('names items of a list of input objects by index, and a list of texts once per fault', () => {
    expect(inputProblems({ rows: [{ name: 'ok' }, { name: '\u0001' }] })).toEqual([
      { field: 'rows.1.name', message: expect.stringContaining('U+0001') },
    ]);
    expect(inputProblems({ ids: ['\u0000', '\u0000'] })).toEqual([{ field: 'ids', message: expect.stringContaining('U+0000') }]);
    expect(inputProblems([new RefusedInstant('no')], 'dates')).toEqual([{ field: 'dates', message: 'no' }]);
  });

  it('lets a locator say where in a long text the fault is', () => {
    const locate: TextLocator = (text, index) => `line ${text.slice(0, index).split('\n').length}`;
    expect(inputProblems({ csv: 'name\nA\u0000' }, '', new Map([['csv', locate]]))).toEqual([
      { field: 'csv', message: expect.stringMatching(/^line 2: contains the control character U\+0000/) },
    ]);
  });

  it('leaves parsed scalars and class instances alone', () => {
    class Parsed {
      text = '\u0000';
    }
    expect(inputProblems({ at: new Date('2026-01-01T00:00:00Z'), other: new Parsed() })).toEqual([]);
  });
});
