/**
 * Homeroom's client of the Apple School Manager API (REST, JSON:API), beside the DEP client.
 *
 * Sign-in is OAuth 2 client credentials with a client assertion (RFC 7523): the access token is
 * cached (in an {@link AccessTokenCache} the connection shares, so every reconcile of an
 * organisation reuses it) until a minute before it expires, and fetched again once when Apple
 * answers 401. Retries: GETs and the token request (which changes nothing at Apple) are retried
 * on 429, 5xx and network failures with full-jitter backoff, honouring `Retry-After`;
 * `POST /v1/orgDeviceActivities` is retried on 429 only (Apple did not take it), never on a 5xx
 * or a network failure, where Apple may have created the activity and a replay would repeat it.
 */
import { ErrorCode, HomeroomError } from '../../errors.js';
import { backoffDelay, parseRetryAfter } from '../retry.js';
import type { AppleCareCoverage, MdmServer, OrgDevice, OrgDeviceActivity, OrgDeviceActivityRequest } from './asm-types.js';
import { clientAssertion, type SchoolManagerCredentials } from './client-assertion.js';

/** Apple's production hosts. */
export const ASM_PRODUCTION_API_URL = 'https://api-school.apple.com';
export const ABM_PRODUCTION_API_URL = 'https://api-business.apple.com';
export const ASM_PRODUCTION_TOKEN_URL = 'https://account.apple.com/auth/oauth2/token';
/** The largest page Apple serves. */
export const ASM_MAX_PAGE_LIMIT = 1000;

/** Retry tuning. */
export interface SchoolManagerRetryOptions {
  /** Attempts per request, the first included; default 5. */
  maxAttempts?: number;
  /** Backoff ceiling of the first retry; default 500 ms. */
  baseDelayMs?: number;
  /** Backoff never waits longer; default 30 s. */
  maxDelayMs?: number;
  /** A longer `Retry-After` is not waited for; default 10 min. */
  maxRetryAfterMs?: number;
}

/** Access tokens by API account, shared by the clients of one connection. */
export class AccessTokenCache {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  get(key: string, now: number): string | null {
    const entry = this.tokens.get(key);
    return entry && entry.expiresAt > now ? entry.token : null;
  }

  set(key: string, token: string, expiresAt: number): void {
    this.tokens.set(key, { token, expiresAt });
  }

  drop(key: string, token: string): void {
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key);
  }
}

export interface SchoolManagerClientOptions {
  /** `https://api-school.apple.com`, or a simulator's URL; no trailing slash needed. */
  readonly apiUrl: string;
  /** Apple's token endpoint (the simulator's `<url>/auth/oauth2/token`). */
  readonly tokenUrl: string;
  /** `school.api` (Apple School Manager) or `business.api`. */
  readonly scope: string;
  readonly credentials: SchoolManagerCredentials;
  readonly userAgent: string;
  readonly cache?: AccessTokenCache;
  readonly clock?: { now(): Date };
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly retry?: SchoolManagerRetryOptions;
  /** Per attempt; default 60 s. */
  readonly requestTimeoutMs?: number;
  readonly fetch?: typeof fetch;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Counts of what one client did, for tests and logs. */
export interface SchoolManagerClientStats {
  tokenRequests: number;
  requests: number;
}

export class SchoolManagerClient {
  readonly stats: SchoolManagerClientStats = { tokenRequests: 0, requests: 0 };
  private readonly cache: AccessTokenCache;
  private readonly clock: { now(): Date };
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly fetch: typeof fetch;
  private readonly apiUrl: string;
  private readonly cacheKey: string;

  constructor(private readonly options: SchoolManagerClientOptions) {
    this.cache = options.cache ?? new AccessTokenCache();
    this.clock = options.clock ?? { now: () => new Date() };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.fetch = options.fetch ?? fetch;
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.cacheKey = `${options.tokenUrl} ${options.credentials.clientId} ${options.credentials.keyId}`;
  }

  /** Asks Apple for a fresh access token: resolves when the account's credentials work (the token is cached). */
  async verifyCredentials(): Promise<void> {
    await this.accessToken(true);
  }

