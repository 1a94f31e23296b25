import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import { DeviceIdentityKind } from '../../src/entities/enrollment-profile.entity.js';
import { ScepChallenge } from '../../src/entities/scep-challenge.entity.js';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import { certificateFingerprint } from '../../src/services/enrollment/mdm-authentication.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cartProfile, simulatedSchool } from '../support/tokens.js';

/** The default `MDM_IDENTITY=scep`: virtual iPads make their key, get it certified at `/scep`, then check in with it. */
describe('enrollment with SCEP device identities', () => {
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('hands out a SCEP payload, certifies the key the iPad made, and pins check-ins to that certificate', async () => {
    const apple = t.server.apple.simulator!;
    const { token, serials } = await simulatedSchool(t.server.services, apple, ctx, { name: 'Northfield', devices: 3 });
    const profile = await t.server.services.profiles.create(ctx, token.id, {
      ...cartProfile('Northfield held'),
      awaitDeviceConfigured: true,
    });
    const { done } = await t.server.services.assignments.assign(ctx, profile.id, { serialNumbers: serials.slice(0, 2) });
    expect(await done).toMatchObject({ status: 'SUCCEEDED' });

    const ipads = await Promise.all(
      serials.slice(0, 2).map((serialNumber) => VirtualIPad.create({ appleUrl: apple.url, serialNumber, connectPollIntervalMs: 10 })),
    );
    const states = await Promise.all(ipads.map((ipad) => ipad.powerOn()));
    expect(ipads.map((ipad) => ipad.failure)).toEqual([null, null]);
    expect(states).toEqual(['HOME', 'HOME']);
    for (const ipad of ipads) {
      expect(ipad.deviceConfiguredReceived()).toBe(true);
      expect(ipad.trace.map((entry) => entry.step)).toContain('SCEP_ENROLLED');
      const installed = ipad.trace.find((entry) => entry.step === 'PROFILE_INSTALLED')!;
      expect(installed.detail?.payloads).toEqual(['com.apple.security.scep', 'com.apple.mdm']);
      const certificate = new crypto.X509Certificate(ipad.enrollment!.identityCertificatePem);
      expect(certificate.subject).toContain(`CN=${ipad.serialNumber}`);
      expect(certificate.verify(new crypto.X509Certificate(await t.server.services.mdmAuthority.certificatePem()).publicKey)).toBe(true);
      const device = await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: ipad.serialNumber });
      const row = await t.server.dataSource.getRepository(DeviceEnrollment).findOneByOrFail({ deviceId: device.id });
      expect(row).toMatchObject({ state: 'ENROLLED', identityFingerprint: certificateFingerprint(certificate) });
      // Its challenge is spent: stored hashed, never in clear.
      const challenges = await t.server.dataSource.getRepository(ScepChallenge).findBy({ deviceId: device.id });
      expect(challenges).toHaveLength(1);
      expect(challenges[0]!.usedAt).not.toBeNull();
      expect(challenges[0]!.challengeHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('gives a PKCS#12 identity to the devices of a profile that says PKCS12, whatever the server default', async () => {
    const apple = t.server.apple.simulator!;
    const { token, serials } = await simulatedSchool(t.server.services, apple, ctx, { name: 'Southfield', devices: 1 });
    const profile = await t.server.services.profiles.create(ctx, token.id, {
      ...cartProfile('Southfield PKCS#12'),
      identityKind: DeviceIdentityKind.PKCS12,
    });
    const { done } = await t.server.services.assignments.assign(ctx, profile.id, { serialNumbers: [serials[0]!] });
    expect(await done).toMatchObject({ status: 'SUCCEEDED' });
    const ipad = await VirtualIPad.create({ appleUrl: apple.url, serialNumber: serials[0]!, connectPollIntervalMs: 10 });
    expect(await ipad.powerOn()).toBe('HOME');
    const installed = ipad.trace.find((entry) => entry.step === 'PROFILE_INSTALLED')!;
    expect(installed.detail?.payloads).toEqual(['com.apple.security.pkcs12', 'com.apple.mdm']);
    expect(ipad.trace.map((entry) => entry.step)).not.toContain('SCEP_ENROLLED');
  });
});
