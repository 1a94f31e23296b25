/**
 * A virtual iPad's SCEP client (RFC 8894), for a profile whose identity payload is
 * `com.apple.security.scep`: as iOS does, the device asks GetCACaps and GetCACert, makes its RSA
 * key, signs a PKCS#10 request carrying the payload's challenge, encrypts it to the CA (AES when the
 * server offers it, else DES3), signs the PKIMessage with a self-signed certificate of the new key,
 * POSTs it (GET when the server does not offer POSTPKIOperation), and installs the certificate the
 * CertRep carries, once the CertRep's signature by the CA, transaction ID and nonce check out.
 *
 * A minimal DER reader and writer (`der.ts`) lays out the structures, Node's OpenSSL does the key operations. Key generation runs on
 * libuv's pool (`generateKeyPair`), or comes from `keys` when the caller made keys beforehand.
 * Node refuses PKCS#1 v1.5 decryption (CVE-2023-46809), so the CertRep's content key is unwrapped
 * after a raw RSA operation here, as Homeroom's server does.
 */
import crypto from 'node:crypto';
import type { ImportedIdentity } from './device-crypto.js';
import * as asn1 from '../../wire/der.js';
import { send, type Transport } from './http.js';
import { OID } from '../../wire/oids.js';

/** The `com.apple.security.scep` payload's content, as the device reads it. */
export interface ScepPayload {
  readonly url: string;
  readonly challenge: string | null;
  /** `Subject`: relative distinguished names, each `[type, value]` pairs (`[['O', 'School']], [['CN', 'serial']]`). */
  readonly subject: ReadonlyArray<ReadonlyArray<readonly [string, string]>>;
  readonly keySize: number;
  /** `Name`: sent as GetCACert's `message`. */
  readonly name: string | null;
}

/** A SCEP exchange that did not end with a certificate; `reason` is what the trace and the failure show. */
export class ScepEnrollmentError extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number,
  ) {
    super(reason);
    this.name = 'ScepEnrollmentError';
  }
}

/** Where the device's new keys come from: Node's generator by default. */
export type KeySource = (bits: number) => Promise<crypto.KeyObject>;

export const generateRsaKey: KeySource = (bits) =>
  new Promise((resolve, reject) =>
    crypto.generateKeyPair('rsa', { modulusLength: bits }, (error, _publicKey, privateKey) =>
      error ? reject(error) : resolve(privateKey),
    ),
  );

