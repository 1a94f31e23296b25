import { describe, expect, it } from 'vitest';
import type { OrderInfo, Sku } from '../../../src/simulator/apple/organization.js';
import { AppleState, CHANGE_RETENTION_MS, UNASSIGNED, type DeviceRecord, type ServerRecord } from '../../../src/simulator/apple/state.js';

const SKU: Sku = { model: 'iPad (A16)', description: 'IPAD WI-FI 128GB BLUE', color: 'BLUE', deviceFamily: 'iPad' };
const ORDER: OrderInfo = { number: 'ORD-1', date: 0, model: SKU.model, count: 0 };
const ORG = {
  org_name: 'O',
  org_address: 'A',
  org_email: 'e@o.example',
  org_phone: '1',
  org_id: '1',
  org_id_hash: 'h',
  org_type: 'edu' as const,
  org_version: 'v2' as const,
  domain: 'o.example',
  people: ['p@o.example'],
};

function setup(count: number) {
  let now = 1_000_000;
  const state = new AppleState(
    ORG,
    () => now,
    () => undefined,
  );
  const devices: DeviceRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const device: DeviceRecord = { serial: `S${i}`, sku: SKU, order: ORDER, state: UNASSIGNED, member: null, inOrg: true };
    state.addDevice(device);
    devices.push(device);
  }
  const server = (uuid: string): ServerRecord => {
    const record: ServerRecord = {
      uuid,
      name: uuid,
      adminId: 'p@o.example',
      createdAt: 0,
      certificatePem: '',
      credentials: { consumerKey: `CK_${uuid}`, consumerSecret: '', accessToken: '', accessSecret: '', issuedAt: 0, expiresAt: 0 },
      retiredAccessTokens: new Set(),
      members: [],
      liveCount: 0,
      tombstones: 0,
      log: [],
      logBase: 0,
    };
    state.addServer(record);
    return record;
  };
  return { state, devices, server, advance: (ms: number) => (now += ms) };
}

describe('AppleState', () => {
  it('logs a migration deadline with the assignment (added), its update and its cancel (modified), and drops it when the device leaves', () => {
    const { state, devices, server } = setup(1);
    const a = server('a');
    const b = server('b');
    state.assign(devices[0]!, a, 'p');
    expect(state.assign(devices[0]!, b, 'p', '2026-12-01T00:00:00.000Z')).toBe('moved');
    state.setMigrationDeadline(devices[0]!, '2026-12-08T00:00:00.000Z');
    state.setMigrationDeadline(devices[0]!, '2026-12-08T00:00:00.000Z');
    state.setMigrationDeadline(devices[0]!, null);
    expect(b.log.map((entry) => [entry.op, entry.state.migrationDeadline ?? null])).toEqual([
      ['added', '2026-12-01T00:00:00.000Z'],
      ['modified', '2026-12-08T00:00:00.000Z'],
      ['modified', null],
    ]);
    state.setMigrationDeadline(devices[0]!, '2026-12-09T00:00:00.000Z');
    state.unassign(devices[0]!);
    expect(devices[0]!.state.migrationDeadline ?? null).toBeNull();
  });

  it('logs added on the new server and deleted on the old one when a device moves, and clears its profile', () => {
    const { state, devices, server } = setup(1);
    const a = server('a');
    const b = server('b');
    expect(state.assign(devices[0]!, a, 'p')).toBe('assigned');
    state.assignProfile(devices[0]!, 'profile');
    expect(state.assign(devices[0]!, a, 'p')).toBe('unchanged');
    expect(state.assign(devices[0]!, b, 'p')).toBe('moved');
    expect(a.log.map((entry) => entry.op)).toEqual(['added', 'modified', 'deleted']);
    expect(b.log.map((entry) => entry.op)).toEqual(['added']);
    expect(devices[0]!.state).toMatchObject({ serverUuid: 'b', profileStatus: 'empty', profileUuid: null });
    expect([a.liveCount, a.tombstones, b.liveCount]).toEqual([0, 1, 1]);
  });

  it('brings a device assigned back to the server it left with that profile as removed, keeping its assign time', () => {
    const { state, devices, server, advance } = setup(1);
    const a = server('a');
    const device = devices[0]!;
    state.assign(device, a, 'p');
    state.assignProfile(device, 'profile');
    const profileAssignedAt = device.state.profileAssignedAt;
    state.markPushed(device);
    advance(1000);
    state.unassign(device);
    expect(device.state).toBe(UNASSIGNED);
    advance(1000);
    expect(state.assign(device, a, 'q')).toBe('assigned');
    expect(device.state).toEqual({
      serverUuid: 'a',
      assignedAt: 1_002_000,
      assignedBy: 'q',
      profileUuid: 'profile',
      profileStatus: 'removed',
      profileAssignedAt,
      profilePushedAt: null,
    });
    expect(a.log.at(-1)).toMatchObject({ op: 'added', state: device.state });
    expect(device.member!.state).toBe(device.state);
  });

  it('remembers a removed profile too, and comes back removed again after leaving the same server twice', () => {
    const { state, devices, server } = setup(1);
    const a = server('a');
    const device = devices[0]!;
    state.assign(device, a, 'p');
    state.assignProfile(device, 'profile');
    state.removeProfile(device);
    state.unassign(device);
    state.assign(device, a, 'p');
    expect(device.state).toMatchObject({ profileUuid: 'profile', profileStatus: 'removed' });
    state.unassign(device);
    state.assign(device, a, 'p');
    expect(device.state).toMatchObject({ profileUuid: 'profile', profileStatus: 'removed' });
  });

  it('gives an empty profile on a server other than the one last left, and remembers only the last server left', () => {
    const { state, devices, server } = setup(2);
    const a = server('a');
    const b = server('b');
    const [moved, plain] = devices as [DeviceRecord, DeviceRecord];
    state.assign(moved, a, 'p');
    state.assignProfile(moved, 'profile-a');
    state.assign(moved, b, 'p');
    expect(moved.state).toMatchObject({ serverUuid: 'b', profileStatus: 'empty', profileUuid: null });
    state.assign(moved, a, 'p');
    expect(moved.state).toMatchObject({ serverUuid: 'a', profileStatus: 'empty', profileUuid: null });
    state.assign(plain, a, 'p');
    state.unassign(plain);
    state.assign(plain, a, 'p');
    expect(plain.state).toMatchObject({ profileStatus: 'empty', profileUuid: null });
  });

  it('finds the first member after a log position by binary search', () => {
    const { state, devices, server } = setup(5);
    const a = server('a');
    for (const device of devices) state.assign(device, a, 'p');
    expect(state.firstMemberAfter(a, 0)).toBe(0);
    expect(state.firstMemberAfter(a, 3)).toBe(3);
    expect(state.firstMemberAfter(a, 5)).toBe(5);
  });

  it('drops change-log entries older than the cursor lifetime, keeping positions stable', () => {
    const { state, devices, server, advance } = setup(1);
    const a = server('a');
    const b = server('b');
    for (let i = 0; i < 4096; i += 1) {
      state.assign(devices[0]!, i % 2 === 0 ? a : b, 'p');
    }
    advance(CHANGE_RETENTION_MS + 1);
    for (let i = 0; i < 8192; i += 1) state.assign(devices[0]!, i % 2 === 0 ? a : b, 'p');
    expect(a.logBase).toBeGreaterThan(0);
    expect(state.position(a)).toBe(a.logBase + a.log.length);
    expect(state.changesAfter(a, 0, 10)).toBeNull();
    expect(state.changesAfter(a, state.position(a) - 2, 10)).toHaveLength(2);
  });
});
