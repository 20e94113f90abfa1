import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isAllowedDelivery, NotificationDelivery, NotificationKind, NotificationStatus } from '@tsunagu/domain';
import { NotificationEntity } from '@tsunagu/persistence';
import { badUserInput, notFound } from '../common/graphql-errors';
import type { Page } from '../common/pagination/connection';
import { decodeCreatedAtCursor } from '../common/pagination/created-at-cursor';
import type { NotificationPreferenceModel } from './models/notification.models';

/** Each user's choices per kind, and the outbox's failures for administrators (docs/NOTIFICATIONS.md). */
@Injectable()
export class NotificationsService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** Every kind with the user's choice (IMMEDIATE where they made none), in the enum's order. */
  async preferences(userId: string): Promise<NotificationPreferenceModel[]> {
    const rows: Array<{ kind: NotificationKind; delivery: NotificationDelivery }> = await this.db.query(
      `SELECT kind, delivery FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
    return Object.values(NotificationKind).map((kind) => ({
      kind,
      delivery: chosen.get(kind) ?? NotificationDelivery.IMMEDIATE,
      changeable: isAllowedDelivery(kind, NotificationDelivery.OFF),
    }));
  }

  /** Applies to notifications written from now on (preferences are read when the outbox row is written). */
  async setPreference(userId: string, kind: NotificationKind, delivery: NotificationDelivery): Promise<NotificationPreferenceModel> {
    if (!isAllowedDelivery(kind, delivery)) {
      throw badUserInput([
        { field: 'delivery', message: 'account events are always sent at once: they cannot be turned off or put into the digest' },
      ]);
    }
    await this.db.query(
      `INSERT INTO notification_preference (user_id, kind, delivery, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
      [userId, kind, delivery],
    );
    return { kind, delivery, changeable: true };
  }

  /** FAILED rows, newest first by (created_at to the millisecond, id): the cursor's precision. */
  async failed(first: number, after?: string): Promise<Page<NotificationEntity>> {
    const query = this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.status = :status', { status: NotificationStatus.FAILED });
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCreatedAtCursor(after);
      query.andWhere(`(date_trunc('milliseconds', n.created_at), n.id) < (:createdAt::timestamptz, :id::uuid)`, cursor);
    }
    const rows = await query
      .orderBy(`date_trunc('milliseconds', n.created_at)`, 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
  }

  /** Puts a FAILED row back: PENDING, its attempts counted afresh, due now. NOT_FOUND for any other row. */
  async retry(id: string): Promise<NotificationEntity> {
    const [rows]: [Array<{ id: string }>, number] = await this.db.query(
      `UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE id = $1 AND status = 'FAILED' RETURNING id`,
      [id],
    );
    if (!rows.length) throw notFound('Failed notification');
    return this.db.getRepository(NotificationEntity).findOneByOrFail({ id });
  }
}
