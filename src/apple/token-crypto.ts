/**
 * The server token's cryptography, Homeroom's side of Apple's key exchange.
 *
 * Apple School Manager never hands out the Device Assignment credentials in the clear: the MDM
 * (Homeroom) makes an RSA key pair, the admin uploads its self-signed certificate to the MDM server
 * in ASM, and ASM answers with a `.p7m` file, the OAuth credentials encrypted to that certificate as
 * PKCS#7/CMS EnvelopedData inside S/MIME (reference `apple-dep-api.md` §2). This module makes the key
 * pair and opens the file, and nothing else: storing the key and the credentials is a service's job.
 *
 * Opening is deliberately forgiving about the wrapping (S/MIME as ASM serves it, PEM, raw DER, or
 * indefinite-length BER as OpenSSL writes it; inner MIME headers, `-----BEGIN MESSAGE-----` markers,
 * JSON hard-wrapped even inside strings) and strict about the content (five non-empty strings, an
 * RFC 3339 expiry). Every failure is a {@link HomeroomError} whose code says which step failed, so the
 * admin is told whether to upload another file, upload the certificate again, or download a new
 * token; no message or detail ever carries a credential or key material.
 */
import forge from 'node-forge';
import { certificatePem, newRsaKey, randomSerialHex, wholeSeconds } from '../crypto/x509.js';
import { badInput, ErrorCode, HomeroomError } from '../errors.js';

/** CN of the certificate when the caller names none; the admin sees it in ASM next to the MDM server. */
export const DEFAULT_TOKEN_COMMON_NAME = 'Homeroom DEP token';

/**
 * Validity of the certificate when the caller asks for none. ASM only needs the certificate while
 * it encrypts the token; a month leaves the admin time to get round to the upload.
 */
export const DEFAULT_TOKEN_VALIDITY_DAYS = 30;

/** A key pair whose certificate is uploaded to ASM; the private key opens the token ASM returns. */
export interface TokenKeyPair {
  /** PKCS#1 PEM (`-----BEGIN RSA PRIVATE KEY-----`), as nanodep stores it. A secret. */
  privateKeyPem: string;
  /** Self-signed X.509 certificate, PEM with `\n` line ends: the file the admin uploads to ASM. */
  certificatePem: string;
  /** The certificate's notAfter (whole seconds, as encoded in the certificate). */
  notAfter: Date;
}

/** Options of {@link generateTokenKeyPair}. */
export interface TokenKeyPairOptions {
  /** Subject and issuer CN, 1 to 64 characters; default {@link DEFAULT_TOKEN_COMMON_NAME}. */
  commonName?: string;
  /** Issue time (for an injected clock); default the current time. */
  now?: Date;
  /** Days from `now` to notAfter, more than 0; default {@link DEFAULT_TOKEN_VALIDITY_DAYS}. */
  validityDays?: number;
}

/** The credentials inside a server token: OAuth 1.0a consumer and access pairs plus the token's expiry. */
export interface ServerToken {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessSecret: string;
  accessTokenExpiry: Date;
}

const NOT_BEFORE_SLACK_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** X.520 upper bound for a common name. */
const MAX_COMMON_NAME_LENGTH = 64;
/** A sanity bound, so a typo cannot mint a certificate valid for millennia. */
const MAX_VALIDITY_DAYS = 36_500;

/**
 * Makes a fresh RSA-2048 key pair and a self-signed certificate for it: subject = issuer = `CN=<commonName>`,
 * a random positive 16-byte serial, notBefore 10 minutes before `now` (tolerates a slow clock at Apple's end,
 * as nanodep does), notAfter `validityDays` after `now`, keyUsage keyEncipherment + digitalSignature, SHA-256
 * signature.
 *
 * The key comes from Node's OpenSSL-backed generator rather than node-forge's: forge's pure-JS prime search
 * takes seconds for 2048 bits and blocks the event loop throughout, OpenSSL's takes tens of milliseconds.
 * node-forge then builds and signs the certificate, which Node's crypto cannot do.
 *
 * @throws HomeroomError `BAD_USER_INPUT` (with `details.field`) for an empty or over-long common name,
 *   a validity that is not a positive number of days, or an invalid `now`.
 */
