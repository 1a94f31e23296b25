/**
 * The device identity an ACME order ends with: a certificate from Homeroom's MDM CA for the key the
 * device made (and Apple attested), named like the PKCS#12 identities (`certificate-authority.ts`):
 * CN the serial, O "Homeroom device identity", OU the UDID; client authentication and signing, since
 * the device signs every check-in with it. No key is made here and none leaves the device.
 *
 * PKI.js lays the certificate out and Node's OpenSSL signs it with the CA's RSA key (SHA-256), as the
 * simulated device CA does; the issuer is the CA certificate's subject as encoded there, so every
 * verifier chains the two byte for byte.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { IDENTITY_VALIDITY_DAYS, type MdmCertificateAuthority } from '../certificate-authority.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tolerates a device clock a little behind Homeroom's (as the PKCS#12 identities do). */
const NOT_BEFORE_SLACK_MS = 10 * 60 * 1000;

const OID = {
  sha256WithRsa: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** An issued identity certificate. */
export interface AcmeIssuedCertificate {
  readonly certificatePem: string;
  /** The certificate then the CA's: what the device downloads (`application/pem-certificate-chain`). */
  readonly chainPem: string;
  /** Upper-case hex, as `X509Certificate.serialNumber` writes it. */
  readonly serialNumber: string;
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function nameOf(attributes: Array<[string, string]>): pkijs.RelativeDistinguishedNames {
  const rdns = attributes.map(
    ([type, value]) =>
      new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }).toSchema()] }),
  );
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

function timeOf(ms: number): pkijs.Time {
  const value = new Date(Math.floor(ms / 1000) * 1000);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

function keyIdentifier(spki: pkijs.PublicKeyInfo): ArrayBuffer {
  return arrayBufferOf(crypto.createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest());
}

/** Issues the identity certificate for `publicKeySpki` (DER), signed by `ca`. */
export function issueAttestedIdentity(
  ca: MdmCertificateAuthority,
  device: { readonly serialNumber: string; readonly udid: string | null; readonly publicKeySpki: Buffer; readonly now: Date },
): AcmeIssuedCertificate {
  const caCertificate = pkijs.Certificate.fromBER(arrayBufferOf(new crypto.X509Certificate(ca.certificatePem).raw));
  const spki = pkijs.PublicKeyInfo.fromBER(arrayBufferOf(device.publicKeySpki));
  const ecKey = crypto.createPublicKey({ key: device.publicKeySpki, format: 'der', type: 'spki' }).asymmetricKeyType !== 'rsa';
  // digitalSignature (bit 0), and keyEncipherment (bit 2) for an RSA key only.
  const usage = new asn1js.BitString({ valueHex: new Uint8Array([ecKey ? 0x80 : 0xa0]), unusedBits: ecKey ? 7 : 5 });
  const serial = crypto.randomBytes(16);
  serial[0] = serial[0]! & 0x7f || 0x01;
  const algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: arrayBufferOf(serial) }),
    signature: algorithm,
    issuer: caCertificate.subject,
    subject: nameOf([
      [OID.commonName, device.serialNumber],
      [OID.organization, 'Homeroom device identity'],
      ...(device.udid ? [[OID.organizationalUnit, device.udid] as [string, string]] : []),
    ]),
    notBefore: timeOf(device.now.getTime() - NOT_BEFORE_SLACK_MS),
    notAfter: timeOf(device.now.getTime() + IDENTITY_VALIDITY_DAYS * DAY_MS),
    subjectPublicKeyInfo: spki,
    extensions: [
      new pkijs.Extension({
        extnID: OID.basicConstraints,
        critical: true,
        extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
      }),
      new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: usage.toBER(false) }),
      new pkijs.Extension({
        extnID: OID.extKeyUsage,
        extnValue: new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.clientAuth })] }).toBER(false),
      }),
      new pkijs.Extension({
        extnID: OID.subjectKeyIdentifier,
        extnValue: new asn1js.OctetString({ valueHex: keyIdentifier(spki) }).toBER(false),
      }),
      new pkijs.Extension({
        extnID: OID.authorityKeyIdentifier,
        extnValue: new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(caCertificate.subjectPublicKeyInfo) }),
        })
          .toSchema()
          .toBER(false),
      }),
    ],
  });
  certificate.signatureAlgorithm = algorithm;
  certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER(false));
  const signature = crypto.sign('sha256', certificate.tbsView, ca.privateKeyPem);
  certificate.signatureValue = new asn1js.BitString({ valueHex: arrayBufferOf(signature) });
  const issued = new crypto.X509Certificate(Buffer.from(certificate.toSchema().toBER(false)));
  const certificatePem = issued.toString();
  return {
    certificatePem,
    chainPem: `${certificatePem}${ca.certificatePem.endsWith('\n') ? ca.certificatePem : `${ca.certificatePem}\n`}`,
    serialNumber: issued.serialNumber.toUpperCase(),
  };
}
