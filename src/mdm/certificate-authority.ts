/**
 * Homeroom's own MDM certificate authority: the CA that issues each device the identity
 * it installs with its enrollment profile, and that check-ins are later verified against.
 *
 * A device identity goes to the device inside a PKCS#12 payload of the enrollment profile (the
 * `com.apple.security.pkcs12` identity payload that `IdentityCertificateUUID` names), so its key
 * is made here, once per enrollment, and never stored: the device keeps it. The CA's own key is a
 * secret at rest like the others (see `src/services/enrollment/mdm-authority.service.ts`).
 *
 * Keys come from Node's generator; node-forge builds and signs the certificates and the PKCS#12.
 * Signing with the CA key is an RSA private-key operation (some 30 ms in forge): it runs once per
 * enrolling device, never per request of an enrolled one.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
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
 * forge lays out the certificate; it can encode only RSA public keys, so the device's
 * SubjectPublicKeyInfo (from Node, any algorithm) goes into the to-be-signed part afterwards, and
 * Node's OpenSSL signs it (forge's own RSA would hold the event loop some 40 ms per device).
 */
export function issueDeviceCertificate(
  ca: MdmCertificateAuthority,
  device: { serialNumber: string; udid?: string | null; now: Date; spki: Buffer },
): IssuedDeviceCertificate {
  const { spki } = device;
  const ecKey = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyType === 'ec';
  const caCertificate = forge.pki.certificateFromPem(ca.certificatePem);
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const certificate = forge.pki.createCertificate();
  // A stand-in forge can encode; the device's own key replaces it in the signed bytes.
  certificate.publicKey = caCertificate.publicKey;
  certificate.serialNumber = randomSerialHex();
  certificate.validity.notBefore = wholeSeconds(device.now.getTime() - NOT_BEFORE_SLACK_MS);
  certificate.validity.notAfter = wholeSeconds(device.now.getTime() + IDENTITY_VALIDITY_DAYS * DAY_MS);
  certificate.setSubject([
    ...nameOf(device.serialNumber, 'Homeroom device identity'),
    ...(device.udid ? [{ name: 'organizationalUnitName', value: device.udid, valueTagClass: utf8 }] : []),
  ]);
  // forge reads UTF8String values as undecoded bytes and would encode them again: hand it the text,
  // or the issuer would not match the CA's subject byte for byte and no verifier would chain them.
  certificate.setIssuer(
    caCertificate.subject.attributes.map((attribute) =>
      attribute.valueTagClass === utf8 ? { ...attribute, value: forge.util.decodeUtf8(String(attribute.value)) } : attribute,
    ),
  );
  certificate.setExtensions([
    { name: 'basicConstraints', critical: true, cA: false },
    // keyEncipherment is an RSA use; an EC key signs (and agrees keys) only.
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: !ecKey },
    { name: 'extKeyUsage', clientAuth: true },
    { name: 'subjectKeyIdentifier', subjectKeyIdentifier: subjectKeyIdentifierOf(spki) },
  ]);
  const der = signWithPublicKey(certificate, spki, ca.privateKeyPem);
  return {
    der,
    certificatePem: new crypto.X509Certificate(der).toString(),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notAfter: certificate.validity.notAfter,
  };
}

/** RFC 5280 section 4.2.1.2, method 1: SHA-1 of the subjectPublicKey bits, hex. */
function subjectKeyIdentifierOf(spki: Buffer): string {
  const bits = forge.asn1.fromDer(spki.toString('binary')).value[1] as forge.asn1.Asn1;
  // The BIT STRING's first byte counts unused bits; the key is what follows.
  return crypto
    .createHash('sha1')
    .update(Buffer.from((bits.value as string).slice(1), 'binary'))
    .digest('hex');
}

/** The certificate as DER, with `spki` as its public key, signed SHA-256 with RSA by the CA key. */
function signWithPublicKey(certificate: forge.pki.Certificate, spki: Buffer, caKeyPem: string): Buffer {
  const algorithm = forge.pki.oids.sha256WithRSAEncryption!;
  certificate.siginfo.algorithmOid = algorithm;
  certificate.signatureOid = algorithm;
  // Typed in forge's own code but not in @types/node-forge.
  const tbs = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(certificate);
  // TBSCertificate: [0] version, serial, signature, issuer, validity, subject, subjectPublicKeyInfo, [3] extensions.
  (tbs.value as forge.asn1.Asn1[])[6] = forge.asn1.fromDer(spki.toString('binary'));
  const tbsDer = forge.asn1.toDer(tbs).getBytes();
  const signature = crypto.sign('sha256', Buffer.from(tbsDer, 'binary'), caKeyPem);
  const { asn1 } = forge;
  const whole = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(algorithm).getBytes()),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
    ]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\0${signature.toString('binary')}`),
  ]);
  return Buffer.from(asn1.toDer(whole).getBytes(), 'binary');
}
