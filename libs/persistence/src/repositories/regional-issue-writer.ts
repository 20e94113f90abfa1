import type { EntityManager } from 'typeorm';
import { NotificationKind, RegionalIssueEventKind, type RegionalIssueEvent, type RegionalIssueState } from '@tsunagu/domain';
import { NotificationOutbox } from '../notifications/notification-outbox';

/** One write of a regional issue's read model (the workflow's RecordRegionalIssueInput). */
export interface RegionalIssueWrite {
  workflowId: string;
  state: RegionalIssueState;
  lastSeq: number;
  events: ReadonlyArray<RegionalIssueEvent & { seq: number; at: string }>;
}

/**
 * The only code that writes a regional issue's read model (the worker's recordRegionalIssueTransition). Works in the
 * transaction it is given, which the caller opens and commits.
 */
export class RegionalIssueWriter {
  constructor(private readonly tx: EntityManager) {}

  /**
   * Writes the whole state: the issue row (created on the first write), its areas and current referral links (made to
   * match), its proposals, agenda entries and follow-up actions (upserted), then the new history rows. The row moves
   * only `WHERE last_seq < new last_seq`, so a retry, or a stale attempt arriving after a newer write, changes nothing.
   */
  async recordTransition(input: RegionalIssueWrite): Promise<void> {
    const s = input.state;
    await this.tx.query(
      `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, closed_reason, created_by_id, last_seq,
                                   created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10)
       ON CONFLICT (id) DO NOTHING`,
      [s.issueId, input.workflowId, s.title, s.description, s.category, s.status, s.closedReason, s.createdByUserId, s.createdAt, s.updatedAt],
    );
    // TypeORM answers an UPDATE on PostgreSQL with [rows, rowCount].
    const [updated]: [unknown[], number] = await this.tx.query(
      `UPDATE regional_issue SET title = $2, description = $3, status = $4, closed_reason = $5, updated_at = $6, last_seq = $7
        WHERE id = $1 AND last_seq < $7 RETURNING id`,
      [s.issueId, s.title, s.description, s.status, s.closedReason, s.updatedAt, input.lastSeq],
    );
    if (updated.length === 0) return; // already applied, or a newer state is there

    await this.tx.query(`DELETE FROM regional_issue_area WHERE issue_id = $1 AND NOT (area_id = ANY($2::uuid[]))`, [s.issueId, s.areaIds]);
    await this.tx.query(`INSERT INTO regional_issue_area (issue_id, area_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      s.issueId,
      s.areaIds,
    ]);

    const links = s.referrals.map((r) => ({ referral_id: r.referralId, linked_at: r.linkedAt, linked_by_id: r.linkedByUserId }));
    await this.tx.query(`DELETE FROM regional_issue_referral WHERE issue_id = $1 AND NOT (referral_id = ANY($2::uuid[]))`, [
      s.issueId,
      s.referrals.map((r) => r.referralId),
    ]);
    await this.tx.query(
      `INSERT INTO regional_issue_referral (issue_id, referral_id, linked_at, linked_by_id)
       SELECT $1, x.referral_id, x.linked_at, x.linked_by_id
         FROM jsonb_to_recordset($2::jsonb) AS x(referral_id uuid, linked_at timestamptz, linked_by_id uuid)
       ON CONFLICT (issue_id, referral_id) DO NOTHING`,
      [s.issueId, JSON.stringify(links)],
    );

    const proposals = s.proposals.map((p) => ({
      id: p.proposalId,
      title: p.title,
      body: p.body,
      status: p.status,
      revision: p.revision,
      created_by_id: p.createdByUserId,
      submitted_at: p.submittedAt,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    }));
    await this.tx.query(
      `INSERT INTO policy_proposal (id, issue_id, title, body, status, revision, created_by_id, submitted_at, created_at, updated_at)
       SELECT x.id, $1, x.title, x.body, x.status, x.revision, x.created_by_id, x.submitted_at, x.created_at, x.updated_at
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, title text, body text, status text, revision integer, created_by_id uuid,
                                                 submitted_at timestamptz, created_at timestamptz, updated_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, status = EXCLUDED.status,
         revision = EXCLUDED.revision, submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at`,
      [s.issueId, JSON.stringify(proposals)],
    );

    const agenda = s.proposals.flatMap((p) =>
      p.agenda.map((e) => ({
        meeting_id: e.meetingId,
        proposal_id: p.proposalId,
        added_at: e.addedAt,
        decision: e.decision,
        minutes: e.minutes,
        decided_at: e.decidedAt,
        decided_by_id: e.decidedByUserId,
      })),
    );
    // An entry taken off an agenda before the meeting (REMOVE_FROM_AGENDA) is gone from the state: so from the table.
    await this.tx.query(
      `DELETE FROM agenda_item a USING policy_proposal p
        WHERE p.id = a.proposal_id AND p.issue_id = $1
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(meeting_id uuid, proposal_id uuid)
                           WHERE x.meeting_id = a.meeting_id AND x.proposal_id = a.proposal_id)`,
      [s.issueId, JSON.stringify(agenda)],
    );
    await this.tx.query(
      `INSERT INTO agenda_item (meeting_id, proposal_id, added_at, decision, minutes, decided_at, decided_by_id)
       SELECT x.meeting_id, x.proposal_id, x.added_at, x.decision, x.minutes, x.decided_at, x.decided_by_id
         FROM jsonb_to_recordset($1::jsonb) AS x(meeting_id uuid, proposal_id uuid, added_at timestamptz, decision text, minutes text,
                                                 decided_at timestamptz, decided_by_id uuid)
       ON CONFLICT (meeting_id, proposal_id) DO UPDATE SET decision = EXCLUDED.decision, minutes = EXCLUDED.minutes,
         decided_at = EXCLUDED.decided_at, decided_by_id = EXCLUDED.decided_by_id`,
      [JSON.stringify(agenda)],
    );

    const actions = s.proposals.flatMap((p) =>
      p.actions.map((a) => ({
        id: a.actionId,
        proposal_id: p.proposalId,
        description: a.description,
        owner: a.owner,
        due_on: a.dueOn,
        created_at: a.createdAt,
        reminded_at: a.remindedAt,
        done_at: a.doneAt,
        done_by_id: a.doneByUserId,
        done_note: a.doneNote,
      })),
    );
    await this.tx.query(
      `INSERT INTO follow_up_action (id, proposal_id, description, owner, due_on, created_at, reminded_at, done_at, done_by_id, done_note)
       SELECT x.id, x.proposal_id, x.description, x.owner, x.due_on, x.created_at, x.reminded_at, x.done_at, x.done_by_id, x.done_note
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, proposal_id uuid, description text, owner text, due_on date,
                                                 created_at timestamptz, reminded_at timestamptz, done_at timestamptz,
                                                 done_by_id uuid, done_note text)
       ON CONFLICT (id) DO UPDATE SET description = EXCLUDED.description, owner = EXCLUDED.owner, due_on = EXCLUDED.due_on,
         reminded_at = EXCLUDED.reminded_at, done_at = EXCLUDED.done_at, done_by_id = EXCLUDED.done_by_id,
         done_note = EXCLUDED.done_note`,
      [JSON.stringify(actions)],
    );

    // Last: the history rows name the proposals and actions written above.
    const events = input.events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      actor_id: e.actorUserId,
      proposal_id: e.proposalId,
      meeting_id: e.meetingId,
      action_id: e.actionId,
      referral_id: e.referralId,
      decision: e.decision,
      note: e.note,
      at: e.at,
    }));
    await this.tx.query(
      `INSERT INTO regional_issue_event (issue_id, seq, kind, actor_id, proposal_id, meeting_id, action_id, referral_id, decision, note, at)
       SELECT $1, x.seq, x.kind, x.actor_id, x.proposal_id, x.meeting_id, x.action_id, x.referral_id, x.decision, x.note, x.at
         FROM jsonb_to_recordset($2::jsonb) AS x(seq integer, kind text, actor_id uuid, proposal_id uuid, meeting_id uuid,
                                                 action_id uuid, referral_id uuid, decision text, note text, at timestamptz)
       ORDER BY x.seq
       ON CONFLICT (issue_id, seq) DO NOTHING`,
      [s.issueId, JSON.stringify(events)],
    );

    // A follow-up action falling due is mailed to tier-1 and whoever opened the issue (docs/NOTIFICATIONS.md), in this
    // transaction. The issue's title and the action's text are free text: only ids and the due date go into the mail.
    const outbox = new NotificationOutbox(this.tx);
    for (const e of input.events) {
      if (e.kind !== RegionalIssueEventKind.ACTION_DUE || !e.actionId) continue;
      const action = s.proposals.flatMap((p) => p.actions).find((a) => a.actionId === e.actionId);
      await outbox.enqueue({
        sourceKey: `issue:${s.issueId}:${e.seq}`,
        kind: NotificationKind.FOLLOW_UP_ACTION_DUE,
        facts: { regionalIssueId: s.issueId, ...(action ? { actionDueOn: action.dueOn } : {}) },
        recipients: { tier1: true, userId: s.createdByUserId },
        at: new Date(e.at),
      });
    }
  }
}
