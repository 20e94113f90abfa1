import type { ReferralActivities, RegionalIssueActivities, RetentionActivities } from '@tsunagu/temporal';
import type { ActivityDependencies } from './activity-dependencies';
import { referralActivities } from './referral.activities';
import { regionalIssueActivities } from './regional-issue.activities';
import { retentionActivities } from './retention.activities';

export type { ActivityDependencies } from './activity-dependencies';

/** Every activity the worker runs, by the name workflows call it (the names are in stored histories: never rename). */
export type TsunaguActivities = ReferralActivities & RegionalIssueActivities & RetentionActivities;

/** The worker's one activities object, registered with Temporal as it is (referral-worker.ts). */
export function createActivities(deps: ActivityDependencies): TsunaguActivities {
  return { ...referralActivities(deps), ...regionalIssueActivities(deps), ...retentionActivities(deps) };
}