export function generateTokenKeyPair(options: TokenKeyPairOptions = {}): TokenKeyPair {
  const commonName = options.commonName ?? DEFAULT_TOKEN_COMMON_NAME;
  if (commonName.trim() === '' || commonName.length > MAX_COMMON_NAME_LENGTH) {
    throw badInput('commonName', `must be 1 to ${MAX_COMMON_NAME_LENGTH} characters.`);
  }
  const validityDays = options.validityDays ?? DEFAULT_TOKEN_VALIDITY_DAYS;
  if (!Number.isFinite(validityDays) || validityDays <= 0 || validityDays > MAX_VALIDITY_DAYS) {
    throw badInput('validityDays', `must be a number of days above 0 and at most ${MAX_VALIDITY_DAYS}.`);
  }
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw badInput('now', 'must be a valid date.');

  const { privateKeyPem, privateKey, publicKey } = newRsaKey();

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = randomSerialHex();
  // X.509 times have whole seconds; truncating here makes the returned notAfter equal the encoded one.
  certificate.validity.notBefore = wholeSeconds(now.getTime() - NOT_BEFORE_SLACK_MS);
  certificate.validity.notAfter = wholeSeconds(now.getTime() + validityDays * DAY_MS);
  // UTF8String, as OpenSSL and Go write it: forge's default PrintableString cannot hold `&`, `_` or accents,
  // which a school's name may well contain. (The typings call the tag a Class; it is an asn1.Type.)
  const name: forge.pki.CertificateField[] = [
    { name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([{ name: 'keyUsage', critical: true, keyEncipherment: true, digitalSignature: true }]);
  certificate.sign(privateKey, forge.md.sha256.create());

  return {
    privateKeyPem,
    certificatePem: certificatePem(certificate),
    notAfter: certificate.validity.notAfter,
  };
}

/**
 * Opens a server token file downloaded from ASM and returns its credentials.
 *
 * `file` is the upload as bytes, or as text (S/MIME or PEM; a binary string of DER also works, since a
 * string is read as Latin-1 bytes). Accepted containers: S/MIME (`.p7m` as ASM serves it: MIME headers,
 * blank line, base64), PEM PKCS#7 (`-----BEGIN PKCS7-----` or `-----BEGIN CMS-----`), bare base64, and raw
 * DER/BER PKCS#7 including indefinite lengths. The EnvelopedData recipient is matched by the issuer and
 * serial of `keyPair.certificatePem`; the content key may be wrapped with RSA PKCS#1 v1.5 (what Apple uses)
 * or RSA-OAEP, the content encrypted with AES-128/192/256-CBC or 3DES-CBC. The decrypted text goes
 * through {@link tokenFromText}.
 *
 * @throws HomeroomError `TOKEN_UNREADABLE` when the file is not PKCS#7 EnvelopedData Homeroom can read
 *   (empty, garbage, a certificate or key, signed data, an unsupported algorithm, damaged ciphertext);
 *   `TOKEN_WRONG_KEY` when no recipient matches the certificate or the private key cannot unwrap the
 *   content key; `TOKEN_INVALID_CONTENT` (see {@link tokenFromText}).
 * @throws Error (not a HomeroomError) when `keyPair` itself is not a PEM certificate and RSA private key:
 *   that is Homeroom's stored state, not the admin's upload.
 */
export function readServerToken(file: Buffer | string, keyPair: { privateKeyPem: string; certificatePem: string }): ServerToken {
  const envelope = parseEnvelope(envelopeDer(file));
  const certificate = parseCertificate(keyPair.certificatePem);
  const privateKey = parsePrivateKey(keyPair.privateKeyPem);
  const plaintext = openEnvelope(envelope, certificate, privateKey);
  return tokenFromText(Buffer.from(plaintext, 'binary').toString('utf8'));
}

/**
 * Which of `certificatesPem` a token file is encrypted to (its EnvelopedData recipient, matched by issuer
 * and serial as {@link readServerToken} does), or -1 when none; no private key is needed. Lets an upload
 * recognise a file meant for a key pair Homeroom already holds for a token.
 *
 * @throws HomeroomError `TOKEN_UNREADABLE` as {@link readServerToken}.
 */
export function recipientIndexOf(file: Buffer | string, certificatesPem: readonly string[]): number {
  const envelope = parseEnvelope(envelopeDer(file));
  return certificatesPem.findIndex((pem) => Boolean(envelope.findRecipient(parseCertificate(pem))));
}

/** JSON keys of a server token, in the order they are checked, with the {@link ServerToken} property each fills. */
const CREDENTIAL_FIELDS = [
  ['consumer_key', 'consumerKey'],
  ['consumer_secret', 'consumerSecret'],
  ['access_token', 'accessToken'],
  ['access_secret', 'accessSecret'],
] as const;
const EXPIRY_FIELD = 'access_token_expiry';

const MESSAGE_MARKERS = ['-----BEGIN MESSAGE-----', '-----END MESSAGE-----'];
const LINE_BREAK = /\r\n|\r|\n/;
/** A MIME header line; deliberately no quotes, so a JSON line such as `"consumer_key": ...` never matches. */
const MIME_HEADER_LINE = /^[A-Za-z0-9][A-Za-z0-9-]*:/;

/**
 * Turns the decrypted text of a token into credentials: skips leading MIME headers (`Content-Type:
 * text/plain;charset=UTF-8`, `Content-Transfer-Encoding: 7bit` or `base64`), drops `-----BEGIN MESSAGE-----`
 * / `-----END MESSAGE-----` markers at the start of a line, and joins the remaining lines without separators
 * (ASM hard-wraps the JSON, even inside string values; nanodep and micromdm do the same), then parses the JSON
 * and checks the five keys. Extra keys are ignored. Exported so the unwrapping can be tested without crypto.
 *
 * @throws HomeroomError `TOKEN_INVALID_CONTENT` whose `details.field` is `json` (not a JSON object),
 *   `content-transfer-encoding` (an encoding other than 7bit/8bit/binary/base64), or the JSON key at fault
 *   (`consumer_key` ... `access_token_expiry`: missing, not a string, empty, or for the expiry not an
 *   RFC 3339 date-time). Messages name the key, never a value.
 */
export function tokenFromText(text: string): ServerToken {
  const { headers, body: rawBody } = splitMime(text.replace(/^\uFEFF/, '').split(LINE_BREAK));
  const transferEncoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let body = rawBody;
  if (transferEncoding === 'base64') {
    body = Buffer.from(body.join(''), 'base64').toString('utf8').split(LINE_BREAK);
  } else if (!['7bit', '8bit', 'binary'].includes(transferEncoding)) {
    throw invalidContent(
      'content-transfer-encoding',
      'its text uses a MIME transfer encoding Homeroom does not read (expected 7bit or base64).',
    );
  }
  const json = body.map(stripMessageMarkers).join('').trim();

  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // No cause attached: V8's SyntaxError quotes the input, which holds the secrets.
    throw invalidContent('json', 'its text is not JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidContent('json', 'its JSON is not an object.');
  }
  const record = parsed as Record<string, unknown>;
  const credentials = {} as Record<(typeof CREDENTIAL_FIELDS)[number][1], string>;
  for (const [key, property] of CREDENTIAL_FIELDS) credentials[property] = requiredString(record, key);
  const expiry = parseRfc3339(requiredString(record, EXPIRY_FIELD));
  if (expiry === null) throw invalidContent(EXPIRY_FIELD, `\`${EXPIRY_FIELD}\` is not an RFC 3339 date-time such as 2027-01-14T21:27:41Z.`);
  return { ...credentials, accessTokenExpiry: expiry };
}

// ---------------------------------------------------------------------------------------------
// Outer container: bytes -> DER/BER of a ContentInfo.

const PKCS7_PEM_LABELS = new Set(['PKCS7', 'CMS', 'PKCS #7 SIGNED DATA']);
/** Labels restricted to what PEM uses, so nothing arbitrary from the upload is echoed in a message. */
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 #]{1,40})-----([\s\S]*?)-----END \1-----/;
const ASN1_SEQUENCE_BYTE = 0x30;

/** The ContentInfo as a forge binary string, whichever container the upload used. */
function envelopeDer(file: Buffer | string): string {
  // Latin-1 maps bytes and chars one to one: text uploads are ASCII, and a binary string stays binary.
  let bytes = typeof file === 'string' ? Buffer.from(file.replace(/^\uFEFF/, ''), 'latin1') : file;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (bytes.toString('latin1').trim() === '') throw unreadable('empty', 'The file is empty.');
  if (bytes[0] === ASN1_SEQUENCE_BYTE) return bytes.toString('binary');

  const text = bytes.toString('latin1');
  const pem = PEM_BLOCK.exec(text);
  if (pem) {
    const label = pem[1]!.trim();
    if (!PKCS7_PEM_LABELS.has(label)) throw unreadable('pem-not-pkcs7', `The file is ${describePem(label)}, not a server token.`);
    // RFC 1421 headers (`Proc-Type: ...`) never occur in PKCS#7 PEM; drop any line with a colon anyway.
    return decodeBase64Der(
      pem[2]!
        .split(LINE_BREAK)
        .filter((line) => !line.includes(':'))
        .join(''),
    );
  }

  const lines = text.replace(/^\s+/, '').split(LINE_BREAK);
  if (MIME_HEADER_LINE.test(lines[0]!)) {
    const { headers, body } = splitMime(lines);
    const contentType = (headers.get('content-type') ?? '').toLowerCase();
    if (contentType !== '' && !contentType.includes('pkcs7-mime')) {
      throw unreadable('mime-not-pkcs7', 'The file is a MIME message but not an S/MIME encrypted one (application/pkcs7-mime).');
    }
    const encoding = (headers.get('content-transfer-encoding') ?? 'base64').toLowerCase();
    if (encoding === 'binary' || encoding === '8bit') return checkDerStart(body.join('\n'));
    return decodeBase64Der(body.join(''));
  }

  if (/^[A-Za-z0-9+/=\s]+$/.test(text)) return decodeBase64Der(text);
  throw unreadable('unknown-format', 'The file is neither S/MIME, PEM nor DER.');
}

function decodeBase64Der(base64: string): string {
  const compact = base64.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw unreadable('bad-base64', 'The file should hold base64 text, but it is missing or damaged.');
  }
  return checkDerStart(Buffer.from(compact, 'base64').toString('binary'));
}

function checkDerStart(der: string): string {
  if (der.charCodeAt(0) !== ASN1_SEQUENCE_BYTE) throw unreadable('not-pkcs7', 'The file does not hold a PKCS#7 message.');
  return der;
}

function describePem(label: string): string {
  if (label === 'CERTIFICATE' || label === 'TRUSTED CERTIFICATE') {
    return 'a certificate (the kind Homeroom gives you to upload to Apple School Manager)';
  }
  if (label.endsWith('PRIVATE KEY')) return 'a private key';
  if (label.endsWith('PUBLIC KEY')) return 'a public key';
  return `a PEM "${label}" block`;
}

// ---------------------------------------------------------------------------------------------
// PKCS#7 EnvelopedData.

/**
 * What forge keeps on a parsed EnvelopedData beyond its typings: the symmetric part (set by its
 * `_fromAsn1`) and the captured ASN.1, which still holds the RSA-OAEP parameters forge's own recipient
 * objects drop.
 */
type Envelope = forge.pkcs7.PkcsEnvelopedData & {
  encryptedContent: { algorithm: string; parameter: forge.util.ByteStringBuffer; content: forge.util.ByteStringBuffer };
  rawCapture: { recipientInfos: forge.asn1.Asn1 };
};

/** forge's fromDer takes an options object; the typings only know the older boolean `strict`. */
const fromDer = forge.asn1.fromDer as unknown as (
  bytes: string,
  options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean },
) => forge.asn1.Asn1;