  /** Every device of the organisation, page by page (`links.next`); `limit` 1 to 1000. */
  async *orgDevices(limit = ASM_MAX_PAGE_LIMIT): AsyncGenerator<OrgDevice[]> {
    yield* this.pages<OrgDevice>(`/v1/orgDevices?limit=${pageLimit(limit)}`, 'GET /v1/orgDevices');
  }

  /** One device, or null when Apple does not know the serial. */
  async orgDevice(serial: string): Promise<OrgDevice | null> {
    const body = await this.getJson<{ data: OrgDevice }>(`/v1/orgDevices/${encodeURIComponent(serial)}`, 'GET /v1/orgDevices/{id}', true);
    return body ? body.data : null;
  }

  /** The id of the device management service the device is assigned to; null when unassigned (or unknown). */
  async assignedServerId(serial: string): Promise<string | null> {
    const body = await this.getJson<{ data: { id: string } | null }>(
      `/v1/orgDevices/${encodeURIComponent(serial)}/relationships/assignedServer`,
      'GET /v1/orgDevices/{id}/relationships/assignedServer',
      true,
    );
    return body?.data?.id ?? null;
  }

  /** The device's AppleCare and warranty coverages; empty for an unknown serial. */
  async appleCareCoverage(serial: string): Promise<AppleCareCoverage[]> {
    const out: AppleCareCoverage[] = [];
    for await (const page of this.pages<AppleCareCoverage>(
      `/v1/orgDevices/${encodeURIComponent(serial)}/appleCareCoverage`,
      'GET /v1/orgDevices/{id}/appleCareCoverage',
      true,
    ))
      out.push(...page);
    return out;
  }

  /** The organisation's device management services. */
  async mdmServers(): Promise<MdmServer[]> {
    const out: MdmServer[] = [];
    for await (const page of this.pages<MdmServer>(`/v1/mdmServers?limit=${ASM_MAX_PAGE_LIMIT}`, 'GET /v1/mdmServers')) out.push(...page);
    return out;
  }

  /** Serial numbers assigned to a device management service, page by page. */
  async *mdmServerSerials(serverId: string, limit = ASM_MAX_PAGE_LIMIT): AsyncGenerator<string[]> {
    for await (const page of this.pages<{ id: string }>(
      `/v1/mdmServers/${encodeURIComponent(serverId)}/relationships/devices?limit=${pageLimit(limit)}`,
      'GET /v1/mdmServers/{id}/relationships/devices',
    ))
      yield page.map((item) => item.id);
  }

  /** Starts an activity; Apple answers at once with it `IN_PROGRESS`. Never replayed after a 5xx or a network failure. */
  async createActivity(request: OrgDeviceActivityRequest): Promise<OrgDeviceActivity> {
    if (request.serials.length === 0 || request.serials.length > 1000) throw new RangeError('an activity names 1 to 1000 devices');
    const attributes: Record<string, string> = { activityType: request.activityType };
    if (request.mdmMigrationDeadline) attributes.mdmMigrationDeadline = request.mdmMigrationDeadline.toISOString();
    const relationships: Record<string, unknown> = {
      devices: { data: request.serials.map((id) => ({ type: 'orgDevices', id })) },
    };
    if (request.mdmServerId) relationships.mdmServer = { data: { type: 'mdmServers', id: request.mdmServerId } };
    const answer = await this.call('POST', `${this.apiUrl}/v1/orgDeviceActivities`, 'POST /v1/orgDeviceActivities', {
      body: JSON.stringify({ data: { type: 'orgDeviceActivities', attributes, relationships } }),
      idempotent: false,
    });
    return this.parse<{ data: OrgDeviceActivity }>(answer, 'POST /v1/orgDeviceActivities').data;
  }

  /** An activity's status and sub-status; null when Apple does not know it (older than 30 days). */
  async activity(id: string): Promise<OrgDeviceActivity | null> {
    const body = await this.getJson<{ data: OrgDeviceActivity }>(
      `/v1/orgDeviceActivities/${encodeURIComponent(id)}`,
      'GET /v1/orgDeviceActivities/{id}',
      true,
    );
    return body ? body.data : null;
  }

