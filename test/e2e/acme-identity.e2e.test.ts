import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcmeClientIdentifier, AcmeOrder } from '../../src/entities/acme.entity.js';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import { DeviceIdentityKind } from '../../src/entities/enrollment-profile.entity.js';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';
import { certificateFingerprint } from '../../src/services/enrollment/mdm-authentication.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import { enrollHeldIPad } from '../support/enrollment.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cartProfile, simulatedSchool } from '../support/tokens.js';

/**
 * ACME identities end to end (`MDM_IDENTITY=acme`, or a profile's `identityKind`): the profile carries `com.apple.security.acme`, the virtual iPad makes
 * its P-384 key, gets it attested by the simulated Apple, obtains the certificate at `/acme`, and
 * enrolls, checks in and is configured with it (check-ins pinned to that certificate).
 */
describe('enrollment with ACME device identities (device-attest-01)', () => {
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ env: { MDM_IDENTITY: 'acme' } });
  });
  afterAll(() => t.close());

  it('enrolls with a certificate for the key made on the device, and check-ins are pinned to it', async () => {
    const { ipad, device, enrollment, identity } = await enrollHeldIPad(t, ctx, 'Northfield');
    const installed = ipad.trace.find((entry) => entry.step === 'PROFILE_INSTALLED')!;
    expect(installed.detail?.payloads).toEqual(['com.apple.security.acme', 'com.apple.mdm']);
    expect(identity.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
    expect(enrollment).toMatchObject({ state: 'ENROLLED', identityFingerprint: certificateFingerprint(identity) });
    expect(await t.server.dataSource.getRepository(AcmeOrder).findOneByOrFail({ status: 'valid' })).toBeTruthy();
    expect((await t.server.dataSource.getRepository(AcmeClientIdentifier).findOneByOrFail({ deviceId: device.id })).usedAt).not.toBeNull();
  });
});

describe('a profile whose identityKind is ACME, on a server whose default is SCEP', () => {
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ env: { MDM_IDENTITY: 'scep' } });
  });
  afterAll(() => t.close());

  it("gives its devices ACME identities while the server's default stays SCEP for the others", async () => {
    const apple = t.server.apple.simulator!;
    const { token, serials } = await simulatedSchool(t.server.services, apple, ctx, { name: 'Eastfield', devices: 2 });
    const acmeProfile = await t.server.services.profiles.create(ctx, token.id, {
      ...cartProfile('Eastfield ACME'),
      identityKind: DeviceIdentityKind.ACME,
    });
    const defaultProfile = await t.server.services.profiles.create(ctx, token.id, cartProfile('Eastfield default'));
    for (const [profile, serial] of [
      [acmeProfile, serials[0]!],
      [defaultProfile, serials[1]!],
    ] as const) {
      const { done } = await t.server.services.assignments.assign(ctx, profile.id, { serialNumbers: [serial] });
      expect(await done).toMatchObject({ status: 'SUCCEEDED' });
    }

    const ipads = await Promise.all(
      serials.map((serialNumber) => VirtualIPad.create({ appleUrl: apple.url, serialNumber, connectPollIntervalMs: 10 })),
    );
    await Promise.all(ipads.map((ipad) => ipad.powerOn()));
    expect(ipads.map((ipad) => ipad.failure)).toEqual([null, null]);
    const payloads = ipads.map((ipad) => ipad.trace.find((entry) => entry.step === 'PROFILE_INSTALLED')!.detail?.payloads);
    expect(payloads).toEqual([
      ['com.apple.security.acme', 'com.apple.mdm'],
      ['com.apple.security.scep', 'com.apple.mdm'],
    ]);
    const acmeIdentity = new crypto.X509Certificate(ipads[0]!.enrollment!.identityCertificatePem);
    expect(acmeIdentity.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
    const device = await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serials[0]! });
    expect(await t.server.dataSource.getRepository(DeviceEnrollment).findOneBy({ deviceId: device.id })).toMatchObject({
      state: 'ENROLLED',
      identityFingerprint: certificateFingerprint(acmeIdentity),
    });
  });
});
