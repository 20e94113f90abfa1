import { isIP } from 'node:net';
import { isAbsolute } from 'node:path';
import { ConfigError, Env, readEnum, readInteger, readString } from '@tsunagu/domain';
import { MetricsConfig, readMetricsConfig } from '@tsunagu/observability';
import { GraphqlLimits, readGraphqlLimits } from '../common/graphql-hardening/limits';

export interface LoginLimits {
  /** Length of the sliding window, in seconds. */
  windowSeconds: number;
  /** Failures per account (email) within the window; the next attempt is refused, even with the right password. */
  maxFailuresPerAccount: number;
  /** Failures per client address within the window, whatever the accounts. */
  maxFailuresPerAddress: number;
}

export interface ApiConfig {
  port: number;
  environment: 'development' | 'production' | 'test';
  /** HMAC key for access tokens; at least 32 characters. */
  jwtSecret: string;
  tokenTtlSeconds: number;
  /** How long a temporary password (createUser, resetUserPassword, create-admin) can be used to sign in. */
  temporaryPasswordHours: number;
  /** Sliding-window limits on failed sign-ins (and wrong current passwords), per account and per client address. */
  loginLimits: LoginLimits;
  /**
   * Express `trust proxy`: which proxies may tell the client's address in X-Forwarded-For. false trusts none (the
   * socket's peer is the client); a number trusts that many hops; a list names proxy addresses, subnets or the
   * presets loopback, linklocal, uniquelocal.
   */
  trustProxy: false | number | string[];
  /** Depth, alias, token and cost limits on GraphQL documents and the request body size (graphql-hardening/). */
  graphqlLimits: GraphqlLimits;
  /** How many days back `suggestedRegionalIssues` looks when not told (TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS). */
  issueSuggestionWindowDays: number;
  /** Upper bound on every Temporal call a request waits on; past it the caller gets UNAVAILABLE (common/temporal-calls.ts). */
  temporalCallTimeoutSeconds: number;
  /** The /metrics listener: its own port, loopback by default (TSUNAGU_METRICS_PORT, TSUNAGU_METRICS_HOST; metrics/). */
  metrics: MetricsConfig;
  /** The local mail catcher's folder (npm start, tests), listed by keptMails (送信メール); unset: mail goes to a real server. */
  mailCatcherDir?: string;
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
    temporaryPasswordHours: readInteger(env, 'TSUNAGU_TEMPORARY_PASSWORD_HOURS', 72, { min: 1, max: 30 * 24 }),
    loginLimits: {
      windowSeconds: readInteger(env, 'TSUNAGU_LOGIN_WINDOW_SECONDS', 15 * 60, { min: 1, max: 24 * 60 * 60 }),
      maxFailuresPerAccount: readInteger(env, 'TSUNAGU_LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, { min: 1, max: 1000 }),
      maxFailuresPerAddress: readInteger(env, 'TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS', 20, { min: 1, max: 100000 }),
    },
    trustProxy: readTrustProxy(env, 'TSUNAGU_TRUST_PROXY'),
    graphqlLimits: readGraphqlLimits(env),
    issueSuggestionWindowDays: readInteger(env, 'TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS', 90, { min: 1, max: 730 }),
    temporalCallTimeoutSeconds: readInteger(env, 'TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS', 15, { min: 1, max: 300 }),
    metrics: readMetricsConfig(env),
    mailCatcherDir: readMailCatcherDir(env, 'MAIL_CATCHER_DIR'),
  };
}

/** Absolute, so the api reads the folder the catcher writes whatever its working directory. */
function readMailCatcherDir(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!isAbsolute(raw)) throw new ConfigError(name, `must be an absolute path; got "${raw}"`);
  return raw;
}

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/** Unset or false: no proxy; a hop count; or a comma-separated list of addresses, CIDR subnets and presets. */
export function readTrustProxy(env: Env, name: string): false | number | string[] {
  const raw = env[name]?.trim() ?? '';
  if (raw === '' || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') {
    throw new ConfigError(name, 'must not be true: trusting every proxy lets any client choose its address; give a hop count or the proxies');
  }
  if (/^\d+$/.test(raw)) return readInteger(env, name, 0, { min: 1, max: 10 });
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isProxyEntry(entry)) {
      throw new ConfigError(
        name,
        `must be a hop count or a comma-separated list of addresses, subnets and ${PROXY_PRESETS.join(', ')}; got "${entry}"`,
      );
    }
  }
  return entries;
}

function isProxyEntry(entry: string): boolean {
  if (PROXY_PRESETS.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
