import { actionAddedNote, actionDueNote, decisionMeetingNote, issueChangedNote, proposalRevisedNote } from './policy-notes';

describe('policy track notes', () => {
  const action = { description: '乗合タクシーの試行', owner: '産業振興課', dueOn: '2027-03-01' };

  it('are Japanese with JST dates by default', () => {
    // 23:00 UTC on Feb 14 is already Monday the 15th in Japan.
    expect(decisionMeetingNote({ title: '第2回 部会', heldAt: '2027-02-14T23:00:00.000Z' })).toBe('第2回 部会（2027年2月15日(月)）');
    expect(actionAddedNote(action)).toBe('乗合タクシーの試行（担当: 産業振興課、期限: 2027年3月1日(月)）');
    expect(actionDueNote(action)).toBe('取組の期限です（2027年3月1日(月)）: 乗合タクシーの試行（担当: 産業振興課）');
    expect(issueChangedNote(['title', 'areas'])).toBe('変更: 件名、圏域');
    expect(proposalRevisedNote(2, '移動支援の拡充')).toBe('第2版: 移動支援の拡充');
  });

  it('keep the English text of issues started before the japanese-notes patch', () => {
    expect(decisionMeetingNote({ title: '第2回 部会', heldAt: '2027-02-14T23:00:00.000Z' }, 'en')).toBe('第2回 部会 (2027-02-15)');
    expect(actionAddedNote(action, 'en')).toBe('乗合タクシーの試行 (owner: 産業振興課, due 2027-03-01)');
    expect(actionDueNote(action, 'en')).toBe('Due 2027-03-01: 乗合タクシーの試行 (owner: 産業振興課)');
    expect(issueChangedNote(['title', 'areas'], 'en')).toBe('Changed: title, areas');
    expect(proposalRevisedNote(2, 'T', 'en')).toBe('Revision 2: T');
  });
});
