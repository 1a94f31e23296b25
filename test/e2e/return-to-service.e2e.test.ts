import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizedSerial } from '../../src/crypto/x509.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import { EnrollmentProfile } from '../../src/entities/enrollment-profile.entity.js';
import { MdmCommand } from '../../src/entities/mdm-command.entity.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import {
  AssignProfileDocument,
  CreateReturnToServiceProfileDocument,
  EraseDeviceDocument,
  SetEnrollmentProfileWifiDocument,
  TokenDeviceEnrollmentsDocument,
} from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { uploadedSchool } from '../support/tokens.js';

const SERVER = 'Homeroom';
const SSID = 'Riverside-Carts';
const PASSWORD = 'correct horse battery';

/**
 * Return to Service end to end, over real HTTP only: a frontend's GraphQL calls, the simulated Apple
 * and a virtual iPad. The iPad enrolls with a Return to Service profile; an admin erases it with
 * Return to Service; the iPad acknowledges, forgets its enrollment and MDM identity, joins the
 * profile's Wi-Fi, skips Setup Assistant, installs the MDM profile it was handed and is ENROLLED again.
 * The other way in: an iPad on iPadOS 26 in return-to-service mode escrows its bootstrap token and
 * asks by the ReturnToService check-in itself; Homeroom answers with the profiles and that token.
 */
