import { PASSWORD_MAX_LENGTH, passwordProblems } from './password-policy';

const email = 'hanako.yamada@example.jp';

describe('passwordProblems', () => {
  it('accepts 12 characters or more that are neither the email nor the current password', () => {
    expect(passwordProblems('correct horse', { email })).toEqual([]);
    expect(passwordProblems('abcdefghijkl', { email, currentPassword: 'old-password-1' })).toEqual([]);
    expect(passwordProblems('x'.repeat(PASSWORD_MAX_LENGTH), { email })).toEqual([]);
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblems('abcdefghijk', { email })).toEqual(['must be at least 12 characters long']);
    expect(passwordProblems('', { email })).toEqual(['must be at least 12 characters long']);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    // 12 kanji pass; 11 emoji (22 UTF-16 units) do not.
    expect(passwordProblems('川西市の生活支援を続けよう', { email })).toEqual([]);
    expect(passwordProblems('😀'.repeat(11), { email })).toEqual(['must be at least 12 characters long']);
  });

  it('refuses more than the login form accepts', () => {
    expect(passwordProblems('x'.repeat(PASSWORD_MAX_LENGTH + 1), { email })).toEqual([`must be at most ${PASSWORD_MAX_LENGTH} characters long`]);
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
