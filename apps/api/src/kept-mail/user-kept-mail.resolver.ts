import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../users/models/user.model';
import { KeptMailService } from './kept-mail.service';

/**
 * Whether a user can read 送信メール: the api decides (an administrator, while it keeps mail locally), and the
 * console shows the menu entry only then, so administrators of a city sending through a real server never see it.
 */
@Resolver(() => UserModel)
export class UserKeptMailResolver {
  constructor(private readonly kept: KeptMailService) {}

  @ResolveField(() => Boolean, {
    description:
      'Whether this user can read 送信メール (keptMails): an administrator, while the api keeps mail in the local mail catcher (npm start, tests; MAIL_CATCHER_DIR). False with a real mail server.',
  })
  canReadKeptMail(@Parent() user: UserModel): boolean {
    return this.kept.readableBy(user.role);
  }
}
