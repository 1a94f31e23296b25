/**
 * A client for Apple's Device Assignment (DEP/ADE) web service, the API behind Apple School Manager's
 * "MDM servers": one method per endpoint, cursor paging with a guard against Apple's echoed-cursor bug, and
 * batching of device lists at Apple's limit of 1000. The transport rules every caller would otherwise get wrong
 * (OAuth 1.0a sign-in, sessions Apple rotates or drops, retries honouring `Retry-After`, timeouts) live in
 * `dep-transport.ts`. Time, sleeping,
 * jitter and `fetch` are injectable so tests run against a local fake without waiting. It knows nothing of
 * Homeroom's database: callers persist cursors and sessions (see {@link DepClientOptions.onSession}).
 */
import { badInput } from '../errors.js';
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
} from './dep-types.js';
import { DepTransport, isRecord, type DepClientOptions, type HttpMethod } from './dep-transport.js';

export type { DepCredentials } from './oauth1.js';
export { DEP_CONTENT_TYPE, DEP_DEFAULT_PROTOCOL_VERSION } from './dep-transport.js';
export type { DepClientOptions, DepRetryOptions } from './dep-transport.js';

/** Apple's documented maximum of serials per assign call; the client uses it for every device-list call. */
export const DEP_MAX_BATCH = 1000;
/** The largest `limit` the client asks for per fetch/sync page (Apple's documented maximum). */
export const DEP_MAX_PAGE_LIMIT = 1000;
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

const DEVICE_STATUSES: ReadonlySet<string> = new Set(['SUCCESS', 'NOT_ACCESSIBLE', 'FAILED']);
const ASSIGN_STATUSES: ReadonlySet<string> = new Set([...DEVICE_STATUSES, 'THROTTLED']);

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
 *   `details.retryAfterMs`, so the caller can reschedule instead of holding a request for an hour. With
 *   `retry.waitLimitMs` (a request someone waits on), a wait that would pass that total fails the same way at once,
 *   with `details.retryAfter` in seconds.
 * - The replay after a re-sign-in gets a fresh retry budget; `attempts` on an error counts every request sent.
 * - A 2xx body that is not the JSON expected is `APPLE_UNAVAILABLE` and is not retried (a POST may have taken
 *   effect); an empty 2xx body reads as `{}`.
 */
export class DepClient {
  private readonly transport: DepTransport;

  constructor(options: DepClientOptions) {
    this.transport = new DepTransport(options);
  }

  /** The session in use, if any (the latest Apple issued or rotated). */
  get currentSession(): string | null {
    return this.transport.currentSession;
  }

  /** `GET /account`: the MDM server and organization this token belongs to. Also a cheap "is the token good?" check. */
  async account(): Promise<DepAccount> {
    return this.transport.call<DepAccount>('GET', '/account', {}, (value) => (isRecord(value) ? null : 'not an object'));
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
      const response = await this.transport.call<DepDeviceDetailsResponse>(
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
    return this.transport.call<DepDefineProfileResponse>('POST', '/profile', { body: profile }, (value) =>
      isRecord(value) && typeof value['profile_uuid'] === 'string' && value['profile_uuid'] !== '' ? null : 'no profile_uuid',
    );
  }

  /** `GET /profile?profile_uuid=…`: a defined profile. An unknown UUID is `NOT_FOUND` (`APPLE_REQUEST_REJECTED`). */
  async getProfile(profileUuid: string): Promise<DepProfile & { profile_uuid: string }> {
    return this.transport.call<DepProfile & { profile_uuid: string }>(
      'GET',
      '/profile',
      { query: { profile_uuid: profileUuid } },
      (value) => (isRecord(value) ? null : 'not an object'),
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
      const response = await this.transport.call<DepAssignProfileResponse>('POST', '/profile/devices', { body }, (value) =>
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
    const response = await this.transport.call<DepFetchDevicesResponse>('POST', path, { body }, (value) => {
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
      const response = await this.transport.call<DepDeviceStatusResponse>(
        method,
        path,
        { body: { devices: batch } satisfies DepDevicesRequest },
        (value) => (isRecord(value) ? null : 'not an object'),
      );
      Object.assign(results, statusesFor<DepDeviceStatus>(batch, response.devices, DEVICE_STATUSES));
    }
    return results;
  }
}
