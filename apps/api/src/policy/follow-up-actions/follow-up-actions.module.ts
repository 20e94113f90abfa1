import { Module } from '@nestjs/common';
import { PolicySharedModule } from '../shared/policy-shared.module';
import { FollowUpActionsResolver } from './follow-up-actions.resolver';
import { FollowUpActionsService } from './follow-up-actions.service';

@Module({
  imports: [PolicySharedModule],
  providers: [FollowUpActionsService, FollowUpActionsResolver],
})
export class FollowUpActionsModule {}
