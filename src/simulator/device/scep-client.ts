/**
 * A virtual iPad's SCEP client (RFC 8894), for a profile whose identity payload is
 * `com.apple.security.scep`: as iOS does, the device asks GetCACaps and GetCACert, makes its RSA
 * key, signs a PKCS#10 request carrying the payload's challenge, encrypts it to the CA (AES when the
 * server offers it, else DES3), signs the PKIMessage with a self-signed certificate of the new key,
 * POSTs it (GET when the server does not offer POSTPKIOperation), and installs the certificate the
 * CertRep carries, once the CertRep's signature by the CA, transaction ID and nonce check out.
 *
 * PKI.js lays out the structures, Node's OpenSSL does the key operations. Key generation runs on
 * libuv's pool (`generateKeyPair`), or comes from `keys` when the caller made keys beforehand.
 * Node refuses PKCS#1 v1.5 decryption (CVE-2023-46809), so the CertRep's content key is unwrapped
 * after a raw RSA operation here, as Homeroom's server does.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { ImportedIdentity } from './device-crypto.js';
import { send, type Transport } from './http.js';

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

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  challengePassword: '1.2.840.113549.1.9.7',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha256: '2.16.840.1.101.3.4.2.1',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  desEde3Cbc: '1.2.840.113549.3.7',
  messageType: '2.16.840.1.113733.1.9.2',
  pkiStatus: '2.16.840.1.113733.1.9.3',
  failInfo: '2.16.840.1.113733.1.9.4',
  senderNonce: '2.16.840.1.113733.1.9.5',
  recipientNonce: '2.16.840.1.113733.1.9.6',
  transactionId: '2.16.840.1.113733.1.9.7',
} as const;
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

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function octetsOf(block: asn1js.BaseBlock): Buffer {
  // Primitive: the bytes. Constructed (BER pieces, or an IMPLICIT [0] PKI.js writes in pieces): the pieces' bytes.
  const pieces = (block.valueBlock as { value?: unknown }).value;
  if (block.idBlock.isConstructed && Array.isArray(pieces))
    return Buffer.concat((pieces as asn1js.BaseBlock[]).map((piece) => octetsOf(piece)));
  return Buffer.from((block.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView);
}

function nameOf(subject: ScepPayload['subject']): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: subject.flat().map(
      ([type, value]) =>
        new pkijs.AttributeTypeAndValue({
          type: NAME_TYPES[type.toUpperCase()] ?? type,
          value: new asn1js.Utf8String({ value }),
        }),
    ),
  });
}

const sha256WithRsa = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });

/** The self-signed certificate the PKIMessage is signed with (RFC 8894 section 2.3). */
function selfSigned(key: crypto.KeyObject, spki: Buffer, subject: pkijs.RelativeDistinguishedNames): pkijs.Certificate {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: arrayBufferOf(Buffer.concat([Buffer.from([0x01]), crypto.randomBytes(8)])) });
  certificate.issuer = subject;
  certificate.subject = subject;
  const now = Date.now();
  certificate.notBefore.value = new Date(now - 3_600_000);
  certificate.notAfter.value = new Date(now + 7 * 86_400_000);
  certificate.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(arrayBufferOf(spki));
  certificate.signature = sha256WithRsa();
  certificate.signatureAlgorithm = sha256WithRsa();
  const tbs = Buffer.from(certificate.encodeTBS().toBER(false));
  certificate.tbsView = new Uint8Array(tbs);
  certificate.signatureValue = new asn1js.BitString({ valueHex: arrayBufferOf(crypto.sign('sha256', tbs, key)) });
  return certificate;
}

