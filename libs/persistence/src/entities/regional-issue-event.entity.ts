import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RegionalIssueEventKind, SubcommitteeDecision } from '@tsunagu/domain';

/** One step of a regional issue's append-only history, numbered by its workflow; (issue_id, seq) is unique. */
@Entity({ name: 'regional_issue_event' })
export class RegionalIssueEventEntity {
  @PrimaryColumn({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'text' })
  kind: RegionalIssueEventKind;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId: string | null;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  actionId: string | null;

  @Column({ name: 'referral_id', type: 'uuid', nullable: true })
  referralId: string | null;

  @Column({ type: 'text', nullable: true })
  decision: SubcommitteeDecision | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
