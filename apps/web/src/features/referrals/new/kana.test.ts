// The console's ふりがな check gives the api's answers (libs/domain/src/text/kana.ts is the rule; read here only by
// the test, never by the bundle).
import { describe, expect, it } from 'vitest';
import { normaliseKana as apiRule } from '../../../../../../libs/domain/src/text/kana';
import { normaliseKana } from './kana';

const SAMPLES = [
  'やまだ たろう',
  'ヤマダ　タロウ',
  'ﾔﾏﾀﾞ ﾀﾛｳ',
  'さとう ゆーこ',
  '  かわにし   はなこ ',
  '山田 太郎',
  'yamada',
  'やまだ1',
  'やまだ・たろう',
  '',
  '   ',
  'ゝゞ',
];

describe('ふりがな', () => {
  it.each(SAMPLES)('%j: the same answer as the api', (sample) => {
    expect(normaliseKana(sample)).toBe(apiRule(sample));
  });

  it('takes hiragana, katakana (half-width too) and spaces; refuses kanji, latin letters and digits', () => {
    expect(normaliseKana('ヤマダ　タロウ')).toBe('やまだ たろう');
    expect(normaliseKana('ﾔﾏﾀﾞ')).toBe('やまだ');
    expect(normaliseKana('山田')).toBeNull();
    expect(normaliseKana('yamada')).toBeNull();
    expect(normaliseKana('やまだ2')).toBeNull();
  });
});
