import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cartProfile, simulatedSchool } from '../support/tokens.js';

/** `MDM_IDENTITY=pkcs12` with `MDM_IDENTITY_KEY=ec-p256`: a virtual iPad enrolls and checks in with an EC identity end to end. */
describe('enrollment with EC P-256 device identities', () => {
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ env: { MDM_IDENTITY: 'pkcs12', MDM_IDENTITY_KEY: 'ec-p256' } });
  });
  afterAll(() => t.close());

  it('issues an EC identity in the profile, and the device enrolls, checks in and is configured with it', async () => {
    const apple = t.server.apple.simulator!;
    const { token, serials } = await simulatedSchool(t.server.services, apple, ctx, { name: 'Eastfield', devices: 2 });
    const profile = await t.server.services.profiles.create(ctx, token.id, {
      ...cartProfile('Eastfield held'),
      awaitDeviceConfigured: true,
    });
    const { done } = await t.server.services.assignments.assign(ctx, profile.id, { serialNumbers: [serials[0]!] });
    expect(await done).toMatchObject({ status: 'SUCCEEDED' });

    const ipad = await VirtualIPad.create({ appleUrl: apple.url, serialNumber: serials[0]!, connectPollIntervalMs: 10 });
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.deviceConfiguredReceived()).toBe(true);
    const identity = new crypto.X509Certificate(ipad.enrollment!.identityCertificatePem);
    expect(identity.publicKey.asymmetricKeyType).toBe('ec');
    const device = await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serials[0]! });
    expect(await t.server.dataSource.getRepository(DeviceEnrollment).findOneBy({ deviceId: device.id })).toMatchObject({
      state: 'ENROLLED',
    });
  });
});
