import fs from 'node:fs';
import forge from 'node-forge';
import { parse } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../../src/entities/device-enrollment.entity.js';
import type { EnrollmentProfile } from '../../../src/entities/enrollment-profile.entity.js';
import { WifiSecurity } from '../../../src/entities/enrollment-profile.entity.js';
import { MdmCommand } from '../../../src/entities/mdm-command.entity.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { systemContext } from '../../../src/platform/request-context.js';
import { returnToServiceRefusal, type ReturnToServiceFacts } from '../../../src/services/enrollment/return-to-service.service.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  factoryIdentity,
  machineInfo,
  postMachineInfo,
  readEnrollmentProfile,
  signCms,
  handHeldDeviceSetup,
  TestMdmDevice,
  type Dict,
} from '../../support/mdm-device.js';
import { cartProfile, simulatedSchool } from '../../support/tokens.js';

const PASSWORD = 'correct horse battery';

describe('returnToServiceRefusal', () => {
  const ready: ReturnToServiceFacts = {
    state: 'ENROLLED',
    supervised: true,
    profile: { supervised: true, isReturnToService: true, wifiSsid: 'Carts' },
    hasBootstrapToken: true,
  };

  it('lets an enrolled, supervised device with its profile’s Wi-Fi return, by erase and by check-in', () => {
    expect(returnToServiceRefusal(ready, 'ERASE')).toBeNull();
    expect(returnToServiceRefusal(ready, 'CHECK_IN')).toBeNull();
    expect(returnToServiceRefusal({ ...ready, state: 'AWAITING_CONFIGURATION' }, 'ERASE')).toBeNull();
  });

  it('names the first thing missing', () => {
    expect(returnToServiceRefusal({ ...ready, state: 'UNENROLLED' }, 'ERASE')).toBe('NOT_ENROLLED');
    expect(returnToServiceRefusal({ ...ready, state: null }, 'CHECK_IN')).toBe('NOT_ENROLLED');
    expect(returnToServiceRefusal({ ...ready, profile: null }, 'ERASE')).toBe('PROFILE_WITHOUT_RETURN_TO_SERVICE');
    expect(returnToServiceRefusal({ ...ready, supervised: false }, 'ERASE')).toBe('NOT_SUPERVISED');
    expect(returnToServiceRefusal({ ...ready, profile: { ...ready.profile!, wifiSsid: null } }, 'ERASE')).toBe('NO_WIFI');
  });

  it('asks more of a device that asks by check-in: the profile’s isReturnToService and an escrowed bootstrap token', () => {
    const without = { ...ready, profile: { ...ready.profile!, isReturnToService: false } };
    expect(returnToServiceRefusal(without, 'ERASE')).toBeNull();
    expect(returnToServiceRefusal(without, 'CHECK_IN')).toBe('PROFILE_WITHOUT_RETURN_TO_SERVICE');
    expect(returnToServiceRefusal({ ...ready, hasBootstrapToken: false }, 'ERASE')).toBeNull();
    expect(returnToServiceRefusal({ ...ready, hasBootstrapToken: false }, 'CHECK_IN')).toBe('NO_BOOTSTRAP_TOKEN');
  });
});

/** The content of a CMS SignedData, and whether its signature holds. */
function signedContent(der: Uint8Array): { content: string; signerCn: string } {
  const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(Buffer.from(der).toString('binary'))) as forge.pkcs7.PkcsSignedData & {
    rawCapture: { content: forge.asn1.Asn1 };
  };
  const content = (message.rawCapture.content.value as forge.asn1.Asn1[])[0]!.value as string;
  return {
    content: Buffer.from(content, 'binary').toString('utf8'),
    signerCn: String(message.certificates[0]!.subject.getField('CN').value),
  };
}

