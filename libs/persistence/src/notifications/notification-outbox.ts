import type { EntityManager } from 'typeorm';
import {
  HandoffKind,
  nextDigestAt,
  NotificationDelivery,
  NotificationFacts,
  NotificationKind,
  ReferralStatus,
  Role,
  type NeedCategory,
  type ReferralOutcome,
  type SubcommitteeDecision,
} from '@tsunagu/domain';

/** Who is told: any mix of an organisation's users (or its opted-in address), one user, every tier-1 coordinator. */
export interface NotificationRecipients {
  organizationId?: string | null;
  userId?: string | null;
  tier1?: boolean;
  /** Whoever made the move is not told of it. */
  exceptUserId?: string | null;
}

export interface NotificationWrite {
  /** The cause's identity: with the recipient, it makes a repeated write a no-op. */
  sourceKey: string;
  kind: NotificationKind;
  facts: NotificationFacts;
  recipients: NotificationRecipients;
  /**
   * When the cause happened (the workflow's clock, which is the Temporal server's): digest rows are due at the next
   * digest time after it; immediate rows at once (at it, or now if it is ahead of the database's clock).
   */
  at: Date;
}

/** A handoff as ReferralWriter has just stored it. */
export interface StoredHandoff {
  seq: number;
  kind: HandoffKind;
  fromOrganizationId: string | null;
  toOrganizationId: string | null;
  actorUserId: string | null;
  reason: string | null;
  regionalIssueId?: string | null;
  at: string;
}

const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * Writes the outbox (docs/NOTIFICATIONS.md) in the transaction it is given, the one of the handoff that causes the
 * mail. One row per recipient; preferences are applied here, at write time (OFF writes nothing, DAILY_DIGEST is due
 * at the next digest time); `ON CONFLICT DO NOTHING` on (source_key, recipient_key) makes a retried write a no-op.
 */
export class NotificationOutbox {
  constructor(private readonly tx: EntityManager) {}

  async enqueue(write: NotificationWrite): Promise<void> {
    const r = write.recipients;
    if (!r.organizationId && !r.userId && !r.tier1) return;
    await this.tx.query(
      `INSERT INTO notification (source_key, recipient_key, kind, recipient_user_id, recipient_email, facts, delivery, next_attempt_at)
       SELECT $1, u.id::text, $2, u.id, u.email, $3::jsonb, COALESCE(p.delivery, 'IMMEDIATE'),
              CASE WHEN p.delivery = 'DAILY_DIGEST' THEN $5::timestamptz ELSE LEAST($4::timestamptz, now()) END
         FROM app_user u
         LEFT JOIN notification_preference p ON p.user_id = u.id AND p.kind = $2
        WHERE u.active AND u.id <> $6::uuid AND COALESCE(p.delivery, 'IMMEDIATE') <> 'OFF'
          AND (u.organization_id = $7::uuid OR u.id = $8::uuid OR ($9 AND u.role = '${Role.TIER1_COORDINATOR}'))
       ON CONFLICT (source_key, recipient_key) DO NOTHING`,
      [
        write.sourceKey,
        write.kind,
        JSON.stringify(write.facts),
        write.at.toISOString(),
        nextDigestAt(write.at).toISOString(),
        r.exceptUserId ?? NO_USER,
        r.organizationId ?? NO_USER,
        r.userId ?? NO_USER,
        r.tier1 === true,
      ],
    );
    if (r.organizationId) {
      // A partner without (active) users that opted in: its address, always at once (an address has no preferences).
      await this.tx.query(
        `INSERT INTO notification (source_key, recipient_key, kind, recipient_user_id, recipient_email, facts, delivery, next_attempt_at)
         SELECT $1, 'org:' || o.id, $2, NULL, o.notification_email, $3::jsonb, '${NotificationDelivery.IMMEDIATE}', LEAST($4::timestamptz, now())
           FROM organization o
          WHERE o.id = $5 AND o.notification_email IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.organization_id = o.id AND u.active)
         ON CONFLICT (source_key, recipient_key) DO NOTHING`,
        [write.sourceKey, write.kind, JSON.stringify(write.facts), write.at.toISOString(), r.organizationId],
      );
    }
  }

