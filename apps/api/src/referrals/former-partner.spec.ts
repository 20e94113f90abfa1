import { HandoffKind, ReferralStatus, Role } from '@tsunagu/domain';
import type { ReferralEntity } from '@tsunagu/persistence';
import type { Viewer } from '../common/viewer';
import type { HandoffRow } from '../common/loaders/loaders';
import { handoffsSeenBy, seenAsLeft } from './former-partner';

const P = 'org-p';
const Q = 'org-q';
const COUNCIL = 'org-council';

const viewer = (role: Role, organizationId: string | null = P): Viewer => ({
  id: 'u',
  email: 'u@example.jp',
  displayName: 'u',
  role,
  organizationId,
  areaId: null,
});

let seq = 0;
function handoff(kind: HandoffKind, from: string | null, to: string | null, extra: Partial<HandoffRow> = {}): HandoffRow {
  seq += 1;
  return {
    referralId: 'r',
    seq,
    kind,
    fromOrganizationId: from,
    toOrganizationId: to,
    actorId: null,
    proxy: false,
    reason: null,
    note: null,
    at: new Date(Date.UTC(2026, 11, 1, 0, seq)),
    regionalIssueId: null,
    regionalIssueSeq: null,
    policyProposalId: null,
    ...extra,
  };
}

/** Submitted, offered to P, P noted and declined, offered to Q, Q accepted with a note naming the resident, completed. */
function declinedByPThenCompletedByQ(): HandoffRow[] {
  seq = 0;
  return [
    handoff(HandoffKind.SUBMITTED, COUNCIL, null, { actorId: 'tier2' }),
    handoff(HandoffKind.OFFERED, null, P),
    handoff(HandoffKind.NOTE, P, null, { actorId: 'p-user', note: '空きを確認中' }),
    handoff(HandoffKind.DECLINED, P, null, { actorId: 'p-user', reason: 'NO_CAPACITY' }),
    handoff(HandoffKind.OFFERED, null, Q),
    handoff(HandoffKind.ACCEPTED, Q, Q, { actorId: 'q-user', note: '山田花子さんに連絡済み' }),
    handoff(HandoffKind.LINKED_TO_ISSUE, null, null, { regionalIssueId: 'issue' }),
    handoff(HandoffKind.COMPLETED, Q, Q, { actorId: 'q-user', reason: 'RESOLVED' }),
  ];
}

