import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SubcommitteeDecision } from '@tsunagu/domain';
import { addProposalToAgendaUpdate, recordSubcommitteeDecisionUpdate } from '@tsunagu/temporal';
import type { Viewer } from '../../common/viewer';
import { IssueWorkflowClient } from '../shared/issue-workflow.client';
import { namedQuery } from '../shared/named-query';
import { PolicyQueryService } from '../shared/policy-query.service';
import { MEETING_COLUMNS, MeetingRow, ProposalRow } from '../../common/loaders/policy-rows';
import { CreateSubcommitteeMeetingInput } from './dto/subcommittee-meeting.input';

/** At most this many meetings in one answer of subcommitteeMeetings. */
export const MAX_MEETINGS = 500;

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
    await this.queries.findMeeting(viewer, meetingId);
    const { proposal, issue } = await this.proposalAndIssue(viewer, proposalId);
    await this.workflows.update(issue, addProposalToAgendaUpdate, { actor: { userId: viewer.id }, proposalId: proposal.id, meetingId });
    return this.queries.findMeeting(viewer, meetingId);
  }

  async recordDecision(viewer: Viewer, meetingId: string, proposalId: string, decision: SubcommitteeDecision, minutes: string): Promise<ProposalRow> {
    const meeting = await this.queries.findMeeting(viewer, meetingId);
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

  private async proposalAndIssue(viewer: Viewer, proposalId: string) {
    const proposal = await this.queries.findProposal(viewer, proposalId);
    return { proposal, issue: await this.queries.findIssue(viewer, proposal.issueId) };
  }
}