  /**
   * The mails a referral's new handoffs cause (docs/NOTIFICATIONS.md, "Kinds and recipients"), read against the
   * referral row as this transaction has just written it. `status` is the referral's status after the move: it tells
   * which deadline a REMINDED handoff is about.
   */
  async forReferralHandoffs(referralId: string, status: ReferralStatus, handoffs: readonly StoredHandoff[]): Promise<void> {
    const planned = handoffs.map((h) => ({ h, plan: planFor(h, status) })).filter((p) => p.plan !== null);
    if (planned.length === 0) return;
    const [row]: Array<{ submitted_by_id: string; category: NeedCategory; area_name: string; response_due_at: Date | null }> = await this.tx.query(
      `SELECT r.submitted_by_id, r.category, a.name AS area_name, r.response_due_at
         FROM referral r JOIN area a ON a.id = r.area_id WHERE r.id = $1`,
      [referralId],
    );
    if (!row) return;
    const orgIds = [...new Set(planned.flatMap(({ h }) => [h.fromOrganizationId, h.toOrganizationId]).filter((id): id is string => !!id))];
    const orgNames = new Map<string, string>(
      orgIds.length
        ? (await this.tx.query(`SELECT id, name FROM organization WHERE id = ANY($1::uuid[])`, [orgIds])).map((o: { id: string; name: string }) => [
            o.id,
            o.name,
          ])
        : [],
    );
    for (const { h, plan } of planned) {
      const p = plan!;
      const concerned = p.organization === 'to' ? h.toOrganizationId : h.fromOrganizationId;
      const facts: NotificationFacts = {
        referralId,
        category: row.category,
        areaName: row.area_name,
        ...(p.dueAt && row.response_due_at ? { dueAt: new Date(row.response_due_at).toISOString() } : {}),
        ...(concerned && orgNames.has(concerned) ? { organizationName: orgNames.get(concerned) } : {}),
        ...(p.fact === 'reasonCode' && h.reason ? { reasonCode: h.reason } : {}),
        ...(p.fact === 'outcome' && h.reason ? { outcome: h.reason as ReferralOutcome } : {}),
        ...(p.fact === 'decision' && h.reason ? { decision: h.reason as SubcommitteeDecision } : {}),
        ...(p.kind === NotificationKind.ESCALATED ? { automatic: h.actorUserId === null } : {}),
        ...(h.regionalIssueId ? { regionalIssueId: h.regionalIssueId } : {}),
      };
      await this.enqueue({
        sourceKey: `referral:${referralId}:${h.seq}`,
        kind: p.kind,
        facts,
        at: new Date(h.at),
        recipients: {
          organizationId: p.toHolder ? h.toOrganizationId : null,
          userId: p.toSubmitter ? row.submitted_by_id : null,
          tier1: p.toTier1,
          exceptUserId: h.actorUserId,
        },
      });
    }
  }
}

interface Plan {
  kind: NotificationKind;
  /** The handoff's `to` organisation's users (or its opted-in address). */
  toHolder: boolean;
  toSubmitter: boolean;
  toTier1: boolean;
  /** Which organisation the mail names. */
  organization: 'to' | 'from' | null;
  dueAt: boolean;
  fact?: 'reasonCode' | 'outcome' | 'decision';
}

function plan(kind: NotificationKind, to: Partial<Plan>): Plan {
  return { kind, toHolder: false, toSubmitter: false, toTier1: false, organization: null, dueAt: false, ...to };
}

/** What one handoff causes; null for kinds nobody is mailed about (notes, holds, extensions, most policy entries). */
export function planFor(h: Pick<StoredHandoff, 'kind' | 'toOrganizationId'>, status: ReferralStatus): Plan | null {
  switch (h.kind) {
    case HandoffKind.OFFERED:
      return plan(NotificationKind.OFFER, { toHolder: true, organization: 'to', dueAt: true });
    case HandoffKind.REMINDED:
      if (status === ReferralStatus.OFFERED) return plan(NotificationKind.OFFER_REMINDER, { toHolder: true, organization: 'to', dueAt: true });
      if (status === ReferralStatus.ACCEPTED || status === ReferralStatus.IN_PROGRESS) {
        return plan(NotificationKind.PROGRESS_REMINDER, { toHolder: true, toSubmitter: true, organization: 'to' });
      }
      if (status === ReferralStatus.ON_HOLD) return plan(NotificationKind.RESUME_DATE, { toSubmitter: true });
      if (status === ReferralStatus.ESCALATED) return plan(NotificationKind.TIER1_REMINDER, { toTier1: true, dueAt: true });
      return null;
    case HandoffKind.EXPIRED:
      return plan(NotificationKind.OFFER_EXPIRED, { toSubmitter: true, organization: 'from' });
    case HandoffKind.UNMATCHED:
      return plan(NotificationKind.UNMATCHED, { toSubmitter: true });
    case HandoffKind.ESCALATED:
      return plan(NotificationKind.ESCALATED, { toSubmitter: true, toTier1: true });
    case HandoffKind.ACCEPTED:
      return plan(NotificationKind.ACCEPTED, { toSubmitter: true, organization: 'from' });
    case HandoffKind.DECLINED:
      return plan(NotificationKind.DECLINED, { toSubmitter: true, organization: 'from', fact: 'reasonCode' });
    case HandoffKind.RETURNED:
      return plan(NotificationKind.RETURNED, { toSubmitter: true, organization: 'from', fact: 'reasonCode' });
    case HandoffKind.COMPLETED:
      return plan(NotificationKind.COMPLETED, { toSubmitter: true, organization: 'from', fact: 'outcome' });
    case HandoffKind.SUBCOMMITTEE_DECISION:
      return plan(NotificationKind.SUBCOMMITTEE_DECISION, { toSubmitter: true, fact: 'decision' });
    default:
      return null;
  }
}
