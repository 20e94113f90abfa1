// The links between regional issues and referrals, as the issue workflows keep them in the read model.
import type { DataSource, EntityManager } from 'typeorm';
import { namedQuery } from '../shared/named-query';

export class RegionalIssueLinksRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Whether the referral is linked to the issue now. */
  async isLinked(issueId: string, referralId: string): Promise<boolean> {
    const [linked] = await namedQuery(this.db, 'SELECT 1 FROM regional_issue_referral WHERE issue_id = :id AND referral_id = :referralId', {
      id: issueId,
      referralId,
    });
    return !!linked;
  }
}
