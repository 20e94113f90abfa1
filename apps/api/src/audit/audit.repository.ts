// The audit log (audit_event): appended to, never changed, and paged through newest first.
import type { DataSource, EntityManager } from 'typeorm';
// A narrow entry, not @tsunagu/persistence: its index loads the Nest module, which the db tier cannot require.
import { AuditEventEntity } from '@tsunagu/persistence/entities';
import type { AuditEventRecord } from './audit-trail';
import type { AuditEventFilter } from './dto/audit-events.args';

const COLUMNS = ['at', 'actor_user_id', 'actor_role', 'operation', 'object_type', 'object_id', 'result', 'client_address', 'request_id', 'details'];

export class AuditRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The events in one INSERT: at most 65 535 parameters, so the caller keeps a call to a few thousand rows. */
  async insert(events: readonly AuditEventRecord[]): Promise<void> {
    const params: unknown[] = [];
    const rows = events.map((e) => {
      params.push(
        e.at,
        e.actorUserId,
        e.actorRole,
        e.operation,
        e.objectType,
        e.objectId,
        e.result,
        e.clientAddress,
        e.requestId,
        JSON.stringify(e.details),
      );
      const base = params.length - COLUMNS.length;
      return `(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await this.db.query(`INSERT INTO audit_event (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, params);
  }

  /**
   * The filtered log's events older (by id) than `beforeId` if given, newest first, at most `limit` of them; with the
   * size of the filtered log (the cursor left out).
   */
  async page(
    filter: AuditEventFilter | undefined,
    beforeId: string | undefined,
    limit: number,
  ): Promise<{ rows: AuditEventEntity[]; totalCount: number }> {
    const query = this.db.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter?.actorUserId) query.andWhere('e.actor_user_id = :actor', { actor: filter.actorUserId });
    if (filter?.operation?.length) query.andWhere('e.operation IN (:...operations)', { operations: filter.operation });
    if (filter?.objectType) query.andWhere('e.object_type = :objectType', { objectType: filter.objectType });
    if (filter?.objectId) query.andWhere('e.object_id = :objectId', { objectId: filter.objectId });
    if (filter?.requestId) query.andWhere('e.request_id = :requestId', { requestId: filter.requestId });
    if (filter?.result?.length) query.andWhere('e.result IN (:...results)', { results: filter.result });
    if (filter?.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter?.to) query.andWhere('e.at < :to', { to: filter.to });
    const totalCount = await query.getCount();
    if (beforeId) query.andWhere('e.id < :cursor', { cursor: beforeId });
    const rows = await query.orderBy('e.id', 'DESC').limit(limit).getMany();
    return { rows, totalCount };
  }
}
