import { Module } from '@nestjs/common';
import { ReferralQueryService } from './referral-query.service';

/** The scoped reads of referrals, shared by the referral operations and the policy track (which shows linked referrals). */
@Module({
  providers: [ReferralQueryService],
  exports: [ReferralQueryService],
})
export class ReferralReadModule {}
