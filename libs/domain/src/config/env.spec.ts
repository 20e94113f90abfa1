import { ConfigError, Env, readEnum, readHostPort, readInteger, readString, readUrl } from './env';

/** Runs fn, expects a ConfigError naming the variable, returns its message. */
function configError(fn: () => unknown, variable: string): string {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const error = caught as ConfigError;
  expect(error.variable).toBe(variable);
  expect(error.name).toBe('ConfigError');
  expect(error.message).toContain(variable);
  return error.message;
}

describe('readString', () => {
  it('returns the value, trimmed', () => {
    expect(readString({ NAME: '  tsunagu ' }, 'NAME')).toBe('tsunagu');
  });

  it('falls back when unset, empty or blank', () => {
    expect(readString({}, 'NAME', 'dflt')).toBe('dflt');
    expect(readString({ NAME: '' }, 'NAME', 'dflt')).toBe('dflt');
    expect(readString({ NAME: '   ' }, 'NAME', 'dflt')).toBe('dflt');
  });

  it('a set value wins over the fallback', () => {
    expect(readString({ NAME: 'set' }, 'NAME', 'dflt')).toBe('set');
  });

  it('an empty-string fallback is a valid default', () => {
    expect(readString({}, 'NAME', '')).toBe('');
  });

  it.each<[string, Env]>([
    ['unset', {}],
    ['empty', { JWT_SECRET: '' }],
    ['blank', { JWT_SECRET: ' \t ' }],
  ])('without a fallback, %s is a ConfigError naming the variable', (_label, env) => {
    expect(configError(() => readString(env, 'JWT_SECRET'), 'JWT_SECRET')).toMatch(/JWT_SECRET is required/);
  });
});

describe('readInteger', () => {
  it('defaults when unset or blank', () => {
    expect(readInteger({}, 'PORT', 3000)).toBe(3000);
    expect(readInteger({ PORT: '  ' }, 'PORT', 3000)).toBe(3000);
  });

  it.each<[string, number]>([
    ['8080', 8080],
    [' 42 ', 42],
    ['0', 0],
    ['-5', -5],
    ['007', 7],
  ])('reads %j as %d', (raw, value) => {
    expect(readInteger({ N: raw }, 'N', 1)).toBe(value);
  });

  it.each(['abc', '1.5', '1e3', '0x10', '12abc', '+5', '1 000', '--1'])('rejects %j naming the variable and the value', (raw) => {
    const message = configError(() => readInteger({ WORKER_CONCURRENCY: raw }, 'WORKER_CONCURRENCY', 1), 'WORKER_CONCURRENCY');
    expect(message).toContain('whole number');
    expect(message).toContain(raw.trim());
  });

  it('keeps to the range, bounds included', () => {
    const range = { min: 1, max: 65535 };
    expect(readInteger({ PORT: '1' }, 'PORT', 3000, range)).toBe(1);
    expect(readInteger({ PORT: '65535' }, 'PORT', 3000, range)).toBe(65535);
    expect(configError(() => readInteger({ PORT: '0' }, 'PORT', 3000, range), 'PORT')).toMatch(/at least 1, got 0/);
    expect(configError(() => readInteger({ PORT: '65536' }, 'PORT', 3000, range), 'PORT')).toMatch(/at most 65535, got 65536/);
  });

  it('checks only the bounds it is given', () => {
    expect(readInteger({ N: '-100' }, 'N', 0, { max: 10 })).toBe(-100);
    expect(readInteger({ N: '100000' }, 'N', 0, { min: 10 })).toBe(100000);
  });
});

