import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { ErrorCode, formatJstDateTime, SubcommitteeDecision } from '@tsunagu/domain';
import { addProposalToAgendaUpdate, recordSubcommitteeDecisionUpdate, removeProposalFromAgendaUpdate } from '@tsunagu/temporal';
import type { Viewer } from '../../common/viewer';
import { IssueWorkflowClient } from '../shared/issue-workflow.client';
import { namedQuery } from '../shared/named-query';
import { PolicyQueryService } from '../shared/policy-query.service';
import { MEETING_COLUMNS, MeetingRow, ProposalRow } from '../../common/loaders/policy-rows';
import { CreateSubcommitteeMeetingInput } from './dto/subcommittee-meeting.input';

/** At most this many meetings in one answer of subcommitteeMeetings. */
export const MAX_MEETINGS = 500;

/** Rounds of taking items off before a cancellation gives up (an item put on meanwhile makes another round). */
const CANCEL_ROUNDS = 3;

/** The undecided items of a meeting's agenda (the proposals a cancellation takes off). */
const UNDECIDED_ITEMS = `SELECT ai.proposal_id AS "proposalId" FROM agenda_item ai WHERE ai.meeting_id = :id AND ai.decision IS NULL ORDER BY ai.added_at`;

/**
 * Meetings are plain records the subcommittee's secretary keeps (written here, no workflow); what is decided at them
 * belongs to the proposal and goes through its issue's workflow, once the meeting is known to exist.
 */
