/**
 * Apple's books for one organisation: the devices it owns, the MDM servers it created, which
 * device is assigned to which server, profiles, and every server's change log.
 *
 * Two structures make the DEP calls cheap at 200,000+ devices. Each server keeps its members in
 * assignment order (an append-only array; a device that leaves becomes a tombstone that remembers
 * when it left), so a fetch page is a binary search plus a short scan, and a fetch that started at
 * log position P can still list exactly the devices that were members at P. Each server also keeps
 * its change log as an array indexed by position, so a sync page is a slice.
 *
 * A device's mutable part (`DeviceState`) is immutable and replaced on every change; the device,
 * its member entry and the log entries share those objects, so the log costs one small object per
 * change and shows each change as it was when it happened.
 */
import type { AttestationCaRecord } from './attestation-ca.js';
import type { DeviceCaRecord } from './device-ca.js';
import type { OrderInfo, SimulatedOrganization, Sku } from './organization.js';

/** Apple's `profile_status`. */
export type ProfileStatus = 'empty' | 'assigned' | 'pushed' | 'removed';
/** Apple's sync `op_type`. */
export type OpType = 'added' | 'modified' | 'deleted';

/** Changes older than this can no longer be read by any valid cursor (see cursors.ts). */
export const CHANGE_RETENTION_MS = 7 * 24 * 3600 * 1000 + 3600 * 1000;

/** The changing part of a device; replaced, never mutated. Times are epoch milliseconds. */
export interface DeviceState {
  readonly serverUuid: string | null;
  readonly assignedAt: number | null;
  readonly assignedBy: string | null;
  readonly profileUuid: string | null;
  readonly profileStatus: ProfileStatus;
  readonly profileAssignedAt: number | null;
  readonly profilePushedAt: number | null;
  /**
   * Migration without erase: the deadline (ISO 8601) a School Manager API activity set for the
   * device to leave its current MDM for this server's; DEP reports it from protocol 8. Optional, so
   * the shared `UNASSIGNED` and every restored state carry nothing; kept in memory only.
   */
  readonly migrationDeadline?: string | null;
}

/** The state of a device that no MDM server has. Shared, so 500,000 new devices cost one object. */
export const UNASSIGNED: DeviceState = Object.freeze({
  serverUuid: null,
  assignedAt: null,
  assignedBy: null,
  profileUuid: null,
  profileStatus: 'empty',
  profileAssignedAt: null,
  profilePushedAt: null,
});

/** The profile a device had on the server it last left (see `DeviceRecord.leftProfile`). */
export interface LeftProfile {
  readonly serverUuid: string;
  readonly profileUuid: string;
  readonly profileAssignedAt: number | null;
}

/** A device Apple knows (or knew: released devices stay referenced by old log entries). */
export interface DeviceRecord {
  readonly serial: string;
  readonly sku: Sku;
  readonly order: OrderInfo;
  state: DeviceState;
  /** Its live entry in its server's member list, if it has a server. */
  member: MemberEntry | null;
  /** False once released from (or disowned by) the organisation. */
  inOrg: boolean;
  /**
   * Apple brings a device assigned back to the server it last left with that server's old
   * `profile_uuid` and `profile_status: removed`, which trips MDMs that skip devices whose UUID
   * already matches. Set when a device leaves a server holding a profile; optional so the
   * half a million never-moved devices carry nothing.
   */
  leftProfile?: LeftProfile | null;
  /** When it was released from the organisation (epoch ms); the School Manager API reports it. */
  releasedAt?: number | null;
}

/** One stay of a device on a server, in assignment order. */
export interface MemberEntry {
  readonly device: DeviceRecord;
  /** Log position of the `added` change. */
  readonly addedAt: number;
  /** Log position of the `deleted` change, once the device left. */
  removedAt: number | null;
  /** Clock time it left, for compaction. */
  removedTime: number | null;
  /** The device's state while it is (or was last) a member. */
  state: DeviceState;
}

/** One entry of a server's change log; its position is implicit (see `ServerRecord.logBase`). */
export interface ChangeEntry {
  readonly at: number;
  readonly op: OpType;
  readonly device: DeviceRecord;
  readonly state: DeviceState;
}

/** The four OAuth strings of a server token and when they were issued and expire. */
export interface Credentials {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly accessToken: string;
  readonly accessSecret: string;
  readonly issuedAt: number;
  expiresAt: number;
}

/** An MDM server ("device management service") of the organisation. */
export interface ServerRecord {
  readonly uuid: string;
  readonly name: string;
  readonly adminId: string;
  readonly createdAt: number;
  certificatePem: string;
  credentials: Credentials;
  /** Access tokens of earlier downloads: they get `token_rejected`. */
  readonly retiredAccessTokens: Set<string>;
  members: MemberEntry[];
  liveCount: number;
  tombstones: number;
  log: ChangeEntry[];
  /** Position of the entry before `log[0]`; the entry `log[i]` is at position `logBase + i + 1`. */
  logBase: number;
}

