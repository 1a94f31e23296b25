import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/simulator/apple/random.js';
import {
  innerMessage,
  issueTokenFile,
  mintConsumer,
  mintCredentials,
  oneYearAfter,
  parseCertificate,
  tokenFileName,
} from '../../../src/simulator/apple/token-file.js';
import { decryptTokenMessage, readToken, testKeyPair } from './support.js';

const NOW = Date.parse('2026-09-01T08:00:00Z');

function credentials() {
  const random = SeededRandom.fromSeed(1, 'test');
  return mintCredentials(random, mintConsumer(random), NOW);
}

describe('credentials', () => {
  it("have Apple's shapes and expire one year after issue", () => {
    const c = credentials();
    expect(c.consumerKey).toMatch(/^CK_[0-9a-f]{96}$/);
    expect(c.consumerSecret).toMatch(/^CS_[0-9a-f]{40}$/);
    expect(c.accessToken).toMatch(new RegExp(`^AT_O[1-9]\\d{9}O[0-9a-f]{40}O${NOW}$`));
    expect(c.accessSecret).toMatch(/^AS_[0-9a-f]{40}$/);
    expect(new Date(c.expiresAt).toISOString()).toBe('2027-09-01T08:00:00.000Z');
    expect(new Date(oneYearAfter(Date.parse('2028-02-29T12:00:00Z'))).toISOString()).toBe('2029-03-01T12:00:00.000Z');
  });
});

describe('token file', () => {
  it('is named <server>_Token_<time>_smime.p7m with unsafe characters replaced', () => {
    expect(tokenFileName('Homeroom MDM', NOW)).toBe('Homeroom_MDM_Token_2026-09-01T08-00-00Z_smime.p7m');
  });

  it('has the S/MIME headers and 76-character base64 lines of an ASM download', () => {
    const file = issueTokenFile(testKeyPair().certificatePem, credentials(), 'MDM', NOW);
    const [head, body] = file.content.split('\r\n\r\n');
    expect(head!.split('\r\n')).toEqual([
      'Content-Type: application/pkcs7-mime; name="smime.p7m"; smime-type=enveloped-data',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="smime.p7m"',
      'Content-Description: S/MIME Encrypted Message',
    ]);
    const lines = body!.trimEnd().split('\r\n');
    expect(lines.slice(0, -1).every((line) => line.length === 76)).toBe(true);
    expect(lines.at(-1)!.length).toBeLessThanOrEqual(76);
  });

  it('is PKCS#7 enveloped data to the uploaded certificate, AES-128-CBC, holding the exact inner message', () => {
    const c = credentials();
    const file = issueTokenFile(testKeyPair().certificatePem, c, 'MDM', NOW);
    const der = forge.util.decode64(file.content.split('\r\n\r\n')[1]!.replace(/\s+/g, ''));
    const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(der)) as unknown as { encryptedContent: { algorithm: string } };
    expect(message.encryptedContent.algorithm).toBe(forge.pki.oids['aes128-CBC']);
    const inner = decryptTokenMessage(file.content, testKeyPair());
    expect(inner).toBe(innerMessage(c));
    expect(
      inner.startsWith('Content-Type: text/plain;charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n-----BEGIN MESSAGE-----\r\n'),
    ).toBe(true);
    expect(inner.endsWith('\r\n-----END MESSAGE-----\r\n')).toBe(true);
    const jsonLines = inner.split('\r\n').slice(4, -2);
    expect(jsonLines.slice(0, -1).every((line) => line.length === 64)).toBe(true);
    expect(readToken(file.content)).toEqual({
      consumer_key: c.consumerKey,
      consumer_secret: c.consumerSecret,
      access_token: c.accessToken,
      access_secret: c.accessSecret,
      access_token_expiry: '2027-09-01T08:00:00Z',
    });
  });

  it('cannot be read with another key pair', () => {
    const file = issueTokenFile(testKeyPair().certificatePem, credentials(), 'MDM', NOW);
    expect(() => readToken(file.content, testKeyPair('someone-else'))).toThrow(/not encrypted to this certificate/);
  });

  it('refuses something that is not a PEM certificate', () => {
    expect(() => parseCertificate('-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----')).toThrow(/PEM X.509 certificate/);
    expect(() => parseCertificate('-----BEGIN CERTIFICATE-----\nnot base64 der\n-----END CERTIFICATE-----')).toThrow(/could not be read/);
  });
});
