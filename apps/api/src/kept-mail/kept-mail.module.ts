import { Module } from '@nestjs/common';
import { KeptMailResolver } from './kept-mail.resolver';
import { KeptMailService } from './kept-mail.service';
import { UserKeptMailResolver } from './user-kept-mail.resolver';

/** 送信メール: the admin's view of the local mail catcher's folder (development and tests), and who may read it. */
@Module({
  providers: [KeptMailService, KeptMailResolver, UserKeptMailResolver],
})
export class KeptMailModule {}