const OID = {
  envelopedData: forge.pki.oids.envelopedData!,
  signedData: forge.pki.oids.signedData!,
  rsaEncryption: forge.pki.oids.rsaEncryption!,
  rsaesOaep: forge.pki.oids['RSAES-OAEP']!,
  mgf1: forge.pki.oids.mgf1!,
};

/** Content ciphers Homeroom reads: forge's cipher name, key and IV sizes in bytes. */
const CONTENT_CIPHERS = new Map<string, { cipher: forge.cipher.Algorithm; keyBytes: number; ivBytes: number }>([
  [forge.pki.oids['aes128-CBC']!, { cipher: 'AES-CBC', keyBytes: 16, ivBytes: 16 }],
  [forge.pki.oids['aes192-CBC']!, { cipher: 'AES-CBC', keyBytes: 24, ivBytes: 16 }],
  [forge.pki.oids['aes256-CBC']!, { cipher: 'AES-CBC', keyBytes: 32, ivBytes: 16 }],
  [forge.pki.oids['des-EDE3-CBC']!, { cipher: '3DES-CBC', keyBytes: 24, ivBytes: 8 }],
]);

function parseEnvelope(der: string): Envelope {
  let contentInfo: forge.asn1.Asn1;
  try {
    // Lenient about trailing bytes (an editor's newline after DER); strict about lengths; BER's
    // indefinite lengths and constructed OCTET STRINGs are handled by forge's parser itself.
    contentInfo = fromDer(der, { strict: true, parseAllBytes: false, decodeBitStrings: false });
  } catch (error) {
    throw unreadable('not-pkcs7', 'The file is damaged or not a PKCS#7 message.', error);
  }
  const contentType = readContentType(contentInfo);
  if (contentType === null) throw unreadable('not-pkcs7', 'The file does not hold a PKCS#7 message.');
  if (contentType === OID.signedData) {
    throw unreadable('signed-data', 'The file is a signed PKCS#7 message, not an encrypted server token.');
  }
  if (contentType !== OID.envelopedData) {
    throw unreadable('not-enveloped', `The file is PKCS#7 of a kind Homeroom does not read (content type ${contentType}).`);
  }
  let message: forge.pkcs7.PkcsEnvelopedData | forge.pkcs7.PkcsSignedData;
  try {
    message = forge.pkcs7.messageFromAsn1(contentInfo);
  } catch (error) {
    // forge refuses recipients identified by key id, inner content other than Data, and broken structure.
    throw unreadable(
      'bad-enveloped-data',
      'The file is PKCS#7 encrypted data that is damaged or uses a form Homeroom does not read.',
      error,
    );
  }
  return message as Envelope;
}

