import { Inject, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import { API_CONFIG, ApiConfig } from '../config/api-config';

/** Signed, expiring access tokens (HS256). The token names the user only; role and scope are read fresh each request. */
@Injectable()
export class TokenService {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  issue(userId: string): string {
    return jwt.sign({}, this.config.jwtSecret, {
      algorithm: 'HS256',
      subject: userId,
      issuer: 'tsunagu',
      expiresIn: this.config.tokenTtlSeconds,
    });
  }

  /** The user id in a valid token, or null for a bad, forged or expired one. */
  verify(token: string): string | null {
    try {
      const payload = jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'], issuer: 'tsunagu' });
      return typeof payload === 'object' && typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}
