/**
 * `X-ADM-Auth-Session` tokens. Apple issues one per `GET /session`, expires it "after a period of
 * time" and "periodically issues a new" one in responses; clients must adopt the new value. Here
 * a session lives `lifetimeMs` from its issue, and every `rotateEvery` data calls in one line of
 * sessions (a sign-in and its successors) a successor is issued on the response. The predecessor
 * stays valid until its own expiry, so a client that misses one header is not locked out, but a
 * client that never adopts new values eventually gets 401 `UNAUTHORIZED`.
 *
 * A session is bound to the access token it was signed in with: once the token is replaced or
 * expires, the session answers 401 too, and the client's re-sign-in meets `token_rejected` or
 * `token_expired` on `/session`. Sessions are not persisted (Apple's would not survive either).
 */
import type { SeededRandom } from './random.js';

/** One issued session token. */
export interface Session {
  readonly token: string;
  readonly serverUuid: string;
  readonly accessToken: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** Shared by a sign-in and its rotated successors: counts their data calls. */
  readonly line: { calls: number };
  expired: boolean;
}

/** What a presented token turned out to be. */
export type SessionLookup = { kind: 'valid'; session: Session } | { kind: 'expired' } | { kind: 'unknown' };

/** Options of the store. */
export interface SessionStoreOptions {
  lifetimeMs: number;
  /** 0 = never rotate. */
  rotateEvery: number;
}

/** The live (and recently expired) sessions. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly random: SeededRandom,
    private readonly options: SessionStoreOptions,
  ) {}

  /** A new session line for a successful sign-in. */
  signIn(serverUuid: string, accessToken: string, now: number): Session {
    return this.issue(serverUuid, accessToken, now, { calls: 0 });
  }

  /** Looks a presented token up; expired ones are remembered a while so they answer 401, not 403. */
  lookup(token: string, now: number): SessionLookup {
    const session = this.sessions.get(token);
    if (!session) return { kind: 'unknown' };
    if (session.expired || now >= session.expiresAt) return { kind: 'expired' };
    return { kind: 'valid', session };
  }

  /** Counts a data call; returns the successor when this call is the one that rotates. */
  recordDataCall(session: Session, now: number): Session | null {
    if (this.options.rotateEvery <= 0) return null;
    session.line.calls += 1;
    if (session.line.calls < this.options.rotateEvery) return null;
    session.line.calls = 0;
    return this.issue(session.serverUuid, session.accessToken, now, session.line);
  }

  /** Expires every session now (tests, and `POST /simulator/sessions/expire`). */
  expireAll(): void {
    for (const session of this.sessions.values()) session.expired = true;
  }

  /** How many tokens are remembered (for tests of the sweep). */
  size(): number {
    return this.sessions.size;
  }

  private issue(serverUuid: string, accessToken: string, now: number, line: { calls: number }): Session {
    this.sweep(now);
    const session: Session = {
      token: this.random.hex(128),
      serverUuid,
      accessToken,
      issuedAt: now,
      expiresAt: now + this.options.lifetimeMs,
      line,
      expired: false,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** Forgets sessions a whole lifetime past expiry; after that their token is just unknown (403). */
  private sweep(now: number): void {
    for (const [token, session] of this.sessions) {
      if (session.expiresAt + this.options.lifetimeMs > now) break;
      this.sessions.delete(token);
    }
  }
}
