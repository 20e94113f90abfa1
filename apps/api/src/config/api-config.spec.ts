import { ConfigError } from '@tsunagu/domain';
import { readApiConfig } from './api-config';

const base = { TSUNAGU_JWT_SECRET: 'x'.repeat(40) };

function problem(env: Record<string, string>): string {
  try {
    readApiConfig({ ...base, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a configuration error');
}

describe('readApiConfig: login limits', () => {
  it('defaults to 5 failures per account and 20 per address in 15 minutes', () => {
    expect(readApiConfig(base).loginLimits).toEqual({ windowSeconds: 900, maxFailuresPerAccount: 5, maxFailuresPerAddress: 20 });
  });

  it('reads each setting', () => {
    const config = readApiConfig({
      ...base,
      TSUNAGU_LOGIN_WINDOW_SECONDS: '60',
      TSUNAGU_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS: '100',
    });
    expect(config.loginLimits).toEqual({ windowSeconds: 60, maxFailuresPerAccount: 3, maxFailuresPerAddress: 100 });
  });

  it.each([
    ['TSUNAGU_LOGIN_WINDOW_SECONDS', '0', 'at least 1'],
    ['TSUNAGU_LOGIN_WINDOW_SECONDS', '86401', 'at most 86400'],
    ['TSUNAGU_LOGIN_WINDOW_SECONDS', '15m', 'whole number'],
    ['TSUNAGU_LOGIN_MAX_FAILURES_PER_ACCOUNT', '0', 'at least 1'],
    ['TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS', '-1', 'at least 1'],
  ])('stops on %s=%s', (variable, value, message) => {
    const text = problem({ [variable]: value });
    expect(text).toContain(`Configuration error: ${variable}`);
    expect(text).toContain(message);
  });
});

describe('readApiConfig: trusted proxies', () => {
  it('trusts no proxy by default, or when false', () => {
    expect(readApiConfig(base).trustProxy).toBe(false);
    expect(readApiConfig({ ...base, TSUNAGU_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes a hop count', () => {
    expect(readApiConfig({ ...base, TSUNAGU_TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('takes a list of presets, addresses and subnets', () => {
    expect(readApiConfig({ ...base, TSUNAGU_TRUST_PROXY: 'loopback, 10.0.0.0/8,192.0.2.10, fd00::/8, ::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.0.2.10',
      'fd00::/8',
      '::1',
    ]);
  });

  it.each([
    ['true', 'must not be true'],
    ['0', 'at least 1'],
    ['11', 'at most 10'],
    ['proxy.example.jp', 'proxy.example.jp'],
    ['10.0.0.0/33', '10.0.0.0/33'],
    ['loopback,', 'got ""'],
  ])('stops on TSUNAGU_TRUST_PROXY=%s', (value, message) => {
    const text = problem({ TSUNAGU_TRUST_PROXY: value });
    expect(text).toContain('Configuration error: TSUNAGU_TRUST_PROXY');
    expect(text).toContain(message);
  });
});

describe('readApiConfig: regional issue suggestions', () => {
  it('looks 90 days back by default, or as many as set', () => {
    expect(readApiConfig(base).issueSuggestionWindowDays).toBe(90);
    expect(readApiConfig({ ...base, TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS: '30' }).issueSuggestionWindowDays).toBe(30);
  });

  it.each([
    ['0', 'at least 1'],
    ['731', 'at most 730'],
    ['3m', 'whole number'],
  ])('stops on TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS=%s', (value, message) => {
    const text = problem({ TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS: value });
    expect(text).toContain('Configuration error: TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS');
    expect(text).toContain(message);
  });
});

describe('readApiConfig: bound on Temporal calls', () => {
  it('waits at most 15 s by default, or as many as set', () => {
    expect(readApiConfig(base).temporalCallTimeoutSeconds).toBe(15);
    expect(readApiConfig({ ...base, TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS: '3' }).temporalCallTimeoutSeconds).toBe(3);
  });

  it.each([
    ['0', 'at least 1'],
    ['301', 'at most 300'],
    ['15s', 'whole number'],
  ])('stops on TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS=%s', (value, message) => {
    const text = problem({ TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS: value });
    expect(text).toContain('Configuration error: TSUNAGU_TEMPORAL_CALL_TIMEOUT_SECONDS');
    expect(text).toContain(message);
  });
});

describe('readApiConfig: temporary passwords', () => {
  it('keep working for 72 hours by default, or as many as set', () => {
    expect(readApiConfig(base).temporaryPasswordHours).toBe(72);
    expect(readApiConfig({ ...base, TSUNAGU_TEMPORARY_PASSWORD_HOURS: '24' }).temporaryPasswordHours).toBe(24);
  });

  it.each([
    ['0', 'at least 1'],
    ['721', 'at most 720'],
    ['3d', 'whole number'],
  ])('stops on TSUNAGU_TEMPORARY_PASSWORD_HOURS=%s', (value, message) => {
    const text = problem({ TSUNAGU_TEMPORARY_PASSWORD_HOURS: value });
    expect(text).toContain('Configuration error: TSUNAGU_TEMPORARY_PASSWORD_HOURS');
    expect(text).toContain(message);
  });
});

describe('readApiConfig: the mail catcher folder (送信メール)', () => {
  it('is unset by default and read when given', () => {
    expect(readApiConfig(base).mailCatcherDir).toBeUndefined();
    expect(readApiConfig({ ...base, MAIL_CATCHER_DIR: ' ' }).mailCatcherDir).toBeUndefined();
    expect(readApiConfig({ ...base, MAIL_CATCHER_DIR: '/srv/tsunagu/.data/mail' }).mailCatcherDir).toBe('/srv/tsunagu/.data/mail');
  });

  it('stops on a relative path', () => {
    expect(problem({ MAIL_CATCHER_DIR: '.data/mail' })).toContain('Configuration error: MAIL_CATCHER_DIR must be an absolute path');
  });
});
