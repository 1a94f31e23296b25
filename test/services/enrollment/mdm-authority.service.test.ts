import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MdmCertificateAuthority } from '../../../src/entities/mdm-certificate-authority.entity.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus } from '../../../src/platform/events/event-bus.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { openTestDatabase, type OpenTestDatabase } from '../../support/database.js';
import { offlineApple } from '../../support/services.js';

describe('MdmAuthorityService', () => {
  let opened: OpenTestDatabase;
  const secretKey = crypto.randomBytes(32);
  const servicesOver = () =>
    new Services({
      database: opened.database,
      clock: new ManualClock('2026-09-01T08:00:00.000Z'),
      events: createEventBus(),
      secretBox: new SecretBox(secretKey),
      ...offlineApple(),
    });

  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(() => opened.close());

  it('makes the CA on first use, stores its key sealed, and every process after uses the same one', async () => {
    const first = await servicesOver().mdmAuthority.authority();
    const rows = await opened.dataSource.manager.find(MdmCertificateAuthority);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sealedPrivateKey).not.toContain('PRIVATE KEY');
    expect(new Date(rows[0]!.notAfter).getTime()).toBeGreaterThan(Date.parse('2045-01-01'));
    const again = await servicesOver().mdmAuthority.authority();
    expect(again).toEqual(first);
    expect(await opened.dataSource.manager.count(MdmCertificateAuthority)).toBe(1);
  });

  it('issues device identities that chain to the stored CA, dated by the service clock', async () => {
    const services = servicesOver();
    const identity = await services.mdmAuthority.issueIdentity({ serialNumber: 'DMPXK2ABCD20', udid: 'UDID-20' });
    const certificate = new crypto.X509Certificate(identity.certificatePem);
    expect(certificate.checkIssued(new crypto.X509Certificate(await services.mdmAuthority.certificatePem()))).toBe(true);
    expect(new Date(certificate.validFrom).getTime()).toBeLessThanOrEqual(Date.parse('2026-09-01T08:00:00.000Z'));
  });
});
