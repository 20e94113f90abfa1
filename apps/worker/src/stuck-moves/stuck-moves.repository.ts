// The api's audit log (audit_event) as `npm run stuck-moves` writes it: one row per release, actor the operator at the
// console. No Nest here: the db tier runs it against a real PostgreSQL.
import type { DataSource, EntityManager } from 'typeorm';

/** A release as the audit log records it: the object, how it ended (OK or the outcome's name) and safe details only. */
export interface ReleaseAuditRow {
  objectType: 'Referral' | 'RegionalIssue';
  objectId: string | null;
  result: string;
  details: { workflowId: string; seq: number; what: string; operator: string };
}

export class StuckMovesRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Recorded as create-admin records its run (actor role CONSOLE, no actor user). */
  async recordRelease(row: ReleaseAuditRow): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_event (actor_user_id, actor_role, operation, object_type, object_id, result, details)
       VALUES (NULL, 'CONSOLE', 'release-stuck-write', $1, $2, $3, $4)`,
      [row.objectType, row.objectId, row.result, JSON.stringify(row.details)],
    );
  }
}
