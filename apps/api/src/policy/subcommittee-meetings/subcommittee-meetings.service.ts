import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { ErrorCode, formatJstDateTime, SubcommitteeDecision } from '@tsunagu/domain';
import { addProposalToAgendaUpdate, recordSubcommitteeDecisionUpdate, removeProposalFromAgendaUpdate } from '@tsunagu/temporal';
import type { Viewer } from '../../common/viewer';
import { IssueWorkflowClient } from '../shared/issue-workflow.client';
import { PolicyQueryService } from '../shared/policy-query.service';
import type { MeetingRow, ProposalRow } from '../../common/loaders/policy-rows';
import { CreateSubcommitteeMeetingInput } from './dto/subcommittee-meeting.input';
import { SubcommitteeMeetingsRepository } from './subcommittee-meetings.repository';

/** At most this many meetings in one answer of subcommitteeMeetings. */
export const MAX_MEETINGS = 500;

/** Rounds of taking items off before a cancellation gives up (an item put on meanwhile makes another round). */
const CANCEL_ROUNDS = 3;

/**
 * Meetings are plain records the subcommittee's secretary keeps (written here, no workflow); what is decided at them
 * belongs to the proposal and goes through its issue's workflow, once the meeting is known to exist.
 */
@Injectable()
export class SubcommitteeMeetingsService {
  private readonly meetings: SubcommitteeMeetingsRepository;

  constructor(
    @Inject(DataSource) db: DataSource,
    private readonly workflows: IssueWorkflowClient,
    private readonly queries: PolicyQueryService,
  ) {
    this.meetings = new SubcommitteeMeetingsRepository(db);
  }

  async create(viewer: Viewer, input: CreateSubcommitteeMeetingInput): Promise<MeetingRow> {
    return this.meetings.insertMeeting({
      title: input.title.trim(),
      heldAt: input.heldAt,
      location: input.location?.trim() || null,
      createdById: viewer.id,
    });
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
    const row = await this.meetings.rescheduleUpcoming(meetingId, heldAt);
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
      for (const proposalId of await this.meetings.undecidedProposalIds(meetingId)) {
        await this.takeOff(viewer, meetingId, proposalId, `部会の中止: ${text}`);
      }
      const row = await this.meetings.cancelUpcomingWithEmptyAgenda(meetingId, viewer.id, text);
      if (row) return row;
      if (await this.meetings.hasDecision(meetingId))
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
