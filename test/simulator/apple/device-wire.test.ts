import { describe, expect, it } from 'vitest';
import { wireChange, wireChangeJson, wireDevice, wireDeviceJson } from '../../../src/simulator/apple/device-wire.js';
import type { Sku } from '../../../src/simulator/apple/organization.js';
import { UNASSIGNED, type DeviceRecord, type DeviceState, type OpType } from '../../../src/simulator/apple/state.js';

const SKU: Sku = {
  model: 'iPad Air (5th generation)',
  description: 'IPAD AIR WI-FI + CELLULAR 64GB "PINK"',
  color: 'PINK',
  deviceFamily: 'iPad',
};
const DEVICE: DeviceRecord = {
  serial: 'DMPXK1ABJF8J',
  sku: SKU,
  order: { number: 'ORD-2026-0001', date: 0, model: SKU.model, count: 1 },
  state: UNASSIGNED,
  member: null,
  inOrg: true,
};
const ASSIGNED: DeviceState = {
  ...UNASSIGNED,
  serverUuid: 's',
  assignedAt: Date.parse('2026-09-01T08:00:00Z'),
  assignedBy: 'maria.kim@x.org',
};
const STATES: DeviceState[] = [
  ASSIGNED,
  { ...ASSIGNED, profileUuid: 'abc', profileStatus: 'assigned', profileAssignedAt: Date.parse('2026-09-01T09:00:00Z') },
  {
    ...ASSIGNED,
    profileUuid: 'abc',
    profileStatus: 'pushed',
    profileAssignedAt: 1,
    profilePushedAt: Date.parse('2026-09-02T09:00:00.123Z'),
  },
  { ...ASSIGNED, profileUuid: 'abc', profileStatus: 'removed', profileAssignedAt: 1 },
  { ...ASSIGNED, migrationDeadline: '2026-12-01T00:00:00.000Z' },
];

describe('device wire format', () => {
  it('writes the same JSON as text as JSON.stringify of the object form, for every protocol, state and op', () => {
    for (const protocol of [1, 2, 6, 7, 8, 10]) {
      for (const state of STATES) {
        expect(JSON.parse(wireDeviceJson(DEVICE, state, protocol))).toEqual(wireDevice(DEVICE, state, protocol));
        expect(wireDeviceJson(DEVICE, state, protocol)).toBe(JSON.stringify(wireDevice(DEVICE, state, protocol)));
        for (const op of ['added', 'modified', 'deleted'] as OpType[]) {
          expect(wireChangeJson(DEVICE, state, op, 86_400_000, protocol)).toBe(
            JSON.stringify(wireChange(DEVICE, state, op, 86_400_000, protocol)),
          );
        }
      }
    }
  });

  it('leaves profile fields out of empty and deleted records, and drops milliseconds from dates', () => {
    expect(wireDevice(DEVICE, ASSIGNED, 10)).not.toHaveProperty('profile_uuid');
    expect(wireChange(DEVICE, STATES[2]!, 'deleted', 0, 10)).not.toHaveProperty('profile_status');
    expect(wireDevice(DEVICE, STATES[2]!, 10).profile_push_time).toBe('2026-09-02T09:00:00Z');
  });

  it('writes mdm_migration_deadline from protocol 8 only, and never in deleted records', () => {
    const migrating = STATES[4]!;
    expect(wireDevice(DEVICE, migrating, 7)).not.toHaveProperty('mdm_migration_deadline');
    expect(wireDevice(DEVICE, migrating, 8).mdm_migration_deadline).toBe('2026-12-01T00:00:00.000Z');
    expect(wireChange(DEVICE, migrating, 'added', 0, 10).mdm_migration_deadline).toBe('2026-12-01T00:00:00.000Z');
    expect(wireChange(DEVICE, migrating, 'deleted', 0, 10)).not.toHaveProperty('mdm_migration_deadline');
  });
});
