import { Inject, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import { API_CONFIG, ApiConfig } from '../config/api-config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a valid token says: who, and which of the user's token versions it was issued under. */
export interface TokenClaims {
  userId: string;
  /** The user's token_version when the token was issued; 0 for tokens without the claim (issued before it existed). */
  version: number;
}

/**
 * Signed, expiring access tokens (HS256). The token names the user and their token version only; role and scope are
 * read fresh each request, and a token whose version is no longer the user's is refused (AuthService).
 */
@Injectable()
export class TokenService {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  issue(userId: string, tokenVersion: number): string {
    return jwt.sign({ ver: tokenVersion }, this.config.jwtSecret, {
      algorithm: 'HS256',
      subject: userId,
      issuer: 'tsunagu',
      expiresIn: this.config.tokenTtlSeconds,
    });
  }

  /** The claims of a valid token, or null for a bad, forged or expired one. */
  verify(token: string): TokenClaims | null {
    try {
      const payload = jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'], issuer: 'tsunagu' });
      // A token without an expiry would never expire: this api never issues one, so none is valid.
      if (typeof payload !== 'object' || typeof payload.sub !== 'string' || !UUID.test(payload.sub) || typeof payload.exp !== 'number') return null;
      const version = payload.ver ?? 0;
      if (!Number.isSafeInteger(version) || version < 0) return null;
      return { userId: payload.sub, version };
    } catch {
      return null;
    }
  }
}
