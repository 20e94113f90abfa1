import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from '@tsunagu/persistence';
import type { Page } from '../common/pagination/connection';
import { notACursor } from '../common/pagination/key-cursor';
import type { AuditEventFilter } from './dto/audit-events.args';
import { AuditRepository } from './audit.repository';
import type { AuditEventRecord } from './audit-trail';

const ROWS_PER_INSERT = 1000;

/** Writes the audit log (append-only: INSERT is all this api ever does to it) and pages through it for the admin. */
@Injectable()
export class AuditService {
  private readonly repository: AuditRepository;

  constructor(@Inject(DataSource) private readonly db: DataSource) {
    this.repository = new AuditRepository(db.manager);
  }

  /**
   * One INSERT for all events of a request (in one transaction of several, 1 000 rows each, for a huge request: a
   * statement takes at most 65 535 parameters). Throws when the database refuses: the caller decides what fails.
   */
  async write(events: readonly AuditEventRecord[]): Promise<void> {
    if (!events.length) return;
    if (events.length <= ROWS_PER_INSERT) return this.repository.insert(events);
    await this.db.transaction(async (tx) => {
      const log = new AuditRepository(tx);
      for (let i = 0; i < events.length; i += ROWS_PER_INSERT) await log.insert(events.slice(i, i + ROWS_PER_INSERT));
    });
  }

  /** Newest first (by id), `first` of them after the cursor, with the size of the filtered log. */
  async page(filter: AuditEventFilter | undefined, first: number, after: string | undefined): Promise<Page<AuditEventEntity>> {
    const cursor = after ? decodeAuditCursor(after) : undefined;
    const { rows, totalCount } = await this.repository.page(filter, cursor, first + 1);
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
