/**
 * Homeroom's own MDM certificate authority: the CA that issues each device the identity
 * it installs with its enrollment profile, and that check-ins are later verified against.
 *
 * A device identity goes to the device inside a PKCS#12 payload of the enrollment profile (the
 * `com.apple.security.pkcs12` identity payload that `IdentityCertificateUUID` names), so its key
 * is made here, once per enrollment, and never stored: the device keeps it. The CA's own key is a
 * secret at rest like the others (see `src/services/enrollment/mdm-authority.service.ts`).
 *
 * Keys come from Node's generator; node-forge builds the CA's own certificate (once), the DER writer
 * each device's, and Node's OpenSSL signs it (about a millisecond; forge's RSA took some 30 ms on the
 * event loop), once per enrolling device, never per request of an enrolled one.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import {
  algorithm,
  childrenOf,
  contentOf,
  contextTag,
  encodingOf,
  integer,
  isContext,
  octetString,
  oid,
  readDer,
  sequence,
  set,
  TAG,
  time,
  tlv,
  utf8String,
} from '../wire/der.js';
import { buildPkcs12 } from '../crypto/pkcs12.js';
import { certificatePem, newRsaKey, randomSerialHex, wholeSeconds } from '../crypto/x509.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The CA outlives every identity it issues. */
export const CA_VALIDITY_DAYS = 20 * 365;
/** A device identity lasts as long as Apple's own device identities in practice; re-enrollment renews it. */
export const IDENTITY_VALIDITY_DAYS = 2 * 365;
/** PBE and MAC iterations of a device's PKCS#12 (see `issueDeviceIdentity`). */
const PKCS12_ITERATIONS = 128;
/** Tolerates a device clock a little behind Homeroom's. */
const NOT_BEFORE_SLACK_MS = 10 * 60 * 1000;

