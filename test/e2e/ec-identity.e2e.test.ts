import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';
import { enrollHeldIPad } from '../support/enrollment.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** `MDM_IDENTITY=pkcs12` with `MDM_IDENTITY_KEY=ec-p256`: a virtual iPad enrolls and checks in with an EC identity end to end. */
describe('enrollment with EC P-256 device identities', () => {
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ env: { MDM_IDENTITY: 'pkcs12', MDM_IDENTITY_KEY: 'ec-p256' } });
  });
  afterAll(() => t.close());

  it('issues an EC identity in the profile, and the device enrolls, checks in and is configured with it', async () => {
    const { identity, enrollment } = await enrollHeldIPad(t, ctx, 'Eastfield');
    expect(identity.publicKey.asymmetricKeyType).toBe('ec');
    expect(enrollment).toMatchObject({ state: 'ENROLLED' });
  });
});
