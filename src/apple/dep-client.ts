/**
 * A client for Apple's Device Assignment (DEP/ADE) web service, the API behind Apple School Manager's
 * "MDM servers".
 *
 * It owns the transport rules every caller would otherwise get wrong: the OAuth 1.0a sign-in that yields a
 * session, adopting the session Apple rotates, one re-sign-in and replay when Apple drops the session, retries of
 * throttling and server failures (honouring `Retry-After`), per-request timeouts, cursor paging with a guard
 * against Apple's echoed-cursor bug, and batching of device lists at Apple's limit of 1000. Time, sleeping,
 * jitter and `fetch` are injectable so tests run against a local fake without waiting. It knows nothing of
 * Homeroom's database: callers persist cursors and sessions (see {@link DepClientOptions.onSession}).
 */
import { badInput } from '../errors.js';
import { depApiError, parseAppleErrorBody, sameAppleCode } from './dep-errors.js';
import type {
  DepAccount,
  DepAssignDeviceStatus,
  DepAssignProfileRequest,
  DepAssignProfileResponse,
  DepDefineProfileResponse,
  DepDevice,
  DepDeviceDetail,
  DepDeviceDetailsResponse,
  DepDevicesRequest,
  DepDeviceStatus,
  DepDeviceStatusResponse,
  DepFetchDevicesRequest,
  DepFetchDevicesResponse,
  DepProfile,
  DepSessionResponse,
} from './dep-types.js';
import { createNonce, signOAuth1, type DepCredentials } from './oauth1.js';
import { backoffDelay, honoursRetryAfter, isRetryableStatus, parseRetryAfter } from './retry.js';

export type { DepCredentials } from './oauth1.js';

/** Apple's documented maximum of serials per assign call; the client uses it for every device-list call. */
export const DEP_MAX_BATCH = 1000;
/** The largest `limit` the client asks for per fetch/sync page (Apple's documented maximum). */
export const DEP_MAX_PAGE_LIMIT = 1000;
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

/** One page of `/server/devices` or `/devices/sync`, with Apple's fields made convenient. */
export interface DevicePage {
  devices: DepDevice[];
  /** Persist it after each page: the next page, and later syncs, start from it. */
  cursor: string;
  moreToFollow: boolean;
  /** `fetched_until`; `null` when absent, unreadable, or Go's zero time (seen in sync responses). */
  fetchedUntil: Date | null;
  /** Apple's echoed-cursor bug: the same cursor came back with more_to_follow true; iteration stops after this page. */
  cursorEchoed: boolean;
}

/** Per-serial result of assign-profile. */
export type AssignStatus = DepAssignDeviceStatus;

/** One assign call: the serials sent and Apple's verdict for each. */
export interface AssignBatch {
  serials: string[];
  /** Every serial sent has an entry; one Apple left out counts as `FAILED`. */
  results: Record<string, AssignStatus>;
  /** Apple's `retry_after_seconds` (v10, when some serial is `THROTTLED`), or `null`. */
  retryAfterSeconds: number | null;
}

/** All assign batches merged. */
export interface AssignResult {
  results: Record<string, AssignStatus>;
  /** The longest `retry_after_seconds` of any batch, or `null` when no batch had one. */
  retryAfterSeconds: number | null;
  /** How many assign calls were made (0 for an empty serial list). */
  calls: number;
}

type HttpMethod = 'GET' | 'POST' | 'DELETE';

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

/** Counts the HTTP requests of one logical call, across retries and the replay after a re-sign-in. */
interface AttemptCounter {
  attempts: number;
}

const DEVICE_STATUSES: ReadonlySet<string> = new Set(['SUCCESS', 'NOT_ACCESSIBLE', 'FAILED']);
const ASSIGN_STATUSES: ReadonlySet<string> = new Set([...DEVICE_STATUSES, 'THROTTLED']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Unique serials in first-seen order: a duplicate would only waste a slot of a 1000-serial batch. */
function uniqueSerials(serials: readonly string[]): string[] {
  return [...new Set(serials)];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1 || limit > DEP_MAX_PAGE_LIMIT) {
    throw badInput('limit', `must be a whole number from 1 to ${DEP_MAX_PAGE_LIMIT}; got ${limit}.`);
  }
  return limit;
}

