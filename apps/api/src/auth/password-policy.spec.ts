import { PASSWORD_MAX_LENGTH, passwordProblems } from './password-policy';

const email = 'hanako.yamada@example.jp';
/** n different characters (kanji from U+4E00 on): no pattern in it. */
const distinct = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');

describe('passwordProblems', () => {
  it('accepts 12 characters or more that are neither the email nor the current password', () => {
    expect(passwordProblems('correct horse', { email })).toEqual([]);
    expect(passwordProblems('kawanishi-no-kaze', { email, currentPassword: 'old-password-1' })).toEqual([]);
    expect(passwordProblems(distinct(PASSWORD_MAX_LENGTH), { email })).toEqual([]);
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblems('abcdefghijk', { email })).toEqual(['must be at least 12 characters long']);
    expect(passwordProblems('a', { email })).toEqual(['must be at least 12 characters long']);
  });

  it('does not count spaces around the password towards the minimum', () => {
    expect(passwordProblems('   kawanishi   ', { email })).toEqual(['must be at least 12 characters long']);
    expect(passwordProblems('\u3000\u3000\u3000川西の風\u3000\u3000\u3000\u3000\u3000', { email })).toEqual(['must be at least 12 characters long']);
    expect(passwordProblems(' kawanishi-no-kaze ', { email })).toEqual([]);
  });

  it('refuses a blank password: empty, spaces, tabs, full-width spaces', () => {
    for (const blank of ['', ' '.repeat(12), '\t'.repeat(20), '\u3000'.repeat(12), ' \n '.repeat(6)]) {
      expect(passwordProblems(blank, { email })).toEqual(['must not be blank']);
    }
  });

  const TOO_COMMON = 'is too common or too predictable (a well-known password, a keyboard run, a short pattern repeated)';

  it('refuses very common passwords from the shipped list, whatever their case, width or surrounding spaces', () => {
    for (const common of [
      'password1234',
      'qwertyuiop12',
      'PassWord1234',
      ' password1234 ',
      'ｐａｓｓｗｏｒｄ１２３４',
      '1qaz2wsx3edc',
      'abcdefghijkl',
      '123456789012',
      'いろはにほへとちりぬるを',
      'sakura123456',
      'tsunagu-demo',
    ]) {
      expect({ common, problems: passwordProblems(common, { email }) }).toEqual({ common, problems: [TOO_COMMON] });
    }
  });

  it('refuses one character or a short pattern repeated', () => {
    for (const repeated of [
      'aaaaaaaaaaaa',
      'zzzzzzzzzzzzzzzzzzzz',
      'abcdabcdabcd',
      'ababababababab',
      '９８９８９８９８９８９８',
      'ああああああああああああ',
    ]) {
      expect({ repeated, problems: passwordProblems(repeated, { email }) }).toEqual({ repeated, problems: [TOO_COMMON] });
    }
    expect(passwordProblems('abcdeabcdeabcde', { email })).toEqual([]);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    // 12 kanji pass; 11 emoji (22 UTF-16 units) do not.
    expect(passwordProblems('川西市の生活支援を続けよう', { email })).toEqual([]);
    expect(passwordProblems('😀😁😂🤣😃😄😅😆😉😊😋', { email })).toEqual(['must be at least 12 characters long']);
  });

  it('refuses more than the login form accepts', () => {
    expect(passwordProblems(distinct(PASSWORD_MAX_LENGTH + 1), { email })).toEqual([`must be at most ${PASSWORD_MAX_LENGTH} characters long`]);
  });

  it('refuses the email address, whatever its case or surrounding spaces', () => {
    expect(passwordProblems(email, { email })).toEqual(['must not be your email address']);
    expect(passwordProblems(` ${email.toUpperCase()} `, { email })).toEqual(['must not be your email address']);
  });

  it('refuses the current password, compared exactly', () => {
    expect(passwordProblems('old-password-1', { email, currentPassword: 'old-password-1' })).toEqual(['must differ from the current password']);
    expect(passwordProblems('Old-password-1', { email, currentPassword: 'old-password-1' })).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(passwordProblems('a@b.jp', { email: 'a@b.jp', currentPassword: 'a@b.jp' })).toEqual([
      'must be at least 12 characters long',
      'must not be your email address',
      'must differ from the current password',
    ]);
  });
});