  /** The per-serial CSV log an activity links to (`downloadUrl`). */
  async activityLog(downloadUrl: string): Promise<string> {
    const answer = await this.send('GET', downloadUrl, 'GET downloadUrl', { idempotent: true, authenticated: false });
    if (answer.status !== 200) throw this.rejected(answer, 'GET downloadUrl');
    return answer.text;
  }

  private async *pages<T>(first: string, endpoint: string, missingIsEmpty = false): AsyncGenerator<T[]> {
    let next: string | null = `${this.apiUrl}${first}`;
    while (next) {
      const current: string = next;
      const answer = await this.call('GET', current, endpoint, { idempotent: true });
      if (missingIsEmpty && answer.status === 404) return;
      const body = this.parse<{ data: T[]; links?: { next?: string | null } }>(answer, endpoint);
      if (!Array.isArray(body.data)) throw this.malformed(endpoint);
      yield body.data;
      const link = body.links?.next ?? null;
      // A relative link is resolved against the API's URL; one equal to the page just read would loop.
      next = link ? new URL(link, `${this.apiUrl}/`).toString() : null;
      if (next === current) next = null;
    }
  }

  private async getJson<T>(path: string, endpoint: string, missingIsNull: boolean): Promise<T | null> {
    const answer = await this.call('GET', `${this.apiUrl}${path}`, endpoint, { idempotent: true });
    if (missingIsNull && answer.status === 404) return null;
    return this.parse<T>(answer, endpoint);
  }

  private parse<T>(answer: Answer, endpoint: string): T {
    if (answer.status < 200 || answer.status > 299) throw this.rejected(answer, endpoint);
    try {
      return JSON.parse(answer.text) as T;
    } catch {
      throw this.malformed(endpoint);
    }
  }

  /** One authenticated call: a cached token, one fresh token and replay after 401. */
  private async call(
    method: 'GET' | 'POST',
    url: string,
    endpoint: string,
    options: { body?: string; idempotent: boolean },
  ): Promise<Answer> {
    let answer = await this.send(method, url, endpoint, { ...options, authenticated: true });
    if (answer.status === 401) {
      // The token expired early or was revoked; a request refused with 401 was not carried out.
      answer = await this.send(method, url, endpoint, { ...options, authenticated: true, freshToken: true });
    }
    if (answer.status === 401) throw this.credentialsRejected(answer, endpoint);
    return answer;
  }

