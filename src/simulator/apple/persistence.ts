/**
 * The simulator's state on disk, so a restarted Apple still knows the organisation, its servers
 * and their credentials, profiles, devices and change logs (cursors issued before the restart
 * keep working: their key comes from the persisted seed). Sessions and nonces are not kept.
 *
 * It also keeps the simulated device CA (certificate and key), so identities burnt into devices
 * before a restart still chain to the CA Homeroom was told to trust.
 *
 * The file is JSON with tables instead of nested objects (devices, SKUs, orders and device
 * states as arrays, referenced by index; identical states written once) so half a million
 * devices stay a few tens of megabytes. Writes are atomic (temporary file, then rename) and
 * debounced: a burst of portal or API changes costs one write.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AttestationCaRecord } from './attestation-ca.js';
import type { DeviceCaRecord } from './device-ca.js';
import type { OrderInfo, SimulatedOrganization, Sku } from './organization.js';
import type { RandomState } from './random.js';
import {
  AppleState,
  UNASSIGNED,
  type ApiAccountRecord,
  type ChangeEntry,
  type DeviceRecord,
  type DeviceState,
  type MemberEntry,
  type OpType,
  type ProfileRecord,
  type ProfileStatus,
  type ServerRecord,
} from './state.js';

/** Marks the file as ours. */
export const STATE_FORMAT = 'homeroom-apple-simulator';
/** Bumped when the layout changes incompatibly. */
export const STATE_VERSION = 1;

type StateRow = [number, number | null, string | null, string | null, ProfileStatus, number | null, number | null];
/** `leftProfile` as [server index, profile UUID, profile assign time]. */
type LeftRow = [number, string, number | null];
/** The sixth element is absent when the device has no `leftProfile` (and in files written before it existed). */
type DeviceRow = [string, number, number, number, 0 | 1, LeftRow?];
type LogRow = [number, 0 | 1 | 2, number, number];
type MemberRow = [number, number, number | null, number | null, number];

/** The random streams' positions. */
export interface PersistedRandom {
  orders: RandomState;
  ids: RandomState;
  sessions: RandomState;
}

interface PersistedServer {
  uuid: string;
  name: string;
  adminId: string;
  createdAt: number;
  certificatePem: string;
  credentials: ServerRecord['credentials'];
  retiredAccessTokens: string[];
  logBase: number;
  log: LogRow[];
  members: MemberRow[];
}

/** The file's JSON. */
export interface PersistedFile {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  seed: number;
  random: PersistedRandom;
  organization: SimulatedOrganization;
  termsRequired: boolean;
  orderSequence: number;
  skus: Array<[string, string, string]>;
  /** number, date, model, count, and 1 when added with Apple Configurator (absent in older files: bought). */
  orders: Array<[string, number, string, number, 1?]>;
  states: StateRow[];
  devices: DeviceRow[];
  servers: PersistedServer[];
  profiles: ProfileRecord[];
  /** The device CA; absent until first used (and in files written before it existed, which get one on first use). */
  deviceCa?: DeviceCaRecord;
  /** The attestation CA; absent until first used, like the device CA. */
  attestationCa?: AttestationCaRecord;
  /** School Manager API accounts (public keys only); absent in files written before the API existed. */
  apiAccounts?: ApiAccountRecord[];
  /** `[serial, epoch ms]` of released devices, for `releasedFromOrgDateTime`; absent in older files. */
  releasedAt?: Array<[string, number]>;
}

const OPS: OpType[] = ['added', 'modified', 'deleted'];

