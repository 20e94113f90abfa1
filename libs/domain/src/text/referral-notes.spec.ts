import { autoEscalationNote, deadlineExtensionNote, deadlineReminderNote, isDeadlineExtensionNote, progressReminderNote } from './referral-notes';

describe('referral history notes', () => {
  it('are Japanese with JST times by default', () => {
    expect(deadlineExtensionNote(2, '2026-12-14T08:15:00.000Z')).toBe('期限を2営業日延長しました（2026年12月14日(月) 17:15まで）');
    expect(deadlineReminderNote('2026-12-10T08:15:00.000Z')).toBe('催促: 回答期限は2026年12月10日(木) 17:15です。期限までに回答してください');
    expect(progressReminderNote(10)).toBe('催促: 10営業日、進捗の記録がありません（連携先と第2層SCにお知らせしました）');
    expect(autoEscalationNote(5)).toBe('つなぎ先なしのまま5営業日が過ぎたため、第1層SCへ引き継ぎました');
  });

  it('keep the English text of referrals started before the japanese-notes patch', () => {
    expect(deadlineExtensionNote(2, '2026-12-14T08:15:00.000Z', 'en')).toBe('Deadline moved by 2 business day(s) to 2026-12-14T08:15:00.000Z');
    expect(deadlineReminderNote('2026-12-10T08:15:00.000Z', 'en')).toBe('Reminder: please answer by 2026-12-10T08:15:00.000Z');
    expect(progressReminderNote(10, 'en')).toBe('No update for 10 business days: reminding the holder and the coordinator');
    expect(autoEscalationNote(5, 'en')).toBe('UNMATCHED for 5 business days: escalated to tier-1');
  });
});

describe('isDeadlineExtensionNote', () => {
  it('reads the days of the Japanese and of the old English note', () => {
    for (const language of ['ja', 'en'] as const) {
      const note = deadlineExtensionNote(2, '2026-12-14T08:15:00.000Z', language);
      expect(isDeadlineExtensionNote(note, 2)).toBe(true);
      expect(isDeadlineExtensionNote(note, 1)).toBe(false);
      expect(isDeadlineExtensionNote(note, 12)).toBe(false);
    }
    expect(isDeadlineExtensionNote(deadlineExtensionNote(12, '2026-12-14T08:15:00.000Z'), 1)).toBe(false);
  });

  it('is false for other text', () => {
    expect(isDeadlineExtensionNote(null, 2)).toBe(false);
    expect(isDeadlineExtensionNote('期限を延長してください', 2)).toBe(false);
  });
});
