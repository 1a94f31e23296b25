/**
 * The Apple School Manager API (REST, JSON:API) over the same organisation the Device Assignment
 * API serves: one `AppleState`, so a device released in the portal, assigned by an activity here or
 * moved by DEP is the same device everywhere. Written from Apple's public documentation of the
 * "Apple School and Business Manager API": OAuth 2 client credentials with an ES256 client
 * assertion (RFC 7523) at `POST /auth/oauth2/token`, then `Authorization: Bearer` on `/v1/...`.
 *
 * What it models: API accounts (the portal generates the P-256 key and keeps only the public key,
 * as Apple does), the token endpoint's checks, a per-account rate limit (429 + `Retry-After`),
 * `orgDevices` (paged with `links.next`, released devices kept with `releasedFromOrgDateTime`),
 * `assignedServer`, AppleCare coverage, `mdmServers` and their devices, and device activities that
 * answer `IN_PROGRESS` and are carried out a tick later, each with a per-serial CSV log.
 */
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Faults } from './faults.js';
import { failureHeaders } from './faults.js';
import { isObject } from './http.js';
import { ASM_TOKEN_PATH, iso, jsonApiError, page, routeOf, type Answer } from './school-manager-http.js';
import { answerTokenRequest, type AccessToken } from './school-manager-token.js';
import type { ApiAccountRecord, AppleState, DeviceRecord, ServerRecord } from './state.js';

export {
  ASM_ACCESS_TOKEN_SECONDS,
  ASM_ASSERTION_AUDIENCE,
  ASM_DEFAULT_LIMIT,
  ASM_MAX_ASSERTION_SECONDS,
  ASM_MAX_LIMIT,
  ASM_SCOPES,
  ASM_TOKEN_PATH,
  routeOf,
  sendAnswer,
} from './school-manager-http.js';

/** Devices one activity may name. */
export const ASM_MAX_ACTIVITY_DEVICES = 1000;