/** Writes the whole state as the file's JSON text. */
export function serializeState(state: AppleState, seed: number, random: PersistedRandom): string {
  const serverIndex = new Map([...state.servers.keys()].map((uuid, i) => [uuid, i]));
  const skuIndex = new Map<Sku, number>();
  const orderIndex = new Map<OrderInfo, number>();
  const stateIndex = new Map<DeviceState, number>();
  const deviceIndex = new Map<DeviceRecord, number>();
  const skus: PersistedFile['skus'] = [];
  const orders: PersistedFile['orders'] = [];
  const states: StateRow[] = [];
  const indexOf = <T>(map: Map<T, number>, key: T, add: () => void): number => {
    let index = map.get(key);
    if (index === undefined) {
      index = map.size;
      map.set(key, index);
      add();
    }
    return index;
  };
  const stateRef = (s: DeviceState) =>
    indexOf(stateIndex, s, () =>
      states.push([
        s.serverUuid === null ? -1 : serverIndex.get(s.serverUuid)!,
        s.assignedAt,
        s.assignedBy,
        s.profileUuid,
        s.profileStatus,
        s.profileAssignedAt,
        s.profilePushedAt,
      ]),
    );
  for (const order of state.orders.values()) indexOf(orderIndex, order.info, () => orders.push(orderRow(order.info)));
  const devices: DeviceRow[] = state.allDevices.map((device, i) => {
    deviceIndex.set(device, i);
    const sku = indexOf(skuIndex, device.sku, () => skus.push([device.sku.model, device.sku.description, device.sku.color]));
    const order = indexOf(orderIndex, device.order, () => orders.push(orderRow(device.order)));
    const row: DeviceRow = [device.serial, sku, order, stateRef(device.state), device.inOrg ? 1 : 0];
    const left = device.leftProfile;
    if (left) row.push([serverIndex.get(left.serverUuid)!, left.profileUuid, left.profileAssignedAt]);
    return row;
  });
  const servers: PersistedServer[] = [...state.servers.values()].map((server) => ({
    uuid: server.uuid,
    name: server.name,
    adminId: server.adminId,
    createdAt: server.createdAt,
    certificatePem: server.certificatePem,
    credentials: server.credentials,
    retiredAccessTokens: [...server.retiredAccessTokens],
    logBase: server.logBase,
    log: server.log.map((entry): LogRow => [
      deviceIndex.get(entry.device)!,
      OPS.indexOf(entry.op) as 0 | 1 | 2,
      entry.at,
      stateRef(entry.state),
    ]),
    members: server.members.map((member): MemberRow => [
      deviceIndex.get(member.device)!,
      member.addedAt,
      member.removedAt,
      member.removedTime,
      stateRef(member.state),
    ]),
  }));
  const file: PersistedFile = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    seed,
    random,
    organization: state.organization,
    termsRequired: state.termsRequired,
    orderSequence: state.orderSequence,
    skus,
    orders,
    states,
    devices,
    servers,
    profiles: [...state.profiles.values()],
  };
  if (state.deviceCa) file.deviceCa = { certificatePem: state.deviceCa.certificatePem, privateKeyPem: state.deviceCa.privateKeyPem };
  if (state.attestationCa) file.attestationCa = { ...state.attestationCa };
  if (state.apiAccounts.size > 0) file.apiAccounts = [...state.apiAccounts.values()];
  const released = state.allDevices.filter((device) => typeof device.releasedAt === 'number');
  if (released.length > 0) file.releasedAt = released.map((device) => [device.serial, device.releasedAt!]);
  return JSON.stringify(file);
}

