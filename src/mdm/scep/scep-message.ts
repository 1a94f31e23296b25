/**
 * SCEP messages (RFC 8894) as Homeroom's SCEP endpoint reads and writes them: the requester's
 * PKIMessage (a CMS SignedData, signed by the requester's own, usually self-signed, certificate,
 * over an EnvelopedData encrypted to Homeroom's CA, holding a PKCS#10 request), and the CertRep
 * answer (a SignedData signed by the CA, over an EnvelopedData encrypted to the requester's
 * certificate, holding a degenerate certs-only SignedData with the issued certificate).
 *
 * PKI.js lays out and reads the structures; Node's OpenSSL does every key operation. Node refuses
 * PKCS#1 v1.5 decryption since the Marvin advisory (CVE-2023-46809), which RFC 8894 key transport
 * uses, so the padding is checked here after a raw RSA operation, without branching on where it
 * fails, and every decryption failure answers the same badMessageCheck.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';

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

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  challengePassword: '1.2.840.113549.1.9.7',
  extensionRequest: '1.2.840.113549.1.9.14',
  rsaEncryption: '1.2.840.113549.1.1.1',
  messageType: '2.16.840.1.113733.1.9.2',
  pkiStatus: '2.16.840.1.113733.1.9.3',
  failInfo: '2.16.840.1.113733.1.9.4',
  senderNonce: '2.16.840.1.113733.1.9.5',
  recipientNonce: '2.16.840.1.113733.1.9.6',
  transactionId: '2.16.840.1.113733.1.9.7',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
} as const;

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

export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** An OCTET STRING's bytes, also when BER splits it into pieces. */
function octetsOf(block: asn1js.BaseBlock): Buffer {
  // Primitive: the bytes. Constructed (BER pieces, or an IMPLICIT [0] PKI.js writes in pieces): the pieces' bytes.
  const pieces = (block.valueBlock as { value?: unknown }).value;
  if (block.idBlock.isConstructed && Array.isArray(pieces))
    return Buffer.concat((pieces as asn1js.BaseBlock[]).map((piece) => octetsOf(piece)));
  return Buffer.from((block.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView);
}

/** A PrintableString / UTF8String / IA5String attribute value as text. */
function textOf(value: unknown): string | null {
  const block = value as { valueBlock?: { value?: unknown } } | undefined;
  return typeof block?.valueBlock?.value === 'string' ? block.valueBlock.value : null;
}

/** What identifies a transaction, enough to answer it. */
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
  if (!transactionId || !(nonce instanceof asn1js.OctetString) || !messageType)
    throw new ScepMalformed('the SignedData lacks transactionID, senderNonce or messageType');
  const senderNonce = octetsOf(nonce);
  const digest = DIGESTS[parts.digestOid];
  const request: PkiHeader = { messageType, transactionId, senderNonce, digest: digest ?? 'sha256' };
  const refuse = (failInfo: ScepFailInfo, message: string) => new ScepRefusal(failInfo, message, request);

  const signerCertificate =
    parts.serialNumber === null
      ? parts.certificates[0]
      : parts.certificates.find((c) => c.serialNumber.toUpperCase().replace(/^0+/, '') === parts.serialNumber);
  if (!signerCertificate) throw new ScepMalformed("the signer's certificate is not in the SignedData");

  if (!digest) throw refuse('badAlg', `unsupported digest ${parts.digestOid}`);
  if (!parts.content) throw refuse('badRequest', 'the PKIMessage carries no content');
  const envelopedData = parts.content;
  const messageDigest = attribute(OID.messageDigest);
  if (!(messageDigest instanceof asn1js.OctetString) || !parts.signedAttributes)
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

/** What a one-signer SignedData holds, read with asn1js alone (PKI.js's schema matching costs milliseconds a message). */
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
  readonly attributes: ReadonlyMap<string, asn1js.AsnType>;
  readonly signature: Buffer;
}