function readContentType(contentInfo: forge.asn1.Asn1): string | null {
  if (contentInfo.tagClass !== forge.asn1.Class.UNIVERSAL || contentInfo.type !== forge.asn1.Type.SEQUENCE) return null;
  const first = Array.isArray(contentInfo.value) ? contentInfo.value[0] : undefined;
  if (!first || first.type !== forge.asn1.Type.OID || typeof first.value !== 'string') return null;
  try {
    return forge.asn1.derToOid(first.value);
  } catch {
    return null;
  }
}

function openEnvelope(envelope: Envelope, certificate: forge.pki.Certificate, privateKey: forge.pki.rsa.PrivateKey): string {
  const content = envelope.encryptedContent;
  const cipher = CONTENT_CIPHERS.get(content.algorithm);
  if (!cipher) {
    throw unreadable('unsupported-algorithm', `The token is encrypted with an algorithm Homeroom does not read (${content.algorithm}).`);
  }
  const recipient = envelope.findRecipient(certificate);
  if (!recipient) {
    throw new HomeroomError(
      ErrorCode.TOKEN_WRONG_KEY,
      'This token was encrypted for a different certificate from the one Homeroom holds. In Apple School Manager, ' +
        "upload Homeroom's current certificate to the MDM server, then download a new token and upload it here.",
      { certificateSerial: certificate.serialNumber, recipientSerials: envelope.recipients.map((r) => r.serialNumber) },
    );
  }
  const recipientInfo = (envelope.rawCapture.recipientInfos.value as forge.asn1.Asn1[])[envelope.recipients.indexOf(recipient)]!;
  const contentKey = unwrapContentKey(recipient, recipientInfo, privateKey);
  if (contentKey.length !== cipher.keyBytes) {
    // PKCS#1 v1.5 padding checks out by chance for about one wrong key in 65,000; the length catches most.
    throw cannotDecrypt();
  }
  if (content.parameter.length() !== cipher.ivBytes) throw unreadable('damaged', 'The token is damaged (bad IV). Download it again.');

  const decipher = forge.cipher.createDecipher(cipher.cipher, forge.util.createBuffer(contentKey));
  decipher.start({ iv: content.parameter.copy() });
  decipher.update(content.content.copy());
  // Bad padding under a key the RSA step accepted means the ciphertext is damaged, not that the key is wrong.
  if (!decipher.finish()) throw unreadable('damaged', 'The token is damaged and cannot be decrypted. Download it again.');
  return decipher.output.getBytes();
}

