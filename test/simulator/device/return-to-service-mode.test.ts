import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN_CAPABILITY } from '../../../src/simulator/device/index.js';
import type { Dict } from './fake-mdm.js';
import { FAKE_WIFI } from './fake-mdm.js';
import { deviceWorld, SEED_PROFILE } from './support.js';

/** The seeds' profile in return-to-service mode (`is_return_to_service`). */
const RTS_PROFILE = { ...SEED_PROFILE, is_return_to_service: true };
const IPADOS_26 = { osVersion: '26.0', buildVersion: '23A341' };

/** The profile with `com.apple.mdm.bootstraptoken` taken out of the MDM payload's ServerCapabilities. */
function withoutBootstrapCapability(profile: Dict): Dict {
  const payloads = (profile.PayloadContent as Dict[]).map((payload) =>
    payload.PayloadType === 'com.apple.mdm'
      ? { ...payload, ServerCapabilities: (payload.ServerCapabilities as string[]).filter((c) => c !== BOOTSTRAP_TOKEN_CAPABILITY) }
      : payload,
  );
  return { ...profile, PayloadContent: payloads };
}

describe('a virtual iPad’s bootstrap token', () => {
  it('is escrowed after TokenUpdate by a supervised ADE iPad on iPadOS 26 whose MDM lists the capability, signed by its MDM identity', async () => {
    const world = await deviceWorld();
    const serial = world.serials[0]!;
    await world.assign([serial], RTS_PROFILE);
    const ipad = await world.ipad(serial, IPADOS_26);
    expect(await ipad.powerOn()).toBe('HOME');

    const escrowed = ipad.escrowedBootstrapToken;
    expect(escrowed).not.toBeNull();
    expect(world.fake.bootstrapTokens.get(ipad.udid)).toEqual(escrowed);
    const checkIns = world.fake.requests.filter((r) => r.kind === 'checkin').map((r) => [r.body!.MessageType, r.signerSerial]);
    expect(checkIns).toEqual([
      ['Authenticate', ipad.enrollment!.identitySerial],
      ['TokenUpdate', ipad.enrollment!.identitySerial],
      ['SetBootstrapToken', ipad.enrollment!.identitySerial],
    ]);
    // Sent while Setup Assistant still waits for DeviceConfigured, and says so.
    expect(world.fake.checkIns('SetBootstrapToken')[0]).toMatchObject({
      UDID: ipad.udid,
      Topic: world.fake.topic,
      AwaitingConfiguration: true,
    });
    expect(ipad.stepsOf('BOOTSTRAP_TOKEN_ESCROWED').map((entry) => entry.detail)).toEqual([{ bytes: escrowed!.length }]);
  });

  it('is not escrowed by an iPad before iPadOS 26', async () => {
    const world = await deviceWorld();
    const serial = world.serials[0]!;
    await world.assign([serial], RTS_PROFILE);
    const ipad = await world.ipad(serial, { osVersion: '18.6', buildVersion: '22G86' });
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.supervised).toBe(true);
    expect(ipad.enrollment!.serverCapabilities).toContain(BOOTSTRAP_TOKEN_CAPABILITY);
    expect(ipad.escrowedBootstrapToken).toBeNull();
    expect(ipad.stepsOf('BOOTSTRAP_TOKEN_ESCROWED')).toEqual([]);
    expect(world.fake.checkIns('SetBootstrapToken')).toEqual([]);
    expect(world.fake.checkIns('TokenUpdate')).toHaveLength(1);
  });

  it('is not escrowed by an iPad on iPadOS 26 when the MDM payload lacks the capability', async () => {
    const world = await deviceWorld({ mutateProfile: withoutBootstrapCapability });
    const serial = world.serials[0]!;
    await world.assign([serial], RTS_PROFILE);
    const ipad = await world.ipad(serial, IPADOS_26);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.escrowedBootstrapToken).toBeNull();
    expect(world.fake.checkIns('SetBootstrapToken')).toEqual([]);
    expect(world.fake.checkIns('TokenUpdate')).toHaveLength(1);
  });
});

