import { MigrationInterface, QueryRunner } from 'typeorm';

// Account security: tokens that die when a password changes or a user is deactivated, temporary passwords, and the
// login attempts that rate limiting counts (shared by every api process).
export class UserSecurity1764720000000 implements MigrationInterface {
  name = 'UserSecurity1764720000000';

  async up(db: QueryRunner): Promise<void> {
    // token_version goes into every token; bumping it (password changed or reset, user deactivated) voids all of them.
    await db.query(`
      ALTER TABLE app_user
        ADD COLUMN token_version integer NOT NULL DEFAULT 0 CHECK (token_version >= 0),
        ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX app_user_organization_idx ON app_user (organization_id)`);
    // email_hash: an HMAC of the lower-cased email, so unknown emails are counted too and no address is stored in clear.
    await db.query(`
      CREATE TABLE login_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        email_hash text NOT NULL,
        client_address text NOT NULL,
        success boolean NOT NULL
      )`);
    await db.query(`CREATE INDEX login_attempt_account_idx ON login_attempt (email_hash, at)`);
    await db.query(`CREATE INDEX login_attempt_address_idx ON login_attempt (client_address, at)`);
    await db.query(`CREATE INDEX login_attempt_at_idx ON login_attempt (at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_attempt`);
    await db.query(`DROP INDEX app_user_organization_idx`);
    await db.query(`ALTER TABLE app_user DROP COLUMN must_change_password, DROP COLUMN password_changed_at, DROP COLUMN token_version`);
  }
}