function unwrapContentKey(recipient: forge.pkcs7.Recipient, recipientInfo: forge.asn1.Asn1, privateKey: forge.pki.rsa.PrivateKey): string {
  const { algorithm, content } = recipient.encryptedContent;
  let scheme: 'RSAES-PKCS1-V1_5' | 'RSA-OAEP';
  let schemeOptions: unknown;
  if (algorithm === OID.rsaEncryption) {
    scheme = 'RSAES-PKCS1-V1_5';
  } else if (algorithm === OID.rsaesOaep) {
    scheme = 'RSA-OAEP';
    schemeOptions = oaepOptions(recipientInfo);
  } else {
    throw unreadable('unsupported-algorithm', `The token's key is wrapped with an algorithm Homeroom does not read (${algorithm}).`);
  }
  try {
    return privateKey.decrypt(content, scheme, schemeOptions);
  } catch (error) {
    throw cannotDecrypt(error);
  }
}

/**
 * forge's RSA-OAEP options from RSAES-OAEP-params (RFC 8017 A.2.1): hashAlgorithm [0] and maskGenAlgorithm [1]
 * (MGF1 over some hash), each SHA-1 when absent. An explicit label source [2] is refused: CMS never sets one.
 */
function oaepOptions(recipientInfo: forge.asn1.Asn1): { md: forge.md.MessageDigest; mgf1: { md: forge.md.MessageDigest } } {
  const unsupported = () =>
    unreadable('unsupported-algorithm', "The token's key is wrapped with RSA-OAEP parameters Homeroom does not read.");
  const keyEncryptionAlgorithm = children(recipientInfo)[2];
  const params = keyEncryptionAlgorithm ? children(keyEncryptionAlgorithm)[1] : undefined;
  let hash: string | null = forge.pki.oids.sha1!;
  let mgfHash: string | null = forge.pki.oids.sha1!;
  if (params && params.type === forge.asn1.Type.SEQUENCE) {
    for (const field of children(params)) {
      // Each field is [n] EXPLICIT AlgorithmIdentifier.
      const identifier = children(field)[0];
      if (field.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC || !identifier) throw unsupported();
      const [algorithm, parameters] = children(identifier);
      if (field.type === 0) hash = oidOf(algorithm);
      else if (field.type === 1 && oidOf(algorithm) === OID.mgf1 && parameters) mgfHash = oidOf(children(parameters)[0]);
      else throw unsupported();
    }
  }
  const digest = (oid: string | null): forge.md.MessageDigest => {
    const name = oid === null ? undefined : forge.pki.oids[oid];
    if (name !== 'sha1' && name !== 'sha256' && name !== 'sha384' && name !== 'sha512') throw unsupported();
    return forge.md[name].create();
  };
  return { md: digest(hash), mgf1: { md: digest(mgfHash) } };
}

