// SubcommitteeMeetingsRepository on a real PostgreSQL (db tier): the meetings it writes, the guarded moves and
// cancellation (only a meeting still to come, not cancelled; a cancellation only with an empty agenda), and the agenda
// reads a cancellation needs.
import { randomUUID } from 'node:crypto';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { SubcommitteeMeetingsRepository } from './subcommittee-meetings.repository';

let t: TestDatabase;
let repo: SubcommitteeMeetingsRepository;
let issueId: string;

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new SubcommitteeMeetingsRepository(t.db);
  issueId = randomUUID();
  await t.db.query(
    `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, created_by_id, created_at, updated_at)
     VALUES ($1, $2, '買い物の足', '説明', 'SHOPPING', 'IN_DELIBERATION', $3, now(), now())`,
    [issueId, `regional-issue:test:${issueId}`, t.city.userId],
  );
});
afterAll(() => t?.close());

async function meeting(heldAt: Date): Promise<string> {
  const [{ id }] = await t.db.query(`INSERT INTO subcommittee_meeting (title, held_at, created_by_id) VALUES ('部会', $1, $2) RETURNING id`, [
    heldAt,
    t.city.userId,
  ]);
  return id;
}

/** A proposal on the meeting's agenda, put on at `addedAt`, decided when `decision` is given. */
async function item(meetingId: string, addedAt: string, decision: string | null = null): Promise<string> {
  const proposalId = randomUUID();
  await t.db.query(
    `INSERT INTO policy_proposal (id, issue_id, title, body, status, revision, created_by_id, created_at, updated_at)
     VALUES ($1, $2, '提案', '本文', 'ON_AGENDA', 1, $3, now(), now())`,
    [proposalId, issueId, t.city.userId],
  );
  if (decision) {
    await t.db.query(
      `INSERT INTO agenda_item (meeting_id, proposal_id, added_at, decision, minutes, decided_at, decided_by_id)
       VALUES ($1, $2, $3, $4, '議事録', now(), $5)`,
      [meetingId, proposalId, addedAt, decision, t.city.userId],
    );
  } else {
    await t.db.query(`INSERT INTO agenda_item (meeting_id, proposal_id, added_at) VALUES ($1, $2, $3)`, [meetingId, proposalId, addedAt]);
  }
  return proposalId;
}

const stored = async (id: string) =>
  (await t.db.query(`SELECT held_at, cancelled_at, cancelled_by_id, cancel_reason, location FROM subcommittee_meeting WHERE id = $1`, [id]))[0];

it('inserts a meeting and answers it as a row', async () => {
  const heldAt = new Date('2027-02-10T05:00:00Z');
  const row = await repo.insertMeeting({ title: '第5回 部会', heldAt, location: null, createdById: t.city.userId });
  expect(row).toEqual({
    id: expect.any(String),
    title: '第5回 部会',
    heldAt,
    location: null,
    createdById: t.city.userId,
    createdAt: expect.any(Date),
    cancelledAt: null,
    cancelReason: null,
  });
  expect(await stored(row.id)).toEqual({ held_at: heldAt, cancelled_at: null, cancelled_by_id: null, cancel_reason: null, location: null });
  expect((await repo.insertMeeting({ title: '第6回', heldAt, location: '公民館', createdById: t.city.userId })).location).toBe('公民館');
});

describe('rescheduleUpcoming', () => {
  it('moves a meeting still to come', async () => {
    const id = await meeting(inDays(7));
    const heldAt = inDays(14);
    expect(await repo.rescheduleUpcoming(id, heldAt)).toMatchObject({ id, heldAt });
    expect((await stored(id)).held_at).toEqual(heldAt);
  });

  it('leaves a held, a cancelled or an unknown meeting alone and answers null', async () => {
    const held = await meeting(inDays(-1));
    expect(await repo.rescheduleUpcoming(held, inDays(7))).toBeNull();
    expect((await stored(held)).held_at.getTime()).toBeLessThan(Date.now());
    const cancelled = await meeting(inDays(7));
    expect(await repo.cancelUpcomingWithEmptyAgenda(cancelled, t.city.userId, '会場の都合')).not.toBeNull();
    expect(await repo.rescheduleUpcoming(cancelled, inDays(14))).toBeNull();
    expect(await repo.rescheduleUpcoming(randomUUID(), inDays(14))).toBeNull();
  });
});

describe('the agenda and cancellation', () => {
  it('lists the undecided items in the order they were put on, and tells whether any is decided', async () => {
    const id = await meeting(inDays(7));
    const second = await item(id, '2026-12-02T00:00:00Z');
    const first = await item(id, '2026-12-01T00:00:00Z');
    await item(id, '2026-11-30T00:00:00Z', 'CONTINUED');
    expect(await repo.undecidedProposalIds(id)).toEqual([first, second]);
    expect(await repo.hasDecision(id)).toBe(true);

    const undecidedOnly = await meeting(inDays(7));
    await item(undecidedOnly, '2026-12-01T00:00:00Z');
    expect(await repo.hasDecision(undecidedOnly)).toBe(false);
    const empty = await meeting(inDays(7));
    expect(await repo.undecidedProposalIds(empty)).toEqual([]);
    expect(await repo.hasDecision(empty)).toBe(false);
  });

  it('cancels a meeting still to come with an empty agenda, recording who and why', async () => {
    const id = await meeting(inDays(7));
    const row = await repo.cancelUpcomingWithEmptyAgenda(id, t.city.userId, '議題なし');
    expect(row).toMatchObject({ id, cancelledAt: expect.any(Date), cancelReason: '議題なし' });
    expect(await stored(id)).toMatchObject({ cancelled_by_id: t.city.userId, cancel_reason: '議題なし' });
    // Cancelled once: a second cancellation changes nothing.
    expect(await repo.cancelUpcomingWithEmptyAgenda(id, t.city.userId, 'もう一度')).toBeNull();
    expect((await stored(id)).cancel_reason).toBe('議題なし');
  });

  it('keeps a meeting with an item on its agenda, a held one, and an unknown one', async () => {
    const withItem = await meeting(inDays(7));
    await item(withItem, '2026-12-01T00:00:00Z');
    expect(await repo.cancelUpcomingWithEmptyAgenda(withItem, t.city.userId, '中止')).toBeNull();
    expect((await stored(withItem)).cancelled_at).toBeNull();
    const held = await meeting(inDays(-1));
    expect(await repo.cancelUpcomingWithEmptyAgenda(held, t.city.userId, '中止')).toBeNull();
    expect((await stored(held)).cancelled_at).toBeNull();
    expect(await repo.cancelUpcomingWithEmptyAgenda(randomUUID(), t.city.userId, '中止')).toBeNull();
  });
});
