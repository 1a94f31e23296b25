/**
 * SCEP messages (RFC 8894) as Homeroom's SCEP endpoint reads and writes them: the requester's
 * PKIMessage (a CMS SignedData, signed by the requester's own, usually self-signed, certificate,
 * over an EnvelopedData encrypted to Homeroom's CA, holding a PKCS#10 request), and the CertRep
 * answer (a SignedData signed by the CA, over an EnvelopedData encrypted to the requester's
 * certificate, holding a degenerate certs-only SignedData with the issued certificate).
 *
 * A minimal DER reader and writer (`src/wire/der.ts`) lays out and reads the structures (PKI.js's
 * schema objects cost more CPU per message than the RSA operations); Node's OpenSSL does every key operation. Node refuses
 * PKCS#1 v1.5 decryption since the Marvin advisory (CVE-2023-46809), which RFC 8894 key transport
 * uses, so the padding is checked here after a raw RSA operation, without branching on where it
 * fails, and every decryption failure answers the same badMessageCheck.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import {
  algorithm,
  childrenOf,
  contentOf,
  contextTag,
  encodingOf,
  expectTag,
  integer,
  integerHexOf,
  isContext,
  octetsOf,
  octetString,
  oid,
  oidOf,
  printableString,
  readDer,
  sequence,
  set,
  TAG,
  textOf,
  time,
  tlv,
  type Tlv,
} from '../../wire/der.js';
import { normalizedSerial } from '../../crypto/x509.js';
import { OID } from '../../wire/oids.js';

/** RFC 8894 section 3.2.1.4.5: why a request was refused. */
export type ScepFailInfo = 'badAlg' | 'badMessageCheck' | 'badRequest' | 'badTime' | 'badCertId';
const FAIL_INFO: Record<ScepFailInfo, string> = { badAlg: '0', badMessageCheck: '1', badRequest: '2', badTime: '3', badCertId: '4' };

/** The message types a requester sends (section 3.2.1.2). */
export const SCEP_MESSAGE_TYPES = { CertRep: '3', RenewalReq: '17', PKCSReq: '19', CertPoll: '20', GetCert: '21', GetCRL: '22' } as const;

/** A request that cannot be answered as asked; `failInfo` is what the CertRep FAILURE says. */
export class ScepRefusal extends Error {
  constructor(
    readonly failInfo: ScepFailInfo,
    message: string,
    /** The transaction, when known: what a CertRep FAILURE answers. */
    readonly request: PkiHeader | null = null,
  ) {
    super(message);
    this.name = 'ScepRefusal';
  }
}

/** Not even a PKIMessage to answer (no transaction ID, nonce or signer): HTTP 400, no CertRep. */
export class ScepMalformed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScepMalformed';
  }
}

/** Digest OIDs, as Node names them. */
const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const DIGEST_OIDS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(DIGESTS).map(([oid, name]) => [name, oid]));
/** Signature OIDs a SignerInfo or a CSR may name, and the digest they imply (null: the digest algorithm's). */
const SIGNATURES: Readonly<Record<string, string | null>> = {
  '1.2.840.113549.1.1.1': null,
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
};

/**
 * Content encryption a requester may pick: GetCACaps offers AES and DES3. Single DES (`desCBC`) is
 * accepted too, read only, because SCEP's original default still ships in clients (micromdm's
 * scepclient sends it); the CertRep then answers with AES-128, never with DES.
 */
export const CIPHERS: Readonly<Record<string, { name: string; keyLength: number; ivLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24, ivLength: 16 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
};
const DES_CBC = '1.3.14.3.2.7';
const AES_128_CBC = '2.16.840.1.101.3.4.1.2';

