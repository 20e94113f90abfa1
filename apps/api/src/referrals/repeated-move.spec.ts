import { holdNote } from '@tsunagu/domain';
import { isRepeatOf, LastPersonHandoff, moveUpdateId } from './repeated-move';

const viewer = 'user-1';
const handoff = (overrides: Partial<LastPersonHandoff>): LastPersonHandoff => ({
  kind: 'ACCEPTED',
  actorId: viewer,
  toOrganizationId: 'org-1',
  reason: null,
  note: null,
  ...overrides,
});

describe('isRepeatOf', () => {
  it('is a repeat when the latest handoff by a person is the same move by the same user with the same content', () => {
    expect(isRepeatOf(handoff({ note: '承諾します' }), viewer, { move: 'ACCEPT', note: ' 承諾します ' })).toBe(true);
    expect(isRepeatOf(handoff({ note: null }), viewer, { move: 'ACCEPT' })).toBe(true);
    expect(isRepeatOf(handoff({ kind: 'DECLINED', reason: 'NO_CAPACITY' }), viewer, { move: 'DECLINE', reason: 'NO_CAPACITY' })).toBe(true);
    expect(isRepeatOf(handoff({ kind: 'COMPLETED', reason: 'RESOLVED' }), viewer, { move: 'COMPLETE', outcome: 'RESOLVED' })).toBe(true);
    expect(isRepeatOf(handoff({ kind: 'REASSIGNED', toOrganizationId: 'org-2' }), viewer, { move: 'REASSIGN', organizationId: 'org-2' })).toBe(true);
    expect(isRepeatOf(handoff({ kind: 'WITHDRAWN', reason: '家族が対応' }), viewer, { move: 'WITHDRAW', reason: '家族が対応' })).toBe(true);
    expect(isRepeatOf(handoff({ kind: 'NOTE', note: '連絡済み' }), viewer, { move: 'NOTE', note: '連絡済み' })).toBe(true);
    expect(isRepeatOf(handoff({ kind: 'TAKEN', note: '市で対応' }), viewer, { move: 'TAKE', note: '市で対応' })).toBe(true);
    expect(
      isRepeatOf(handoff({ kind: 'RETURNED', reason: 'NO_CAPACITY', note: '人手不足' }), viewer, {
        move: 'RETURN',
        reason: 'NO_CAPACITY',
        note: '人手不足',
      }),
    ).toBe(true);
    expect(
      isRepeatOf(
        handoff({ kind: 'DEADLINE_EXTENDED', reason: '手配中', note: 'Deadline moved by 2 business day(s) to 2026-12-10T08:15:00.000Z' }),
        viewer,
        {
          move: 'EXTEND_DEADLINE',
          businessDays: 2,
          reason: '手配中',
        },
      ),
    ).toBe(true);
  });

  it('reads the days of an extension from the Japanese note as from the old English one', () => {
    const japanese = handoff({ kind: 'DEADLINE_EXTENDED', reason: '手配中', note: '期限を2営業日延長しました（2026年12月10日(木) 17:15まで）' });
    expect(isRepeatOf(japanese, viewer, { move: 'EXTEND_DEADLINE', businessDays: 2, reason: '手配中' })).toBe(true);
    expect(isRepeatOf(japanese, viewer, { move: 'EXTEND_DEADLINE', businessDays: 3, reason: '手配中' })).toBe(false);
  });

  it('is no repeat for another user, another move or other content', () => {
    expect(isRepeatOf(null, viewer, { move: 'ACCEPT' })).toBe(false);
    expect(isRepeatOf(handoff({ actorId: 'user-2' }), viewer, { move: 'ACCEPT' })).toBe(false);
    expect(isRepeatOf(handoff({ kind: 'STARTED' }), viewer, { move: 'ACCEPT' })).toBe(false);
    expect(isRepeatOf(handoff({ note: '承諾します' }), viewer, { move: 'ACCEPT', note: '別の文' })).toBe(false);
    expect(isRepeatOf(handoff({ kind: 'COMPLETED', reason: 'RESOLVED' }), viewer, { move: 'COMPLETE', outcome: 'NOT_RESOLVED' })).toBe(false);
    expect(isRepeatOf(handoff({ kind: 'REASSIGNED', toOrganizationId: 'org-2' }), viewer, { move: 'REASSIGN', organizationId: 'org-3' })).toBe(false);
    expect(isRepeatOf(handoff({ kind: 'NOTE', note: '連絡済み' }), viewer, { move: 'NOTE', note: '本人と話した' })).toBe(false);
    expect(isRepeatOf(handoff({ kind: 'RETURNED', reason: 'NO_CAPACITY' }), viewer, { move: 'RETURN', reason: 'OTHER' })).toBe(false);
    expect(isRepeatOf(handoff({ kind: 'DECLINED', reason: 'NO_CAPACITY' }), viewer, { move: 'RETURN', reason: 'NO_CAPACITY' })).toBe(false);
    expect(isRepeatOf(handoff({ kind: 'TAKEN' }), viewer, { move: 'ACCEPT' })).toBe(false);
    expect(
      isRepeatOf(
        handoff({ kind: 'DEADLINE_EXTENDED', reason: '手配中', note: 'Deadline moved by 2 business day(s) to 2026-12-10T08:15:00.000Z' }),
        viewer,
        {
          move: 'EXTEND_DEADLINE',
          businessDays: 3,
          reason: '手配中',
        },
      ),
    ).toBe(false);
  });
});