/** A defined (immutable) profile. `body` is the profile JSON as accepted, without `devices`. */
export interface ProfileRecord {
  readonly uuid: string;
  readonly serverUuid: string;
  readonly createdAt: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/** An order with its devices, in the order they were generated. */
export interface OrderRecord {
  readonly info: OrderInfo;
  readonly devices: DeviceRecord[];
}

/** A School Manager API account of the organisation: Apple keeps the public key only. */
export interface ApiAccountRecord {
  readonly name: string;
  readonly clientId: string;
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly createdAt: number;
}

/** What assigning one device to a server did. */
export type AssignOutcome = 'assigned' | 'moved' | 'unchanged';

/** The organisation's whole state, with the mutations that keep members and logs consistent. */
export class AppleState {
  readonly devices = new Map<string, DeviceRecord>();
  /** Every serial ever issued, released ones included, so none is minted twice. */
  readonly usedSerials = new Set<string>();
  readonly allDevices: DeviceRecord[] = [];
  readonly orders = new Map<string, OrderRecord>();
  readonly servers = new Map<string, ServerRecord>();
  readonly serversByName = new Map<string, ServerRecord>();
  readonly consumerKeys = new Map<string, ServerRecord>();
  readonly profiles = new Map<string, ProfileRecord>();
  orderSequence = 0;
  termsRequired = false;
  /** The simulated device CA (see device-ca.ts), made on first use. */
  deviceCa: DeviceCaRecord | null = null;
  /** The simulated attestation CA (see attestation-ca.ts), made on first use. */
  attestationCa: AttestationCaRecord | null = null;
  /** School Manager API accounts by client id. */
  readonly apiAccounts = new Map<string, ApiAccountRecord>();

  constructor(
    public organization: SimulatedOrganization,
    private readonly now: () => number,
    private readonly onChange: () => void,
  ) {}

  /** Adds a device record (new, or restored from disk). */
  addDevice(device: DeviceRecord): void {
    this.usedSerials.add(device.serial);
    this.allDevices.push(device);
    if (device.inOrg) this.devices.set(device.serial, device);
    let order = this.orders.get(device.order.number);
    if (!order) {
      order = { info: device.order, devices: [] };
      this.orders.set(device.order.number, order);
    }
    order.devices.push(device);
  }

  /** Registers an order's info even before (or without) devices, e.g. an empty restored order. */
  addOrder(info: OrderInfo): void {
    if (!this.orders.has(info.number)) this.orders.set(info.number, { info, devices: [] });
  }

  /** Registers a server and its consumer key. */
  addServer(server: ServerRecord): void {
    this.servers.set(server.uuid, server);
    this.serversByName.set(server.name, server);
    this.consumerKeys.set(server.credentials.consumerKey, server);
  }

  /** Tells the persistence layer that something changed. */
  changed(): void {
    this.onChange();
  }

  /** The server's current log position: a cursor taken now sees changes after it. */
  position(server: ServerRecord): number {
    return server.logBase + server.log.length;
  }

  /** Log entries after `position`, at most `limit`; null when they were compacted away. */
  changesAfter(server: ServerRecord, position: number, limit: number): ChangeEntry[] | null {
    if (position < server.logBase) return null;
    const start = position - server.logBase;
    return server.log.slice(start, start + limit);
  }

  /** The clock time of the entry just after `position`, or null if there is none yet. */
  timeOfChangeAfter(server: ServerRecord, position: number): number | null {
    const entry = server.log[position - server.logBase];
    return entry ? entry.at : null;
  }

