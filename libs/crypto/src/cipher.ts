// AES-256-GCM with associated data, in two forms: a self-describing text value for a database column
// (`enc:v1:<key id>:<iv base64>:<ciphertext+tag base64>`) and raw bytes for the Temporal payload codec (the key id
// travels in the payload's metadata). Errors name the key id and the binding, never the plaintext or the key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKey, DataKeyring } from './data-keys';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SEALED_TEXT_PREFIX = 'enc:v1:';

export class DataDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDecryptionError';
  }
}

/** iv (12 bytes) | ciphertext | tag (16 bytes); `aad` binds it to where it belongs. */
export function sealBytes(key: DataKey, plaintext: Uint8Array, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export function openBytes(key: DataKey, sealed: Uint8Array, aad: string): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new DataDecryptionError(`data sealed with key "${key.id}" for ${aad} is truncated`);
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    // Wrong key material under the right id, a value moved from elsewhere (other row or column), or tampering.
    throw new DataDecryptionError(`data sealed with key "${key.id}" does not authenticate for ${aad}`);
  }
}

/** Encrypts `plaintext` with the ring's active key into the column format. */
export function sealText(ring: DataKeyring, plaintext: string, aad: string): string {
  const key = ring.active;
  const sealed = sealBytes(key, Buffer.from(plaintext, 'utf8'), aad);
  const iv = sealed.subarray(0, IV_BYTES);
  const body = sealed.subarray(IV_BYTES);
  return `${SEALED_TEXT_PREFIX}${key.id}:${iv.toString('base64')}:${body.toString('base64')}`;
}

export function isSealedText(value: string): boolean {
  return value.startsWith(SEALED_TEXT_PREFIX);
}

/** The key id of a sealed text value, or null for anything else. */
export function sealedTextKeyId(value: string): string | null {
  if (!isSealedText(value)) return null;
  const id = value.slice(SEALED_TEXT_PREFIX.length).split(':', 1)[0];
  return id || null;
}

/** Decrypts a value in the column format with whichever key of the ring it names. */
export function openText(ring: DataKeyring, value: string, aad: string): string {
  const parts = value.slice(SEALED_TEXT_PREFIX.length).split(':');
  if (!isSealedText(value) || parts.length !== 3) throw new DataDecryptionError(`a value for ${aad} is not in the enc:v1 format`);
  const [keyId, iv, body] = parts;
  const key = ring.find(keyId);
  if (!key) {
    throw new DataDecryptionError(
      `a value for ${aad} is sealed with data key "${keyId}", which is not in TSUNAGU_DATA_KEYS (${ring.ids.join(', ')})`,
    );
  }
  return openBytes(key, Buffer.concat([Buffer.from(iv, 'base64'), Buffer.from(body, 'base64')]), aad).toString('utf8');
}
