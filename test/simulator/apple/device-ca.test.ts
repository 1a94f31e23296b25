import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startAppleSimulator } from '../../../src/simulator/apple/index.js';
import { ManualClock, request, startSimulator } from './support.js';

const UDID = '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567';

interface IdentityJson {
  certificatePem: string;
  privateKeyPem: string;
  caCertificatePem: string;
}

function tempStatePath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apple-sim-ca-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'apple.json');
}

/** The extensions of a certificate, by OID, as PKI.js reads them. */
function extensionsOf(pem: string): Map<string, pkijs.Extension> {
  const der = new crypto.X509Certificate(pem).raw;
  const certificate = pkijs.Certificate.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer);
  return new Map((certificate.extensions ?? []).map((extension) => [extension.extnID, extension]));
}

/** The KeyUsage bits (digitalSignature = 0 ... cRLSign = 6) that are set. */
function keyUsageBits(pem: string): number[] {
  const bytes = extensionsOf(pem).get('2.5.29.15')!.parsedValue as { valueBlock: { valueHexView: Uint8Array } };
  const byte = bytes.valueBlock.valueHexView[0]!;
  return [0, 1, 2, 3, 4, 5, 6, 7].filter((bit) => byte & (0x80 >> bit));
}

describe('the simulated Apple device CA', () => {
  it('serves a P-256 CA certificate (cA, keyCertSign) at GET /simulator/device-ca, valid 20 years from the simulator clock', async () => {
    const { sim, clock } = await startSimulator();
    const response = await request(`${sim.url}/simulator/device-ca`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-pem-file');
    expect(response.text).toBe(sim.deviceCertificateAuthorityPem());
    const ca = new crypto.X509Certificate(response.text);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=Apple iPhone Device CA (Homeroom simulator)');
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(keyUsageBits(response.text)).toEqual([5, 6]);
    expect(extensionsOf(response.text).get('2.5.29.19')?.critical).toBe(true);
    const notAfter = new Date(ca.validTo).getTime();
    expect(notAfter - clock.now().getTime()).toBeGreaterThan(19.9 * 365 * 24 * 3600 * 1000);
    expect(new Date(ca.validFrom).getTime()).toBeLessThanOrEqual(clock.now().getTime());
  });

  it('issues an identity over POST /simulator/device-identities that chains to the CA, with CN = UDID, for any serial', async () => {
    const { sim, clock } = await startSimulator();
    const response = await request(`${sim.url}/simulator/device-identities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { serial: 'BOUGHTELSEWHERE1', udid: UDID },
    });
    expect(response.status).toBe(200);
    const identity = response.json<IdentityJson>();
    expect(identity.caCertificatePem).toBe(sim.deviceCertificateAuthorityPem());
    const ca = new crypto.X509Certificate(identity.caCertificatePem);
    const certificate = new crypto.X509Certificate(identity.certificatePem);
    expect(certificate.verify(ca.publicKey)).toBe(true);
    expect(certificate.checkIssued(ca)).toBe(true);
    expect(certificate.ca).toBe(false);
    expect(certificate.subject.split('\n')).toEqual(
      expect.arrayContaining([`CN=${UDID}`, 'serialNumber=BOUGHTELSEWHERE1', 'O=Apple Inc.', 'OU=iPhone']),
    );
    expect(keyUsageBits(identity.certificatePem)).toEqual([0]);
    expect(new Date(certificate.validTo).getTime() - clock.now().getTime()).toBeGreaterThan(9.9 * 365 * 24 * 3600 * 1000);
    // The key is PKCS#8 and belongs to the certificate.
    expect(identity.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const key = crypto.createPrivateKey(identity.privateKeyPem);
    const signature = crypto.sign('sha256', Buffer.from('MachineInfo'), key);
    expect(crypto.verify('sha256', Buffer.from('MachineInfo'), certificate.publicKey, signature)).toBe(true);
    // Every call burns a new identity.
    const again = sim.issueDeviceIdentity({ serial: 'BOUGHTELSEWHERE1', udid: UDID });
    expect(again.certificatePem).not.toBe(identity.certificatePem);
    expect(new crypto.X509Certificate(again.certificatePem).verify(ca.publicKey)).toBe(true);
  });

  it.each([
    ['no body', undefined, 'INVALID_SERIAL'],
    ['a missing serial', { udid: UDID }, 'INVALID_SERIAL'],
    ['a serial with spaces', { serial: 'DMP X12', udid: UDID }, 'INVALID_SERIAL'],
    ['a missing udid', { serial: 'DMPX12345678' }, 'INVALID_UDID'],
    ['a udid that is not hex', { serial: 'DMPX12345678', udid: 'not-a-udid' }, 'INVALID_UDID'],
  ])('answers 400 to %s with {error: {code: %s}}', async (_name, body, code) => {
    const { sim } = await startSimulator();
    const response = await request(`${sim.url}/simulator/device-identities`, { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('accepts the three UDID styles (40 hex, 8-16 hex, UUID)', async () => {
    const { sim } = await startSimulator();
    for (const udid of [UDID, '00008101-001E30590C08001E', '6F1C5A44-0D4B-4C5E-9E9A-3B0C1D2E3F40']) {
      expect(new crypto.X509Certificate(sim.issueDeviceIdentity({ serial: 'DMPX12345678', udid }).certificatePem).subject).toContain(
        `CN=${udid}`,
      );
    }
  });

  it('keeps its CA across a restart from the state file, so earlier identities still chain', async () => {
    const statePath = tempStatePath();
    const clock = new ManualClock();
    const first = await startAppleSimulator({ clock, seed: 3, devices: 5, statePath });
    const caPem = first.deviceCertificateAuthorityPem();
    const identity = first.issueDeviceIdentity({ serial: 'DMPX12345678', udid: UDID });
    await first.close();
    expect(JSON.parse(fs.readFileSync(statePath, 'utf8'))).toMatchObject({ deviceCa: { certificatePem: caPem } });

    const second = await startAppleSimulator({ clock, statePath });
    onTestFinished(() => second.close());
    expect(second.deviceCertificateAuthorityPem()).toBe(caPem);
    const ca = new crypto.X509Certificate((await request(`${second.url}/simulator/device-ca`)).text);
    expect(new crypto.X509Certificate(identity.certificatePem).verify(ca.publicKey)).toBe(true);
    const later = second.issueDeviceIdentity({ serial: 'DMPX12345679', udid: UDID });
    expect(new crypto.X509Certificate(later.certificatePem).verify(ca.publicKey)).toBe(true);
  });

  it('loads a state file written before the device CA existed, and makes (and saves) one on first use', async () => {
    const statePath = tempStatePath();
    const clock = new ManualClock();
    const first = await startAppleSimulator({ clock, seed: 4, devices: 5, statePath });
    await first.close();
    const file = JSON.parse(fs.readFileSync(statePath, 'utf8')) as Record<string, unknown>;
    expect(file.deviceCa).toBeUndefined();

    const second = await startAppleSimulator({ clock, statePath });
    const caPem = second.deviceCertificateAuthorityPem();
    await second.close();
    expect(JSON.parse(fs.readFileSync(statePath, 'utf8'))).toMatchObject({ deviceCa: { certificatePem: caPem } });
  });
});