  private async accessToken(fresh: boolean): Promise<string> {
    const now = this.clock.now().getTime();
    if (!fresh) {
      const cached = this.cache.get(this.cacheKey, now);
      if (cached) return cached;
    }
    const assertion = await clientAssertion(this.options.credentials, this.clock.now());
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.credentials.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: this.options.scope,
    });
    this.stats.tokenRequests += 1;
    const answer = await this.send('POST', this.options.tokenUrl, 'POST /auth/oauth2/token', {
      body: form.toString(),
      contentType: 'application/x-www-form-urlencoded',
      idempotent: true,
      authenticated: false,
    });
    if (answer.status === 400 || answer.status === 401) throw this.credentialsRejected(answer, 'POST /auth/oauth2/token');
    const body = this.parse<{ access_token?: unknown; expires_in?: unknown }>(answer, 'POST /auth/oauth2/token');
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') throw this.malformed('POST /auth/oauth2/token');
    // Renewed a minute early, so a token never expires between the check and Apple reading it.
    this.cache.set(this.cacheKey, body.access_token, now + Math.max(0, body.expires_in - 60) * 1000);
    return body.access_token;
  }

  /** Sends with retries as the module comment says. */
  private async send(
    method: 'GET' | 'POST',
    url: string,
    endpoint: string,
    options: { body?: string; contentType?: string; idempotent: boolean; authenticated: boolean; freshToken?: boolean },
  ): Promise<Answer> {
    const retry = this.options.retry ?? {};
    const maxAttempts = retry.maxAttempts ?? 5;
    const backoff = { baseDelayMs: retry.baseDelayMs ?? 500, maxDelayMs: retry.maxDelayMs ?? 30_000 };
    let freshToken = options.freshToken ?? false;
    for (let attempt = 1; ; attempt += 1) {
      const headers: Record<string, string> = { 'User-Agent': this.options.userAgent, Accept: 'application/json' };
      let token: string | null = null;
      if (options.authenticated) {
        token = await this.accessToken(freshToken);
        freshToken = false;
        headers.Authorization = `Bearer ${token}`;
      }
      if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
      let answer: Answer | null = null;
      let failure: unknown = null;
      try {
        this.stats.requests += 1;
        const response = await this.fetch(url, {
          method,
          headers,
          ...(options.body !== undefined ? { body: options.body } : {}),
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 60_000),
        });
        answer = { status: response.status, headers: response.headers, text: await response.text() };
      } catch (error) {
        failure = error;
      }
      if (answer && answer.status === 401 && token) this.cache.drop(this.cacheKey, token);
      const throttled = answer?.status === 429;
      const serverFailure = answer !== null && answer.status >= 500;
      const retryable = throttled || (options.idempotent && (serverFailure || failure !== null));
      if (!retryable) {
        // A POST that failed on Apple's side or on the way may still have been carried out: reported, not replayed.
        if (answer && !serverFailure) return answer;
        throw this.unavailable(endpoint, attempt, answer?.status ?? null, failure);
      }
      if (attempt >= maxAttempts) throw this.unavailable(endpoint, attempt, answer?.status ?? null, failure);
      const retryAfter =
        answer && (throttled || answer.status === 503) ? parseRetryAfter(answer.headers.get('retry-after'), this.clock.now()) : null;
      if (retryAfter !== null && retryAfter > (retry.maxRetryAfterMs ?? 600_000))
        throw this.unavailable(endpoint, attempt, answer!.status, failure);
      await this.sleep(retryAfter ?? backoffDelay(attempt, backoff, this.random));
    }
  }

  private appleCode(answer: Answer): string | null {
    try {
      const body = JSON.parse(answer.text) as { errors?: Array<{ code?: unknown }>; error?: unknown };
      const code = body.errors?.[0]?.code ?? body.error;
      return typeof code === 'string' ? code : null;
    } catch {
      return null;
    }
  }

  private rejected(answer: Answer, endpoint: string): HomeroomError {
    const appleCode = this.appleCode(answer);
    return new HomeroomError(
      ErrorCode.APPLE_REQUEST_REJECTED,
      `Apple School Manager refused ${endpoint} (HTTP ${answer.status}${appleCode ? `, ${appleCode}` : ''}).`,
      { status: answer.status, appleCode, endpoint },
    );
  }

  private credentialsRejected(answer: Answer, endpoint: string): HomeroomError {
    const appleCode = this.appleCode(answer);
    return new HomeroomError(
      ErrorCode.SCHOOL_MANAGER_CREDENTIALS_REJECTED,
      `Apple School Manager refused the API account (${appleCode ?? `HTTP ${answer.status}`}): check its client ID, key ID and private key, or create a new key in Apple School Manager.`,
      { status: answer.status, appleCode, endpoint },
    );
  }

  private malformed(endpoint: string): HomeroomError {
    return new HomeroomError(
      ErrorCode.APPLE_UNAVAILABLE,
      `Apple School Manager answered ${endpoint} with something that is not its JSON.`,
      {
        endpoint,
        attempts: 1,
      },
    );
  }

  private unavailable(endpoint: string, attempts: number, status: number | null, cause: unknown): HomeroomError {
    return new HomeroomError(
      ErrorCode.APPLE_UNAVAILABLE,
      `Apple School Manager could not be reached for ${endpoint} after ${attempts} attempt${attempts === 1 ? '' : 's'}${status ? ` (last HTTP ${status})` : ''}.`,
      { endpoint, attempts, status },
      cause ? { cause } : undefined,
    );
  }
}

function pageLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > ASM_MAX_PAGE_LIMIT) throw new RangeError(`limit must be 1 to ${ASM_MAX_PAGE_LIMIT}`);
  return limit;
}
