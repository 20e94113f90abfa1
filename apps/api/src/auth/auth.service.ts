import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '@tsunagu/persistence';
import { unauthenticated } from '../common/graphql-errors';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { LoginThrottle } from './login-throttle.service';
import { hashPassword, verifyPassword } from './passwords';
import { TEMPORARY_PASSWORD_EXPIRED, temporaryPasswordExpired } from './temporary-password';
import { TokenService } from './token.service';
import { Viewer } from '../common/viewer';
import { UsersRepository } from '../users/users.repository';

// Verifying against a fixed hash when the email is unknown keeps the answer time the same: no probing for accounts.
const UNKNOWN_USER_HASH = hashPassword('tsunagu-unknown-user');

@Injectable()
export class AuthService {
  private readonly users: UsersRepository;

  constructor(
    @Inject(DataSource) db: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.users = new UsersRepository(db);
  }

  /**
   * Signs a user in. A wrong password, an unknown email and a deactivated user get the same answer; too many failures
   * for the account or from the client address get the rate-limit error, even with the right password. The right
   * temporary password after TSUNAGU_TEMPORARY_PASSWORD_HOURS is refused with its own reason (only to whoever knows it).
   */
  async login(email: string, password: string, clientAddress: string | undefined): Promise<{ token: string; user: UserEntity }> {
    const normalized = email.trim().toLowerCase();
    const user = await this.users.findByEmail(normalized);
    const attempt = await this.throttle.begin(normalized, clientAddress, user?.passwordChangedAt ?? null);
    const valid = await verifyPassword(user?.passwordHash ?? (await UNKNOWN_USER_HASH), password);
    if (!user || !valid || !user.active) throw unauthenticated('Email or password is wrong');
    await this.throttle.succeeded(attempt);
    if (this.temporaryPasswordExpired(user)) {
      throw unauthenticated('The temporary password has expired: ask an administrator to reset it', { reason: TEMPORARY_PASSWORD_EXPIRED });
    }
    return { token: this.tokens.issue(user.id, user.tokenVersion), user };
  }

  /**
   * Whether `password` is the signed-in user's current one, rate-limited like a sign-in (a stolen token must not
   * become a way to guess the password). A wrong one counts as a failed sign-in.
   */
  async checkCurrentPassword(user: UserEntity, password: string, clientAddress: string | undefined): Promise<boolean> {
    const attempt = await this.throttle.begin(user.email, clientAddress, user.passwordChangedAt);
    const valid = await verifyPassword(user.passwordHash, password);
    if (valid) await this.throttle.succeeded(attempt);
    return valid;
  }

  temporaryPasswordExpired(user: Pick<UserEntity, 'mustChangePassword' | 'temporaryPasswordIssuedAt'>): boolean {
    return temporaryPasswordExpired(user, this.config.temporaryPasswordHours);
  }

  /** Ends every session of the user: tokens issued before stop working at their next request. */
  async signOut(userId: string): Promise<void> {
    await this.users.bumpTokenVersion(userId);
  }

  /**
   * The viewer behind a bearer token, or null when the token is bad or expired, the user is gone or deactivated, or
   * the token was issued before the user's password last changed or was reset, or before they were deactivated.
   */
  async viewerFromToken(token: string): Promise<Viewer | null> {
    const claims = this.tokens.verify(token);
    if (!claims) return null;
    const user = await this.users.findActiveById(claims.userId);
    if (!user || user.tokenVersion !== claims.version) return null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
      areaId: user.areaId,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
