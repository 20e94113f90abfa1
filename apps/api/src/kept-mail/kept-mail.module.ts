import { Module } from '@nestjs/common';
import { KeptMailResolver } from './kept-mail.resolver';
import { KeptMailService } from './kept-mail.service';

/** 送信メール: the admin's view of the local mail catcher's folder (development and tests). */
@Module({
  providers: [KeptMailService, KeptMailResolver],
})
export class KeptMailModule {}
