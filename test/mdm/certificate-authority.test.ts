import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import {
  CA_VALIDITY_DAYS,
  createCertificateAuthority,
  IDENTITY_VALIDITY_DAYS,
  issueDeviceIdentity,
} from '../../src/mdm/certificate-authority.js';

const NOW = new Date('2026-09-01T08:00:00.000Z');
const DAY = 24 * 3600 * 1000;

describe('MDM certificate authority', () => {
  const ca = createCertificateAuthority({ commonName: 'Homeroom MDM CA — Collège Sainte-Anne', now: NOW });

  it('is a self-signed CA certificate (basicConstraints cA, keyCertSign) valid for 20 years, whose key matches', () => {
    const certificate = new crypto.X509Certificate(ca.certificatePem);
    expect(certificate.ca).toBe(true);
    expect(certificate.subject).toContain('CN=Homeroom MDM CA — Collège Sainte-Anne');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(crypto.createPrivateKey(ca.privateKeyPem))).toBe(true);
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThanOrEqual(NOW.getTime() + (CA_VALIDITY_DAYS - 1) * DAY);
  });

  it('issues a device identity signed by the CA, for client authentication, named by serial and UDID', () => {
    const identity = issueDeviceIdentity(ca, { serialNumber: 'DMPXK2ABCD12', udid: '00008103-000A1B2C3D4E5F60', now: NOW });
    const certificate = new crypto.X509Certificate(identity.certificatePem);
    const authority = new crypto.X509Certificate(ca.certificatePem);
    expect(certificate.verify(authority.publicKey)).toBe(true);
    expect(certificate.checkIssued(authority)).toBe(true);
    expect(certificate.ca).toBe(false);
    expect(certificate.subject).toContain('CN=DMPXK2ABCD12');
    expect(certificate.subject).toContain('OU=00008103-000A1B2C3D4E5F60');
    expect(certificate.keyUsage).toContain('1.3.6.1.5.5.7.3.2');
    expect(identity.serialNumber).toBe(certificate.serialNumber.toUpperCase());
    expect(identity.notAfter.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + (IDENTITY_VALIDITY_DAYS - 1) * DAY);
  });

  it('packs the identity as a PKCS#12 that opens with its password and holds the key, the certificate and the CA', () => {
    const identity = issueDeviceIdentity(ca, { serialNumber: 'DMPXK2ABCD13', now: NOW });
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(identity.pkcs12.toString('binary')), identity.password);
    const keys = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]!;
    const certificates = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]!;
    expect(keys).toHaveLength(1);
    // forge leaves UTF8String values as UTF-8 bytes.
    expect(certificates.map((bag) => forge.util.decodeUtf8(bag.cert!.subject.getField('CN').value as string)).sort()).toEqual(
      ['DMPXK2ABCD13', 'Homeroom MDM CA — Collège Sainte-Anne'].sort(),
    );
    const key = keys[0]!.key as forge.pki.rsa.PrivateKey;
    const own = certificates.find((bag) => bag.cert!.subject.getField('CN').value === 'DMPXK2ABCD13')!.cert!;
    expect((own.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n)).toBe(true);
    expect(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(identity.pkcs12.toString('binary')), 'not the password')).toThrow();
  });

  it('issues an EC P-256 identity the same way: signed by the CA, signing-only key usage, in a PKCS#12 that holds the EC key', () => {
    const identity = issueDeviceIdentity(ca, { serialNumber: 'DMPXK2ABCD15', udid: 'UDID-15', now: NOW, keyType: 'ec-p256' });
    const certificate = new crypto.X509Certificate(identity.certificatePem);
    expect(certificate.verify(new crypto.X509Certificate(ca.certificatePem).publicKey)).toBe(true);
    expect(certificate.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
    expect(certificate.serialNumber.replace(/^0+/, '')).toBe(identity.serialNumber.replace(/^0+/, ''));
    // forge cannot read an EC key, and says so by handing the bag's ASN.1 over instead.
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(identity.pkcs12.toString('binary')), identity.password);
    const bag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]![0]!;
    const key = crypto.createPrivateKey({
      key: Buffer.from(forge.asn1.toDer(bag.asn1!).getBytes(), 'binary'),
      format: 'der',
      type: 'pkcs8',
    });
    const signature = crypto.sign('sha256', Buffer.from('check-in'), key);
    expect(crypto.verify('sha256', Buffer.from('check-in'), certificate.publicKey, signature)).toBe(true);
  });

  it.skipIf(spawnSync('openssl', ['version']).status !== 0)(
    'writes PKCS#12 files openssl opens with their password (MAC checked), RSA and EC',
    () => {
      for (const keyType of ['rsa-2048', 'ec-p256'] as const) {
        const identity = issueDeviceIdentity(ca, { serialNumber: 'DMPXK2ABCD16', now: NOW, keyType });
        const opened = spawnSync('openssl', ['pkcs12', '-nodes', '-passin', `pass:${identity.password}`], { input: identity.pkcs12 });
        expect(opened.status, opened.stderr.toString()).toBe(0);
        const pem = opened.stdout.toString();
        const key = crypto.createPrivateKey(pem.slice(pem.indexOf('-----BEGIN PRIVATE KEY-----')));
        expect(crypto.createPublicKey(key).export({ type: 'spki', format: 'der' })).toEqual(
          new crypto.X509Certificate(identity.certificatePem).publicKey.export({ type: 'spki', format: 'der' }),
        );
        const wrong = spawnSync('openssl', ['pkcs12', '-nodes', '-passin', 'pass:not-it'], { input: identity.pkcs12 });
        expect(wrong.status).not.toBe(0);
      }
    },
  );

  it('gives every identity its own key, serial and password', () => {
    const [a, b] = [0, 1].map(() => issueDeviceIdentity(ca, { serialNumber: 'DMPXK2ABCD14', now: NOW }));
    expect(a!.serialNumber).not.toBe(b!.serialNumber);
    expect(a!.password).not.toBe(b!.password);
    expect(a!.certificatePem).not.toBe(b!.certificatePem);
  });
});