/** Rebuilds the state from the file's JSON text; throws on a file that is not ours. */
export function deserializeState(
  text: string,
  now: () => number,
  onChange: () => void,
): { state: AppleState; seed: number; random: PersistedRandom } {
  const file = JSON.parse(text) as PersistedFile;
  if (file.format !== STATE_FORMAT || file.version !== STATE_VERSION) {
    throw new Error(`not a ${STATE_FORMAT} v${STATE_VERSION} state file`);
  }
  const state = new AppleState(file.organization, now, onChange);
  state.termsRequired = file.termsRequired;
  state.orderSequence = file.orderSequence;
  const skus: Sku[] = file.skus.map(([model, description, color]) => ({ model, description, color, deviceFamily: 'iPad' }));
  const orders: OrderInfo[] = file.orders.map(([number, date, model, count, manual]) => ({
    number,
    date,
    model,
    count,
    ...(manual === 1 ? { manuallyAdded: true } : {}),
  }));
  for (const order of orders) state.addOrder(order);
  const serverUuids = file.servers.map((server) => server.uuid);
  const states: DeviceState[] = file.states.map(([server, assignedAt, assignedBy, profileUuid, profileStatus, assignAt, pushAt]) =>
    server === -1 && profileStatus === 'empty' && assignedAt === null
      ? UNASSIGNED
      : {
          serverUuid: server === -1 ? null : serverUuids[server]!,
          assignedAt,
          assignedBy,
          profileUuid,
          profileStatus,
          profileAssignedAt: assignAt,
          profilePushedAt: pushAt,
        },
  );
  const devices: DeviceRecord[] = file.devices.map(([serial, sku, order, deviceState, inOrg, left]) => {
    const device: DeviceRecord = {
      serial,
      sku: skus[sku]!,
      order: orders[order]!,
      state: states[deviceState]!,
      member: null,
      inOrg: inOrg === 1,
    };
    if (left) device.leftProfile = { serverUuid: serverUuids[left[0]]!, profileUuid: left[1], profileAssignedAt: left[2] };
    state.addDevice(device);
    return device;
  });
  for (const saved of file.servers) {
    const members: MemberEntry[] = saved.members.map(([device, addedAt, removedAt, removedTime, memberState]) => {
      const member: MemberEntry = { device: devices[device]!, addedAt, removedAt, removedTime, state: states[memberState]! };
      if (removedAt === null) member.device.member = member;
      return member;
    });
    const log: ChangeEntry[] = saved.log.map(([device, op, at, entryState]) => ({
      at,
      op: OPS[op]!,
      device: devices[device]!,
      state: states[entryState]!,
    }));
    const liveCount = members.filter((member) => member.removedAt === null).length;
    state.addServer({
      uuid: saved.uuid,
      name: saved.name,
      adminId: saved.adminId,
      createdAt: saved.createdAt,
      certificatePem: saved.certificatePem,
      credentials: saved.credentials,
      retiredAccessTokens: new Set(saved.retiredAccessTokens),
      members,
      liveCount,
      tombstones: members.length - liveCount,
      log,
      logBase: saved.logBase,
    });
  }
  for (const profile of file.profiles) state.profiles.set(profile.uuid, profile);
  if (file.deviceCa) state.deviceCa = { certificatePem: file.deviceCa.certificatePem, privateKeyPem: file.deviceCa.privateKeyPem };
  if (file.attestationCa) state.attestationCa = { ...file.attestationCa };
  for (const account of file.apiAccounts ?? []) state.apiAccounts.set(account.clientId, account);
  if (file.releasedAt) {
    const bySerial = new Map(devices.map((device) => [device.serial, device]));
    for (const [serial, at] of file.releasedAt) {
      const device = bySerial.get(serial);
      if (device) device.releasedAt = at;
    }
  }
  return { state, seed: file.seed, random: file.random };
}

/**
 * Writes `text` to `file` atomically: a temporary file in the same directory, then a rename.
 * The state holds the simulated school's credentials and keys: the file is 0600 and a directory
 * created for it 0700, whatever the umask (set again with chmod, which the umask does not touch).
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const directory = path.dirname(file);
  if (!(await fs.stat(directory).catch(() => null))) {
    await fs.mkdir(directory, { recursive: true, mode: 0o700 });
    await fs.chmod(directory, 0o700);
  }
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
    await fs.chmod(temporary, 0o600);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** Debounced saving: `schedule()` after each change, `flush()` to write now. Writes never overlap. */
export class SaveScheduler {
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly serialize: () => string,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Notes a change; the write happens `delayMs` after the first unsaved change. */
  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(this.onError);
    }, this.delayMs);
    this.timer.unref();
  }

  /** Writes now if anything changed (or `force`), after any write already under way. */
  flush(force = false): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.dirty && !force) return this.writing;
    this.dirty = false;
    const text = this.serialize();
    this.writing = this.writing.catch(() => undefined).then(() => writeAtomically(this.file, text));
    return this.writing;
  }

  /** Stops the timer without writing. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** An order as the file keeps it. */
function orderRow(order: OrderInfo): PersistedFile['orders'][number] {
  const row: PersistedFile['orders'][number] = [order.number, order.date, order.model, order.count];
  if (order.manuallyAdded) row.push(1);
  return row;
}
