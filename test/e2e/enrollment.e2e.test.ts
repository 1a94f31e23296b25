import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import {
  AssignProfileDocument,
  CreateEnrollmentProfileDocument,
  DeviceEnrollmentChangedDocument,
  DeviceEnrollmentNodeDocument,
  TokenDeviceEnrollmentsDocument,
  TokenDeviceProfilesDocument,
  type CreateEnrollmentProfileInput,
} from '../generated/operations.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';
import { uploadedSchool } from '../support/tokens.js';

const SERVER = 'Homeroom';
const DEPARTMENT = 'Riverside Science';

/**
 * The seeds' journey end to end, over real HTTP only: a frontend's GraphQL calls to Homeroom, the
 * school's admin at the simulated Apple School Manager portal, and virtual iPads that power on, ask
 * the simulated Apple for their cloud configuration and enroll against Homeroom's MDM endpoints.
 */
describe('first day of term: from token to enrolled iPads', () => {
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokenId: string;
  let serials: string[];
  const ipads: VirtualIPad[] = [];

  const ipad = async (serialNumber: string): Promise<VirtualIPad> => {
    const made = await VirtualIPad.create({ appleUrl: apple.url, serialNumber, connectPollIntervalMs: 10, maxConnectPolls: 1000 });
    ipads.push(made);
    return made;
  };

  async function createProfile(input: Omit<CreateEnrollmentProfileInput, 'tokenId'>): Promise<string> {
    const res = await t.request(CreateEnrollmentProfileDocument, { input: { tokenId, ...input } });
    expect(res.errors).toBeUndefined();
    return res.data!.createEnrollmentProfile.enrollmentProfile.id;
  }

  async function assign(profileId: string, serialNumbers: string[]): Promise<void> {
    const res = await t.request(AssignProfileDocument, { input: { profileId, devices: { serialNumbers } } });
    expect(res.errors).toBeUndefined();
    await t.server.services.assignments.idle();
  }

  async function enrollmentOf(serial: string) {
    const page = await t.request(TokenDeviceEnrollmentsDocument, { id: tokenId, filter: { serialContains: serial }, first: 1 });
    const node = page.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node.devices.edges[0]!.node.enrollment;
  }

  const heldProfile = {
    name: 'Year 7 carts',
    userAffinity: 'WITHOUT_USER_AFFINITY',
    supervised: true,
    lockedEnrollment: true,
    sharedIPad: false,
    pairing: 'DENY_ALL',
    awaitDeviceConfigured: true,
    departmentName: DEPARTMENT,
    departmentPhone: '+1 555 0100',
    skippedPanes: ['PASSCODE', 'SIRI'],
  } satisfies Omit<CreateEnrollmentProfileInput, 'tokenId'>;

  beforeAll(async () => {
    t = await startTestServer();
    apple = t.server.apple.simulator!;
    // The school's admin: an MDM server for Homeroom's key, and an order of 30 iPads assigned to it.
    ({ tokenId, serials } = await uploadedSchool(t, apple, { server: SERVER, name: 'Riverside', devices: 30 }));
    expect(serials).toHaveLength(30);
  });
  afterAll(() => t.close());

  it('upload, sync, profile (supervised, locked, await configuration, skip Passcode and Siri), assign, power on 20 iPads: all ENROLLED and supervised', async () => {
    const synced = await t.request(TokenDeviceProfilesDocument, { id: tokenId, first: 50 });
    expect(synced.data!.node).toMatchObject({ devices: { totalCount: 30 } });
    const profileId = await createProfile(heldProfile);
    const cart = serials.slice(0, 20);
    await assign(profileId, cart);

    const devices = await Promise.all(cart.map(ipad));
    const states = await Promise.all(devices.map((d) => d.powerOn()));
    expect(devices.map((d) => d.failure).filter(Boolean)).toEqual([]);
    expect(states).toEqual(cart.map(() => 'HOME'));

    const enrolled = await t.request(TokenDeviceEnrollmentsDocument, {
      id: tokenId,
      filter: { enrollmentStates: ['ENROLLED'] },
      first: 50,
    });
    const node = enrolled.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    expect(node.devices.totalCount).toBe(20);
    for (const edge of node.devices.edges) {
      expect(edge.node.enrollment).toMatchObject({
        state: 'ENROLLED',
        supervised: true,
        productName: 'iPad13,18',
        profile: { name: 'Year 7 carts' },
      });
      expect(edge.node.enrollment.enrolledAt).not.toBeNull();
    }
    for (const device of devices) {
      expect(device.managed && device.supervised).toBe(true);
      expect(device.remoteManagement()).toMatchObject({ department: DEPARTMENT });
      expect(device.deviceConfiguredReceived()).toBe(true);
      const panes = device.panesShown();
      expect(panes).not.toContain('Passcode');
      expect(panes).not.toContain('Siri');
      expect(panes).toEqual(expect.arrayContaining(['Language', 'Region', 'Keyboard', 'Location', 'Welcome']));
      // Remote Management, then enrollment, then the remaining panes: nothing after it is shown before.
      const steps = device.trace.map((entry) => entry.step);
      expect(steps.indexOf('REMOTE_MANAGEMENT')).toBeLessThan(steps.indexOf('DEVICE_CONFIGURED'));
    }
    // Twenty iPads each make an RSA key for SCEP (the default identity): more than vitest's 30 s on a loaded two-core machine.
  }, 180_000);

  it('an unassigned iPad runs the consumer Setup Assistant and ends unmanaged; Homeroom never hears of it', async () => {
    const rowsBefore = await t.server.dataSource.getRepository(DeviceEnrollment).count();
    const loose = await ipad(serials[29]!);
    expect(await loose.powerOn()).toBe('HOME');
    expect(loose.managed).toBe(false);
    expect(loose.remoteManagement()).toBeNull();
    expect(loose.panesShown()).toEqual(expect.arrayContaining(['Passcode', 'Siri']));
    expect(await enrollmentOf(serials[29]!)).toMatchObject({ state: 'NOT_CONTACTED', udid: null });
    expect(await t.server.dataSource.getRepository(DeviceEnrollment).count()).toBe(rowsBefore);
  });

  it('an activated iPad ignores a newly assigned profile until it is erased, then enrolls with it', async () => {
    const first = await createProfile({ ...heldProfile, name: 'Library carts', awaitDeviceConfigured: false, skippedPanes: [] });
    const second = await createProfile({ ...heldProfile, name: 'Lab carts', departmentName: 'Riverside Labs' });
    const serial = serials[20]!;
    await assign(first, [serial]);
    const device = await ipad(serial);
    await device.powerOn();
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED', profile: { name: 'Library carts' } });

    await assign(second, [serial]);
    expect(await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial })).toMatchObject({ requiresWipe: true });
    const waiting = await t.request(DeviceEnrollmentNodeDocument, { id: (await deviceIdOf(serial))! });
    expect(waiting.data!.node).toMatchObject({ enrollment: { profile: { name: 'Library carts' } } });
    expect(await device.powerOn()).toBe('HOME');
    expect(device.remoteManagement()).toMatchObject({ department: DEPARTMENT });
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED', profile: { name: 'Library carts' } });

    expect(await device.erase()).toBe('HOME');
    expect(device.remoteManagement()).toMatchObject({ department: 'Riverside Labs' });
    expect(device.deviceConfiguredReceived()).toBe(true);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED', profile: { name: 'Lab carts' } });
    // Assigned after activation it waited for a wipe; enrolling after the erase ends the wait.
    expect(await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial })).toMatchObject({
      requiresWipe: false,
    });
  });

  it('deviceEnrollmentChanged streams every state a device passes: ENROLLING, AWAITING_CONFIGURATION, ENROLLED, then UNENROLLED', async () => {
    const profileId = await createProfile({ ...heldProfile, name: 'Art carts' });
    const serial = serials[21]!;
    await assign(profileId, [serial]);
    const subscription = new Subscription(t.wsClient(), DeviceEnrollmentChangedDocument, { tokenId });
    await t.nextOperationStarted();
    // The first value is the snapshot of the token's devices per state: the stream is live.
    expect((await subscription.next()).deviceEnrollmentChanged).toMatchObject({ snapshot: true, device: null });

    const device = await ipad(serial);
    await device.powerOn();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { deviceEnrollmentChanged: change } = await subscription.next();
      expect(change.device?.serialNumber).toBe(serial);
      seen.push(`${change.previousState}>${change.state}`);
    }
    expect(seen).toEqual(['NOT_CONTACTED>ENROLLING', 'ENROLLING>AWAITING_CONFIGURATION', 'AWAITING_CONFIGURATION>ENROLLED']);

    await device.removeManagement();
    const { deviceEnrollmentChanged: out } = await subscription.next();
    expect(out).toMatchObject({
      state: 'UNENROLLED',
      previousState: 'ENROLLED',
      device: { serialNumber: serial, enrollment: { state: 'UNENROLLED' } },
    });
    subscription.close();
  });

  async function deviceIdOf(serial: string): Promise<string | null> {
    const page = await t.request(TokenDeviceEnrollmentsDocument, { id: tokenId, filter: { serialContains: serial }, first: 1 });
    const node = page.data!.node;
    return node?.__typename === 'EnrollmentProgramToken' ? (node.devices.edges[0]?.node.id ?? null) : null;
  }
});