/**
 * `fetched_until` as a Date. Go clients zero-fill an absent time as `0001-01-01T00:00:00Z`, and Apple-compatible
 * servers written in Go echo that; any date before 1970 is taken to mean "none".
 */
function parseFetchedUntil(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) || time < 0 ? null : new Date(time);
}

/** A status map with an entry for every serial sent: Apple's value, or `FAILED` when it is missing or unknown. */
function statusesFor<S extends string>(serials: readonly string[], map: unknown, known: ReadonlySet<string>): Record<string, S> {
  const source = isRecord(map) ? map : {};
  const results: Record<string, S> = {};
  for (const serial of serials) {
    const value = source[serial];
    results[serial] = (typeof value === 'string' && known.has(value) ? value : 'FAILED') as S;
  }
  return results;
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The Device Assignment API, one method per endpoint. Every method signs in on first use, reuses the session,
 * and throws {@link DepApiError} (a HomeroomError with an `APPLE_*` code) when Apple refuses or cannot be reached.
 * Safe for concurrent calls: they share one session and one sign-in.
 *
 * Decisions where Apple's documentation is silent or sources disagree (reference sections 1, 3-8):
 * - Assign uses POST, Apple's current method; PUT is only what depsim-era clients send.
 * - `Content-Type: application/json;charset=UTF8` goes on every call, body or not (nanodep does the same for
 *   `/session`); the OAuth header carries `realm="ADM"` as in Apple's example.
 * - `/devices`, `/devices/disown` and `DELETE /profile/devices` have no documented batch limit; they are sent in
 *   batches of {@link DEP_MAX_BATCH} like assign. Duplicate serials are dropped; an empty list makes no call.
 * - In status maps, a serial Apple leaves out, or answers with a value this client does not know, counts as `FAILED`
 *   (Fleet does the same for missing ones), so every serial sent has a verdict.
 * - `more_to_follow` is accepted as a boolean or as the string Apple's 2018 example shows; a page that says "more"
 *   but returns the cursor it was given ends the iteration with `cursorEchoed` (micromdm's guard).
 * - `Retry-After` is honoured on 429 and 503 only; one beyond `maxRetryAfterMs` fails at once with
 *   `details.retryAfterMs`, so the caller can reschedule instead of holding a request for an hour.
 * - The replay after a re-sign-in gets a fresh retry budget; `attempts` on an error counts every request sent.
 * - A 2xx body that is not the JSON expected is `APPLE_UNAVAILABLE` and is not retried (a POST may have taken
 *   effect); an empty 2xx body reads as `{}`.
 */
export class DepClient {
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
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.onSession = options.onSession;
    this.session = options.initialSession || null;
  }

  /** The session in use, if any (the latest Apple issued or rotated). */
  get currentSession(): string | null {
    return this.session;
  }

  /** `GET /account`: the MDM server and organization this token belongs to. Also a cheap "is the token good?" check. */
  async account(): Promise<DepAccount> {
    return this.call<DepAccount>('GET', '/account', {}, (value) => (isRecord(value) ? null : 'not an object'));
  }

  /**
   * One page of `POST /server/devices`: every device assigned to this server, oldest first. Without a cursor (or with
   * `''`) it starts from the beginning. Apple answers `EXHAUSTED_CURSOR` (`APPLE_REQUEST_REJECTED`) when the cursor has
   * already returned everything; switch to {@link syncDevicesPage} then.
   */
  async fetchDevicesPage(request: { cursor?: string; limit?: number } = {}): Promise<DevicePage> {
    const body: DepFetchDevicesRequest = {};
    if (request.cursor) body.cursor = request.cursor;
    const limit = checkLimit(request.limit);
    if (limit !== undefined) body.limit = limit;
    return this.devicePage('/server/devices', body);
  }

  /** Every page of a fetch, following the cursor while `more_to_follow` (and the cursor moves). */
  fetchDevices(request: { cursor?: string; limit?: number } = {}): AsyncIterable<DevicePage> {
    return this.pages((cursor) => this.fetchDevicesPage({ ...request, cursor }), request.cursor);
  }

  /**
   * One page of `POST /devices/sync`: changes since `cursor` (from an earlier fetch or sync), each with `op_type` and
   * `op_date`. The same serial may appear more than once; the latest `op_date` wins. Cursors older than 7 days give
   * `EXPIRED_CURSOR`: start over with a fetch.
   */
  async syncDevicesPage(request: { cursor: string; limit?: number }): Promise<DevicePage> {
    if (!request.cursor) throw badInput('cursor', 'a sync needs the cursor of an earlier fetch or sync.');
    const limit = checkLimit(request.limit);
    return this.devicePage('/devices/sync', limit === undefined ? { cursor: request.cursor } : { cursor: request.cursor, limit });
  }

  /** Every page of a sync, following the cursor while `more_to_follow` (and the cursor moves). */
  syncDevices(request: { cursor: string; limit?: number }): AsyncIterable<DevicePage> {
    return this.pages((cursor) => this.syncDevicesPage({ ...request, cursor: cursor ?? request.cursor }), request.cursor);
  }

  /**
   * `POST /devices`: details of the given serials, keyed by serial. Apple gives a serial it does not let this server see
   * as `{ response_status: 'NOT_FOUND' }`. Apple documents no batch limit here; the client sends at most
   * {@link DEP_MAX_BATCH} per call and merges the answers. A serial Apple leaves out is left out of the result too.
   */
  async deviceDetails(serials: readonly string[]): Promise<Record<string, DepDeviceDetail>> {
    const details: Record<string, DepDeviceDetail> = {};
    for (const batch of chunks(uniqueSerials(serials), DEP_MAX_BATCH)) {
      const response = await this.call<DepDeviceDetailsResponse>(
        'POST',
        '/devices',
        { body: { devices: batch } satisfies DepDevicesRequest },
        (value) => (isRecord(value) && (value['devices'] === undefined || isRecord(value['devices'])) ? null : 'no devices map'),
      );
      Object.assign(details, response.devices ?? {});
    }
    return details;
  }

  /**
   * `POST /profile`: defines an enrollment profile and returns its new UUID. Profiles are immutable; a change is a new
   * profile. If `profile.devices` is set Apple assigns them in the same call and reports per serial in `devices`.
   */
  async defineProfile(
    profile: DepProfile,
  ): Promise<{ profile_uuid: string; devices?: Record<string, 'SUCCESS' | 'NOT_ACCESSIBLE' | 'FAILED'> }> {
    return this.call<DepDefineProfileResponse>('POST', '/profile', { body: profile }, (value) =>
      isRecord(value) && typeof value['profile_uuid'] === 'string' && value['profile_uuid'] !== '' ? null : 'no profile_uuid',
    );
  }

  /** `GET /profile?profile_uuid=…`: a defined profile. An unknown UUID is `NOT_FOUND` (`APPLE_REQUEST_REJECTED`). */
  async getProfile(profileUuid: string): Promise<DepProfile & { profile_uuid: string }> {
    return this.call<DepProfile & { profile_uuid: string }>('GET', '/profile', { query: { profile_uuid: profileUuid } }, (value) =>
      isRecord(value) ? null : 'not an object',
    );
  }

  /**
   * Assigns a profile, one `POST /profile/devices` per batch of at most {@link DEP_MAX_BATCH} serials (duplicates
   * dropped), yielding each batch's results as it completes, so a caller can record progress even if a later batch
   * fails. POST is Apple's current method (PUT is the legacy one depsim-era clients use).
   */
  async *assignProfileBatches(profileUuid: string, serials: readonly string[]): AsyncIterable<AssignBatch> {
    for (const batch of chunks(uniqueSerials(serials), DEP_MAX_BATCH)) {
      const body: DepAssignProfileRequest = { profile_uuid: profileUuid, devices: batch };
      const response = await this.call<DepAssignProfileResponse>('POST', '/profile/devices', { body }, (value) =>
        isRecord(value) ? null : 'not an object',
      );
      const retryAfter = response.retry_after_seconds;
      yield {
        serials: batch,
        results: statusesFor<AssignStatus>(batch, response.devices, ASSIGN_STATUSES),
        retryAfterSeconds: typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
      };
    }
  }

  /**
   * {@link assignProfileBatches} run to the end and merged. `THROTTLED` serials should be retried after
   * `retryAfterSeconds` (the longest any batch asked for); `FAILED` ones may be retried a few times.
   */
  async assignProfile(profileUuid: string, serials: readonly string[]): Promise<AssignResult> {
    const merged: AssignResult = { results: {}, retryAfterSeconds: null, calls: 0 };
    for await (const batch of this.assignProfileBatches(profileUuid, serials)) {
      Object.assign(merged.results, batch.results);
      merged.calls += 1;
      if (batch.retryAfterSeconds !== null) merged.retryAfterSeconds = Math.max(merged.retryAfterSeconds ?? 0, batch.retryAfterSeconds);
    }
    return merged;
  }

  /**
   * `DELETE /profile/devices` (a DELETE with a JSON body, as Apple defines it) in batches of {@link DEP_MAX_BATCH}:
   * removes whatever profile the devices have. Apple documents an optional `profile_uuid` but ignores it, so none is sent.
   */
  async removeProfile(serials: readonly string[]): Promise<Record<string, 'SUCCESS' | 'NOT_ACCESSIBLE' | 'FAILED'>> {
    return this.statusBatches('DELETE', '/profile/devices', serials);
  }

  /**
   * `POST /devices/disown` in batches of {@link DEP_MAX_BATCH}. Permanent: after a short grace period Apple will not let
   * the organization assign these devices again. Legacy, and dangerous; callers should ask twice.
   */
  async disownDevices(serials: readonly string[]): Promise<Record<string, 'SUCCESS' | 'NOT_ACCESSIBLE' | 'FAILED'>> {
    return this.statusBatches('POST', '/devices/disown', serials);
  }

  // ----------------------------------------------------------------------------------------------
  // Paging and batching

  private async devicePage(path: '/server/devices' | '/devices/sync', body: DepFetchDevicesRequest): Promise<DevicePage> {
    const response = await this.call<DepFetchDevicesResponse>('POST', path, { body }, (value) => {
      if (!isRecord(value)) return 'not an object';
      if (typeof value['cursor'] !== 'string') return 'no cursor';
      if (value['devices'] !== undefined && !Array.isArray(value['devices'])) return 'devices is not a list';
      return null;
    });
    // Apple's 2018 example shows more_to_follow as the string "false"; accept both spellings rather than loop forever or stop early.
    const moreToFollow = (response.more_to_follow as unknown) === true || (response.more_to_follow as unknown) === 'true';
    return {
      devices: response.devices ?? [],
      cursor: response.cursor,
      moreToFollow,
      fetchedUntil: parseFetchedUntil(response.fetched_until),
      // micromdm's guard: a page that says "more" but hands back the cursor it was given would be fetched forever.
      cursorEchoed: moreToFollow && body.cursor !== undefined && response.cursor === body.cursor,
    };
  }

  private async *pages(page: (cursor: string | undefined) => Promise<DevicePage>, start: string | undefined): AsyncGenerator<DevicePage> {
    let cursor = start;
    for (;;) {
      const current = await page(cursor);
      yield current;
      if (!current.moreToFollow || current.cursorEchoed) return;
      cursor = current.cursor;
    }
  }

  private async statusBatches(method: HttpMethod, path: string, serials: readonly string[]): Promise<Record<string, DepDeviceStatus>> {
    const results: Record<string, DepDeviceStatus> = {};
    for (const batch of chunks(uniqueSerials(serials), DEP_MAX_BATCH)) {
      const response = await this.call<DepDeviceStatusResponse>(
        method,
        path,
        { body: { devices: batch } satisfies DepDevicesRequest },
        (value) => (isRecord(value) ? null : 'not an object'),
      );
      Object.assign(results, statusesFor<DepDeviceStatus>(batch, response.devices, DEVICE_STATUSES));
    }
    return results;
  }

  // ----------------------------------------------------------------------------------------------
  // Transport

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
    const counter: AttemptCounter = { attempts: 0 };
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
  private async call<T>(
    method: HttpMethod,
    path: string,
    request: { body?: unknown; query?: Record<string, string> },
    shapeProblem: (value: unknown) => string | null,
  ): Promise<T> {
    const endpoint = `${method} ${path}`;
    const url = this.url(path, request.query);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const counter: AttemptCounter = { attempts: 0 };
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
      if (failures >= this.maxAttempts) throw fail(retryAfterMs === null ? {} : { retryAfterMs });
      // Waiting longer than the cap would hold a sync or a GraphQL request hostage; report it and let the caller reschedule.
      if (retryAfterMs !== null && retryAfterMs > this.maxRetryAfterMs) throw fail({ retryAfterMs });
      const delay = retryAfterMs ?? backoffDelay(failures, { baseDelayMs: this.baseDelayMs, maxDelayMs: this.maxDelayMs }, this.random);
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
