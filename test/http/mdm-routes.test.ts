import fs from 'node:fs';
import { parse } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import type { EnrollmentProfile } from '../../src/entities/enrollment-profile.entity.js';
import { MdmCommand } from '../../src/entities/mdm-command.entity.js';
import { createLogger } from '../../src/logger.js';
import { createCertificateAuthority } from '../../src/mdm/certificate-authority.js';
import { toGlobalId } from '../../src/global-id.js';
import type { DeviceEnrollmentChanged } from '../../src/platform/events/event-bus.js';
import { systemContext } from '../../src/platform/request-context.js';
import { DeviceEnrollmentNodeDocument } from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  factoryIdentity,
  machineInfo,
  postMachineInfo,
  readEnrollmentProfile,
  signCms,
  handHeldDeviceSetup,
  TestMdmDevice,
  type SigningIdentity,
} from '../support/mdm-device.js';
import { cartProfile, simulatedSchool } from '../support/tokens.js';

/**
 * Homeroom's MDM endpoints over real HTTP, driven step by step by a hand-held test device whose
 * MachineInfo is signed by a device CA the server trusts through MDM_DEVICE_CA_FILE.
 */
describe('MDM endpoints: enrollment, check-in, connect', () => {
  const ctx = systemContext(createLogger('silent'));
  const { dir, deviceCa, env } = handHeldDeviceSetup('homeroom-mdm-');
  let t: TestServer;
  let profile: EnrollmentProfile;
  let otherProfile: EnrollmentProfile;
  let serials: string[];
  let otherSerials: string[];
  const events: DeviceEnrollmentChanged[] = [];

  beforeAll(async () => {
    t = await startTestServer({
      env,
    });
    const { services } = t.server;
    const apple = t.server.apple.simulator!;
    const school = await simulatedSchool(services, apple, ctx, { name: 'Lakeside', devices: 8 });
    serials = school.serials;
    profile = await services.profiles.create(ctx, school.token.id, {
      ...cartProfile('Lakeside held carts'),
      awaitDeviceConfigured: true,
      departmentName: 'Lakeside Science',
    });
    const other = await simulatedSchool(services, apple, ctx, { name: 'Hillcrest', devices: 2 });
    otherSerials = other.serials;
    otherProfile = other.profile;
    // Assignment has its own tests (issue 6); here the devices simply carry their profiles.
    const devices = t.server.dataSource.getRepository(Device);
    await devices.update({ serialNumber: serials[0]! }, { profileId: profile.id });
    await devices.update({ serialNumber: serials[1]! }, { profileId: profile.id });
    await devices.update({ serialNumber: serials[2]! }, { profileId: profile.id, removedAt: new Date() });
    await devices.update({ serialNumber: otherSerials[0]! }, { profileId: otherProfile.id });
    await devices.update({ serialNumber: serials[4]! }, { profileId: profile.id });
    await devices.update({ serialNumber: serials[5]! }, { profileId: profile.id });
    const iterator = services.deps.events.subscribe('DEVICE_ENROLLMENT_CHANGED')[Symbol.asyncIterator]();
    void (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) events.push(next.value);
    })();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const enrollmentUrl = (p: EnrollmentProfile) => t.server.services.profiles.enrollmentUrl(p);
  const enrollmentOf = (serial: string) =>
    t.server.dataSource
      .getRepository(Device)
      .findOneByOrFail({ serialNumber: serial })
      .then((d) => t.server.dataSource.getRepository(DeviceEnrollment).findOneBy({ deviceId: d.id }));
  const tableCounts = async () => ({
    enrollments: await t.server.dataSource.getRepository(DeviceEnrollment).count(),
    commands: await t.server.dataSource.getRepository(MdmCommand).count(),
  });

  async function enroll(
    serial: string,
    udid: string,
    identity: SigningIdentity = factoryIdentity(deviceCa.ca, serial),
  ): Promise<TestMdmDevice> {
    const response = await postMachineInfo(enrollmentUrl(profile), signCms(machineInfo(serial, udid), identity));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-apple-aspen-config/);
    const { mdm, identity: issued } = readEnrollmentProfile(await response.text());
    return new TestMdmDevice(udid, mdm, issued);
  }

  async function refusal(response: Response): Promise<{ status: number; code: string; reason?: string }> {
    const body = (await response.json()) as { code: string; reason?: string };
    return { status: response.status, code: body.code, ...(body.reason ? { reason: body.reason } : {}) };
  }

  it('enrolls a held device: ENROLLING, AWAITING_CONFIGURATION, DeviceInformation then DeviceConfigured, ENROLLED and supervised', async () => {
    const serial = serials[0]!;
    const device = await enroll(serial, 'UDID-0001');
    expect(device.mdm).toMatchObject({
      ServerURL: `${t.server.publicUrl}/mdm/connect`,
      CheckInURL: `${t.server.publicUrl}/mdm/checkin`,
      SignMessage: true,
      Topic: expect.stringMatching(/^com\.apple\.mgmt\./),
    });
    expect(await enrollmentOf(serial)).toMatchObject({
      state: 'ENROLLING',
      udid: 'UDID-0001',
      productName: 'iPad13,18',
      osVersion: '17.5',
    });

    const authenticate = await device.checkIn({
      MessageType: 'Authenticate',
      SerialNumber: serial,
      ProductName: 'iPad13,18',
      OSVersion: '17.5',
    });
    expect(authenticate.status).toBe(200);
    expect((await device.tokenUpdate(true)).status).toBe(200);
    expect(await enrollmentOf(serial)).toMatchObject({
      state: 'AWAITING_CONFIGURATION',
      pushToken: 'a1b2c3d4e5f60718',
      pushMagic: 'F00D-MAGIC',
    });

    const information = await device.nextCommand({ Status: 'Idle' });
    expect(information?.Command).toMatchObject({ RequestType: 'DeviceInformation', Queries: expect.arrayContaining(['IsSupervised']) });
    const configured = await device.nextCommand({
      Status: 'Acknowledged',
      CommandUUID: information!.CommandUUID,
      QueryResponses: { IsSupervised: true, OSVersion: '17.5.1' },
    });
    expect(configured?.Command).toEqual({ RequestType: 'DeviceConfigured' });
    expect(await device.nextCommand({ Status: 'Acknowledged', CommandUUID: configured!.CommandUUID })).toBeNull();

    const enrolled = await enrollmentOf(serial);
    expect(enrolled).toMatchObject({ state: 'ENROLLED', supervised: true, osVersion: '17.5.1', failureReason: null });
    expect(enrolled!.enrolledAt).toBeInstanceOf(Date);
    expect(enrolled!.sealedUnlockToken).not.toContain('unlock-me');
    expect(events.filter((e) => e.serialNumber === serial).map((e) => `${e.previousState}>${e.state}`)).toEqual([
      'NOT_CONTACTED>ENROLLING',
      'ENROLLING>AWAITING_CONFIGURATION',
      'AWAITING_CONFIGURATION>ENROLLED',
    ]);
  });

  it('accepts SHA-1 and SHA-256 Mdm-Signatures, and refuses a forged or tampered one (MDM_DEVICE_NOT_ENROLLED 403, MDM_SIGNATURE_INVALID 400) changing nothing', async () => {
    const serial = serials[1]!;
    const device = await enroll(serial, 'UDID-0002');
    expect((await device.checkIn({ MessageType: 'Authenticate' }, { digest: 'sha1' })).status).toBe(200);
    const before = await enrollmentOf(serial);
    const counts = await tableCounts();

    // Signed by a certificate Homeroom did not issue (its own CA, same serial number in the subject).
    const forger = factoryIdentity(createCertificateAuthority({ commonName: 'Homeroom MDM device CA', now: new Date() }), serial);
    expect(
      await refusal(
        await device.checkIn({ MessageType: 'TokenUpdate', Token: Buffer.from('ff', 'hex'), PushMagic: 'x' }, { signer: forger }),
      ),
    ).toEqual({ status: 403, code: 'MDM_DEVICE_NOT_ENROLLED' });
    expect(
      await refusal(
        await device.checkIn({ MessageType: 'TokenUpdate', Token: Buffer.from('ff', 'hex'), PushMagic: 'x' }, { tamper: true }),
      ),
    ).toEqual({
      status: 400,
      code: 'MDM_SIGNATURE_INVALID',
    });
    const unsigned = await fetch(device.mdm.CheckInURL as string, { method: 'PUT', body: '<plist><dict/></plist>' });
    expect(await refusal(unsigned)).toEqual({ status: 400, code: 'MDM_SIGNATURE_INVALID' });

    expect(await enrollmentOf(serial)).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
  });

  it('refuses MachineInfo from an unknown device CA, of another token, of a removed device, without this profile, or unknown, changing nothing', async () => {
    const counts = await tableCounts();
    const eventsBefore = events.length;
    const stranger = createCertificateAuthority({ commonName: 'Stranger Device CA', now: new Date() });
    const post = (serial: string, ca = deviceCa.ca) =>
      postMachineInfo(enrollmentUrl(profile), signCms(machineInfo(serial, `UDID-${serial}`), factoryIdentity(ca, serial)));

    expect(await refusal(await post(serials[3]!, stranger))).toEqual({
      status: 403,
      code: 'MDM_DEVICE_NOT_TRUSTED',
      reason: 'UNTRUSTED_ISSUER',
    });
    expect(await refusal(await post(otherSerials[0]!))).toEqual({ status: 403, code: 'MDM_ENROLLMENT_REFUSED', reason: 'OTHER_TOKEN' });
    expect(await refusal(await post(serials[2]!))).toEqual({ status: 403, code: 'MDM_ENROLLMENT_REFUSED', reason: 'REMOVED' });
    expect(await refusal(await post(serials[3]!))).toEqual({ status: 403, code: 'MDM_ENROLLMENT_REFUSED', reason: 'PROFILE_NOT_ASSIGNED' });
    expect(await refusal(await post('NOTASERIAL1'))).toEqual({ status: 403, code: 'MDM_ENROLLMENT_REFUSED', reason: 'UNKNOWN_SERIAL' });
    const unknownUrl = `${t.server.publicUrl}/mdm/enroll/no-such-key`;
    const unknown = await postMachineInfo(unknownUrl, signCms(machineInfo(serials[0]!, 'U'), factoryIdentity(deviceCa.ca, serials[0]!)));
    expect(await refusal(unknown)).toEqual({ status: 404, code: 'MDM_ENROLLMENT_REFUSED', reason: 'UNKNOWN_PROFILE' });
    expect(await refusal(await postMachineInfo(enrollmentUrl(profile), Buffer.from('not cms')))).toEqual({
      status: 400,
      code: 'MDM_REQUEST_MALFORMED',
    });
    const noSerial = signCms(machineInfo('', 'U'), factoryIdentity(deviceCa.ca, 'X'));
    expect(await refusal(await postMachineInfo(enrollmentUrl(profile), noSerial))).toEqual({ status: 400, code: 'MDM_REQUEST_MALFORMED' });

    expect(await tableCounts()).toEqual(counts);
    expect(events.length).toBe(eventsBefore);
  });

  it("refuses an Authenticate whose SerialNumber is not the enrolled device's with MDM_DEVICE_NOT_ENROLLED 403 SERIAL_MISMATCH, changing nothing", async () => {
    const serial = serials[4]!;
    const device = await enroll(serial, 'UDID-0005');
    const before = await enrollmentOf(serial);
    const counts = await tableCounts();
    const eventsBefore = events.length;

    const response = await device.checkIn({ MessageType: 'Authenticate', SerialNumber: serials[5]!, ProductName: 'iPad13,18' });
    const body = (await response.clone().json()) as { message: string };
    expect(await refusal(response)).toEqual({ status: 403, code: 'MDM_DEVICE_NOT_ENROLLED', reason: 'SERIAL_MISMATCH' });
    expect(body.message).toBe(`The Authenticate names serial number ${serials[5]!}, but this identity was issued to device ${serial}.`);
    expect(await enrollmentOf(serial)).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
    expect(events.length).toBe(eventsBefore);
    // Its own serial, in any case, is accepted.
    expect((await device.checkIn({ MessageType: 'Authenticate', SerialNumber: serial.toLowerCase() })).status).toBe(200);
  });

  it("records supervision as unknown (null) when the device omits IsSupervised, not the supervised profile's value, and GraphQL shows null", async () => {
    const serial = serials[5]!;
    const device = await enroll(serial, 'UDID-0006');
    const supervisedInGraphQL = async () => {
      const deviceId = (await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial })).id;
      const res = await t.request(DeviceEnrollmentNodeDocument, { id: toGlobalId('Device', deviceId) });
      expect(res.errors).toBeUndefined();
      return res.data!.node?.__typename === 'Device' ? res.data!.node.enrollment.supervised : 'not a device';
    };
    expect(profile.supervised).toBe(true);
    // Enrolled under a supervised profile, the device has said nothing yet.
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLING', supervised: null });

    await device.checkIn({ MessageType: 'Authenticate', SerialNumber: serial });
    await device.tokenUpdate(false);
    const information = await device.nextCommand({ Status: 'Idle' });
    expect(information?.Command).toMatchObject({ RequestType: 'DeviceInformation' });
    await device.nextCommand({
      Status: 'Acknowledged',
      CommandUUID: information!.CommandUUID,
      QueryResponses: { OSVersion: '17.6', BuildVersion: '21G80' },
    });
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED', supervised: null, osVersion: '17.6' });
    expect(await supervisedInGraphQL()).toBeNull();
  });

  it('escrows the bootstrap token sealed (SetBootstrapToken) and hands it back (GetBootstrapToken); an empty one clears it', async () => {
    const serial = serials[1]!;
    const device = await enroll(serial, 'UDID-0002');
    await device.checkIn({ MessageType: 'Authenticate' });
    const get = async () => parse(await (await device.checkIn({ MessageType: 'GetBootstrapToken' })).text()) as Record<string, unknown>;
    expect(await get()).toEqual({});
    expect((await device.checkIn({ MessageType: 'SetBootstrapToken', BootstrapToken: Buffer.from('escrow-me') })).status).toBe(200);
    expect((await enrollmentOf(serial))!.sealedBootstrapToken).not.toContain('escrow-me');
    expect(Buffer.from((await get()).BootstrapToken as Uint8Array).toString()).toBe('escrow-me');
    await device.checkIn({ MessageType: 'SetBootstrapToken' });
    expect(await get()).toEqual({});
  });

  it('answers NotNow by ending the session and re-sends the command on the next connect; an unknown command answer is ignored', async () => {
    const serial = serials[0]!;
    const device = await enroll(serial, 'UDID-0001');
    await device.checkIn({ MessageType: 'Authenticate' });
    await device.tokenUpdate(true);
    const first = await device.nextCommand({ Status: 'Idle' });
    expect(await device.nextCommand({ Status: 'NotNow', CommandUUID: first!.CommandUUID })).toBeNull();
    const again = await device.nextCommand({ Status: 'Idle' });
    expect(again?.CommandUUID).toBe(first!.CommandUUID);
    const next = await device.nextCommand({ Status: 'Acknowledged', CommandUUID: 'NOT-A-COMMAND' });
    expect(next?.CommandUUID).toBe(first!.CommandUUID);
  });

  it('marks FAILED with the reason when the device refuses DeviceConfigured', async () => {
    const serial = serials[1]!;
    const device = await enroll(serial, 'UDID-0002');
    await device.checkIn({ MessageType: 'Authenticate' });
    await device.tokenUpdate(true);
    const information = await device.nextCommand({ Status: 'Idle' });
    const configured = await device.nextCommand({ Status: 'Acknowledged', CommandUUID: information!.CommandUUID, QueryResponses: {} });
    await device.nextCommand({
      Status: 'Error',
      CommandUUID: configured!.CommandUUID,
      ErrorChain: [{ ErrorCode: 12081, ErrorDomain: 'MCMDMErrorDomain', USEnglishDescription: 'Not awaiting configuration' }],
    });
    expect(await enrollmentOf(serial)).toMatchObject({
      state: 'FAILED',
      failureReason: 'The device refused DeviceConfigured: Not awaiting configuration (MCMDMErrorDomain 12081)',
    });
  });

  it('a CheckOut unenrolls the device and its connects are refused after (403, never 401); a re-enrollment replaces the identity', async () => {
    const serial = serials[0]!;
    const old = await enroll(serial, 'UDID-0001');
    await old.checkIn({ MessageType: 'Authenticate' });
    const renewed = await enroll(serial, 'UDID-0001');
    expect(await refusal(await old.connect({ Status: 'Idle' }))).toEqual({ status: 403, code: 'MDM_DEVICE_NOT_ENROLLED' });
    await renewed.checkIn({ MessageType: 'Authenticate' });
    await renewed.tokenUpdate(false);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED' });
    expect((await renewed.checkIn({ MessageType: 'CheckOut' })).status).toBe(200);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'UNENROLLED', pushToken: null });
    const refused = await renewed.connect({ Status: 'Idle' });
    expect(refused.status).toBe(403);
  });
});
