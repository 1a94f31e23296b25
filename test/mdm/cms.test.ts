import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueDeviceIdentity } from '../../src/mdm/certificate-authority.js';
import { CmsVerificationError, verifyPinnedSignature, verifySignedData, type CmsFailure } from '../../src/mdm/cms.js';
import { identityOfPkcs12, signCms, testCa, type TestCa } from '../support/mdm-device.js';

const NOW = new Date('2026-09-01T08:00:00.000Z');
const ca = createCertificateAuthority({ commonName: 'Homeroom MDM device CA', now: NOW });
const stranger = createCertificateAuthority({ commonName: 'Somebody else', now: NOW });

/** A device identity of `authority` as a device holds it (opened from its PKCS#12). */
function identityOf(authority: Pick<TestCa, 'certificatePem' | 'privateKeyPem'> = ca, serialNumber = 'DMPXK2ABCD30') {
  const issued = issueDeviceIdentity(authority, { serialNumber, now: NOW });
  return { ...identityOfPkcs12(issued.pkcs12, issued.password), certificatePem: issued.certificatePem };
}

/** SignedData as devices make it: signed attributes (content type, digest, time), the signer's certificate embedded. */
function sign(
  content: Buffer,
  options: { detached?: boolean; digest?: 'sha1' | 'sha256'; identity?: ReturnType<typeof identityOf> } = {},
): Buffer {
  return signCms(content, options.identity ?? identityOf(), { ...options, signingTime: NOW });
}

async function failureOf(promise: Promise<unknown>): Promise<CmsFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CmsVerificationError)) throw new Error(`expected a CmsVerificationError, got ${String(error)}`);
  return error.reason;
}

const body = Buffer.from(
  '<?xml version="1.0"?><plist version="1.0"><dict><key>MessageType</key><string>Authenticate</string></dict></plist>',
);

