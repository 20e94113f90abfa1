import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from '@tsunagu/persistence';
import type { Page } from '../common/pagination/connection';
import { notACursor } from '../common/pagination/key-cursor';
import type { AuditEventFilter } from './dto/audit-events.args';
import type { AuditEventRecord } from './audit-trail';

const ROWS_PER_INSERT = 1000;
const COLUMNS = ['at', 'actor_user_id', 'actor_role', 'operation', 'object_type', 'object_id', 'result', 'client_address', 'request_id', 'details'];

/** Writes the audit log (append-only: INSERT is all this api ever does to it) and pages through it for the admin. */
@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /**
   * One INSERT for all events of a request (in one transaction of several, 1 000 rows each, for a huge request: a
   * statement takes at most 65 535 parameters). Throws when the database refuses: the caller decides what fails.
   */
  async write(events: readonly AuditEventRecord[]): Promise<void> {
    if (!events.length) return;
    if (events.length <= ROWS_PER_INSERT) return this.insert(this.db.manager, events);
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < events.length; i += ROWS_PER_INSERT) await this.insert(tx, events.slice(i, i + ROWS_PER_INSERT));
    });
  }

  private async insert(db: EntityManager, events: readonly AuditEventRecord[]): Promise<void> {
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
    await db.query(`INSERT INTO audit_event (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, params);
  }

  /** Newest first (by id), `first` of them after the cursor, with the size of the filtered log. */
  async page(filter: AuditEventFilter | undefined, first: number, after: string | undefined): Promise<Page<AuditEventEntity>> {
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
    if (after) query.andWhere('e.id < :cursor', { cursor: decodeAuditCursor(after) });
    const rows = await query
      .orderBy('e.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
  }
}

/** Not a key cursor: "audit:<id>" in base64url, the format audit cursors have always had. */
export function encodeAuditCursor(row: Pick<AuditEventEntity, 'id'>): string {
  return Buffer.from(`audit:${row.id}`).toString('base64url');
}

function decodeAuditCursor(cursor: string): string {
  const match = /^audit:([1-9]\d{0,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // Exactly what encodeAuditCursor writes, and an id that fits a bigint.
  if (match && BigInt(match[1]) <= 9223372036854775807n && encodeAuditCursor({ id: match[1] }) === cursor) return match[1];
  throw notACursor();
}