const NAME_TYPES: Readonly<Record<string, string>> = {
  CN: '2.5.4.3',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  C: '2.5.4.6',
  SERIALNUMBER: '2.5.4.5',
};
const CIPHERS: Readonly<Record<string, { name: string; keyLength: number; ivLength: number }>> = {
  [OID.aes128Cbc]: { name: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
  [OID.desEde3Cbc]: { name: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
};
const FAIL_INFOS = ['badAlg', 'badMessageCheck', 'badRequest', 'badTime', 'badCertId'];

/** A Name (RDNSequence), each attribute in its own RDN, values as UTF8String. */
function nameOf(subject: ScepPayload['subject']): Buffer {
  return asn1.sequence(
    ...subject
      .flat()
      .map(([type, value]) => asn1.set(asn1.sequence(asn1.oid(NAME_TYPES[type.toUpperCase()] ?? type), asn1.utf8String(value)))),
  );
}

const SHA256_WITH_RSA = asn1.algorithm(OID.sha256WithRsa);
/** A BIT STRING of whole bytes (no unused bits). */
const bitString = (bytes: Buffer) => asn1.tlv(asn1.TAG.BIT_STRING, Buffer.from([0]), bytes);

/** The self-signed certificate the PKIMessage is signed with (RFC 8894 section 2.3), DER, and its IssuerAndSerialNumber. */
function selfSigned(key: crypto.KeyObject, spki: Buffer, subject: Buffer): { der: Buffer; issuerAndSerial: Buffer } {
  const serial = asn1.integer(Buffer.concat([Buffer.from([0x01]), crypto.randomBytes(8)]));
  const now = Date.now();
  const tbs = asn1.sequence(
    asn1.tlv(asn1.contextTag(0), asn1.integer(2)),
    serial,
    SHA256_WITH_RSA,
    subject,
    asn1.sequence(asn1.time(new Date(now - 3_600_000)), asn1.time(new Date(now + 7 * 86_400_000))),
    subject,
    spki,
  );
  return {
    der: asn1.sequence(tbs, SHA256_WITH_RSA, bitString(crypto.sign('sha256', tbs, key))),
    issuerAndSerial: asn1.sequence(subject, serial),
  };
}

/** The PKCS#10 request with the challenge. */
function certificationRequest(key: crypto.KeyObject, spki: Buffer, subject: Buffer, challenge: string | null): Buffer {
  const attributes = challenge ? [asn1.sequence(asn1.oid(OID.challengePassword), asn1.set(asn1.utf8String(challenge)))] : [];
  const info = asn1.sequence(asn1.integer(0), subject, spki, asn1.tlv(asn1.contextTag(0), ...attributes));
  return asn1.sequence(info, SHA256_WITH_RSA, bitString(crypto.sign('sha256', info, key)));
}

/** A certificate's IssuerAndSerialNumber (RFC 5652 section 10.2.4), DER. */
function issuerAndSerialOf(certificate: crypto.X509Certificate): Buffer {
  const tbs = asn1.childrenOf(asn1.childrenOf(asn1.readDer(Buffer.from(certificate.raw)))[0]);
  // TBSCertificate: [0] version (absent for v1), serialNumber, signature, issuer, ...
  const at = asn1.isContext(tbs[0], 0) ? 1 : 0;
  return asn1.sequence(asn1.encodingOf(tbs[at + 2]!), asn1.encodingOf(tbs[at]!));
}

/** The request encrypted to the CA: an EnvelopedData with one RSA key-transport recipient. */
function envelope(content: Buffer, ca: crypto.X509Certificate, cipherOid: string): Buffer {
  const cipher = CIPHERS[cipherOid]!;
  const key = crypto.randomBytes(cipher.keyLength);
  const iv = crypto.randomBytes(cipher.ivLength);
  const encryptor = crypto.createCipheriv(cipher.name, key, iv);
  const encrypted = Buffer.concat([encryptor.update(content), encryptor.final()]);
  const recipient = asn1.sequence(
    asn1.integer(0),
    issuerAndSerialOf(ca),
    asn1.algorithm(OID.rsaEncryption),
    asn1.octetString(crypto.publicEncrypt({ key: ca.publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, key)),
  );
  const enveloped = asn1.sequence(
    asn1.integer(0),
    asn1.set(recipient),
    asn1.sequence(asn1.oid(OID.data), asn1.algorithm(cipherOid, asn1.octetString(iv)), asn1.tlv(asn1.contextTag(0, true), encrypted)),
  );
  return asn1.sequence(asn1.oid(OID.envelopedData), asn1.tlv(asn1.contextTag(0), enveloped));
}

/** The PKIMessage: SignedData over the envelope, with SCEP's signed attributes. */
function pkiMessage(
  content: Buffer,
  signer: { certificate: Buffer; issuerAndSerial: Buffer; key: crypto.KeyObject },
  transactionId: string,
  senderNonce: Buffer,
): Buffer {
  const attribute = (type: string, value: Buffer) => asn1.sequence(asn1.oid(type), asn1.set(value));
  const toSign = asn1.set(
    attribute(OID.contentType, asn1.oid(OID.data)),
    attribute(OID.messageType, asn1.printableString('19')),
    attribute(OID.transactionId, asn1.printableString(transactionId)),
    attribute(OID.senderNonce, asn1.octetString(senderNonce)),
    attribute(OID.messageDigest, asn1.octetString(crypto.createHash('sha256').update(content).digest())),
  );
  // Sent as [0] IMPLICIT; signed as the SET.
  const signedAttributes = Buffer.from(toSign);
  signedAttributes[0] = asn1.contextTag(0);
  const digestAlgorithm = asn1.algorithm(OID.sha256);
  const signerInfo = asn1.sequence(
    asn1.integer(1),
    signer.issuerAndSerial,
    digestAlgorithm,
    signedAttributes,
    asn1.algorithm(OID.rsaEncryption),
    asn1.octetString(crypto.sign('sha256', toSign, signer.key)),
  );
  const signed = asn1.sequence(
    asn1.integer(1),
    asn1.set(digestAlgorithm),
    asn1.sequence(asn1.oid(OID.data), asn1.tlv(asn1.contextTag(0), asn1.octetString(content))),
    asn1.tlv(asn1.contextTag(0), signer.certificate),
    asn1.set(signerInfo),
  );
  return asn1.sequence(asn1.oid(OID.signedData), asn1.tlv(asn1.contextTag(0), signed));
}

/** A PKCSReq for `key`, ready to send: the PKIMessage, and what its CertRep must echo. */
export function scepRequest(input: {
  readonly ca: crypto.X509Certificate;
  readonly key: crypto.KeyObject;
  readonly subject: ScepPayload['subject'];
  readonly challenge: string | null;
  /** AES-128-CBC unless given (DES3: `1.2.840.113549.3.7`). */
  readonly cipherOid?: string;
}): { message: Buffer; transactionId: string; senderNonce: Buffer; spki: Buffer } {
  const spki = crypto.createPublicKey(input.key).export({ type: 'spki', format: 'der' });
  const subject = nameOf(input.subject);
  const request = certificationRequest(input.key, spki, subject, input.challenge);
  const transactionId = crypto.createHash('sha256').update(spki).digest('hex');
  const senderNonce = crypto.randomBytes(16);
  const certificate = selfSigned(input.key, spki, subject);
  const message = pkiMessage(
    envelope(request, input.ca, input.cipherOid ?? OID.aes128Cbc),
    { certificate: certificate.der, issuerAndSerial: certificate.issuerAndSerial, key: input.key },
    transactionId,
    senderNonce,
  );
  return { message, transactionId, senderNonce, spki };
}

/** A SignedData ContentInfo's fields (version, digestAlgorithms, encapContentInfo, [0] certificates?, ..., signerInfos). */
function signedDataFields(der: Buffer): asn1.Tlv[] {
  const [type, wrapped] = asn1.childrenOf(asn1.readDer(der));
  if (asn1.oidOf(type) !== OID.signedData || !asn1.isContext(wrapped, 0)) throw new Error('not SignedData');
  return asn1.childrenOf(asn1.childrenOf(wrapped)[0]);
}

/** The certificates (DER) a SignedData carries. */
function certificatesIn(fields: readonly asn1.Tlv[]): Buffer[] {
  return fields
    .filter((field) => asn1.isContext(field, 0))
    .flatMap(asn1.childrenOf)
    .filter((block) => block.tag === asn1.TAG.SEQUENCE)
    .map((block) => Buffer.from(asn1.encodingOf(block)));
}

/** What the CertRep's one SignerInfo holds. */
interface CertRepParts {
  readonly digestOid: string;
  readonly signedAttributes: Buffer;
  readonly attributes: ReadonlyMap<string, asn1.Tlv>;
  readonly signature: Buffer;
  readonly content: Buffer | null;
}

function certRepPartsOf(body: Buffer): CertRepParts | null {
  const fields = signedDataFields(body);
  const encapsulated = asn1.childrenOf(fields[2]);
  const signerInfo = asn1.childrenOf(fields[fields.length - 1])[0];
  if (!signerInfo) return null;
  const info = asn1.childrenOf(signerInfo);
  if (!asn1.isContext(info[3], 0)) return null;
  const attributes = new Map<string, asn1.Tlv>();
  for (const attribute of asn1.childrenOf(info[3])) {
    const [type, values] = asn1.childrenOf(attribute);
    const first = asn1.childrenOf(values)[0];
    if (first) attributes.set(asn1.oidOf(type), first);
  }
  const signedAttributes = Buffer.from(asn1.encodingOf(info[3]));
  signedAttributes[0] = asn1.TAG.SET;
  return {
    digestOid: asn1.oidOf(asn1.childrenOf(info[2])[0]),
    signedAttributes,
    attributes,
    signature: asn1.octetsOf(info[5]!),
    content: asn1.isContext(encapsulated[1], 0) ? asn1.octetsOf(asn1.childrenOf(encapsulated[1])[0]!) : null,
  };
}

/** The CertRep's certificates (DER), once it is the CA's answer to this transaction and says SUCCESS. @throws ScepEnrollmentError */
export function readCertRep(
  body: Buffer,
  ca: crypto.X509Certificate,
  key: crypto.KeyObject,
  transactionId: string,
  senderNonce: Buffer,
): Buffer[] {
  let parts: CertRepParts | null;
  try {
    parts = certRepPartsOf(body);
  } catch (error) {
    throw new ScepEnrollmentError(`the CertRep is not a CMS SignedData (${(error as Error).message})`);
  }
  if (!parts) throw new ScepEnrollmentError('the CertRep has no signed attributes');
  const { attributes } = parts;
  const digest = parts.digestOid === OID.sha256 ? 'sha256' : 'sha1';
  if (!crypto.verify(digest, parts.signedAttributes, ca.publicKey, parts.signature))
    throw new ScepEnrollmentError('the CertRep is not signed by the CA');
  if (asn1.textOf(attributes.get(OID.transactionId)) !== transactionId)
    throw new ScepEnrollmentError('the CertRep answers another transaction');
  const recipientNonce = attributes.get(OID.recipientNonce);
  if (recipientNonce?.tag !== asn1.TAG.OCTET_STRING || !asn1.octetsOf(recipientNonce).equals(senderNonce))
    throw new ScepEnrollmentError("the CertRep's recipientNonce is not the request's nonce");
  const status = asn1.textOf(attributes.get(OID.pkiStatus));
  if (status !== '0') {
    const failInfo = asn1.textOf(attributes.get(OID.failInfo));
    throw new ScepEnrollmentError(
      status === '2'
        ? `the SCEP server refused the request (${FAIL_INFOS[Number(failInfo)] ?? `failInfo ${failInfo}`})`
        : `pkiStatus ${status}`,
    );
  }
  if (!parts.content) throw new ScepEnrollmentError('the CertRep SUCCESS carries no content');
  // EnvelopedData: version, recipientInfos (the first a KeyTransRecipientInfo), encryptedContentInfo.
  const [, wrapped] = asn1.childrenOf(asn1.readDer(parts.content));
  const enveloped = asn1.childrenOf(asn1.childrenOf(wrapped)[0]);
  const at = asn1.isContext(enveloped[1], 0) ? 2 : 1;
  const recipient = asn1.childrenOf(asn1.childrenOf(enveloped[at])[0]);
  const [, algorithmOf, encrypted] = asn1.childrenOf(enveloped[at + 1]);
  const [cipherOid, iv] = asn1.childrenOf(algorithmOf);
  const cipher = CIPHERS[asn1.oidOf(cipherOid)];
  if (!cipher) throw new ScepEnrollmentError(`the CertRep uses cipher ${asn1.oidOf(cipherOid)}`);
  const block = crypto.privateDecrypt({ key, padding: crypto.constants.RSA_NO_PADDING }, asn1.octetsOf(recipient[3]!));
  const separator = block.indexOf(0, 2);
  if (block[0] !== 0 || block[1] !== 2 || separator < 10) throw new ScepEnrollmentError('the CertRep does not decrypt with the device key');
  const decipher = crypto.createDecipheriv(cipher.name, block.subarray(separator + 1), asn1.octetsOf(iv!));
  const inner = Buffer.concat([decipher.update(asn1.octetsOf(encrypted!)), decipher.final()]);
  return certificatesIn(signedDataFields(inner));
}

/** The CA certificate from GetCACert: one DER certificate, or the first CA of a certs-only PKCS#7 (CA and RA). */
function caCertificateOf(contentType: string, body: Buffer): crypto.X509Certificate {
  if (!contentType.startsWith('application/x-x509-ca-ra-cert')) return new crypto.X509Certificate(body);
  const certificates = certificatesIn(signedDataFields(body)).map((der) => new crypto.X509Certificate(der));
  // With an RA the request is encrypted to the RA (the one that is not a CA), which also signs the CertRep.
  const ra = certificates.find((c) => !c.ca);
  return ra ?? certificates[0]!;
}

/** Enrolls by SCEP as the payload says. @throws ScepEnrollmentError, DeviceHttpError */
export async function enrollByScep(
  payload: ScepPayload,
  options: { readonly transport: Transport; readonly keys?: KeySource },
): Promise<ImportedIdentity> {
  const url = (operation: string, extra = '') => `${payload.url}${payload.url.includes('?') ? '&' : '?'}operation=${operation}${extra}`;
  const caps = await send(url('GetCACaps'), { method: 'GET' }, options.transport);
  const capabilities =
    caps.status === 200
      ? caps.body
          .toString('utf8')
          .split(/\r?\n/)
          .map((c) => c.trim())
      : [];
  const caAnswer = await send(
    url('GetCACert', payload.name ? `&message=${encodeURIComponent(payload.name)}` : ''),
    { method: 'GET' },
    options.transport,
  );
  if (caAnswer.status !== 200) throw new ScepEnrollmentError(`GetCACert answered ${caAnswer.status}`, caAnswer.status);
  const ca = caCertificateOf(caAnswer.contentType, caAnswer.body);

  const key = await (options.keys ?? generateRsaKey)(payload.keySize);
  const cipherOid = capabilities.includes('AES') || capabilities.includes('SCEPStandard') ? OID.aes128Cbc : OID.desEde3Cbc;
  const { message, transactionId, senderNonce, spki } = scepRequest({
    ca,
    key,
    subject: payload.subject,
    challenge: payload.challenge,
    cipherOid,
  });
  const post = capabilities.includes('POSTPKIOperation') || capabilities.includes('SCEPStandard');
  const answer = post
    ? await send(
        url('PKIOperation'),
        { method: 'POST', headers: { 'content-type': 'application/x-pki-message' }, body: message },
        options.transport,
      )
    : await send(url('PKIOperation', `&message=${encodeURIComponent(message.toString('base64'))}`), { method: 'GET' }, options.transport);
  if (answer.status !== 200) throw new ScepEnrollmentError(`PKIOperation answered ${answer.status}`, answer.status);
  const issued = readCertRep(answer.body, ca, key, transactionId, senderNonce)
    .map((der) => new crypto.X509Certificate(der))
    .find((certificate) => certificate.publicKey.export({ type: 'spki', format: 'der' }).equals(spki));
  if (!issued) throw new ScepEnrollmentError('the CertRep holds no certificate for the device key');
  return {
    certificatePem: issued.toString(),
    certificateDer: Buffer.from(issued.raw),
    serialNumber: issued.serialNumber.toUpperCase(),
    privateKey: key,
  };
}
