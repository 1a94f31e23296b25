import crypto from 'node:crypto';
import { encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import {
  APPLE_ATTESTATION_OID,
  APPLE_ENTERPRISE_ATTESTATION_ROOT_CA_PEM,
  AttestationError,
  verifyAppleAttestation,
} from '../../../src/mdm/acme/apple-attestation.js';
import { AttestationCertificateAuthority } from '../../../src/simulator/apple/attestation-ca.js';

const NOW = new Date('2026-09-01T08:00:00.000Z');
const SERIAL = 'DMPXK2ABCD20';
const UDID = '00008101-001E30590C08001E';
const TOKEN = 'challenge-token-1';

const simulated = AttestationCertificateAuthority.create(NOW);
const roots = [
  new crypto.X509Certificate(APPLE_ENTERPRISE_ATTESTATION_ROOT_CA_PEM),
  new crypto.X509Certificate(simulated.rootCertificatePem),
];
const key = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });

function attestation(options: { ca?: AttestationCertificateAuthority; token?: string; fmt?: string } = {}): Uint8Array {
  const { x5c } = (options.ca ?? simulated).attest(
    {
      serial: SERIAL,
      udid: UDID,
      publicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      freshnessCode: crypto
        .createHash('sha256')
        .update(options.token ?? TOKEN)
        .digest('base64'),
    },
    NOW,
  );
  return encode({
    fmt: options.fmt ?? 'apple',
    attStmt: { x5c: x5c.map((der) => new Uint8Array(Buffer.from(der, 'base64'))) },
    authData: new Uint8Array(0),
  });
}

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AttestationError) return error.reason;
    throw error;
  }
  return 'ACCEPTED';
};

describe('verifyAppleAttestation', () => {
  it("embeds Apple's Enterprise Attestation Root CA as Apple publishes it (self-signed P-384, fingerprint CC:F5:9E:F8...)", () => {
    const root = new crypto.X509Certificate(APPLE_ENTERPRISE_ATTESTATION_ROOT_CA_PEM);
    expect(root.subject).toContain('CN=Apple Enterprise Attestation Root CA');
    expect(root.fingerprint256).toBe('CC:F5:9E:F8:FC:B3:01:7D:97:F8:B5:FA:6F:A9:0E:7A:3F:92:83:F7:6B:55:AC:6C:F6:ED:A8:B8:B9:49:F0:5B');
    expect(root.verify(root.publicKey)).toBe(true);
    expect(root.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
  });

  it('returns the attested serial, UDID and key of an attestation chaining to a trusted root, freshness code = SHA-256 of the token', () => {
    const verified = verifyAppleAttestation(attestation(), { token: TOKEN, roots, now: NOW });
    expect(verified.serialNumber).toBe(SERIAL);
    expect(verified.udid).toBe(UDID);
    expect(verified.publicKeySpki.equals(key.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(APPLE_ATTESTATION_OID.freshnessCode).toBe('1.2.840.113635.100.8.11.1');
  });

  it('refuses FRESHNESS_MISMATCH for an attestation made for another token', () => {
    expect(failure(() => verifyAppleAttestation(attestation({ token: 'other' }), { token: TOKEN, roots, now: NOW }))).toBe(
      'FRESHNESS_MISMATCH',
    );
  });

  it("refuses UNTRUSTED_CHAIN under another root, and under the simulator's root when only Apple's is trusted", () => {
    const rogue = AttestationCertificateAuthority.create(NOW);
    expect(failure(() => verifyAppleAttestation(attestation({ ca: rogue }), { token: TOKEN, roots, now: NOW }))).toBe('UNTRUSTED_CHAIN');
    expect(failure(() => verifyAppleAttestation(attestation(), { token: TOKEN, roots: roots.slice(0, 1), now: NOW }))).toBe(
      'UNTRUSTED_CHAIN',
    );
  });

  it('refuses UNTRUSTED_CHAIN for a leaf whose signature is broken, and for an expired leaf', () => {
    const decoded = attestation();
    // The leaf's last bytes are its signature: flip one inside the CBOR byte string.
    const object = Buffer.from(decoded);
    const leafEnd = object.indexOf(Buffer.from(new crypto.X509Certificate(simulated.record.intermediateCertificatePem).raw.subarray(0, 8)));
    object[leafEnd - 12]! ^= 0xff;
    expect(failure(() => verifyAppleAttestation(new Uint8Array(object), { token: TOKEN, roots, now: NOW }))).toBe('UNTRUSTED_CHAIN');
    const later = new Date(NOW.getTime() + 60 * 24 * 3600 * 1000);
    expect(failure(() => verifyAppleAttestation(attestation(), { token: TOKEN, roots, now: later }))).toBe('UNTRUSTED_CHAIN');
  });

  it('refuses MALFORMED for non-CBOR, another format, and no x5c', () => {
    expect(failure(() => verifyAppleAttestation(new Uint8Array([0xff, 0x00]), { token: TOKEN, roots, now: NOW }))).toBe('MALFORMED');
    expect(failure(() => verifyAppleAttestation(attestation({ fmt: 'tpm' }), { token: TOKEN, roots, now: NOW }))).toBe('MALFORMED');
    expect(failure(() => verifyAppleAttestation(encode({ fmt: 'apple', attStmt: {} }), { token: TOKEN, roots, now: NOW }))).toBe(
      'MALFORMED',
    );
  });
});
