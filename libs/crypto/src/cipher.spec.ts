import { randomBytes } from 'node:crypto';
import { DataDecryptionError, isSealedText, openBytes, openText, sealBytes, sealedTextKeyId, sealText } from './cipher';
import { DataKeyring } from './data-keys';

const key = (id: string) => ({ id, key: randomBytes(32) });
const k2025 = key('k2025');
const k2026 = key('k2026');
const old = new DataKeyring([k2025], 'k2025');
const both = new DataKeyring([k2026, k2025], 'k2026');

describe('sealed text', () => {
  it('is enc:v1:<key id>:<iv>:<ciphertext+tag>, fresh each time, and opens to the plaintext', () => {
    const a = sealText(both, '山田 花子', 'referral.subject_display_name:x');
    const b = sealText(both, '山田 花子', 'referral.subject_display_name:x');
    expect(a).toMatch(/^enc:v1:k2026:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('山田');
    expect(isSealedText(a)).toBe(true);
    expect(sealedTextKeyId(a)).toBe('k2026');
    expect(sealedTextKeyId('山田')).toBeNull();
    expect(openText(both, a, 'referral.subject_display_name:x')).toBe('山田 花子');
    expect(openText(both, sealText(both, '', 'aad'), 'aad')).toBe('');
  });

  it('opens values sealed with any key of the ring (rotation), and names a missing key', () => {
    const written = sealText(old, '072-000-1111', 'aad');
    expect(openText(both, written, 'aad')).toBe('072-000-1111');
    const newer = sealText(both, '072-000-1111', 'aad');
    expect(() => openText(old, newer, 'aad')).toThrow(DataDecryptionError);
    expect(() => openText(old, newer, 'aad')).toThrow('data key "k2026", which is not in TSUNAGU_DATA_KEYS (k2025)');
  });

  it('refuses another binding, tampering, another key under the same id, and malformed values, without quoting them', () => {
    const sealed = sealText(both, '山田 花子', 'referral.subject_contact:a');
    for (const attempt of [
      () => openText(both, sealed, 'referral.subject_contact:b'),
      () => openText(both, sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA'), 'referral.subject_contact:a'),
      () => openText(new DataKeyring([key('k2026')], 'k2026'), sealed, 'referral.subject_contact:a'),
      () => openText(both, 'enc:v1:k2026:only-two', 'referral.subject_contact:a'),
    ]) {
      expect(attempt).toThrow(DataDecryptionError);
      try {
        attempt();
      } catch (error) {
        expect((error as Error).message).not.toContain('山田');
      }
    }
  });

  it('bytes: iv | ciphertext | tag, bound to their associated data', () => {
    const sealed = sealBytes(k2026, Buffer.from('payload'), 'temporal');
    expect(sealed.length).toBe(12 + 7 + 16);
    expect(openBytes(k2026, sealed, 'temporal').toString()).toBe('payload');
    expect(() => openBytes(k2026, sealed, 'other')).toThrow(DataDecryptionError);
    expect(() => openBytes(k2026, sealed.subarray(0, 20), 'temporal')).toThrow('truncated');
  });
});
