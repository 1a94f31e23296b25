/**
 * CMS SignedData verification for the MDM endpoints (reference: device-enrollment.md
 * section 5): the enrollment POST carries MachineInfo with the content attached, signed by the
 * device's identity from its manufacturer's CA; every check-in and connect request carries an
 * `Mdm-Signature` header, a SignedData over the exact body with the content detached, signed by the
 * identity Homeroom issued. Both SHA-1 (older devices) and SHA-256 digests are accepted.
 *
 * node-forge parses PKCS#7 but cannot verify a signature, and PKI.js's path (schema matching,
 * WebCrypto, its chain engine) costs some 7 ms of event loop a message, which a thousand iPads
 * enrolling at once cannot afford. So a minimal DER reader (`src/wire/der.ts`) walks it and Node's OpenSSL checks: the content's
 * digest against the signed attributes, the signature over them, and the signer's chain: from the
 * signer's certificate, through intermediates the SignedData carries (a device may send its chain),
 * up to one of the trusted CAs (Apple's iPhone Device CA, the simulator's, Homeroom's own, and those
 * of `MDM_DEVICE_CA_FILE`, intermediates included), every certificate on the way valid at `now`, each
 * issuer a CA (basicConstraints) that signed the one below and within its path length; or a signer
 * issued directly by a legacy CA trusted by signature alone. Each link is `checkIssued` plus
 * `verify`, OpenSSL's own checks, a few microseconds each; no chain engine per request.
 */
import crypto from 'node:crypto';
import { childrenOf, contentOf, encodingOf, expectTag, integerHexOf, isContext, octetsOf, oidOf, readDer, TAG } from '../wire/der.js';
import { normalizedSerial } from '../crypto/x509.js';

/** Why a SignedData was refused; the endpoints map these to HTTP statuses and log them. */
export type CmsFailure = 'MALFORMED' | 'BAD_SIGNATURE' | 'UNTRUSTED_SIGNER';

