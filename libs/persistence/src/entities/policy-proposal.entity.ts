import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PolicyProposalStatus, SubcommitteeDecision } from '@tsunagu/domain';

/** A policy proposal (施策提言) on a regional issue; part of the issue's read model. */
@Entity({ name: 'policy_proposal' })
export class PolicyProposalEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: PolicyProposalStatus;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A subcommittee meeting (生活支援体制整備部会): a plain record the api writes (no workflow). */
@Entity({ name: 'subcommittee_meeting' })
export class SubcommitteeMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A proposal's place on a meeting's agenda and the decision taken there; written by the issue's workflow. */
@Entity({ name: 'agenda_item' })
export class AgendaItemEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;

  @Column({ type: 'text', nullable: true })
  decision: SubcommitteeDecision | null;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;
}

/** A follow-up action of an adopted proposal. due_on is a calendar day (JST), read as the string YYYY-MM-DD. */
@Entity({ name: 'follow_up_action' })
export class FollowUpActionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'done_by_id', type: 'uuid', nullable: true })
  doneById: string | null;

  @Column({ name: 'done_note', type: 'text', nullable: true })
  doneNote: string | null;
}
