// User accounts (app_user): the lookups of sign-in and tokens, the administrators' list, and the writes that create,
// (de)activate and re-password an account. No Nest here: the db tier runs these against a real PostgreSQL.
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@tsunagu/domain';
// A narrow entry, not @tsunagu/persistence: its index loads the Nest module, which the db tier cannot require.
import { AreaEntity, OrganizationEntity, UserEntity } from '@tsunagu/persistence/entities';
import type { Page } from '../common/pagination/connection';

/** Which users a page lists: any mix of role, organisation and whether they may sign in. */
export interface UserListFilter {
  role?: Role | null;
  organizationId?: string | null;
  active?: boolean | null;
}

/** A new account whose password is a temporary one an administrator issued. */
export interface TemporaryAccount {
  email: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  areaId: string | null;
  passwordHash: string;
  issuedBy: string;
}

export class UsersRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  /** The user, when they may sign in. */
  findActiveById(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id, active: true });
  }

  /** Active or not: `email` as stored (lower-case). */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ email });
  }

  emailTaken(email: string): Promise<boolean> {
    return this.db.getRepository(UserEntity).existsBy({ email });
  }

  /** The active user with this (lower-case) email, with the name a mail to them starts with. */
  async findActiveNameByEmail(email: string): Promise<{ id: string; displayName: string } | null> {
    const [user]: Array<{ id: string; display_name: string }> = await this.db.query(
      `SELECT id, display_name FROM app_user WHERE email = $1 AND active`,
      [email],
    );
    return user ? { id: user.id, displayName: user.display_name } : null;
  }

  /** The organisation a new user would belong to. */
  findOrganization(id: string): Promise<OrganizationEntity | null> {
    return this.db.getRepository(OrganizationEntity).findOneBy({ id });
  }

  /** The area a new tier-2 coordinator would look after. */
  findAreaByCode(code: string): Promise<AreaEntity | null> {
    return this.db.getRepository(AreaEntity).findOneBy({ code });
  }

  /** A page of users in email order (byte order), after `after` (the last row of the previous page). */
  async page(filter: UserListFilter, first: number, after: { email: string; id: string } | null): Promise<Page<UserEntity>> {
    const query = this.db.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.organizationId) query.andWhere('u.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.active !== undefined && filter.active !== null) query.andWhere('u.active = :active', { active: filter.active });
    const totalCount = await query.clone().getCount();
    if (after) {
      query.andWhere('(u.email COLLATE "C", u.id) > (:cursorEmail COLLATE "C", :cursorId)', { cursorEmail: after.email, cursorId: after.id });
    }
    // Byte order ("C"), the same whatever the database's locale: a cursor compares exactly as the list is sorted.
    const rows = await query
      .orderBy('u.email COLLATE "C"', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
  }

  /**
   * Inserts a user who must change the password, recording when and by which administrator it was issued. Returns
   * the new id; a taken email fails with the unique violation of app_user_email_key.
   */
  async insertTemporaryAccount(account: TemporaryAccount): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash, must_change_password,
                             temporary_password_issued_at, temporary_password_issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, true, now(), $7) RETURNING id`,
      [account.email, account.displayName, account.role, account.organizationId, account.areaId, account.passwordHash, account.issuedBy],
    );
    return id;
  }

  /** Locks the rows of these users (in id order, so two transactions locking the same pair cannot deadlock); the ones that exist. */
  lockForUpdate(ids: string[]): Promise<Array<{ id: string; active: boolean }>> {
    return this.db.query(`SELECT id, active FROM app_user WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  /** An active user can no longer sign in and their tokens are void; an inactive one stays as it is. */
  async deactivate(id: string): Promise<void> {
    await this.db.query(`UPDATE app_user SET active = false, token_version = token_version + 1 WHERE id = $1 AND active`, [id]);
  }

  /** Whether the user exists (and may now sign in again). */
  async reactivate(id: string): Promise<boolean> {
    const [rows]: [Array<{ id: string }>, number] = await this.db.query(`UPDATE app_user SET active = true WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  /**
   * Replaces the password with a temporary one issued by `issuedBy` now, voiding the user's tokens; failed sign-ins
   * before it stop counting (password_changed_at). The user's name and the issue time, or null when there is no such user.
   */
  async issueTemporaryPassword(id: string, passwordHash: string, issuedBy: string): Promise<{ displayName: string; issuedAt: Date } | null> {
    const [rows]: [Array<{ id: string; display_name: string; issued_at: Date }>, number] = await this.db.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = true, password_changed_at = now(), token_version = token_version + 1,
                           temporary_password_issued_at = now(), temporary_password_issued_by = $3
        WHERE id = $1 RETURNING id, display_name, temporary_password_issued_at AS issued_at`,
      [id, passwordHash, issuedBy],
    );
    return rows.length ? { displayName: rows[0].display_name, issuedAt: rows[0].issued_at } : null;
  }

  /**
   * The user's own new password, voiding their tokens, only while they are active and their tokens are still of
   * `tokenVersion`. False when not (reset or deactivated by an administrator in the meantime).
   */
  async replacePassword(id: string, passwordHash: string, tokenVersion: number): Promise<boolean> {
    const [rows]: [Array<{ id: string }>, number] = await this.db.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, password_changed_at = now(), token_version = token_version + 1,
                           temporary_password_issued_at = NULL, temporary_password_issued_by = NULL
        WHERE id = $1 AND active AND token_version = $3 RETURNING id`,
      [id, passwordHash, tokenVersion],
    );
    return rows.length > 0;
  }

  /** Every token issued to the user before stops working at its next request. */
  async bumpTokenVersion(id: string): Promise<void> {
    await this.db.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }
}
