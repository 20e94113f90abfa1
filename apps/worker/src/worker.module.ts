import { Module } from '@nestjs/common';
import { PersistenceModule } from '@tsunagu/persistence';
import { ReferralActivitiesService } from './activities/referral.activities';
import { RegionalIssueActivitiesService } from './activities/regional-issue.activities';
import { RetentionActivitiesService } from './activities/retention.activities';

/** Dependencies of the activities. Workflow code never sees Nest. */
@Module({
  imports: [PersistenceModule.forRoot('tsunagu-worker')],
  providers: [ReferralActivitiesService, RetentionActivitiesService, RegionalIssueActivitiesService],
})
export class WorkerModule {}
