import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceEnrollment, type EnrollmentStateName } from '../../src/entities/device-enrollment.entity.js';
import { Device } from '../../src/entities/device.entity.js';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { Topic } from '../../src/platform/events/event-bus.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import {
  DeviceEnrollmentChangedDocument,
  DeviceEnrollmentChangedWithProfileDocument,
  type DeviceEnrollmentChangedSubscription,
} from '../generated/operations.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';
import { simulatedSchool } from '../support/tokens.js';

/**
 * `deviceEnrollmentChanged` over real websockets. The MDM endpoints that publish the events are
 * another slice: the tests publish DEVICE_ENROLLMENT_CHANGED on the server's bus as they would,
 * after writing the enrollment row the event reports.
 */
describe('device enrollment subscription over graphql-ws', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let schools = 0;

  beforeAll(async () => {
    t = await startTestServer({ clock });
  });
  afterAll(() => t.close());

  async function school(count: number) {
    schools += 1;
    const made = await simulatedSchool(t.server.services, t.server.apple.simulator!, ctx, {
      name: `Live enrollment school ${schools}`,
      devices: count,
    });
    const devices = await t.server.dataSource.getRepository(Device).find({ where: { tokenId: made.token.id }, order: { id: 'ASC' } });
    return { devices, profile: made.profile, tokenId: toGlobalId('EnrollmentProgramToken', made.token.id) };
  }

  /** Saves the device's row in `state`, then announces the change, as the MDM endpoints do. */
  async function change(
    device: Device,
    state: EnrollmentStateName,
    previousState: EnrollmentStateName,
    profileId: number | null = null,
  ): Promise<string> {
    const now = clock.now();
    await t.server.dataSource.getRepository(DeviceEnrollment).save({
      deviceId: device.id,
      tokenId: device.tokenId,
      profileId,
      state,
      udid: `UDID-${device.serialNumber}`,
      supervised: true,
      startedAt: now,
      lastContactedAt: now,
      updatedAt: now,
    });
    t.server.services.deps.events.publish(Topic.DEVICE_ENROLLMENT_CHANGED, {
      tokenId: device.tokenId,
      deviceId: device.id,
      serialNumber: device.serialNumber,
      state,
      previousState,
      at: now.toISOString(),
    });
    return now.toISOString();
  }

  /** Subscribes to the token's changes, resolving once the server listens to the bus (it has sent the snapshot). */
  async function follow(tokenId: string, key = t.keys[Role.READ_ONLY]) {
    const subscription = new Subscription(t.wsClient(key), DeviceEnrollmentChangedDocument, { tokenId });
    // The bus is listened to before the snapshot is read: once it arrives, every later change is heard.
    expect((await subscription.next()).deviceEnrollmentChanged).toMatchObject({ snapshot: true });
    return subscription;
  }

  const next = async (subscription: Subscription<DeviceEnrollmentChangedSubscription>) =>
    (await subscription.next()).deviceEnrollmentChanged;

  it("sends each change of its token's devices only, with the device and its enrollment read as each event arrives", async () => {
    const mine = await school(2);
    const other = await school(1);
    const subscription = await follow(mine.tokenId);
    const [first, second] = mine.devices;

    // Another token's change is not this subscription's: the first event received is this token's.
    await change(other.devices[0]!, 'ENROLLING', 'NOT_CONTACTED');
    const enrollingAt = await change(first!, 'ENROLLING', 'NOT_CONTACTED');
    expect(await next(subscription)).toEqual({
      snapshot: false,
      stateCounts: null,
      state: 'ENROLLING',
      previousState: 'NOT_CONTACTED',
      at: enrollingAt,
      device: {
        id: toGlobalId('Device', first!.id),
        serialNumber: first!.serialNumber,
        token: { id: mine.tokenId },
        enrollment: { state: 'ENROLLING', udid: `UDID-${first!.serialNumber}` },
      },
    });

    // Each event reads the enrollment again: nothing is kept from the previous event.
    clock.advance(30_000);
    const enrolledAt = await change(first!, 'ENROLLED', 'ENROLLING');
    expect(await next(subscription)).toMatchObject({
      state: 'ENROLLED',
      previousState: 'ENROLLING',
      at: enrolledAt,
      device: { id: toGlobalId('Device', first!.id), enrollment: { state: 'ENROLLED' } },
    });

    // It does not end on its own: a later change of another device still arrives.
    clock.advance(60_000);
    await change(second!, 'FAILED', 'ENROLLING');
    expect(await next(subscription)).toMatchObject({ state: 'FAILED', device: { id: toGlobalId('Device', second!.id) } });
    subscription.close();
  });

  it("shows a profile renamed between two events under its new name in the second (Device.profile and the enrollment's profile load per event)", async () => {
    const mine = await school(1);
    const device = mine.devices[0]!;
    await t.server.dataSource.getRepository(Device).update({ id: device.id }, { profileId: mine.profile.id });
    const subscription = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), DeviceEnrollmentChangedWithProfileDocument, {
      tokenId: mine.tokenId,
    });
    expect((await subscription.next()).deviceEnrollmentChanged.device).toBeNull();
    const nextChange = async () => (await subscription.next()).deviceEnrollmentChanged;

    await change(device, 'ENROLLING', 'NOT_CONTACTED', mine.profile.id);
    const first = await nextChange();
    expect(first.device?.profile?.name).toBe(mine.profile.name);
    expect(first.device?.enrollment.profile?.name).toBe(mine.profile.name);

    await t.server.services.profiles.update(ctx, mine.profile.id, { name: 'Renamed carts' });
    clock.advance(1_000);
    await change(device, 'ENROLLED', 'ENROLLING', mine.profile.id);
    const second = await nextChange();
    expect(second).toMatchObject({ state: 'ENROLLED' });
    expect(second.device?.profile?.name).toBe('Renamed carts');
    expect(second.device?.enrollment.profile?.name).toBe('Renamed carts');
    subscription.close();
  });

  it("sends a snapshot first: the token's devices per enrollment state, every state listed, then each change", async () => {
    const mine = await school(3);
    const [first, second] = mine.devices;
    await change(first!, 'ENROLLED', 'AWAITING_CONFIGURATION');
    await change(second!, 'FAILED', 'ENROLLING');
    const subscription = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), DeviceEnrollmentChangedDocument, { tokenId: mine.tokenId });
    const snapshot = (await subscription.next()).deviceEnrollmentChanged;
    expect(snapshot).toEqual({
      snapshot: true,
      stateCounts: [
        { state: 'NOT_CONTACTED', count: 1 },
        { state: 'AWAITING_USER', count: 0 },
        { state: 'ENROLLING', count: 0 },
        { state: 'AWAITING_CONFIGURATION', count: 0 },
        { state: 'ENROLLED', count: 1 },
        { state: 'FAILED', count: 1 },
        { state: 'UNENROLLED', count: 0 },
      ],
      state: null,
      previousState: null,
      at: clock.now().toISOString(),
      device: null,
    });
    await change(mine.devices[2]!, 'ENROLLING', 'NOT_CONTACTED');
    expect(await next(subscription)).toMatchObject({
      snapshot: false,
      stateCounts: null,
      state: 'ENROLLING',
      previousState: 'NOT_CONTACTED',
    });
    subscription.close();
  });

  it('skips an event whose device no longer exists, and keeps streaming', async () => {
    const mine = await school(1);
    const subscription = await follow(mine.tokenId, t.keys[Role.OPERATOR]);
    const tokenRowId = mine.devices[0]!.tokenId;
    t.server.services.deps.events.publish(Topic.DEVICE_ENROLLMENT_CHANGED, {
      tokenId: tokenRowId,
      deviceId: 987_654,
      serialNumber: 'GONE00000000',
      state: 'ENROLLING',
      previousState: 'NOT_CONTACTED',
      at: clock.now().toISOString(),
    });
    await change(mine.devices[0]!, 'ENROLLING', 'NOT_CONTACTED');
    expect(await next(subscription)).toMatchObject({ state: 'ENROLLING', device: { id: toGlobalId('Device', mine.devices[0]!.id) } });
    subscription.close();
  });

  it('refuses an unknown token, or the ID of another type, with NOT_FOUND', async () => {
    const notFound = { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] };
    const missing = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), DeviceEnrollmentChangedDocument, {
      tokenId: toGlobalId('EnrollmentProgramToken', 987_654),
    });
    await expect(missing.next()).rejects.toMatchObject(notFound);
    const wrongType = new Subscription(t.wsClient(), DeviceEnrollmentChangedDocument, { tokenId: toGlobalId('Device', 1) });
    await expect(wrongType.next()).rejects.toMatchObject(notFound);
  });
});
