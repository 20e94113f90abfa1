import { Env, readInteger, readUrl } from '@tsunagu/domain';

export interface DatabaseConfig {
  url: string;
  poolSize: number;
}

export function readDatabaseConfig(env: Env): DatabaseConfig {
  return {
    url: readUrl(env, 'DATABASE_URL', ['postgres', 'postgresql']),
    poolSize: readInteger(env, 'DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
  };
}
