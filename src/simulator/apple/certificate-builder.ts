/**
 * X.509 building shared by the simulated Apple CAs (device identities, attestations): names, times,
 * serials and key identifiers as CAs write them, PEM, one ECDSA-signed certificate from a spec, and
 * {@link CertificateIssuer}, a CA certificate with its key that issues the next one down.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const DAY_MS = 24 * 3600 * 1000;
/** Backdating, so a verifier whose clock runs a little behind the simulator's still accepts them. */
export const NOT_BEFORE_SLACK_MS = DAY_MS;

const COUNTRY = '2.5.4.6';
const SERIAL_NUMBER = '2.5.4.5';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const ECDSA_WITH_SHA384 = '1.2.840.10045.4.3.3';

export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * One attribute per RDN, as every CA writes names (PKI.js alone would put them all in one
 * multi-valued RDN). Country and serialNumber are PrintableString by X.520; the rest UTF8String.
 */
export function nameOf(attributes: Array<[string, string]>): pkijs.RelativeDistinguishedNames {
  const rdns = attributes.map(([type, value]) => {
    const text = type === COUNTRY || type === SERIAL_NUMBER ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
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

/** What one certificate says; extensions are basicConstraints, keyUsage, the key identifiers and `facts`. */
export interface CertificateSpec {
  subject: Array<[string, string]>;
  issuer: pkijs.RelativeDistinguishedNames;
  spki: pkijs.PublicKeyInfo;
  signingKey: crypto.KeyObject;
  issuerKeyId: Buffer | null;
  notBefore: number;
  notAfter: number;
  ca: boolean;
  /** ECDSA's digest: SHA-256 for P-256 keys, SHA-384 for P-384. */
  hash: 'sha256' | 'sha384';
  /** Further extensions: OID and the raw extnValue content. */
  facts?: Array<[string, Uint8Array]>;
}

export function signCertificate(spec: CertificateSpec): pkijs.Certificate {
  const algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: spec.hash === 'sha384' ? ECDSA_WITH_SHA384 : ECDSA_WITH_SHA256 });
  const extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: spec.ca }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage(spec.ca ? [5, 6] : [0]) }),
    new pkijs.Extension({
      extnID: '2.5.29.14',
      extnValue: new asn1js.OctetString({ valueHex: arrayBufferOf(keyIdentifier(spec.spki)) }).toBER(false),
    }),
  ];
  if (spec.issuerKeyId) {
    const authority = new pkijs.AuthorityKeyIdentifier({
      keyIdentifier: new asn1js.OctetString({ valueHex: arrayBufferOf(spec.issuerKeyId) }),
    });
    extensions.push(new pkijs.Extension({ extnID: '2.5.29.35', extnValue: authority.toSchema().toBER(false) }));
  }
  for (const [extnID, value] of spec.facts ?? []) extensions.push(new pkijs.Extension({ extnID, extnValue: arrayBufferOf(value) }));
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: randomSerial(),
    signature: algorithm,
    issuer: spec.issuer,
    subject: nameOf(spec.subject),
    notBefore: timeOf(spec.notBefore),
    notAfter: timeOf(spec.notAfter),
    subjectPublicKeyInfo: spec.spki,
    extensions,
  });
  certificate.signatureAlgorithm = algorithm;
  certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER(false));
  // ECDSA signatures from node:crypto are DER Ecdsa-Sig-Value, the form X.509 carries.
  const signature = crypto.sign(spec.hash, certificate.tbsView, spec.signingKey);
  certificate.signatureValue = new asn1js.BitString({ valueHex: arrayBufferOf(signature) });
  return certificate;
}

/** A key's SubjectPublicKeyInfo as PKI.js reads it. */
export function spkiOf(key: crypto.KeyObject): pkijs.PublicKeyInfo {
  return pkijs.PublicKeyInfo.fromBER(arrayBufferOf(key.export({ type: 'spki', format: 'der' })));
}

/** The curves the simulated CAs use, each with the digest ECDSA pairs it with. */
export type CaCurve = 'P-256' | 'P-384';
const HASH_OF: Record<CaCurve, CertificateSpec['hash']> = { 'P-256': 'sha256', 'P-384': 'sha384' };

export function newKeyPair(curve: CaCurve): crypto.KeyPairKeyObjectResult {
  return crypto.generateKeyPairSync('ec', { namedCurve: curve });
}

export function pkcs8Of(key: crypto.KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A certificate and its PKCS#8 private key, PEM: how a CA is persisted. */
export interface PemPair {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** What a certificate a CA issues says besides its issuer: who, which key, how long, and what else. */
export interface IssueSpec {
  readonly subject: Array<[string, string]>;
  readonly spki: pkijs.PublicKeyInfo;
  readonly validityDays: number;
  readonly ca: boolean;
  readonly facts?: Array<[string, Uint8Array]>;
}

/** A CA certificate with its private key, read once, issuing certificates below it. */
export class CertificateIssuer {
  readonly certificate: pkijs.Certificate;
  private readonly key: crypto.KeyObject;
  private readonly keyId: Buffer;

  constructor(
    ca: PemPair,
    private readonly curve: CaCurve,
  ) {
    this.certificate = pkijs.Certificate.fromBER(arrayBufferOf(new crypto.X509Certificate(ca.certificatePem).raw));
    this.key = crypto.createPrivateKey(ca.privateKeyPem);
    this.keyId = keyIdentifier(this.certificate.subjectPublicKeyInfo);
  }

  /** A new self-signed CA on a fresh key of `curve`, valid `validityDays` from `now`. */
  static selfSigned(subject: Array<[string, string]>, curve: CaCurve, validityDays: number, now: Date): PemPair {
    const { publicKey, privateKey } = newKeyPair(curve);
    const certificate = signCertificate({
      ...validity(validityDays, now),
      subject,
      issuer: nameOf(subject),
      spki: spkiOf(publicKey),
      signingKey: privateKey,
      issuerKeyId: null,
      ca: true,
      hash: HASH_OF[curve],
    });
    return { certificatePem: pemOf(certificate), privateKeyPem: pkcs8Of(privateKey) };
  }

  /** A certificate for `spec.spki`, signed by this CA, valid `spec.validityDays` from `now`. */
  issue(spec: IssueSpec, now: Date): pkijs.Certificate {
    return signCertificate({
      ...validity(spec.validityDays, now),
      subject: spec.subject,
      issuer: this.certificate.subject,
      spki: spec.spki,
      signingKey: this.key,
      issuerKeyId: this.keyId,
      ca: spec.ca,
      hash: HASH_OF[this.curve],
      ...(spec.facts ? { facts: spec.facts } : {}),
    });
  }
}

function validity(days: number, now: Date): { notBefore: number; notAfter: number } {
  return { notBefore: now.getTime() - NOT_BEFORE_SLACK_MS, notAfter: now.getTime() + days * DAY_MS };
}
