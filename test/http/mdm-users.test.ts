import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import type { EnrollmentProfile } from '../../src/entities/enrollment-profile.entity.js';
import { MdmCommand } from '../../src/entities/mdm-command.entity.js';
import { ResidentUser } from '../../src/entities/resident-user.entity.js';
import { createLogger } from '../../src/logger.js';
import { ManualClock } from '../../src/platform/clock.js';
import { UserAffinity } from '../../src/entities/enrollment-profile.entity.js';
import { systemContext } from '../../src/platform/request-context.js';
import { toGlobalId } from '../../src/global-id.js';
import { Role } from '../../src/permissions.js';
import { DeviceEnrollmentUsersDocument } from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  factoryIdentity,
  machineInfo,
  postMachineInfo,
  readEnrollmentProfile,
  signCms,
  handHeldDeviceSetup,
  TestMdmDevice,
} from '../support/mdm-device.js';
import { cartProfile, simulatedSchool } from '../support/tokens.js';

const STUDENT = { username: 'a.lee@students.riverside.example', password: 'correct horse battery' };

/**
 * User affinity and Shared iPad at Homeroom's MDM endpoints (issue 8), driven by hand: the 401
 * Basic challenge, the sign-in count, MaximumResidentUsers before DeviceConfigured, and the
 * resident users a Shared iPad's user-channel TokenUpdates make.
 */
