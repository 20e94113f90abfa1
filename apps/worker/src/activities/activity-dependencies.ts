import type { DataSource } from 'typeorm';
import type { DataKeyring } from '@tsunagu/crypto';

/** What the activities need, named: built once by the worker's main (from its Nest context and configuration). */
export interface ActivityDependencies {
  db: DataSource;
  /** The keys personal data is sealed with when a referral row is created. */
  dataKeys: DataKeyring;
  /** TSUNAGU_RETENTION_DAYS, read at start-up. */
  retentionDays: number;
}
