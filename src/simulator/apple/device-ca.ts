/**
 * The simulated "Apple iPhone Device CA": the factory CA whose identities real iPads carry and sign
 * their MachineInfo with (reference: device-enrollment.md section 2.1). No simulator can produce an
 * identity Apple issued, so the simulated Apple has its own CA, and an MDM under test trusts it
 * explicitly (Homeroom: only when configured to).
 *
 * ECDSA P-256 throughout: an RSA key takes some 50 to 100 ms to generate and the many-device
 * rehearsal burns 1,000 identities; a P-256 key takes well under a millisecond. Certificates are
 * PKI.js structures signed with node:crypto, which is synchronous and fast (WebCrypto would make
 * every caller async for no gain), and PKI.js verifies them like any other.
 *
 * The CA's key is real randomness (like the token files' content keys): the seed does not fix it.
 * The CA is kept in the state file; identities are not (a device keeps its own, as a real one does).
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** The CA's certificate and PKCS#8 private key, as persisted. */
export interface DeviceCaRecord {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** What the factory burns into a new device. */
export interface DeviceIdentityBundle {
  /** The device's certificate: CN = its UDID, issued by the device CA. */
  readonly certificatePem: string;
  /** Its P-256 private key, PKCS#8 PEM. */
  readonly privateKeyPem: string;
  /** The device CA's certificate, the chain a verifier needs. */
  readonly caCertificatePem: string;
}

/** The request for an identity. */
export interface DeviceIdentityRequest {
  readonly serial: string;
  readonly udid: string;
}

/** A request the CA refuses (bad serial or UDID); `code` is the portal-style error code. */
export class DeviceCaError extends Error {
  constructor(
    readonly code: 'INVALID_SERIAL' | 'INVALID_UDID',
    message: string,
  ) {
    super(message);
    this.name = 'DeviceCaError';
  }
}

const DAY_MS = 24 * 3600 * 1000;
/** The CA outlives every identity it issues. */
export const DEVICE_CA_VALIDITY_DAYS = 20 * 365;
/** A device lives about as long as its identity; Apple's last for years. */
export const DEVICE_IDENTITY_VALIDITY_DAYS = 10 * 365;
/** Backdating, so a verifier whose clock runs a little behind the simulator's still accepts them. */
const NOT_BEFORE_SLACK_MS = DAY_MS;

/** Serials: letters and digits (Apple's are 10 to 12; any length up to 64 is taken, "bought elsewhere" included). */
const SERIAL_PATTERN = /^[A-Za-z0-9]{1,64}$/;
/** UDIDs: 40 hex digits (older devices), 8-16 hex (A12 and later), or a UUID (8-4-4-4-12). */
const UDID_PATTERN = /^(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{16}|[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})$/;

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  country: '2.5.4.6',
  state: '2.5.4.8',
  locality: '2.5.4.7',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

const CA_NAME: Array<[string, string]> = [
  [OID.country, 'US'],
  [OID.organization, 'Apple Inc.'],
  [OID.organizationalUnit, 'Apple iPhone'],
  // Not Apple's exact name, so nobody mistakes a simulated identity for a real one.
  [OID.commonName, 'Apple iPhone Device CA (Homeroom simulator)'],
];

export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * One attribute per RDN, as every CA writes names (PKI.js alone would put them all in one
 * multi-valued RDN). Country and serialNumber are PrintableString by X.520; the rest UTF8String.
 */
export function nameOf(attributes: Array<[string, string]>): pkijs.RelativeDistinguishedNames {
  const rdns = attributes.map(([type, value]) => {
    const text =
      type === OID.country || type === OID.serialNumber ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
    return new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value: text }).toSchema()] });
  });
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

/** X.509 keeps UTCTime up to 2049 and GeneralizedTime after; whole seconds either way. */
export function timeOf(ms: number): pkijs.Time {
  const value = new Date(Math.floor(ms / 1000) * 1000);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

/** KeyUsage bits: digitalSignature = 0, keyCertSign = 5, cRLSign = 6. */
export function keyUsage(bits: number[]): ArrayBuffer {
  let byte = 0;
  for (const bit of bits) byte |= 0x80 >> bit;
  const unused = Math.min(7, 7 - Math.max(...bits));
  return new asn1js.BitString({ valueHex: new Uint8Array([byte]), unusedBits: unused }).toBER(false);
}

/** RFC 5280's method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(spki: pkijs.PublicKeyInfo): Buffer {
  return crypto.createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest();
}

/** A positive 16-byte serial, minimally encoded. */
export function randomSerial(): asn1js.Integer {
  const bytes = crypto.randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f || 0x01;
  return new asn1js.Integer({ valueHex: arrayBufferOf(bytes) });
}

/** PEM as OpenSSL writes it (64-character lines); by hand, since parsing the DER again costs more than building it. */
export function pemOf(certificate: pkijs.Certificate): string {
  const base64 = Buffer.from(certificate.toSchema().toBER(false)).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

interface CertificateSpec {
  subject: Array<[string, string]>;
  issuer: pkijs.RelativeDistinguishedNames;
  publicKey: crypto.KeyObject;
  signingKey: crypto.KeyObject;
  issuerKeyId: Buffer | null;
  notBefore: number;
  notAfter: number;
  ca: boolean;
}

function buildCertificate(spec: CertificateSpec): pkijs.Certificate {
  const spki = pkijs.PublicKeyInfo.fromBER(arrayBufferOf(spec.publicKey.export({ type: 'spki', format: 'der' })));
  const algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  const extensions = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: spec.ca }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: keyUsage(spec.ca ? [5, 6] : [0]) }),
    new pkijs.Extension({
      extnID: OID.subjectKeyIdentifier,
      extnValue: new asn1js.OctetString({ valueHex: arrayBufferOf(keyIdentifier(spki)) }).toBER(false),
    }),
  ];
  if (spec.issuerKeyId) {
    const authority = new pkijs.AuthorityKeyIdentifier({
      keyIdentifier: new asn1js.OctetString({ valueHex: arrayBufferOf(spec.issuerKeyId) }),
    });
    extensions.push(new pkijs.Extension({ extnID: OID.authorityKeyIdentifier, extnValue: authority.toSchema().toBER(false) }));
  }
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: randomSerial(),
    signature: algorithm,
    issuer: spec.issuer,
    subject: nameOf(spec.subject),
    notBefore: timeOf(spec.notBefore),
    notAfter: timeOf(spec.notAfter),
    subjectPublicKeyInfo: spki,
    extensions,
  });
  certificate.signatureAlgorithm = algorithm;
  certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER(false));
  // ECDSA signatures from node:crypto are DER Ecdsa-Sig-Value, the form X.509 carries.
  const signature = crypto.sign('sha256', certificate.tbsView, spec.signingKey);
  certificate.signatureValue = new asn1js.BitString({ valueHex: arrayBufferOf(signature) });
  return certificate;
}

