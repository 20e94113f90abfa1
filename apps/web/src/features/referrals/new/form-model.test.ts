// The form's own checks (the api's rules for the same fields), the dates in Japan time, what it sends, and where the
// api's problems go.
import { describe, expect, it } from 'vitest';
import {
  consentDateProblem,
  emptyValues,
  formFieldOf,
  isCalendarDay,
  jstStartOfDay,
  toSubmitInput,
  validateNewReferral,
  type NewReferralValues,
} from './form-model';

// 2026-12-10 00:30 in Japan is still 12-09 in UTC: "today" is Japan's.
const NOW = new Date('2026-12-09T15:30:00Z');

function person(overrides: (v: NewReferralValues) => void = () => undefined): NewReferralValues {
  const values = emptyValues('KAWANISHI');
  values.category = 'TRANSPORT';
  values.summary = '週2回の通院';
  values.subject.displayName = '山田 太郎';
  values.consent = { obtained: true, method: '書面', obtainedOn: '2026-12-10', givenBy: '本人' };
  values.details.transport.purpose = 'HOSPITAL';
  overrides(values);
  return values;
}

const fieldsOf = (values: NewReferralValues) => validateNewReferral(values, NOW).map((e) => e.field);

describe('validating a new referral', () => {
  it('a complete TRANSPORT need for a person passes', () => {
    expect(validateNewReferral(person(), NOW)).toEqual([]);
  });

  it('an empty form names every missing field in Japanese', () => {
    const errors = validateNewReferral(emptyValues(), NOW);
    expect(errors).toEqual([
      { field: 'category', message: '支援の種類を選んでください。' },
      { field: 'areaCode', message: '日常生活圏域を選んでください。' },
      { field: 'summary', message: '依頼内容を入力してください。' },
      { field: 'subject.displayName', message: '氏名を入力してください。' },
      { field: 'consent.obtained', message: '同意がない場合は、第1層生活支援コーディネーターに上げてください。' },
    ]);
  });

  it.each([
    ['TRANSPORT', 'details.transport.purpose', '目的を選んでください。'],
    ['SHOPPING', 'details.shopping.scope', '対象の範囲を選んでください。'],
    ['HOME_HELP', 'details.homeHelp.tasks', '支援内容を1つ以上選んでください。'],
    ['GATHERING_PLACE', 'details.gatheringPlace.placeKind', '居場所の種類を選んでください。'],
    ['WATCH_OVER', 'details.watchOver.methods', '見守りの方法を1つ以上選んでください。'],
    ['OTHER', 'details.other.note', '内容を入力してください。'],
  ] as const)('%s without its required detail: %s', (category, field, message) => {
    const values = person((v) => {
      v.category = category;
      v.details.transport.purpose = '';
    });
    expect(validateNewReferral(values, NOW)).toEqual([{ field, message }]);
  });

  it('VOLUNTEER_INTEREST asks for nothing more; lengths are held to the api’s', () => {
    expect(fieldsOf(person((v) => (v.category = 'VOLUNTEER_INTEREST')))).toEqual([]);
    const long = person((v) => {
      v.category = 'SHOPPING';
      v.details.shopping.scope = 'PERSON';
      v.details.shopping.location = 'あ'.repeat(201);
      v.details.shopping.nearestShop = 'い'.repeat(101);
    });
    expect(fieldsOf(long)).toEqual(['details.shopping.location', 'details.shopping.nearestShop']);
    expect(fieldsOf(person((v) => (v.summary = 'x'.repeat(2001))))).toEqual(['summary']);
  });

  it('checks the ふりがな as kana, and only when given', () => {
    expect(fieldsOf(person((v) => (v.subject.nameKana = 'ヤマダ タロウ')))).toEqual([]);
    expect(
      validateNewReferral(
        person((v) => (v.subject.nameKana = '山田')),
        NOW,
      ),
    ).toEqual([{ field: 'subject.nameKana', message: 'ふりがなは、ひらがな・カタカナで入力してください。' }]);
  });

  it('without consent a person’s need may only go to tier-1; an area’s needs no person or consent', () => {
    const noConsent = person((v) => (v.consent.obtained = false));
    expect(fieldsOf(noConsent)).toEqual(['consent.obtained']);
    noConsent.destination = 'TIER1';
    expect(fieldsOf(noConsent)).toEqual([]);
    expect(fieldsOf(person((v) => ((v.subjectKind = 'AREA'), (v.subject.displayName = ''), (v.consent.obtained = false))))).toEqual([]);
  });
});

describe('dates', () => {
  it('the consent day may be today in Japan, not tomorrow, not an impossible day, not before 1900', () => {
    expect(consentDateProblem('2026-12-10', NOW)).toBeNull();
    expect(consentDateProblem('2026-12-11', NOW)).toBe('同意を得た日に未来の日付は指定できません。');
    expect(consentDateProblem('2026-02-30', NOW)).toBe('同意を得た日は正しい日付で入力してください。');
    expect(consentDateProblem('1899-12-31', NOW)).toBe('同意を得た日は正しい日付で入力してください。');
    expect(consentDateProblem('', NOW)).toBe('同意を得た日を入力してください。');
  });

  it('knows real calendar days (leap years too) and sends the start of the Japan day', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026/12/10')).toBe(false);
    expect(jstStartOfDay('2026-12-10')).toBe('2026-12-10T00:00:00+09:00');
    expect(new Date(jstStartOfDay('2026-12-10')).toISOString()).toBe('2026-12-09T15:00:00.000Z');
  });
});

describe('what is sent', () => {
  it('only the chosen category’s details, unanswered ones left out, yes/no as booleans, the person trimmed', () => {
    const values = person((v) => {
      v.details.transport = { purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['TUE', 'FRI'], mobility: 'CANE', escortNeeded: 'yes' };
      v.details.shopping.location = '残り物';
      v.subject.nameKana = ' やまだ たろう ';
      v.organizationId = 'org-2';
    });
    const input = toSubmitInput(values, 'key-1');
    expect(input).toMatchObject({
      clientRequestId: 'key-1',
      category: 'TRANSPORT',
      areaCode: 'KAWANISHI',
      destination: 'PARTNER',
      organizationId: 'org-2',
      details: { transport: { purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['TUE', 'FRI'], mobility: 'CANE', escortNeeded: true } },
      subject: { displayName: '山田 太郎', nameKana: 'やまだ たろう' },
      consent: { obtained: true, method: '書面', obtainedAt: '2026-12-10T00:00:00+09:00', givenBy: '本人' },
    });
    expect(Object.keys(input.details!)).toEqual(['transport']);
    expect(input.subject!.contact).toBeUndefined();
  });

  it('no person for an area; no organisation when it goes to tier-1', () => {
    const input = toSubmitInput(
      person((v) => ((v.subjectKind = 'AREA'), (v.destination = 'TIER1'), (v.organizationId = 'org-2'))),
      'key-2',
    );
    expect(input.subject).toBeUndefined();
    expect(input.consent).toBeUndefined();
    expect(input.organizationId).toBeUndefined();
  });
});

describe('the api’s problems by the field', () => {
  it.each([
    ['details.transport.days[2]', 'details.transport.days'],
    ['input.subject.nameKana', 'subject.nameKana'],
    ['consent.obtainedAt', 'consent.obtainedOn'],
    ['details.volunteerInterest.areaCodes[0]', 'details.volunteerInterest.areaCodes'],
    ['summary', 'summary'],
    ['details.shopping', null],
    ['clientRequestId', null],
  ])('%s → %s', (apiField, formField) => {
    expect(formFieldOf(apiField)).toBe(formField);
  });
});