/** Content decryption: OpenSSL for the ciphers it still ships; forge for single DES (OpenSSL 3 moved it to its legacy provider). */
function decrypt(cipherOid: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  if (cipherOid !== DES_CBC) {
    const decipher = crypto.createDecipheriv(CIPHERS[cipherOid]!.name, key, iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  }
  const decipher = forge.cipher.createDecipher('DES-CBC', forge.util.createBuffer(key.toString('binary')));
  decipher.start({ iv: forge.util.createBuffer(iv.toString('binary')) });
  decipher.update(forge.util.createBuffer(data.toString('binary')));
  if (!decipher.finish()) throw new Error('bad padding');
  return Buffer.from(decipher.output.getBytes(), 'binary');
}

export interface PkiHeader {
  readonly messageType: string;
  readonly transactionId: string;
  readonly senderNonce: Buffer;
  readonly digest: string;
}

/** A PKCSReq (or RenewalReq) as received, its signature checked against the signer's own certificate. */
export interface PkiRequest extends PkiHeader {
  /** The requester's certificate (self-signed for a first enrollment): the CertRep is encrypted to it. */
  readonly signerCertificate: crypto.X509Certificate;
  /** The DER EnvelopedData the SignedData carries. */
  readonly envelopedData: Buffer;
}

/**
 * Reads a PKIMessage and checks its signature.
 * @throws ScepMalformed when there is nothing to answer; ScepRefusal (badMessageCheck, badAlg) when the
 *   transaction is known but the message does not hold.
 */

const isOctetString = (tlv: Tlv | undefined): tlv is Tlv => tlv !== undefined && (tlv.tag & ~0x20) === TAG.OCTET_STRING;

/**
 * Reads a PKIMessage and checks its signature.
 * @throws ScepMalformed when there is nothing to answer; ScepRefusal (badMessageCheck, badAlg) when the
 *   transaction is known but the message does not hold.
 */
export function readPkiMessage(der: Buffer): PkiRequest {
  let parts: SignedParts;
  try {
    parts = signedPartsOf(der);
  } catch (error) {
    throw new ScepMalformed(`not a CMS SignedData with one signer (${(error as Error).message})`);
  }
  const attribute = (oid: string) => parts.attributes.get(oid);
  const transactionId = textOf(attribute(OID.transactionId));
  const nonce = attribute(OID.senderNonce);
  const messageType = textOf(attribute(OID.messageType));
  if (!transactionId || !isOctetString(nonce) || !messageType)
    throw new ScepMalformed('the SignedData lacks transactionID, senderNonce or messageType');
  const senderNonce = Buffer.from(octetsOf(nonce));
  const digest = DIGESTS[parts.digestOid];
  const request: PkiHeader = { messageType, transactionId, senderNonce, digest: digest ?? 'sha256' };
  const refuse = (failInfo: ScepFailInfo, message: string) => new ScepRefusal(failInfo, message, request);

  const signerCertificate =
    parts.serialNumber === null
      ? parts.certificates[0]
      : parts.certificates.find((c) => normalizedSerial(c.serialNumber) === parts.serialNumber);
  if (!signerCertificate) throw new ScepMalformed("the signer's certificate is not in the SignedData");

  if (!digest) throw refuse('badAlg', `unsupported digest ${parts.digestOid}`);
  if (!parts.content) throw refuse('badRequest', 'the PKIMessage carries no content');
  const envelopedData = parts.content;
  const messageDigest = attribute(OID.messageDigest);
  if (!isOctetString(messageDigest) || !parts.signedAttributes)
    throw refuse('badMessageCheck', 'the signed attributes hold no message digest');
  if (!crypto.createHash(digest).update(envelopedData).digest().equals(octetsOf(messageDigest)))
    throw refuse('badMessageCheck', 'the message digest does not match the content');
  const signatureDigest = SIGNATURES[parts.signatureOid];
  if (signatureDigest === undefined) throw refuse('badAlg', `unsupported signature ${parts.signatureOid}`);
  let valid: boolean;
  try {
    valid = crypto.verify(signatureDigest ?? digest, parts.signedAttributes, signerCertificate.publicKey, parts.signature);
  } catch {
    valid = false;
  }
  if (!valid) throw refuse('badMessageCheck', 'the signature does not verify with the signer certificate');
  return { ...request, digest, signerCertificate, envelopedData };
}

/** What a one-signer SignedData holds, read with the DER reader (PKI.js's schema matching costs milliseconds a message). */
interface SignedParts {
  readonly content: Buffer | null;
  readonly certificates: readonly crypto.X509Certificate[];
  /** The SignerInfo's serial, upper-case hex without leading zeros; null for a subject key identifier. */
  readonly serialNumber: string | null;
  readonly digestOid: string;
  readonly signatureOid: string;
  /** The signed attributes as signed (re-tagged as a SET), null when absent. */
  readonly signedAttributes: Buffer | null;
  /** Each signed attribute's first value, by OID. */
  readonly attributes: ReadonlyMap<string, Tlv>;
  readonly signature: Buffer;
}

function signedPartsOf(der: Buffer): SignedParts {
  const [type, wrapped] = childrenOf(readDer(der));
  if (oidOf(type) !== OID.signedData || !isContext(wrapped, 0)) throw new Error('not SignedData');
  const signedData = childrenOf(childrenOf(wrapped)[0]);
  const encapsulated = childrenOf(signedData[2]);
  const content = isContext(encapsulated[1], 0) ? Buffer.from(octetsOf(childrenOf(encapsulated[1])[0]!)) : null;
  const certificates = signedData
    .filter((block) => isContext(block, 0))
    .flatMap(childrenOf)
    .map((block) => new crypto.X509Certificate(encodingOf(block)));
  const signerInfos = childrenOf(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) throw new Error(`${signerInfos.length} signers`);
  const fields = childrenOf(signerInfos[0]);
  const sid = fields[1]!;
  const hasAttributes = isContext(fields[3], 0);
  const attributes = new Map<string, Tlv>();
  for (const attribute of hasAttributes ? childrenOf(fields[3]) : []) {
    const [oid, values] = childrenOf(attribute);
    const first = childrenOf(values)[0];
    if (first) attributes.set(oidOf(oid), first);
  }
  let signedAttributes: Buffer | null = null;
  if (hasAttributes) {
    // The signature covers the attributes under a SET tag, not their [0] IMPLICIT one (RFC 5652 section 5.4).
    signedAttributes = Buffer.from(encodingOf(fields[3]!));
    signedAttributes[0] = TAG.SET;
  }
  const at = hasAttributes ? 4 : 3;
  return {
    content,
    certificates,
    serialNumber: sid.tag === TAG.SEQUENCE ? integerHexOf(childrenOf(sid)[1]) : null,
    digestOid: oidOf(childrenOf(fields[2])[0]),
    signatureOid: oidOf(childrenOf(fields[at])[0]),
    signedAttributes,
    attributes,
    signature: octetsOf(fields[at + 1]!),
  };
}

/**
 * RSA PKCS#1 v1.5 key transport undone: a raw RSA operation, then the padding checked as a whole.
 * A bad block yields a random key of the right length (implicit rejection), so a wrong key and a
 * wrong padding fail the same way later, at the content's CBC padding or the CSR's parse.
 */
function rsaPkcs1Decrypt(key: crypto.KeyObject, encrypted: Buffer, keyLength: number): Buffer {
  const block = crypto.privateDecrypt({ key, padding: crypto.constants.RSA_NO_PADDING }, encrypted);
  const separator = block.indexOf(0, 2);
  const good = block[0] === 0 && block[1] === 2 && separator >= 10 && block.length - separator - 1 === keyLength;
  return good ? block.subarray(separator + 1) : crypto.randomBytes(keyLength);
}

/** RSA PKCS#1 v1.5 encryption of a content key to `certificate` (the other direction: public key, which Node still allows). */
function rsaPkcs1Encrypt(publicKey: crypto.KeyObject, key: Buffer): Buffer {
  return crypto.publicEncrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, key);
}