describe('moveUpdateId', () => {
  const referral = { id: 'ref-1', lastSeq: 2 };

  it('is the same for the same move with the same content on the same state', () => {
    expect(moveUpdateId(viewer, referral, { move: 'ACCEPT', note: 'a' })).toBe(moveUpdateId(viewer, { ...referral }, { move: 'ACCEPT', note: 'a' }));
  });

  it('differs by viewer, state of the referral, move and content', () => {
    const id = moveUpdateId(viewer, referral, { move: 'ACCEPT', note: 'a' });
    expect(moveUpdateId('user-2', referral, { move: 'ACCEPT', note: 'a' })).not.toBe(id);
    expect(moveUpdateId(viewer, { ...referral, lastSeq: 3 }, { move: 'ACCEPT', note: 'a' })).not.toBe(id);
    expect(moveUpdateId(viewer, referral, { move: 'START', note: 'a' })).not.toBe(id);
    expect(moveUpdateId(viewer, referral, { move: 'ACCEPT', note: 'b' })).not.toBe(id);
  });
});

describe('isRepeatOf: holds and resumes', () => {
  const held = handoff({ kind: 'PUT_ON_HOLD', reason: '入院中', note: holdNote('2027-01-15') });

  it('a hold with the same date and reason by the same user is a repeat; another date or reason is a new hold', () => {
    expect(isRepeatOf(held, viewer, { move: 'HOLD', resumeOn: '2027-01-15', reason: '入院中' })).toBe(true);
    expect(isRepeatOf(held, viewer, { move: 'HOLD', resumeOn: '2027-01-16', reason: '入院中' })).toBe(false);
    expect(isRepeatOf(held, viewer, { move: 'HOLD', resumeOn: '2027-01-15', reason: '家族が検討中' })).toBe(false);
    expect(isRepeatOf(held, 'user-2', { move: 'HOLD', resumeOn: '2027-01-15', reason: '入院中' })).toBe(false);
  });

  it('a resume with the same note is a repeat', () => {
    expect(isRepeatOf(handoff({ kind: 'RESUMED', note: '退院' }), viewer, { move: 'RESUME', note: '退院' })).toBe(true);
    expect(isRepeatOf(handoff({ kind: 'RESUMED', note: '退院' }), viewer, { move: 'RESUME', note: null })).toBe(false);
  });
});
