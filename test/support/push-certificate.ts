/**
 * Apple MDM push certificates for tests: the shape Apple issues (subject UID = topic, CN =
 * `APSP:<uuid>`), self-signed, with the validity and key the test asks for.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { randomSerialHex } from '../../src/crypto/x509.js';

export interface TestPushCertificate {
  readonly certificate: string;
  /** PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  readonly privateKey: string;
  /** The same key as PKCS#1 PEM (`-----BEGIN RSA PRIVATE KEY-----`). */
  readonly rsaPrivateKey: string;
  readonly topic: string | null;
  readonly notAfter: Date;
}

/** RSA generation is the slow part; tests that need several certificates share one key unless they ask for another. */
let sharedKey: crypto.KeyObject | null = null;

function rsaKey(fresh: boolean): crypto.KeyObject {
  if (!fresh && sharedKey) return sharedKey;
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (!fresh) sharedKey = privateKey;
  return privateKey;
}

export function pushCertificate(
  options: { topic?: string | null; notBefore?: Date; notAfter?: Date; commonName?: string; freshKey?: boolean } = {},
): TestPushCertificate {
  const key = rsaKey(options.freshKey ?? false);
  const privateKey = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  certificate.serialNumber = randomSerialHex();
  const notBefore = options.notBefore ?? new Date('2026-01-01T00:00:00Z');
  const notAfter = options.notAfter ?? new Date('2027-06-01T00:00:00Z');
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  const topic = options.topic === undefined ? `com.apple.mgmt.External.${crypto.randomUUID()}` : options.topic;
  const subject: forge.pki.CertificateField[] = [
    ...(topic === null ? [] : [{ type: '0.9.2342.19200300.100.1.1', value: topic }]),
    { name: 'commonName', value: options.commonName ?? `APSP:${crypto.randomUUID()}` },
    { name: 'countryName', value: 'US' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer([{ name: 'commonName', value: 'Apple Application Integration 2 Certification Authority' }]);
  certificate.sign(forgeKey, forge.md.sha256.create());
  return {
    certificate: forge.pki.certificateToPem(certificate),
    privateKey,
    rsaPrivateKey: key.export({ type: 'pkcs1', format: 'pem' }).toString(),
    topic,
    notAfter,
  };
}
