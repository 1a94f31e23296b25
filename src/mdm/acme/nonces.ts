/**
 * ACME anti-replay nonces (RFC 8555 section 6.5): each one accepted once, within a short life.
 *
 * Kept in memory, not in the database: a nonce lives seconds, and every ACME request would otherwise
 * write and delete a row. What is lost on a restart is only the nonces then outstanding; a client
 * whose nonce is refused gets `badNonce` with a fresh one in `Replay-Nonce` and retries (the RFC
 * requires clients to), so nothing a device needs is lost. Several Homeroom instances behind one
 * address would each refuse the others' nonces in the same way; the retry lands on whichever answers.
 */
import crypto from 'node:crypto';

/** How long a nonce is good for: a device uses it within the next request. */
export const NONCE_LIFETIME_MS = 5 * 60 * 1000;
/** Bound on outstanding nonces, so a client asking for nonces in a loop cannot grow memory without end. */
const MAXIMUM_OUTSTANDING = 100_000;

export class NonceStore {
  /** Nonce to expiry (ms), in issue order: the oldest come first when pruning. */
  private readonly outstanding = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new nonce: 128 random bits, base64url. */
  issue(): string {
    this.prune();
    const nonce = crypto.randomBytes(16).toString('base64url');
    this.outstanding.set(nonce, this.now() + NONCE_LIFETIME_MS);
    return nonce;
  }

  /** Whether `nonce` was issued here, is still fresh, and was not used before; it is used up either way. */
  consume(nonce: string): boolean {
    const expires = this.outstanding.get(nonce);
    if (expires === undefined) return false;
    this.outstanding.delete(nonce);
    return expires > this.now();
  }

  /** Outstanding nonces (for tests and metrics). */
  get size(): number {
    return this.outstanding.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [nonce, expires] of this.outstanding) {
      if (expires > now && this.outstanding.size < MAXIMUM_OUTSTANDING) break;
      this.outstanding.delete(nonce);
    }
  }
}
