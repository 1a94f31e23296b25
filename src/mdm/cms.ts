/**
 * CMS SignedData verification for the MDM endpoints (issue 7; reference: device-enrollment.md
 * section 5): the enrollment POST carries MachineInfo with the content attached, signed by the
 * device's identity from its manufacturer's CA; every check-in and connect request carries an
 * `Mdm-Signature` header, a SignedData over the exact body with the content detached, signed by the
 * identity Homeroom issued. Both SHA-1 (older devices) and SHA-256 digests are accepted.
 *
 * node-forge parses PKCS#7 but cannot verify a signature, so verification uses PKI.js (with Node's
 * WebCrypto): the signature over the signed attributes, the content's digest, and the signer's
 * chain up to one of the trusted CAs, valid at `now`.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Why a SignedData was refused; the endpoints map these to HTTP statuses and log them. */
export type CmsFailure = 'MALFORMED' | 'BAD_SIGNATURE' | 'UNTRUSTED_SIGNER';

export class CmsVerificationError extends Error {
  constructor(
    readonly reason: CmsFailure,
    message: string,
  ) {
    super(message);
    this.name = 'CmsVerificationError';
  }
}

export interface VerifiedSignedData {
  /** The signed content: the attached content, or the detached content given. */
  readonly content: Buffer;
  /** The signer's certificate, as PEM. */
  readonly signerCertificatePem: string;
}

export interface VerifyOptions {
  /** PEM certificates of the CAs a signer must chain to. */
  readonly trustedCas: readonly string[];
  /** The content when the SignedData does not carry it (`Mdm-Signature` over a request body). */
  readonly detachedContent?: Buffer;
  /** When the signer's chain must be valid (the server clock). */
  readonly now: Date;
  /**
   * PEM certificates of CAs trusted by signature alone, without their validity dates: a signer they
   * issued directly is accepted. For Apple's iPhone Device CA, expired since 2014 and still the issuer
   * of every device identity (see `apple-device-ca.ts`).
   */
  readonly legacyCas?: readonly string[];
}

function arrayBufferOf(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function certificateOfPem(pem: string): pkijs.Certificate {
  return pkijs.Certificate.fromBER(arrayBufferOf(Buffer.from(new crypto.X509Certificate(pem).raw)));
}

function pemOf(certificate: pkijs.Certificate): string {
  return new crypto.X509Certificate(Buffer.from(certificate.toSchema().toBER(false))).toString();
}

/** The SignedData inside a DER (or BER) ContentInfo; MALFORMED when it is anything else. */
function signedDataOf(der: Buffer): pkijs.SignedData {
  const parsed = asn1js.fromBER(arrayBufferOf(der));
  if (parsed.offset === -1 || parsed.offset !== der.byteLength) throw new CmsVerificationError('MALFORMED', 'The body is not DER or BER.');
  try {
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error(`content type ${info.contentType}`);
    const signed = new pkijs.SignedData({ schema: info.content });
    if (signed.signerInfos.length !== 1) throw new Error(`${signed.signerInfos.length} signers`);
    return signed;
  } catch (error) {
    throw new CmsVerificationError('MALFORMED', `Not a CMS SignedData with one signer (${(error as Error).message}).`);
  }
}

/**
 * Verifies `der` (a CMS ContentInfo holding SignedData with one signer) and returns the content and
 * the signer's certificate.
 *
 * @throws CmsVerificationError MALFORMED (not SignedData, no content to check), BAD_SIGNATURE (the
 *   signature or the content's digest does not match), UNTRUSTED_SIGNER (the signer's certificate is
 *   missing, does not chain to a trusted CA, or is not valid at `now`).
 */
export async function verifySignedData(der: Buffer, options: VerifyOptions): Promise<VerifiedSignedData> {
  try {
    return await verifyChained(der, options);
  } catch (error) {
    if (!(error instanceof CmsVerificationError) || error.reason !== 'UNTRUSTED_SIGNER' || !options.legacyCas?.length) throw error;
    return verifyLegacyIssued(der, options, error);
  }
}

/** The signature, then the signer's chain to `trustedCas` with dates. */
async function verifyChained(der: Buffer, options: VerifyOptions): Promise<VerifiedSignedData> {
  const signed = signedDataOf(der);
  const attached = signed.encapContentInfo.eContent;
  const content = options.detachedContent ?? (attached ? Buffer.from(attached.getValue()) : null);
  if (!content) throw new CmsVerificationError('MALFORMED', 'The SignedData carries no content and none was given.');

  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await signed.verify({
      signer: 0,
      ...(options.detachedContent ? { data: arrayBufferOf(options.detachedContent) } : {}),
      trustedCerts: options.trustedCas.map(certificateOfPem),
      checkChain: true,
      checkDate: options.now,
      extendedMode: true,
    });
  } catch (error) {
    // PKI.js throws (in extended mode too) for what it finds before the signature itself: a missing
    // signer certificate (code 3), a chain it cannot build (5), a content digest that differs (15).
    const failure = error as Partial<pkijs.SignedDataVerifyResult>;
    if (!failure.signerCertificate)
      throw new CmsVerificationError('UNTRUSTED_SIGNER', "The signer's certificate is not in the SignedData.");
    if (failure.signerCertificateVerified === false) {
      throw new CmsVerificationError(
        'UNTRUSTED_SIGNER',
        `The signer's certificate does not chain to a trusted CA (${failure.message ?? 'refused'}).`,
      );
    }
    if (failure.code === 14 || failure.code === 15)
      throw new CmsVerificationError('BAD_SIGNATURE', 'The signature does not match the content.');
    throw new CmsVerificationError('MALFORMED', `The SignedData cannot be verified (${failure.message ?? 'refused'}).`);
  }
  if (!result.signerCertificate) throw new CmsVerificationError('UNTRUSTED_SIGNER', "The signer's certificate is not in the SignedData.");
  if (!result.signatureVerified) throw new CmsVerificationError('BAD_SIGNATURE', 'The signature does not match the content.');
  if (!result.signerCertificateVerified) {
    throw new CmsVerificationError('UNTRUSTED_SIGNER', `The signer's certificate does not chain to a trusted CA (${result.message}).`);
  }
  return { content, signerCertificatePem: pemOf(result.signerCertificate) };
}

