import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DirectoryModule } from '../directory/directory.module';
import { PolicySharedModule } from '../policy/shared/policy-shared.module';
import { ReferralCommandsService } from './referral-commands.service';
import { ReferralConnectionFieldsResolver } from './referral-connection-fields.resolver';
import { HandoffFieldsResolver, ReferralFieldsResolver } from './referral-fields.resolver';
import { ReferralReadModule } from './referral-read.module';
import { ReferralsResolver } from './referrals.resolver';

@Module({
  imports: [DirectoryModule, DeadlinesModule, ReferralReadModule, PolicySharedModule],
  providers: [ReferralCommandsService, ReferralsResolver, ReferralFieldsResolver, HandoffFieldsResolver, ReferralConnectionFieldsResolver],
})
export class ReferralsModule {}
