import { CandidateDirectory, ReferralWriter } from '@tsunagu/persistence';
import type { ReferralActivities } from '@tsunagu/temporal';
import type { ActivityDependencies } from './activity-dependencies';
import { storeOrRefuse } from './write-errors';

/** The referral workflow's activities: directory reads for routing and idempotent writes of the read model. */
export function referralActivities({ db, dataKeys }: ActivityDependencies): ReferralActivities {
  return {
    /** Read-only: ranks the directory's candidates as suggestedOrganizations does (rule first, then least load). */
    async findNextCandidate(input) {
      const [best] = await new CandidateDirectory(db).ranked(input, input.excludeOrganizationIds);
      return best?.id ?? null;
    },

    /** One transaction per move (ReferralWriter). A write the database refuses for good fails as WRITE_REFUSED, not retried (write-errors.ts). */
    async recordReferralTransition(input) {
      await storeOrRefuse('recordReferralTransition', () => db.transaction((tx) => new ReferralWriter(tx, dataKeys).recordTransition(input)));
    },
  };
}
