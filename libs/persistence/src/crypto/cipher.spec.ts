import { randomBytes } from 'node:crypto';
import { DataDecryptionError, isSealedText, openBytes, openText, sealBytes, sealedTextKeyId, sealText } from './cipher';
import { DataKeyring } from './data-keys';
import { openReferralColumn, openReferralPersonalData, referralColumnAad, sealReferralColumn } from './referral-personal-data';

const key = (id: string) => ({ id, key: randomBytes(32) });
const k2025 = key('k2025');
const k2026 = key('k2026');
const old = new DataKeyring([k2025], 'k2025');
const both = new DataKeyring([k2026, k2025], 'k2026');
const REFERRAL = '0b6f1b1e-3c1a-4d55-8a57-5f0f0e2d9a10';
const OTHER = '5a0c2c4e-9b8d-4f1e-a3c2-7d6e5f4a3b21';

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

describe('referral columns', () => {
  it('bind each value to its row and column: a value moved elsewhere does not open', () => {
    const contact = sealReferralColumn(both, 'subject_contact', REFERRAL, '072-000-1111')!;
    expect(referralColumnAad('subject_contact', REFERRAL)).toBe(`referral.subject_contact:${REFERRAL}`);
    expect(openReferralColumn(both, 'subject_contact', REFERRAL, contact)).toBe('072-000-1111');
    expect(() => openReferralColumn(both, 'subject_contact', OTHER, contact)).toThrow(`referral.subject_contact:${OTHER}`);
    expect(() => openReferralColumn(both, 'subject_display_name', REFERRAL, contact)).toThrow(DataDecryptionError);
  });

  it('keep null as null, and pass values from before encryption through', () => {
    expect(sealReferralColumn(both, 'consent_method', REFERRAL, null)).toBeNull();
    expect(sealReferralColumn(both, 'consent_method', REFERRAL, undefined)).toBeNull();
    expect(openReferralColumn(both, 'consent_method', REFERRAL, null)).toBeNull();
    expect(openReferralColumn(both, 'consent_method', REFERRAL, '書面')).toBe('書面');
  });

  it('open a loaded row in place', () => {
    const row = {
      id: REFERRAL,
      summary: '通院の送迎',
      subjectDisplayName: sealReferralColumn(old, 'subject_display_name', REFERRAL, '山田 H.'),
      subjectAgeBand: sealReferralColumn(both, 'subject_age_band', REFERRAL, '80代'),
      subjectContact: null,
      consentMethod: '口頭',
      consentGivenBy: sealReferralColumn(both, 'consent_given_by', REFERRAL, '本人'),
    };
    expect(openReferralPersonalData(both, row)).toBe(row);
    expect(row).toEqual({
      id: REFERRAL,
      summary: '通院の送迎',
      subjectDisplayName: '山田 H.',
      subjectAgeBand: '80代',
      subjectContact: null,
      consentMethod: '口頭',
      consentGivenBy: '本人',
    });
  });
});
