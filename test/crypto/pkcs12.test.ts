import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { buildPkcs12 } from '../../src/crypto/pkcs12.js';
import { createCertificateAuthority, issueDeviceIdentity } from '../../src/mdm/certificate-authority.js';

const NOW = new Date('2026-09-01T08:00:00.000Z');
const ca = createCertificateAuthority({ commonName: 'PKCS#12 test CA', now: NOW });
const caDer = new crypto.X509Certificate(ca.certificatePem).raw;
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

/** A key of `type` and a certificate for it from the test CA, as DER. */
function keyAndCertificate(type: 'rsa-2048' | 'ec-p256') {
  const key =
    type === 'ec-p256'
      ? crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
      : crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const pem = key.export({ type: 'pkcs8', format: 'pem' }) as string;
  const identity = issueDeviceIdentity(ca, { serialNumber: 'PKCS12TEST1', now: NOW, privateKeyPem: pem });
  return { key, certificate: new crypto.X509Certificate(identity.certificatePem).raw };
}

describe('buildPkcs12', () => {
  for (const type of ['rsa-2048', 'ec-p256'] as const) {
    it(`packs a ${type} key and its chain that forge opens with the password, the key bag tied to the first certificate`, () => {
      const { key, certificate } = keyAndCertificate(type);
      const der = buildPkcs12({
        privateKeyPkcs8: key.export({ type: 'pkcs8', format: 'der' }),
        certificates: [certificate, caDer],
        password: 'pw',
        friendlyName: 'Device',
        iterations: 128,
      });
      const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), 'pw');
      const keyBags = pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]!;
      const certBags = pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]!;
      expect(keyBags).toHaveLength(1);
      expect(certBags).toHaveLength(2);
      const localKeyId = (bag: forge.pkcs12.Bag) => bag.attributes.localKeyId?.[0];
      expect(localKeyId(keyBags[0]!)).toBe(crypto.createHash('sha1').update(certificate).digest().toString('binary'));
      expect(localKeyId(certBags[0]!)).toBe(localKeyId(keyBags[0]!));
      expect(keyBags[0]!.attributes.friendlyName?.[0]).toBe('Device');
      // forge decodes RSA keys itself and hands other keys over as ASN.1.
      const opened = keyBags[0]!.key
        ? crypto.createPrivateKey(forge.pki.privateKeyToPem(keyBags[0]!.key))
        : crypto.createPrivateKey({
            key: Buffer.from(forge.asn1.toDer(keyBags[0]!.asn1!).getBytes(), 'binary'),
            format: 'der',
            type: 'pkcs8',
          });
      expect(opened.export({ type: 'pkcs8', format: 'der' })).toEqual(key.export({ type: 'pkcs8', format: 'der' }));
      expect(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), 'wrong')).toThrow();
    });
  }

  it.skipIf(!hasOpenssl)('writes what openssl reads, checking the MAC (3DES key bag, SHA-1 HMAC)', () => {
    const { key, certificate } = keyAndCertificate('ec-p256');
    const der = buildPkcs12({
      privateKeyPkcs8: key.export({ type: 'pkcs8', format: 'der' }),
      certificates: [certificate],
      password: 'secret',
      iterations: 2048,
    });
    const info = spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-passin', 'pass:secret'], { input: der });
    expect(info.status, info.stderr.toString()).toBe(0);
    expect(info.stderr.toString()).toMatch(/MAC: sha1, Iteration 2048/);
    expect(info.stderr.toString()).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/);
  });

  it('refuses a key without its certificate', () => {
    const { key } = keyAndCertificate('ec-p256');
    expect(() =>
      buildPkcs12({ privateKeyPkcs8: key.export({ type: 'pkcs8', format: 'der' }), certificates: [], password: 'pw', iterations: 1 }),
    ).toThrow(/needs its certificate/);
  });
});
