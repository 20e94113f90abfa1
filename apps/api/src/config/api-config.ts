import { ConfigError, Env, readEnum, readInteger, readString } from '@tsunagu/domain';

export interface ApiConfig {
  port: number;
  environment: 'development' | 'production' | 'test';
  /** HMAC key for access tokens; at least 32 characters. */
  jwtSecret: string;
  tokenTtlSeconds: number;
}

export const API_CONFIG = Symbol('API_CONFIG');

export function readApiConfig(env: Env): ApiConfig {
  const jwtSecret = readString(env, 'TSUNAGU_JWT_SECRET');
  if (jwtSecret.length < 32) throw new ConfigError('TSUNAGU_JWT_SECRET', 'must be at least 32 characters');
  return {
    port: readInteger(env, 'PORT', 4000, { min: 0, max: 65535 }),
    environment: readEnum(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'production'),
    jwtSecret,
    tokenTtlSeconds: readInteger(env, 'TSUNAGU_TOKEN_TTL_SECONDS', 8 * 60 * 60, { min: 60 }),
  };
}