/** The CA as Homeroom keeps it: certificate and (unsealed, in memory only) private key. */
export interface MdmCertificateAuthority {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** An identity for one device, ready for the enrollment profile's PKCS#12 payload. */
export interface DeviceIdentity {
  readonly certificatePem: string;
  /** Serial of the certificate, upper-case hex: how a check-in's signer maps back to the device. */
  readonly serialNumber: string;
  readonly notAfter: Date;
  /** DER PKCS#12 holding the key, the certificate and the CA certificate, encrypted with `password`. */
  readonly pkcs12: Buffer;
  readonly password: string;
}

/** UTF8String names: forge's default PrintableString cannot hold `&`, `_` or accents. */
function nameOf(commonName: string, organization?: string): forge.pki.CertificateField[] {
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  return [
    { name: 'commonName', value: commonName, valueTagClass: utf8 },
    ...(organization ? [{ name: 'organizationName', value: organization, valueTagClass: utf8 }] : []),
  ];
}

/** A new self-signed CA, valid {@link CA_VALIDITY_DAYS} days from `now`. */
export function createCertificateAuthority(options: { commonName: string; now: Date }): MdmCertificateAuthority & { notAfter: Date } {
  const { privateKeyPem, privateKey, publicKey } = newRsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = randomSerialHex();
  certificate.validity.notBefore = wholeSeconds(options.now.getTime() - NOT_BEFORE_SLACK_MS);
  certificate.validity.notAfter = wholeSeconds(options.now.getTime() + CA_VALIDITY_DAYS * DAY_MS);
  const name = nameOf(options.commonName, 'Homeroom');
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', critical: true, cA: true, pathLenConstraint: 0 },
    { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true, digitalSignature: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(privateKey, forge.md.sha256.create());
  return { certificatePem: certificatePem(certificate), privateKeyPem, notAfter: certificate.validity.notAfter };
}

/** The key a device identity is made with (`MDM_IDENTITY_KEY`). */
export type IdentityKeyType = 'rsa-2048' | 'ec-p256';

/** A new device key: EC P-256 takes microseconds, RSA-2048 some 100 ms (use `generateRsaKeyPem` off the loop). */
export function newIdentityKey(type: IdentityKeyType): crypto.KeyObject {
  return type === 'ec-p256'
    ? crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
    : crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/**
 * Issues an identity for the device `serialNumber` (see {@link issueDeviceCertificate}), packed as
 * PKCS#12 under a random password with its key: `privateKeyPem` when given (RSA or EC), else a new
 * one of `keyType` (RSA-2048 by default).
 */
export function issueDeviceIdentity(
  ca: MdmCertificateAuthority,
  device: { serialNumber: string; udid?: string; now: Date; privateKeyPem?: string; keyType?: IdentityKeyType },
): DeviceIdentity {
  const key = device.privateKeyPem ? crypto.createPrivateKey(device.privateKeyPem) : newIdentityKey(device.keyType ?? 'rsa-2048');
  const spki = crypto.createPublicKey(key).export({ type: 'spki', format: 'der' });
  const issued = issueDeviceCertificate(ca, { ...device, spki });
  const caCertificate = new crypto.X509Certificate(ca.certificatePem);

  const password = crypto.randomBytes(18).toString('base64url');
  const pkcs12 = buildPkcs12({
    privateKeyPkcs8: key.export({ type: 'pkcs8', format: 'der' }),
    certificates: [issued.der, Buffer.from(caCertificate.raw)],
    password,
    friendlyName: `Homeroom ${device.serialNumber}`,
    // The password is 144 random bits, so key stretching adds nothing: a small count (the usual 2048
    // is some 35 ms of pure-JS SHA-1) keeps enrollment bursts cheap at no cost in strength.
    iterations: PKCS12_ITERATIONS,
  });
  return { certificatePem: issued.certificatePem, serialNumber: issued.serialNumber, notAfter: issued.notAfter, pkcs12, password };
}

/** A device certificate without its key: what a SCEP request gets, and what a PKCS#12 identity holds. */
export interface IssuedDeviceCertificate {
  readonly der: Buffer;
  readonly certificatePem: string;
  /** Upper-case hex, as forge wrote it. */
  readonly serialNumber: string;
  readonly notAfter: Date;
}

/**
 * Certifies the device's public key `spki` (DER SubjectPublicKeyInfo, any algorithm): CN `<serial>`,
 * O `Homeroom device identity`, the UDID as OU when known, valid {@link IDENTITY_VALIDITY_DAYS} days,
 * for client authentication and signing. The subject is Homeroom's, never the requester's.
 *
 * The DER writer lays out the certificate (its issuer is the CA's subject copied byte for byte, so
 * every verifier chains them) and Node's OpenSSL signs it: no per-device parse of the CA in forge,
 * no pure-JS RSA on the event loop.
 */
export function issueDeviceCertificate(
  ca: MdmCertificateAuthority,
  device: { serialNumber: string; udid?: string | null; now: Date; spki: Buffer },
): IssuedDeviceCertificate {
  const { spki } = device;
  const signer = caSignerOf(ca);
  const ecKey = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyType === 'ec';
  const serialHex = randomSerialHex();
  const notAfter = wholeSeconds(device.now.getTime() + IDENTITY_VALIDITY_DAYS * DAY_MS);
  const rdn = (type: string, value: string) => set(sequence(oid(type), utf8String(value)));
  const extension = (type: string, critical: boolean, value: Buffer) =>
    sequence(oid(type), ...(critical ? [BOOLEAN_TRUE] : []), octetString(value));
  const tbs = sequence(
    tlv(contextTag(0), integer(2)),
    integer(Buffer.from(serialHex, 'hex')),
    SHA256_WITH_RSA,
    signer.subject,
    sequence(time(wholeSeconds(device.now.getTime() - NOT_BEFORE_SLACK_MS)), time(notAfter)),
    sequence(
      rdn(NAME.commonName, device.serialNumber),
      rdn(NAME.organizationName, 'Homeroom device identity'),
      ...(device.udid ? [rdn(NAME.organizationalUnitName, device.udid)] : []),
    ),
    spki,
    tlv(
      contextTag(3),
      sequence(
        extension(EXTENSION.basicConstraints, true, sequence()),
        // digitalSignature, and keyEncipherment for RSA only (an EC key signs and agrees keys): DER drops trailing zero bits.
        extension(EXTENSION.keyUsage, true, ecKey ? Buffer.from([0x03, 0x02, 0x07, 0x80]) : Buffer.from([0x03, 0x02, 0x05, 0xa0])),
        extension(EXTENSION.extKeyUsage, false, sequence(oid(CLIENT_AUTH))),
        extension(EXTENSION.subjectKeyIdentifier, false, octetString(subjectKeyIdentifierOf(spki))),
      ),
    ),
  );
  const der = sequence(tbs, SHA256_WITH_RSA, tlv(TAG.BIT_STRING, Buffer.from([0]), crypto.sign('sha256', tbs, signer.key)));
  const base64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return {
    der,
    certificatePem: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
    serialNumber: serialHex.toUpperCase(),
    notAfter,
  };
}

const SHA256_WITH_RSA = algorithm('1.2.840.113549.1.1.11');
const BOOLEAN_TRUE = Buffer.from([0x01, 0x01, 0xff]);
const NAME = { commonName: '2.5.4.3', organizationName: '2.5.4.10', organizationalUnitName: '2.5.4.11' } as const;
const EXTENSION = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
} as const;
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** The CA as it signs: its subject (DER, each identity's issuer) and its key, read once per CA. */
const caSigners = new Map<string, { subject: Buffer; key: crypto.KeyObject }>();
function caSignerOf(ca: MdmCertificateAuthority): { subject: Buffer; key: crypto.KeyObject } {
  let signer = caSigners.get(ca.certificatePem);
  if (!signer) {
    const tbs = childrenOf(childrenOf(readDer(Buffer.from(new crypto.X509Certificate(ca.certificatePem).raw)))[0]);
    // TBSCertificate: [0] version, serialNumber, signature, issuer, validity, subject, ...
    const at = isContext(tbs[0], 0) ? 1 : 0;
    signer = { subject: Buffer.from(encodingOf(tbs[at + 4]!)), key: crypto.createPrivateKey(ca.privateKeyPem) };
    // One CA per process in practice; a few in tests.
    if (caSigners.size >= 16) caSigners.clear();
    caSigners.set(ca.certificatePem, signer);
  }
  return signer;
}

/** RFC 5280 section 4.2.1.2, method 1: SHA-1 of the subjectPublicKey bits. */
function subjectKeyIdentifierOf(spki: Buffer): Buffer {
  const bits = childrenOf(readDer(spki))[1]!;
  // The BIT STRING's first byte counts unused bits; the key is what follows.
  return crypto.createHash('sha1').update(contentOf(bits).subarray(1)).digest();
}
