// Users' notification preferences (notification_preference) and the outbox's failed rows (notification) that
// administrators list and retry. No Nest here: the db tier runs these against a real PostgreSQL.
import type { DataSource, EntityManager } from 'typeorm';
import { NotificationStatus, type NotificationDelivery, type NotificationKind } from '@tsunagu/domain';
// A narrow entry, not @tsunagu/persistence: its index loads the Nest module, which the db tier cannot require.
import { NotificationEntity } from '@tsunagu/persistence/entities';
import type { Page } from '../common/pagination/connection';

export class NotificationsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The choices the user made, one per kind they chose for (kinds without a row are theirs to default). */
  preferencesOf(userId: string): Promise<Array<{ kind: NotificationKind; delivery: NotificationDelivery }>> {
    return this.db.query(`SELECT kind, delivery FROM notification_preference WHERE user_id = $1`, [userId]);
  }

  /** The user's choice for the kind, replacing any earlier one. */
  async upsertPreference(userId: string, kind: NotificationKind, delivery: NotificationDelivery): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_preference (user_id, kind, delivery, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
      [userId, kind, delivery],
    );
  }

  /**
   * FAILED rows, newest first by (created_at to the millisecond, id): the cursor's precision. `after` is the last row
   * of the previous page (its created_at as an ISO instant).
   */
  async pageOfFailed(first: number, after: { createdAt: string; id: string } | null): Promise<Page<NotificationEntity>> {
    const query = this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.status = :status', { status: NotificationStatus.FAILED });
    const totalCount = await query.clone().getCount();
    if (after) {
      query.andWhere(`(date_trunc('milliseconds', n.created_at), n.id) < (:createdAt::timestamptz, :id::uuid)`, after);
    }
    const rows = await query
      .orderBy(`date_trunc('milliseconds', n.created_at)`, 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
  }

  /** Puts a FAILED row back: PENDING, its attempts counted afresh, due now. False when no FAILED row has this id. */
  async requeueFailed(id: string): Promise<boolean> {
    const [rows]: [Array<{ id: string }>, number] = await this.db.query(
      `UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE id = $1 AND status = 'FAILED' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** The row; throws TypeORM's EntityNotFoundError when there is none. */
  getById(id: string): Promise<NotificationEntity> {
    return this.db.getRepository(NotificationEntity).findOneByOrFail({ id });
  }
}
