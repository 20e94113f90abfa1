import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { AreaEntity, OrganizationEntity, UserEntity } from '@tsunagu/persistence';
import { HandoffRow, LookupsRepository } from './lookups.repository';
import { createPolicyLoaders } from './policy-loaders';

export type { HandoffRow } from './lookups.repository';

export type Loaders = ReturnType<typeof createLoaders>;

/** Batches the lookups of one request: a page of referrals costs a handful of queries, not one per field. */
export function createLoaders(db: DataSource) {
  const lookups = new LookupsRepository(db);
  return {
    area: new DataLoader<string, AreaEntity | null>(async (ids) => byId(ids, await lookups.areasByIds(ids))),
    organization: new DataLoader<string, OrganizationEntity | null>(async (ids) => byId(ids, await lookups.organizationsByIds(ids))),
    user: new DataLoader<string, UserEntity | null>(async (ids) => byId(ids, await lookups.usersByIds(ids))),
    areasOfOrganization: new DataLoader<string, AreaEntity[]>(async (organizationIds) => {
      const rows = await lookups.areasOfOrganizations(organizationIds);
      return organizationIds.map((id) => rows.filter((row) => row.organizationId === id));
    }),
    /** Whether each organisation has an active user of any role (DirectoryService.hasActiveUser, batched). */
    organizationHasActiveUser: new DataLoader<string, boolean>(async (organizationIds) => {
      const withUsers = new Set(await lookups.organizationsWithActiveUser(organizationIds));
      return organizationIds.map((id) => withUsers.has(id));
    }),
    handoffsOfReferral: new DataLoader<string, HandoffRow[]>(async (referralIds) => {
      const rows = await lookups.handoffsOfReferrals(referralIds);
      return referralIds.map((id) => rows.filter((row) => row.referralId === id));
    }),
    ...createPolicyLoaders(db),
  };
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}