const childrenOf = (block: asn1js.AsnType | undefined): asn1js.AsnType[] => {
  const value = (block as asn1js.Constructed | undefined)?.valueBlock?.value;
  if (!block || !(block as asn1js.BaseBlock).idBlock.isConstructed || !Array.isArray(value))
    throw new Error('expected a constructed value');
  return value as asn1js.AsnType[];
};
const oidOf = (block: asn1js.AsnType | undefined) => {
  if (!(block instanceof asn1js.ObjectIdentifier)) throw new Error('expected an OID');
  return block.valueBlock.toString();
};
const isContext = (block: asn1js.AsnType | undefined, tag: number) =>
  block !== undefined && (block as asn1js.BaseBlock).idBlock.tagClass === 3 && (block as asn1js.BaseBlock).idBlock.tagNumber === tag;

function signedPartsOf(der: Buffer): SignedParts {
  const parsed = asn1js.fromBER(arrayBufferOf(der));
  if (parsed.offset === -1) throw new Error('not DER or BER');
  const [type, wrapped] = childrenOf(parsed.result);
  if (oidOf(type) !== OID.signedData) throw new Error('not SignedData');
  const signedData = childrenOf(childrenOf(wrapped)[0]);
  const encapsulated = childrenOf(signedData[2]);
  const content = isContext(encapsulated[1], 0) ? octetsOf(childrenOf(encapsulated[1])[0] as asn1js.BaseBlock) : null;
  const certificates = signedData
    .filter((block) => isContext(block, 0))
    .flatMap(childrenOf)
    .map((block) => new crypto.X509Certificate(Buffer.from((block as asn1js.BaseBlock).valueBeforeDecodeView)));
  const signerInfos = childrenOf(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) throw new Error(`${signerInfos.length} signers`);
  const fields = childrenOf(signerInfos[0]);
  const sid = fields[1] as asn1js.BaseBlock;
  const serial = sid.idBlock.tagClass === 1 ? (childrenOf(sid)[1] as asn1js.Integer) : null;
  const hasAttributes = isContext(fields[3], 0);
  const attributes = new Map<string, asn1js.AsnType>();
  for (const attribute of hasAttributes ? childrenOf(fields[3]) : []) {
    const [oid, values] = childrenOf(attribute);
    const first = childrenOf(values)[0];
    if (first) attributes.set(oidOf(oid), first);
  }
  let signedAttributes: Buffer | null = null;
  if (hasAttributes) {
    // The signature covers the attributes under a SET tag, not their [0] IMPLICIT one (RFC 5652 section 5.4).
    signedAttributes = Buffer.from((fields[3] as asn1js.BaseBlock).valueBeforeDecodeView);
    signedAttributes[0] = 0x31;
  }
  const at = hasAttributes ? 4 : 3;
  return {
    content,
    certificates,
    serialNumber: serial ? Buffer.from(serial.valueBlock.valueHexView).toString('hex').toUpperCase().replace(/^0+/, '') : null,
    digestOid: oidOf(childrenOf(fields[2])[0]),
    signatureOid: oidOf(childrenOf(fields[at])[0]),
    signedAttributes,
    attributes,
    signature: octetsOf(fields[at + 1] as asn1js.BaseBlock),
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

/**
 * The EnvelopedData's content, decrypted with `privateKey` (the key of the certificate the
 * requester encrypted to, Homeroom's CA).
 * @throws ScepRefusal badAlg (a cipher or key transport not offered), badMessageCheck (it does not decrypt).
 */
export function openEnvelope(der: Buffer, privateKey: crypto.KeyObject): { content: Buffer; cipherOid: string } {
  let enveloped: pkijs.EnvelopedData;
  try {
    const info = pkijs.ContentInfo.fromBER(arrayBufferOf(der));
    if (info.contentType !== OID.envelopedData) throw new Error(`content type ${info.contentType}`);
    enveloped = new pkijs.EnvelopedData({ schema: info.content });
  } catch (error) {
    throw new ScepRefusal('badRequest', `the content is not a CMS EnvelopedData (${(error as Error).message})`);
  }
  const recipient = enveloped.recipientInfos.find((r) => r.variant === 1)?.value as pkijs.KeyTransRecipientInfo | undefined;
  if (!recipient) throw new ScepRefusal('badAlg', 'the EnvelopedData has no key transport recipient');
  if (recipient.keyEncryptionAlgorithm.algorithmId !== OID.rsaEncryption)
    throw new ScepRefusal('badAlg', `unsupported key transport ${recipient.keyEncryptionAlgorithm.algorithmId}`);
  const encryption = enveloped.encryptedContentInfo.contentEncryptionAlgorithm;
  const cipher = encryption.algorithmId === DES_CBC ? { keyLength: 8, ivLength: 8 } : CIPHERS[encryption.algorithmId];
  if (!cipher) throw new ScepRefusal('badAlg', `unsupported content encryption ${encryption.algorithmId}`);
  const iv = encryption.algorithmParams instanceof asn1js.OctetString ? octetsOf(encryption.algorithmParams) : null;
  const encrypted = enveloped.encryptedContentInfo.encryptedContent;
  if (!iv || iv.length !== cipher.ivLength || !encrypted) throw new ScepRefusal('badRequest', 'the encrypted content or its IV is missing');
  try {
    const key = rsaPkcs1Decrypt(privateKey, octetsOf(recipient.encryptedKey), cipher.keyLength);
    const content = decrypt(encryption.algorithmId, key, iv, octetsOf(encrypted));
    // What the CertRep is encrypted with: the request's cipher, AES-128 in place of single DES.
    return { content, cipherOid: encryption.algorithmId === DES_CBC ? AES_128_CBC : encryption.algorithmId };
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

/** @throws ScepRefusal badRequest (not a PKCS#10), badMessageCheck (its signature does not verify). */
export function readCertificateRequest(der: Buffer): CertificateRequest {
  let request: pkijs.CertificationRequest;
  try {
    request = pkijs.CertificationRequest.fromBER(arrayBufferOf(der));
  } catch (error) {
    throw new ScepRefusal('badRequest', `the content is not a PKCS#10 request (${(error as Error).message})`);
  }
  const spki = Buffer.from(request.subjectPublicKeyInfo.toSchema().toBER(false));
  const digest = SIGNATURES[request.signatureAlgorithm.algorithmId];
  if (!digest) throw new ScepRefusal('badAlg', `unsupported request signature ${request.signatureAlgorithm.algorithmId}`);
  let valid: boolean;
  try {
    valid = crypto.verify(
      digest,
      Buffer.from(request.tbsView),
      crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' }),
      Buffer.from(request.signatureValue.valueBlock.valueHexView),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw new ScepRefusal('badMessageCheck', "the request's signature does not verify with its own key");
  const subject = (oid: string) => textOf(request.subject.typesAndValues.find((t) => t.type === oid)?.value);
  const challenge = request.attributes?.find((a) => a.type === OID.challengePassword)?.values[0];
  return {
    commonName: subject(OID.commonName),
    subjectSerialNumber: subject(OID.serialNumber),
    challengePassword: textOf(challenge),
    spki,
  };
}

function printable(value: string): asn1js.PrintableString {
  return new asn1js.PrintableString({ value });
}

/** PKI.js's reading of a certificate, once per certificate object (parsing is most of what building a CertRep costs). */
const parsedCertificates = new WeakMap<crypto.X509Certificate, pkijs.Certificate>();
function parsedCertificate(certificate: crypto.X509Certificate): pkijs.Certificate {
  let parsed = parsedCertificates.get(certificate);
  if (!parsed) {
    parsed = pkijs.Certificate.fromBER(arrayBufferOf(certificate.raw));
    parsedCertificates.set(certificate, parsed);
  }
  return parsed;
}

/** An EnvelopedData (ContentInfo, DER) of `content` for `recipient`, with the cipher `cipherOid`. */
export function sealEnvelope(content: Buffer, recipient: crypto.X509Certificate, cipherOid: string): Buffer {
  const cipher = CIPHERS[cipherOid]!;
  const key = crypto.randomBytes(cipher.keyLength);
  const iv = crypto.randomBytes(cipher.ivLength);
  const encryptor = crypto.createCipheriv(cipher.name, key, iv);
  const encrypted = Buffer.concat([encryptor.update(content), encryptor.final()]);
  const certificate = parsedCertificate(recipient);
  const enveloped = new pkijs.EnvelopedData({
    version: 0,
    recipientInfos: [
      new pkijs.RecipientInfo({
        variant: 1,
        value: new pkijs.KeyTransRecipientInfo({
          version: 0,
          rid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
          keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
          encryptedKey: new asn1js.OctetString({ valueHex: arrayBufferOf(rsaPkcs1Encrypt(recipient.publicKey, key)) }),
        }),
      }),
    ],
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentType: OID.data,
      contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: cipherOid,
        algorithmParams: new asn1js.OctetString({ valueHex: arrayBufferOf(iv) }),
      }),
      encryptedContent: new asn1js.OctetString({ valueHex: arrayBufferOf(encrypted) }),
    }),
  });
  const info = new pkijs.ContentInfo({ contentType: OID.envelopedData, content: enveloped.toSchema() });
  return Buffer.from(info.toSchema().toBER(false));
}

/** A degenerate certs-only SignedData (ContentInfo, DER): how SCEP hands out certificates (also GetCACert's chain). */
export function certificatesOnly(certificates: readonly Buffer[]): Buffer {
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: certificates.map((der) => pkijs.Certificate.fromBER(arrayBufferOf(der))),
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

/**
 * Attributes in DER's SET OF order (by their encodings): verifiers that re-encode the signed
 * attributes before checking the signature (Go's pkcs7, used by micromdm's scep) sort them.
 */
export function derSorted(attributes: readonly pkijs.Attribute[]): pkijs.Attribute[] {
  return attributes
    .map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ attribute }) => attribute);
}

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
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
    new pkijs.Attribute({ type: OID.messageType, values: [printable(SCEP_MESSAGE_TYPES.CertRep)] }),
    new pkijs.Attribute({ type: OID.pkiStatus, values: [printable(outcome.status === 'SUCCESS' ? '0' : '2')] }),
    ...(outcome.status === 'FAILURE'
      ? [new pkijs.Attribute({ type: OID.failInfo, values: [printable(FAIL_INFO[outcome.failInfo])] })]
      : []),
    new pkijs.Attribute({ type: OID.transactionId, values: [printable(request.transactionId)] }),
    new pkijs.Attribute({
      type: OID.senderNonce,
      values: [new asn1js.OctetString({ valueHex: arrayBufferOf(crypto.randomBytes(16)) })],
    }),
    new pkijs.Attribute({ type: OID.recipientNonce, values: [new asn1js.OctetString({ valueHex: arrayBufferOf(request.senderNonce) })] }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [
        new asn1js.OctetString({
          valueHex: arrayBufferOf(
            crypto
              .createHash(digest)
              .update(content ?? Buffer.alloc(0))
              .digest(),
          ),
        }),
      ],
    }),
  ];
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) });
  const toSign = Buffer.from(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  const caCertificate = parsedCertificate(signer.certificate);
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[digest]!, algorithmParams: new asn1js.Null() });
  const signed = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      ...(content ? { eContent: new asn1js.OctetString({ valueHex: arrayBufferOf(content) }) } : {}),
    }),
    certificates: [caCertificate],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: caCertificate.issuer, serialNumber: caCertificate.serialNumber }),
        digestAlgorithm,
        signedAttrs,
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
        signature: new asn1js.OctetString({ valueHex: arrayBufferOf(crypto.sign(digest, toSign, signer.privateKey)) }),
      }),
    ],
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}
