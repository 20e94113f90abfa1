import { Module } from '@nestjs/common';
import { ReferralReadModule } from '../../referrals/referral-read.module';
import { IssueWorkflowClient } from './issue-workflow.client';
import { PolicyQueryService } from './policy-query.service';
import { PolicyVisibilityService } from './policy-visibility.service';

/** What every part of the policy track shares: the scoped reads and the issue workflow's client. */
@Module({
  imports: [ReferralReadModule],
  providers: [PolicyQueryService, PolicyVisibilityService, IssueWorkflowClient],
  exports: [PolicyQueryService, PolicyVisibilityService, IssueWorkflowClient],
})
export class PolicySharedModule {}
