import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceEnrollment } from '../../../src/entities/device-enrollment.entity.js';
import { Device } from '../../../src/entities/device.entity.js';
import { EnrollmentProfile } from '../../../src/entities/enrollment-profile.entity.js';
import { TEST_DATABASE_URL } from '../../support/database.js';
import { startSyncHarness, type SyncHarness } from '../sync/harness.js';

/** The entity's values of the keys `record` has: what a plain-row read must give, key for key. */
function columnsOf(entity: object, record: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(record).map((key) => [key, (entity as Record<string, unknown>)[key]]));
}

/**
 * The devices page, its enrollments and its profiles are read as plain rows with hand-written SQL
 * (`device-rows.ts`, `profile-rows.ts`): every column must come out as the TypeORM entity reads it,
 * whatever types the driver gives (SQLite 0/1 and text, PostgreSQL booleans and bigint text).
 */
describe(`plain-row reads equal the entities (${TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: SyncHarness;
  let tokenId: number;
  let otherTokenId: number;
  let devices: Device[];

  beforeAll(async () => {
    h = await startSyncHarness({ seed: 19 });
    tokenId = (await h.newToken('Rows school', 3)).token.id;
    otherTokenId = (await h.newToken('Other rows school', 1)).token.id;
    const manager = h.opened.dataSource.manager;
    devices = await manager.find(Device, { where: { tokenId }, order: { id: 'ASC' } });
    expect(devices).toHaveLength(3);
    const at = (minute: number) => new Date(Date.UTC(2026, 8, 1, 9, minute, 0, 123));
    // Every nullable column set on the first device, so each one's mapping is exercised with a value.
    await manager.update(
      Device,
      { id: devices[0]!.id },
      {
        assetTag: 'TAG-1',
        appleProfileUuid: 'uuid-1',
        profileAssignTime: at(1),
        profilePushTime: at(2),
        deviceAssignedDate: at(3),
        deviceAssignedBy: 'admin@school.example',
        movedAwayFromTokenId: otherTokenId,
        movedAwayAt: at(4),
        requiresWipe: true,
        mdmMigrationDeadline: at(5),
        releasedFromOrgAt: at(6),
        orderNumber: 'PO-1',
        purchaseSourceType: 'RESELLER',
        appleCareStatus: 'ACTIVE',
        appleCareDescription: 'AppleCare+ for Schools',
        appleCareEndsAt: at(7),
        schoolManagerCheckedAt: at(8),
      },
    );
    const enrollment = (device: Device, supervised: boolean | null, full: boolean) => ({
      deviceId: device.id,
      tokenId,
      profileId: null,
      state: full ? ('ENROLLED' as const) : ('ENROLLING' as const),
      maximumResidentUsers: full ? 4 : null,
      failureReason: full ? 'a reason' : null,
      udid: full ? 'udid-1' : null,
      osVersion: full ? '18.1' : null,
      buildVersion: full ? '22B83' : null,
      productName: full ? 'iPad13,18' : null,
      supervised,
      startedAt: at(10),
      enrolledAt: full ? at(11) : null,
      lastContactedAt: full ? at(12) : null,
      updatedAt: at(13),
    });
    await manager.insert(DeviceEnrollment, [enrollment(devices[0]!, true, true), enrollment(devices[1]!, false, false)]);
  });
  afterAll(async () => h?.close());

  it('reads a page of devices with every column as the Device entity has it', async () => {
    const page = await h.services.devices.list(tokenId, {}, { first: 10 });
    const entities = await h.opened.dataSource.manager.find(Device, { where: { tokenId }, order: { id: 'ASC' } });
    expect(page.edges.map((e) => e.node.id)).toEqual(entities.map((d) => d.id));
    for (const [i, { node }] of page.edges.entries()) {
      expect(Object.keys(node).sort()).toEqual(
        Object.keys(entities[i]!)
          .filter((key) => !['token', 'profile', 'movedAwayFromToken'].includes(key) && entities[i]![key as keyof Device] !== undefined)
          .sort(),
      );
      expect(node).toStrictEqual(columnsOf(entities[i]!, node));
    }
    const first = page.edges[0]!.node;
    expect(first.requiresWipe).toBe(true);
    expect(first.movedAwayFromTokenId).toBe(otherTokenId);
    expect(first.appleCareEndsAt).toEqual(new Date(Date.UTC(2026, 8, 1, 9, 7, 0, 123)));
    expect(page.edges[1]!.node.requiresWipe).toBe(false);
    expect(await page.totalCount()).toBe(3);
  });

  it('reads only the columns asked for, the others null, the asked ones as a full read has them', async () => {
    const full = await h.services.devices.list(tokenId, {}, { first: 10 });
    const narrow = await h.services.devices.list(tokenId, {}, { first: 10 }, null, ['model', 'firstSeenAt', 'requiresWipe']);
    expect(narrow.edges.map((e) => e.cursor)).toEqual(full.edges.map((e) => e.cursor));
    for (const [i, { node }] of narrow.edges.entries()) {
      const whole = full.edges[i]!.node;
      expect(node.id).toBe(whole.id);
      expect(node.model).toBe(whole.model);
      expect(node.firstSeenAt).toEqual(whole.firstSeenAt);
      expect(node.requiresWipe).toBe(whole.requiresWipe);
      expect(node.assetTag).toBeNull();
      expect(node.lastSeenAt).toBeNull();
    }
  });

  it('reads enrollments with every shown column as the DeviceEnrollment entity has it (supervised true, false and null)', async () => {
    const ids = devices.map((d) => d.id);
    const records = await h.services.enrollmentQueries.findByDeviceIds(ids);
    const entities = await h.opened.dataSource.manager.find(DeviceEnrollment, { order: { deviceId: 'ASC' } });
    expect([...records.keys()].sort((a, b) => a - b)).toEqual(entities.map((e) => e.deviceId));
    for (const entity of entities) {
      const record = records.get(entity.deviceId)!;
      expect(record).toStrictEqual(columnsOf(entity, record));
    }
    expect(records.get(ids[0]!)!.supervised).toBe(true);
    expect(records.get(ids[1]!)!.supervised).toBe(false);
    expect(records.has(ids[2]!)).toBe(false);
  });

  it('reads profiles with every column as the EnrollmentProfile entity has it', async () => {
    const manager = h.opened.dataSource.manager;
    const base = {
      tokenId,
      description: null,
      userAffinity: 'WITH_USER_AFFINITY' as const,
      pairing: 'ALLOW_CONFIGURATOR_BY_CERTIFICATE' as const,
      appleProfileUuid: 'apple-uuid',
      appleDefinedAt: new Date('2026-09-01T08:00:00.000Z'),
      createdAt: new Date('2026-09-01T08:00:00.000Z'),
      updatedAt: new Date('2026-09-01T08:30:00.000Z'),
    };
    await manager.insert(EnrollmentProfile, [
      {
        ...base,
        name: 'Rows full',
        enrollmentKey: 'rows-full',
        description: 'every column set',
        supervised: true,
        lockedEnrollment: true,
        sharedIPad: true,
        maximumCachedUsers: 8,
        configuratorCertificates: ['MIIB-cert'],
        awaitDeviceConfigured: true,
        departmentName: 'IT',
        departmentPhone: '+1 555 0100',
        skippedPanes: ['Privacy', 'Siri'],
        identityKind: 'ACME',
        isReturnToService: true,
        wifiSsid: 'School',
        wifiSecurity: 'WPA3',
        sealedWifiPassword: 'sealed',
      },
      {
        ...base,
        name: 'Rows empty',
        enrollmentKey: 'rows-empty',
        supervised: false,
        lockedEnrollment: false,
        sharedIPad: false,
        maximumCachedUsers: null,
        configuratorCertificates: [],
        awaitDeviceConfigured: false,
        departmentName: null,
        departmentPhone: null,
        skippedPanes: [],
        identityKind: null,
        isReturnToService: false,
        wifiSsid: null,
        wifiSecurity: null,
        sealedWifiPassword: null,
      },
    ]);
    const entities = await manager.find(EnrollmentProfile, { where: { tokenId }, order: { id: 'ASC' } });
    expect(entities).toHaveLength(2);
    const records = await h.services.profiles.findByIds([...entities.map((p) => p.id), 999_999]);
    expect(records.size).toBe(2);
    for (const entity of entities) {
      const record = records.get(entity.id)!;
      expect(record).toBeInstanceOf(EnrollmentProfile);
      expect({ ...record }).toStrictEqual(columnsOf(entity, record));
      expect(
        Object.keys(record)
          .filter((key) => record[key as keyof EnrollmentProfile] !== undefined)
          .sort(),
      ).toEqual(
        Object.keys(entity)
          .filter((key) => entity[key as keyof EnrollmentProfile] !== undefined)
          .sort(),
      );
    }
  });
});
