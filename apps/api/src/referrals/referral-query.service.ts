import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Role } from '@tsunagu/domain';
import { DataKeyring, openReferralPersonalData, ReferralEntity } from '@tsunagu/persistence';
import type { Viewer } from '../auth/viewer';
import { badUserInput, notFound } from '../common/graphql-errors';
import { ReferralFilter } from './dto/referrals.args';

export interface ReferralPage {
  rows: ReferralEntity[];
  totalCount: number;
  hasNextPage: boolean;
}

/**
 * Reads of the referral read model, always scoped to what the viewer may see. A referral outside that scope does not
 * exist for them: NOT_FOUND, the same answer as for an id that was never used.
 */
@Injectable()
export class ReferralQueryService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DataKeyring) private readonly dataKeys: DataKeyring,
  ) {}

  async findVisible(viewer: Viewer, id: string): Promise<ReferralEntity> {
    const row = await this.visibleTo(viewer).andWhere('r.id = :id', { id }).getOne();
    if (!row) throw notFound();
    return this.opened(row);
  }

  async findByWorkflowId(viewer: Viewer, workflowId: string): Promise<ReferralEntity | null> {
    const row = await this.visibleTo(viewer).andWhere('r.workflow_id = :workflowId', { workflowId }).getOne();
    return row && this.opened(row);
  }

  async page(viewer: Viewer, filter: ReferralFilter = {}, first: number, after?: string): Promise<ReferralPage> {
    const query = this.visibleTo(viewer);
    if (filter.status?.length) query.andWhere('r.status IN (:...statuses)', { statuses: filter.status });
    if (filter.category?.length) query.andWhere('r.category IN (:...categories)', { categories: filter.category });
    if (filter.areaCode?.length) {
      query.andWhere('r.area_id IN (SELECT a.id FROM area a WHERE a.code IN (:...areaCodes))', { areaCodes: filter.areaCode });
    }
    if (filter.organizationId) query.andWhere('r.current_organization_id = :organizationId', { organizationId: filter.organizationId });

    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(r.created_at, r.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.createdAt, cursorId: cursor.id });
    }
    const rows = await query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').take(first + 1).getMany();
    return { rows: rows.slice(0, first).map((row) => this.opened(row)), totalCount, hasNextPage: rows.length > first };
  }

  /**
   * The row with its personal data decrypted (stored encrypted per row and column: libs/persistence/src/crypto). Every
   * row leaves this service this way, so the mapper and the access policy see clear values; what a viewer gets of them
   * is the mapper's decision. A value that does not decrypt (key missing from TSUNAGU_DATA_KEYS, tampered) is an
   * internal error naming the key and the row, never the value.
   */
  private opened(row: ReferralEntity): ReferralEntity {
    return openReferralPersonalData(this.dataKeys, row);
  }

  private visibleTo(viewer: Viewer): SelectQueryBuilder<ReferralEntity> {
    const query = this.db.getRepository(ReferralEntity).createQueryBuilder('r');
    switch (viewer.role) {
      case Role.ADMIN:
      case Role.TIER1_COORDINATOR:
        return query;
      case Role.TIER2_COORDINATOR:
        return query.where('(r.area_id = :viewerAreaId OR r.submitted_by_id = :viewerId)', {
          viewerAreaId: viewer.areaId,
          viewerId: viewer.id,
        });
      case Role.PARTNER:
        // Offered to the partner's organisation at some point: it keeps seeing the history of what it was offered.
        return query.where(
          `EXISTS (SELECT 1 FROM referral_handoff h WHERE h.referral_id = r.id AND h.kind = 'OFFERED' AND h.to_organization_id = :viewerOrgId)`,
          { viewerOrgId: viewer.organizationId },
        );
      default:
        return query.where('false');
    }
  }
}

export function encodeCursor(row: Pick<ReferralEntity, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Exactly what encodeCursor writes: an ISO instant that round-trips, and a UUID.
    const instant = typeof createdAt === 'string' ? new Date(createdAt) : null;
    if (instant && !Number.isNaN(instant.getTime()) && instant.toISOString() === createdAt && typeof id === 'string' && UUID.test(id)) {
      return { createdAt, id };
    }
  } catch {
    // fall through
  }
  throw badUserInput([{ field: 'after', message: 'is not a cursor this API gave out' }]);
}