describe('a virtual iPad in return-to-service mode', () => {
  it('asks by check-in, and when enabled erases, joins the Wi-Fi, skips Setup Assistant and enrolls again with a new identity', async () => {
    const world = await deviceWorld({ returnToService: { enabled: true } });
    const serial = world.serials[0]!;
    await world.assign([serial], RTS_PROFILE);
    const ipad = await world.ipad(serial, IPADOS_26);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.cloudConfiguration).toMatchObject({ IsRapidReturnToService: true });
    const firstIdentity = ipad.enrollment!.identitySerial;
    const escrowed = ipad.escrowedBootstrapToken!;
    const before = ipad.trace.length;

    const outcome = await ipad.returnToService({ reason: 'USER' });
    expect(outcome).toMatchObject({ status: 200, enabled: true, bootstrapTokenCheck: 'MATCHES', state: 'HOME' });
    expect(outcome.bootstrapToken).toEqual(escrowed);
    expect(ipad.state).toBe('HOME');
    expect(ipad.failure).toBeNull();
    expect(ipad.managed).toBe(true);
    expect(ipad.enrollment!.identitySerial).not.toBe(firstIdentity);

    // The check-in went signed by the identity the device held then, with its topic and UDID.
    const asked = world.fake.requests.find((r) => r.kind === 'checkin' && r.body!.MessageType === 'ReturnToService')!;
    expect(asked).toMatchObject({ signerSerial: firstIdentity, body: { UDID: ipad.udid, Topic: world.fake.topic } });

    const after = ipad.trace.slice(before);
    expect(after.find((entry) => entry.step === 'RETURN_TO_SERVICE_ANSWER')!.detail).toEqual({
      trigger: 'USER',
      status: 200,
      enabled: true,
      bootstrapToken: 'MATCHES',
    });
    expect(after.find((entry) => entry.step === 'ERASE')!.detail).toEqual({
      by: 'RETURN_TO_SERVICE',
      trigger: 'USER',
      returnToService: true,
    });
    expect(after.find((entry) => entry.step === 'WIFI_JOINED')!.detail).toEqual({ ssid: FAKE_WIFI.ssid, security: FAKE_WIFI.security });
    expect(after.filter((entry) => entry.step === 'PANE' || entry.step === 'MACHINE_INFO_POSTED')).toEqual([]);
    const steps = after.map((entry) => entry.step);
    expect(steps.indexOf('RETURN_TO_SERVICE')).toBeGreaterThan(steps.indexOf('WIFI_JOINED'));
    expect(steps.slice(-1)).toEqual(['HOME']);
    expect(steps).toEqual(expect.arrayContaining(['PROFILE_INSTALLED', 'DEVICE_CONFIGURED', 'BOOTSTRAP_TOKEN_ESCROWED']));
    // Back enrolled, it escrows again the token the answer handed back.
    expect(ipad.escrowedBootstrapToken).toEqual(escrowed);
    expect(world.fake.bootstrapTokens.get(ipad.udid)).toEqual(escrowed);
  });

  it('awaits configuration in return-to-service mode even when the profile does not ask it to (Apple: the device assumes await_device_configured)', async () => {
    const world = await deviceWorld();
    const [rts, plain] = world.serials;
    await world.assign([rts!], { ...RTS_PROFILE, await_device_configured: false });
    await world.assign([plain!], { ...SEED_PROFILE, await_device_configured: false });
    const awaitedBy = async (serial: string): Promise<boolean> => {
      const ipad = await world.ipad(serial, IPADOS_26);
      expect(await ipad.powerOn()).toBe('HOME');
      const tokenUpdate = world.fake.requests.find(
        (r) => r.kind === 'checkin' && r.body!.MessageType === 'TokenUpdate' && r.body!.UDID === ipad.udid,
      )!;
      expect(tokenUpdate.body!.AwaitingConfiguration === true).toBe(ipad.trace.some((entry) => entry.step === 'DEVICE_CONFIGURED'));
      return tokenUpdate.body!.AwaitingConfiguration === true;
    };
    expect(await awaitedBy(rts!)).toBe(true);
    expect(await awaitedBy(plain!)).toBe(false);
  });

  it('traces a bootstrap token in the answer that is not the one it escrowed, and still returns', async () => {
    const world = await deviceWorld({ returnToService: { enabled: true, bootstrapToken: 'OTHER' } });
    const serial = world.serials[0]!;
    await world.assign([serial], RTS_PROFILE);
    const ipad = await world.ipad(serial, IPADOS_26);
    expect(await ipad.powerOn()).toBe('HOME');

    const outcome = await ipad.returnToService({ reason: 'IDLE' });
    expect(outcome).toMatchObject({ enabled: true, bootstrapTokenCheck: 'DIFFERS', state: 'HOME' });
    expect(ipad.stepsOf('RETURN_TO_SERVICE_ANSWER').at(-1)!.detail).toMatchObject({ trigger: 'IDLE', bootstrapToken: 'DIFFERS' });
  });

  it('stays enrolled as it was when the MDM answers Enabled false, with the answer traced', async () => {
    const world = await deviceWorld({ returnToService: { enabled: false } });
    const serial = world.serials[0]!;
    await world.assign([serial], RTS_PROFILE);
    const ipad = await world.ipad(serial, IPADOS_26);
    expect(await ipad.powerOn()).toBe('HOME');
    const enrollment = ipad.enrollment;

    const outcome = await ipad.returnToService({ reason: 'USER' });
    expect(outcome).toEqual({ status: 200, enabled: false, bootstrapToken: null, bootstrapTokenCheck: null, state: 'HOME' });
    expect(ipad.state).toBe('HOME');
    expect(ipad.enrollment).toBe(enrollment);
    expect(ipad.stepsOf('RETURN_TO_SERVICE_ANSWER').map((entry) => entry.detail)).toEqual([
      { trigger: 'USER', status: 200, enabled: false, wifiProfileData: false, mdmProfileData: false },
    ]);
    expect(ipad.stepsOf('ERASE')).toEqual([]);
    expect(world.fake.checkIns('ReturnToService')).toHaveLength(1);
  });

  it('is refused, sending nothing, on an iPad whose cloud configuration is not in return-to-service mode, or that is not enrolled', async () => {
    const world = await deviceWorld({ returnToService: { enabled: true } });
    const [plain, off] = world.serials;
    await world.assign([plain!]);
    const ipad = await world.ipad(plain!, IPADOS_26);
    expect(await ipad.powerOn()).toBe('HOME');
    await expect(ipad.returnToService({ reason: 'USER' })).rejects.toThrow(/not in return-to-service mode/);

    const unmanaged = await world.ipad(off!, IPADOS_26);
    await expect(unmanaged.returnToService({ reason: 'IDLE' })).rejects.toThrow(/OFF, not at Home/);
    expect(world.fake.checkIns('ReturnToService')).toEqual([]);
    expect(ipad.stepsOf('RETURN_TO_SERVICE_ANSWER')).toEqual([]);
  });
});
