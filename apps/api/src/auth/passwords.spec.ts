import { generateTemporaryPassword } from './passwords';
import { passwordProblems } from './password-policy';

describe('generateTemporaryPassword', () => {
  it('gives four groups of four unambiguous letters and digits', () => {
    for (let i = 0; i < 200; i += 1) expect(generateTemporaryPassword()).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
  });

  it('meets the password policy', () => {
    expect(passwordProblems(generateTemporaryPassword(), { email: 'someone@example.jp' })).toEqual([]);
  });

  it('never repeats itself in practice', () => {
    const seen = new Set(Array.from({ length: 1000 }, generateTemporaryPassword));
    expect(seen.size).toBe(1000);
  });
});
