/**
 * The Apple School Manager portal, as far as an MDM's life depends on it: create an MDM server
 * from the uploaded certificate and download its token, download a new token (which retires
 * the old one), assign devices to servers by serial, order or CSV, move and release them, buy
 * more, and make the organisation accept new terms. Programmatic for tests and scenarios, and
 * the same operations as JSON over HTTP under `/portal` (see `handleHttp`). Every change that
 * touches a server's devices lands in that server's change log, which is what DEP sync reads.
 */
import {
  generateOrderDevices,
  knownModels,
  orderNumber as formatOrderNumber,
  type OrderInfo,
  type SimulatedOrganization,
} from './organization.js';
import type { SeededRandom } from './random.js';
import type { AppleState, DeviceRecord, ServerRecord } from './state.js';
import { UNASSIGNED } from './state.js';
import { issueTokenFile, mintConsumer, mintCredentials, parseCertificate, rfc3339, type TokenFile } from './token-file.js';
import { isObject } from './http.js';
import { osFor } from './device-wire.js';

/** A server as the portal lists it (snake_case, like the rest of Apple's vocabulary). */
export interface ServerSummary {
  server_name: string;
  server_uuid: string;
  admin_id: string;
  created_at: string;
  device_count: number;
  token_issued_at: string;
  token_expiry: string;
}

/** What an assignment (or move) did to each serial. */
export interface AssignDevicesResult {
  /** Were in no server, now in this one. */
  assigned: string[];
  /** Were in another server, now in this one (logged `deleted` there, `added` here). */
  moved: string[];
  /** Not (or no longer) in the organisation. */
  unknown: string[];
  /** Already in this server; nothing logged. */
  unchanged: string[];
}

/** An order as the portal lists it. */
export interface OrderSummary {
  order_number: string;
  order_date: string;
  model: string;
  /** Devices of the order still in the organisation (released ones are gone). */
  device_count: number;
}

/** A device as the portal lists it: Apple's fields plus the order and the server it is on. */
export interface PortalDevice {
  serial_number: string;
  model: string;
  description: string;
  color: string;
  os: string;
  device_family: string;
  order_number: string;
  order_date: string;
  server_name: string | null;
  server_uuid: string | null;
  device_assigned_date?: string;
  device_assigned_by?: string;
  profile_status: string;
  profile_uuid?: string;
  profile_assign_time?: string;
  profile_push_time?: string;
}

/** A refused portal operation; `status` is the HTTP status the portal answers with. */
export class PortalError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

/** Everything the portal reads and changes. */
export interface PortalDeps {
  readonly state: AppleState;
  /** Server UUIDs, credentials, who clicked. */
  readonly ids: SeededRandom;
  /** Serials and models of new orders. */
  readonly orders: SeededRandom;
  readonly now: () => number;
}

const MAX_ORDER = 500_000;

function parseCsvSerials(csv: string): string[] {
  const serials: string[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const first = line
      .split(/[,;\t]/)[0]!
      .trim()
      .replace(/^"|"$/g, '')
      .trim();
    if (first === '' || /serial/i.test(first)) continue;
    serials.push(first.toUpperCase());
  }
  return serials;
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new PortalError('INVALID_REQUEST', `${field} must be a list of strings.`);
  }
  return value;
}

/** The portal. */
export class Portal {
  constructor(private readonly deps: PortalDeps) {}

  /** The organisation's details. */
  organization(): SimulatedOrganization {
    return structuredClone(this.deps.state.organization);
  }

  /** Creates an MDM server from the uploaded certificate and returns its first token file. */
  createServer(request: { name: string; publicKeyPem: string; adminId?: string }): { server: ServerSummary; token: TokenFile } {
    const { state, ids } = this.deps;
    const name = typeof request.name === 'string' ? request.name.trim() : '';
    if (name === '' || name.length > 200) throw new PortalError('INVALID_SERVER_NAME', 'A server needs a name of 1 to 200 characters.');
    if (state.serversByName.has(name)) throw new PortalError('SERVER_NAME_TAKEN', `There is already a server named "${name}".`);
    this.certificate(request.publicKeyPem);
    const now = this.deps.now();
    const credentials = mintCredentials(ids, mintConsumer(ids), now);
    const server: ServerRecord = {
      uuid: ids.uuid(),
      name,
      adminId: request.adminId ?? state.organization.people[0] ?? state.organization.org_email,
      createdAt: now,
      certificatePem: request.publicKeyPem,
      credentials,
      retiredAccessTokens: new Set(),
      members: [],
      liveCount: 0,
      tombstones: 0,
      log: [],
      logBase: 0,
    };
    state.addServer(server);
    state.changed();
    return { server: this.summary(server), token: issueTokenFile(server.certificatePem, credentials, name, now) };
  }