describe('handoffsSeenBy', () => {
  it('gives coordinators and administrators every handoff', () => {
    const rows = declinedByPThenCompletedByQ();
    for (const role of [Role.ADMIN, Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR])
      expect(handoffsSeenBy(viewer(role, COUNCIL), null, rows)).toEqual(rows);
  });

  it('gives the partner holding it every step but the policy track, as before', () => {
    const rows = declinedByPThenCompletedByQ();
    expect(handoffsSeenBy(viewer(Role.PARTNER, Q), null, rows).map((row) => row.kind)).toEqual([
      'SUBMITTED',
      'OFFERED',
      'NOTE',
      'DECLINED',
      'OFFERED',
      'ACCEPTED',
      'COMPLETED',
    ]);
  });

  it('gives a partner the referral has left its own steps up to its decline, and nothing of the next holder', () => {
    const rows = declinedByPThenCompletedByQ();
    const seen = handoffsSeenBy(viewer(Role.PARTNER, P), 4, rows);
    expect(seen.map((row) => [row.seq, row.kind])).toEqual([
      [2, 'OFFERED'],
      [3, 'NOTE'],
      [4, 'DECLINED'],
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/org-q|q-user|山田/);
  });

  it('gives a partner that returned the referral its own steps up to its return, and nothing of the next holder', () => {
    seq = 0;
    const rows = [
      handoff(HandoffKind.SUBMITTED, COUNCIL, null),
      handoff(HandoffKind.OFFERED, null, P),
      handoff(HandoffKind.ACCEPTED, P, P, { actorId: 'p-user' }),
      handoff(HandoffKind.RETURNED, P, null, { actorId: 'p-user', reason: 'CANNOT_CONTINUE' }),
      handoff(HandoffKind.OFFERED, null, Q),
      handoff(HandoffKind.ACCEPTED, Q, Q, { actorId: 'q-user', note: '山田花子さんに連絡済み' }),
    ];
    const seen = handoffsSeenBy(viewer(Role.PARTNER, P), 4, rows);
    expect(seen.map((row) => [row.seq, row.kind])).toEqual([
      [2, 'OFFERED'],
      [3, 'ACCEPTED'],
      [4, 'RETURNED'],
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/org-q|q-user|山田/);
  });

  it('leaves the organisation a reassignment took it to out of the handoff that took it away', () => {
    seq = 0;
    const rows = [
      handoff(HandoffKind.SUBMITTED, COUNCIL, null),
      handoff(HandoffKind.OFFERED, null, P),
      handoff(HandoffKind.REASSIGNED, P, Q, { actorId: 'tier2', note: '別団体へ' }),
      handoff(HandoffKind.OFFERED, null, Q),
    ];
    expect(handoffsSeenBy(viewer(Role.PARTNER, P), 3, rows)).toEqual([rows[1], { ...rows[2], fromOrganizationId: P, toOrganizationId: null }]);
  });

  it('leaves out another organisation a referral was reassigned from, before it came to this one', () => {
    seq = 0;
    const rows = [
      handoff(HandoffKind.OFFERED, null, Q),
      handoff(HandoffKind.REASSIGNED, Q, P, { actorId: 'tier2' }),
      handoff(HandoffKind.OFFERED, null, P),
      handoff(HandoffKind.EXPIRED, P, null),
      handoff(HandoffKind.UNMATCHED, null, null),
    ];
    expect(handoffsSeenBy(viewer(Role.PARTNER, P), 4, rows)).toEqual([{ ...rows[1], fromOrganizationId: null }, rows[2], rows[3]]);
  });

  it('keeps the notes the former partner wrote after it left, and no one else’s', () => {
    const rows = declinedByPThenCompletedByQ();
    const later = [
      ...rows,
      handoff(HandoffKind.NOTE, P, null, { actorId: 'p-user', note: '参考まで' }),
      handoff(HandoffKind.NOTE, COUNCIL, null, { note: '調整済み' }),
    ];
    expect(handoffsSeenBy(viewer(Role.PARTNER, P), 4, later).map((row) => row.note)).toEqual([null, '空きを確認中', null, '参考まで']);
  });

  it('gives a partner without an organisation nothing of a referral that has left', () => {
    expect(handoffsSeenBy(viewer(Role.PARTNER, null), 4, declinedByPThenCompletedByQ())).toEqual([]);
  });
});

describe('seenAsLeft', () => {
  const row = () =>
    ({
      id: 'r',
      status: ReferralStatus.COMPLETED,
      currentOrganizationId: Q,
      responseDueAt: new Date('2026-12-10T00:00:00Z'),
      outcome: 'RESOLVED',
      updatedAt: new Date('2026-12-09T00:00:00Z'),
    }) as unknown as ReferralEntity;

  it('shows the referral as it was when it left: that status, no holder, no deadline, no outcome, changed then', () => {
    const leftAt = new Date('2026-12-02T00:00:00Z');
    expect(seenAsLeft(row(), { leftAtSeq: 4, leftAt, status: ReferralStatus.OFFERED })).toMatchObject({
      status: ReferralStatus.OFFERED,
      currentOrganizationId: null,
      responseDueAt: null,
      outcome: null,
      updatedAt: leftAt,
      leftAtSeq: 4,
    });
  });

  it('leaves a referral that has not left the viewer as it is', () => {
    expect(seenAsLeft(row(), undefined)).toMatchObject({
      status: ReferralStatus.COMPLETED,
      currentOrganizationId: Q,
      outcome: 'RESOLVED',
      leftAtSeq: null,
    });
  });
});
