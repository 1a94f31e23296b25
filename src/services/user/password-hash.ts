/**
 * Password hashing for the user directory: node:crypto scrypt, a memory-hard KDF, so a stolen
 * database costs an attacker real memory and time per guess.
 *
 * A hash is one self-describing string, `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`: the cost
 * travels with each hash, so raising `USER_PASSWORD_SCRYPT_LOG_N` later leaves every existing
 * password verifiable (old hashes keep their old cost until the password changes).
 *
 * Always the async `scrypt`, which runs on libuv's thread pool: `scryptSync` would stop the event
 * loop (and every other request) for the whole derivation, about 150 ms at the default cost.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** The default cost: N = 2^15, r = 8, p = 1 (32 MiB and about 100 to 150 ms per hash on one core). */
export const DEFAULT_SCRYPT_LOG_N = 15;
/** The costs `USER_PASSWORD_SCRYPT_LOG_N` may choose, and the only ones a stored hash may claim. */
export const SCRYPT_LOG_N_RANGE = { min: 10, max: 20 } as const;
/** Password lengths, in characters (code points), that `checkPassword` accepts. */
export const PASSWORD_LENGTH = { min: 8, max: 256 } as const;

const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

/** The scrypt parameters of a hash, as stored in it. */
export interface ScryptCost {
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

function derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // scrypt needs 128 * N * r bytes; Node refuses anything above `maxmem` (32 MiB by default,
  // which N = 2^15 with r = 8 just exceeds), so allow what this cost needs plus headroom.
  const maxmem = 256 * N * cost.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { N, r: cost.r, p: cost.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A new hash of `password` at cost 2^`logN`, with a fresh random salt. */
export async function hashPassword(password: string, logN: number = DEFAULT_SCRYPT_LOG_N): Promise<string> {
  if (!Number.isInteger(logN) || logN < SCRYPT_LOG_N_RANGE.min || logN > SCRYPT_LOG_N_RANGE.max) {
    throw new RangeError(`scrypt logN must be a whole number from ${SCRYPT_LOG_N_RANGE.min} to ${SCRYPT_LOG_N_RANGE.max}, not ${logN}`);
  }
  const salt = randomBytes(SALT_BYTES);
  const cost = { logN, r: BLOCK_SIZE, p: PARALLELISM };
  const key = await derive(password, salt, cost, KEY_BYTES);
  return [PREFIX, logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The cost and parts of a stored hash, or null when it is not one `hashPassword` could have made. */
export function parsePasswordHash(encoded: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [logN, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,2}$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  // Bounded, so a tampered row cannot make one sign-in allocate gigabytes or run for minutes.
  if (!(logN >= SCRYPT_LOG_N_RANGE.min && logN <= SCRYPT_LOG_N_RANGE.max && r >= 1 && r <= 32 && p >= 1 && p <= 16)) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { cost: { logN, r, p }, salt, key };
}

/**
 * Whether `password` is the one `encoded` was made from. Costs one derivation at the hash's own
 * cost; the comparison takes the same time wherever the keys differ. A malformed hash verifies
 * nothing (false), never throws.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** The password's length problem in words, or null when its length is acceptable. */
export function passwordLengthProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max) {
    return `must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters.`;
  }
  return null;
}
