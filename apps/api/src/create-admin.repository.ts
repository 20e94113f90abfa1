// What `npm run create-admin` reads and writes: the administrators there are, the new administrator's account and its
// audit row. Meant to run in one transaction, the lock first. No Nest here: the db tier runs these on a real PostgreSQL.
import type { DataSource, EntityManager } from 'typeorm';
import { Role } from '@tsunagu/domain';

export class CreateAdminRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * One run at a time: two runs at once could otherwise both see no administrator. Held until the transaction ends
   * (so only meaningful on a transaction's EntityManager).
   */
  async lockAgainstOtherRuns(): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('tsunagu:create-admin'))`);
  }

  /** The email of an active administrator, if there is any. */
  async findActiveAdministratorEmail(): Promise<string | null> {
    const [admin]: Array<{ email: string }> = await this.db.query(`SELECT email FROM app_user WHERE role = $1 AND active LIMIT 1`, [Role.ADMIN]);
    return admin ? admin.email : null;
  }

  /** Whether a user, active or not, has this email. */
  async emailTaken(email: string): Promise<boolean> {
    const [taken] = await this.db.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    return Boolean(taken);
  }

  /** An administrator who must change the temporary password (issued now, by nobody: the console). Returns the id. */
  async insertAdministrator(email: string, displayName: string, passwordHash: string): Promise<string> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash, must_change_password,
                             temporary_password_issued_at)
       VALUES ($1, $2, $3, NULL, NULL, $4, true, now()) RETURNING id`,
      [email, displayName, Role.ADMIN, passwordHash],
    );
    return row.id;
  }

  /** Recorded like every user change (docs/SECURITY.md, "Audit log"); the actor is the operator at the console. */
  async recordCreation(userId: string, email: string): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_event (actor_user_id, actor_role, operation, object_type, object_id, result, details)
       VALUES (NULL, 'CONSOLE', 'create-admin', 'User', $1, 'OK', $2)`,
      [userId, JSON.stringify({ email, role: Role.ADMIN })],
    );
  }
}