function children(node: forge.asn1.Asn1): forge.asn1.Asn1[] {
  return Array.isArray(node.value) ? (node.value as forge.asn1.Asn1[]) : [];
}

function oidOf(node: forge.asn1.Asn1 | undefined): string | null {
  if (!node || node.type !== forge.asn1.Type.OID || typeof node.value !== 'string') return null;
  return forge.asn1.derToOid(node.value);
}

function parseCertificate(pem: string): forge.pki.Certificate {
  try {
    return forge.pki.certificateFromPem(pem);
  } catch {
    throw new Error('readServerToken: keyPair.certificatePem is not a PEM X.509 certificate.');
  }
}

function parsePrivateKey(pem: string): forge.pki.rsa.PrivateKey {
  try {
    return forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  } catch {
    // No cause and no excerpt: this is key material.
    throw new Error('readServerToken: keyPair.privateKeyPem is not an unencrypted PEM RSA private key.');
  }
}

// ---------------------------------------------------------------------------------------------
// Inner content helpers.

/**
 * Splits leading MIME headers from the body lines. Names are lower-cased, folded lines joined. The block
 * ends at the blank line, or at the first line that is neither a header nor a continuation, so a text
 * that forgot the blank line still reads; without headers everything is body.
 */
function splitMime(lines: string[]): { headers: Map<string, string>; body: string[] } {
  const headers = new Map<string, string>();
  let last: string | null = null;
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      if (headers.size > 0) index++;
      break;
    }
    if (last !== null && /^[ \t]/.test(line)) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    if (!MIME_HEADER_LINE.test(line)) break;
    const colon = line.indexOf(':');
    last = line.slice(0, colon).toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return { headers, body: lines.slice(index) };
}

