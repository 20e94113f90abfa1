import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DirectoryModule } from '../directory/directory.module';
import { ReferralCommandsService } from './referral-commands.service';
import { HandoffFieldsResolver, ReferralFieldsResolver } from './referral-fields.resolver';
import { ReferralQueryService } from './referral-query.service';
import { ReferralsResolver } from './referrals.resolver';

@Module({
  imports: [DirectoryModule, DeadlinesModule],
  providers: [ReferralQueryService, ReferralCommandsService, ReferralsResolver, ReferralFieldsResolver, HandoffFieldsResolver],
})
export class ReferralsModule {}
