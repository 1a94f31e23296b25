import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCertificateAuthority, issueDeviceIdentity } from '../../../src/mdm/certificate-authority.js';
import { verifySignedData } from '../../../src/mdm/cms.js';
import { createAppleSimulator } from '../../../src/simulator/apple/index.js';
import { identityOfPem, openPkcs12, signCms, signedContentOf } from '../../../src/simulator/device/device-crypto.js';

const NOW = new Date('2026-09-01T08:00:00Z');
const UDID = '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567';
const mdmCa = createCertificateAuthority({ commonName: 'Device crypto test CA', now: NOW });
const issued = issueDeviceIdentity(mdmCa, { serialNumber: 'DMPX12345678', udid: UDID, now: NOW });
const apple = createAppleSimulator({ clock: { now: () => NOW }, devices: 0 });

describe('device crypto', () => {
  it('opens the PKCS#12 Homeroom issues (RSA, 3DES) and finds the identity, not the CA', () => {
    const identity = openPkcs12(issued.pkcs12, issued.password);
    expect(identity.serialNumber).toBe(issued.serialNumber);
    expect(identity.certificatePem).toBe(issued.certificatePem);
    expect(identity.privateKey.asymmetricKeyType).toBe('rsa');
    expect(() => openPkcs12(issued.pkcs12, 'wrong password')).toThrow();
  });

  it.each(['sha1', 'sha256'] as const)('makes a detached %s Mdm-Signature that Homeroom verifies against its CA', async (digest) => {
    const identity = openPkcs12(issued.pkcs12, issued.password);
    const body = Buffer.from('<?xml version="1.0"?><plist version="1.0"><dict><key>Status</key><string>Idle</string></dict></plist>');
    const der = signCms(body, identity, { detached: true, digest, signingTime: NOW });
    const verified = await verifySignedData(der, { trustedCas: [mdmCa.certificatePem], detachedContent: body, now: NOW });
    expect(verified.content.equals(body)).toBe(true);
    expect(new crypto.X509Certificate(verified.signerCertificatePem).serialNumber.toUpperCase()).toBe(issued.serialNumber);
    await expect(
      verifySignedData(der, { trustedCas: [mdmCa.certificatePem], detachedContent: Buffer.concat([body, Buffer.from(' ')]), now: NOW }),
    ).rejects.toMatchObject({ reason: 'BAD_SIGNATURE' });
  });

  it('signs MachineInfo (content attached) with the P-256 factory identity so it chains to the simulated device CA', async () => {
    const factory = apple.issueDeviceIdentity({ serial: 'DMPX12345678', udid: UDID });
    const content = Buffer.from('<plist version="1.0"><dict><key>UDID</key><string>X</string></dict></plist>');
    const der = signCms(content, identityOfPem(factory.certificatePem, factory.privateKeyPem), { detached: false, signingTime: NOW });
    expect(signedContentOf(der).equals(content)).toBe(true);
    const verified = await verifySignedData(der, { trustedCas: [apple.deviceCertificateAuthorityPem()], now: NOW });
    expect(verified.content.equals(content)).toBe(true);
    await expect(verifySignedData(der, { trustedCas: [mdmCa.certificatePem], now: NOW })).rejects.toMatchObject({
      reason: 'UNTRUSTED_SIGNER',
    });
  });

  const openssl = spawnSync('openssl', ['version']).status === 0;
  it.skipIf(!openssl)('makes SignedData that `openssl cms -verify` accepts, attached (P-256) and detached (RSA, SHA-1)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'device-cms-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, data: string | Buffer) => {
      fs.writeFileSync(path.join(dir, name), data);
      return path.join(dir, name);
    };
    const content = Buffer.from('MachineInfo bytes');
    const factory = apple.issueDeviceIdentity({ serial: 'DMPX12345678', udid: UDID });
    const attached = signCms(content, identityOfPem(factory.certificatePem, factory.privateKeyPem), { detached: false, signingTime: NOW });
    const out = execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        file('attached.der', attached),
        '-CAfile',
        file('device-ca.pem', apple.deviceCertificateAuthorityPem()),
        '-purpose',
        'any',
        '-attime',
        String(NOW.getTime() / 1000),
      ],
      { stdio: 'pipe' },
    );
    expect(out.equals(content)).toBe(true);
    const identity = openPkcs12(issued.pkcs12, issued.password);
    const detached = signCms(content, identity, { detached: true, digest: 'sha1', signingTime: NOW });
    const checked = execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        file('detached.der', detached),
        '-content',
        file('content.bin', content),
        '-CAfile',
        file('mdm-ca.pem', mdmCa.certificatePem),
        '-purpose',
        'any',
        '-attime',
        String(NOW.getTime() / 1000),
      ],
      { stdio: 'pipe' },
    );
    expect(checked.equals(content)).toBe(true);
  });
});
