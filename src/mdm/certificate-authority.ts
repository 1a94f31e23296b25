/**
 * Homeroom's own MDM certificate authority (issue 7): the CA that issues each device the identity
 * it installs with its enrollment profile, and that check-ins are later verified against.
 *
 * A device identity goes to the device inside a PKCS#12 payload of the enrollment profile (the
 * `com.apple.security.pkcs12` identity payload that `IdentityCertificateUUID` names), so its key
 * is made here, once per enrollment, and never stored: the device keeps it. The CA's own key is a
 * secret at rest like the others (see `src/services/mdm-authority.service.ts`).
 *
 * Keys come from Node's generator; node-forge builds and signs the certificates and the PKCS#12.
 * Signing with the CA key is an RSA private-key operation (some 30 ms in forge): it runs once per
 * enrolling device, never per request of an enrolled one.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { certificatePem, newRsaKey, randomSerialHex, rsaKeyOfPem, wholeSeconds } from '../crypto/x509.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The CA outlives every identity it issues. */
export const CA_VALIDITY_DAYS = 20 * 365;
/** A device identity lasts as long as Apple's own device identities in practice; re-enrollment renews it. */
export const IDENTITY_VALIDITY_DAYS = 2 * 365;
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

/**
 * Issues an identity for the device `serialNumber` (CN `<serial>`, with the UDID as OU when
 * known), signed by `ca`, valid {@link IDENTITY_VALIDITY_DAYS} days, for client authentication
 * and signing (the device signs every check-in with it), packed as PKCS#12 under a random password.
 */
export function issueDeviceIdentity(
  ca: MdmCertificateAuthority,
  device: {
    serialNumber: string;
    udid?: string;
    now: Date;
    /** A key made beforehand (off the event loop); a new one when absent. */ privateKeyPem?: string;
  },
): DeviceIdentity {
  const caCertificate = forge.pki.certificateFromPem(ca.certificatePem);
  const caKey = forge.pki.privateKeyFromPem(ca.privateKeyPem);
  const { privateKey, publicKey } = device.privateKeyPem ? rsaKeyOfPem(device.privateKeyPem) : newRsaKey();
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
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
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', clientAuth: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(caKey, forge.md.sha256.create());

  const password = crypto.randomBytes(18).toString('base64url');
  // 3DES: the PKCS#12 encryption every iOS and iPadOS version imports.
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate, caCertificate], password, {
    algorithm: '3des',
    friendlyName: `Homeroom ${device.serialNumber}`,
  });
  return {
    certificatePem: certificatePem(certificate),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notAfter: certificate.validity.notAfter,
    pkcs12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'),
    password,
  };
}