function newP256(): { publicKey: crypto.KeyObject; privateKey: crypto.KeyObject } {
  return crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

/** The simulated device CA: makes identities for devices. */
export class DeviceCertificateAuthority {
  private readonly caCertificate: pkijs.Certificate;
  private readonly caKey: crypto.KeyObject;
  private readonly caKeyId: Buffer;

  private constructor(readonly record: DeviceCaRecord) {
    this.caCertificate = pkijs.Certificate.fromBER(arrayBufferOf(new crypto.X509Certificate(record.certificatePem).raw));
    this.caKey = crypto.createPrivateKey(record.privateKeyPem);
    this.caKeyId = keyIdentifier(this.caCertificate.subjectPublicKeyInfo);
  }

  /** A new self-signed CA, valid {@link DEVICE_CA_VALIDITY_DAYS} days from `now`. */
  static create(now: Date): DeviceCertificateAuthority {
    const { publicKey, privateKey } = newP256();
    const certificate = buildCertificate({
      subject: CA_NAME,
      issuer: nameOf(CA_NAME),
      publicKey,
      signingKey: privateKey,
      issuerKeyId: null,
      notBefore: now.getTime() - NOT_BEFORE_SLACK_MS,
      notAfter: now.getTime() + DEVICE_CA_VALIDITY_DAYS * DAY_MS,
      ca: true,
    });
    return new DeviceCertificateAuthority({
      certificatePem: pemOf(certificate),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
  }

  /** The CA as persisted earlier. */
  static load(record: DeviceCaRecord): DeviceCertificateAuthority {
    return new DeviceCertificateAuthority(record);
  }

  get certificatePem(): string {
    return this.record.certificatePem;
  }

  /**
   * A new identity for the device: a fresh P-256 key and a certificate with CN = the UDID and the
   * serial as `serialNumber`, valid {@link DEVICE_IDENTITY_VALIDITY_DAYS} days from `now`.
   *
   * @throws DeviceCaError for a serial or UDID that does not look like one.
   */
  issue(request: DeviceIdentityRequest, now: Date): DeviceIdentityBundle {
    validateIdentityRequest(request);
    const { publicKey, privateKey } = newP256();
    const certificate = buildCertificate({
      subject: [
        [OID.country, 'US'],
        [OID.state, 'CA'],
        [OID.locality, 'Cupertino'],
        [OID.organization, 'Apple Inc.'],
        [OID.organizationalUnit, 'iPhone'],
        [OID.serialNumber, request.serial],
        [OID.commonName, request.udid],
      ],
      issuer: this.caCertificate.subject,
      publicKey,
      signingKey: this.caKey,
      issuerKeyId: this.caKeyId,
      notBefore: now.getTime() - NOT_BEFORE_SLACK_MS,
      notAfter: now.getTime() + DEVICE_IDENTITY_VALIDITY_DAYS * DAY_MS,
      ca: false,
    });
    return {
      certificatePem: pemOf(certificate),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      caCertificatePem: this.record.certificatePem,
    };
  }
}

/** Throws {@link DeviceCaError} unless `request` has a plausible serial and UDID. */
export function validateIdentityRequest(request: unknown): asserts request is DeviceIdentityRequest {
  const body = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  if (typeof body.serial !== 'string' || !SERIAL_PATTERN.test(body.serial)) {
    throw new DeviceCaError('INVALID_SERIAL', 'serial must be 1 to 64 letters and digits.');
  }
  if (typeof body.udid !== 'string' || !UDID_PATTERN.test(body.udid)) {
    throw new DeviceCaError('INVALID_UDID', 'udid must be 40 hex digits, 8-16 hex digits (00008101-001E30590C08001E) or a UUID.');
  }
}
