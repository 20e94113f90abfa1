import { erasePersonalDataBatch } from '@tsunagu/persistence';
import type { RetentionActivities } from '@tsunagu/temporal';
import type { ActivityDependencies } from './activity-dependencies';
import { storeOrRefuse } from './write-errors';

/** The retention sweep's activity: erases personal data past TSUNAGU_RETENTION_DAYS (read at start-up), batch by batch. */
export function retentionActivities({ db, retentionDays }: ActivityDependencies): RetentionActivities {
  return {
    async erasePersonalDataBatch(input) {
      // A refused batch fails this sweep (not retried); the next day's run tries again (docs/OPERATIONS.md).
      return storeOrRefuse('erasePersonalDataBatch', () =>
        erasePersonalDataBatch(db, { retentionDays, batchSize: Math.max(1, Math.min(input.batchSize, 1000)) }),
      );
    },
  };
}