function stripMessageMarkers(line: string): string {
  let rest = line;
  for (let changed = true; changed;) {
    changed = false;
    for (const marker of MESSAGE_MARKERS) {
      if (rest.trimStart().startsWith(marker)) {
        rest = rest.trimStart().slice(marker.length);
        changed = true;
      }
    }
  }
  return rest;
}

function requiredString(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (value === undefined || value === null) throw invalidContent(key, `\`${key}\` is missing.`);
  if (typeof value !== 'string') throw invalidContent(key, `\`${key}\` is not a string.`);
  if (value.trim() === '') throw invalidContent(key, `\`${key}\` is empty.`);
  return value;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 date-time with a zone; null for anything else, including impossible dates (Feb 30) and leap seconds. */
function parseRfc3339(text: string): Date | null {
  const match = RFC3339.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetMinutes = match[8] ? (match[8] === '-' ? -1 : 1) * (Number(match[9]) * 60 + Number(match[10])) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  if (match[8] && (Number(match[9]) > 23 || Number(match[10]) > 59)) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  date.setUTCHours(hour, minute, second, millisecond);
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

// ---------------------------------------------------------------------------------------------
// Errors, written for the admin holding the file.

function unreadable(reason: string, what: string, cause?: unknown): HomeroomError {
  return new HomeroomError(
    ErrorCode.TOKEN_UNREADABLE,
    `${what} Upload the server token (.p7m file) downloaded for this MDM server from Apple School Manager.`,
    { reason },
    cause === undefined ? undefined : { cause },
  );
}

function cannotDecrypt(cause?: unknown): HomeroomError {
  return new HomeroomError(
    ErrorCode.TOKEN_WRONG_KEY,
    "This token is addressed to Homeroom's certificate, but Homeroom's private key cannot open it: the token was " +
      'made for an earlier key with the same certificate details, or the file is damaged. Download a new token in ' +
      "Apple School Manager after uploading Homeroom's current certificate.",
    {},
    cause === undefined ? undefined : { cause },
  );
}

function invalidContent(field: string, problem: string): HomeroomError {
  return new HomeroomError(
    ErrorCode.TOKEN_INVALID_CONTENT,
    `The token decrypts, but ${problem.charAt(0).toLowerCase()}${problem.slice(1)} Download a new token from Apple School Manager.`,
    { field },
  );
}