describe('readUrl', () => {
  const PG = ['postgres', 'postgresql'];

  it('returns a good URL unchanged', () => {
    const url = 'postgres://tsunagu:secret@localhost:5432/tsunagu';
    expect(readUrl({ DATABASE_URL: url }, 'DATABASE_URL', PG)).toBe(url);
    expect(readUrl({ DATABASE_URL: 'postgresql://db/tsunagu' }, 'DATABASE_URL', PG)).toBe('postgresql://db/tsunagu');
  });

  it('uses the fallback when unset', () => {
    expect(readUrl({}, 'DATABASE_URL', PG, 'postgres://localhost/tsunagu')).toBe('postgres://localhost/tsunagu');
  });

  it('is required without a fallback', () => {
    configError(() => readUrl({}, 'DATABASE_URL', PG), 'DATABASE_URL');
  });

  it('rejects a value that is not a URL, naming the variable and the protocols', () => {
    const message = configError(() => readUrl({ DATABASE_URL: 'not a url' }, 'DATABASE_URL', PG), 'DATABASE_URL');
    expect(message).toContain('postgres or postgresql');
  });

  it('rejects the wrong protocol', () => {
    const message = configError(() => readUrl({ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL', PG), 'DATABASE_URL');
    expect(message).toContain('mysql:');
  });

  it('a bad fallback is an error too, naming the variable', () => {
    configError(() => readUrl({}, 'DATABASE_URL', PG, 'http://localhost'), 'DATABASE_URL');
  });

  describe('never puts a password into the error message', () => {
    const PASSWORD = 'Sup3rSecretPw';

    // Each of these fails to parse (or has the wrong protocol), so the value would be quoted back in the message.
    it.each([
      ['a space in the host', `postgres://tsunagu:${PASSWORD}@db host:5432/tsunagu`],
      ['a port out of range', `postgres://tsunagu:${PASSWORD}@localhost:99999/tsunagu`],
      ['a port that is not a number', `postgres://tsunagu:${PASSWORD}@localhost:pg/tsunagu`],
      ['an unclosed IPv6 bracket', `postgresql://tsunagu:${PASSWORD}@[::1:5432/tsunagu`],
      ['a slash inside the password', `postgres://tsunagu:Sup3r/SecretPw@db host/tsunagu`],
      ['a missing colon after the scheme', `postgres//tsunagu:${PASSWORD}@localhost/tsunagu`],
      ['the wrong protocol', `mysql://tsunagu:${PASSWORD}@localhost/tsunagu`],
    ])('%s', (_label, url) => {
      const message = configError(() => readUrl({ DATABASE_URL: url }, 'DATABASE_URL', PG), 'DATABASE_URL');
      expect(message).not.toContain(PASSWORD);
      expect(message).not.toContain('SecretPw');
    });

    // Connection strings whose password a redacting pattern would get wrong: the value is never quoted at all.
    it.each([
      ['an unencoded "@" inside the password', `postgres://tsunagu:Sup3r@SecretPw@db host/tsunagu`],
      ['an empty user name', `postgres://:${PASSWORD}@db host/tsunagu`],
    ])('%s', (_label, url) => {
      const message = configError(() => readUrl({ DATABASE_URL: url }, 'DATABASE_URL', PG), 'DATABASE_URL');
      expect(message).not.toContain(PASSWORD);
      expect(message).not.toContain('SecretPw');
    });
  });
});

describe('readHostPort', () => {
  it.each(['localhost:7233', 'temporal.example.jp:7233', '127.0.0.1:7233', '[::1]:7233', 'temporal-frontend:443'])('accepts %s', (value) => {
    expect(readHostPort({ TEMPORAL_ADDRESS: value }, 'TEMPORAL_ADDRESS')).toBe(value);
  });

  it('trims, and uses the fallback when unset', () => {
    expect(readHostPort({ TEMPORAL_ADDRESS: ' localhost:7233 ' }, 'TEMPORAL_ADDRESS')).toBe('localhost:7233');
    expect(readHostPort({}, 'TEMPORAL_ADDRESS', 'localhost:7233')).toBe('localhost:7233');
  });

  it('is required without a fallback', () => {
    configError(() => readHostPort({}, 'TEMPORAL_ADDRESS'), 'TEMPORAL_ADDRESS');
  });

  it.each(['localhost', 'http://localhost:7233', 'localhost:', ':7233', 'localhost:123456', 'local host:7233', 'localhost:72a3'])(
    'rejects %j naming the variable',
    (value) => {
      expect(configError(() => readHostPort({ TEMPORAL_ADDRESS: value }, 'TEMPORAL_ADDRESS'), 'TEMPORAL_ADDRESS')).toContain('host:port');
    },
  );
});

describe('readEnum', () => {
  const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

  it('defaults when unset or blank', () => {
    expect(readEnum({}, 'LOG_LEVEL', LEVELS, 'info')).toBe('info');
    expect(readEnum({ LOG_LEVEL: ' ' }, 'LOG_LEVEL', LEVELS, 'info')).toBe('info');
  });

  it('reads an allowed value, trimmed', () => {
    expect(readEnum({ LOG_LEVEL: 'warn' }, 'LOG_LEVEL', LEVELS, 'info')).toBe('warn');
    expect(readEnum({ LOG_LEVEL: ' error ' }, 'LOG_LEVEL', LEVELS, 'info')).toBe('error');
  });

  it.each(['verbose', 'WARN', 'warn,error'])('rejects %j, naming the variable and listing the allowed values', (raw) => {
    const message = configError(() => readEnum({ LOG_LEVEL: raw }, 'LOG_LEVEL', LEVELS, 'info'), 'LOG_LEVEL');
    expect(message).toContain('debug, info, warn, error');
    expect(message).toContain(raw);
  });
});

describe('ConfigError', () => {
  it('is an Error carrying the variable', () => {
    const error = new ConfigError('PORT', 'is wrong');
    expect(error).toBeInstanceOf(Error);
    expect(error.variable).toBe('PORT');
    expect(error.message).toBe('Configuration error: PORT is wrong');
  });
});
