import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HELLO_PANES, SETUP_PANES, UNKNOWN_COMMAND_ERROR_CHAIN } from '../../../src/simulator/device/index.js';
import { deviceWorld, SEED_PROFILE } from './support.js';

const HELLO = HELLO_PANES.map((pane) => pane.key);
/** Every post-enrollment pane an iPadOS 17.5 device shows when nothing is skipped (Apple Intelligence needs 18). */
const ALL_PANES_17 = SETUP_PANES.map((pane) => pane.key).filter((key) => key !== 'Intelligence');

describe('a virtual iPad', () => {
  it('enrolls with a supervised, await-configuration profile: Remote Management with the department, DeviceConfigured, no Passcode or Siri, Home', async () => {
    const world = await deviceWorld({
      commandsOnEnrollment: [{ RequestType: 'DeviceInformation', Queries: ['SerialNumber', 'IsSupervised'] }],
    });
    const serial = world.serials[0]!;
    const profileUuid = await world.assign([serial]);
    const ipad = await world.ipad(serial);
    expect(ipad.state).toBe('OFF');

    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.state).toBe('HOME');
    expect(ipad.managed).toBe(true);
    expect(ipad.supervised).toBe(true);
    expect(ipad.failure).toBeNull();
    expect(ipad.remoteManagement()).toEqual({
      organizationName: world.sim.portal.organization().org_name,
      department: 'Maple Grove Elementary',
      phone: '+1 555 0100',
      email: 'help@maplegrove.example',
    });
    expect(ipad.deviceConfiguredReceived()).toBe(true);
    expect(ipad.panesShown()).toEqual([...HELLO, ...ALL_PANES_17.filter((key) => key !== 'Passcode' && key !== 'Siri')]);
    expect(ipad.cloudConfiguration).toMatchObject({
      ProfileUUID: profileUuid,
      AwaitDeviceConfigured: true,
      SkipSetup: ['Passcode', 'Siri'],
    });

    // The steps, in order (panes and connects folded).
    const steps = ipad.trace.map((entry) => entry.step).filter((step, i, all) => step !== all[i - 1]);
    expect(steps).toEqual([
      'POWER_ON',
      'PANE',
      'NETWORK',
      'ACTIVATION_LOOKUP',
      'REMOTE_MANAGEMENT',
      'MACHINE_INFO_POSTED',
      'PROFILE_INSTALLED',
      'CHECK_IN',
      'CONNECT',
      'COMMAND',
      'CONNECT',
      'COMMAND',
      'DEVICE_CONFIGURED',
      'CONNECT',
      'PANE',
      'HOME',
    ]);
    expect(ipad.stepsOf('PROFILE_INSTALLED')[0]!.detail).toMatchObject({
      payloads: ['com.apple.security.pkcs12', 'com.apple.mdm'],
      topic: world.fake.topic,
    });
    expect(ipad.stepsOf('CHECK_IN').map((entry) => entry.detail)).toEqual([
      { messageType: 'Authenticate', status: 200 },
      { messageType: 'TokenUpdate', status: 200 },
    ]);
    expect(ipad.stepsOf('COMMAND').map((entry) => [entry.detail?.requestType, entry.detail?.answer])).toEqual([
      ['DeviceInformation', 'Acknowledged'],
      ['DeviceConfigured', 'Acknowledged'],
    ]);

    // What the MDM saw: verified MachineInfo, signed check-ins, the await flag, the answers.
    expect(world.fake.machineInfos).toEqual([
      { UDID: ipad.udid, SERIAL: serial, PRODUCT: 'iPad13,18', VERSION: '21F79', OS_VERSION: '17.5', LANGUAGE: 'en' },
    ]);
    const enrollRequest = world.fake.requests.find((request) => request.kind === 'enroll')!;
    expect(enrollRequest.contentType).toBe('application/pkcs7-signature');
    const [authenticate] = world.fake.checkIns('Authenticate');
    expect(authenticate).toEqual({
      MessageType: 'Authenticate',
      Topic: world.fake.topic,
      UDID: ipad.udid,
      SerialNumber: serial,
      ProductName: 'iPad13,18',
      OSVersion: '17.5',
      BuildVersion: '21F79',
    });
    const [tokenUpdate] = world.fake.checkIns('TokenUpdate');
    expect(tokenUpdate).toMatchObject({
      MessageType: 'TokenUpdate',
      Topic: world.fake.topic,
      UDID: ipad.udid,
      AwaitingConfiguration: true,
    });
    expect(Buffer.from(tokenUpdate!.Token as Uint8Array).toString('hex')).toBe(ipad.enrollment!.pushToken);
    expect(ipad.enrollment!.pushToken).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenUpdate!.PushMagic).toBe(ipad.enrollment!.pushMagic);
    expect((tokenUpdate!.UnlockToken as Uint8Array).length).toBeGreaterThan(0);
    for (const request of world.fake.requests.filter((r) => r.kind !== 'enroll')) {
      expect(request).toMatchObject({ status: 200, digest: 'sha256', signerSerial: ipad.enrollment!.identitySerial });
    }
    expect(
      world.fake.requests.filter((r) => r.kind === 'checkin').every((r) => r.contentType === 'application/x-apple-aspen-mdm-checkin'),
    ).toBe(true);
    expect(world.fake.requests.filter((r) => r.kind === 'connect').every((r) => r.contentType === 'application/x-apple-aspen-mdm')).toBe(
      true,
    );
    const reports = world.fake.reports(ipad.udid);
    expect(reports[0]).toEqual({ UDID: ipad.udid, Status: 'Idle' });
    expect(reports[1]).toMatchObject({ Status: 'Acknowledged', QueryResponses: { SerialNumber: serial, IsSupervised: true } });
    expect(ipad.enrollment).toMatchObject({
      topic: world.fake.topic,
      serverUrl: `${world.fake.url}/mdm/connect`,
      checkInUrl: `${world.fake.url}/mdm/checkin`,
      signMessage: true,
      checkOutWhenRemoved: true,
    });
    expect(new crypto.X509Certificate(ipad.enrollment!.identityCertificatePem).serialNumber.toUpperCase()).toBe(
      ipad.enrollment!.identitySerial,
    );
    // Apple marked the device pushed when it served the configuration.
    expect(world.sim.portal.listDevices({ server: 'Fake MDM' }).find((d) => d.serial_number === serial)).toMatchObject({
      profile_status: 'pushed',
    });
  });

  it('ends unmanaged after the full consumer Setup Assistant when Apple has no configuration for it, and the MDM never hears of it', async () => {
    const world = await deviceWorld();
    const ipad = await world.ipad(world.unassigned[0]!);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.managed).toBe(false);
    expect(ipad.supervised).toBe(false);
    expect(ipad.cloudConfiguration).toBeNull();
    expect(ipad.remoteManagement()).toBeNull();
    expect(ipad.stepsOf('ACTIVATION_LOOKUP')[0]!.detail).toEqual({ managed: false, reason: 'NOT_ASSIGNED_TO_SERVER' });
    expect(ipad.panesShown()).toEqual([...HELLO, ...ALL_PANES_17]);
    expect(ipad.stepsOf('HOME')[0]!.detail).toEqual({ managed: false });
    expect(world.fake.requests).toEqual([]);
  });

  it('keeps its activation when a profile is assigned later, and enrolls with it only after erase()', async () => {
    const world = await deviceWorld();
    const serial = world.serials[1]!;
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.stepsOf('ACTIVATION_LOOKUP')[0]!.detail).toEqual({ managed: false, reason: 'NO_PROFILE' });

    await world.assign([serial]);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.managed).toBe(false);
    expect(ipad.stepsOf('POWER_ON')).toHaveLength(1);
    expect(world.fake.requests).toEqual([]);

    expect(await ipad.erase()).toBe('HOME');
    expect(ipad.managed).toBe(true);
    expect(ipad.supervised).toBe(true);
    expect(ipad.deviceConfiguredReceived()).toBe(true);
    const steps = ipad.trace.map((entry) => entry.step);
    expect(steps.indexOf('ERASE')).toBe(steps.lastIndexOf('POWER_ON') - 1);
    expect(ipad.panesShown()).not.toContain('Passcode');
    expect(world.fake.machineInfos.map((info) => info.SERIAL)).toEqual([serial]);
  });

  it('rests in FAILED with the status and body when the enrollment URL answers 403, and checks in nowhere', async () => {
    const world = await deviceWorld({ enrollmentRefusal: { status: 403, body: { code: 'DEVICE_NOT_FOUND', message: 'Unknown serial.' } } });
    const serial = world.serials[2]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('FAILED');
    expect(ipad.managed).toBe(false);
    expect(ipad.enrollment).toBeNull();
    expect(ipad.failure).toEqual({
      step: 'ENROLLMENT_FAILED',
      reason: 'ENROLLMENT_REFUSED',
      message: 'the enrollment URL answered 403',
      status: 403,
      body: '{"code":"DEVICE_NOT_FOUND","message":"Unknown serial."}',
    });
    expect(ipad.stepsOf('ENROLLMENT_FAILED')[0]!.detail).toMatchObject({ status: 403 });
    expect(ipad.stepsOf('HOME')).toEqual([]);
    expect(ipad.panesShown()).toEqual(HELLO);
    expect(world.fake.requests.map((request) => request.kind)).toEqual(['enroll']);
  });

  it('answers a command it does not know with Error and MCMDMErrorDomain 12021', async () => {
    const world = await deviceWorld({ commandsOnEnrollment: [{ RequestType: 'EnableRemoteDesktop' }] });
    const serial = world.serials[3]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('HOME');
    const error = world.fake.reports(ipad.udid).find((report) => report.Status === 'Error');
    expect(error).toMatchObject({ UDID: ipad.udid, Status: 'Error', CommandUUID: expect.any(String) });
    expect(error!.ErrorChain).toEqual([
      {
        ErrorCode: 12021,
        ErrorDomain: 'MCMDMErrorDomain',
        LocalizedDescription: 'Unknown command',
        USEnglishDescription: 'Unknown command',
      },
    ]);
    expect(UNKNOWN_COMMAND_ERROR_CHAIN[0]).toMatchObject({ ErrorCode: 12021 });
  });

  it('answers NotNow as told, and the command sent again in a later session is carried out', async () => {
    const world = await deviceWorld({ commandsOnEnrollment: [{ RequestType: 'DeviceInformation', Queries: ['OSVersion', 'Nonsense'] }] });
    const serial = world.serials[4]!;
    await world.assign([serial], { ...SEED_PROFILE, await_device_configured: false });
    const ipad = await world.ipad(serial);
    ipad.answerNotNow('DeviceInformation', 1);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(world.fake.checkIns('TokenUpdate')[0]).toMatchObject({ AwaitingConfiguration: false });
    expect(ipad.deviceConfiguredReceived()).toBe(false);
    const first = world.fake.reports(ipad.udid).find((report) => report.CommandUUID !== undefined);
    expect(first).toMatchObject({ Status: 'NotNow' });

    const session = await ipad.connect();
    expect(session.status).toBe(200);
    expect(session.commands.map((command) => [command.requestType, command.answer])).toEqual([['DeviceInformation', 'Acknowledged']]);
    expect(session.commands[0]!.commandUuid).toBe(first!.CommandUUID);
    const answered = world.fake.reports(ipad.udid).find((report) => report.Status === 'Acknowledged');
    expect(answered).toMatchObject({ CommandUUID: first!.CommandUUID, QueryResponses: { OSVersion: '17.5' } });
    expect(answered!.QueryResponses).toEqual({ OSVersion: '17.5' });
  });

  it('signs Mdm-Signature with SHA-1 when told, and both digests verify', async () => {
    const world = await deviceWorld();
    await world.assign(world.serials.slice(5, 7));
    const sha1 = await world.ipad(world.serials[5]!, { signatureDigest: 'sha1' });
    const sha256 = await world.ipad(world.serials[6]!);
    expect(await Promise.all([sha1.powerOn(), sha256.powerOn()])).toEqual(['HOME', 'HOME']);
    const digests = (udid: string) =>
      new Set(world.fake.requests.filter((r) => r.kind !== 'enroll' && r.body?.UDID === udid).map((r) => `${r.digest}:${r.status}`));
    expect(digests(sha1.udid)).toEqual(new Set(['sha1:200']));
    expect(digests(sha256.udid)).toEqual(new Set(['sha256:200']));
  });

  it('sends CheckOut when management is removed, and stays at Home unmanaged', async () => {
    const world = await deviceWorld();
    const serial = world.serials[7]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial);
    await ipad.powerOn();
    const topic = ipad.enrollment!.topic;
    await ipad.removeManagement();
    expect(world.fake.checkIns('CheckOut')).toEqual([{ MessageType: 'CheckOut', Topic: topic, UDID: ipad.udid }]);
    expect(ipad.stepsOf('CHECK_IN').at(-1)!.detail).toEqual({ messageType: 'CheckOut', status: 200 });
    expect(ipad.stepsOf('MANAGEMENT_REMOVED')[0]!.detail).toEqual({ reason: 'removed on the device' });
    expect([ipad.state, ipad.managed, ipad.enrollment]).toEqual(['HOME', false, null]);
    await expect(ipad.connect()).rejects.toThrow(/not enrolled/);
  });

  it('gives up after maxConnectPolls without DeviceConfigured, polling at the interval on its clock', async () => {
    const world = await deviceWorld({ autoDeviceConfigured: false });
    const serial = world.serials[8]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial, { maxConnectPolls: 4, connectPollIntervalMs: 20 });
    const started = world.clock.now().getTime();
    expect(await ipad.powerOn()).toBe('FAILED');
    expect(ipad.failure).toEqual({ step: 'ENROLLMENT_FAILED', reason: 'NOT_CONFIGURED', message: 'DeviceConfigured never arrived' });
    expect(world.fake.reports(ipad.udid)).toHaveLength(4);
    expect(world.clock.now().getTime() - started).toBe(3 * 20);
    const connects = ipad.stepsOf('CONNECT').map((entry) => entry.at.getTime() - started);
    expect(connects).toEqual([0, 20, 40, 60]);
    // The profile stays installed: the MDM can still reach the device.
    expect(ipad.managed).toBe(true);
    expect(ipad.awaitingConfiguration).toBe(true);
  });

  it('keeps MaximumResidentUsers from a Settings command sent while awaiting configuration', async () => {
    const world = await deviceWorld({
      sharedIPad: true,
      commandsOnEnrollment: [
        { RequestType: 'Settings', Settings: [{ Item: 'MaximumResidentUsers', MaximumResidentUsers: 8 }] },
        { RequestType: 'DeviceInformation', Queries: ['IsMultiUser', 'MaximumResidentUsers', 'AwaitingConfiguration'] },
      ],
    });
    const serial = world.serials[9]!;
    await world.assign([serial], { ...SEED_PROFILE, is_multi_user: true });
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.maximumResidentUsers).toBe(8);
    expect(ipad.enrollment!.serverCapabilities).toContain('com.apple.mdm.per-user-connections');
    const [settings, information] = world.fake.reports(ipad.udid).filter((report) => report.Status === 'Acknowledged');
    expect(settings).toMatchObject({ Settings: [{ Item: 'MaximumResidentUsers', Status: 'Acknowledged' }] });
    expect(information!.QueryResponses).toEqual({ IsMultiUser: true, MaximumResidentUsers: 8, AwaitingConfiguration: true });
    // Shared iPad sends no unlock token.
    expect(world.fake.checkIns('TokenUpdate')[0]!.UnlockToken).toBeUndefined();
  });

  it('drops its MDM profile when a connect is answered 401', async () => {
    const world = await deviceWorld({ connectStatus: 401 });
    const serial = world.serials[0]!;
    await world.assign([serial], { ...SEED_PROFILE, await_device_configured: false });
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.managed).toBe(false);
    expect(ipad.stepsOf('MANAGEMENT_REMOVED')[0]!.detail).toEqual({ reason: 'the MDM answered 401' });
  });

  it('fails activation when Apple does not answer the lookup', async () => {
    const world = await deviceWorld();
    world.sim.faults.add({ kind: 'http', status: 503, endpoint: 'POST /activation/profile' });
    const ipad = await world.ipad(world.serials[0]!);
    expect(await ipad.powerOn()).toBe('FAILED');
    expect(ipad.failure).toMatchObject({ step: 'ACTIVATION_FAILED', reason: 'ACTIVATION_REFUSED', status: 503 });
    // A later power-on starts over and succeeds.
    await world.assign([world.serials[0]!]);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.managed).toBe(true);
    expect(ipad.stepsOf('POWER_ON')).toHaveLength(2);
  });

  it('takes its trace times from the injected clock and its UDID from the injected random source', async () => {
    const world = await deviceWorld();
    const [a, b] = await Promise.all([world.ipad(world.unassigned[0]!, { random: () => 0.5 }), world.ipad(world.unassigned[1]!)]);
    expect(a.udid).toBe('80'.repeat(20));
    expect(b.udid).toMatch(/^[0-9A-F]{40}$/);
    world.clock.advance(42_000);
    await a.powerOn();
    expect(a.trace.every((entry) => entry.at.getTime() === world.clock.now().getTime())).toBe(true);
    expect(new crypto.X509Certificate(a.factoryCertificatePem).subject).toContain(`CN=${a.udid}`);
  });
});