/** The PKCS#10 request with the challenge. */
function certificationRequest(
  key: crypto.KeyObject,
  spki: Buffer,
  subject: pkijs.RelativeDistinguishedNames,
  challenge: string | null,
): Buffer {
  const request = new pkijs.CertificationRequest();
  request.version = 0;
  request.subject = subject;
  request.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(arrayBufferOf(spki));
  request.attributes = challenge
    ? [new pkijs.Attribute({ type: OID.challengePassword, values: [new asn1js.Utf8String({ value: challenge })] })]
    : [];
  request.signatureAlgorithm = sha256WithRsa();
  // encodeTBS is protected in PKI.js's typings, public in its code (Certificate's is public).
  const tbs = Buffer.from((request as unknown as { encodeTBS(): asn1js.Sequence }).encodeTBS().toBER(false));
  request.tbsView = new Uint8Array(tbs);
  request.signatureValue = new asn1js.BitString({ valueHex: arrayBufferOf(crypto.sign('sha256', tbs, key)) });
  return Buffer.from(request.toSchema(true).toBER(false));
}

/** The request encrypted to the CA: an EnvelopedData with one RSA key-transport recipient. */
function envelope(content: Buffer, ca: crypto.X509Certificate, cipherOid: string): Buffer {
  const cipher = CIPHERS[cipherOid]!;
  const key = crypto.randomBytes(cipher.keyLength);
  const iv = crypto.randomBytes(cipher.ivLength);
  const encryptor = crypto.createCipheriv(cipher.name, key, iv);
  const encrypted = Buffer.concat([encryptor.update(content), encryptor.final()]);
  const caCertificate = pkijs.Certificate.fromBER(arrayBufferOf(ca.raw));
  const enveloped = new pkijs.EnvelopedData({
    version: 0,
    recipientInfos: [
      new pkijs.RecipientInfo({
        variant: 1,
        value: new pkijs.KeyTransRecipientInfo({
          version: 0,
          rid: new pkijs.IssuerAndSerialNumber({ issuer: caCertificate.issuer, serialNumber: caCertificate.serialNumber }),
          keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
          encryptedKey: new asn1js.OctetString({
            valueHex: arrayBufferOf(crypto.publicEncrypt({ key: ca.publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, key)),
          }),
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
  return Buffer.from(new pkijs.ContentInfo({ contentType: OID.envelopedData, content: enveloped.toSchema() }).toSchema().toBER(false));
}

/** The PKIMessage: SignedData over the envelope, with SCEP's signed attributes. */
function pkiMessage(
  content: Buffer,
  signer: { certificate: pkijs.Certificate; key: crypto.KeyObject },
  transactionId: string,
  senderNonce: Buffer,
): Buffer {
  const printable = (value: string) => new asn1js.PrintableString({ value });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageType, values: [printable('19')] }),
      new pkijs.Attribute({ type: OID.transactionId, values: [printable(transactionId)] }),
      new pkijs.Attribute({ type: OID.senderNonce, values: [new asn1js.OctetString({ valueHex: arrayBufferOf(senderNonce) })] }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: arrayBufferOf(crypto.createHash('sha256').update(content).digest()) })],
      }),
    ],
  });
  const toSign = Buffer.from(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });
  const signed = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      eContent: new asn1js.OctetString({ valueHex: arrayBufferOf(content) }),
    }),
    certificates: [signer.certificate],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.certificate.issuer, serialNumber: signer.certificate.serialNumber }),
        digestAlgorithm,
        signedAttrs,
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
        signature: new asn1js.OctetString({ valueHex: arrayBufferOf(crypto.sign('sha256', toSign, signer.key)) }),
      }),
    ],
  });
  return Buffer.from(new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) }).toSchema().toBER(false));
}

function attributeText(attributes: readonly pkijs.Attribute[], oid: string): string | null {
  const value = attributes.find((a) => a.type === oid)?.values[0] as { valueBlock?: { value?: unknown } } | undefined;
  return typeof value?.valueBlock?.value === 'string' ? value.valueBlock.value : null;
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
  const message = pkiMessage(
    envelope(request, input.ca, input.cipherOid ?? OID.aes128Cbc),
    { certificate: selfSigned(input.key, spki, subject), key: input.key },
    transactionId,
    senderNonce,
  );
  return { message, transactionId, senderNonce, spki };
}

