import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AreaEntity, OrganizationEntity, ReferralHandoffEntity, UserEntity } from '@tsunagu/persistence';
import { createPolicyLoaders } from './policy-loaders';

/** A handoff row with the policy track's columns (the issue and proposal a policy entry is about). */
export type HandoffRow = ReferralHandoffEntity & { regionalIssueId: string | null; policyProposalId: string | null };

export type Loaders = ReturnType<typeof createLoaders>;

/** Batches the lookups of one request: a page of referrals costs a handful of queries, not one per field. */
export function createLoaders(db: DataSource) {
  return {
    area: new DataLoader<string, AreaEntity | null>(async (ids) => byId(ids, await db.getRepository(AreaEntity).findBy({ id: In([...ids]) }))),
    organization: new DataLoader<string, OrganizationEntity | null>(async (ids) =>
      byId(ids, await db.getRepository(OrganizationEntity).findBy({ id: In([...ids]) })),
    ),
    user: new DataLoader<string, UserEntity | null>(async (ids) => byId(ids, await db.getRepository(UserEntity).findBy({ id: In([...ids]) }))),
    areasOfOrganization: new DataLoader<string, AreaEntity[]>(async (organizationIds) => {
      const rows: Array<AreaEntity & { organizationId: string }> = await db.query(
        `SELECT a.id, a.code, a.name, a.sort_order AS "sortOrder", oa.organization_id AS "organizationId"
           FROM organization_area oa JOIN area a ON a.id = oa.area_id
          WHERE oa.organization_id = ANY ($1) ORDER BY a.sort_order, a.code`,
        [organizationIds],
      );
      return organizationIds.map((id) => rows.filter((row) => row.organizationId === id));
    }),
    /** Whether each organisation has an active user of any role (DirectoryService.hasActiveUser, batched). */
    organizationHasActiveUser: new DataLoader<string, boolean>(async (organizationIds) => {
      const rows: Array<{ organizationId: string }> = await db.query(
        `SELECT DISTINCT organization_id AS "organizationId" FROM app_user WHERE organization_id = ANY ($1) AND active`,
        [organizationIds],
      );
      const withUsers = new Set(rows.map((row) => row.organizationId));
      return organizationIds.map((id) => withUsers.has(id));
    }),
    handoffsOfReferral: new DataLoader<string, HandoffRow[]>(async (referralIds) => {
      const rows: HandoffRow[] = await db.query(
        `SELECT referral_id AS "referralId", seq, kind, from_organization_id AS "fromOrganizationId", to_organization_id AS "toOrganizationId",
                actor_id AS "actorId", proxy, reason, note, at, regional_issue_id AS "regionalIssueId", policy_proposal_id AS "policyProposalId"
           FROM referral_handoff WHERE referral_id = ANY ($1) ORDER BY referral_id, seq`,
        [referralIds],
      );
      return referralIds.map((id) => rows.filter((row) => row.referralId === id));
    }),
    ...createPolicyLoaders(db),
  };
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}
