/**
 * The server token's cryptography against tokens built two independent ways: node-forge in the test
 * (definite-length DER, wrapped exactly as ASM serves it) and the `openssl` CLI (indefinite-length BER,
 * OpenSSL's own S/MIME and PEM framing, OAEP, other ciphers). Key generation is the slow part, so each
 * key pair is made once per file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_TOKEN_COMMON_NAME,
  generateTokenKeyPair,
  readServerToken,
  tokenFromText,
  type ServerToken,
  type TokenKeyPair,
} from '../../src/apple/token-crypto.js';
import { ErrorCode, HomeroomError } from '../../src/errors.js';

// ---------------------------------------------------------------------------------------------
// Fixtures.

const NOW = new Date('2026-09-01T08:00:00.000Z');

/** Shaped like the sample in reference §2.3, long enough that wrapping cuts through every value. */
const CREDENTIALS = {
  consumer_key: 'CK_' + '3d5e1c9a0b7f4e2d8c6a'.repeat(4) + '0123456789abcdef',
  consumer_secret: 'CS_8f14e45fceea167a5a36dedd4bea2543c1d2e3f4',
  access_token: 'AT_O365587095O8247e0c2b9a14f6d3e5c7b9a1f2e4d6c8b0a3f5e7dO1389734861908',
  access_secret: 'AS_6512bd43d9caa6e02c990b0a82652dca9f8e7d6c',
  access_token_expiry: '2027-01-14T21:27:41Z',
};
const SECRETS = [CREDENTIALS.consumer_key, CREDENTIALS.consumer_secret, CREDENTIALS.access_token, CREDENTIALS.access_secret];

const EXPECTED: ServerToken = {
  consumerKey: CREDENTIALS.consumer_key,
  consumerSecret: CREDENTIALS.consumer_secret,
  accessToken: CREDENTIALS.access_token,
  accessSecret: CREDENTIALS.access_secret,
  accessTokenExpiry: new Date('2027-01-14T21:27:41Z'),
};

interface InnerOptions {
  json?: string;
  /** MIME headers before the JSON, as in Apple's sample. */
  headers?: boolean;
  /** `-----BEGIN MESSAGE-----` / `-----END MESSAGE-----` around the JSON. */
  markers?: boolean;
  /** Hard-wrap the JSON at this many characters, cutting through string values; 0 = one line. */
  wrap?: number;
  eol?: string;
}

/** The decrypted content of a token, the way ASM writes it (by default) or a variation. */
function innerText({
  json = JSON.stringify(CREDENTIALS),
  headers = true,
  markers = true,
  wrap = 64,
  eol = '\r\n',
}: InnerOptions = {}): string {
  const lines: string[] = [];
  if (headers) lines.push('Content-Type: text/plain;charset=UTF-8', 'Content-Transfer-Encoding: 7bit', '');
  if (markers) lines.push('-----BEGIN MESSAGE-----');
  lines.push(...(wrap > 0 ? chunk(json, wrap) : [json]));
  if (markers) lines.push('-----END MESSAGE-----');
  return lines.join(eol) + eol;
}

