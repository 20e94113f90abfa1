import { kanaSearchTerms, normaliseKana } from './kana';

describe('normaliseKana', () => {
  it('keeps hiragana, folds katakana (full and half width) to hiragana, and tidies spaces', () => {
    expect(normaliseKana('やまだ たろう')).toBe('やまだ たろう');
    expect(normaliseKana('ヤマダ　タロウ')).toBe('やまだ たろう');
    expect(normaliseKana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('やまだ たろう');
    expect(normaliseKana('  さとう   ゆーこ ')).toBe('さとう ゆーこ');
    expect(normaliseKana('ヴィーナス')).toBe('ゔぃーなす');
  });

  it('refuses what is not kana: kanji, latin letters, digits, marks, nothing at all', () => {
    for (const bad of ['山田', 'yamada', 'やまだ1', 'やまだ・たろう', '', '   ', 'やまだ\u200b']) expect(normaliseKana(bad)).toBeNull();
  });
});

describe('kanaSearchTerms', () => {
  it('is the whole name without spaces, and each word of a name of several', () => {
    expect(kanaSearchTerms('やまだ たろう')).toEqual(['やまだたろう', 'やまだ', 'たろう']);
    expect(kanaSearchTerms('やまだ')).toEqual(['やまだ']);
  });
});