  /** A new token for the server: new access token and secret, the previous ones now `token_rejected`. */
  downloadToken(serverName: string, options: { publicKeyPem?: string } = {}): TokenFile {
    const server = this.server(serverName);
    if (options.publicKeyPem !== undefined) {
      this.certificate(options.publicKeyPem);
      server.certificatePem = options.publicKeyPem;
    }
    const now = this.deps.now();
    server.retiredAccessTokens.add(server.credentials.accessToken);
    server.credentials = mintCredentials(this.deps.ids, server.credentials, now);
    this.deps.state.changed();
    return issueTokenFile(server.certificatePem, server.credentials, server.name, now);
  }

  /** Every server, in creation order. */
  listServers(): ServerSummary[] {
    return [...this.deps.state.servers.values()].map((server) => this.summary(server));
  }

  /** Assigns devices, named by serial, by order number or by a CSV whose first column is the serial. */
  assignDevices(serverName: string, selection: { serials?: string[]; orderNumbers?: string[]; csv?: string }): AssignDevicesResult {
    const server = this.server(serverName);
    const { serials, orderNumbers, csv } = selection;
    if (serials === undefined && orderNumbers === undefined && csv === undefined) {
      throw new PortalError('INVALID_REQUEST', 'Name the devices by serials, order numbers or a CSV file.');
    }
    const wanted: string[] = [];
    if (serials !== undefined) wanted.push(...stringList(serials, 'serials'));
    for (const number of orderNumbers === undefined ? [] : stringList(orderNumbers, 'orderNumbers')) {
      const order = this.deps.state.orders.get(number);
      if (!order) throw new PortalError('ORDER_NOT_FOUND', `There is no order ${number}.`, 404);
      for (const device of order.devices) if (device.inOrg) wanted.push(device.serial);
    }
    if (csv !== undefined) {
      if (typeof csv !== 'string') throw new PortalError('INVALID_REQUEST', 'csv must be the text of a CSV file.');
      wanted.push(...parseCsvSerials(csv));
    }
    return this.assignSerials(server, wanted);
  }

  /** Moves devices to another server (the portal's "edit device management"). */
  moveDevices(serials: string[], toServerName: string): AssignDevicesResult {
    return this.assignSerials(this.server(toServerName), stringList(serials, 'serials'));
  }

  /** Takes devices off their server, leaving them in the organisation. */
  unassignDevices(serials: string[]): { unassigned: string[]; unknown: string[] } {
    const result = { unassigned: [] as string[], unknown: [] as string[] };
    for (const serial of new Set(stringList(serials, 'serials'))) {
      const device = this.deps.state.devices.get(serial);
      if (!device) result.unknown.push(serial);
      else if (this.deps.state.unassign(device)) result.unassigned.push(serial);
    }
    this.deps.state.changed();
    return result;
  }

  /**
   * Releases devices from the organisation (they disappear from every list and from activation).
   * `depEvent: false`: their server's DEP sync gets no `deleted` change (see `AppleState.release`).
   */
  releaseDevices(serials: string[], options: { depEvent?: boolean } = {}): { released: string[]; unknown: string[] } {
    const result = { released: [] as string[], unknown: [] as string[] };
    for (const serial of new Set(stringList(serials, 'serials'))) {
      const device = this.deps.state.devices.get(serial);
      if (!device) {
        result.unknown.push(serial);
        continue;
      }
      this.deps.state.release(device, options.depEvent ?? true);
      result.released.push(serial);
    }
    this.deps.state.changed();
    return result;
  }

