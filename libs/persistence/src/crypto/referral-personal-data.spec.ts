import { randomBytes } from 'node:crypto';
import { DataDecryptionError, DataKeyring } from '@tsunagu/crypto';
import { openReferralColumn, openReferralPersonalData, referralColumnAad, sealReferralColumn } from './referral-personal-data';

const key = (id: string) => ({ id, key: randomBytes(32) });
const k2025 = key('k2025');
const k2026 = key('k2026');
const old = new DataKeyring([k2025], 'k2025');
const both = new DataKeyring([k2026, k2025], 'k2026');
const REFERRAL = '0b6f1b1e-3c1a-4d55-8a57-5f0f0e2d9a10';
const OTHER = '5a0c2c4e-9b8d-4f1e-a3c2-7d6e5f4a3b21';

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
