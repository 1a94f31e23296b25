/**
 * What a virtual iPad signs and unpacks (reference: device-enrollment.md section 5):
 *
 * - CMS SignedData over MachineInfo, content attached, signed with the factory identity (ECDSA
 *   P-256 from the simulated Apple device CA);
 * - `Mdm-Signature`: CMS SignedData over a check-in or connect body, content detached, signed with
 *   the identity the MDM issued (RSA, PKCS#1 v1.5), SHA-256 or, as older devices do, SHA-1;
 * - the enrollment profile's PKCS#12 identity payload, and a CMS-signed profile's content.
 *
 * PKI.js builds the CMS structures; node:crypto signs. Its signing is synchronous and runs in
 * OpenSSL (about a millisecond for RSA-2048, far less for P-256), where forge's pure-JS RSA costs
 * some 30 ms a message: too slow for a thousand devices checking in. node-forge is used once per
 * enrollment only, to open the PKCS#12 (3DES), which neither PKI.js nor Node does simply.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';

/** The digests a device signs with. */
export type SignatureDigest = 'sha256' | 'sha1';

/** A certificate and the key to sign with it. */
export interface SigningIdentity {
  /** The signer's certificate, DER. */
  readonly certificateDer: Buffer;
  readonly privateKey: crypto.KeyObject;
}

/** An identity read from a PKCS#12. */
export interface ImportedIdentity extends SigningIdentity {
  readonly certificatePem: string;
  /** Upper-case hex, as `X509Certificate.serialNumber` writes it. */
  readonly serialNumber: string;
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha1: '1.2.840.10045.4.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** An identity given as PEM certificate and PEM key (the factory identity). */
export function identityOfPem(certificatePem: string, privateKeyPem: string): SigningIdentity {
  return {
    certificateDer: Buffer.from(new crypto.X509Certificate(certificatePem).raw),
    privateKey: crypto.createPrivateKey(privateKeyPem),
  };
}

/**
 * The signature algorithm as the SignerInfo names it: `rsaEncryption` for RSA (what OpenSSL and
 * Go's pkcs7, used by mdmb, write; the digest comes from `digestAlgorithm`), ECDSA with its digest.
 */
function signatureAlgorithmOf(key: crypto.KeyObject, digest: SignatureDigest): pkijs.AlgorithmIdentifier {
  if (key.asymmetricKeyType === 'rsa')
    return new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() });
  if (key.asymmetricKeyType === 'ec')
    return new pkijs.AlgorithmIdentifier({ algorithmId: digest === 'sha1' ? OID.ecdsaWithSha1 : OID.ecdsaWithSha256 });
  throw new Error(`cannot sign with a ${key.asymmetricKeyType} key`);
}

/** UTCTime to 2049, GeneralizedTime after (RFC 5652 signingTime). */
function timeValue(at: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const valueDate = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return valueDate.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate }) : new asn1js.GeneralizedTime({ valueDate });
}

/** Parsed once per identity: reading the certificate is most of what signing costs in PKI.js. */
const parsedCertificates = new WeakMap<SigningIdentity, pkijs.Certificate>();

function certificateOf(signer: SigningIdentity): pkijs.Certificate {
  let certificate = parsedCertificates.get(signer);
  if (!certificate) {
    certificate = pkijs.Certificate.fromBER(arrayBufferOf(signer.certificateDer));
    parsedCertificates.set(signer, certificate);
  }
  return certificate;
}

/**
 * A DER ContentInfo holding SignedData over `content` with one signer, its certificate included,
 * and signed attributes (content type, signing time, message digest).
 */
export function signCms(
  content: Buffer,
  signer: SigningIdentity,
  options: { detached: boolean; digest?: SignatureDigest; signingTime?: Date },
): Buffer {
  const digest = options.digest ?? 'sha256';
  const certificate = certificateOf(signer);
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID[digest], algorithmParams: new asn1js.Null() });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(options.signingTime ?? new Date())] }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: arrayBufferOf(crypto.createHash(digest).update(content).digest()) })],
      }),
    ],
  });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they are sent as.
  const signedBytes = Buffer.from(signedAttrs.toSchema().toBER(false));
  signedBytes[0] = 0x31;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm: signatureAlgorithmOf(signer.privateKey, digest),
    // RSA keys sign PKCS#1 v1.5 by default; EC keys give the DER Ecdsa-Sig-Value CMS wants.
    signature: new asn1js.OctetString({ valueHex: arrayBufferOf(crypto.sign(digest, signedBytes, signer.privateKey)) }),
  });
  const signed = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      ...(options.detached ? {} : { eContent: new asn1js.OctetString({ valueHex: arrayBufferOf(content) }) }),
    }),
    certificates: [certificate],
    signerInfos: [signerInfo],
  });
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

/** The content of a CMS SignedData (a signed profile). The device does not check who signed it. */
export function signedContentOf(der: Buffer): Buffer {
  const parsed = asn1js.fromBER(arrayBufferOf(der));
  if (parsed.offset === -1) throw new Error('not DER');
  const info = new pkijs.ContentInfo({ schema: parsed.result });
  if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error(`content type ${info.contentType}, not SignedData`);
  const content = new pkijs.SignedData({ schema: info.content }).encapContentInfo.eContent;
  if (!content) throw new Error('the SignedData carries no content');
  return Buffer.from(content.getValue());
}

/**
 * Opens a PKCS#12 (the profile's `com.apple.security.pkcs12` payload) and returns the identity:
 * the key and the certificate whose public key matches it.
 *
 * @throws Error when the password is wrong, the structure unreadable, or no certificate fits the key.
 */
export function openPkcs12(der: Buffer, password: string): ImportedIdentity {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), password);
  const keys: crypto.KeyObject[] = [];
  const certificates: crypto.X509Certificate[] = [];
  // forge reads RSA keys and RSA certificates; anything else (an EC identity) it hands back as ASN.1.
  const derOf = (asn1: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  for (const contents of pfx.safeContents) {
    for (const bag of contents.safeBags) {
      if (bag.type === forge.pki.oids.certBag) {
        const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
        if (asn1) certificates.push(new crypto.X509Certificate(derOf(asn1)));
      } else if (bag.key) {
        keys.push(crypto.createPrivateKey(forge.pki.privateKeyToPem(bag.key)));
      } else if (bag.asn1) {
        keys.push(crypto.createPrivateKey({ key: derOf(bag.asn1), format: 'der', type: 'pkcs8' }));
      }
    }
  }
  const [privateKey] = keys;
  if (!privateKey) throw new Error('the PKCS#12 holds no private key');
  const publicKey = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const mine = certificates.find((certificate) => certificate.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKey));
  if (!mine) throw new Error('no certificate in the PKCS#12 matches its key');
  return {
    certificatePem: mine.toString(),
    certificateDer: Buffer.from(mine.raw),
    serialNumber: mine.serialNumber.toUpperCase(),
    privateKey,
  };
}
