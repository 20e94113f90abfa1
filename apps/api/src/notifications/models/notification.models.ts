import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationDelivery, NotificationKind, NotificationStatus } from '@tsunagu/domain';
import { PageInfoModel } from '../../common/pagination/page-info.model';

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a mail tells someone (docs/NOTIFICATIONS.md).' });
registerEnumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  description: 'At once, in the 08:30 JST digest of the next business morning, or not at all (OFF: not for account events).',
});
registerEnumType(NotificationStatus, { name: 'NotificationStatus' });

@ObjectType('NotificationPreference')
export class NotificationPreferenceModel {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationDelivery)
  delivery: NotificationDelivery;

  @Field({ description: 'Whether the caller may turn this kind off or into the digest (not for account events).' })
  changeable: boolean;
}

@ObjectType('FailedNotification', { description: 'A mail every attempt of which failed; retryNotification puts it back.' })
export class FailedNotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationStatus)
  status: NotificationStatus;

  @Field({ description: 'The address the mail was for: a user’s, or an organisation’s opted-in address.' })
  recipientEmail: string;

  @Field(() => ID, { nullable: true, description: 'The referral the mail is about, if any.' })
  referralId: string | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true, description: 'The SMTP error of the last attempt (code and message).' })
  lastError: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('FailedNotificationEdge')
export class FailedNotificationEdgeModel {
  @Field()
  cursor: string;

  @Field(() => FailedNotificationModel)
  node: FailedNotificationModel;
}

@ObjectType('FailedNotificationConnection')
export class FailedNotificationConnectionModel {
  @Field(() => [FailedNotificationEdgeModel])
  edges: FailedNotificationEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
