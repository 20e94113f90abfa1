import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { UserEntity } from '@tsunagu/persistence';
import { unauthenticated } from '../common/graphql-errors';
import { TokenService } from './token.service';
import { Viewer } from './viewer';

// Verifying against a fixed hash when the email is unknown keeps the answer time the same: no probing for accounts.
const UNKNOWN_USER_HASH = argon2.hash('tsunagu-unknown-user', { type: argon2.argon2id });

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; user: UserEntity }> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
    const valid = await argon2.verify(user?.passwordHash ?? (await UNKNOWN_USER_HASH), password);
    if (!user || !valid || !user.active) throw unauthenticated('Email or password is wrong');
    return { token: this.tokens.issue(user.id), user };
  }

  /** The viewer behind a bearer token, or null when the token is bad or the user is gone or deactivated. */
  async viewerFromToken(token: string): Promise<Viewer | null> {
    const userId = this.tokens.verify(token);
    if (!userId) return null;
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId, active: true });
    if (!user) return null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
      areaId: user.areaId,
    };
  }
}
