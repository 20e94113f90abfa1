import { hasVisibleCharacter, textFault } from './text-rules';

describe('textFault', () => {
  it('passes ordinary text, tabs and line breaks, emoji, private-use 外字 and the empty text', () => {
    for (const text of ['週2回の通院に送迎が必要', 'a\tb\r\nc\nd\re', '見守り 👵🏻 OK', '髙\uE000田', '  山田 H.  ', '\uFEFFname,kind', '']) {
      expect({ text, fault: textFault(text) }).toEqual({ text, fault: null });
    }
  });

  it('refuses U+0000 and the other C0 controls, saying which and where', () => {
    expect(textFault('送迎\u0000が必要')).toEqual({ index: 2, message: expect.stringContaining('U+0000') });
    for (const control of ['\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F']) {
      expect(textFault(`a${control}b`)).toEqual({ index: 1, message: expect.stringMatching(/control character U\+00[0-9A-F]{2}/) });
    }
  });

  it('refuses a lone surrogate, high or low, but not a pair', () => {
    expect(textFault('a\uD800')).toEqual({ index: 1, message: expect.stringContaining('U+D800') });
    expect(textFault('\uD800b')).toEqual({ index: 0, message: expect.stringContaining('surrogate') });
    expect(textFault('ab\uDC00')).toEqual({ index: 2, message: expect.stringContaining('U+DC00') });
    expect(textFault('\uDC00\uD800')).toEqual({ index: 0, message: expect.stringContaining('U+DC00') });
    expect(textFault('\uD83D\uDE00')).toBeNull(); // 😀
  });

  it('refuses a non-empty text that shows nothing: white space, zero-width and other invisible characters', () => {
    for (const text of [
      ' ',
      '   ',
      '\t\r\n',
      '\u3000',
      '\u00A0',
      '\u200B',
      '\u200C\u200D',
      '\u2060',
      '\uFEFF',
      '\u00AD',
      '\u3164',
      '\u2800',
      ' \u200B\u3000 ',
    ]) {
      expect({ text, fault: textFault(text) }).toEqual({ text, fault: { index: 0, message: expect.stringContaining('no visible character') } });
    }
  });
});

describe('hasVisibleCharacter', () => {
  it('sees through invisible characters to a visible one', () => {
    expect(hasVisibleCharacter('\u200Bx\u200B')).toBe(true);
    expect(hasVisibleCharacter('\u200B\uFEFF\u3000')).toBe(false);
    expect(hasVisibleCharacter('')).toBe(false);
  });
});