export class CmsVerificationError extends Error {
  constructor(
    readonly reason: CmsFailure,
    message: string,
    /** UNTRUSTED_SIGNER: the issuer (DN, `CN=..., O=...`) at the top of the chain that no trusted CA vouches for. */
    readonly untrustedIssuer: string | null = null,
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

/** A CA certificate, as PEM or already parsed (parse once for the hot path: see `trustedCertificates`). */
export type CaCertificate = string | crypto.X509Certificate;

export interface VerifyOptions {
  /** The CAs a signer must chain to (roots or intermediates: each is trusted as it is). */
  readonly trustedCas: readonly CaCertificate[];
  /** The content when the SignedData does not carry it (`Mdm-Signature` over a request body). */
  readonly detachedContent?: Buffer;
  /** When the signer's chain must be valid (the server clock). */
  readonly now: Date;
  /**
   * PEM certificates of CAs trusted by signature alone, without their validity dates: a signer they
   * issued directly is accepted. For Apple's iPhone Device CA, expired since 2014 and still the issuer
   * of every device identity (see `apple-device-ca.ts`).
   */
  readonly legacyCas?: readonly CaCertificate[];
}

/** Certificates parsed once, for callers that verify many SignedData with the same CAs. */
export function trustedCertificates(pems: readonly CaCertificate[]): crypto.X509Certificate[] {
  return pems.map((pem) => (typeof pem === 'string' ? new crypto.X509Certificate(pem) : pem));
}

/** A certificate's distinguished name on one line, as refusals and logs show it. */
export function distinguishedName(name: string): string {
  return name.split('\n').join(', ');
}

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
/** Digest algorithm OIDs a SignerInfo may name, as Node calls them. */
const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** The parts of a one-signer SignedData verification needs, read straight off the DER. */
interface SignerParts {
  /** The encapsulated content, when attached. */
  readonly attached: Buffer | null;
  readonly certificates: readonly crypto.X509Certificate[];
  /** The SignerInfo's IssuerAndSerialNumber serial, hex without leading zeros; null for a key identifier. */
  readonly serialNumber: string | null;
  readonly digestOid: string;
  /** The signed attributes re-tagged as a SET (what was signed), or null when the content itself was signed. */
  readonly signedAttributes: Buffer | null;
  readonly messageDigest: Buffer | null;
  readonly signature: Buffer;
}

/**
 * Certificates by their DER, parsed once: an enrolled iPad sends the same identity with every
 * check-in, and OpenSSL's parse is a good part of what checking one costs. Bounded; the oldest go.
 */
const parsed = new Map<string, crypto.X509Certificate>();
const PARSED_MAX = 4096;

/** The certificate `der` is, parsed or from the cache. */
export function certificateOf(der: Buffer): crypto.X509Certificate {
  const key = der.toString('latin1');
  let certificate = parsed.get(key);
  if (!certificate) {
    certificate = new crypto.X509Certificate(der);
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, certificate);
  }
  return certificate;
}

const publicKeys = new WeakMap<crypto.X509Certificate, crypto.KeyObject>();
/** A certificate's public key, made once per certificate object (Node makes a new KeyObject per `publicKey` read). */
export function publicKeyOf(certificate: crypto.X509Certificate): crypto.KeyObject {
  let key = publicKeys.get(certificate);
  if (!key) {
    key = certificate.publicKey;
    publicKeys.set(certificate, key);
  }
  return key;
}

/**
 * Walks ContentInfo / SignedData / SignerInfo (RFC 5652 section 5) with the DER reader.
 * @throws CmsVerificationError MALFORMED for anything that is not a SignedData with one signer.
 */
function signerPartsOf(der: Buffer): SignerParts {
  try {
    const [type, wrapped] = childrenOf(readDer(der));
    if (oidOf(type) !== SIGNED_DATA || !isContext(wrapped, 0)) throw new Error('not SignedData');
    const signedData = childrenOf(childrenOf(wrapped)[0]);
    const encapsulated = childrenOf(signedData[2]);
    const attached = isContext(encapsulated[1], 0) ? octetsOf(childrenOf(encapsulated[1])[0]!) : null;
    const certificates = signedData
      .filter((block) => isContext(block, 0))
      .flatMap(childrenOf)
      .map((block) => certificateOf(encodingOf(block)));
    const signerInfos = childrenOf(signedData[signedData.length - 1]);
    if (signerInfos.length !== 1) throw new Error(`${signerInfos.length} signers`);
    const fields = childrenOf(signerInfos[0]);
    const sid = fields[1]!;
    const serial = sid.tag === TAG.SEQUENCE ? integerHexOf(childrenOf(sid)[1]) : null;
    const attributes = isContext(fields[3], 0) ? fields[3] : null;
    let messageDigest: Buffer | null = null;
    for (const attribute of attributes ? childrenOf(attributes) : []) {
      const [oid, values] = childrenOf(attribute);
      if (oidOf(oid) === MESSAGE_DIGEST) messageDigest = octetsOf(expectTag(childrenOf(values)[0], TAG.OCTET_STRING));
    }
    // The signature covers the attributes under a SET tag, not their [0] IMPLICIT one (RFC 5652 5.4).
    const signedAttributes = attributes ? Buffer.from(encodingOf(attributes)) : null;
    if (signedAttributes) signedAttributes[0] = TAG.SET;
    return {
      attached,
      certificates,
      serialNumber: serial,
      digestOid: oidOf(childrenOf(fields[2])[0]),
      signedAttributes,
      messageDigest,
      signature: octetsOf(fields[attributes ? 5 : 4]!),
    };
  } catch (error) {
    throw new CmsVerificationError('MALFORMED', `Not a CMS SignedData with one signer (${(error as Error).message}).`);
  }
}

/** The signer's certificate, once the content's digest and the signature over it check out. */
function verifiedSigner(parts: SignerParts, content: Buffer): crypto.X509Certificate {
  const signer =
    parts.serialNumber === null
      ? parts.certificates[0]
      : parts.certificates.find((c) => normalizedSerial(c.serialNumber) === parts.serialNumber);
  if (!signer) throw new CmsVerificationError('UNTRUSTED_SIGNER', "The signer's certificate is not in the SignedData.");
  const digest = DIGESTS[parts.digestOid];
  if (!digest) throw new CmsVerificationError('MALFORMED', `Unsupported digest ${parts.digestOid}.`);
  if (parts.signedAttributes) {
    if (!parts.messageDigest) throw new CmsVerificationError('MALFORMED', 'The signed attributes hold no message digest.');
    if (!crypto.createHash(digest).update(content).digest().equals(parts.messageDigest))
      throw new CmsVerificationError('BAD_SIGNATURE', 'The signature does not match the content.');
  }
  let valid: boolean;
  try {
    valid = crypto.verify(digest, parts.signedAttributes ?? content, publicKeyOf(signer), parts.signature);
  } catch {
    // A signature not even well-formed for the key (a wrong-length RSA block, a bad ECDSA DER).
    valid = false;
  }
  if (!valid) throw new CmsVerificationError('BAD_SIGNATURE', 'The signature does not match the content.');
  return signer;
}

const validAt = (certificate: crypto.X509Certificate, now: Date) =>
  now >= new Date(certificate.validFrom) && now <= new Date(certificate.validTo);

/** Whether `ca` issued `certificate`: names and key identifiers match, and its key made the signature. */
const issuedBy = (certificate: crypto.X509Certificate, ca: crypto.X509Certificate) =>
  certificate.checkIssued(ca) && certificate.verify(publicKeyOf(ca));

/** Intermediates a chain may run through, at most: device chains are one or two deep. */
const MAX_INTERMEDIATES = 4;
const BASIC_CONSTRAINTS = '2.5.29.19';
const pathLengths = new WeakMap<crypto.X509Certificate, number | null>();

/**
 * basicConstraints' pathLenConstraint: how many intermediates may follow this CA; null for no
 * limit. Node does not expose it, so the DER reader reads it (once per certificate object).
 */
function pathLengthOf(certificate: crypto.X509Certificate): number | null {
  if (pathLengths.has(certificate)) return pathLengths.get(certificate)!;
  let length: number | null = null;
  try {
    const tbs = childrenOf(childrenOf(readDer(Buffer.from(certificate.raw)))[0]);
    const extensions = tbs.find((block) => isContext(block, 3));
    for (const extension of extensions ? childrenOf(childrenOf(extensions)[0]) : []) {
      const fields = childrenOf(extension);
      if (oidOf(fields[0]) !== BASIC_CONSTRAINTS) continue;
      const limit = childrenOf(readDer(octetsOf(fields[fields.length - 1]!))).find((block) => block.tag === TAG.INTEGER);
      if (limit) length = parseInt(contentOf(limit).toString('hex'), 16);
    }
  } catch {
    // Node parsed the certificate already; an unreadable extension here counts as no limit, as `ca` decides the rest.
  }
  pathLengths.set(certificate, length);
  return length;
}

/** Why a chain did not reach a trusted CA: the message, and the issuer nobody vouched for. */
interface ChainFailure {
  readonly message: string;
  readonly untrustedIssuer: string | null;
}

/**
 * Builds the signer's chain to a trusted CA, depth first: `path` holds the signer then the
 * intermediates so far. Returns null when one is found, else why the deepest attempt failed.
 */
function chainFailure(
  path: readonly crypto.X509Certificate[],
  intermediates: readonly crypto.X509Certificate[],
  anchors: readonly crypto.X509Certificate[],
  now: Date,
): ChainFailure | null {
  const top = path[path.length - 1]!;
  const below = path.length - 1;
  if (!validAt(top, now)) {
    const which = below === 0 ? "The signer's certificate" : 'The intermediate CA';
    return {
      message: `${which} (${distinguishedName(top.subject)}) is not valid now (${top.validFrom} to ${top.validTo}).`,
      untrustedIssuer: null,
    };
  }
  const withinLength = (ca: crypto.X509Certificate) => {
    const limit = pathLengthOf(ca);
    return limit === null || limit >= below;
  };
  const anchor = anchors.find((ca) => issuedBy(top, ca));
  if (anchor) {
    if (!validAt(anchor, now))
      return {
        message: `The trusted CA (${distinguishedName(anchor.subject)}) is not valid now (${anchor.validFrom} to ${anchor.validTo}).`,
        untrustedIssuer: null,
      };
    if (!withinLength(anchor))
      return {
        message: `The trusted CA (${distinguishedName(anchor.subject)}) allows no more than ${pathLengthOf(anchor)} intermediates below it.`,
        untrustedIssuer: null,
      };
    return null;
  }
  let deepest: ChainFailure | null = null;
  if (below < MAX_INTERMEDIATES) {
    for (const next of intermediates) {
      if (path.includes(next) || !next.ca || !withinLength(next) || !issuedBy(top, next)) continue;
      const failure = chainFailure([...path, next], intermediates, anchors, now);
      if (!failure) return null;
      deepest ??= failure;
    }
  }
  if (deepest) return deepest;
  const through = path.slice(1).map((c) => `"${distinguishedName(c.subject)}"`);
  return {
    message:
      `The signer's certificate (${distinguishedName(path[0]!.subject)})` +
      (through.length > 0
        ? ` chains through ${through.join(', ')}, whose issuer "${distinguishedName(top.issuer)}" is not a trusted CA`
        : ` was issued by "${distinguishedName(top.issuer)}", which is not a trusted CA`) +
      ' (neither among the trusted device CAs nor an intermediate in the SignedData that chains to one).',
    untrustedIssuer: distinguishedName(top.issuer),
  };
}

/**
 * Verifies `der` (a CMS ContentInfo holding SignedData with one signer) and returns the content and
 * the signer's certificate.
 *
 * @throws CmsVerificationError MALFORMED (not SignedData, no content to check), BAD_SIGNATURE (the
 *   signature or the content's digest does not match), UNTRUSTED_SIGNER (the signer's certificate is
 *   missing, does not chain to a trusted CA, or a certificate of its chain is not valid at `now`;
 *   `untrustedIssuer` names the issuer no trusted CA vouches for).
 */
export async function verifySignedData(der: Buffer, options: VerifyOptions): Promise<VerifiedSignedData> {
  const parts = signerPartsOf(der);
  const content = options.detachedContent ?? parts.attached;
  if (!content) throw new CmsVerificationError('MALFORMED', 'The SignedData carries no content and none was given.');
  const signer = verifiedSigner(parts, content);
  const failure = chainFailure([signer], parts.certificates, trustedCertificates(options.trustedCas), options.now);
  if (failure && !trustedCertificates(options.legacyCas ?? []).some((ca) => issuedBy(signer, ca))) {
    throw new CmsVerificationError('UNTRUSTED_SIGNER', failure.message, failure.untrustedIssuer);
  }
  return { content, signerCertificatePem: signer.toString() };
}

/**
 * Verifies a detached SignedData over `content` without a CA: for a signer the caller pins by its
 * exact certificate (a check-in's `Mdm-Signature`, signed by the identity Homeroom issued and stored
 * the fingerprint of). The signature, the content's digest, and the certificate's validity at `now`.
 *
 * @returns the signer's certificate (the embedded one the SignerInfo names).
 * @throws CmsVerificationError MALFORMED, BAD_SIGNATURE, UNTRUSTED_SIGNER (no certificate, or not valid at `now`).
 */
export function verifyPinnedSignature(der: Buffer, content: Buffer, now: Date): crypto.X509Certificate {
  const signer = verifiedSigner(signerPartsOf(der), content);
  if (!validAt(signer, now)) throw new CmsVerificationError('UNTRUSTED_SIGNER', "The signer's certificate is not valid now.");
  return signer;
}
