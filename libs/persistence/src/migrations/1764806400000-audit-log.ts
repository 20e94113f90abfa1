import { MigrationInterface, QueryRunner } from 'typeorm';

// The audit log: every mutation and every read of personal data, with actor, operation, object, time and result.
// Append-only at the database: updates, deletes and TRUNCATE are refused by triggers, as for referral_handoff.
export class AuditLog1764806400000 implements MigrationInterface {
  name = 'AuditLog1764806400000';

  async up(db: QueryRunner): Promise<void> {
    // No foreign keys: an event outlives whatever it names (a user, a referral) and must never block their removal.
    // details holds safe values only (enum, number, boolean and id arguments), never personal data, passwords or tokens.
    await db.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_role text NOT NULL,
        operation text NOT NULL CHECK (operation <> ''),
        object_type text,
        object_id text,
        result text NOT NULL CHECK (result <> ''),
        client_address text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object')
      )`);
    // The admin query pages newest first (by id) within these filters.
    await db.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, id DESC)`);
    await db.query(`CREATE INDEX audit_event_object_idx ON audit_event (object_id, id DESC)`);
    await db.query(`CREATE INDEX audit_event_operation_idx ON audit_event (operation, id DESC)`);
    await db.query(`CREATE INDEX audit_event_at_idx ON audit_event (at)`);
    await db.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    // Row triggers do not see TRUNCATE; a statement trigger does.
    await db.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_event`);
    await db.query(`DROP FUNCTION audit_event_append_only`);
  }
}
