import { MigrationInterface, QueryRunner } from 'typeorm';

// The request an audit event came from: the same id as the api's log lines of that request (X-Request-Id), so an
// administrator can go from an event to the log and back. Null for events written outside a request (create-admin)
// and for events from before this column. Adding a column is no UPDATE: the append-only triggers do not fire.
export class AuditRequestId1765238400000 implements MigrationInterface {
  name = 'AuditRequestId1765238400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_event ADD COLUMN request_id text CHECK (request_id IS NULL OR length(request_id) BETWEEN 1 AND 64)`);
    await db.query(`CREATE INDEX audit_event_request_idx ON audit_event (request_id) WHERE request_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_event_request_idx`);
    await db.query(`ALTER TABLE audit_event DROP COLUMN request_id`);
  }
}
