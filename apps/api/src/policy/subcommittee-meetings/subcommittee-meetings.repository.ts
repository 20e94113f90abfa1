// Subcommittee meetings as the api writes them (the only table of the policy track it writes), and their agenda's items.
import type { DataSource, EntityManager } from 'typeorm';
import { MEETING_COLUMNS, MeetingRow } from '../../common/loaders/policy-rows';
import { namedQuery } from '../shared/named-query';

export interface NewMeeting {
  title: string;
  heldAt: Date;
  location: string | null;
  createdById: string;
}

/** The undecided items of a meeting's agenda (the proposals a cancellation takes off). */
const UNDECIDED_ITEMS = `SELECT ai.proposal_id AS "proposalId" FROM agenda_item ai WHERE ai.meeting_id = :id AND ai.decision IS NULL ORDER BY ai.added_at`;

/** Unscoped: the service has found the meeting in the viewer's scope before it asks. */
export class SubcommitteeMeetingsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insertMeeting(meeting: NewMeeting): Promise<MeetingRow> {
    const [row] = await namedQuery<MeetingRow>(
      this.db,
      `INSERT INTO subcommittee_meeting AS m (title, held_at, location, created_by_id) VALUES (:title, :heldAt, :location, :createdById)
       RETURNING ${MEETING_COLUMNS}`,
      { ...meeting },
    );
    return row;
  }

  /** Moves the meeting to `heldAt` if it is still to come and not cancelled; null when it is not (or no such meeting). */
  rescheduleUpcoming(id: string, heldAt: Date): Promise<MeetingRow | null> {
    return this.updateMeeting(
      `UPDATE subcommittee_meeting AS m SET held_at = :heldAt WHERE m.id = :id AND m.cancelled_at IS NULL AND m.held_at > now()
       RETURNING ${MEETING_COLUMNS}`,
      { id, heldAt },
    );
  }

  /** The proposals on the meeting's agenda with no decision yet, in the order they were put on. */
  async undecidedProposalIds(meetingId: string): Promise<string[]> {
    const items = await namedQuery<{ proposalId: string }>(this.db, UNDECIDED_ITEMS, { id: meetingId });
    return items.map((item) => item.proposalId);
  }

  /**
   * Marks the meeting cancelled if it is still to come, not cancelled, and its agenda is empty (an item put on since the
   * items were taken off keeps it standing); null when it is not.
   */
  cancelUpcomingWithEmptyAgenda(id: string, userId: string, reason: string): Promise<MeetingRow | null> {
    return this.updateMeeting(
      `UPDATE subcommittee_meeting AS m SET cancelled_at = now(), cancelled_by_id = :userId, cancel_reason = :reason
        WHERE m.id = :id AND m.cancelled_at IS NULL AND m.held_at > now()
          AND NOT EXISTS (SELECT 1 FROM agenda_item ai WHERE ai.meeting_id = m.id)
       RETURNING ${MEETING_COLUMNS}`,
      { id, userId, reason },
    );
  }

  /** Whether a decision is recorded on any item of the meeting's agenda. */
  async hasDecision(meetingId: string): Promise<boolean> {
    const decided = await namedQuery(this.db, `SELECT 1 FROM agenda_item ai WHERE ai.meeting_id = :id AND ai.decision IS NOT NULL LIMIT 1`, {
      id: meetingId,
    });
    return decided.length > 0;
  }

  /** The meeting an UPDATE … RETURNING changed, or null (TypeORM answers an UPDATE with [rows, rowCount]). */
  private async updateMeeting(sql: string, params: Record<string, unknown>): Promise<MeetingRow | null> {
    const [rows] = await namedQuery<MeetingRow[]>(this.db, sql, params);
    return rows[0] ?? null;
  }
}
