/**
 * The Device Assignment API (`mdmenrollment.apple.com`) as Apple answers it: reference sections
 * 3 to 7 and 12. Every call goes through the same gate, in this order: known path (404), method
 * (405), `User-Agent` (400), armed faults, then `/session` sign-in or the session check (401 /
 * 403), terms (403 `T_C_NOT_SIGNED`), the body (400 `MALFORMED_REQUEST_BODY`) and the endpoint.
 * Choices where the reference is open are listed in README.md beside this file.
 */
import type http from 'node:http';
import { CURSOR_LIFETIME_MS, type CursorCodec, type CursorData } from './cursors.js';
import { wireChangeJson, wireDevice, wireDeviceJson } from './device-wire.js';
import { failureHeaders, type Faults } from './faults.js';
import { isObject, parseJsonBody, sendError, sendJson, sendRawJson, type ErrorBodyStyle } from './http.js';
import {
  TIMESTAMP_WINDOW_SECONDS,
  baseStringUri,
  hmacSha1Signature,
  parseAuthorization,
  queryParams,
  signatureBaseString,
  signaturesMatch,
  type NonceCache,
} from './oauth.js';
import { validateProfile } from './profiles.js';
import type { SeededRandom } from './random.js';
import type { Session, SessionStore } from './sessions.js';
import type { AppleState, DeviceRecord, ServerRecord } from './state.js';
import { rfc3339 } from './token-file.js';

/** Paths and the methods each accepts (the `urls` of `/account` list the same). */
export const DEP_ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/session': ['GET'],
  '/account': ['GET'],
  '/server/devices': ['POST'],
  '/devices/sync': ['POST'],
  '/devices': ['POST'],
  '/devices/disown': ['POST'],
  '/profile': ['POST', 'GET'],
  '/profile/devices': ['POST', 'PUT', 'DELETE'],
};

/** Fetch and sync page sizes (Apple's 2018 documentation: default 100, maximum 1000). */
export const PAGE_LIMIT = { default: 100, maximum: 1000 } as const;
/** Serials per assign or remove call (Apple: "limit requests to 1000 devices at a time"). */
export const MAX_DEVICES_PER_CALL = 1000;

/** A `User-Agent` Apple turns away: nanodep's old default `nanodep-godep/0` got `USER_AGENT_INVALID`. */
export const INVALID_USER_AGENT = /godep/i;

/** Everything the API reads and changes. */
export interface DepApiDeps {
  readonly state: AppleState;
  readonly sessions: SessionStore;
  readonly nonces: NonceCache;
  readonly cursors: CursorCodec;
  readonly faults: Faults;
  /** Stream for profile UUIDs. */
  readonly ids: SeededRandom;
  readonly now: () => number;
  readonly errorBodyStyle: ErrorBodyStyle;
}

class DepError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly headers: Record<string, string> = {},
  ) {
    super(code ?? String(status));
  }
}

interface CallContext {
  readonly server: ServerRecord;
  readonly protocol: number;
  readonly now: number;
  readonly query: URLSearchParams;
}

type Handler = (context: CallContext, body: unknown) => unknown;

/** A response body already serialised (fetch and sync pages build their JSON as text). */
class RawJson {
  constructor(readonly text: string) {}
}

/** The page response of fetch and sync, with the device list already serialised. */
function pageJson(devices: string[], cursor: string, fetchedUntil: string, more: boolean): RawJson {
  return new RawJson(
    `{"devices":[${devices.join(',')}],"cursor":${JSON.stringify(cursor)},"fetched_until":"${fetchedUntil}","more_to_follow":${more}}`,
  );
}

function requestError(code: string): DepError {
  return new DepError(400, code);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `X-Server-Protocol-Version`; absent or unreadable means version 1, as Apple's default. */
export function protocolVersion(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  const parsed = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : 1;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw requestError('MALFORMED_REQUEST_BODY');
  return body;
}

function serialList(body: Record<string, unknown>, key = 'devices'): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw requestError('MALFORMED_REQUEST_BODY');
  return [...new Set(value as string[])];
}

