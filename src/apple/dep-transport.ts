/**
 * The Device Assignment API's transport, under {@link DepClient}: the OAuth 1.0a sign-in that yields a session,
 * `X-ADM-Auth-Session` on every call (adopting the one Apple rotates), one re-sign-in and replay when Apple drops
 * the session, retries of throttling and server failures (honouring `Retry-After`), per-request timeouts, and
 * strict reading of answers. Endpoints, paging and batching live in the client; this file knows only HTTP.
 */
import { depApiError, parseAppleErrorBody, sameAppleCode } from './dep-errors.js';
import type { DepSessionResponse } from './dep-types.js';
import { createNonce, signOAuth1, type DepCredentials } from './oauth1.js';
import { backoffDelay, honoursRetryAfter, isRetryableStatus, parseRetryAfter } from './retry.js';

/** `X-Server-Protocol-Version` sent by default: 10 adds `THROTTLED` + `retry_after_seconds` on assign (as Fleet sends). */
export const DEP_DEFAULT_PROTOCOL_VERSION = 10;
/** The `Content-Type` Apple documents, spelled as Apple spells it ("UTF8", no hyphen). */
export const DEP_CONTENT_TYPE = 'application/json;charset=UTF8';

/** Retry tuning; every field has a default. */
export interface DepRetryOptions {
  /**
   * HTTP attempts for one request before giving up with `APPLE_UNAVAILABLE`, the first included. Default 5.
   * The replay after a re-sign-in starts a new count.
   */
  maxAttempts?: number;
  /** Backoff ceiling of the first retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Backoff never waits longer than this. Default 30 s. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the call fails at once. Default 10 min. */
  maxRetryAfterMs?: number;
  /**
   * Asked as each call starts: the most that call may wait between its attempts in total, or
   * null for no total (each wait still at most `maxRetryAfterMs`). The caller's context decides:
   * a request someone waits on gets a few seconds, background work null. A wait that would pass
   * the total is not begun: the call fails at once with `APPLE_UNAVAILABLE` and `retryAfter`.
   */
  waitLimitMs?: () => number | null;
}

/** How to reach Apple and as whom. */
export interface DepClientOptions {
  /** e.g. `https://mdmenrollment.apple.com` or a simulator's `http://127.0.0.1:8081`; a trailing slash is ignored. */
  baseUrl: string;
  credentials: DepCredentials;
  /** Sent on every call, `/session` included; Apple refuses a missing one and some it dislikes (`USER_AGENT_INVALID`). */
  userAgent: string;
  /** `X-Server-Protocol-Version`; default {@link DEP_DEFAULT_PROTOCOL_VERSION}. */
  protocolVersion?: number;
  /** For OAuth timestamps and `Retry-After` dates. Default: the system clock. */
  clock?: { now(): Date };
  /** Waits between retries. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Only for backoff jitter (nonces always come from the CSPRNG). Default `Math.random`. */
  random?: () => number;
  retry?: DepRetryOptions;
  /** Per HTTP attempt, headers and body included; a timed-out attempt counts as a network failure. Default 60 s. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Called when Apple issues a session (`GET /session`) or rotates it (`X-ADM-Auth-Session` response header), so the
   * caller can keep it across restarts. It should not throw; if it does, the error is ignored, because a failed
   * save must not turn a call Apple already carried out (an assignment, say) into an apparent failure.
   */
  onSession?: (session: string) => void;
  /** A session saved earlier; used until Apple refuses it. */
  initialSession?: string;
}

/** The methods the Device Assignment API uses. */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

interface PreparedRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Counts the HTTP requests of one logical call, across retries and the replay after a re-sign-in, and its waits. */
interface AttemptCounter {
  attempts: number;
  /** Waited between attempts so far. */
  waitedMs: number;
  /** The most the call may wait in total; null: no total. */
  readonly waitLimitMs: number | null;
}

/** `details` of a call that gives up on a wait: `retryAfter` in whole seconds (as `Retry-After` and `RATE_LIMITED` say it), and the exact ms. */
function retryAfter(ms: number): { retryAfter: number; retryAfterMs: number } {
  return { retryAfter: Math.ceil(ms / 1000), retryAfterMs: ms };
}

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Signs in, calls, retries and re-signs in; one per token, shared by concurrent calls. */
export class DepTransport {
  private readonly baseUrl: string;
  private readonly credentials: DepCredentials;
  private readonly userAgent: string;
  private readonly protocolVersion: number;
  private readonly clock: { now(): Date };
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly waitLimitMs: () => number | null;
  private readonly requestTimeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly onSession: ((session: string) => void) | undefined;
  private session: string | null;
  private signingIn: Promise<string> | null = null;

