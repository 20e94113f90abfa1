import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isAllowedDelivery, NotificationDelivery, NotificationKind } from '@tsunagu/domain';
import { NotificationEntity } from '@tsunagu/persistence';
import { badUserInput, notFound } from '../common/graphql-errors';
import type { Page } from '../common/pagination/connection';
import { decodeCreatedAtCursor } from '../common/pagination/created-at-cursor';
import type { NotificationPreferenceModel } from './models/notification.models';
import { NotificationsRepository } from './notifications.repository';

/** Each user's choices per kind, and the outbox's failures for administrators (docs/NOTIFICATIONS.md). */
@Injectable()
export class NotificationsService {
  private readonly repository: NotificationsRepository;

  constructor(@Inject(DataSource) db: DataSource) {
    this.repository = new NotificationsRepository(db);
  }

  /** Every kind with the user's choice (IMMEDIATE where they made none), in the enum's order. */
  async preferences(userId: string): Promise<NotificationPreferenceModel[]> {
    const rows = await this.repository.preferencesOf(userId);
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
    await this.repository.upsertPreference(userId, kind, delivery);
    return { kind, delivery, changeable: true };
  }

  /** FAILED rows, newest first by (created_at to the millisecond, id): the cursor's precision. */
  async failed(first: number, after?: string): Promise<Page<NotificationEntity>> {
    return this.repository.pageOfFailed(first, after ? decodeCreatedAtCursor(after) : null);
  }

  /** Puts a FAILED row back: PENDING, its attempts counted afresh, due now. NOT_FOUND for any other row. */
  async retry(id: string): Promise<NotificationEntity> {
    if (!(await this.repository.requeueFailed(id))) throw notFound('Failed notification');
    return this.repository.getById(id);
  }
}
