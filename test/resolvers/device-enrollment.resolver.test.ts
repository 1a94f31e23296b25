import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { isObjectType, parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DeviceEnrollment, type EnrollmentStateName } from '../../src/entities/device-enrollment.entity.js';
import { Device } from '../../src/entities/device.entity.js';
import { createLogger } from '../../src/logger.js';
import { RESOLVERS } from '../../src/resolvers/index.js';
import { buildSchemaShape } from '../../src/schema/build-schema.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import {
  AssignProfileDocument,
  DeviceEnrollmentNodeDocument,
  TokenDeviceEnrollmentsDocument,
  type DeviceFilterInput,
  type EnrollmentState,
} from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { simulatedSchool } from '../support/tokens.js';

/**
 * `Device.enrollment` and the devices connection's `enrollmentStates` filter (issue 7) over HTTP.
 * The MDM endpoints are another slice: enrollment rows are written here directly, as those
 * endpoints would leave them, for devices a synced simulated school made.
 */
describe('device enrollment state over GraphQL', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let schools = 0;

  beforeAll(async () => {
    t = await startTestServer({ clock });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await t.server.services.assignments.idle();
  });
  afterAll(() => t.close());

  /** A token of a new MDM server with `count` synced devices (in the order Homeroom saw them) and a cart profile. */
  async function school(count: number) {
    schools += 1;
    const made = await simulatedSchool(t.server.services, t.server.apple.simulator!, ctx, {
      name: `Enrollment school ${schools}`,
      devices: count,
    });
    const devices = await t.server.dataSource.getRepository(Device).find({ where: { tokenId: made.token.id }, order: { id: 'ASC' } });
    expect(devices).toHaveLength(count);
    return { ...made, devices, tokenId: toGlobalId('EnrollmentProgramToken', made.token.id) };
  }

  /** Stores the enrollment row the MDM endpoints would, secrets included (they must never show). */
  async function enroll(device: Device, state: EnrollmentStateName, changes: Partial<DeviceEnrollment> = {}): Promise<DeviceEnrollment> {
    const now = clock.now();
    return t.server.dataSource.getRepository(DeviceEnrollment).save({
      deviceId: device.id,
      tokenId: device.tokenId,
      profileId: null,
      state,
      failureReason: null,
      udid: `00008101-${String(device.id).padStart(16, '0')}`,
      osVersion: '18.1',
      buildVersion: '22B83',
      productName: 'iPad13,18',
      language: 'en',
      supervised: true,
      topic: 'com.apple.mgmt.External.test',
      identitySerial: `SECRET-IDENTITY-${device.id}`,
      identityFingerprint: `secret-fingerprint-${device.id}`,
      pushToken: `secret-push-token-${device.id}`,
      pushMagic: `secret-push-magic-${device.id}`,
      sealedUnlockToken: `secret-unlock-${device.id}`,
      startedAt: now,
      enrolledAt: null,
      lastContactedAt: now,
      updatedAt: now,
      ...changes,
    });
  }

  async function devicesOf(tokenId: string, filter?: DeviceFilterInput, page: { first?: number; after?: string } = { first: 500 }) {
    const res = await t.request(
      TokenDeviceEnrollmentsDocument,
      { id: tokenId, ...page, ...(filter ? { filter } : {}) },
      t.keys[Role.READ_ONLY],
    );
    expect(res.errors).toBeUndefined();
    const node = res.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node.devices;
  }

  async function serialsIn(tokenId: string, enrollmentStates: EnrollmentState[]) {
    const devices = await devicesOf(tokenId, { enrollmentStates });
    expect(devices.totalCount).toBe(devices.edges.length);
    return devices.edges.map((edge) => edge.node.serialNumber);
  }

  async function enrollmentOf(device: Device, key = t.keys[Role.READ_ONLY]) {
    const res = await t.request(DeviceEnrollmentNodeDocument, { id: toGlobalId('Device', device.id) }, key);
    expect(res.errors).toBeUndefined();
    const node = res.data!.node;
    if (node?.__typename !== 'Device') throw new Error('not a device');
    return node.enrollment;
  }

  it('shows NOT_CONTACTED with every fact null for a device that never contacted Homeroom', async () => {
    const { devices } = await school(1);
    expect(await enrollmentOf(devices[0]!)).toEqual({
      state: 'NOT_CONTACTED',
      failureReason: null,
      udid: null,
      osVersion: null,
      buildVersion: null,
      productName: null,
      supervised: null,
      startedAt: null,
      enrolledAt: null,
      lastContactedAt: null,
      profile: null,
    });
  });

  it('shows what an enrolled device reported, the profile it enrolled with, and none of its secrets', async () => {
    const { devices, profile } = await school(1);
    const started = clock.now();
    clock.advance(90_000);
    const row = await enroll(devices[0]!, 'ENROLLED', { profileId: profile.id, startedAt: started, enrolledAt: clock.now() });

    const res = await t.request(DeviceEnrollmentNodeDocument, { id: toGlobalId('Device', devices[0]!.id) }, t.keys[Role.READ_ONLY]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toMatchObject({
      enrollment: {
        state: 'ENROLLED',
        failureReason: null,
        udid: row.udid,
        osVersion: '18.1',
        buildVersion: '22B83',
        productName: 'iPad13,18',
        supervised: true,
        startedAt: started.toISOString(),
        enrolledAt: clock.now().toISOString(),
        lastContactedAt: clock.now().toISOString(),
        profile: { id: toGlobalId('EnrollmentProfile', profile.id), name: profile.name },
      },
    });
    expect(JSON.stringify(res.data)).not.toMatch(/secret/);
  });

  it('shows FAILED with its reason', async () => {
    const { devices } = await school(1);
    await enroll(devices[0]!, 'FAILED', { failureReason: 'The device refused the enrollment profile.' });
    expect(await enrollmentOf(devices[0]!)).toMatchObject({ state: 'FAILED', failureReason: 'The device refused the enrollment profile.' });
  });

  it('has no field for the push token, push magic, unlock token or identity certificate', async () => {
    const type = (await buildSchemaShape([...RESOLVERS])).getType('DeviceEnrollment');
    if (!isObjectType(type)) throw new Error('DeviceEnrollment is not an object type');
    expect(Object.keys(type.getFields()).sort()).toEqual([
      'buildVersion',
      'enrolledAt',
      'failureReason',
      'lastContactedAt',
      'maximumResidentUsers',
      'osVersion',
      'productName',
      'profile',
      'residentUsers',
      'startedAt',
      'state',
      'supervised',
      'udid',
      'user',
    ]);
  });

  it('filters devices by enrollment state: NOT_CONTACTED includes devices without a row, several states match any', async () => {
    const { devices, tokenId } = await school(6);
    const [none, enrolled, failed, awaiting, unenrolled, noneEither] = devices.map((d) => d.serialNumber);
    await enroll(devices[1]!, 'ENROLLED');
    await enroll(devices[2]!, 'FAILED', { failureReason: 'No.' });
    await enroll(devices[3]!, 'AWAITING_CONFIGURATION');
    await enroll(devices[4]!, 'UNENROLLED');
    // Another token's enrolled device never shows in this token's list.
    const other = await school(1);
    await enroll(other.devices[0]!, 'ENROLLED');

    expect(await serialsIn(tokenId, ['NOT_CONTACTED'])).toEqual([none, noneEither]);
    expect(await serialsIn(tokenId, ['ENROLLED'])).toEqual([enrolled]);
    expect(await serialsIn(tokenId, ['ENROLLED', 'FAILED'])).toEqual([enrolled, failed]);
    expect(await serialsIn(tokenId, ['NOT_CONTACTED', 'AWAITING_CONFIGURATION', 'UNENROLLED'])).toEqual([
      none,
      awaiting,
      unenrolled,
      noneEither,
    ]);
    expect(await serialsIn(tokenId, ['ENROLLING'])).toEqual([]);
    // Repeats change nothing; an empty list is no condition, like omitting it.
    expect(await serialsIn(tokenId, ['FAILED', 'FAILED'])).toEqual([failed]);
    expect(await serialsIn(tokenId, [])).toEqual(devices.map((d) => d.serialNumber));

    // Paging and the other conditions work with it.
    const first = await devicesOf(tokenId, { enrollmentStates: ['NOT_CONTACTED', 'ENROLLED'] }, { first: 2 });
    expect(first.edges.map((e) => e.node.serialNumber)).toEqual([none, enrolled]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await devicesOf(
      tokenId,
      { enrollmentStates: ['NOT_CONTACTED', 'ENROLLED'] },
      { first: 2, after: first.pageInfo.endCursor! },
    );
    expect(rest.edges.map((e) => e.node.serialNumber)).toEqual([noneEither]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const narrowed = await devicesOf(tokenId, { enrollmentStates: ['NOT_CONTACTED'], serialContains: noneEither!.toLowerCase() });
    expect(narrowed.edges.map((e) => e.node.serialNumber)).toEqual([noneEither]);
  });

  it('assigns a profile by an enrollment-state filter to exactly the devices the connection lists', async () => {
    const { devices, profile, tokenId } = await school(4);
    await enroll(devices[0]!, 'FAILED', { failureReason: 'No.' });
    await enroll(devices[2]!, 'UNENROLLED');
    const input = {
      profileId: toGlobalId('EnrollmentProfile', profile.id),
      devices: { filter: { enrollmentStates: ['FAILED', 'UNENROLLED'] as EnrollmentState[] } },
    };

    const preview = await t.request(AssignProfileDocument, { input: { ...input, preview: true } }, t.keys[Role.OPERATOR]);
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.assignProfile.preview).toMatchObject({
      willChangeCount: 2,
      unchangedCount: 0,
      willChange: [devices[0], devices[2]].map((d) => ({ id: toGlobalId('Device', d!.id), serialNumber: d!.serialNumber })),
    });

    const res = await t.request(AssignProfileDocument, { input }, t.keys[Role.OPERATOR]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.assignProfile.job).toMatchObject({ deviceCount: 2, pendingCount: 2 });
    await t.server.services.assignments.idle();
    const assigned = await devicesOf(tokenId, {
      profile: { assignment: 'PROFILE', profileId: toGlobalId('EnrollmentProfile', profile.id) },
    });
    expect(assigned.edges.map((e) => e.node.serialNumber)).toEqual([devices[0]!.serialNumber, devices[2]!.serialNumber]);
  });

  it('reads the enrollments of a page of 50 devices with one query', async () => {
    const { devices, tokenId } = await school(50);
    for (const [index, device] of devices.entries()) if (index % 3 === 0) await enroll(device, 'ENROLLED');
    const read = vi.spyOn(t.server.services.enrollmentQueries, 'findByDeviceIds');

    const page = await devicesOf(tokenId, undefined, { first: 50 });
    expect(page.edges).toHaveLength(50);
    expect(page.edges.map((e) => e.node.enrollment.state)).toEqual(devices.map((_, i) => (i % 3 === 0 ? 'ENROLLED' : 'NOT_CONTACTED')));
    expect(read).toHaveBeenCalledTimes(1);
    expect([...read.mock.calls[0]![0]].sort((a, b) => a - b)).toEqual(devices.map((d) => d.id));
  });

  it("answers a page's profiles and enrollments (and the enrollments' profiles) with one read each, as before it loaded them ahead", async () => {
    const { devices, profile, tokenId } = await school(6);
    for (const [index, device] of devices.entries()) if (index % 2 === 0) await enroll(device, 'ENROLLED', { profileId: profile.id });
    const enrollments = vi.spyOn(t.server.services.enrollmentQueries, 'findByDeviceIds');
    const profiles = vi.spyOn(t.server.services.profiles, 'findByIds');
    type Row = { enrollment: { state: string; profile: { name: string } | null } };
    const document = parse(`query ($id: ID!) { node(id: $id) { ... on EnrollmentProgramToken {
      devices(first: 10) { edges { node { id profile { name } enrollment { state profile { name } } } } } } } }`) as TypedDocumentNode<
      { node: { devices: { edges: Array<{ node: Row }> } } },
      { id: string }
    >;
    const res = await t.request(document, { id: tokenId }, t.keys[Role.READ_ONLY]);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.node.devices.edges.map((edge) => edge.node);
    expect(rows.map((row) => row.enrollment.state)).toEqual(devices.map((_, i) => (i % 2 === 0 ? 'ENROLLED' : 'NOT_CONTACTED')));
    expect(rows.map((row) => row.enrollment.profile?.name ?? null)).toEqual(devices.map((_, i) => (i % 2 === 0 ? profile.name : null)));
    expect(enrollments).toHaveBeenCalledTimes(1);
    expect(profiles).toHaveBeenCalledTimes(1);
    enrollments.mockRestore();
    profiles.mockRestore();
  });
});