function pageLimit(value: unknown): number {
  if (value === undefined || value === null) return PAGE_LIMIT.default;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw requestError('MALFORMED_REQUEST_BODY');
  return Math.min(value, PAGE_LIMIT.maximum);
}

/** The Device Assignment API. */
export class DepApi {
  private readonly handlers: Record<string, Handler> = {
    'GET /account': (context) => this.account(context),
    'POST /server/devices': (context, body) => this.fetchDevices(context, body),
    'POST /devices/sync': (context, body) => this.syncDevices(context, body),
    'POST /devices': (context, body) => this.deviceDetails(context, body),
    'POST /devices/disown': (context, body) => this.disown(context, body),
    'POST /profile': (context, body) => this.defineProfile(context, body),
    'GET /profile': (context) => this.getProfile(context),
    'POST /profile/devices': (context, body) => this.assignProfile(context, body),
    'PUT /profile/devices': (context, body) => this.assignProfile(context, body),
    'DELETE /profile/devices': (context, body) => this.removeProfile(context, body),
  };

  constructor(private readonly deps: DepApiDeps) {}

  /** True when `path` is one of the API's paths. */
  static knows(path: string): boolean {
    return Object.hasOwn(DEP_ROUTES, path);
  }

  /** Answers one request (its body already read). */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, path: string, query: URLSearchParams, rawBody: Buffer): Promise<void> {
    try {
      await this.process(req, res, path, query, rawBody);
    } catch (error) {
      if (!(error instanceof DepError)) throw error;
      if (!res.headersSent) sendError(res, error.status, error.code, this.deps.errorBodyStyle, error.headers);
    }
  }

  private async process(req: http.IncomingMessage, res: http.ServerResponse, path: string, query: URLSearchParams, rawBody: Buffer) {
    const method = req.method ?? 'GET';
    const methods = DEP_ROUTES[path];
    if (!methods) throw new DepError(404, 'NOT_FOUND');
    if (!methods.includes(method)) throw new DepError(405, 'METHOD_NOT_ALLOWED', { Allow: methods.join(', ') });
    const userAgent = req.headers['user-agent'];
    if (!userAgent || userAgent.trim() === '') throw requestError('USER_AGENT_MISSING');
    if (INVALID_USER_AGENT.test(userAgent)) throw requestError('USER_AGENT_INVALID');

    const endpoint = `${method} ${path}`;
    const { delayMs, failure } = this.deps.faults.onCall(endpoint, true);
    if (delayMs > 0) await sleep(delayMs);
    if (failure) throw new DepError(failure.status, failure.body, failureHeaders(failure, this.deps.now()));

    const now = this.deps.now();
    if (path === '/session') {
      const session = this.signIn(req, now);
      sendJson(res, 200, { auth_session_token: session.token });
      return;
    }

    const { server, successor } = this.authenticate(req, now);
    if (successor) res.setHeader('X-ADM-Auth-Session', successor.token);
    let body: unknown;
    try {
      body = method === 'GET' ? undefined : parseJsonBody(rawBody);
    } catch {
      throw requestError('MALFORMED_REQUEST_BODY');
    }
    const context: CallContext = { server, protocol: protocolVersion(req.headers['x-server-protocol-version']), now, query };
    const result = this.handlers[endpoint]!(context, body);
    if (result instanceof RawJson) sendRawJson(res, 200, result.text);
    else sendJson(res, 200, result);
  }

  /** `GET /session`: verifies the OAuth 1.0a signature and opens a session. */
  private signIn(req: http.IncomingMessage, now: number): Session {
    const { state, sessions, nonces } = this.deps;
    const unauthorized = (code: string) => new DepError(401, code, { 'WWW-Authenticate': 'OAuth realm="ADM"' });
    const parsed = parseAuthorization(req.headers.authorization);
    if (!parsed.ok) throw requestError(parsed.problem);
    const params = parsed.params;
    const server = state.consumerKeys.get(params.consumerKey);
    if (!server) throw unauthorized('UNAUTHORIZED');
    const credentials = server.credentials;
    if (params.token !== credentials.accessToken) throw unauthorized('token_rejected');
    if (now >= credentials.expiresAt) throw unauthorized('token_expired');
    if (Math.abs(params.timestamp - Math.floor(now / 1000)) > TIMESTAMP_WINDOW_SECONDS) throw unauthorized('timestamp_refused');
    const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
    const url = req.url ?? '/session';
    const uri = baseStringUri(encrypted ? 'https' : 'http', req.headers.host ?? '', url);
    const base = signatureBaseString(req.method ?? 'GET', uri, [...params.signed, ...queryParams(url)]);
    const expected = hmacSha1Signature(base, credentials.consumerSecret, credentials.accessSecret);
    if (!signaturesMatch(params.signature, expected)) throw unauthorized('signature_invalid');
    if (!nonces.use(`${params.consumerKey}\n${params.token}\n${params.nonce}`, now)) throw unauthorized('nonce_used');
    if (state.termsRequired) throw new DepError(403, 'T_C_NOT_SIGNED');
    return sessions.signIn(server.uuid, credentials.accessToken, now);
  }

  /** The session check of every data call; counts the call for rotation. */
  private authenticate(req: http.IncomingMessage, now: number): { server: ServerRecord; successor: Session | null } {
    const { state, sessions } = this.deps;
    const expired = () => new DepError(401, 'UNAUTHORIZED', { 'WWW-Authenticate': 'ADM-Auth-Token' });
    const token = req.headers['x-adm-auth-session'];
    if (typeof token !== 'string' || token === '') throw expired();
    const found = sessions.lookup(token, now);
    if (found.kind === 'unknown') throw new DepError(403, 'FORBIDDEN');
    if (found.kind === 'expired') throw expired();
    const server = state.servers.get(found.session.serverUuid);
    if (!server) throw new DepError(403, 'FORBIDDEN');
    // A session dies with the token it was opened with (replaced by a new download, or expired).
    if (server.credentials.accessToken !== found.session.accessToken || now >= server.credentials.expiresAt) throw expired();
    if (state.termsRequired) throw new DepError(403, 'T_C_NOT_SIGNED');
    return { server, successor: sessions.recordDataCall(found.session, now) };
  }

  private account({ server, protocol }: CallContext): unknown {
    const org = this.deps.state.organization;
    const account: Record<string, unknown> = {
      server_name: server.name,
      server_uuid: server.uuid,
      admin_id: server.adminId,
      facilitator_id: server.adminId,
      org_name: org.org_name,
      org_email: org.org_email,
      org_phone: org.org_phone,
      org_address: org.org_address,
    };
    if (protocol >= 3) {
      Object.assign(account, {
        org_id: org.org_id,
        org_id_hash: org.org_id_hash,
        org_type: org.org_type,
        org_version: org.org_version,
        urls: Object.entries(DEP_ROUTES).map(([uri, methods]) =>
          uri === '/server/devices' || uri === '/devices/sync'
            ? { uri, http_method: [...methods], limit: { ...PAGE_LIMIT } }
            : { uri, http_method: [...methods] },
        ),
      });
    }
    return account;
  }

  /** Decodes a cursor for this server: `INVALID_CURSOR` or `EXPIRED_CURSOR` when it cannot be used. */
  private readCursor(context: CallContext, text: string): CursorData {
    const data = this.deps.cursors.decode(text);
    if (!data || data.serverUuid !== context.server.uuid || data.position > this.deps.state.position(context.server)) {
      throw requestError('INVALID_CURSOR');
    }
    if (context.now - data.at > CURSOR_LIFETIME_MS) throw requestError('EXPIRED_CURSOR');
    return data;
  }

  private cursorText(body: Record<string, unknown>): string | undefined {
    const cursor = body.cursor;
    if (cursor === undefined || cursor === null || cursor === '') return undefined;
    if (typeof cursor !== 'string') throw requestError('INVALID_CURSOR');
    return cursor;
  }

  /** `POST /server/devices`: the devices that were on the server when the fetch started, in assignment order. */
  private fetchDevices(context: CallContext, input: unknown): unknown {
    const { state, cursors, faults } = this.deps;
    const body = objectBody(input);
    const limit = pageLimit(body.limit);
    const text = this.cursorText(body);
    const server = context.server;
    let cursor: CursorData;
    if (text === undefined) {
      cursor = { serverUuid: server.uuid, position: state.position(server), after: 0, at: context.now, done: false };
    } else {
      cursor = this.readCursor(context, text);
      if (cursor.done) throw requestError('EXHAUSTED_CURSOR');
    }
    const snapshot = cursor.position;
    const members = server.members;
    const devices: string[] = [];
    let last = cursor.after;
    let i = state.firstMemberAfter(server, cursor.after);
    for (; i < members.length && devices.length < limit; i += 1) {
      const member = members[i]!;
      if (member.addedAt > snapshot) break;
      if (member.removedAt !== null && member.removedAt <= snapshot) continue;
      devices.push(wireDeviceJson(member.device, member.state, context.protocol));
      last = member.addedAt;
    }
    let more = false;
    for (; i < members.length; i += 1) {
      const member = members[i]!;
      if (member.addedAt > snapshot) break;
      if (member.removedAt === null || member.removedAt > snapshot) {
        more = true;
        break;
      }
    }
    const next = cursors.encode({ ...cursor, after: last, done: !more });
    const echoed = text !== undefined && faults.echoCursor();
    return pageJson(devices, echoed ? text : next, rfc3339(cursor.at), echoed ? true : more);
  }

  /** `POST /devices/sync`: the server's change log after the cursor's position. */
  private syncDevices(context: CallContext, input: unknown): unknown {
    const { state, cursors, faults } = this.deps;
    const body = objectBody(input);
    const text = this.cursorText(body);
    if (text === undefined) throw requestError('CURSOR_REQUIRED');
    const limit = pageLimit(body.limit);
    const cursor = this.readCursor(context, text);
    const server = context.server;
    const entries = state.changesAfter(server, cursor.position, limit);
    if (entries === null) throw requestError('EXPIRED_CURSOR');
    const devices = entries.map((entry) => wireChangeJson(entry.device, entry.state, entry.op, entry.at, context.protocol));
    const position = cursor.position + entries.length;
    const more = position < state.position(server);
    const at = state.timeOfChangeAfter(server, position) ?? context.now;
    const next = cursors.encode({ serverUuid: server.uuid, position, after: 0, at, done: true });
    const echoed = faults.echoCursor();
    return pageJson(devices, echoed ? text : next, rfc3339(context.now), echoed ? true : more);
  }

  private ownDevice(server: ServerRecord, serial: string): DeviceRecord | null {
    const device = this.deps.state.devices.get(serial);
    return device && device.state.serverUuid === server.uuid ? device : null;
  }

  /** `POST /devices`: details, `response_status` `SUCCESS` or `NOT_FOUND` (not this server's). */
  private deviceDetails(context: CallContext, input: unknown): unknown {
    const serials = serialList(objectBody(input));
    if (!serials || serials.length === 0) throw requestError('DEVICE_ID_REQUIRED');
    const devices: Record<string, unknown> = {};
    for (const serial of serials) {
      const device = this.ownDevice(context.server, serial);
      devices[serial] = device
        ? { ...wireDevice(device, device.state, context.protocol), response_status: 'SUCCESS' }
        : { response_status: 'NOT_FOUND' };
    }
    return { devices };
  }

  /** `POST /devices/disown`: the device leaves the organisation for good. */
  private disown(context: CallContext, input: unknown): unknown {
    const serials = serialList(objectBody(input));
    if (!serials) throw requestError('DEVICE_ID_REQUIRED');
    if (serials.length === 0) return {};
    const devices: Record<string, string> = {};
    for (const serial of serials) {
      const device = this.ownDevice(context.server, serial);
      if (device) this.deps.state.release(device);
      devices[serial] = device ? 'SUCCESS' : 'NOT_ACCESSIBLE';
    }
    this.deps.state.changed();
    return { devices };
  }

  private newProfileUuid(): string {
    let uuid = this.deps.ids.hex(32);
    while (this.deps.state.profiles.has(uuid)) uuid = this.deps.ids.hex(32);
    return uuid;
  }

  /** `POST /profile`: a new immutable profile (new UUID every time), optionally assigned at once. */
  private defineProfile(context: CallContext, input: unknown): unknown {
    const validation = validateProfile(input ?? {});
    if (!validation.ok) throw requestError(validation.code);
    const { state } = this.deps;
    const uuid = this.newProfileUuid();
    state.profiles.set(uuid, { uuid, serverUuid: context.server.uuid, createdAt: context.now, body: validation.body });
    const response: Record<string, unknown> = { profile_uuid: uuid };
    if (validation.devices !== undefined) {
      const devices: Record<string, string> = {};
      for (const serial of new Set(validation.devices)) {
        const device = this.ownDevice(context.server, serial);
        if (device) state.assignProfile(device, uuid);
        devices[serial] = device ? 'SUCCESS' : 'NOT_ACCESSIBLE';
      }
      response.devices = devices;
    }
    state.changed();
    return response;
  }

  /** `GET /profile?profile_uuid=`. */
  private getProfile(context: CallContext): unknown {
    const uuid = context.query.get('profile_uuid');
    if (!uuid) throw requestError('PROFILE_UUID_REQUIRED');
    const profile = this.deps.state.profiles.get(uuid);
    if (!profile || profile.serverUuid !== context.server.uuid) throw new DepError(404, 'NOT_FOUND');
    return { ...profile.body, profile_uuid: profile.uuid };
  }

  /** `POST|PUT /profile/devices`: per-serial `SUCCESS`, `NOT_ACCESSIBLE`, `FAILED` or `THROTTLED`. */
  private assignProfile(context: CallContext, input: unknown): unknown {
    const body = objectBody(input);
    const uuid = body.profile_uuid;
    if (uuid === undefined || uuid === null || uuid === '') throw requestError('PROFILE_UUID_REQUIRED');
    if (typeof uuid !== 'string') throw requestError('MALFORMED_REQUEST_BODY');
    const serials = serialList(body);
    if (!serials) throw requestError('DEVICE_ID_REQUIRED');
    if (serials.length > MAX_DEVICES_PER_CALL) throw requestError('TOO_MANY_DEVICES');
    const { state, faults } = this.deps;
    const profile = state.profiles.get(uuid);
    if (!profile || profile.serverUuid !== context.server.uuid) throw new DepError(404, 'NOT_FOUND');
    const throttle = serials.length > 0 ? faults.throttle(serials) : null;
    const failed = serials.length > 0 ? faults.failAssign(serials, throttle?.throttled) : null;
    const throttledCode = context.protocol >= 9 ? 'THROTTLED' : 'FAILED';
    const devices: Record<string, string> = {};
    let anyThrottled = false;
    for (const serial of serials) {
      if (throttle?.throttled.has(serial)) {
        devices[serial] = throttledCode;
        anyThrottled ||= throttledCode === 'THROTTLED';
        continue;
      }
      if (failed?.has(serial)) {
        devices[serial] = 'FAILED';
        continue;
      }
      const device = this.ownDevice(context.server, serial);
      if (device) state.assignProfile(device, uuid);
      devices[serial] = device ? 'SUCCESS' : 'NOT_ACCESSIBLE';
    }
    state.changed();
    const response: Record<string, unknown> = { profile_uuid: uuid, devices };
    if (anyThrottled && context.protocol >= 10) response.retry_after_seconds = throttle!.retryAfterSeconds;
    return response;
  }

  /** `DELETE /profile/devices`: clears whatever profile the devices have (`profile_uuid` is ignored, as at Apple). */
  private removeProfile(context: CallContext, input: unknown): unknown {
    const serials = serialList(objectBody(input));
    if (!serials) throw requestError('DEVICE_ID_REQUIRED');
    if (serials.length > MAX_DEVICES_PER_CALL) throw requestError('TOO_MANY_DEVICES');
    const devices: Record<string, string> = {};
    for (const serial of serials) {
      const device = this.ownDevice(context.server, serial);
      if (device) this.deps.state.removeProfile(device);
      devices[serial] = device ? 'SUCCESS' : 'NOT_ACCESSIBLE';
    }
    this.deps.state.changed();
    return { devices };
  }
}