  /** Index of the first member added after `position` (members are sorted by `addedAt`). */
  firstMemberAfter(server: ServerRecord, position: number): number {
    let low = 0;
    let high = server.members.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (server.members[mid]!.addedAt <= position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Puts `device` on `server` (taking it off any other server first, as the portal's move does).
   * Back on the server it last left with a profile, it shows that profile as `removed`; else `empty`.
   */
  assign(device: DeviceRecord, server: ServerRecord, assignedBy: string, migrationDeadline: string | null = null): AssignOutcome {
    if (device.state.serverUuid === server.uuid) {
      if (migrationDeadline !== null) this.setMigrationDeadline(device, migrationDeadline);
      return 'unchanged';
    }
    const moved = device.state.serverUuid !== null;
    if (moved) this.unassign(device);
    const now = this.now();
    const left = device.leftProfile;
    const returning: Partial<DeviceState> =
      left && left.serverUuid === server.uuid
        ? { profileUuid: left.profileUuid, profileStatus: 'removed', profileAssignedAt: left.profileAssignedAt }
        : {};
    const deadline = migrationDeadline === null ? {} : { migrationDeadline };
    const state: DeviceState = { ...UNASSIGNED, ...returning, ...deadline, serverUuid: server.uuid, assignedAt: now, assignedBy };
    device.state = state;
    // The next unassign records afresh from the state, so the memory is spent.
    if (left) device.leftProfile = null;
    const position = this.append(server, 'added', device, state, now);
    const member: MemberEntry = { device, addedAt: position, removedAt: null, removedTime: null, state };
    server.members.push(member);
    server.liveCount += 1;
    device.member = member;
    return moved ? 'moved' : 'assigned';
  }

  /**
   * Takes `device` off its server (logged there as `deleted`, unless `logged` is false: it then
   * leaves fetches from now on without a change a sync would see); its profile goes with it,
   * remembered in `leftProfile`.
   */
  unassign(device: DeviceRecord, logged = true): boolean {
    const server = device.state.serverUuid === null ? undefined : this.servers.get(device.state.serverUuid);
    if (!server || !device.member) return false;
    const now = this.now();
    const member = device.member;
    member.removedAt = logged ? this.append(server, 'deleted', device, device.state, now) : this.position(server);
    member.removedTime = now;
    member.state = device.state;
    server.liveCount -= 1;
    server.tombstones += 1;
    device.member = null;
    const { profileUuid, profileStatus, profileAssignedAt } = device.state;
    if (profileUuid !== null && profileStatus !== 'empty') device.leftProfile = { serverUuid: server.uuid, profileUuid, profileAssignedAt };
    else if (device.leftProfile) device.leftProfile = null;
    device.state = UNASSIGNED;
    this.compactMembers(server, now);
    return true;
  }

  /**
   * Removes `device` from the organisation (portal release, or DEP disown). `depEvent: false`
   * releases it the way schools report Apple doing it: its server's sync sees no `deleted` change
   * (fetches no longer list it), so only the School Manager API tells an MDM.
   */
  release(device: DeviceRecord, depEvent = true): void {
    this.unassign(device, depEvent);
    device.inOrg = false;
    device.releasedAt = this.now();
    this.devices.delete(device.serial);
  }

  /** Maps a profile to a device on its server (`profile_status: assigned`). */
  assignProfile(device: DeviceRecord, profileUuid: string): void {
    const now = this.now();
    this.update(device, { profileUuid, profileStatus: 'assigned', profileAssignedAt: now, profilePushedAt: null }, now);
  }

  /** Clears a device's profile (`profile_status: removed`; the UUID stays visible, as on Apple's side). */
  removeProfile(device: DeviceRecord): boolean {
    if (device.state.profileStatus === 'empty' || device.state.profileStatus === 'removed') return false;
    this.update(device, { profileStatus: 'removed' }, this.now());
    return true;
  }

  /** Sets (or, with null, clears) the device's migration deadline: a `modified` change on its server. */
  setMigrationDeadline(device: DeviceRecord, migrationDeadline: string | null): void {
    if ((device.state.migrationDeadline ?? null) === migrationDeadline) return;
    this.update(device, { migrationDeadline }, this.now());
  }

  /** Records that the device downloaded its profile (`profile_status: pushed`). */
  markPushed(device: DeviceRecord): void {
    const now = this.now();
    this.update(device, { profileStatus: 'pushed', profilePushedAt: now }, now);
  }

  private update(device: DeviceRecord, patch: Partial<DeviceState>, now: number): void {
    const server = device.state.serverUuid === null ? undefined : this.servers.get(device.state.serverUuid);
    const state: DeviceState = { ...device.state, ...patch };
    device.state = state;
    if (device.member) device.member.state = state;
    if (server) this.append(server, 'modified', device, state, now);
  }

  private append(server: ServerRecord, op: OpType, device: DeviceRecord, state: DeviceState, at: number): number {
    server.log.push({ at, op, device, state });
    // Compaction is occasional so appends stay O(1) amortised.
    if (server.log.length >= 8192 && server.log.length % 4096 === 0) this.compactLog(server, at);
    return server.logBase + server.log.length;
  }

  private compactLog(server: ServerRecord, now: number): void {
    const cutoff = now - CHANGE_RETENTION_MS;
    let drop = 0;
    while (drop < server.log.length && server.log[drop]!.at < cutoff) drop += 1;
    if (drop === 0) return;
    server.log = server.log.slice(drop);
    server.logBase += drop;
  }

  private compactMembers(server: ServerRecord, now: number): void {
    // Tried at powers of two only, so a mass move away costs O(n log n), not O(n^2), when
    // every tombstone is still too recent to drop.
    const count = server.tombstones;
    if (count < 1024 || count < server.liveCount || (count & (count - 1)) !== 0) return;
    const cutoff = now - CHANGE_RETENTION_MS;
    const kept = server.members.filter((member) => member.removedTime === null || member.removedTime >= cutoff);
    server.tombstones -= server.members.length - kept.length;
    server.members = kept;
  }
}