/** An EnvelopedData's parts (RFC 5652 section 6.1): the first key transport recipient and the encrypted content. */
function envelopedPartsOf(der: Buffer) {
  const [type, wrapped] = childrenOf(readDer(der));
  const contentType = oidOf(type);
  if (contentType !== OID.envelopedData || !isContext(wrapped, 0)) throw new Error(`content type ${contentType}`);
  const fields = childrenOf(childrenOf(wrapped)[0]);
  // version, [0] originatorInfo (optional), recipientInfos, encryptedContentInfo, [1] unprotectedAttrs (optional).
  const at = isContext(fields[1], 0) ? 2 : 1;
  const recipients = childrenOf(expectTag(fields[at], TAG.SET));
  const [contentType2, algorithm, encrypted] = childrenOf(expectTag(fields[at + 1], TAG.SEQUENCE));
  oidOf(contentType2);
  const [cipherOid, parameters] = childrenOf(algorithm);
  return {
    // KeyTransRecipientInfo is the untagged SEQUENCE; the other kinds are [1] to [4].
    recipient: recipients.find((r) => r.tag === TAG.SEQUENCE),
    cipherOid: oidOf(cipherOid),
    iv: isOctetString(parameters) ? octetsOf(parameters) : null,
    encrypted: isContext(encrypted, 0) ? octetsOf(encrypted) : null,
  };
}

