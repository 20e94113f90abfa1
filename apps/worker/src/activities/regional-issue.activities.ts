import { ReferralWriter, RegionalIssueWriter } from '@tsunagu/persistence';
import type { RegionalIssueActivities } from '@tsunagu/temporal';
import type { ActivityDependencies } from './activity-dependencies';
import { storeOrRefuse } from './write-errors';

/**
 * The regional issue workflow's activities: the issue's read model (one transaction per committed change, idempotent;
 * RegionalIssueWriter) and policy entries in the histories of referrals whose workflows have ended (ReferralWriter).
 * A write the database refuses for good fails as WRITE_REFUSED, not retried (write-errors.ts).
 */
export function regionalIssueActivities({ db, dataKeys }: ActivityDependencies): RegionalIssueActivities {
  return {
    async recordRegionalIssueTransition(input) {
      await storeOrRefuse('recordRegionalIssueTransition', () => db.transaction((tx) => new RegionalIssueWriter(tx).recordTransition(input)));
    },

    async recordClosedReferralPolicyHandoff(input) {
      await storeOrRefuse('recordClosedReferralPolicyHandoff', () =>
        db.transaction((tx) => new ReferralWriter(tx, dataKeys).recordClosedReferralPolicyHandoff(input)),
      );
    },
  };
}