function chunk(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** EnvelopedData built by node-forge: definite-length DER, one recipient, PKCS#1 v1.5 key transport. */
function forgeEnvelope(text: string, certificatePem: string, cipher = forge.pki.oids['aes128-CBC']!): Buffer {
  const p7 = forge.pkcs7.createEnvelopedData();
  p7.addRecipient(forge.pki.certificateFromPem(certificatePem));
  // forge copies the issuer's parsed (already UTF-8) values and encodes them again on output, so a
  // non-ASCII UTF8String CN would come out double-encoded and match nothing. Apple and OpenSSL copy the
  // bytes; decoding once here makes forge do the same.
  for (const recipient of p7.recipients) {
    recipient.issuer = recipient.issuer.map((field) =>
      (field.valueTagClass as number) === forge.asn1.Type.UTF8 ? { ...field, value: forge.util.decodeUtf8(field.value as string) } : field,
    );
  }
  p7.content = forge.util.createBuffer(Buffer.from(text, 'utf8').toString('binary'));
  p7.encrypt(undefined, cipher);
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** The outer S/MIME entity exactly as reference §2.2 shows ASM's download. */
function smime(der: Buffer, eol = '\n'): string {
  return (
    [
      'Content-Type: application/pkcs7-mime; name="smime.p7m"; smime-type=enveloped-data',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="smime.p7m"',
      'Content-Description: S/MIME Encrypted Message',
      '',
      ...chunk(der.toString('base64'), 76),
    ].join(eol) + eol
  );
}

function pem(der: Buffer, label: string): string {
  return `-----BEGIN ${label}-----\n${chunk(der.toString('base64'), 64).join('\n')}\n-----END ${label}-----\n`;
}

/** A token as ASM would serve it, addressed to `keyPair`'s certificate. */
function asmToken(keyPair: TokenKeyPair, inner: InnerOptions = {}): string {
  return smime(forgeEnvelope(innerText(inner), keyPair.certificatePem));
}

function signedData(keyPair: TokenKeyPair): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(innerText());
  p7.addCertificate(keyPair.certificatePem);
  p7.addSigner({ key: keyPair.privateKeyPem, certificate: keyPair.certificatePem, digestAlgorithm: forge.pki.oids.sha256! });
  p7.sign();
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** The HomeroomError `run` throws; fails the test when it returns or throws something else. */
function errorOf(run: () => unknown): HomeroomError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(HomeroomError);
  return thrown as HomeroomError;
}

/** Everything about an error a log or a client could show. */
function everythingShown(error: HomeroomError): string {
  return [error.message, error.stack ?? '', JSON.stringify(error.details), String(error.cause ?? '')].join('\n');
}

function expectNoSecretIn(error: HomeroomError, keyPair?: TokenKeyPair): void {
  const shown = everythingShown(error);
  for (const secret of SECRETS) {
    expect(shown).not.toContain(secret);
    // A hard-wrapped secret could leak in pieces; any 12 characters of it would do harm.
    expect(shown).not.toContain(secret.slice(3, 15));
  }
  if (keyPair) {
    for (const line of keyPair.privateKeyPem.split('\n').filter((l) => !l.startsWith('-----') && l.length > 20)) {
      expect(shown).not.toContain(line);
    }
  }
}

const UNICODE_NAME = 'École Sainte-Anne & Co_1';
const UNICODE_NOW = new Date('2026-01-31T23:59:59.999Z');

let homeroom: TokenKeyPair;
let other: TokenKeyPair;
/** A CN outside PrintableString, a `now` with milliseconds, a year's validity. */
let unicode: TokenKeyPair;

beforeAll(() => {
  homeroom = generateTokenKeyPair({ now: NOW });
  other = generateTokenKeyPair({ now: NOW });
  unicode = generateTokenKeyPair({ commonName: UNICODE_NAME, now: UNICODE_NOW, validityDays: 365 });
});

// ---------------------------------------------------------------------------------------------

describe('generateTokenKeyPair', () => {
  it('makes a self-signed RSA-2048 certificate with the default CN, valid from 10 minutes before now for 30 days', () => {
    const certificate = forge.pki.certificateFromPem(homeroom.certificatePem);
    expect(certificate.verify(certificate)).toBe(true);
    expect(certificate.subject.hash).toBe(certificate.issuer.hash);
    expect(certificate.subject.getField('CN').value).toBe(DEFAULT_TOKEN_COMMON_NAME);
    expect(certificate.subject.attributes).toHaveLength(1);
    expect((certificate.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
    expect(certificate.validity.notBefore).toEqual(new Date('2026-09-01T07:50:00.000Z'));
    expect(certificate.validity.notAfter).toEqual(new Date('2026-10-01T08:00:00.000Z'));
    expect(homeroom.notAfter).toEqual(certificate.validity.notAfter);
    expect(certificate.siginfo.algorithmOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
  });

  it('marks the key for keyEncipherment and digitalSignature', () => {
    const keyUsage = forge.pki.certificateFromPem(homeroom.certificatePem).getExtension('keyUsage') as Record<string, unknown>;
    expect(keyUsage).toMatchObject({ critical: true, keyEncipherment: true, digitalSignature: true });
    expect(keyUsage.keyCertSign).toBe(false);
    expect(keyUsage.dataEncipherment).toBe(false);
  });

  it('gives the certificate a random positive 16-byte serial, minimally encoded', () => {
    const serials = [homeroom, other].map((pair) => forge.pki.certificateFromPem(pair.certificatePem).serialNumber);
    for (const serial of serials) {
      expect(serial).toMatch(/^[0-9a-f]{32}$/);
      expect(parseInt(serial.slice(0, 2), 16)).toBeGreaterThan(0);
      expect(parseInt(serial.slice(0, 2), 16)).toBeLessThan(0x80);
    }
    expect(serials[0]).not.toBe(serials[1]);
  });

  it('returns a PKCS#1 private key that matches the certificate (checked by Node/OpenSSL)', () => {
    expect(homeroom.privateKeyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(homeroom.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
    expect(homeroom.certificatePem).not.toContain('\r');
    const x509 = new crypto.X509Certificate(homeroom.certificatePem);
    expect(x509.checkPrivateKey(crypto.createPrivateKey(homeroom.privateKeyPem))).toBe(true);
    expect(x509.checkPrivateKey(crypto.createPrivateKey(other.privateKeyPem))).toBe(false);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(x509.ca).toBe(false);
  });

  it('uses the common name, time and validity asked for, with a UTF-8 common name', () => {
    const x509 = new crypto.X509Certificate(unicode.certificatePem);
    expect(x509.subject).toBe(`CN=${UNICODE_NAME}`);
    expect(x509.issuer).toBe(x509.subject);
    const certificate = forge.pki.certificateFromPem(unicode.certificatePem);
    expect(certificate.subject.getField('CN').valueTagClass).toBe(forge.asn1.Type.UTF8);
    // X.509 keeps whole seconds: the returned notAfter is what the certificate says.
    expect(certificate.validity.notBefore).toEqual(new Date('2026-01-31T23:49:59.000Z'));
    expect(certificate.validity.notAfter).toEqual(new Date('2027-01-31T23:59:59.000Z'));
    expect(unicode.notAfter).toEqual(new Date('2027-01-31T23:59:59.000Z'));
    expect(readServerToken(asmToken(unicode), unicode)).toEqual(EXPECTED);
  });

  it.each([
    [{ commonName: '' }, 'commonName'],
    [{ commonName: '   ' }, 'commonName'],
    [{ commonName: 'x'.repeat(65) }, 'commonName'],
    [{ validityDays: 0 }, 'validityDays'],
    [{ validityDays: -1 }, 'validityDays'],
    [{ validityDays: Number.NaN }, 'validityDays'],
    [{ validityDays: Number.POSITIVE_INFINITY }, 'validityDays'],
    [{ now: new Date('not a date') }, 'now'],
  ])('refuses %o with BAD_USER_INPUT naming the field', (options, field) => {
    const error = errorOf(() => generateTokenKeyPair(options));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details).toEqual({ field });
  });
});

// ---------------------------------------------------------------------------------------------

describe('readServerToken: containers (tokens built with node-forge)', () => {
  it('reads an S/MIME token exactly as ASM serves it (76-character base64 lines)', () => {
    const file = asmToken(homeroom);
    expect(file.split('\n')[6]).toHaveLength(76);
    expect(readServerToken(file, homeroom)).toEqual(EXPECTED);
  });

  it('reads the S/MIME token as bytes, with CRLF line ends, and after a UTF-8 byte-order mark', () => {
    const der = forgeEnvelope(innerText(), homeroom.certificatePem);
    expect(readServerToken(Buffer.from(smime(der)), homeroom)).toEqual(EXPECTED);
    expect(readServerToken(smime(der, '\r\n'), homeroom)).toEqual(EXPECTED);
    expect(readServerToken(Buffer.from(`\uFEFF${smime(der, '\r\n')}`, 'utf8'), homeroom)).toEqual(EXPECTED);
    expect(readServerToken(`\uFEFF${smime(der)}`, homeroom)).toEqual(EXPECTED);
  });

  it('reads PEM PKCS#7 under the PKCS7 and CMS labels, with text around the block', () => {
    const der = forgeEnvelope(innerText(), homeroom.certificatePem);
    expect(readServerToken(pem(der, 'PKCS7'), homeroom)).toEqual(EXPECTED);
    expect(readServerToken(pem(der, 'CMS').replace(/\n/g, '\r\n'), homeroom)).toEqual(EXPECTED);
    expect(readServerToken(`token for server 1\n${pem(der, 'PKCS7')}\nend`, homeroom)).toEqual(EXPECTED);
  });

  it('reads raw DER as a Buffer and as a binary string, and bare base64', () => {
    const der = forgeEnvelope(innerText(), homeroom.certificatePem);
    expect(readServerToken(der, homeroom)).toEqual(EXPECTED);
    expect(readServerToken(der.toString('binary'), homeroom)).toEqual(EXPECTED);
    expect(readServerToken(chunk(der.toString('base64'), 76).join('\n'), homeroom)).toEqual(EXPECTED);
  });

  it.each([
    ['aes128-CBC', forge.pki.oids['aes128-CBC']!],
    ['aes192-CBC', forge.pki.oids['aes192-CBC']!],
    ['aes256-CBC', forge.pki.oids['aes256-CBC']!],
    ['des-EDE3-CBC', forge.pki.oids['des-EDE3-CBC']!],
  ])('decrypts content encrypted with %s', (_name, oid) => {
    expect(readServerToken(smime(forgeEnvelope(innerText(), homeroom.certificatePem, oid)), homeroom)).toEqual(EXPECTED);
  });

  it('finds its recipient among several', () => {
    const p7 = forge.pkcs7.createEnvelopedData();
    p7.addRecipient(forge.pki.certificateFromPem(other.certificatePem));
    p7.addRecipient(forge.pki.certificateFromPem(homeroom.certificatePem));
    p7.content = forge.util.createBuffer(innerText());
    p7.encrypt();
    const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
    expect(readServerToken(der, homeroom)).toEqual(EXPECTED);
    expect(readServerToken(der, other)).toEqual(EXPECTED);
  });
});

describe('readServerToken: inner content (tokens built with node-forge)', () => {
  it.each<[string, InnerOptions]>([
    ['MIME headers, markers and JSON wrapped at 64 characters with CRLF (ASM)', {}],
    ['MIME headers and wrapped JSON without markers', { markers: false }],
    ['markers without MIME headers', { headers: false }],
    ['bare JSON on one line', { headers: false, markers: false, wrap: 0 }],
    ['JSON wrapped at 7 characters with LF', { wrap: 7, eol: '\n' }],
    ['JSON wrapped with old Mac CR line ends', { eol: '\r' }],
    ['pretty-printed JSON', { json: JSON.stringify(CREDENTIALS, null, 2), wrap: 0 }],
  ])('reads %s', (_name, inner) => {
    expect(readServerToken(asmToken(homeroom, inner), homeroom)).toEqual(EXPECTED);
  });

  it('keeps non-ASCII text intact (UTF-8 inside the envelope)', () => {
    const json = JSON.stringify({ ...CREDENTIALS, server_name: 'École élémentaire' });
    expect(readServerToken(asmToken(homeroom, { json }), homeroom)).toEqual(EXPECTED);
  });
});

// ---------------------------------------------------------------------------------------------

describe('readServerToken: files that are not a token', () => {
  it.each<[string, () => Buffer | string, string]>([
    ['an empty string', () => '', 'empty'],
    ['an empty Buffer', () => Buffer.alloc(0), 'empty'],
    ['blank lines', () => '\r\n\n  \n', 'empty'],
    ['prose', () => 'Hello, here is the token you asked for!\n', 'unknown-format'],
    ['binary garbage', () => Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256)), 'unknown-format'],
    ['garbage that starts like DER', () => Buffer.from([0x30, 0x82, 0x05, 0x00, 1, 2, 3]), 'not-pkcs7'],
    ['a DER SEQUENCE that is not a ContentInfo', () => Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05]), 'not-pkcs7'],
    ['base64 of something else', () => Buffer.from('just some words in base64').toString('base64'), 'not-pkcs7'],
    ['a PEM certificate', () => homeroom.certificatePem, 'pem-not-pkcs7'],
    ['a PEM private key', () => homeroom.privateKeyPem, 'pem-not-pkcs7'],
    ['signed PKCS#7 (DER)', () => signedData(homeroom), 'signed-data'],
    ['signed PKCS#7 (PEM)', () => pem(signedData(homeroom), 'PKCS7'), 'signed-data'],
    ['a token cut in half', () => forgeEnvelope(innerText(), homeroom.certificatePem).subarray(0, 300), 'not-pkcs7'],
    ['S/MIME whose body is not base64', () => smime(Buffer.alloc(0)).replace(/\n\n[\s\S]*$/, '\n\n%%% not base64 %%%\n'), 'bad-base64'],
    ['an S/MIME header without a body', () => 'Content-Type: application/pkcs7-mime; smime-type=enveloped-data\n', 'bad-base64'],
    ['a MIME message of another type', () => 'Content-Type: text/plain\n\nhello\n', 'mime-not-pkcs7'],
  ])('refuses %s with TOKEN_UNREADABLE', (_name, file, reason) => {
    const error = errorOf(() => readServerToken(file(), homeroom));
    expect(error.code).toBe(ErrorCode.TOKEN_UNREADABLE);
    expect(error.details).toEqual({ reason });
    expect(error.message).toMatch(/Apple School Manager/);
    expectNoSecretIn(error, homeroom);
  });

  it('tells the admin that a certificate or a key is not the token, without echoing it', () => {
    expect(errorOf(() => readServerToken(homeroom.certificatePem, homeroom)).message).toMatch(/is a certificate/);
    const keyError = errorOf(() => readServerToken(homeroom.privateKeyPem, homeroom));
    expect(keyError.message).toMatch(/is a private key/);
    expectNoSecretIn(keyError, homeroom);
  });

  it('refuses a token whose ciphertext is damaged with TOKEN_UNREADABLE', () => {
    const der = forgeEnvelope(innerText(), homeroom.certificatePem);
    // CBC: flipping a bit of the second-to-last cipher block flips the same bit of the last plaintext
    // block. Its last byte is the padding length (1..16); with 0x80 flipped it is always invalid.
    der[der.length - 17]! ^= 0x80;
    const error = errorOf(() => readServerToken(der, homeroom));
    expect(error.code).toBe(ErrorCode.TOKEN_UNREADABLE);
    expect(error.details).toEqual({ reason: 'damaged' });
  });

  it('throws a plain Error, not a token error, when the stored key pair itself is broken', () => {
    const file = asmToken(homeroom);
    expect(() => readServerToken(file, { ...homeroom, certificatePem: 'nope' })).toThrow(/certificatePem is not a PEM/);
    const broken = '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----\n';
    let thrown: unknown;
    try {
      readServerToken(file, { ...homeroom, privateKeyPem: broken });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(HomeroomError);
    expect((thrown as Error).message).toMatch(/privateKeyPem is not/);
    expect((thrown as Error).message).not.toContain('MIIBOgIBAAJBAKj34GkxFhD9');
  });
});

describe('readServerToken: tokens for another key', () => {
  it('refuses a token encrypted to another certificate with TOKEN_WRONG_KEY, naming both serials', () => {
    const error = errorOf(() => readServerToken(asmToken(other), homeroom));
    expect(error.code).toBe(ErrorCode.TOKEN_WRONG_KEY);
    expect(error.details).toEqual({
      certificateSerial: forge.pki.certificateFromPem(homeroom.certificatePem).serialNumber,
      recipientSerials: [forge.pki.certificateFromPem(other.certificatePem).serialNumber],
    });
    expect(error.message).toMatch(/upload Homeroom's current certificate/);
    expectNoSecretIn(error, homeroom);
  });

  it("refuses with TOKEN_WRONG_KEY when the recipient matches but the private key is not the certificate's", () => {
    const mismatched = { certificatePem: homeroom.certificatePem, privateKeyPem: other.privateKeyPem };
    const error = errorOf(() => readServerToken(asmToken(homeroom), mismatched));
    expect(error.code).toBe(ErrorCode.TOKEN_WRONG_KEY);
    expectNoSecretIn(error, other);
  });
});

describe('readServerToken: content that is not valid credentials', () => {
  it('refuses bad JSON inside a good envelope with TOKEN_INVALID_CONTENT (field json), without quoting it', () => {
    const json = JSON.stringify(CREDENTIALS).slice(0, 120);
    const error = errorOf(() => readServerToken(asmToken(homeroom, { json }), homeroom));
    expect(error.code).toBe(ErrorCode.TOKEN_INVALID_CONTENT);
    expect(error.details).toEqual({ field: 'json' });
    expectNoSecretIn(error, homeroom);
  });

  it('refuses a missing key inside a good envelope with TOKEN_INVALID_CONTENT naming it', () => {
    const { access_secret: _dropped, ...rest } = CREDENTIALS;
    const error = errorOf(() => readServerToken(asmToken(homeroom, { json: JSON.stringify(rest) }), homeroom));
    expect(error.code).toBe(ErrorCode.TOKEN_INVALID_CONTENT);
    expect(error.details).toEqual({ field: 'access_secret' });
    expect(error.message).toMatch(/`access_secret` is missing/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('tokenFromText', () => {
  it('reads the inner text of an ASM token', () => {
    expect(tokenFromText(innerText())).toEqual(EXPECTED);
  });

  it('joins hard-wrapped lines without separators, also inside string values', () => {
    const text = innerText({ wrap: 10, eol: '\n' });
    // Sanity: the wrapping really cuts through the secrets.
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(tokenFromText(text)).toEqual(EXPECTED);
  });

  it('strips markers that share a line with the JSON, as nanodep does', () => {
    const json = JSON.stringify(CREDENTIALS);
    expect(tokenFromText(`-----BEGIN MESSAGE-----${json.slice(0, 50)}\n${json.slice(50)}\n-----END MESSAGE-----`)).toEqual(EXPECTED);
  });

  it('reads folded MIME headers, a header block without its blank line, and a base64 transfer encoding', () => {
    const json = JSON.stringify(CREDENTIALS);
    expect(tokenFromText(`Content-Type: text/plain;\r\n charset=UTF-8\r\n\r\n${json}\r\n`)).toEqual(EXPECTED);
    expect(tokenFromText(`Content-Type: text/plain;charset=UTF-8\n${json}`)).toEqual(EXPECTED);
    const base64 = chunk(Buffer.from(`-----BEGIN MESSAGE-----\n${json}\n-----END MESSAGE-----\n`).toString('base64'), 76).join('\r\n');
    expect(tokenFromText(`Content-Type: text/plain\r\nContent-Transfer-Encoding: BASE64\r\n\r\n${base64}\r\n`)).toEqual(EXPECTED);
  });

  it('ignores keys it does not know', () => {
    expect(tokenFromText(JSON.stringify({ ...CREDENTIALS, org_name: 'x', extra: { nested: true } }))).toEqual(EXPECTED);
  });

  it.each([
    ['2027-01-14T21:27:41Z', '2027-01-14T21:27:41.000Z'],
    ['2027-01-14t21:27:41z', '2027-01-14T21:27:41.000Z'],
    ['2027-01-14 21:27:41Z', '2027-01-14T21:27:41.000Z'],
    ['2027-01-14T21:27:41.5Z', '2027-01-14T21:27:41.500Z'],
    ['2027-01-14T21:27:41.123456Z', '2027-01-14T21:27:41.123Z'],
    ['2027-01-14T23:27:41+02:00', '2027-01-14T21:27:41.000Z'],
    ['2027-01-14T16:57:41-04:30', '2027-01-14T21:27:41.000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('reads the expiry %s as %s', (expiry, iso) => {
    expect(tokenFromText(JSON.stringify({ ...CREDENTIALS, access_token_expiry: expiry })).accessTokenExpiry.toISOString()).toBe(iso);
  });

  it.each([
    ['not JSON', 'consumer_key=CK_1&consumer_secret=CS_2'],
    ['truncated JSON', JSON.stringify(CREDENTIALS).slice(0, 90)],
    ['a JSON array', JSON.stringify([CREDENTIALS])],
    ['a JSON string', JSON.stringify(CREDENTIALS.consumer_secret)],
    ['JSON null', 'null'],
    ['nothing', ''],
    ['markers only', '-----BEGIN MESSAGE-----\n-----END MESSAGE-----\n'],
  ])('refuses %s with TOKEN_INVALID_CONTENT (field json)', (_name, text) => {
    const error = errorOf(() => tokenFromText(text));
    expect(error.code).toBe(ErrorCode.TOKEN_INVALID_CONTENT);
    expect(error.details).toEqual({ field: 'json' });
    expect(error.cause).toBeUndefined();
    expectNoSecretIn(error);
  });

  const KEYS = Object.keys(CREDENTIALS) as (keyof typeof CREDENTIALS)[];

  it.each(KEYS)('refuses a token without %s with TOKEN_INVALID_CONTENT naming it', (key) => {
    const { [key]: _dropped, ...rest } = CREDENTIALS;
    const error = errorOf(() => tokenFromText(innerText({ json: JSON.stringify(rest) })));
    expect(error.code).toBe(ErrorCode.TOKEN_INVALID_CONTENT);
    expect(error.details).toEqual({ field: key });
    expect(error.message).toContain(`\`${key}\` is missing`);
    expectNoSecretIn(error);
  });

  it.each(KEYS.flatMap((key) => [123, true, null, ['x'], { value: 'x' }, '', '  '].map((value) => [key, value] as const)))(
    'refuses %s = %j with TOKEN_INVALID_CONTENT naming it',
    (key, value) => {
      const error = errorOf(() => tokenFromText(JSON.stringify({ ...CREDENTIALS, [key]: value })));
      expect(error.code).toBe(ErrorCode.TOKEN_INVALID_CONTENT);
      expect(error.details).toEqual({ field: key });
      expect(error.message).toMatch(new RegExp(`\`${key}\` is (missing|not a string|empty)`));
      expectNoSecretIn(error);
    },
  );

  it.each([
    '2027-02-30T00:00:00Z',
    '2027-13-01T00:00:00Z',
    '2027-00-10T00:00:00Z',
    '2027-01-14T24:00:00Z',
    '2027-01-14T21:60:00Z',
    '2027-01-14T21:27:60Z',
    '2027-01-14T21:27:41+24:00',
    '2027-01-14T21:27:41',
    '2027-01-14',
    '2027-01-14T21:27Z',
    '1389734861908',
    'Thu, 14 Jan 2027 21:27:41 GMT',
    'next year',
  ])('refuses the expiry %j with TOKEN_INVALID_CONTENT (field access_token_expiry)', (expiry) => {
    const error = errorOf(() => tokenFromText(JSON.stringify({ ...CREDENTIALS, access_token_expiry: expiry })));
    expect(error.code).toBe(ErrorCode.TOKEN_INVALID_CONTENT);
    expect(error.details).toEqual({ field: 'access_token_expiry' });
    expect(error.message).toMatch(/RFC 3339/);
    expectNoSecretIn(error);
  });

  it('refuses a transfer encoding it cannot decode with TOKEN_INVALID_CONTENT', () => {
    const error = errorOf(() => tokenFromText(`Content-Transfer-Encoding: quoted-printable\n\n${JSON.stringify(CREDENTIALS)}`));
    expect(error.code).toBe(ErrorCode.TOKEN_INVALID_CONTENT);
    expect(error.details).toEqual({ field: 'content-transfer-encoding' });
    expectNoSecretIn(error);
  });
});

// ---------------------------------------------------------------------------------------------

const OPENSSL_AVAILABLE = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
const OPENSSL_SUITE = 'readServerToken: tokens built by the openssl CLI';

// The reason shows in the report when the suite is skipped.
describe.skipIf(!OPENSSL_AVAILABLE)(OPENSSL_AVAILABLE ? OPENSSL_SUITE : `${OPENSSL_SUITE} (skipped: no openssl on PATH)`, () => {
  let dir: string;
  const written = new Map<TokenKeyPair, { certificate: string; key: string }>();
  /** `keyPair` as the PEM files openssl reads. */
  const files = (keyPair: TokenKeyPair) => {
    let paths = written.get(keyPair);
    if (!paths) {
      paths = { certificate: path.join(dir, `${written.size}.crt`), key: path.join(dir, `${written.size}.key`) };
      fs.writeFileSync(paths.certificate, keyPair.certificatePem);
      fs.writeFileSync(paths.key, keyPair.privateKeyPem, { mode: 0o600 });
      written.set(keyPair, paths);
    }
    return paths;
  };
  const openssl = (args: string[], input: string | Buffer): Buffer =>
    execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
  /** `openssl cms -encrypt -stream` of the ASM inner text to `keyPair`'s certificate; -keyopt must follow -recip, -keyid precede it. */
  const cms = (
    keyPair: TokenKeyPair,
    outform: 'DER' | 'PEM',
    { cipher = '-aes128', options = [] as string[], keyopts = [] as string[] } = {},
  ): Buffer =>
    openssl(
      ['cms', '-encrypt', '-binary', '-stream', cipher, ...options, '-outform', outform, '-recip', files(keyPair).certificate, ...keyopts],
      innerText(),
    );
  const smimeEncrypt = (keyPair: TokenKeyPair, ...extra: string[]): Buffer =>
    openssl(['smime', '-encrypt', '-aes128', '-binary', ...extra, '-outform', 'SMIME', files(keyPair).certificate], innerText());

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-token-crypto-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads `openssl smime -encrypt -aes128 -binary -stream -outform SMIME` (indefinite-length BER inside S/MIME)', () => {
    const file = smimeEncrypt(homeroom, '-stream');
    const text = file.toString('latin1');
    expect(text).toMatch(/^MIME-Version: 1.0\n/);
    expect(text).toContain('application/x-pkcs7-mime; smime-type=enveloped-data');
    // "MIA" is base64 of 0x30 0x80: an indefinite-length SEQUENCE, as in Apple's sample.
    expect(text).toContain('\n\nMIA');
    expect(readServerToken(file, homeroom)).toEqual(EXPECTED);
    expect(readServerToken(text.replace(/\n/g, '\r\n'), homeroom)).toEqual(EXPECTED);
  });

  it('reads `openssl smime -encrypt` without -stream (definite lengths)', () => {
    const file = smimeEncrypt(homeroom);
    expect(file.toString('latin1')).toContain('\n\nMII');
    expect(readServerToken(file, homeroom)).toEqual(EXPECTED);
  });

  it('reads `openssl cms -encrypt -stream` as raw BER and as PEM (-----BEGIN CMS-----)', () => {
    const der = cms(homeroom, 'DER');
    expect([der[0], der[1]]).toEqual([0x30, 0x80]);
    expect(readServerToken(der, homeroom)).toEqual(EXPECTED);
    const pemFile = cms(homeroom, 'PEM').toString('latin1');
    expect(pemFile).toMatch(/^-----BEGIN CMS-----/);
    expect(readServerToken(pemFile, homeroom)).toEqual(EXPECTED);
  });

  it.each(['-aes192', '-aes256', '-des3'])('reads content encrypted by openssl with %s', (cipher) => {
    expect(readServerToken(cms(homeroom, 'DER', { cipher }), homeroom)).toEqual(EXPECTED);
  });

  it.each([
    ['SHA-1 (default parameters)', ['-keyopt', 'rsa_padding_mode:oaep']],
    ['SHA-256', ['-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256']],
    ['SHA-256 with MGF1-SHA-512', ['-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256', '-keyopt', 'rsa_mgf1_md:sha512']],
  ])('reads a content key wrapped with RSA-OAEP %s', (_name, keyopts) => {
    expect(readServerToken(cms(homeroom, 'DER', { keyopts }), homeroom)).toEqual(EXPECTED);
  });

  it('reads an openssl token for a certificate with a non-ASCII common name', () => {
    expect(readServerToken(smimeEncrypt(unicode, '-stream'), unicode)).toEqual(EXPECTED);
  });

  it('refuses an openssl token for another certificate with TOKEN_WRONG_KEY', () => {
    const file = smimeEncrypt(other, '-stream');
    expect(errorOf(() => readServerToken(file, homeroom)).code).toBe(ErrorCode.TOKEN_WRONG_KEY);
    expect(readServerToken(file, other)).toEqual(EXPECTED);
  });

  it('refuses an RSA-OAEP token for the right certificate but another private key with TOKEN_WRONG_KEY', () => {
    const der = cms(homeroom, 'DER', { keyopts: ['-keyopt', 'rsa_padding_mode:oaep'] });
    const error = errorOf(() => readServerToken(der, { certificatePem: homeroom.certificatePem, privateKeyPem: other.privateKeyPem }));
    expect(error.code).toBe(ErrorCode.TOKEN_WRONG_KEY);
  });

  it('refuses `openssl smime -sign` output (signed, not enveloped) with TOKEN_UNREADABLE', () => {
    const { certificate, key } = files(homeroom);
    const file = openssl(['smime', '-sign', '-signer', certificate, '-inkey', key, '-nodetach', '-outform', 'SMIME'], innerText());
    const error = errorOf(() => readServerToken(file, homeroom));
    expect(error.code).toBe(ErrorCode.TOKEN_UNREADABLE);
    expect(error.details).toEqual({ reason: 'signed-data' });
  });

  it('refuses AES-GCM (AuthEnvelopedData) with TOKEN_UNREADABLE', () => {
    const error = errorOf(() => readServerToken(cms(homeroom, 'DER', { cipher: '-aes-128-gcm' }), homeroom));
    expect(error.code).toBe(ErrorCode.TOKEN_UNREADABLE);
    expect(error.details).toEqual({ reason: 'not-enveloped' });
  });

  it('refuses a recipient identified by subject key id (not issuer and serial) with TOKEN_UNREADABLE', () => {
    // openssl needs a subjectKeyIdentifier for -keyid; Homeroom's certificates have none, so re-issue one.
    const certificate = forge.pki.certificateFromPem(homeroom.certificatePem);
    certificate.setExtensions([{ name: 'subjectKeyIdentifier' }]);
    certificate.sign(forge.pki.privateKeyFromPem(homeroom.privateKeyPem), forge.md.sha256.create());
    const withKeyId: TokenKeyPair = { ...homeroom, certificatePem: forge.pki.certificateToPem(certificate) };
    const error = errorOf(() => readServerToken(cms(withKeyId, 'DER', { options: ['-keyid'] }), withKeyId));
    expect(error.code).toBe(ErrorCode.TOKEN_UNREADABLE);
    expect(error.details).toEqual({ reason: 'bad-enveloped-data' });
  });

  it('lets openssl open a node-forge token with the generated key pair (the certificate is interoperable)', () => {
    const { certificate, key } = files(homeroom);
    const plain = openssl(['smime', '-decrypt', '-recip', certificate, '-inkey', key, '-inform', 'SMIME'], asmToken(homeroom));
    expect(plain.toString('utf8')).toBe(innerText());
    const text = openssl(['x509', '-noout', '-text', '-in', certificate], '').toString('utf8');
    expect(text).toContain('Public-Key: (2048 bit)');
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
  });
});
