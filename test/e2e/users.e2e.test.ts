import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import { MdmCommand } from '../../src/entities/mdm-command.entity.js';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { UserAffinity } from '../../src/entities/enrollment-profile.entity.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import { DeviceEnrollmentUsersDocument } from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cartProfile, simulatedSchool } from '../support/tokens.js';

const TEACHER = { username: 'm.okafor@staff.riverside.example', password: 'blackboard-42-chalk' };

/**
 * Issue 8's user affinity and Shared iPad acceptance with virtual iPads over real HTTP: the right
 * password enrolls the device for its user, a wrong one ends FAILED with the reason and changes
 * nothing else; a Shared iPad gets MaximumResidentUsers 3, and four sign-ins leave the same three
 * resident users on the device and in Homeroom.
 */
describe('users on iPads: user affinity and Shared iPad', () => {
  const ctx = systemContext(createLogger('silent'));
  // One clock for Homeroom, the simulated Apple and the iPads; sign-ins a second apart never tie.
  const clock = new ManualClock(new Date().toISOString());
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let serials: string[];
  let tokenId: number;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
    const school = await simulatedSchool(t.server.services, apple, ctx, { name: 'Riverside', devices: 4 });
    serials = school.serials;
    tokenId = school.token.id;
    await t.server.services.users.create(ctx, { ...TEACHER, displayName: 'Mira Okafor', role: 'TEACHER' });
  });
  afterAll(() => t.close());

  async function assign(profileId: number, serial: string): Promise<void> {
    const { done } = await t.server.services.assignments.assign(ctx, profileId, { serialNumbers: [serial] });
    expect(await done).toMatchObject({ status: 'SUCCEEDED' });
  }
  const ipad = (serialNumber: string, credentials?: { username: string; password: string }) =>
    VirtualIPad.create({ appleUrl: apple.url, serialNumber, clock, connectPollIntervalMs: 5, ...(credentials ? { credentials } : {}) });
  const enrollmentOf = async (serial: string) => {
    const device = await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial });
    const res = await t.request(DeviceEnrollmentUsersDocument, { id: toGlobalId('Device', device.id) });
    expect(res.errors).toBeUndefined();
    return (res.data!.node as { enrollment: Record<string, unknown> }).enrollment;
  };

  it('user affinity: the right password enrolls the device for its user; a wrong one ends FAILED with the reason, nothing else changed', async () => {
    const profile = await t.server.services.profiles.create(ctx, tokenId, {
      ...cartProfile('Staff iPads'),
      userAffinity: UserAffinity.WITH_USER_AFFINITY,
    });
    await assign(profile.id, serials[0]!);
    await assign(profile.id, serials[1]!);

    const right = await ipad(serials[0]!, TEACHER);
    expect(await right.powerOn()).toBe('HOME');
    expect(await enrollmentOf(serials[0]!)).toMatchObject({ state: 'ENROLLED', user: { username: TEACHER.username } });

    const commands = await t.server.dataSource.getRepository(MdmCommand).count();
    const wrong = await ipad(serials[1]!, { ...TEACHER, password: 'whiteboard' });
    expect(await wrong.powerOn()).toBe('FAILED');
    expect(wrong.managed).toBe(false);
    expect(await enrollmentOf(serials[1]!)).toMatchObject({
      state: 'FAILED',
      failureReason: `Wrong username or password 3 times in a row (last tried: ${TEACHER.username}).`,
      user: null,
    });
    const device = await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serials[1]! });
    expect(await t.server.dataSource.getRepository(DeviceEnrollment).findOneByOrFail({ deviceId: device.id })).toMatchObject({
      identitySerial: null,
      pushToken: null,
    });
    expect(await t.server.dataSource.getRepository(MdmCommand).count()).toBe(commands);
  });

  it('Shared iPad with at most 3 cached users: MaximumResidentUsers 3 reaches the device; 4 sign-ins leave 3 resident users, in Homeroom too', async () => {
    const profile = await t.server.services.profiles.create(ctx, tokenId, {
      ...cartProfile('Year 2 shared'),
      userAffinity: UserAffinity.WITH_USER_AFFINITY,
      sharedIPad: true,
      maximumCachedUsers: 3,
      awaitDeviceConfigured: true,
    });
    await assign(profile.id, serials[2]!);
    const shared = await ipad(serials[2]!, TEACHER);
    expect(await shared.powerOn()).toBe('HOME');
    expect(shared.maximumResidentUsers).toBe(3);

    const students = [
      'ava@students.riverside.example',
      'bo@students.riverside.example',
      'cal@students.riverside.example',
      'dia@students.riverside.example',
    ];
    const evicted: string[] = [];
    for (const shortName of students) {
      clock.advance(1000);
      evicted.push(...(await shared.signIn({ shortName })).evicted);
    }
    expect(evicted).toEqual([students[0]]);
    expect([...shared.residentUsers].sort()).toEqual(students.slice(1).sort());
    const enrollment = await enrollmentOf(serials[2]!);
    expect(enrollment).toMatchObject({ state: 'ENROLLED', maximumResidentUsers: 3 });
    expect((enrollment.residentUsers as Array<{ username: string }>).map((r) => r.username)).toEqual(students.slice(1).reverse());
  });
});