  /**
   * Adds newly purchased devices to the organisation, unassigned; `manuallyAdded`: devices added with
   * Apple Configurator instead (MANUALLY_ADDED, provisional for 30 days).
   */
  addOrder(request: { count: number; orderNumber?: string; model?: string; date?: Date; manuallyAdded?: boolean }): {
    orderNumber: string;
    serials: string[];
  } {
    const { state } = this.deps;
    if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_ORDER) {
      throw new PortalError('INVALID_REQUEST', `An order holds 1 to ${MAX_ORDER} devices.`);
    }
    if (request.model !== undefined && !knownModels().includes(request.model)) {
      throw new PortalError('UNKNOWN_MODEL', `Unknown model "${request.model}". Known: ${knownModels().join(', ')}.`);
    }
    if (request.manuallyAdded !== undefined && typeof request.manuallyAdded !== 'boolean') {
      throw new PortalError('INVALID_REQUEST', 'manuallyAdded must be a boolean.');
    }
    const date = request.date?.getTime() ?? this.deps.now();
    let number = request.orderNumber;
    if (number === undefined) {
      do number = formatOrderNumber(new Date(date).getUTCFullYear(), ++state.orderSequence);
      while (state.orders.has(number));
    } else if (typeof number !== 'string' || number.trim() === '') {
      throw new PortalError('INVALID_REQUEST', 'orderNumber must be a non-empty string.');
    } else if (state.orders.has(number)) {
      throw new PortalError('ORDER_NUMBER_TAKEN', `There is already an order ${number}.`);
    }
    const generated = generateOrderDevices(this.deps.orders, { count: request.count, model: request.model }, state.usedSerials);
    const order: OrderInfo = {
      number,
      date,
      model: generated.model,
      count: request.count,
      ...(request.manuallyAdded ? { manuallyAdded: true } : {}),
    };
    state.addOrder(order);
    for (const { serial, sku } of generated.devices) {
      state.addDevice({ serial, sku, order, state: UNASSIGNED, member: null, inOrg: true });
    }
    state.changed();
    return { orderNumber: number, serials: generated.devices.map((device) => device.serial) };
  }

  /** Apple published new terms: every DEP call answers 403 `T_C_NOT_SIGNED` until they are accepted. */
  requireTermsAcceptance(): void {
    this.deps.state.termsRequired = true;
    this.deps.state.changed();
  }

  /** An administrator accepted the terms. */
  acceptTerms(): void {
    this.deps.state.termsRequired = false;
    this.deps.state.changed();
  }

  /** Whether terms are waiting for acceptance. */
  termsRequired(): boolean {
    return this.deps.state.termsRequired;
  }

  /** The organisation's orders, oldest first, with how many of their devices are still in the organisation. */
  listOrders(): OrderSummary[] {
    return [...this.deps.state.orders.values()]
      .map(({ info, devices }) => ({
        order_number: info.number,
        order_date: new Date(info.date).toISOString(),
        model: info.model,
        device_count: devices.filter((device) => device.inOrg).length,
      }))
      .sort((a, b) => a.order_date.localeCompare(b.order_date) || a.order_number.localeCompare(b.order_number));
  }

  /** Devices of the organisation, optionally of one server (assignment order) or one order. */
  listDevices(filter: { server?: string; orderNumber?: string; limit?: number } = {}): PortalDevice[] {
    return this.selectDevices(filter)
      .slice(0, filter.limit ?? Number.POSITIVE_INFINITY)
      .map((device) => this.portalDevice(device));
  }

  /** Moves the server's token expiry into the past: `/session` answers 401 `token_expired`. */
  expireToken(serverName: string): void {
    this.server(serverName).credentials.expiresAt = this.deps.now() - 1000;
    this.deps.state.changed();
  }

  /**
   * The portal over HTTP: JSON in, JSON out, errors as `{ "error": { "code", "message" } }`.
   * Returns null for a path it does not know (the caller answers 404).
   */
  handleHttp(method: string, path: string, query: URLSearchParams, body: unknown): { status: number; body: unknown } | null {
    const input = isObject(body) ? body : {};
    const ok = (value: unknown, status = 200) => ({ status, body: value });
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const route = `${method} /${segments.map((segment, i) => (segments[1] === 'servers' && i === 2 ? ':name' : segment)).join('/')}`;
    switch (route) {
      case 'GET /portal/organization':
        return ok(this.organization());
      case 'GET /portal/servers':
        return ok({ servers: this.listServers() });
      case 'POST /portal/servers':
        return ok(
          this.createServer({
            name: input.name as string,
            publicKeyPem: input.publicKeyPem as string,
            ...(typeof input.adminId === 'string' ? { adminId: input.adminId } : {}),
          }),
          201,
        );
      case 'POST /portal/servers/:name/token':
        return ok(this.downloadToken(segments[2]!, input.publicKeyPem === undefined ? {} : { publicKeyPem: input.publicKeyPem as string }));
      case 'POST /portal/servers/:name/expire-token':
        this.expireToken(segments[2]!);
        return ok({ expired: true });
      case 'POST /portal/servers/:name/devices':
        return ok(this.assignDevices(segments[2]!, input as { serials?: string[]; orderNumbers?: string[]; csv?: string }));
      case 'POST /portal/devices/move':
        if (typeof input.toServer !== 'string') throw new PortalError('INVALID_REQUEST', 'toServer must name a server.');
        return ok(this.moveDevices(input.serials as string[], input.toServer));
      case 'POST /portal/devices/unassign':
        return ok(this.unassignDevices(input.serials as string[]));
      case 'POST /portal/devices/release':
        if (input.depEvent !== undefined && typeof input.depEvent !== 'boolean')
          throw new PortalError('INVALID_REQUEST', 'depEvent must be a boolean.');
        return ok(this.releaseDevices(input.serials as string[], { depEvent: input.depEvent !== false }));
      case 'GET /portal/orders':
        return ok({ orders: this.listOrders() });
      case 'POST /portal/orders':
        return ok(this.addOrder(input as { count: number; orderNumber?: string; model?: string; manuallyAdded?: boolean }), 201);
      case 'POST /portal/terms/require':
        this.requireTermsAcceptance();
        return ok({ termsRequired: true });
      case 'POST /portal/terms/accept':
        this.acceptTerms();
        return ok({ termsRequired: false });
      case 'GET /portal/devices': {
        const limit = query.has('limit') ? Number(query.get('limit')) : 1000;
        if (!Number.isInteger(limit) || limit < 1) throw new PortalError('INVALID_REQUEST', 'limit must be a positive integer.');
        const selected = this.selectDevices({ server: query.get('server') ?? undefined, orderNumber: query.get('order') ?? undefined });
        return ok({ total: selected.length, devices: selected.slice(0, limit).map((device) => this.portalDevice(device)) });
      }
      default:
        return null;
    }
  }

  private selectDevices(filter: { server?: string | undefined; orderNumber?: string | undefined }): DeviceRecord[] {
    const { state } = this.deps;
    const number = filter.orderNumber;
    const order = number === undefined ? undefined : state.orders.get(number);
    if (number !== undefined && !order) throw new PortalError('ORDER_NOT_FOUND', `There is no order ${number}.`, 404);
    if (filter.server !== undefined) {
      const live = this.server(filter.server).members.filter((member) => member.removedAt === null);
      return live.map((member) => member.device).filter((device) => number === undefined || device.order.number === number);
    }
    if (order) return order.devices.filter((device) => device.inOrg);
    return [...state.devices.values()];
  }

  private certificate(pem: string): void {
    try {
      parseCertificate(pem);
    } catch (error) {
      throw new PortalError(
        'INVALID_CERTIFICATE',
        `Upload a PEM certificate holding the server's public key: ${(error as Error).message}.`,
      );
    }
  }

  private server(name: string): ServerRecord {
    const server = this.deps.state.serversByName.get(name);
    if (!server) throw new PortalError('SERVER_NOT_FOUND', `There is no server named "${name}".`, 404);
    return server;
  }

  private assignSerials(server: ServerRecord, serials: string[]): AssignDevicesResult {
    const { state, ids } = this.deps;
    const people = state.organization.people;
    const by = people.length > 0 ? ids.pick(people) : state.organization.org_email;
    const result: AssignDevicesResult = { assigned: [], moved: [], unknown: [], unchanged: [] };
    for (const serial of new Set(serials)) {
      const device = state.devices.get(serial);
      if (!device) {
        result.unknown.push(serial);
        continue;
      }
      const outcome = state.assign(device, server, by);
      result[outcome === 'unchanged' ? 'unchanged' : outcome].push(serial);
    }
    state.changed();
    return result;
  }

  private summary(server: ServerRecord): ServerSummary {
    return {
      server_name: server.name,
      server_uuid: server.uuid,
      admin_id: server.adminId,
      created_at: rfc3339(server.createdAt),
      device_count: server.liveCount,
      token_issued_at: rfc3339(server.credentials.issuedAt),
      token_expiry: rfc3339(server.credentials.expiresAt),
    };
  }

  private portalDevice(device: DeviceRecord): PortalDevice {
    const { state } = device;
    const server = state.serverUuid === null ? undefined : this.deps.state.servers.get(state.serverUuid);
    const out: PortalDevice = {
      serial_number: device.serial,
      model: device.sku.model,
      description: device.sku.description,
      color: device.sku.color,
      os: osFor(Number.MAX_SAFE_INTEGER),
      device_family: device.sku.deviceFamily,
      order_number: device.order.number,
      order_date: rfc3339(device.order.date),
      server_name: server?.name ?? null,
      server_uuid: server?.uuid ?? null,
      profile_status: state.profileStatus,
    };
    if (state.assignedAt !== null) out.device_assigned_date = rfc3339(state.assignedAt);
    if (state.assignedBy !== null) out.device_assigned_by = state.assignedBy;
    if (state.profileUuid !== null && state.profileStatus !== 'empty') out.profile_uuid = state.profileUuid;
    if (state.profileAssignedAt !== null) out.profile_assign_time = rfc3339(state.profileAssignedAt);
    if (state.profilePushedAt !== null) out.profile_push_time = rfc3339(state.profilePushedAt);
    return out;
  }
}
