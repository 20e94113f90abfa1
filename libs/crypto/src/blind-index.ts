// Keyed blind indexes: what lets SQL find an encrypted value by equality without holding it in clear. Each term is an
// HMAC-SHA256 under a key derived (HKDF) from a data key for one purpose, so the index reveals nothing without the key,
// and the same data key never serves both encryption and indexing directly. Stored as `<key id>:<hex>`: after a key
// rotation old rows still match through the old key, as long as it stays in the ring.
import { createHmac, hkdfSync } from 'node:crypto';
import type { DataKey, DataKeyring } from './data-keys';

const derived = new WeakMap<DataKey, Map<string, Buffer>>();

function indexKey(key: DataKey, purpose: string): Buffer {
  let byPurpose = derived.get(key);
  if (!byPurpose) derived.set(key, (byPurpose = new Map()));
  let sub = byPurpose.get(purpose);
  if (!sub) {
    sub = Buffer.from(hkdfSync('sha256', key.key, Buffer.alloc(0), `tsunagu blind index: ${purpose}`, 32));
    byPurpose.set(purpose, sub);
  }
  return sub;
}

function term(key: DataKey, purpose: string, value: string): string {
  return `${key.id}:${createHmac('sha256', indexKey(key, purpose)).update(value, 'utf8').digest('hex')}`;
}

/** The index terms to store for these values, under the active key. */
export function blindIndexTerms(ring: DataKeyring, purpose: string, values: readonly string[]): string[] {
  return values.map((value) => term(ring.active, purpose, value));
}

/** The terms a search for this value matches: one per key in the ring, so rows indexed under an older key are found. */
export function blindIndexQueryTerms(ring: DataKeyring, purpose: string, value: string): string[] {
  return ring.ids.map((id) => term(ring.find(id)!, purpose, value));
}
