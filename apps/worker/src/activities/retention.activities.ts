import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { erasePersonalDataBatch, readRetentionDays } from '@tsunagu/persistence';
import { storeOrRefuse } from './write-errors';
import type { ErasePersonalDataInput, RetentionActivities } from '@tsunagu/temporal';

/** The retention sweep's activity: erases personal data past TSUNAGU_RETENTION_DAYS (read at start-up), batch by batch. */
@Injectable()
export class RetentionActivitiesService implements RetentionActivities {
  private readonly retentionDays = readRetentionDays(process.env);

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async erasePersonalDataBatch(input: ErasePersonalDataInput): Promise<number> {
    // A refused batch fails this sweep (not retried); the next day's run tries again (docs/OPERATIONS.md).
    return storeOrRefuse('erasePersonalDataBatch', () =>
      erasePersonalDataBatch(this.db, { retentionDays: this.retentionDays, batchSize: Math.max(1, Math.min(input.batchSize, 1000)) }),
    );
  }
}
