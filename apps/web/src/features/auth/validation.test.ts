import { describe, expect, it } from 'vitest';
import { validateChangePassword, validateSignIn } from './validation';

describe('the sign-in form’s checks', () => {
  it('asks for both fields, in Japanese, by field', () => {
    expect(validateSignIn({ email: ' ', password: '' })).toEqual([
      { field: 'email', message: 'メールアドレスを入力してください。' },
      { field: 'password', message: 'パスワードを入力してください。' },
    ]);
  });

  it('catches a mistyped address, and accepts one with spaces around it (they are trimmed before sending)', () => {
    expect(validateSignIn({ email: 'yamada@example', password: 'x' })).toEqual([
      { field: 'email', message: 'メールアドレスの形式で入力してください（例: yamada@example.jp）。' },
    ]);
    expect(validateSignIn({ email: ' yamada@example.jp ', password: 'x' })).toEqual([]);
  });
});

describe('the password form’s checks', () => {
  const ok = { currentPassword: 'kari-no-pasuwado', newPassword: 'atarashii pasuwado 2026', confirmPassword: 'atarashii pasuwado 2026' };

  it('passes a good change', () => {
    expect(validateChangePassword(ok)).toEqual([]);
  });

  it('wants 12 characters, counted as characters (a kanji is one), and not all blanks', () => {
    expect(validateChangePassword({ ...ok, newPassword: 'みじかい', confirmPassword: 'みじかい' })).toEqual([
      { field: 'newPassword', message: 'パスワードは12文字以上にしてください。' },
    ]);
    expect(validateChangePassword({ ...ok, newPassword: '生活支援コーディネーター', confirmPassword: '生活支援コーディネーター' })).toEqual([]);
    expect(validateChangePassword({ ...ok, newPassword: ' '.repeat(12), confirmPassword: ' '.repeat(12) })[0].field).toBe('newPassword');
  });

  it('refuses the current password as the new one, and a confirmation that differs', () => {
    const same = 'onaji pasuwado 12';
    expect(validateChangePassword({ currentPassword: same, newPassword: same, confirmPassword: same })).toEqual([
      { field: 'newPassword', message: '現在のパスワードと違うものにしてください。' },
    ]);
    expect(validateChangePassword({ ...ok, confirmPassword: 'chigau pasuwado 2026' })).toEqual([
      { field: 'confirmPassword', message: '確認用のパスワードが一致しません。' },
    ]);
  });

  it('names every empty field', () => {
    expect(validateChangePassword({ currentPassword: '', newPassword: '', confirmPassword: '' }).map((e) => e.field)).toEqual([
      'currentPassword',
      'newPassword',
      'confirmPassword',
    ]);
  });
});