/**
 * The EnvelopedData's content, decrypted with `privateKey` (the key of the certificate the
 * requester encrypted to, Homeroom's CA).
 * @throws ScepRefusal badAlg (a cipher or key transport not offered), badMessageCheck (it does not decrypt).
 */
export function openEnvelope(der: Buffer, privateKey: crypto.KeyObject): { content: Buffer; cipherOid: string } {
  let parts: ReturnType<typeof envelopedPartsOf>;
  let transport: { algorithm: string; encryptedKey: Buffer } | null = null;
  try {
    parts = envelopedPartsOf(der);
    if (parts.recipient) {
      const fields = childrenOf(parts.recipient);
      transport = { algorithm: oidOf(childrenOf(fields[2])[0]), encryptedKey: octetsOf(expectTag(fields[3], TAG.OCTET_STRING)) };
    }
  } catch (error) {
    throw new ScepRefusal('badRequest', `the content is not a CMS EnvelopedData (${(error as Error).message})`);
  }
  if (!transport) throw new ScepRefusal('badAlg', 'the EnvelopedData has no key transport recipient');
  if (transport.algorithm !== OID.rsaEncryption) throw new ScepRefusal('badAlg', `unsupported key transport ${transport.algorithm}`);
  const cipher = parts.cipherOid === DES_CBC ? { keyLength: 8, ivLength: 8 } : CIPHERS[parts.cipherOid];
  if (!cipher) throw new ScepRefusal('badAlg', `unsupported content encryption ${parts.cipherOid}`);
  const { iv, encrypted } = parts;
  if (!iv || iv.length !== cipher.ivLength || !encrypted) throw new ScepRefusal('badRequest', 'the encrypted content or its IV is missing');
  try {
    const key = rsaPkcs1Decrypt(privateKey, transport.encryptedKey, cipher.keyLength);
    const content = decrypt(parts.cipherOid, key, iv, encrypted);
    // A wrong key is replaced by a random one (no padding oracle), and about 1 in 256 random keys still ends in
    // valid CBC padding: what SCEP envelopes (a PKCS#10, an IssuerAndSubject) is one DER SEQUENCE, which garbage is not.
    expectTag(readDer(content), TAG.SEQUENCE);
    // What the CertRep is encrypted with: the request's cipher, AES-128 in place of single DES.
    return { content, cipherOid: parts.cipherOid === DES_CBC ? AES_128_CBC : parts.cipherOid };
  } catch {
    throw new ScepRefusal('badMessageCheck', 'the EnvelopedData does not decrypt with the CA key');
  }
}

/** A PKCS#10 request, its self-signature checked. */
export interface CertificateRequest {
  /** The subject's commonName, null when it has none. */
  readonly commonName: string | null;
  /** The subject's serialNumber attribute, null when it has none. */
  readonly subjectSerialNumber: string | null;
  readonly challengePassword: string | null;
  /** DER SubjectPublicKeyInfo. */
  readonly spki: Buffer;
}

/** A Name's (RDNSequence's) first value of attribute type `oid`, as text. */
function nameValue(name: Tlv, oid: string): string | null {
  for (const rdn of childrenOf(name))
    for (const pair of childrenOf(rdn)) {
      const [type, value] = childrenOf(pair);
      if (oidOf(type) === oid) return textOf(value);
    }
  return null;
}