/**
 * The signature (with the chain unchecked), then the signer's certificate against each legacy CA:
 * same issuer name and a signature by its key. `chainFailure` is what is thrown when none issued it.
 */
async function verifyLegacyIssued(der: Buffer, options: VerifyOptions, chainFailure: CmsVerificationError): Promise<VerifiedSignedData> {
  const signed = signedDataOf(der);
  const attached = signed.encapContentInfo.eContent;
  const content = options.detachedContent ?? (attached ? Buffer.from(attached.getValue()) : null);
  if (!content) throw new CmsVerificationError('MALFORMED', 'The SignedData carries no content and none was given.');
  const result = await signed
    .verify({
      signer: 0,
      ...(options.detachedContent ? { data: arrayBufferOf(options.detachedContent) } : {}),
      checkChain: false,
      extendedMode: true,
    })
    .catch(() => null);
  if (!result?.signerCertificate || !result.signatureVerified)
    throw new CmsVerificationError('BAD_SIGNATURE', 'The signature does not match the content.');
  const signer = result.signerCertificate;
  for (const pem of options.legacyCas ?? []) {
    const ca = certificateOfPem(pem);
    if (!signer.issuer.isEqual(ca.subject)) continue;
    if (await signer.verify(ca).catch(() => false)) return { content, signerCertificatePem: pemOf(signer) };
  }
  throw chainFailure;
}

/** Digest algorithm OIDs a SignerInfo may name, as Node calls them. */
const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

/** The parts of a one-signer SignedData a pinned check needs, read straight off the DER. */
interface SignerParts {
  readonly certificates: readonly Buffer[];
  readonly serialNumber: Buffer | null;
  readonly digestOid: string;
  /** The signed attributes re-tagged as a SET (what was signed), or null when the content itself was signed. */
  readonly signedAttributes: Buffer | null;
  readonly messageDigest: Buffer | null;
  readonly signature: Buffer;
}

const bytesOf = (block: asn1js.AsnType) => Buffer.from(block.valueBeforeDecodeView);
const childrenOf = (block: asn1js.AsnType | undefined): asn1js.AsnType[] => {
  const value = (block as asn1js.Constructed | undefined)?.valueBlock?.value;
  if (!Array.isArray(value)) throw new Error('expected a constructed value');
  return value as asn1js.AsnType[];
};

/**
 * Walks ContentInfo / SignedData / SignerInfo (RFC 5652) with asn1js alone: PKI.js's schema matching
 * costs some 2.5 ms a message, five times the parse itself.
 */
