import { randomBytes, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEvent, AuditOutcome } from '../../../src/entities/audit-event.entity.js';
import { MdmPushCertificate } from '../../../src/entities/mdm-push-certificate.entity.js';
import { ErrorCode } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus } from '../../../src/platform/events/event-bus.js';
import { Role } from '../../../src/permissions.js';
import { pushKeyContext, PushCertificateStatus, readPushCertificate } from '../../../src/services/enrollment/push-certificate.service.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { emptyFoundationTables, openTestDatabase, type OpenTestDatabase } from '../../support/database.js';
import { pushCertificate } from '../../support/push-certificate.js';
import { offlineApple } from '../../support/services.js';

describe('PushCertificateService', () => {
  let opened: OpenTestDatabase;
  let clock: ManualClock;
  let secretBox: SecretBox;
  let services: Services;
  const ctx: RequestContext = {
    requestId: 'req-push',
    actor: { kind: 'apiKey', apiKeyId: 1, name: 'root-admin', role: Role.ADMIN },
    logger: createLogger('silent'),
  };

  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(() => opened.close());
  beforeEach(async () => {
    await opened.dataSource.createQueryBuilder().delete().from(MdmPushCertificate).execute();
    await emptyFoundationTables(opened.dataSource);
    clock = new ManualClock('2026-09-01T08:00:00.000Z');
    secretBox = new SecretBox(randomBytes(32));
    services = new Services({ database: opened.database, clock, events: createEventBus(), secretBox, ...offlineApple() });
  });

  const rows = () => opened.dataSource.manager.find(MdmPushCertificate);
  const audit = (action: string) => opened.dataSource.manager.find(AuditEvent, { where: { action }, order: { id: 'ASC' } });

  it('has no certificate before the first upload', async () => {
    expect(await services.pushCertificates.current()).toBeNull();
  });

  it('stores an uploaded certificate with its topic, subject, serial and expiry, the key sealed, and audits it', async () => {
    const upload = pushCertificate({ commonName: 'APSP:1234-abcd' });
    const result = await services.pushCertificates.upload(ctx, { certificate: upload.certificate, privateKey: upload.privateKey });
    expect(result).toMatchObject({ replacedPrevious: false, topicChanged: false });
    const stored = (await rows())[0]!;
    expect(stored).toMatchObject({
      topic: upload.topic,
      subject: 'APSP:1234-abcd',
      serialNumber: new X509Certificate(upload.certificate).serialNumber,
      notAfter: upload.notAfter,
      simulated: false,
      createdAt: clock.now(),
    });
    expect(stored.sealedPrivateKey).not.toContain('PRIVATE KEY');
    const key = secretBox.openText(stored.sealedPrivateKey, pushKeyContext(stored.serialNumber));
    expect(key).toContain('-----BEGIN PRIVATE KEY-----');
    expect(await services.pushCertificates.current()).toMatchObject({ id: stored.id, topic: upload.topic });
    expect(await audit('uploadMdmPushCertificate')).toEqual([
      expect.objectContaining({ outcome: AuditOutcome.SUCCEEDED, details: expect.objectContaining({ topic: upload.topic }) }),
    ]);
  });

  it('accepts a PKCS#1 key and a certificate followed by its chain', async () => {
    const upload = pushCertificate();
    const issuer = pushCertificate({ freshKey: false, topic: null });
    const result = await services.pushCertificates.upload(ctx, {
      certificate: `${upload.certificate}\n${issuer.certificate}`,
      privateKey: upload.rsaPrivateKey,
    });
    expect(result.certificate.topic).toBe(upload.topic);
    expect(result.certificate.certificatePem.match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
  });

  it.each([
    ['a certificate that is not PEM', () => ({ certificate: 'hello', privateKey: pushCertificate().privateKey }), 'certificate', 'not-pem'],
    [
      'a PEM certificate that cannot be read',
      () => ({ certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', privateKey: pushCertificate().privateKey }),
      'certificate',
      'unreadable',
    ],
    ['a key that is not PEM', () => ({ certificate: pushCertificate().certificate, privateKey: 'secret' }), 'privateKey', 'not-pem'],
    [
      'a key that does not belong to the certificate',
      () => ({ certificate: pushCertificate().certificate, privateKey: pushCertificate({ freshKey: true }).privateKey }),
      'privateKey',
      'key-mismatch',
    ],
    [
      'an expired certificate',
      () => pushCertificate({ notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2026-08-31T00:00:00Z') }),
      'certificate',
      'expired',
    ],
    [
      'a certificate whose topic is not an MDM topic',
      () => pushCertificate({ topic: 'com.apple.mail.XServer.1234' }),
      'certificate',
      'not-mdm-topic',
    ],
    ['a certificate without a topic', () => pushCertificate({ topic: null }), 'certificate', 'not-mdm-topic'],
  ])(
    'refuses %s with MDM_PUSH_CERTIFICATE_INVALID naming the field, stores nothing, and audits the failure',
    async (_what, make, field, reason) => {
      const { certificate, privateKey } = make();
      const error = await homeroomErrorOf(services.pushCertificates.upload(ctx, { certificate, privateKey }));
      expect(error.code).toBe(ErrorCode.MDM_PUSH_CERTIFICATE_INVALID);
      expect(error.details).toEqual({ field, reason });
      expect(error.message.startsWith(`${field}: `)).toBe(true);
      expect(error.message).not.toMatch(/MII[A-Za-z0-9+/]{20}/);
      expect(await rows()).toEqual([]);
      expect(await audit('uploadMdmPushCertificate')).toEqual([
        expect.objectContaining({ outcome: AuditOutcome.FAILED, errorCode: ErrorCode.MDM_PUSH_CERTIFICATE_INVALID }),
      ]);
    },
  );

  it('replaces the certificate in use, and says when the topic changed', async () => {
    const first = pushCertificate();
    await services.pushCertificates.upload(ctx, first);
    const renewed = pushCertificate({ topic: first.topic });
    expect(await services.pushCertificates.upload(ctx, renewed)).toMatchObject({ replacedPrevious: true, topicChanged: false });
    const other = pushCertificate();
    expect(await services.pushCertificates.upload(ctx, other)).toMatchObject({ replacedPrevious: true, topicChanged: true });
    expect((await rows()).map((r) => r.topic)).toEqual([other.topic]);
  });

  it('reports ACTIVE, EXPIRING_SOON within 30 days of the expiry, and EXPIRED after it, on the clock', async () => {
    const { certificate } = await services.pushCertificates.upload(ctx, pushCertificate({ notAfter: new Date('2026-12-01T00:00:00Z') }));
    expect(services.pushCertificates.statusOf(certificate)).toBe(PushCertificateStatus.ACTIVE);
    clock.set('2026-11-01T00:00:00Z');
    expect(services.pushCertificates.statusOf(certificate)).toBe(PushCertificateStatus.EXPIRING_SOON);
    clock.set('2026-12-01T00:00:00Z');
    expect(services.pushCertificates.statusOf(certificate)).toBe(PushCertificateStatus.EXPIRED);
  });

  it('generates a simulated certificate with an MDM topic of Apple shape, valid one year, audited, once', async () => {
    const generated = await services.pushCertificates.ensureSimulated(ctx);
    expect(generated.simulated).toBe(true);
    expect(generated.topic).toMatch(/^com\.apple\.mgmt\.External\.[0-9A-F-]{36}$/);
    const uuid = generated.topic.slice('com.apple.mgmt.External.'.length);
    expect(generated.subject).toBe(`APSP:${uuid} (simulated)`);
    expect(generated.notAfter.toISOString()).toBe('2027-09-01T08:00:00.000Z');
    // It passes the checks an upload gets, with the key it was stored with.
    const key = secretBox.openText(generated.sealedPrivateKey, pushKeyContext(generated.serialNumber));
    expect(readPushCertificate(generated.certificatePem, key, clock.now()).topic).toBe(generated.topic);
    expect(await services.pushCertificates.ensureSimulated(ctx)).toMatchObject({ id: generated.id });
    expect(await audit('generateSimulatedMdmPushCertificate')).toHaveLength(1);
  });

  it('leaves an uploaded certificate alone when asked to ensure a simulated one', async () => {
    const upload = pushCertificate();
    await services.pushCertificates.upload(ctx, upload);
    expect(await services.pushCertificates.ensureSimulated(ctx)).toMatchObject({ topic: upload.topic, simulated: false });
    expect(await audit('generateSimulatedMdmPushCertificate')).toEqual([]);
  });
});