/** @throws ScepRefusal badRequest (not a PKCS#10), badMessageCheck (its signature does not verify). */
export function readCertificateRequest(der: Buffer): CertificateRequest {
  let request: { tbs: Buffer; subject: Tlv; spki: Buffer; attributes: Tlv | undefined; signatureOid: string; signature: Buffer };
  try {
    // CertificationRequest: info (version, subject, subjectPKInfo, [0] attributes), signatureAlgorithm, signature BIT STRING.
    const [info, algorithm, signature] = childrenOf(readDer(der));
    const fields = childrenOf(expectTag(info, TAG.SEQUENCE));
    request = {
      tbs: encodingOf(info!),
      subject: expectTag(fields[1], TAG.SEQUENCE),
      spki: Buffer.from(encodingOf(expectTag(fields[2], TAG.SEQUENCE))),
      attributes: isContext(fields[3], 0) ? fields[3] : undefined,
      signatureOid: oidOf(childrenOf(algorithm)[0]),
      // A BIT STRING's first byte counts its unused bits.
      signature: contentOf(expectTag(signature, TAG.BIT_STRING)).subarray(1),
    };
  } catch (error) {
    throw new ScepRefusal('badRequest', `the content is not a PKCS#10 request (${(error as Error).message})`);
  }
  const digest = SIGNATURES[request.signatureOid];
  if (!digest) throw new ScepRefusal('badAlg', `unsupported request signature ${request.signatureOid}`);
  let valid: boolean;
  try {
    valid = crypto.verify(
      digest,
      request.tbs,
      crypto.createPublicKey({ key: request.spki, format: 'der', type: 'spki' }),
      request.signature,
    );
  } catch {
    valid = false;
  }
  if (!valid) throw new ScepRefusal('badMessageCheck', "the request's signature does not verify with its own key");
  let challengePassword: string | null = null;
  try {
    for (const attribute of request.attributes ? childrenOf(request.attributes) : []) {
      const [type, values] = childrenOf(attribute);
      if (oidOf(type) === OID.challengePassword) challengePassword = textOf(childrenOf(values)[0]);
    }
    return {
      commonName: nameValue(request.subject, OID.commonName),
      subjectSerialNumber: nameValue(request.subject, OID.serialNumber),
      challengePassword,
      spki: request.spki,
    };
  } catch (error) {
    throw new ScepRefusal('badRequest', `the request's subject or attributes do not read (${(error as Error).message})`);
  }
}

/** A certificate's IssuerAndSerialNumber (RFC 5652 section 10.2.4), DER, made once per certificate object. */
const issuerAndSerials = new WeakMap<crypto.X509Certificate, Buffer>();
function issuerAndSerialOf(certificate: crypto.X509Certificate): Buffer {
  let encoded = issuerAndSerials.get(certificate);
  if (!encoded) {
    const tbs = childrenOf(childrenOf(readDer(Buffer.from(certificate.raw)))[0]);
    // TBSCertificate: [0] version (absent for v1), serialNumber, signature, issuer, ...
    const at = isContext(tbs[0], 0) ? 1 : 0;
    encoded = sequence(encodingOf(tbs[at + 2]!), encodingOf(tbs[at]!));
    issuerAndSerials.set(certificate, encoded);
  }
  return encoded;
}

/** An EnvelopedData (ContentInfo, DER) of `content` for `recipient`, with the cipher `cipherOid`. */
export function sealEnvelope(content: Buffer, recipient: crypto.X509Certificate, cipherOid: string): Buffer {
  const cipher = CIPHERS[cipherOid]!;
  const key = crypto.randomBytes(cipher.keyLength);
  const iv = crypto.randomBytes(cipher.ivLength);
  const encryptor = crypto.createCipheriv(cipher.name, key, iv);
  const encrypted = Buffer.concat([encryptor.update(content), encryptor.final()]);
  const recipientInfo = sequence(
    integer(0),
    issuerAndSerialOf(recipient),
    algorithm(OID.rsaEncryption),
    octetString(rsaPkcs1Encrypt(recipient.publicKey, key)),
  );
  const enveloped = sequence(
    integer(0),
    set(recipientInfo),
    sequence(oid(OID.data), algorithm(cipherOid, octetString(iv)), tlv(contextTag(0, true), encrypted)),
  );
  return sequence(oid(OID.envelopedData), tlv(contextTag(0), enveloped));
}