function signerPartsOf(der: Buffer): SignerParts {
  const parsed = asn1js.fromBER(arrayBufferOf(der));
  if (parsed.offset === -1 || parsed.offset !== der.byteLength) throw new Error('not DER or BER');
  const [type, wrapped] = childrenOf(parsed.result);
  if (!(type instanceof asn1js.ObjectIdentifier) || type.valueBlock.toString() !== pkijs.ContentInfo.SIGNED_DATA)
    throw new Error('not SignedData');
  const signedData = childrenOf(childrenOf(wrapped)[0]);
  const certificates = signedData
    .filter((block) => block.idBlock.tagClass === 3 && block.idBlock.tagNumber === 0)
    .flatMap(childrenOf)
    .map(bytesOf);
  const signerInfos = childrenOf(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) throw new Error(`${signerInfos.length} signers`);
  const fields = childrenOf(signerInfos[0]);
  const sid = fields[1]!;
  const serial = sid.idBlock.tagClass === 1 ? childrenOf(sid)[1] : undefined;
  const digestOid = (childrenOf(fields[2])[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  const attributes = fields[3]!.idBlock.tagClass === 3 && fields[3]!.idBlock.tagNumber === 0 ? fields[3]! : null;
  let messageDigest: Buffer | null = null;
  for (const attribute of attributes ? childrenOf(attributes) : []) {
    const [oid, values] = childrenOf(attribute);
    if ((oid as asn1js.ObjectIdentifier).valueBlock.toString() === MESSAGE_DIGEST) {
      messageDigest = Buffer.from((childrenOf(values)[0] as asn1js.OctetString).valueBlock.valueHexView);
    }
  }
  const signature = fields[attributes ? 5 : 4] as asn1js.OctetString;
  const signedAttributes = attributes ? Buffer.from(bytesOf(attributes)) : null;
  // The signature covers the attributes with the SET tag, not their [0] IMPLICIT tag (RFC 5652 5.4).
  if (signedAttributes) signedAttributes[0] = 0x31;
  return {
    certificates,
    serialNumber: serial ? Buffer.from((serial as asn1js.Integer).valueBlock.valueHexView) : null,
    digestOid,
    signedAttributes,
    messageDigest,
    signature: Buffer.from(signature.valueBlock.valueHexView),
  };
}

/**
 * Verifies a detached SignedData over `content` with Node's crypto alone, without a chain: for a
 * signer the caller pins by its exact certificate (a check-in's `Mdm-Signature`, signed by the
 * identity Homeroom issued and stored the fingerprint of). Same checks as {@link verifySignedData}
 * for the signature and the content's digest, and the certificate's validity at `now`, in well under
 * a millisecond where PKI.js's path takes some 7 ms of the event loop.
 *
 * @returns the signer's certificate (the embedded one the SignerInfo names).
 * @throws CmsVerificationError MALFORMED, BAD_SIGNATURE, UNTRUSTED_SIGNER (no certificate, or not valid at `now`).
 */
export function verifyPinnedSignature(der: Buffer, content: Buffer, now: Date): crypto.X509Certificate {
  let parts: SignerParts;
  try {
    parts = signerPartsOf(der);
  } catch (error) {
    throw new CmsVerificationError('MALFORMED', `Not a CMS SignedData with one signer (${(error as Error).message}).`);
  }
  const certificates = parts.certificates.map((bytes) => new crypto.X509Certificate(bytes));
  const serial = parts.serialNumber
    ?.toString('hex')
    .replace(/^(00)+/, '')
    .toUpperCase();
  const certificate = serial === undefined ? certificates[0] : certificates.find((c) => c.serialNumber.replace(/^(00)+/, '') === serial);
  if (!certificate) throw new CmsVerificationError('UNTRUSTED_SIGNER', "The signer's certificate is not in the SignedData.");
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo))
    throw new CmsVerificationError('UNTRUSTED_SIGNER', "The signer's certificate is not valid now.");
  const digest = DIGESTS[parts.digestOid];
  if (!digest) throw new CmsVerificationError('MALFORMED', `Unsupported digest ${parts.digestOid}.`);
  if (parts.signedAttributes) {
    if (!parts.messageDigest) throw new CmsVerificationError('MALFORMED', 'The signed attributes hold no message digest.');
    if (!crypto.createHash(digest).update(content).digest().equals(parts.messageDigest))
      throw new CmsVerificationError('BAD_SIGNATURE', 'The signature does not match the content.');
  }
  let valid: boolean;
  try {
    valid = crypto.verify(digest, parts.signedAttributes ?? content, certificate.publicKey, parts.signature);
  } catch {
    // A signature that is not even well-formed for the key (a wrong-length RSA block, a bad ECDSA DER).
    valid = false;
  }
  if (!valid) throw new CmsVerificationError('BAD_SIGNATURE', 'The signature does not match the content.');
  return certificate;
}
