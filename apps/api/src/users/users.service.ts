import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationKind } from '@tsunagu/domain';
import { NotificationOutbox, UserEntity } from '@tsunagu/persistence';
import { AuthService } from '../auth/auth.service';
import { passwordProblems } from '../auth/password-policy';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords';
import type { Viewer } from '../common/viewer';
import { TEMPORARY_PASSWORD_EXPIRED } from '../auth/temporary-password';
import { badUserInput, FieldProblem, notFound, unauthenticated } from '../common/graphql-errors';
import type { Page } from '../common/pagination/connection';
import { decodeKeyCursor, encodeKeyCursor, textPart, uuidPart } from '../common/pagination/key-cursor';
import { isUniqueViolation } from '../common/unique-violation';
import { CreateUserInput } from './dto/create-user.input';
import { UserFilter } from './dto/users.args';
import { placementProblems } from './user-placement';
import { UsersRepository } from './users.repository';

export type UserPage = Page<UserEntity>;

/**
 * User accounts: administrators create, list, deactivate, reactivate them and reset their passwords (the resolver
 * checks the role); every user changes their own password. Whatever voids a password or an account bumps the user's
 * token_version, so every token issued before stops working at the next request.
 */
@Injectable()
export class UsersService {
  private readonly users: UsersRepository;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly auth: AuthService,
  ) {
    this.users = new UsersRepository(db);
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return user;
  }

  /** A page of users in email order (byte order), after the cursor. */
  async page(filter: UserFilter = {}, first: number, after?: string): Promise<UserPage> {
    return this.users.page(filter, first, after ? decodeUserCursor(after) : null);
  }

  /**
   * Creates a user with a temporary password (returned once, stored as a hash) that they must change, recording when
   * and by which administrator it was issued (it expires; the audit log names the administrator at its first use).
   */
  async create(viewer: Viewer, input: CreateUserInput): Promise<{ user: UserEntity; temporaryPassword: string }> {
    const organization = input.organizationId ? await this.users.findOrganization(input.organizationId) : undefined;
    const area = input.areaCode ? await this.users.findAreaByCode(input.areaCode) : undefined;
    const problems: FieldProblem[] = [];
    if (await this.users.emailTaken(input.email)) problems.push(emailTaken());
    problems.push(...placementProblems({ role: input.role, organization, area }));
    if (problems.length) throw badUserInput(problems);

    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    try {
      // The account and the mail telling its user (never the password) commit together (docs/NOTIFICATIONS.md).
      const id = await this.db.transaction(async (tx) => {
        const id = await new UsersRepository(tx).insertTemporaryAccount({
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          organizationId: organization?.id ?? null,
          areaId: area?.id ?? null,
          passwordHash,
          issuedBy: viewer.id,
        });
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
      const users = new UsersRepository(tx);
      const rows = await users.lockForUpdate([id, viewer.id]);
      if (!rows.some((row) => row.id === id)) throw notFound('User');
      if (!rows.some((row) => row.id === viewer.id && row.active)) throw unauthenticated('The token is invalid or has expired: sign in again');
      await users.deactivate(id);
    });
    return this.get(id);
  }

  /** The user may sign in again (with their password as it was); tokens from before the deactivation stay void. */
  async reactivate(id: string): Promise<UserEntity> {
    if (!(await this.users.reactivate(id))) throw notFound('User');
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
      const issued = await new UsersRepository(tx).issueTemporaryPassword(id, passwordHash, viewer.id);
      if (!issued) throw notFound('User');
      // The user learns of the reset (not the password: the administrator hands that over), in this transaction.
      await new NotificationOutbox(tx).enqueue({
        sourceKey: `user:${id}:${NotificationKind.PASSWORD_RESET_DONE}:${new Date(issued.issuedAt).toISOString()}`,
        kind: NotificationKind.PASSWORD_RESET_DONE,
        facts: { recipientName: issued.displayName },
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
    const user = await this.users.findActiveById(viewer.id);
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
    // Reset or deactivated by an administrator in the meantime: this token is already void.
    if (!(await this.users.replacePassword(user.id, passwordHash, user.tokenVersion)))
      throw unauthenticated('The token is invalid or has expired: sign in again');
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
