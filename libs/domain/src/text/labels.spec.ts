import * as labels from './labels';

describe('Japanese labels of the enums', () => {
  it('give every value a Japanese word (the Records do not compile without one; this checks none is blank or English)', () => {
    for (const [name, table] of Object.entries(labels)) {
      for (const [code, label] of Object.entries(table as Record<string, string>)) {
        expect({ name, code, label: label.trim() === label && /[\u3040-\u30ff\u4e00-\u9fff]/.test(label) }).toEqual({ name, code, label: true });
      }
    }
  });

  it('use the glossary’s words', () => {
    expect(labels.REFERRAL_STATUS_LABELS.OFFERED).toBe('依頼中');
    expect(labels.HANDOFF_KIND_LABELS.DEADLINE_EXTENDED).toBe('期限延長');
    expect(labels.DECLINE_REASON_LABELS.NO_CAPACITY).toBe('受入れ余力なし');
    expect(labels.REFERRAL_OUTCOME_LABELS.NO_LONGER_NEEDED).toBe('支援不要となった');
  });
});
