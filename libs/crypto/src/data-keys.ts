// The data keys that encrypt personal data: at rest in PostgreSQL (column by column) and in Temporal's histories (the
// payload codec). Read from configuration and validated at start-up by every process that reads or writes personal
// data. Node crypto only (no TypeORM, no Nest), so the Temporal payload codec (libs/temporal) and the column encryption
// (libs/persistence) share it without pulling in each other.
import { randomBytes } from 'node:crypto';
import { ConfigError, Env } from '@tsunagu/domain';

export const DATA_KEYS_VARIABLE = 'TSUNAGU_DATA_KEYS';
export const ACTIVE_DATA_KEY_VARIABLE = 'TSUNAGU_DATA_KEY_ACTIVE';

/** A key id: short, no `:` (it is a field of the ciphertext format), safe to log and to put in a LIKE-free prefix test. */
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const DATA_KEY_BYTES = 32;

export interface DataKey {
  readonly id: string;
  /** 32 bytes for AES-256-GCM. Never logged, never quoted in an error. */
  readonly key: Buffer;
}

/**
 * Every key a process may decrypt with, and the one it encrypts with. Reads accept any key in the ring, writes use the
 * active one: a new key is rolled out to every process first, made active second (docs/OPERATIONS.md, "Data keys").
 */
export class DataKeyring {
  private readonly byId: ReadonlyMap<string, DataKey>;
  readonly active: DataKey;

  constructor(keys: readonly DataKey[], activeId: string) {
    if (keys.length === 0) throw new Error('a data keyring needs at least one key');
    const byId = new Map<string, DataKey>();
    for (const key of keys) {
      if (!KEY_ID.test(key.id)) throw new Error(`data key id "${key.id}" must match ${KEY_ID}`);
      if (key.key.length !== DATA_KEY_BYTES) throw new Error(`data key "${key.id}" must be ${DATA_KEY_BYTES} bytes`);
      if (byId.has(key.id)) throw new Error(`data key id "${key.id}" appears twice`);
      byId.set(key.id, key);
    }
    const active = byId.get(activeId);
    if (!active) throw new Error(`the active data key "${activeId}" is not in the ring`);
    this.byId = byId;
    this.active = active;
  }

  find(id: string): DataKey | undefined {
    return this.byId.get(id);
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }
}

/**
 * `TSUNAGU_DATA_KEYS=k2026a:<base64 of 32 bytes>,k2025:<base64>` (comma-separated `id:key`), and
 * `TSUNAGU_DATA_KEY_ACTIVE=k2026a` naming the key new data is encrypted with (optional when the ring holds one key).
 * A bad value stops the process naming the variable; key material is never quoted.
 */
export function readDataKeys(env: Env): DataKeyring {
  const raw = env[DATA_KEYS_VARIABLE]?.trim();
  if (!raw) {
    throw new ConfigError(
      DATA_KEYS_VARIABLE,
      'is required but not set: give one or more <key id>:<base64 of 32 random bytes>, comma-separated (openssl rand -base64 32)',
    );
  }
  const keys: DataKey[] = [];
  const entries = raw.split(',').map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    const where = entries.length > 1 ? `entry ${index + 1}` : 'value';
    const colon = entry.indexOf(':');
    if (colon < 0) throw new ConfigError(DATA_KEYS_VARIABLE, `${where} must be <key id>:<base64 key>`);
    const id = entry.slice(0, colon).trim();
    const material = entry.slice(colon + 1).trim();
    if (!KEY_ID.test(id)) {
      throw new ConfigError(DATA_KEYS_VARIABLE, `${where}: the key id must be 1 to 32 letters, digits, "-" or "_" (starting with a letter or digit)`);
    }
    if (keys.some((key) => key.id === id)) throw new ConfigError(DATA_KEYS_VARIABLE, `lists the key id "${id}" twice`);
    const key = BASE64.test(material) ? Buffer.from(material, 'base64') : null;
    if (!key || key.length !== DATA_KEY_BYTES || key.toString('base64').replace(/=+$/, '') !== material.replace(/=+$/, '')) {
      throw new ConfigError(DATA_KEYS_VARIABLE, `key "${id}" must be base64 of exactly ${DATA_KEY_BYTES} bytes (openssl rand -base64 32)`);
    }
    keys.push({ id, key });
  });

  const activeRaw = env[ACTIVE_DATA_KEY_VARIABLE]?.trim();
  if (!activeRaw && keys.length > 1) {
    throw new ConfigError(ACTIVE_DATA_KEY_VARIABLE, `is required when ${DATA_KEYS_VARIABLE} lists more than one key: name the one to encrypt with`);
  }
  const activeId = activeRaw || keys[0].id;
  if (!keys.some((key) => key.id === activeId)) {
    throw new ConfigError(
      ACTIVE_DATA_KEY_VARIABLE,
      `names "${activeId}", which is not in ${DATA_KEYS_VARIABLE} (${keys.map((k) => k.id).join(', ')})`,
    );
  }
  return new DataKeyring(keys, activeId);
}

/** A fresh `id:base64` entry for TSUNAGU_DATA_KEYS (dev stack, tests). */
export function generateDataKeyEntry(id: string): string {
  if (!KEY_ID.test(id)) throw new Error(`data key id "${id}" must match ${KEY_ID}`);
  return `${id}:${randomBytes(DATA_KEY_BYTES).toString('base64')}`;
}