describe('MDM endpoints: user affinity and Shared iPad', () => {
  const ctx = systemContext(createLogger('silent'));
  // Sign-ins a second apart, so "the oldest last sign-in" is never a tie. Now, so the test CA's certificates are valid.
  const clock = new ManualClock(new Date().toISOString());
  const { dir, deviceCa, env } = handHeldDeviceSetup('homeroom-mdm-users-');
  let t: TestServer;
  let affinity: EnrollmentProfile;
  let shared: EnrollmentProfile;
  let serials: string[];

  beforeAll(async () => {
    t = await startTestServer({
      clock,
      env,
    });
    const { services } = t.server;
    const school = await simulatedSchool(services, t.server.apple.simulator!, ctx, { name: 'Riverside', devices: 6 });
    serials = school.serials;
    const withUser = { ...cartProfile('Teacher iPads'), userAffinity: UserAffinity.WITH_USER_AFFINITY };
    affinity = await services.profiles.create(ctx, school.token.id, withUser);
    shared = await services.profiles.create(ctx, school.token.id, {
      ...withUser,
      name: 'Year 3 shared',
      sharedIPad: true,
      maximumCachedUsers: 3,
      awaitDeviceConfigured: true,
    });
    const devices = t.server.dataSource.getRepository(Device);
    for (const serial of serials.slice(0, 4)) await devices.update({ serialNumber: serial }, { profileId: affinity.id });
    await devices.update({ serialNumber: serials[4]! }, { profileId: shared.id });
    await services.users.create(ctx, { username: STUDENT.username, displayName: 'Alex Lee', role: 'STUDENT', password: STUDENT.password });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const url = (profile: EnrollmentProfile) => t.server.services.profiles.enrollmentUrl(profile);
  const signed = (serial: string) => signCms(machineInfo(serial, `UDID-${serial}`), factoryIdentity(deviceCa.ca, serial));
  const enrollmentOf = async (serial: string) => {
    const device = await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial });
    return t.server.dataSource.getRepository(DeviceEnrollment).findOneBy({ deviceId: device.id });
  };

  it('asks for the user with 401 and WWW-Authenticate: Basic (AWAITING_USER), and enrolls the device for the user who signs in', async () => {
    const serial = serials[0]!;
    const ask = await postMachineInfo(url(affinity), signed(serial));
    expect(ask.status).toBe(401);
    expect(ask.headers.get('www-authenticate')).toMatch(/^Basic realm="Homeroom enrollment"/);
    expect(await ask.json()).toMatchObject({ code: 'MDM_USER_AUTHENTICATION_REQUIRED' });
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'AWAITING_USER', userId: null, identitySerial: null });

    const wrong = await postMachineInfo(url(affinity), signed(serial), { ...STUDENT, password: 'nope nope nope' });
    expect(wrong.status).toBe(401);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'AWAITING_USER', failedSignIns: 1 });

    const right = await postMachineInfo(url(affinity), signed(serial), {
      username: 'A.Lee@Students.Riverside.example',
      password: STUDENT.password,
    });
    expect(right.status).toBe(200);
    const user = (await t.server.services.users.authenticate(STUDENT.username, STUDENT.password))!;
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLING', userId: user.id, failedSignIns: 0 });
  });

  it('ends FAILED with the reason after three wrong passwords in a row (403 USER_AUTHENTICATION_FAILED), issuing nothing', async () => {
    const serial = serials[1]!;
    const commands = await t.server.dataSource.getRepository(MdmCommand).count();
    const wrong = { ...STUDENT, password: 'not the password' };
    expect((await postMachineInfo(url(affinity), signed(serial), wrong)).status).toBe(401);
    expect((await postMachineInfo(url(affinity), signed(serial), wrong)).status).toBe(401);
    const last = await postMachineInfo(url(affinity), signed(serial), wrong);
    expect(last.status).toBe(403);
    expect(await last.json()).toMatchObject({ code: 'MDM_ENROLLMENT_REFUSED', reason: 'USER_AUTHENTICATION_FAILED' });
    expect(await enrollmentOf(serial)).toMatchObject({
      state: 'FAILED',
      failureReason: `Wrong username or password 3 times in a row (last tried: ${STUDENT.username}).`,
      userId: null,
      identitySerial: null,
      pushToken: null,
    });
    expect(await t.server.dataSource.getRepository(MdmCommand).count()).toBe(commands);

    // More guesses stay refused; restarted, the device asks again from the start.
    expect((await postMachineInfo(url(affinity), signed(serial), wrong)).status).toBe(403);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'FAILED', failedSignIns: 4 });
    // Restarted, the device asks again from the start.
    expect((await postMachineInfo(url(affinity), signed(serial))).status).toBe(401);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'AWAITING_USER', failedSignIns: 0, failureReason: null });
  });

  it('a profile without user affinity never asks', async () => {
    const serial = serials[5]!;
    const plain = await t.server.services.profiles.create(ctx, affinity.tokenId, cartProfile('Library carts'));
    await t.server.dataSource.getRepository(Device).update({ serialNumber: serial }, { profileId: plain.id });
    expect((await postMachineInfo(url(plain), signed(serial))).status).toBe(200);
  });

  it('Shared iPad: MaximumResidentUsers 3 goes out before DeviceConfigured; four sign-ins leave the three most recent', async () => {
    const serial = serials[4]!;
    const response = await postMachineInfo(url(shared), signed(serial), STUDENT);
    expect(response.status).toBe(200);
    const { mdm, identity } = readEnrollmentProfile(await response.text());
    expect(mdm.ServerCapabilities).toContain('com.apple.mdm.per-user-connections');
    const device = new TestMdmDevice(`UDID-${serial}`, mdm, identity);
    await device.checkIn({ MessageType: 'Authenticate' });
    await device.tokenUpdate(true);

    const information = await device.nextCommand({ Status: 'Idle' });
    const settings = await device.nextCommand({ Status: 'Acknowledged', CommandUUID: information!.CommandUUID, QueryResponses: {} });
    expect(settings?.Command).toEqual({ RequestType: 'Settings', Settings: [{ Item: 'MaximumResidentUsers', MaximumResidentUsers: 3 }] });
    const configured = await device.nextCommand({ Status: 'Acknowledged', CommandUUID: settings!.CommandUUID });
    expect(configured?.Command).toEqual({ RequestType: 'DeviceConfigured' });
    await device.nextCommand({ Status: 'Acknowledged', CommandUUID: configured!.CommandUUID });
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED', maximumResidentUsers: 3 });

    const signIn = (name: string) => {
      clock.advance(1000);
      return device.checkIn({
        MessageType: 'TokenUpdate',
        UserShortName: name,
        UserLongName: name.split('@')[0],
        UserID: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
        Token: Buffer.from('0a0b', 'hex'),
        PushMagic: `magic-${name}`,
      });
    };
    for (const name of ['amy@s.example', 'ben@s.example', 'cy@s.example', 'dee@s.example']) expect((await signIn(name)).status).toBe(200);
    const residents = async () =>
      (await t.server.dataSource.getRepository(ResidentUser).find({ order: { shortName: 'ASC' } })).map((r) => r.shortName);
    expect(await residents()).toEqual(['ben@s.example', 'cy@s.example', 'dee@s.example']);
    // Signing in again makes a user the most recent: the next newcomer evicts the one idle longest.
    await signIn('ben@s.example');
    await signIn(STUDENT.username);
    expect(await residents()).toEqual([STUDENT.username, 'ben@s.example', 'dee@s.example']);
    const directoryUser = await t.server.dataSource.getRepository(ResidentUser).findOneByOrFail({ shortName: STUDENT.username });
    expect(directoryUser.userId).not.toBeNull();
    // The device-channel enrollment stays as it was.
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED', pushMagic: 'F00D-MAGIC' });

    // In GraphQL: the enrolled user and the resident users (most recent first); the directory record for ADMIN only.
    const id = toGlobalId('Device', (await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial })).id);
    const res = await t.request(DeviceEnrollmentUsersDocument, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toMatchObject({
      enrollment: {
        state: 'ENROLLED',
        maximumResidentUsers: 3,
        user: { username: STUDENT.username, displayName: 'Alex Lee' },
        residentUsers: [
          { username: STUDENT.username, user: { username: STUDENT.username } },
          { username: 'ben@s.example', displayName: 'ben', user: null },
          { username: 'dee@s.example', user: null },
        ],
      },
    });
    const readOnly = await t.request(DeviceEnrollmentUsersDocument, { id }, t.keys[Role.READ_ONLY]);
    expect(readOnly.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});
