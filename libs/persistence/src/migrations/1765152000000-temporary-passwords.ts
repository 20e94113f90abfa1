import { MigrationInterface, QueryRunner } from 'typeorm';

// Temporary passwords expire (TSUNAGU_TEMPORARY_PASSWORD_HOURS), and the audit log names who handed one out: so the
// account row keeps when its temporary password was issued and by whom (an administrator's id; null from the console).
export class TemporaryPasswords1765152000000 implements MigrationInterface {
  name = 'TemporaryPasswords1765152000000';

  async up(db: QueryRunner): Promise<void> {
    // No foreign key on issued_by, as in audit_event: it names a user and must never block anything about them.
    await db.query(`
      ALTER TABLE app_user
        ADD COLUMN temporary_password_issued_at timestamptz,
        ADD COLUMN temporary_password_issued_by uuid`);
    // A temporary password outstanding now was issued when the password last changed (createUser, a reset).
    await db.query(`UPDATE app_user SET temporary_password_issued_at = password_changed_at WHERE must_change_password`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE app_user DROP COLUMN temporary_password_issued_by, DROP COLUMN temporary_password_issued_at`);
  }
}
