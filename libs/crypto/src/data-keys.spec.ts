import { randomBytes } from 'node:crypto';
import { ConfigError } from '@tsunagu/domain';
import { DataKeyring, generateDataKeyEntry, readDataKeys } from './data-keys';

const b64 = () => randomBytes(32).toString('base64');

function configError(fn: () => unknown, variable: string): string {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  expect((caught as ConfigError).variable).toBe(variable);
  expect((caught as ConfigError).message).toMatch(new RegExp(`^Configuration error: ${variable} `));
  return (caught as ConfigError).message;
}

describe('readDataKeys', () => {
  it('reads one key, which is active without naming it', () => {
    const ring = readDataKeys({ TSUNAGU_DATA_KEYS: `k2026a:${b64()}` });
    expect(ring.active.id).toBe('k2026a');
    expect(ring.active.key).toHaveLength(32);
    expect(ring.ids).toEqual(['k2026a']);
  });

  it('reads several keys and the active one; any key can be found', () => {
    const ring = readDataKeys({ TSUNAGU_DATA_KEYS: ` k2026a:${b64()} , k2025:${b64()}`, TSUNAGU_DATA_KEY_ACTIVE: 'k2025' });
    expect(ring.active.id).toBe('k2025');
    expect(ring.ids).toEqual(['k2026a', 'k2025']);
    expect(ring.find('k2026a')?.key).toHaveLength(32);
    expect(ring.find('nope')).toBeUndefined();
  });

  it('accepts what generateDataKeyEntry makes', () => {
    expect(readDataKeys({ TSUNAGU_DATA_KEYS: generateDataKeyEntry('dev1') }).active.id).toBe('dev1');
  });

  it('stops when the keys are missing', () => {
    expect(configError(() => readDataKeys({}), 'TSUNAGU_DATA_KEYS')).toContain('is required');
    configError(() => readDataKeys({ TSUNAGU_DATA_KEYS: '  ' }), 'TSUNAGU_DATA_KEYS');
  });

  it.each([
    ['no id', b64(), '<key id>:<base64 key>'],
    ['an empty id', `:${b64()}`, 'key id'],
    ['a bad id', `k 1:${b64()}`, 'key id'],
    ['not base64', 'k1:not*base64!', 'base64 of exactly 32 bytes'],
    ['16 bytes', `k1:${randomBytes(16).toString('base64')}`, 'base64 of exactly 32 bytes'],
    ['33 bytes', `k1:${randomBytes(33).toString('base64')}`, 'base64 of exactly 32 bytes'],
    ['a twice-listed id', `k1:${b64()},k1:${b64()}`, 'twice'],
  ])('stops on %s, never quoting key material', (_, value, problem) => {
    const message = configError(() => readDataKeys({ TSUNAGU_DATA_KEYS: value, TSUNAGU_DATA_KEY_ACTIVE: 'k1' }), 'TSUNAGU_DATA_KEYS');
    expect(message).toContain(problem);
    const material = value.split(',')[0].split(':').at(-1)!;
    if (material.length > 8) expect(message).not.toContain(material);
  });

  it('needs the active key named when there are several, and it must be in the ring', () => {
    const keys = `a:${b64()},b:${b64()}`;
    expect(configError(() => readDataKeys({ TSUNAGU_DATA_KEYS: keys }), 'TSUNAGU_DATA_KEY_ACTIVE')).toContain('is required');
    expect(configError(() => readDataKeys({ TSUNAGU_DATA_KEYS: keys, TSUNAGU_DATA_KEY_ACTIVE: 'c' }), 'TSUNAGU_DATA_KEY_ACTIVE')).toContain(
      'not in TSUNAGU_DATA_KEYS (a, b)',
    );
  });

  it('a ring checks its keys', () => {
    expect(() => new DataKeyring([], 'a')).toThrow('at least one key');
    expect(() => new DataKeyring([{ id: 'a', key: randomBytes(16) }], 'a')).toThrow('32 bytes');
    expect(() => new DataKeyring([{ id: 'a', key: randomBytes(32) }], 'b')).toThrow('not in the ring');
  });
});
