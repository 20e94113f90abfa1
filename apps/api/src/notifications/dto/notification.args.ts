import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { NotificationDelivery, NotificationKind } from '@tsunagu/domain';
import { PageArgs } from '../../common/pagination/page-args';

@ArgsType()
export class SetNotificationPreferenceArgs {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationDelivery)
  @IsEnum(NotificationDelivery)
  delivery: NotificationDelivery;
}

@ArgsType()
export class FailedNotificationsArgs extends PageArgs(50, 200) {}

@ArgsType()
export class NotificationIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
