import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationKind } from '@tsunagu/domain';
import { AreaEntity, NotificationOutbox, OrganizationEntity, UserEntity } from '@tsunagu/persistence';
import { AuthService } from '../auth/auth.service';
import { passwordProblems } from '../auth/password-policy';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords';
import type { Viewer } from '../common/viewer';
import { TEMPORARY_PASSWORD_EXPIRED } from '../auth/temporary-password';
import { badUserInput, FieldProblem, notFound, unauthenticated } from '../common/graphql-errors';
import type { Page } from '../common/pagination/connection';
import { decodeKeyCursor, encodeKeyCursor, textPart, uuidPart } from '../common/pagination/key-cursor';
import { isUniqueViolation } from '../directory/organizations.service';
import { CreateUserInput } from './dto/create-user.input';
import { UserFilter } from './dto/users.args';
import { placementProblems } from './user-placement';

export type UserPage = Page<UserEntity>;

/**
 * User accounts: administrators create, list, deactivate, reactivate them and reset their passwords (the resolver
 * checks the role); every user changes their own password. Whatever voids a password or an account bumps the user's
 * token_version, so every token issued before stops working at the next request.
 */
@Injectable()
export class UsersService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly auth: AuthService,
  ) {}

  async get(id: string): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  /** A page of users in email order (byte order), after the cursor. */
  async page(filter: UserFilter = {}, first: number, after?: string): Promise<UserPage> {
    const query = this.db.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.organizationId) query.andWhere('u.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.active !== undefined && filter.active !== null) query.andWhere('u.active = :active', { active: filter.active });
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeUserCursor(after);
      query.andWhere('(u.email COLLATE "C", u.id) > (:cursorEmail COLLATE "C", :cursorId)', { cursorEmail: cursor.email, cursorId: cursor.id });
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
   * Creates a user with a temporary password (returned once, stored as a hash) that they must change, recording when
   * and by which administrator it was issued (it expires; the audit log names the administrator at its first use).
   */
  async create(viewer: Viewer, input: CreateUserInput): Promise<{ user: UserEntity; temporaryPassword: string }> {
    const organization = input.organizationId ? await this.db.getRepository(OrganizationEntity).findOneBy({ id: input.organizationId }) : undefined;
    const area = input.areaCode ? await this.db.getRepository(AreaEntity).findOneBy({ code: input.areaCode }) : undefined;
    const problems: FieldProblem[] = [];
    if (await this.db.getRepository(UserEntity).existsBy({ email: input.email })) problems.push(emailTaken());
    problems.push(...placementProblems({ role: input.role, organization, area }));
    if (problems.length) throw badUserInput(problems);

    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    try {
      // The account and the mail telling its user (never the password) commit together (docs/NOTIFICATIONS.md).
      const id = await this.db.transaction(async (tx) => {
        const [{ id }]: Array<{ id: string }> = await tx.query(
          `INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash, must_change_password,
                                 temporary_password_issued_at, temporary_password_issued_by)
           VALUES ($1, $2, $3, $4, $5, $6, true, now(), $7) RETURNING id`,
          [input.email, input.displayName, input.role, organization?.id ?? null, area?.id ?? null, passwordHash, viewer.id],
        );
        await new NotificationOutbox(tx).enqueue({
          sourceKey: `user:${id}:${NotificationKind.ACCOUNT_CREATED}`,
          kind: NotificationKind.ACCOUNT_CREATED,
          facts: { recipientName: input.displayName },
          recipients: { userId: id },
          at: new Date(),
        });
        return id;
      });
      return { user: await this.get(id), temporaryPassword };
    } catch (error) {
      // Another administrator created the same email meanwhile.
      if (isUniqueViolation(error, 'app_user_email_key')) throw badUserInput([emailTaken()]);
      throw error;
    }
  }

  /**
   * The user can no longer sign in, and their tokens stop working at once. An administrator cannot deactivate
   * themself, so there is always an active administrator: the rows of both are locked (in id order), so two
   * administrators deactivating each other at the same moment cannot both succeed.
   */
  async deactivate(viewer: Viewer, id: string): Promise<UserEntity> {
    if (id === viewer.id) throw badUserInput([{ field: 'id', message: 'you cannot deactivate yourself: ask another administrator' }]);
    await this.db.transaction(async (tx) => {
      const rows: Array<{ id: string; active: boolean }> = await tx.query(
        `SELECT id, active FROM app_user WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[id, viewer.id]],
      );
      if (!rows.some((row) => row.id === id)) throw notFound('User');
      if (!rows.some((row) => row.id === viewer.id && row.active)) throw unauthenticated('The token is invalid or has expired: sign in again');
      await tx.query(`UPDATE app_user SET active = false, token_version = token_version + 1 WHERE id = $1 AND active`, [id]);
    });
    return this.get(id);
  }

  /** The user may sign in again (with their password as it was); tokens from before the deactivation stay void. */
  async reactivate(id: string): Promise<UserEntity> {
    const [rows]: [Array<{ id: string }>, number] = await this.db.query(`UPDATE app_user SET active = true WHERE id = $1 RETURNING id`, [id]);
    if (!rows.length) throw notFound('User');
    return this.get(id);
  }

  /**
   * Replaces the password with a temporary one the user must change; their tokens stop working, and failed sign-ins
   * before the reset no longer count against the account (a locked-out user can sign in with the new password).
   */
  async resetPassword(viewer: Viewer, id: string): Promise<{ user: UserEntity; temporaryPassword: string }> {
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.db.transaction(async (tx) => {
      const [rows]: [Array<{ id: string; display_name: string; issued_at: Date }>, number] = await tx.query(
        `UPDATE app_user SET password_hash = $2, must_change_password = true, password_changed_at = now(), token_version = token_version + 1,
                             temporary_password_issued_at = now(), temporary_password_issued_by = $3
          WHERE id = $1 RETURNING id, display_name, temporary_password_issued_at AS issued_at`,
        [id, passwordHash, viewer.id],
      );
      if (!rows.length) throw notFound('User');
      // The user learns of the reset (not the password: the administrator hands that over), in this transaction.
      await new NotificationOutbox(tx).enqueue({
        sourceKey: `user:${id}:${NotificationKind.PASSWORD_RESET_DONE}:${new Date(rows[0].issued_at).toISOString()}`,
        kind: NotificationKind.PASSWORD_RESET_DONE,
        facts: { recipientName: rows[0].display_name },
        recipients: { userId: id },
        at: new Date(),
      });
    });
    return { user: await this.get(id), temporaryPassword };
  }

  /**
   * The signed-in user replaces their password. A wrong current password is BAD_USER_INPUT on `currentPassword`
   * (the caller is signed in; their session is fine) and counts as a failed sign-in for the rate limit. Afterwards
   * every token of the user, the one used here included, stops working: they sign in again with the new password.
   * An expired temporary password can no longer be replaced (an administrator resets it). Returns the account as it
   * was, so the caller can tell whether a temporary password was replaced.
   */
  async changeMyPassword(viewer: Viewer, currentPassword: string, newPassword: string, clientAddress: string | undefined): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: viewer.id, active: true });
    if (!user) throw unauthenticated('The token is invalid or has expired: sign in again');
    if (this.auth.temporaryPasswordExpired(user)) {
      throw unauthenticated('The temporary password has expired: ask an administrator to reset it', { reason: TEMPORARY_PASSWORD_EXPIRED });
    }
    const problems: FieldProblem[] = passwordProblems(newPassword, { email: user.email, currentPassword }).map((message) => ({
      field: 'newPassword',
      message,
    }));
    if (!(await this.auth.checkCurrentPassword(user, currentPassword, clientAddress))) {
      problems.unshift({ field: 'currentPassword', message: 'is not your current password' });
    }
    if (problems.length) throw badUserInput(problems);

    const passwordHash = await hashPassword(newPassword);
    const [rows]: [Array<{ id: string }>, number] = await this.db.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, password_changed_at = now(), token_version = token_version + 1,
                           temporary_password_issued_at = NULL, temporary_password_issued_by = NULL
        WHERE id = $1 AND active AND token_version = $3 RETURNING id`,
      [user.id, passwordHash, user.tokenVersion],
    );
    // Reset or deactivated by an administrator in the meantime: this token is already void.
    if (!rows.length) throw unauthenticated('The token is invalid or has expired: sign in again');
    return user;
  }
}

function emailTaken(): FieldProblem {
  return { field: 'email', message: 'another user already has this email address' };
}

/** [email, id]. */
export function encodeUserCursor(user: Pick<UserEntity, 'email' | 'id'>): string {
  return encodeKeyCursor([user.email, user.id]);
}

function decodeUserCursor(cursor: string): { email: string; id: string } {
  const [email, id] = decodeKeyCursor(cursor, [textPart(320), uuidPart]);
  return { email, id };
}
