import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import type { NotificationEntity } from '@tsunagu/persistence';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { toConnection } from '../common/pagination/connection';
import { encodeCreatedAtCursor } from '../common/pagination/created-at-cursor';
import type { Viewer } from '../common/viewer';
import { FailedNotificationsArgs, NotificationIdArgs, SetNotificationPreferenceArgs } from './dto/notification.args';
import { FailedNotificationConnectionModel, FailedNotificationModel, NotificationPreferenceModel } from './models/notification.models';
import { NotificationsService } from './notifications.service';

/** Mail preferences for every user; the outbox's failures for administrators. */
@Resolver()
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @AnyRole()
  @Query(() => [NotificationPreferenceModel], { description: 'The caller’s choice for every kind of mail (IMMEDIATE unless changed).' })
  async myNotificationPreferences(@CurrentViewer() viewer: Viewer): Promise<NotificationPreferenceModel[]> {
    return this.notifications.preferences(viewer.id);
  }

  @AnyRole()
  @Mutation(() => NotificationPreferenceModel, {
    description: 'How the caller gets one kind of mail from now on. OFF and DAILY_DIGEST are BAD_USER_INPUT on `delivery` for account events.',
  })
  async setNotificationPreference(
    @CurrentViewer() viewer: Viewer,
    @Args() { kind, delivery }: SetNotificationPreferenceArgs,
  ): Promise<NotificationPreferenceModel> {
    return this.notifications.setPreference(viewer.id, kind, delivery);
  }

  @Roles(Role.ADMIN)
  @Query(() => FailedNotificationConnectionModel, { description: 'Mails every attempt of which failed, newest first.' })
  async failedNotifications(@Args() { first, after }: FailedNotificationsArgs): Promise<FailedNotificationConnectionModel> {
    return toConnection(await this.notifications.failed(first, after), encodeCreatedAtCursor, toFailedModel);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => FailedNotificationModel, { description: 'Sends a failed mail again (attempts start afresh). NOT_FOUND unless it is FAILED.' })
  async retryNotification(@Args() { id }: NotificationIdArgs): Promise<FailedNotificationModel> {
    return toFailedModel(await this.notifications.retry(id));
  }
}

function toFailedModel(row: NotificationEntity): FailedNotificationModel {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    recipientEmail: row.recipientEmail,
    referralId: row.facts.referralId ?? null,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
  };
}
