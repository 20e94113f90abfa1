import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

// Hashing and generating passwords. argon2id with the library's defaults (the same as the demo data's hashes).

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** False for a wrong password and for a hash that is not argon2 at all. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** 32 letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0 O 1 l I). */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A temporary password an administrator hands on: 16 characters of a 32-symbol alphabet (80 random bits), in four
 * groups: `k7pq-3wna-xe9f-2mtc`. 256 is a multiple of 32, so each byte maps to a symbol without bias.
 */
export function generateTemporaryPassword(): string {
  const symbols = [...randomBytes(16)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}