/** A SignedData ContentInfo (RFC 5652 section 5.1), version 1, `certificates` DER, `signerInfos` the encoded SignerInfos. */
function signedData(options: {
  digestAlgorithms: Buffer[];
  content: Buffer | null;
  certificates: readonly Buffer[];
  signerInfos: Buffer[];
}): Buffer {
  const signed = sequence(
    integer(1),
    set(...options.digestAlgorithms),
    sequence(oid(OID.data), ...(options.content ? [tlv(contextTag(0), octetString(options.content))] : [])),
    tlv(contextTag(0), ...options.certificates),
    set(...options.signerInfos),
  );
  return sequence(oid(OID.signedData), tlv(contextTag(0), signed));
}

/** A degenerate certs-only SignedData (ContentInfo, DER): how SCEP hands out certificates (also GetCACert's chain). */
export function certificatesOnly(certificates: readonly Buffer[]): Buffer {
  return signedData({ digestAlgorithms: [], content: null, certificates, signerInfos: [] });
}

/** An Attribute (type, SET of one value), DER. */
const attribute = (type: string, value: Buffer) => sequence(oid(type), set(value));

/** The signer of CertReps: Homeroom's CA. */
export interface ScepSigner {
  readonly certificate: crypto.X509Certificate;
  readonly privateKey: crypto.KeyObject;
}

/** What a CertRep says. */
export type CertRepOutcome =
  | { readonly status: 'SUCCESS'; readonly certificates: readonly Buffer[]; readonly cipherOid: string }
  | { readonly status: 'FAILURE'; readonly failInfo: ScepFailInfo };

/**
 * The CertRep for `request` (section 3.3.2): signed by `signer` with the request's digest, with
 * transactionID, a fresh senderNonce and the request's nonce as recipientNonce; on SUCCESS the
 * certificates go in a certs-only SignedData, enveloped to the requester's certificate.
 */
export function certRep(
  request: Pick<PkiRequest, 'transactionId' | 'senderNonce' | 'digest'> & { readonly signerCertificate: crypto.X509Certificate | null },
  outcome: CertRepOutcome,
  signer: ScepSigner,
): Buffer {
  const digest = DIGEST_OIDS[request.digest] ? request.digest : 'sha256';
  const content =
    outcome.status === 'SUCCESS' && request.signerCertificate
      ? sealEnvelope(certificatesOnly(outcome.certificates), request.signerCertificate, outcome.cipherOid)
      : null;
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(new Date())),
    attribute(OID.messageType, printableString(SCEP_MESSAGE_TYPES.CertRep)),
    attribute(OID.pkiStatus, printableString(outcome.status === 'SUCCESS' ? '0' : '2')),
    ...(outcome.status === 'FAILURE' ? [attribute(OID.failInfo, printableString(FAIL_INFO[outcome.failInfo]))] : []),
    attribute(OID.transactionId, printableString(request.transactionId)),
    attribute(OID.senderNonce, octetString(crypto.randomBytes(16))),
    attribute(OID.recipientNonce, octetString(request.senderNonce)),
    attribute(
      OID.messageDigest,
      octetString(
        crypto
          .createHash(digest)
          .update(content ?? Buffer.alloc(0))
          .digest(),
      ),
    ),
    // DER's SET OF order (by encoding): verifiers that re-encode the signed attributes before checking (Go's pkcs7, used by micromdm's scep) sort them.
  ].sort(Buffer.compare);
  const toSign = set(...attributes);
  const signedAttributes = Buffer.from(toSign);
  signedAttributes[0] = contextTag(0);
  const digestAlgorithm = algorithm(DIGEST_OIDS[digest]!);
  const signerInfo = sequence(
    integer(1),
    issuerAndSerialOf(signer.certificate),
    digestAlgorithm,
    signedAttributes,
    algorithm(OID.rsaEncryption),
    octetString(crypto.sign(digest, toSign, signer.privateKey)),
  );
  return signedData({
    digestAlgorithms: [digestAlgorithm],
    content,
    certificates: [Buffer.from(signer.certificate.raw)],
    signerInfos: [signerInfo],
  });
}