describe('CMS SignedData verification', () => {
  it('returns the attached content and the signer of a SHA-256 SignedData chained to a trusted CA', async () => {
    const identity = identityOf();
    const verified = await verifySignedData(sign(body, { identity }), { trustedCas: [ca.certificatePem], now: NOW });
    expect(verified.content).toEqual(body);
    expect(verified.signerCertificatePem.trim()).toBe(identity.certificatePem.trim());
  });

  it('verifies a detached signature over the exact body given, with SHA-1 or SHA-256', async () => {
    for (const digest of ['sha1', 'sha256'] as const) {
      const signature = sign(body, { detached: true, digest });
      const verified = await verifySignedData(signature, { trustedCas: [ca.certificatePem], detachedContent: body, now: NOW });
      expect(verified.content).toEqual(body);
    }
  });

  it('refuses a body changed after signing (BAD_SIGNATURE)', async () => {
    const signature = sign(body, { detached: true });
    const altered = Buffer.from(body.toString().replace('Authenticate', 'TokenUpdate'));
    expect(await failureOf(verifySignedData(signature, { trustedCas: [ca.certificatePem], detachedContent: altered, now: NOW }))).toBe(
      'BAD_SIGNATURE',
    );
  });

  it('refuses a signer from another CA, and one whose certificate is not valid yet (UNTRUSTED_SIGNER)', async () => {
    const foreign = sign(body, { identity: identityOf(stranger) });
    expect(await failureOf(verifySignedData(foreign, { trustedCas: [ca.certificatePem], now: NOW }))).toBe('UNTRUSTED_SIGNER');
    const early = new Date(NOW.getTime() - 24 * 3600 * 1000);
    expect(await failureOf(verifySignedData(sign(body), { trustedCas: [ca.certificatePem], now: early }))).toBe('UNTRUSTED_SIGNER');
  });

  it("trusts a legacy CA by its signature alone, though long expired (Apple's iPhone Device CA), and only for signers it issued", async () => {
    const longAgo = new Date('2004-01-01T00:00:00.000Z');
    const expired = createCertificateAuthority({ commonName: 'Apple iPhone Device CA', now: longAgo });
    const issued = issueDeviceIdentity(expired, { serialNumber: 'DMPXK2ABCD30', now: longAgo });
    const old = { ...identityOfPkcs12(issued.pkcs12, issued.password), certificatePem: issued.certificatePem };
    const signed = sign(body, { identity: old });

    expect(await failureOf(verifySignedData(signed, { trustedCas: [expired.certificatePem], now: NOW }))).toBe('UNTRUSTED_SIGNER');
    const verified = await verifySignedData(signed, { trustedCas: [], legacyCas: [expired.certificatePem], now: NOW });
    expect(verified.content).toEqual(body);
    expect(await failureOf(verifySignedData(sign(body), { trustedCas: [], legacyCas: [expired.certificatePem], now: NOW }))).toBe(
      'UNTRUSTED_SIGNER',
    );
  });

  it('accepts a signer issued by an intermediate the SignedData carries and a trusted root issued; without it, UNTRUSTED_SIGNER naming the intermediate as the untrusted issuer', async () => {
    const root = testCa('Chain Root CA', { now: NOW });
    const intermediate = testCa('Chain Device Sub CA', { issuer: root, pathLength: 0, now: NOW });
    const identity = identityOf(intermediate);

    const chained = signCms(body, identity, { signingTime: NOW, chain: [intermediate.certificate] });
    const verified = await verifySignedData(chained, { trustedCas: [root.certificatePem], now: NOW });
    expect(verified.content).toEqual(body);
    expect(verified.signerCertificatePem.trim()).toBe(identity.certificatePem.trim());
    // An intermediate trusted itself (in MDM_DEVICE_CA_FILE) needs nothing from the device.
    expect((await verifySignedData(sign(body, { identity }), { trustedCas: [intermediate.certificatePem], now: NOW })).content).toEqual(
      body,
    );

    const error = await verifySignedData(sign(body, { identity }), { trustedCas: [root.certificatePem], now: NOW }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CmsVerificationError);
    expect(error).toMatchObject({ reason: 'UNTRUSTED_SIGNER', untrustedIssuer: 'CN=Chain Device Sub CA, O=Test Devices Inc' });
    expect((error as Error).message).toContain('"CN=Chain Device Sub CA, O=Test Devices Inc", which is not a trusted CA');
  });

  it("refuses a chain through a certificate that is not a CA, beyond a CA's path length, or through an expired intermediate (UNTRUSTED_SIGNER)", async () => {
    const root = testCa('Strict Root CA', { pathLength: 0, now: NOW });
    const trust = { trustedCas: [root.certificatePem], now: NOW };
    // A device identity used as a CA: its certificate is not a CA's.
    const device = issueDeviceIdentity(root, { serialNumber: 'LEAF0001', now: NOW });
    const leaf = identityOfPkcs12(device.pkcs12, device.password);
    const forged = identityOf({ certificatePem: device.certificatePem, privateKeyPem: forge.pki.privateKeyToPem(leaf.key) }, 'FORGED0001');
    expect(await failureOf(verifySignedData(signCms(body, forged, { chain: [leaf.certificate] }), trust))).toBe('UNTRUSTED_SIGNER');
    // The root allows no intermediate below it.
    const sub = testCa('Too Deep Sub CA', { issuer: root, now: NOW });
    const deep = signCms(body, identityOf(sub), { chain: [sub.certificate] });
    expect(await verifySignedData(deep, trust).catch((e: Error) => e.message)).toMatch(/allows no more than 0 intermediates/);
    // An intermediate past its validity, though the root and the device certificate are valid.
    const open = testCa('Open Root CA', { now: NOW });
    const old = testCa('Old Sub CA', { issuer: open, now: new Date(NOW.getTime() - 11 * 365 * 86_400_000) });
    const stale = signCms(body, identityOf(old), { chain: [old.certificate] });
    expect(await verifySignedData(stale, { trustedCas: [open.certificatePem], now: NOW }).catch((e: Error) => e.message)).toMatch(
      /intermediate CA \(CN=Old Sub CA, O=Test Devices Inc\) is not valid now/,
    );
  });

  it('verifies a pinned signer with Node alone: SHA-1 and SHA-256, a changed body (BAD_SIGNATURE), an expired certificate (UNTRUSTED_SIGNER)', async () => {
    const identity = identityOf();
    for (const digest of ['sha1', 'sha256'] as const) {
      const signer = verifyPinnedSignature(sign(body, { detached: true, digest, identity }), body, NOW);
      expect(signer.toString()).toBe(new crypto.X509Certificate(identity.certificatePem).toString());
    }
    const signature = sign(body, { detached: true, identity });
    const changed = Buffer.concat([body, Buffer.from(' ')]);
    expect(() => verifyPinnedSignature(signature, changed, NOW)).toThrow(expect.objectContaining({ reason: 'BAD_SIGNATURE' }));
    const later = new Date(NOW.getTime() + 3 * 365 * 24 * 3600 * 1000);
    expect(() => verifyPinnedSignature(signature, body, later)).toThrow(expect.objectContaining({ reason: 'UNTRUSTED_SIGNER' }));
    expect(() => verifyPinnedSignature(Buffer.from('garbage'), body, NOW)).toThrow(expect.objectContaining({ reason: 'MALFORMED' }));
  });

  it('refuses what is not a SignedData, and a detached signature without its content (MALFORMED)', async () => {
    const options = { trustedCas: [ca.certificatePem], now: NOW };
    expect(await failureOf(verifySignedData(Buffer.from('not der at all'), options))).toBe('MALFORMED');
    expect(await failureOf(verifySignedData(Buffer.from(new crypto.X509Certificate(ca.certificatePem).raw), options))).toBe('MALFORMED');
    expect(await failureOf(verifySignedData(sign(body, { detached: true }), options))).toBe('MALFORMED');
  });

  // Cross-checks with another implementation where the machine has one (Debian's openssl on every CI machine here).
  const openssl = spawnSync('openssl', ['version']).status === 0;
  it.skipIf(!openssl)('verifies what `openssl cms -sign` makes, attached and detached', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-cms-'));
    try {
      const identity = identityOf();
      fs.writeFileSync(path.join(dir, 'cert.pem'), identity.certificatePem);
      fs.writeFileSync(path.join(dir, 'key.pem'), forge.pki.privateKeyToPem(identity.key as forge.pki.rsa.PrivateKey));
      fs.writeFileSync(path.join(dir, 'body.plist'), body);
      const run = (extra: string[]) =>
        execFileSync('openssl', [
          'cms',
          '-sign',
          '-binary',
          '-outform',
          'DER',
          '-md',
          'sha256',
          '-in',
          path.join(dir, 'body.plist'),
          '-signer',
          path.join(dir, 'cert.pem'),
          '-inkey',
          path.join(dir, 'key.pem'),
          ...extra,
        ]);
      const attached = await verifySignedData(run(['-nodetach']), { trustedCas: [ca.certificatePem], now: NOW });
      expect(attached.content).toEqual(body);
      const detached = await verifySignedData(run([]), { trustedCas: [ca.certificatePem], detachedContent: body, now: NOW });
      expect(detached.content).toEqual(body);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