/** The activities `POST /v1/orgDeviceActivities` accepts. */
export const ACTIVITY_TYPES = [
  'ASSIGN_DEVICES',
  'UNASSIGN_DEVICES',
  'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE',
  'UPDATE_MDM_MIGRATION_DEADLINE',
  'CANCEL_MDM_MIGRATION',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** What the portal hands over once, when it generates an API account's key. */
export interface CreatedApiAccount {
  readonly name: string;
  readonly clientId: string;
  readonly keyId: string;
  /** PKCS#8 PEM of the P-256 key; the simulator, like Apple, does not keep it. */
  readonly privateKeyPem: string;
}

/** One serial's line of an activity's log. */
interface ActivityLine {
  readonly serial: string;
  readonly result: 'SUCCESS' | 'FAILED';
  readonly message: string;
}

interface ActivityRecord {
  readonly id: string;
  readonly clientId: string;
  readonly type: ActivityType;
  readonly serverId: string | null;
  readonly serials: readonly string[];
  readonly deadline: string | null;
  readonly createdAt: number;
  status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  subStatus: string;
  completedAt: number | null;
  lines: ActivityLine[];
}

/** Options of the School Manager API. */
export interface SchoolManagerApiOptions {
  readonly state: AppleState;
  readonly faults: Faults;
  readonly now: () => number;
  /** Requests each API account may make per clock minute before 429; default 1000. */
  readonly requestsPerMinute?: number;
  /** Real milliseconds before an activity is carried out; default 0 (the next tick). */
  readonly activityDelayMs?: number;
}

/** Apple writes MDM server ids as the server UUID's hex digits, upper case. */
export function mdmServerId(server: ServerRecord): string {
  return server.uuid.replace(/-/g, '').toUpperCase();
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The School Manager API. API accounts and release dates live in `AppleState` (and so in the
 * state file); access tokens and activities live in memory, as a restart of Apple's
 * side is not something an MDM must survive with them.
 */
export class SchoolManagerApi {
  private readonly tokens = new Map<string, AccessToken>();
  private readonly activities = new Map<string, ActivityRecord>();
  private readonly windows = new Map<string, { minute: number; count: number }>();
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly options: SchoolManagerApiOptions) {}

  /** The organisation's API accounts (kept in the state file). */
  get accounts(): Map<string, ApiAccountRecord> {
    return this.options.state.apiAccounts;
  }

  /** True for the paths this API answers. */
  static knows(path: string): boolean {
    return path === ASM_TOKEN_PATH || path.startsWith('/v1/');
  }

  /** The portal's "Create API account" + "Generate private key": the key is shown once. */
  createApiAccount(name: string): CreatedApiAccount {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const prefix = 'SCHOOLAPI';
    const account: ApiAccountRecord = {
      name,
      clientId: `${prefix}.${randomUUID()}`,
      keyId: randomUUID(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      createdAt: this.options.now(),
    };
    this.accounts.set(account.clientId, account);
    this.options.state.changed();
    return {
      name,
      clientId: account.clientId,
      keyId: account.keyId,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  }

  /** Revokes an account: its tokens stop working and its assertions are refused. */
  revokeApiAccount(clientId: string): boolean {
    const removed = this.accounts.delete(clientId);
    for (const [token, record] of this.tokens) if (record.clientId === clientId) this.tokens.delete(token);
    if (removed) this.options.state.changed();
    return removed;
  }

  /** Expires every access token: the next call answers 401 and the client must sign in again. */
  expireAccessTokens(): void {
    this.tokens.clear();
  }

  /** Carries out every activity still in progress now (tests that set a long `activityDelayMs`). */
  completeActivities(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    for (const activity of this.activities.values()) if (activity.status === 'IN_PROGRESS') this.carryOut(activity);
  }

  /** Stops pending timers (the simulator is closing). */
  close(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }

  /** The CSV log of an activity, or null for an unknown one. */
  activityLog(id: string): string | null {
    const activity = this.activities.get(id);
    if (!activity) return null;
    const escape = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    const lines = [
      'Serial Number,Result,Message',
      ...activity.lines.map((line) => [line.serial, line.result, line.message].map(escape).join(',')),
    ];
    return lines.join('\r\n') + '\r\n';
  }

  /** Answers one request; `origin` builds absolute links (`http://127.0.0.1:8081`). */
  async handle(req: http.IncomingMessage, method: string, url: URL, raw: Buffer, origin: string): Promise<Answer> {
    const path = url.pathname;
    const route = routeOf(method, path);
    const { failure } = this.options.faults.onCall(route, false);
    if (failure) {
      const headers = failureHeaders(failure, this.options.now());
      delete headers['WWW-Authenticate'];
      return failure.status >= 500
        ? { status: failure.status, body: null, headers }
        : jsonApiError(failure.status, failure.body ?? 'ERROR', 'Simulated failure.', headers);
    }
    if (path === ASM_TOKEN_PATH) {
      if (method !== 'POST') return jsonApiError(405, 'METHOD_NOT_ALLOWED', 'POST only.');
      return this.token(raw);
    }
    const authorization = req.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(authorization);
    const token = match ? this.tokens.get(match[1]!) : undefined;
    if (!token || token.expiresAt <= this.options.now()) {
      if (match) this.tokens.delete(match[1]!);
      return jsonApiError(401, 'NOT_AUTHORIZED', 'Provide a valid access token (Authorization: Bearer).');
    }
    const limited = this.rateLimited(token.clientId);
    if (limited) return limited;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const links = { origin, url };
    if (method === 'GET' && parts.length === 2 && parts[1] === 'orgDevices') return this.listDevices(url, links.origin);
    if (method === 'GET' && parts[1] === 'orgDevices' && parts.length === 3) return this.device(parts[2]!, origin);
    if (
      method === 'GET' &&
      parts[1] === 'orgDevices' &&
      parts.length === 5 &&
      parts[3] === 'relationships' &&
      parts[4] === 'assignedServer'
    )
      return this.assignedServer(parts[2]!, origin);
    if (method === 'GET' && parts[1] === 'orgDevices' && parts.length === 4 && parts[3] === 'appleCareCoverage')
      return this.coverage(parts[2]!);
    if (method === 'GET' && parts.length === 2 && parts[1] === 'mdmServers') return this.listServers(url, origin);
    if (method === 'GET' && parts[1] === 'mdmServers' && parts.length === 5 && parts[3] === 'relationships' && parts[4] === 'devices')
      return this.serverDevices(parts[2]!, url, origin);
    if (method === 'POST' && parts.length === 2 && parts[1] === 'orgDeviceActivities')
      return this.createActivity(raw, token.clientId, origin);
    if (method === 'GET' && parts[1] === 'orgDeviceActivities' && parts.length === 3) return this.activity(parts[2]!, origin);
    return jsonApiError(404, 'NOT_FOUND', `No resource ${method} ${path}.`);
  }

  private rateLimited(clientId: string): Answer | null {
    const now = this.options.now();
    const minute = Math.floor(now / 60_000);
    const window = this.windows.get(clientId);
    const current = window && window.minute === minute ? window : { minute, count: 0 };
    current.count += 1;
    this.windows.set(clientId, current);
    if (current.count <= (this.options.requestsPerMinute ?? 1000)) return null;
    const retryAfter = Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
    return jsonApiError(429, 'RATE_LIMIT_EXCEEDED', 'The API account made too many requests; wait for Retry-After.', {
      'Retry-After': String(retryAfter),
    });
  }

  private token(raw: Buffer): Promise<Answer> {
    return answerTokenRequest(raw, this.accounts, this.tokens, () => this.options.now());
  }

  private orgDevices(): DeviceRecord[] {
    // Devices listed in the order they joined; released ones stay, with their release date.
    return this.options.state.allDevices;
  }

  private listDevices(url: URL, origin: string): Answer {
    return page(this.orgDevices(), url, origin, (device) => this.renderDevice(device, origin));
  }

  private find(serial: string): DeviceRecord | undefined {
    return this.options.state.allDevices.find((device) => device.serial === serial);
  }

  private device(serial: string, origin: string): Answer {
    const device = this.options.state.devices.get(serial) ?? this.find(serial);
    if (!device) return jsonApiError(404, 'NOT_FOUND', `No device ${serial} in the organization.`);
    return { status: 200, body: { data: this.renderDevice(device, origin), links: { self: `${origin}/v1/orgDevices/${serial}` } } };
  }

  private serverOf(device: DeviceRecord): ServerRecord | null {
    return device.state.serverUuid === null ? null : (this.options.state.servers.get(device.state.serverUuid) ?? null);
  }

  private renderDevice(device: DeviceRecord, origin: string): unknown {
    const hash = digest(device.serial);
    const capacity = /(\d+(?:GB|TB))/.exec(device.sku.description)?.[1] ?? null;
    const manual = device.order.manuallyAdded === true;
    const reseller = !manual && digest(device.order.number)[0]! % 3 === 0;
    return {
      type: 'orgDevices',
      id: device.serial,
      attributes: {
        serialNumber: device.serial,
        addedToOrgDateTime: iso(device.order.date),
        releasedFromOrgDateTime: device.inOrg ? null : iso(device.releasedAt ?? device.order.date),
        updatedDateTime: iso(device.state.assignedAt ?? device.order.date),
        deviceModel: device.sku.model,
        productFamily: device.sku.deviceFamily,
        productType: null,
        deviceCapacity: capacity,
        partNumber: `M${hash.toString('hex').slice(0, 4).toUpperCase()}LL/A`,
        orderNumber: device.order.number,
        color: device.sku.color,
        status: device.inOrg && device.state.serverUuid !== null ? 'ASSIGNED' : 'UNASSIGNED',
        orderDateTime: iso(device.order.date),
        imei: [],
        meid: [],
        eid: null,
        purchaseSourceId: reseller ? String(1_000_000 + (hash.readUInt32BE(4) % 9_000_000)) : null,
        purchaseSourceType: manual ? 'MANUALLY_ADDED' : reseller ? 'RESELLER' : 'APPLE',
      },
      relationships: {
        assignedServer: {
          links: {
            self: `${origin}/v1/orgDevices/${device.serial}/relationships/assignedServer`,
            related: `${origin}/v1/orgDevices/${device.serial}/assignedServer`,
          },
        },
        appleCareCoverage: { links: { self: `${origin}/v1/orgDevices/${device.serial}/appleCareCoverage` } },
      },
      links: { self: `${origin}/v1/orgDevices/${device.serial}` },
    };
  }

  private assignedServer(serial: string, origin: string): Answer {
    const device = this.options.state.devices.get(serial) ?? this.find(serial);
    if (!device) return jsonApiError(404, 'NOT_FOUND', `No device ${serial} in the organization.`);
    const server = this.serverOf(device);
    return {
      status: 200,
      body: {
        data: server ? { type: 'mdmServers', id: mdmServerId(server) } : null,
        links: {
          self: `${origin}/v1/orgDevices/${serial}/relationships/assignedServer`,
          related: `${origin}/v1/orgDevices/${serial}/assignedServer`,
        },
      },
    };
  }

  /**
   * Every device has Apple's one-year Limited Warranty from its order date; about a third also
   * have AppleCare+ for Schools, three years paid up front (chosen by the serial, so stable).
   */
  private coverage(serial: string): Answer {
    const device = this.options.state.devices.get(serial) ?? this.find(serial);
    if (!device) return jsonApiError(404, 'NOT_FOUND', `No device ${serial} in the organization.`);
    const now = this.options.now();
    const start = device.order.date;
    const year = 365 * 24 * 3600 * 1000;
    const entry = (
      id: string,
      description: string,
      end: number,
      paymentType: string,
      agreementNumber: string | null,
      isRenewable: boolean,
    ) => ({
      type: 'appleCareCoverage',
      id,
      attributes: {
        description,
        status: end > now ? 'ACTIVE' : 'INACTIVE',
        startDateTime: iso(start),
        endDateTime: iso(end),
        contractCancelDateTime: null,
        agreementNumber,
        paymentType,
        isRenewable,
        isCanceled: false,
      },
    });
    const data = [entry(device.serial, 'Limited Warranty', start + year, 'NONE', null, false)];
    const hash = digest(`applecare:${device.serial}`);
    if (hash[0]! % 3 === 0) {
      const agreement = String(hash.readUInt32BE(1)).padStart(10, '0');
      data.push(entry(agreement, 'AppleCare+ for Schools', start + 3 * year, 'PAID_UP_FRONT', agreement, false));
    }
    return {
      status: 200,
      body: {
        data,
        links: { self: `/v1/orgDevices/${serial}/appleCareCoverage` },
        meta: { paging: { total: data.length, limit: data.length } },
      },
    };
  }

  private servers(): ServerRecord[] {
    return [...this.options.state.servers.values()];
  }

  private serverById(id: string): ServerRecord | undefined {
    const wanted = id.replace(/-/g, '').toUpperCase();
    return this.servers().find((server) => mdmServerId(server) === wanted);
  }

  private listServers(url: URL, origin: string): Answer {
    return page(this.servers(), url, origin, (server) => ({
      type: 'mdmServers',
      id: mdmServerId(server),
      attributes: {
        serverName: server.name,
        serverType: 'MDM',
        createdDateTime: iso(server.createdAt),
        updatedDateTime: iso(server.credentials.issuedAt),
      },
      relationships: { devices: { links: { self: `${origin}/v1/mdmServers/${mdmServerId(server)}/relationships/devices` } } },
    }));
  }

  private serverDevices(id: string, url: URL, origin: string): Answer {
    const server = this.serverById(id);
    if (!server) return jsonApiError(404, 'NOT_FOUND', `No device management service ${id}.`);
    const members = server.members.filter((member) => member.removedAt === null);
    return page(members, url, origin, (member) => ({ type: 'orgDevices', id: member.device.serial }));
  }

  private createActivity(raw: Buffer, clientId: string, origin: string): Answer {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return jsonApiError(400, 'ENTITY_ERROR.REQUEST_BODY_INVALID', 'The body is not JSON.');
    }
    const data = isObject(body) && isObject(body.data) ? body.data : null;
    if (!data || data.type !== 'orgDeviceActivities')
      return jsonApiError(400, 'ENTITY_ERROR.TYPE_INVALID', 'data.type must be orgDeviceActivities.');
    const attributes = isObject(data.attributes) ? data.attributes : {};
    const type = attributes.activityType;
    if (typeof type !== 'string' || !(ACTIVITY_TYPES as readonly string[]).includes(type))
      return jsonApiError(400, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `activityType must be one of ${ACTIVITY_TYPES.join(', ')}.`);
    const relationships = isObject(data.relationships) ? data.relationships : {};
    const devicesData = isObject(relationships.devices) ? relationships.devices.data : undefined;
    if (!Array.isArray(devicesData) || devicesData.length === 0 || devicesData.length > ASM_MAX_ACTIVITY_DEVICES)
      return jsonApiError(
        400,
        'ENTITY_ERROR.RELATIONSHIP.INVALID',
        `relationships.devices.data must list 1 to ${ASM_MAX_ACTIVITY_DEVICES} orgDevices.`,
      );
    const serials: string[] = [];
    for (const item of devicesData) {
      if (!isObject(item) || item.type !== 'orgDevices' || typeof item.id !== 'string')
        return jsonApiError(400, 'ENTITY_ERROR.RELATIONSHIP.INVALID', 'Every device is {type: orgDevices, id: <serial>}.');
      if (!serials.includes(item.id)) serials.push(item.id);
    }
    const server = isObject(relationships.mdmServer) && isObject(relationships.mdmServer.data) ? relationships.mdmServer.data : null;
    const needsServer = type === 'ASSIGN_DEVICES' || type === 'UNASSIGN_DEVICES' || type === 'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE';
    let serverId: string | null = null;
    if (needsServer) {
      if (!server || server.type !== 'mdmServers' || typeof server.id !== 'string')
        return jsonApiError(400, 'ENTITY_ERROR.RELATIONSHIP.REQUIRED', `${type} needs relationships.mdmServer.`);
      if (!this.serverById(server.id)) return jsonApiError(404, 'NOT_FOUND', `No device management service ${server.id}.`);
      serverId = server.id;
    }
    const deadline = typeof attributes.mdmMigrationDeadline === 'string' ? attributes.mdmMigrationDeadline : null;
    if (
      (type === 'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE' || type === 'UPDATE_MDM_MIGRATION_DEADLINE') &&
      (deadline === null || Number.isNaN(Date.parse(deadline)))
    )
      return jsonApiError(400, 'ENTITY_ERROR.ATTRIBUTE.REQUIRED', `${type} needs attributes.mdmMigrationDeadline (ISO 8601).`);
    const activity: ActivityRecord = {
      id: randomUUID(),
      clientId,
      type: type as ActivityType,
      serverId,
      serials,
      deadline,
      createdAt: this.options.now(),
      status: 'IN_PROGRESS',
      subStatus: 'SUBMITTED',
      completedAt: null,
      lines: [],
    };
    this.activities.set(activity.id, activity);
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      if (activity.status === 'IN_PROGRESS') this.carryOut(activity);
    }, this.options.activityDelayMs ?? 0);
    this.pending.add(timer);
    return {
      status: 201,
      body: { data: this.renderActivity(activity, origin), links: { self: `${origin}/v1/orgDeviceActivities/${activity.id}` } },
    };
  }

  /** Migration deadlines set by activities, by serial; the devices' DEP records carry them too (protocol 8). */
  readonly migrationDeadlines = new Map<string, string>();

  private carryOut(activity: ActivityRecord): void {
    const state = this.options.state;
    const server = activity.serverId === null ? null : (this.serverById(activity.serverId) ?? null);
    const account = this.accounts.get(activity.clientId);
    for (const serial of activity.serials) {
      const device = state.devices.get(serial);
      if (!device) {
        activity.lines.push({ serial, result: 'FAILED', message: 'The device is not in the organization.' });
        continue;
      }
      switch (activity.type) {
        case 'ASSIGN_DEVICES':
        case 'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE': {
          state.assign(device, server!, account?.name ?? activity.clientId, activity.deadline);
          if (activity.deadline !== null) this.migrationDeadlines.set(serial, activity.deadline);
          activity.lines.push({ serial, result: 'SUCCESS', message: `Assigned to ${server!.name}.` });
          break;
        }
        case 'UNASSIGN_DEVICES': {
          if (device.state.serverUuid !== server!.uuid) {
            activity.lines.push({ serial, result: 'FAILED', message: `The device is not assigned to ${server!.name}.` });
          } else {
            state.unassign(device);
            activity.lines.push({ serial, result: 'SUCCESS', message: `Unassigned from ${server!.name}.` });
          }
          break;
        }
        case 'UPDATE_MDM_MIGRATION_DEADLINE':
        case 'CANCEL_MDM_MIGRATION': {
          if (!this.migrationDeadlines.has(serial)) {
            activity.lines.push({ serial, result: 'FAILED', message: 'The device has no migration in progress.' });
          } else if (activity.type === 'CANCEL_MDM_MIGRATION') {
            this.migrationDeadlines.delete(serial);
            state.setMigrationDeadline(device, null);
            activity.lines.push({ serial, result: 'SUCCESS', message: 'Migration cancelled.' });
          } else {
            this.migrationDeadlines.set(serial, activity.deadline!);
            state.setMigrationDeadline(device, activity.deadline!);
            activity.lines.push({ serial, result: 'SUCCESS', message: `Deadline moved to ${activity.deadline}.` });
          }
          break;
        }
      }
    }
    const failed = activity.lines.filter((line) => line.result === 'FAILED').length;
    activity.status = 'COMPLETED';
    activity.subStatus =
      failed === 0
        ? 'COMPLETED_WITH_SUCCESS'
        : failed === activity.lines.length
          ? 'COMPLETED_WITH_FAILURE'
          : 'COMPLETED_WITH_PARTIAL_FAILURE';
    activity.completedAt = this.options.now();
    state.changed();
  }

  private renderActivity(activity: ActivityRecord, origin: string): unknown {
    return {
      type: 'orgDeviceActivities',
      id: activity.id,
      attributes: {
        activityType: activity.type,
        status: activity.status,
        subStatus: activity.subStatus,
        createdDateTime: iso(activity.createdAt),
        completedDateTime: iso(activity.completedAt),
        downloadUrl: activity.status === 'IN_PROGRESS' ? null : `${origin}/simulator/school-manager/activities/${activity.id}/log.csv`,
      },
      links: { self: `${origin}/v1/orgDeviceActivities/${activity.id}` },
    };
  }

  private activity(id: string, origin: string): Answer {
    const activity = this.activities.get(id);
    if (!activity) return jsonApiError(404, 'NOT_FOUND', `No activity ${id}.`);
    return {
      status: 200,
      body: { data: this.renderActivity(activity, origin), links: { self: `${origin}/v1/orgDeviceActivities/${id}` } },
    };
  }
}