describe('Return to Service over the MDM endpoints', () => {
  const ctx = systemContext(createLogger('silent'));
  const { dir, deviceCa, env } = handHeldDeviceSetup('homeroom-rts-');
  const clock = new ManualClock(new Date().toISOString());
  let t: TestServer;
  let plain: EnrollmentProfile;
  let returning: EnrollmentProfile;
  let serials: string[];

  beforeAll(async () => {
    t = await startTestServer({
      clock,
      env,
    });
    const { services } = t.server;
    const school = await simulatedSchool(services, t.server.apple.simulator!, ctx, { name: 'Lakeside', devices: 4 });
    serials = school.serials;
    plain = school.profile;
    returning = await services.profiles.create(ctx, school.token.id, { ...cartProfile('Loan carts'), isReturnToService: true });
    const devices = t.server.dataSource.getRepository(Device);
    await devices.update({ serialNumber: serials[0]! }, { profileId: returning.id });
    await devices.update({ serialNumber: serials[1]! }, { profileId: returning.id });
    await devices.update({ serialNumber: serials[2]! }, { profileId: plain.id });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const deviceOf = (serial: string) => t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial });
  const enrollmentOf = async (serial: string) =>
    t.server.dataSource.getRepository(DeviceEnrollment).findOneByOrFail({ deviceId: (await deviceOf(serial)).id });

  async function enrolled(serial: string, udid: string, profile: EnrollmentProfile): Promise<TestMdmDevice> {
    const url = t.server.services.profiles.enrollmentUrl(profile);
    const response = await postMachineInfo(url, signCms(machineInfo(serial, udid), factoryIdentity(deviceCa.ca, serial)));
    expect(response.status, await response.clone().text()).toBe(200);
    const { mdm, identity } = readEnrollmentProfile(await response.text());
    const device = new TestMdmDevice(udid, mdm, identity);
    await device.checkIn({ MessageType: 'Authenticate', SerialNumber: serial });
    await device.tokenUpdate(false);
    expect((await enrollmentOf(serial)).state).toBe('ENROLLED');
    return device;
  }

  const askToReturn = async (device: TestMdmDevice) => {
    const response = await device.checkIn({ MessageType: 'ReturnToService' });
    expect(response.status).toBe(200);
    return (parse(await response.text()) as { ReturnToService: Dict }).ReturnToService;
  };

  it('answers the ReturnToService check-in Enabled: false while the profile lacks isReturnToService, the Wi-Fi or the bootstrap token, changing nothing', async () => {
    const other = await enrolled(serials[2]!, 'UDID-RTS-3', plain);
    expect(await askToReturn(other)).toEqual({ Enabled: false });
    const device = await enrolled(serials[0]!, 'UDID-RTS-1', returning);
    expect(await askToReturn(device)).toEqual({ Enabled: false });
    await t.server.services.profiles.setWifi(ctx, returning.id, {
      ssid: 'Lakeside-Carts',
      security: WifiSecurity.WPA2,
      password: PASSWORD,
    });
    // Still no escrowed bootstrap token.
    expect(await askToReturn(device)).toEqual({ Enabled: false });
    expect((await enrollmentOf(serials[0]!)).state).toBe('ENROLLED');
  });

  it('answers it with the signed Wi-Fi profile, a new MDM enrollment profile and the bootstrap token, and the device enrolls again with that identity', async () => {
    const serial = serials[0]!;
    const device = await enrolled(serial, 'UDID-RTS-1', returning);
    await device.checkIn({ MessageType: 'SetBootstrapToken', BootstrapToken: Buffer.from('escrow-me') });
    const answer = await askToReturn(device);
    expect(answer.Enabled).toBe(true);
    expect(Buffer.from(answer.BootstrapToken as Uint8Array).toString()).toBe('escrow-me');
    const wifi = signedContent(answer.WiFiProfileData as Uint8Array);
    expect(wifi.signerCn).toBe('Homeroom MDM device CA');
    const payload = (parse(wifi.content) as { PayloadContent: Dict[] }).PayloadContent[0]!;
    expect(payload).toMatchObject({
      PayloadType: 'com.apple.wifi.managed',
      SSID_STR: 'Lakeside-Carts',
      EncryptionType: 'WPA2',
      Password: PASSWORD,
    });

    // The device erases right after: its enrollment is the new attempt, pinned to the identity it was handed.
    const next = readEnrollmentProfile(Buffer.from(answer.MDMProfileData as Uint8Array).toString('utf8'));
    expect((await enrollmentOf(serial)).state).toBe('ENROLLING');
    const back = new TestMdmDevice('UDID-RTS-1', next.mdm, next.identity);
    expect((await device.checkIn({ MessageType: 'Authenticate' })).status).toBe(403);
    expect((await back.checkIn({ MessageType: 'Authenticate', SerialNumber: serial })).status).toBe(200);
    expect((await back.tokenUpdate(false)).status).toBe(200);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED', sealedBootstrapToken: null, returnToService: null });
  });

  it('eraseDevice queues EraseDevice with ReturnToService sealed at rest, prepared anew when it waited too long; acknowledged, the device is ENROLLING with the identity in MDMProfileData', async () => {
    const serial = serials[1]!;
    const device = await enrolled(serial, 'UDID-RTS-2', returning);
    expect((await device.checkIn({ MessageType: 'SetBootstrapToken', BootstrapToken: Buffer.from('keep-my-apps') })).status).toBe(200);
    const { id } = await deviceOf(serial);
    const erased = await t.server.services.returnToService.eraseDevice(ctx, id, { returnToService: true });
    const stored = await t.server.dataSource.getRepository(MdmCommand).findOneByOrFail({ commandUuid: erased.commandUuid });
    await expect(t.server.services.returnToService.eraseDevice(ctx, id, { returnToService: true })).rejects.toMatchObject({
      code: 'RETURN_TO_SERVICE_UNAVAILABLE',
      details: { reason: 'ERASE_PENDING' },
    });
    expect(JSON.stringify(stored.command)).not.toContain('Lakeside-Carts');
    expect(JSON.stringify(stored.command)).not.toContain(PASSWORD);
    expect(JSON.stringify(stored.command)).not.toContain(Buffer.from('keep-my-apps').toString('base64'));
    const prepared = (await enrollmentOf(serial)).returnToService!;

    // The device was offline for 20 minutes, beyond a SCEP challenge's life: the session's start prepares anew.
    clock.advance(20 * 60_000);
    let command = await device.nextCommand({ Status: 'Idle' });
    while (command && command.Command.RequestType !== 'EraseDevice')
      command = await device.nextCommand({ Status: 'Acknowledged', CommandUUID: command.CommandUUID });
    const rts = command!.Command.ReturnToService as Dict;
    expect(rts.Enabled).toBe(true);
    // Its profile puts it in return-to-service mode: the escrowed token goes too (prepared anew with the rest).
    expect(Buffer.from(rts.BootstrapToken as Uint8Array).toString()).toBe('keep-my-apps');
    expect(signedContent(rts.WiFiProfileData as Uint8Array).content).toContain('Lakeside-Carts');
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED', returnToService: { startedAt: clock.now().toISOString() } });
    expect((await enrollmentOf(serial)).returnToService!.identitySerial).not.toBe(prepared.identitySerial);

    expect(await device.nextCommand({ Status: 'Acknowledged', CommandUUID: command!.CommandUUID })).toBeNull();
    const next = readEnrollmentProfile(Buffer.from(rts.MDMProfileData as Uint8Array).toString('utf8'));
    expect((await enrollmentOf(serial)).state).toBe('ENROLLING');
    const back = new TestMdmDevice('UDID-RTS-2', next.mdm, next.identity);
    expect((await back.checkIn({ MessageType: 'Authenticate', SerialNumber: serial })).status).toBe(200);
    expect((await back.tokenUpdate(false)).status).toBe(200);
    expect((await enrollmentOf(serial)).state).toBe('ENROLLED');
  });

  it('refuses eraseDevice with Return to Service with RETURN_TO_SERVICE_UNAVAILABLE (NO_WIFI) when the profile has no Wi-Fi, queuing nothing', async () => {
    const { id } = await deviceOf(serials[2]!);
    const commands = await t.server.dataSource.getRepository(MdmCommand).count();
    await expect(t.server.services.returnToService.eraseDevice(ctx, id, { returnToService: true })).rejects.toMatchObject({
      code: 'RETURN_TO_SERVICE_UNAVAILABLE',
      details: { reason: 'NO_WIFI' },
    });
    expect(await t.server.dataSource.getRepository(MdmCommand).count()).toBe(commands);
  });

  it('a plain eraseDevice leaves the device UNENROLLED once acknowledged', async () => {
    const serial = serials[2]!;
    const device = await enrolled(serial, 'UDID-RTS-3', plain);
    const erased = await t.server.services.returnToService.eraseDevice(ctx, (await deviceOf(serial)).id, { returnToService: false });
    let command = await device.nextCommand({ Status: 'Idle' });
    while (command && command.CommandUUID !== erased.commandUuid)
      command = await device.nextCommand({ Status: 'Acknowledged', CommandUUID: command.CommandUUID });
    expect(command!.Command).toEqual({ RequestType: 'EraseDevice' });
    await device.nextCommand({ Status: 'Acknowledged', CommandUUID: command!.CommandUUID });
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'UNENROLLED', identitySerial: null, pushToken: null });
  });
});