describe('Return to Service: an erased iPad comes back by itself', () => {
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokenId: string;
  let serials: string[];

  async function enrollmentOf(serial: string) {
    const page = await t.request(TokenDeviceEnrollmentsDocument, { id: tokenId, filter: { serialContains: serial }, first: 1 });
    const node = page.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node.devices.edges[0]!.node;
  }

  /** A supervised Return to Service profile, by default one that awaits configuration; `name` tells them apart. */
  async function returnToServiceProfile(name: string, awaitDeviceConfigured = true): Promise<{ id: string }> {
    const created = await t.request(CreateReturnToServiceProfileDocument, {
      input: {
        tokenId,
        name,
        userAffinity: 'WITHOUT_USER_AFFINITY',
        supervised: true,
        lockedEnrollment: true,
        sharedIPad: false,
        pairing: 'DENY_ALL',
        awaitDeviceConfigured,
        skippedPanes: [],
        isReturnToService: true,
      },
    });
    expect(created.errors).toBeUndefined();
    return created.data!.createEnrollmentProfile.enrollmentProfile;
  }

  /** Sets the profile's Return to Service Wi-Fi (WPA2, with a password) by GraphQL; returns the payload. */
  async function withWifi(profileId: string) {
    const wifi = await t.request(SetEnrollmentProfileWifiDocument, {
      input: { profileId, wifi: { ssid: SSID, security: 'WPA2', password: PASSWORD } },
    });
    expect(wifi.errors).toBeUndefined();
    return wifi.data!.setEnrollmentProfileWifi;
  }

  /** Assigns `profileId` to `serial` and enrolls a virtual iPad on iPadOS 26 (it escrows its bootstrap token). */
  async function enrolledIPad(profileId: string, serial: string): Promise<VirtualIPad> {
    const assigned = await t.request(AssignProfileDocument, { input: { profileId, devices: { serialNumbers: [serial] } } });
    expect(assigned.errors).toBeUndefined();
    await t.server.services.assignments.idle();
    const ipad = await VirtualIPad.create({
      appleUrl: apple.url,
      serialNumber: serial,
      osVersion: '26.0',
      buildVersion: '23A341',
      connectPollIntervalMs: 10,
      maxConnectPolls: 1000,
    });
    expect(await ipad.powerOn()).toBe('HOME');
    expect((await enrollmentOf(serial)).enrollment.state).toBe('ENROLLED');
    return ipad;
  }

  beforeAll(async () => {
    t = await startTestServer();
    apple = t.server.apple.simulator!;
    ({ tokenId, serials } = await uploadedSchool(t, apple, { server: SERVER, name: 'Riverside', devices: 6 }));
  });
  afterAll(() => t.close());

  it('eraseDevice with returnToService resets an enrolled iPad, which rejoins the Wi-Fi, skips Setup Assistant and ends ENROLLED again', async () => {
    const profile = await returnToServiceProfile('Loan carts');
    expect(profile).toMatchObject({ isReturnToService: true, returnToServiceWifi: null });
    const wifi = await withWifi(profile.id);
    expect(wifi.enrollmentProfile.returnToServiceWifi).toEqual({
      ssid: SSID,
      security: 'WPA2',
      hasPassword: true,
    });
    // Sealed at rest: the password is nowhere in the row.
    const row = await t.server.dataSource.getRepository(EnrollmentProfile).findOneByOrFail({ name: 'Loan carts' });
    expect(JSON.stringify(row)).not.toContain(PASSWORD);

    const serial = serials[0]!;
    const assigned = await t.request(AssignProfileDocument, { input: { profileId: profile.id, devices: { serialNumbers: [serial] } } });
    expect(assigned.errors).toBeUndefined();
    await t.server.services.assignments.idle();
    const ipad = await VirtualIPad.create({ appleUrl: apple.url, serialNumber: serial, connectPollIntervalMs: 10, maxConnectPolls: 1000 });
    expect(await ipad.powerOn()).toBe('HOME');
    const device = await enrollmentOf(serial);
    expect(device.enrollment.state).toBe('ENROLLED');
    const firstIdentity = ipad.enrollment!.identitySerial;

    const erased = await t.request(EraseDeviceDocument, { input: { deviceId: device.id, returnToService: true } });
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.eraseDevice).toMatchObject({
      returnToService: true,
      device: { serialNumber: serial, enrollment: { state: 'ENROLLED' } },
    });

    // What an APNs push would trigger: the iPad fetches EraseDevice, acknowledges it, erases and comes back.
    const session = await ipad.connect();
    expect(session.commands.map((c) => [c.requestType, c.answer])).toEqual([['EraseDevice', 'Acknowledged']]);
    expect(await ipad.settled()).toBe('HOME');
    expect(ipad.failure).toBeNull();
    expect(ipad.managed).toBe(true);
    expect(ipad.enrollment!.identitySerial).not.toBe(firstIdentity);

    const steps = ipad.trace.map((entry) => entry.step);
    const erase = steps.lastIndexOf('ERASE');
    const after = ipad.trace.slice(erase);
    // Before iPadOS 26 the iPad escrows no bootstrap token, so none comes back: the standard flow, apps not kept.
    expect(after[0]!.detail).toEqual({ by: 'MDM', returnToService: true, bootstrapToken: 'MISSING' });
    expect(after.find((entry) => entry.step === 'WIFI_JOINED')!.detail).toEqual({ ssid: SSID, security: 'WPA2' });
    // Without a person: no Setup Assistant pane, no enrollment request at the enrollment URL.
    expect(after.filter((entry) => entry.step === 'PANE' || entry.step === 'MACHINE_INFO_POSTED')).toEqual([]);
    expect(after.map((entry) => entry.step)).toEqual(
      expect.arrayContaining(['RETURN_TO_SERVICE', 'PROFILE_INSTALLED', 'DEVICE_CONFIGURED', 'HOME']),
    );

    expect((await enrollmentOf(serial)).enrollment.state).toBe('ENROLLED');
    const stored = await t.server.dataSource.getRepository(DeviceEnrollment).findOneByOrFail({ udid: ipad.udid });
    // Homeroom keeps serials without leading zeros (as integers have none); the iPad reads its certificate's hex.
    expect(stored).toMatchObject({
      state: 'ENROLLED',
      identitySerial: normalizedSerial(ipad.enrollment!.identitySerial),
      returnToService: null,
    });
  }, 120_000);

  it('eraseDevice hands an iPad in return-to-service mode on iPadOS 26 its escrowed bootstrap token in EraseDevice (Apple requires it to keep the apps), and it escrows it again', async () => {
    const profile = await returnToServiceProfile('Loan carts (apps kept)');
    await withWifi(profile.id);
    const serial = serials[5]!;
    const ipad = await enrolledIPad(profile.id, serial);
    const escrowed = ipad.escrowedBootstrapToken;
    expect(escrowed).not.toBeNull();

    const { id } = await enrollmentOf(serial);
    const erased = await t.request(EraseDeviceDocument, { input: { deviceId: id, returnToService: true } });
    expect(erased.errors).toBeUndefined();
    // Sealed in the queue with the rest of the dictionary.
    const { deviceId } = await t.server.dataSource.getRepository(DeviceEnrollment).findOneByOrFail({ udid: ipad.udid });
    const queued = await t.server.dataSource.getRepository(MdmCommand).findOneByOrFail({ deviceId, requestType: 'EraseDevice' });
    expect(JSON.stringify(queued.command)).not.toContain(escrowed!.toString('base64'));

    const session = await ipad.connect();
    expect(session.commands.map((c) => [c.requestType, c.answer])).toEqual([['EraseDevice', 'Acknowledged']]);
    expect(await ipad.settled()).toBe('HOME');
    expect(ipad.failure).toBeNull();
    const erase = ipad.stepsOf('ERASE');
    expect(erase.map((entry) => entry.detail)).toEqual([{ by: 'MDM', returnToService: true, bootstrapToken: 'MATCHES' }]);
    // Back enrolled, it escrows the same token again.
    expect(ipad.escrowedBootstrapToken).toEqual(escrowed);
    expect(ipad.stepsOf('BOOTSTRAP_TOKEN_ESCROWED')).toHaveLength(2);
    expect((await enrollmentOf(serial)).enrollment.state).toBe('ENROLLED');
  }, 120_000);

  it('an iPad in return-to-service mode escrows its bootstrap token, asks to return by check-in, gets the Wi-Fi, MDM profile and the same token, and ends ENROLLED with a new identity', async () => {
    const profile = await returnToServiceProfile('Loan carts (check-in)');
    await withWifi(profile.id);
    const serial = serials[2]!;
    const ipad = await enrolledIPad(profile.id, serial);
    expect(ipad.cloudConfiguration).toMatchObject({ IsRapidReturnToService: true });
    const escrowed = ipad.escrowedBootstrapToken;
    expect(escrowed).not.toBeNull();
    expect(ipad.stepsOf('BOOTSTRAP_TOKEN_ESCROWED')).toHaveLength(1);
    const repository = t.server.dataSource.getRepository(DeviceEnrollment);
    const escrowedRow = await repository.findOneByOrFail({ udid: ipad.udid });
    // Sealed at rest, as the Wi-Fi password.
    expect(escrowedRow.sealedBootstrapToken).not.toBeNull();
    expect(JSON.stringify(escrowedRow)).not.toContain(escrowed!.toString('base64'));
    const firstIdentity = ipad.enrollment!.identitySerial;
    const before = ipad.trace.length;

    // The person triggers Return to Service on the iPad.
    const outcome = await ipad.returnToService({ reason: 'USER' });
    expect(outcome).toMatchObject({ status: 200, enabled: true, bootstrapTokenCheck: 'MATCHES', state: 'HOME' });
    expect(outcome.bootstrapToken).toEqual(escrowed);
    expect(await ipad.settled()).toBe('HOME');
    expect(ipad.failure).toBeNull();
    expect(ipad.managed).toBe(true);
    expect(normalizedSerial(ipad.enrollment!.identitySerial)).not.toBe(normalizedSerial(firstIdentity));

    const after = ipad.trace.slice(before);
    expect(after[0]).toMatchObject({ step: 'CHECK_IN', detail: { messageType: 'ReturnToService', status: 200 } });
    expect(after.find((entry) => entry.step === 'ERASE')!.detail).toEqual({
      by: 'RETURN_TO_SERVICE',
      trigger: 'USER',
      returnToService: true,
    });
    expect(after.find((entry) => entry.step === 'WIFI_JOINED')!.detail).toEqual({ ssid: SSID, security: 'WPA2' });
    expect(after.filter((entry) => entry.step === 'PANE' || entry.step === 'MACHINE_INFO_POSTED')).toEqual([]);
    expect(after.map((entry) => entry.step)).toEqual(
      expect.arrayContaining(['RETURN_TO_SERVICE', 'PROFILE_INSTALLED', 'DEVICE_CONFIGURED', 'BOOTSTRAP_TOKEN_ESCROWED', 'HOME']),
    );

    expect((await enrollmentOf(serial)).enrollment.state).toBe('ENROLLED');
    const stored = await repository.findOneByOrFail({ udid: ipad.udid });
    expect(stored).toMatchObject({
      state: 'ENROLLED',
      identitySerial: normalizedSerial(ipad.enrollment!.identitySerial),
      returnToService: null,
    });
    // Back enrolled, the iPad escrowed the token again (the erase had cleared it at Homeroom).
    expect(stored.sealedBootstrapToken).not.toBeNull();
  }, 120_000);

  it('answers Enabled false to an iPad whose Return to Service profile has no Wi-Fi, and the iPad stays enrolled as it was', async () => {
    const profile = await returnToServiceProfile('Loan carts without Wi-Fi');
    const serial = serials[3]!;
    const ipad = await enrolledIPad(profile.id, serial);
    expect(ipad.escrowedBootstrapToken).not.toBeNull();
    const identity = ipad.enrollment!.identitySerial;

    const outcome = await ipad.returnToService({ reason: 'IDLE' });
    expect(outcome).toEqual({ status: 200, enabled: false, bootstrapToken: null, bootstrapTokenCheck: null, state: 'HOME' });
    expect(ipad.stepsOf('RETURN_TO_SERVICE_ANSWER').map((entry) => entry.detail)).toEqual([
      { trigger: 'IDLE', status: 200, enabled: false, wifiProfileData: false, mdmProfileData: false },
    ]);
    expect(ipad.stepsOf('ERASE')).toEqual([]);
    expect(ipad.enrollment!.identitySerial).toBe(identity);

    const stored = await t.server.dataSource.getRepository(DeviceEnrollment).findOneByOrFail({ udid: ipad.udid });
    expect(stored).toMatchObject({ state: 'ENROLLED', identitySerial: normalizedSerial(identity), returnToService: null });
    expect(stored.sealedBootstrapToken).not.toBeNull();
  }, 120_000);

  it('releases an iPad in return-to-service mode that awaits configuration though its profile does not ask it to (Apple: the device assumes it)', async () => {
    const profile = await returnToServiceProfile('Loan carts, no await', false);
    const ipad = await enrolledIPad(profile.id, serials[4]!);
    // The iPad held itself in Setup Assistant; Homeroom saw it awaiting and sent DeviceConfigured.
    expect(ipad.stepsOf('DEVICE_CONFIGURED')).toHaveLength(1);
    const stored = await t.server.dataSource.getRepository(DeviceEnrollment).findOneByOrFail({ udid: ipad.udid });
    expect(stored.state).toBe('ENROLLED');
  }, 120_000);

  it('refuses Return to Service for a device that never enrolled with RETURN_TO_SERVICE_UNAVAILABLE (NOT_ENROLLED), queuing nothing', async () => {
    const device = await enrollmentOf(serials[1]!);
    const refused = await t.request(EraseDeviceDocument, { input: { deviceId: device.id, returnToService: true } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RETURN_TO_SERVICE_UNAVAILABLE', reason: 'NOT_ENROLLED' });
  });
});
