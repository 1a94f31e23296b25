/**
 * The server token an administrator downloads from the portal: four OAuth credentials and an
 * expiry, written as Apple writes them (reference section 2): the JSON wrapped at 64 characters
 * between `-----BEGIN MESSAGE-----` markers, in a `text/plain` MIME part, enveloped with PKCS#7
 * (RSA key transport, AES-128-CBC) to the certificate the MDM uploaded, and wrapped again as an
 * S/MIME entity with base64 lines of 76 characters. The credential strings come from the
 * simulator's seeded stream; the PKCS#7 content key and IV are node-forge's own randomness.
 */
import forge from 'node-forge';
import type { SeededRandom } from './random.js';
import type { Credentials } from './state.js';

/** A downloaded token file: its conventional name and its S/MIME text. */
export interface TokenFile {
  readonly fileName: string;
  readonly content: string;
}

let lastMs = NaN;
let lastText = '';

/** RFC 3339 UTC without milliseconds (`2027-09-01T08:00:00Z`), Apple's date format. */
export function rfc3339(ms: number): string {
  // Devices of a page were mostly assigned in the same second: remembering the last answer
  // saves most of the formatting in fetch and sync pages.
  if (ms !== lastMs) {
    lastText = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    lastMs = ms;
  }
  return lastText;
}

/** One calendar year after `ms` (Apple's observed token lifetime). */
export function oneYearAfter(ms: number): number {
  const date = new Date(ms);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.getTime();
}

/** A consumer key and secret, minted once per server (they identify the server and its admin). */
export function mintConsumer(random: SeededRandom): { consumerKey: string; consumerSecret: string } {
  return { consumerKey: `CK_${random.hex(96)}`, consumerSecret: `CS_${random.hex(40)}` };
}

/** A fresh access token and secret for a download at `now`, valid for one year. */
export function mintCredentials(random: SeededRandom, consumer: { consumerKey: string; consumerSecret: string }, now: number): Credentials {
  return {
    consumerKey: consumer.consumerKey,
    consumerSecret: consumer.consumerSecret,
    accessToken: `AT_O${random.digits(10)}O${random.hex(40)}O${now}`,
    accessSecret: `AS_${random.hex(40)}`,
    issuedAt: now,
    expiresAt: oneYearAfter(now),
  };
}

/** Parses an uploaded certificate; throws with a readable message when it is not one. */
export function parseCertificate(pem: string): forge.pki.Certificate {
  if (typeof pem !== 'string' || !pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error('the public key must be a PEM X.509 certificate (-----BEGIN CERTIFICATE-----)');
  }
  try {
    const certificate = forge.pki.certificateFromPem(pem);
    if (!('n' in certificate.publicKey)) throw new Error('not an RSA key');
    return certificate;
  } catch (error) {
    throw new Error(`the certificate could not be read: ${(error as Error).message}`, { cause: error });
  }
}

/** `<name>_Token_<YYYY-MM-DDTHH-MM-SSZ>_smime.p7m`; characters unsafe in file names become `_`. */
export function tokenFileName(serverName: string, now: number): string {
  const safe = serverName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe}_Token_${rfc3339(now).replace(/:/g, '-')}_smime.p7m`;
}

/** The JSON of the token, keys in Apple's order. */
export function tokenJson(credentials: Credentials): string {
  return JSON.stringify({
    consumer_key: credentials.consumerKey,
    consumer_secret: credentials.consumerSecret,
    access_token: credentials.accessToken,
    access_secret: credentials.accessSecret,
    access_token_expiry: rfc3339(credentials.expiresAt),
  });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}

/** The decrypted inner MIME part, exactly as Apple's token holds it. */
export function innerMessage(credentials: Credentials): string {
  return (
    'Content-Type: text/plain;charset=UTF-8\r\n' +
    'Content-Transfer-Encoding: 7bit\r\n' +
    '\r\n' +
    '-----BEGIN MESSAGE-----\r\n' +
    wrap(tokenJson(credentials), 64).join('\r\n') +
    '\r\n-----END MESSAGE-----\r\n'
  );
}

/** Encrypts the credentials to `certificatePem` and returns the downloadable S/MIME file. */
export function issueTokenFile(certificatePem: string, credentials: Credentials, serverName: string, now: number): TokenFile {
  const certificate = parseCertificate(certificatePem);
  const envelope = forge.pkcs7.createEnvelopedData();
  envelope.addRecipient(certificate);
  // node-forge copies the issuer's UTF8String values already UTF-8 encoded and encodes them again
  // on output, so a certificate named "Collège Sainte-Anne" would get a token addressed to an
  // issuer that matches nothing. Hand it the decoded text instead, as OpenSSL and Apple copy bytes.
  for (const recipient of envelope.recipients) {
    recipient.issuer = recipient.issuer.map((field) =>
      (field.valueTagClass as unknown as number) === forge.asn1.Type.UTF8
        ? { ...field, value: forge.util.decodeUtf8(field.value as string) }
        : field,
    );
  }
  envelope.content = forge.util.createBuffer(innerMessage(credentials), 'utf8');
  envelope.encrypt(undefined, forge.pki.oids['aes128-CBC']);
  const der = forge.asn1.toDer(envelope.toAsn1()).getBytes();
  const base64 = Buffer.from(der, 'binary').toString('base64');
  const content =
    'Content-Type: application/pkcs7-mime; name="smime.p7m"; smime-type=enveloped-data\r\n' +
    'Content-Transfer-Encoding: base64\r\n' +
    'Content-Disposition: attachment; filename="smime.p7m"\r\n' +
    'Content-Description: S/MIME Encrypted Message\r\n' +
    '\r\n' +
    wrap(base64, 76).join('\r\n') +
    '\r\n';
  return { fileName: tokenFileName(serverName, now), content };
}
