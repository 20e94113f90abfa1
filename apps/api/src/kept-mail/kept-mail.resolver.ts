import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { Roles } from '../auth/roles.decorator';
import { KeptMailsArgs } from './dto/kept-mails.args';
import { KeptMailsModel } from './models/kept-mail.model';
import { KeptMailService } from './kept-mail.service';

/** 送信メール: what the local mail catcher kept, for administrators trying Tsunagu (docs/OPERATIONS.md, "The mail catcher"). */
@Resolver(() => KeptMailsModel)
export class KeptMailResolver {
  constructor(private readonly kept: KeptMailService) {}

  @Roles(Role.ADMIN)
  @Query(() => KeptMailsModel, {
    description: 'The mails the local mail catcher kept, newest first (npm start; MAIL_CATCHER_DIR). ADMIN only.',
  })
  async keptMails(@Args() { first }: KeptMailsArgs): Promise<KeptMailsModel> {
    return this.kept.newest(first);
  }
}
