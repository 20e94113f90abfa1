// The rows the per-request DataLoaders (loaders.ts) batch: areas, organisations and users by id, an organisation's
// areas, which organisations have an active user, and a referral's handoffs, each for many keys in one statement.
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { AreaEntity, OrganizationEntity, ReferralHandoffEntity, UserEntity } from '@tsunagu/persistence/entities';

/** A handoff row with the policy track's columns (the issue and proposal a policy entry is about). */
export type HandoffRow = ReferralHandoffEntity & { regionalIssueId: string | null; policyProposalId: string | null };

/** Reads for many keys at once: rows come back in no particular order, unknown keys left out; the loaders match them up. */
export class LookupsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  areasByIds(ids: readonly string[]): Promise<AreaEntity[]> {
    return this.db.getRepository(AreaEntity).findBy({ id: In([...ids]) });
  }

  organizationsByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
  }

  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }

  /** The areas each of the organisations serves, each with its organisation's id, in the areas' sort order. */
  areasOfOrganizations(organizationIds: readonly string[]): Promise<Array<AreaEntity & { organizationId: string }>> {
    return this.db.query(
      `SELECT a.id, a.code, a.name, a.sort_order AS "sortOrder", oa.organization_id AS "organizationId"
         FROM organization_area oa JOIN area a ON a.id = oa.area_id
        WHERE oa.organization_id = ANY ($1) ORDER BY a.sort_order, a.code`,
      [organizationIds],
    );
  }

  /** Those of the organisations that have an active user of any role (DirectoryService.hasActiveUser, for many). */
  async organizationsWithActiveUser(organizationIds: readonly string[]): Promise<string[]> {
    const rows: Array<{ organizationId: string }> = await this.db.query(
      `SELECT DISTINCT organization_id AS "organizationId" FROM app_user WHERE organization_id = ANY ($1) AND active`,
      [organizationIds],
    );
    return rows.map((row) => row.organizationId);
  }

  /** Every handoff of the referrals, the policy track's included, by referral and then oldest first. */
  handoffsOfReferrals(referralIds: readonly string[]): Promise<HandoffRow[]> {
    return this.db.query(
      `SELECT referral_id AS "referralId", seq, kind, from_organization_id AS "fromOrganizationId", to_organization_id AS "toOrganizationId",
              actor_id AS "actorId", proxy, reason, note, at, regional_issue_id AS "regionalIssueId", policy_proposal_id AS "policyProposalId"
         FROM referral_handoff WHERE referral_id = ANY ($1) ORDER BY referral_id, seq`,
      [referralIds],
    );
  }
}