@Injectable()
export class SubcommitteeMeetingsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly workflows: IssueWorkflowClient,
    private readonly queries: PolicyQueryService,
  ) {}

  async create(viewer: Viewer, input: CreateSubcommitteeMeetingInput): Promise<MeetingRow> {
    const [row] = await namedQuery<MeetingRow>(
      this.db,
      `INSERT INTO subcommittee_meeting AS m (title, held_at, location, created_by_id) VALUES (:title, :heldAt, :location, :createdById)
       RETURNING ${MEETING_COLUMNS}`,
      { title: input.title.trim(), heldAt: input.heldAt, location: input.location?.trim() || null, createdById: viewer.id },
    );
    return row;
  }

  async addToAgenda(viewer: Viewer, meetingId: string, proposalId: string): Promise<MeetingRow> {
    requireNotCancelled(await this.queries.findMeeting(viewer, meetingId));
    const { proposal, issue } = await this.proposalAndIssue(viewer, proposalId);
    await this.workflows.update(issue, addProposalToAgendaUpdate, { actor: { userId: viewer.id }, proposalId: proposal.id, meetingId });
    return this.queries.findMeeting(viewer, meetingId);
  }

  async recordDecision(viewer: Viewer, meetingId: string, proposalId: string, decision: SubcommitteeDecision, minutes: string): Promise<ProposalRow> {
    const meeting = await this.queries.findMeeting(viewer, meetingId);
    requireNotCancelled(meeting);
    // A decision belongs to a meeting that has been held (DOMAIN.md, "Meetings decide when they meet").
    if (meeting.heldAt.getTime() > Date.now()) {
      throw meetingConflict(`この部会は${formatJstDateTime(meeting.heldAt)}に開催予定です。決定は開催後に記録してください`, meeting);
    }
    const { proposal, issue } = await this.proposalAndIssue(viewer, proposalId);
    await this.workflows.update(issue, recordSubcommitteeDecisionUpdate, {
      actor: { userId: viewer.id },
      proposalId: proposal.id,
      meetingId,
      decision,
      minutes: minutes.trim(),
      // Named in the linked referrals' SUBCOMMITTEE_DECISION entries, so the coordinator can tell the resident when.
      meeting: { title: meeting.title, heldAt: meeting.heldAt.toISOString() },
    });
    return this.queries.findProposal(viewer, proposalId);
  }

  /** Moves a meeting that has not been held (and is not cancelled) to another time. */
  async reschedule(viewer: Viewer, meetingId: string, heldAt: Date): Promise<MeetingRow> {
    requireNotHeld(await this.queries.findMeeting(viewer, meetingId));
    const row = await this.updateMeeting(
      `UPDATE subcommittee_meeting AS m SET held_at = :heldAt WHERE m.id = :id AND m.cancelled_at IS NULL AND m.held_at > now()
       RETURNING ${MEETING_COLUMNS}`,
      { id: meetingId, heldAt },
    );
    if (row) return row;
    // Held or cancelled between the check and the write: say which.
    requireNotHeld(await this.queries.findMeeting(viewer, meetingId));
    throw meetingConflict('この部会は変更できません', await this.queries.findMeeting(viewer, meetingId));
  }

  /**
   * Cancels a meeting that has not been held: first every undecided item goes back to its proposal (through the
   * issue's workflow), then the meeting is marked cancelled, only if no item is left. A failure on the way leaves the
   * meeting standing with the items taken off so far; the same call again finishes the work.
   */
  async cancel(viewer: Viewer, meetingId: string, reason: string): Promise<MeetingRow> {
    const text = reason.trim();
    for (let round = 0; round < CANCEL_ROUNDS; round += 1) {
      requireNotHeld(await this.queries.findMeeting(viewer, meetingId));
      const items = await namedQuery<{ proposalId: string }>(this.db, UNDECIDED_ITEMS, { id: meetingId });
      for (const { proposalId } of items) {
        await this.takeOff(viewer, meetingId, proposalId, `部会の中止: ${text}`);
      }
      const row = await this.updateMeeting(
        `UPDATE subcommittee_meeting AS m SET cancelled_at = now(), cancelled_by_id = :userId, cancel_reason = :reason
          WHERE m.id = :id AND m.cancelled_at IS NULL AND m.held_at > now()
            AND NOT EXISTS (SELECT 1 FROM agenda_item ai WHERE ai.meeting_id = m.id)
         RETURNING ${MEETING_COLUMNS}`,
        { id: meetingId, userId: viewer.id, reason: text },
      );
      if (row) return row;
      const decided = await namedQuery(this.db, `SELECT 1 FROM agenda_item ai WHERE ai.meeting_id = :id AND ai.decision IS NOT NULL LIMIT 1`, {
        id: meetingId,
      });
      if (decided.length > 0)
        throw meetingConflict('この部会には決定が記録されているため中止できません', await this.queries.findMeeting(viewer, meetingId));
    }
    throw meetingConflict('議題の追加が続いたため中止できませんでした。もう一度お試しください', await this.queries.findMeeting(viewer, meetingId));
  }

  /** Takes a proposal off the agenda of a meeting that has not been held; it goes back to SUBMITTED or CONTINUED. */
  async removeFromAgenda(viewer: Viewer, meetingId: string, proposalId: string, reason: string | null | undefined): Promise<MeetingRow> {
    requireNotHeld(await this.queries.findMeeting(viewer, meetingId));
    await this.takeOff(viewer, meetingId, proposalId, reason?.trim() || '議題から外しました');
    return this.queries.findMeeting(viewer, meetingId);
  }

  /** The meeting an UPDATE … RETURNING changed, or undefined (TypeORM answers an UPDATE with [rows, rowCount]). */
  private async updateMeeting(sql: string, params: Record<string, unknown>): Promise<MeetingRow | undefined> {
    const [rows] = await namedQuery<MeetingRow[]>(this.db, sql, params);
    return rows[0];
  }

  private async takeOff(viewer: Viewer, meetingId: string, proposalId: string, reason: string): Promise<void> {
    const { proposal, issue } = await this.proposalAndIssue(viewer, proposalId);
    await this.workflows.update(issue, removeProposalFromAgendaUpdate, { actor: { userId: viewer.id }, proposalId: proposal.id, meetingId, reason });
  }

  private async proposalAndIssue(viewer: Viewer, proposalId: string) {
    const proposal = await this.queries.findProposal(viewer, proposalId);
    return { proposal, issue: await this.queries.findIssue(viewer, proposal.issueId) };
  }
}

/** CONFLICT about a meeting, with its time (and cancellation) machine-readable beside the Japanese message. */
function meetingConflict(message: string, meeting: MeetingRow): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.CONFLICT,
      heldAt: meeting.heldAt.toISOString(),
      ...(meeting.cancelledAt ? { cancelledAt: meeting.cancelledAt.toISOString() } : {}),
    },
  });
}

function requireNotCancelled(meeting: MeetingRow): void {
  if (meeting.cancelledAt) throw meetingConflict('この部会は中止されています', meeting);
}

/** Moving, cancelling and taking items off are for a meeting still to come. */
function requireNotHeld(meeting: MeetingRow): void {
  requireNotCancelled(meeting);
  if (meeting.heldAt.getTime() <= Date.now()) {
    throw meetingConflict(`この部会は${formatJstDateTime(meeting.heldAt)}に開催済みのため、変更できません`, meeting);
  }
}