  constructor(options: DepClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.credentials = options.credentials;
    this.userAgent = options.userAgent;
    this.protocolVersion = options.protocolVersion ?? DEP_DEFAULT_PROTOCOL_VERSION;
    this.clock = options.clock ?? { now: () => new Date() };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 5);
    this.baseDelayMs = options.retry?.baseDelayMs ?? 500;
    this.maxDelayMs = options.retry?.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? 600_000;
    this.waitLimitMs = options.retry?.waitLimitMs ?? (() => null);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.onSession = options.onSession;
    this.session = options.initialSession || null;
  }

  /** The session in use, if any (the latest Apple issued or rotated). */
  get currentSession(): string | null {
    return this.session;
  }

  private url(path: string, query?: Record<string, string>): string {
    const search = query ? `?${new URLSearchParams(query).toString()}` : '';
    return `${this.baseUrl}${path}${search}`;
  }

  private commonHeaders(): Record<string, string> {
    return {
      'User-Agent': this.userAgent,
      'X-Server-Protocol-Version': String(this.protocolVersion),
      // Sent on body-less calls too: nanodep found Apple's simulator needs it on /session, and Apple accepts it everywhere.
      'Content-Type': DEP_CONTENT_TYPE,
    };
  }

  private setSession(session: string): void {
    if (session === this.session) return;
    this.session = session;
    try {
      this.onSession?.(session);
    } catch {
      // See DepClientOptions.onSession: persistence trouble must not fail a call Apple has already carried out.
    }
  }

  private newCounter(): AttemptCounter {
    return { attempts: 0, waitedMs: 0, waitLimitMs: this.waitLimitMs() };
  }

  /** The current session, signing in first if there is none; concurrent callers share one sign-in. */
  private async ensureSession(): Promise<string> {
    if (this.session !== null) return this.session;
    if (this.signingIn === null) {
      this.signingIn = this.signIn().finally(() => {
        this.signingIn = null;
      });
    }
    return this.signingIn;
  }

  /** `GET /session` with a fresh OAuth signature per attempt (Apple refuses a reused nonce). */
  private async signIn(): Promise<string> {
    const endpoint = 'GET /session';
    const url = this.url('/session');
    const counter = this.newCounter();
    const answer = await this.send(endpoint, counter, true, () => {
      const { authorization } = signOAuth1({
        method: 'GET',
        url,
        credentials: this.credentials,
        timestamp: Math.floor(this.clock.now().getTime() / 1000),
        nonce: createNonce(),
      });
      return { method: 'GET', url, headers: { ...this.commonHeaders(), Authorization: authorization } };
    });
    if (answer.status < 200 || answer.status > 299) {
      throw depApiError({
        status: answer.status,
        appleCode: parseAppleErrorBody(answer.text),
        session: true,
        endpoint,
        attempts: counter.attempts,
      });
    }
    const body = this.parseBody<DepSessionResponse>(answer, endpoint, counter, (value) =>
      isRecord(value) && typeof value['auth_session_token'] === 'string' && value['auth_session_token'] !== ''
        ? null
        : 'no auth_session_token',
    );
    this.setSession(body.auth_session_token);
    return body.auth_session_token;
  }

  /**
   * One logical call: session, retries, one re-sign-in and replay of the same (buffered) body when Apple answers 401,
   * or 403 `FORBIDDEN` (its "session invalid"); any other 403 (terms, access denied) is final.
   */
  async call<T>(
    method: HttpMethod,
    path: string,
    request: { body?: unknown; query?: Record<string, string> },
    shapeProblem: (value: unknown) => string | null,
  ): Promise<T> {
    const endpoint = `${method} ${path}`;
    const url = this.url(path, request.query);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const counter = this.newCounter();
    let reauthenticated = false;
    for (;;) {
      const sessionUsed = await this.ensureSession();
      const answer = await this.send(endpoint, counter, false, () => ({
        method,
        url,
        // A retry picks up a session rotated meanwhile by a concurrent call.
        headers: { ...this.commonHeaders(), 'X-ADM-Auth-Session': this.session ?? sessionUsed },
        ...(body === undefined ? {} : { body }),
      }));
      const rotated = answer.headers.get('x-adm-auth-session');
      if (rotated) this.setSession(rotated);
      if (answer.status >= 200 && answer.status <= 299) return this.parseBody<T>(answer, endpoint, counter, shapeProblem);
      const appleCode = parseAppleErrorBody(answer.text);
      const sessionRefused = answer.status === 401 || (answer.status === 403 && sameAppleCode(appleCode, 'FORBIDDEN'));
      if (sessionRefused && !reauthenticated) {
        reauthenticated = true;
        // Only forget the session this request used: a concurrent call may already have signed in again.
        if (this.session === sessionUsed || this.session === rotated) this.session = null;
        continue;
      }
      throw depApiError({
        status: answer.status,
        appleCode,
        session: false,
        afterReauth: reauthenticated,
        endpoint,
        attempts: counter.attempts,
      });
    }
  }

  /**
   * Sends one request, retrying network failures, 429 and 5xx up to `maxAttempts` in total. 429/503 wait for
   * `Retry-After` when Apple gives one (failing at once if it exceeds `maxRetryAfterMs`), everything else waits a
   * jittered exponential backoff. Returns the first non-retryable answer (success or a 4xx).
   */
  private async send(endpoint: string, counter: AttemptCounter, session: boolean, prepare: () => PreparedRequest): Promise<Answer> {
    for (let failures = 1; ; failures += 1) {
      counter.attempts += 1;
      const request = prepare();
      let answer: Answer | null = null;
      let networkError: unknown = null;
      try {
        const response = await this.fetchImpl(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          signal: AbortSignal.timeout(this.requestTimeoutMs),
        });
        // Read inside the try: a connection cut (or the timeout) mid-body is a network failure like any other.
        answer = { status: response.status, headers: response.headers, text: await response.text() };
      } catch (error) {
        networkError = error;
      }
      if (answer !== null && !isRetryableStatus(answer.status)) return answer;

      const status = answer?.status ?? null;
      const appleCode = answer === null ? null : parseAppleErrorBody(answer.text);
      const reason = networkError === null ? undefined : describeNetworkError(networkError, this.requestTimeoutMs);
      const fail = (extra: Record<string, unknown> = {}) =>
        depApiError({ status, appleCode, session, endpoint, attempts: counter.attempts, ...(reason ? { reason } : {}) }, extra, {
          cause: networkError ?? undefined,
        });
      const retryAfterMs =
        answer !== null && honoursRetryAfter(answer.status) ? parseRetryAfter(answer.headers.get('retry-after'), this.clock.now()) : null;
      if (failures >= this.maxAttempts) throw fail(retryAfterMs === null ? {} : retryAfter(retryAfterMs));
      // Waiting longer than the cap would hold a sync or a GraphQL request hostage; report it and let the caller reschedule.
      if (retryAfterMs !== null && retryAfterMs > this.maxRetryAfterMs) throw fail(retryAfter(retryAfterMs));
      const delay = retryAfterMs ?? backoffDelay(failures, { baseDelayMs: this.baseDelayMs, maxDelayMs: this.maxDelayMs }, this.random);
      // Someone waits on this call: say when to try again rather than keep them waiting.
      if (counter.waitLimitMs !== null && counter.waitedMs + delay > counter.waitLimitMs) throw fail(retryAfter(Math.max(delay, 1)));
      counter.waitedMs += delay;
      await this.sleep(delay);
    }
  }

  private parseBody<T>(answer: Answer, endpoint: string, counter: AttemptCounter, shapeProblem: (value: unknown) => string | null): T {
    let value: unknown;
    let problem: string | null;
    try {
      // An empty 2xx body (e.g. disown with nothing to report) reads as an empty object.
      value = answer.text.trim() === '' ? {} : JSON.parse(answer.text);
      problem = shapeProblem(value);
    } catch {
      problem = 'not JSON';
    }
    if (problem !== null) {
      throw depApiError({
        status: answer.status,
        appleCode: null,
        session: false,
        endpoint,
        attempts: counter.attempts,
        reason: `unexpected response: ${problem}`,
      });
    }
    return value as T;
  }
}