/** The CertRep's certificates (DER), once it is the CA's answer to this transaction and says SUCCESS. @throws ScepEnrollmentError */
export function readCertRep(
  body: Buffer,
  ca: crypto.X509Certificate,
  key: crypto.KeyObject,
  transactionId: string,
  senderNonce: Buffer,
): Buffer[] {
  let signed: pkijs.SignedData;
  try {
    signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(arrayBufferOf(body)).content });
  } catch (error) {
    throw new ScepEnrollmentError(`the CertRep is not a CMS SignedData (${(error as Error).message})`);
  }
  const signer = signed.signerInfos[0];
  if (!signer?.signedAttrs) throw new ScepEnrollmentError('the CertRep has no signed attributes');
  const attributes = signer.signedAttrs.attributes;
  const digest = signer.digestAlgorithm.algorithmId === OID.sha256 ? 'sha256' : 'sha1';
  const signatureOk = crypto.verify(
    digest,
    Buffer.from(signer.signedAttrs.encodedValue),
    ca.publicKey,
    Buffer.from(signer.signature.valueBlock.valueHexView),
  );
  if (!signatureOk) throw new ScepEnrollmentError('the CertRep is not signed by the CA');
  if (attributeText(attributes, OID.transactionId) !== transactionId)
    throw new ScepEnrollmentError('the CertRep answers another transaction');
  const recipientNonce = attributes.find((a) => a.type === OID.recipientNonce)?.values[0];
  if (!(recipientNonce instanceof asn1js.OctetString) || !octetsOf(recipientNonce).equals(senderNonce))
    throw new ScepEnrollmentError("the CertRep's recipientNonce is not the request's nonce");
  const status = attributeText(attributes, OID.pkiStatus);
  if (status !== '0') {
    const failInfo = attributeText(attributes, OID.failInfo);
    throw new ScepEnrollmentError(
      status === '2'
        ? `the SCEP server refused the request (${FAIL_INFOS[Number(failInfo)] ?? `failInfo ${failInfo}`})`
        : `pkiStatus ${status}`,
    );
  }
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new ScepEnrollmentError('the CertRep SUCCESS carries no content');
  const enveloped = new pkijs.EnvelopedData({ schema: pkijs.ContentInfo.fromBER(arrayBufferOf(octetsOf(content))).content });
  const recipient = enveloped.recipientInfos[0]!.value as pkijs.KeyTransRecipientInfo;
  const algorithm = enveloped.encryptedContentInfo.contentEncryptionAlgorithm;
  const cipher = CIPHERS[algorithm.algorithmId];
  if (!cipher) throw new ScepEnrollmentError(`the CertRep uses cipher ${algorithm.algorithmId}`);
  const block = crypto.privateDecrypt({ key, padding: crypto.constants.RSA_NO_PADDING }, octetsOf(recipient.encryptedKey));
  const separator = block.indexOf(0, 2);
  if (block[0] !== 0 || block[1] !== 2 || separator < 10) throw new ScepEnrollmentError('the CertRep does not decrypt with the device key');
  const decipher = crypto.createDecipheriv(
    cipher.name,
    block.subarray(separator + 1),
    octetsOf(algorithm.algorithmParams as asn1js.OctetString),
  );
  const inner = Buffer.concat([decipher.update(octetsOf(enveloped.encryptedContentInfo.encryptedContent!)), decipher.final()]);
  const certsOnly = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(arrayBufferOf(inner)).content });
  return (certsOnly.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => Buffer.from(c.toSchema().toBER(false)));
}

/** The CA certificate from GetCACert: one DER certificate, or the first CA of a certs-only PKCS#7 (CA and RA). */
function caCertificateOf(contentType: string, body: Buffer): crypto.X509Certificate {
  if (!contentType.startsWith('application/x-x509-ca-ra-cert')) return new crypto.X509Certificate(body);
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(arrayBufferOf(body)).content });
  const certificates = (signed.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new crypto.X509Certificate(Buffer.from(c.toSchema().toBER(false))));
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
